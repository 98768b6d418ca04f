import { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { describeSize } from '../common/request-body';

/** The API route of the input workbook, whose POST body is the xlsx file itself. */
export const INPUT_WORKBOOK_PATH = /^\/api\/boards\/[^/]+\/years\/[^/]+\/periods\/[^/]+\/input\.xlsx$/;

/** The page's upload form posts here (multipart/form-data, the file in the field "arbetsbok"). */
export const INPUT_PAGE_UPLOAD_PATH = /^\/namnder\/[^/]+\/[^/]+\/[^/]+\/inmatning(\/tillampa)?$/;

/** The field of the page's form that carries the file. */
export const UPLOAD_FIELD = 'arbetsbok';

/** A request whose upload could not be read, with the Swedish reason, for the page to show beside the field. */
export interface UploadRequest extends Request {
  uploadError?: string;
  file?: Express.Multer.File;
}

/**
 * Reads the page's multipart upload (multer, in memory, one file within MAX_DOCUMENT_SIZE)
 * before the guard runs, so that the form's hidden `_csrf` field is there to be checked. A
 * file too large or a broken form does not end the request: the page says why.
 */
export function inputUpload(limitBytes: number): RequestHandler {
  const read = multer({ storage: multer.memoryStorage(), limits: { fileSize: limitBytes, files: 1, fields: 10, fieldSize: limitBytes * 2 } }).single(UPLOAD_FIELD);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !INPUT_PAGE_UPLOAD_PATH.test(req.path) || !(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return next();
    read(req, res, (error?: unknown) => {
      if (error) {
        const code = (error as { code?: string }).code;
        (req as UploadRequest).uploadError =
          code === 'LIMIT_FILE_SIZE' ? `Filen är för stor: högst ${describeSize(limitBytes)} tas emot.` : 'Filen kunde inte tas emot; försök igen.';
        req.body = req.body ?? {};
      }
      next();
    });
  };
}
