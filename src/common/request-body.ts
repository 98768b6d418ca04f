import { raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { FieldError } from './domain-error';
import { ErrorBody } from './http-exception.filter';
import { SV } from './validation';

/** Deepest nesting of arrays and objects a body may have (the import format needs 4). */
export const MAX_JSON_DEPTH = 32;

/** Keys that JavaScript treats specially; in a body they are unknown fields like any other. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** "25 MB", "512 kB": a byte count as people read it. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${String(Math.round((bytes / 1024 / 1024) * 10) / 10).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/**
 * Reads the body of every write request (POST, PUT, PATCH, DELETE) the one way the API
 * accepts it: JSON, encoded as UTF-8, no larger than the limit. Refuses anything else
 * with a Swedish message before a controller sees it: 415 for another content type or
 * charset, 413 for too large a body, 400 for an empty PUT/PATCH body, bytes that are not
 * UTF-8, malformed JSON, nesting deeper than MAX_JSON_DEPTH or a reserved key such as
 * `__proto__`. With `under` ("/api") only that part of the site is read this way; `binaryPaths`
 * (the input workbook) get the bytes as they are. Routes in `textPaths` (the import) get the decoded text, so that the
 * importer can point at the line and column where a document breaks.
 */
export function requestBody(options: { limitBytes: number; textPaths: string[]; under?: string; binaryPaths?: RegExp[] }): RequestHandler {
  const readRaw = raw({ type: () => true, limit: options.limitBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return next();
    // Outside `under` (the web pages' own forms) the pages' form parser reads the body.
    if (options.under && req.path !== options.under && !req.path.startsWith(`${options.under}/`)) return next();
    const asText = options.textPaths.some((p) => req.path === p || req.path.startsWith(`${p}/`));
    // A file as it is (the input workbook): its bytes, within the limit; its route checks what they are.
    if ((options.binaryPaths ?? []).some((p) => p.test(req.path))) {
      return raw({ type: () => true, limit: options.limitBytes })(req, res, (error?: unknown) => {
        if (!error) return next();
        const type = (error as { type?: string }).type;
        res.setHeader('Connection', 'close');
        if (type === 'entity.too.large') {
          return res.status(413).json({ statusCode: 413, message: `Filen är för stor: högst ${describeSize(options.limitBytes)} tas emot (inställningen MAX_DOCUMENT_SIZE).` });
        }
        return res.status(400).json({ statusCode: 400, message: 'Filen kunde inte läsas.' });
      });
    }
    const refuse = (statusCode: number, message: string, errors?: FieldError[]) => {
      // The rest of a refused body is not read: the connection closes after the answer.
      res.setHeader('Connection', 'close');
      const body: ErrorBody = errors ? { statusCode, message, errors } : { statusCode, message };
      res.status(statusCode).json(body);
    };

    const declaredLength = Number(req.headers['content-length'] ?? 0);
    const hasBody = req.headers['transfer-encoding'] !== undefined || declaredLength > 0;
    if (!hasBody) {
      if (req.method === 'PUT' || req.method === 'PATCH') {
        return refuse(400, 'Innehållet saknas. Skicka värdena som ett JSON-objekt (Content-Type: application/json).');
      }
      req.body = asText ? '' : {};
      return next();
    }

    const contentType = (req.headers['content-type'] ?? '').toLowerCase();
    const [mediaType, ...params] = contentType.split(';').map((part) => part.trim());
    if (!/^application\/([a-z0-9.+-]+\+)?json$/.test(mediaType)) {
      return refuse(
        415,
        `Innehållstypen ${mediaType ? `"${mediaType}"` : 'saknas och'} stöds inte. Skicka JSON med Content-Type: application/json.`,
      );
    }
    const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      return refuse(415, `Texten måste vara kodad som UTF-8, inte ${charset.toUpperCase()}. Ange charset=utf-8 eller utelämna charset.`);
    }

    readRaw(req, res, (error?: unknown) => {
      if (error) {
        const type = (error as { type?: string }).type;
        if (type === 'entity.too.large') {
          return refuse(413, `Innehållet är för stort: högst ${describeSize(options.limitBytes)} tas emot (inställningen MAX_DOCUMENT_SIZE).`);
        }
        return refuse(400, 'Innehållet kunde inte läsas.');
      }
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return refuse(400, `Texten är inte giltig UTF-8 (byte ${firstInvalidUtf8(bytes) + 1}). Spara filen som UTF-8.`);
      }
      if (asText) {
        req.body = text;
        return next();
      }
      if (text.trim().length === 0) {
        if (req.method === 'PUT' || req.method === 'PATCH') {
          return refuse(400, 'Innehållet saknas. Skicka värdena som ett JSON-objekt (Content-Type: application/json).');
        }
        req.body = {};
        return next();
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return refuse(400, 'Innehållet är inte giltig JSON. Kontrollera kommatecken, citattecken och klamrar.');
      }
      const problems = checkJsonShape(value);
      if (problems.length > 0) return refuse(400, 'Värdena kunde inte sparas.', problems);
      req.body = value;
      next();
    });
  };
}

/**
 * Nesting deeper than MAX_JSON_DEPTH, reserved keys (`__proto__`, `constructor`) and texts
 * holding U+0000 (which PostgreSQL cannot store), with their paths. Walks the value without recursion, so a hostile depth cannot overflow the stack.
 */
export function checkJsonShape(value: unknown, maxDepth = MAX_JSON_DEPTH): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string' && current.includes('\u0000')) {
      errors.push({ path, message: 'Texten innehåller tecknet U+0000 (NUL), som inte kan sparas. Ta bort det.' });
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) {
      return [{ path, message: `Innehållet är nästlat djupare än ${maxDepth} nivåer.` }];
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key) || key.includes('\u0000')) errors.push({ path: childPath, message: SV.unknownField });
      else stack.push({ value: (current as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}

/** Offset of the first byte that breaks UTF-8 (for the message). */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix (an unfinished last character allowed), found by halving.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // Step back to where the broken character begins (a lead byte left waiting for its rest).
  let start = low;
  while (start > 0 && (bytes[start - 1] & 0xc0) === 0x80) start--;
  if (start > 0 && bytes[start - 1] >= 0xc0) return start - 1;
  return low;
}
