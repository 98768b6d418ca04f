import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { describeDatabaseError } from '../database/database-errors';
import { capErrors, DomainError, FieldError, HTTP_STATUS_BY_CODE } from './domain-error';

/** The body of every error response: a Swedish message and, for bad input, each field's problem. */
export interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: FieldError[];
  [more: string]: unknown;
}

const HTTP_MESSAGES: Record<number, string> = {
  400: 'Felaktig begäran.',
  404: 'Sidan eller resursen finns inte.',
  405: 'Metoden stöds inte här.',
  413: 'Filen är för stor.',
  415: 'Innehållstypen stöds inte.',
  429: 'För många försök. Vänta en stund och försök igen.',
};

/**
 * Turns every failure into a JSON answer in Swedish. Domain errors keep their message and
 * field list; framework errors get a Swedish text for their status; anything unexpected is
 * logged with its stack here and answered with a plain 500, never with the stack.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Fel');

  /** `maxErrors`: how many field errors an answer lists before counting the rest (MAX_ERRORS). */
  constructor(private readonly maxErrors = 200) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    // A person on a web page (not the API) is taken to the sign-in page, or shown the message as a page.
    if (!request.path.startsWith('/api') && request.path !== '/health') {
      if (body.statusCode === 401 && request.method === 'GET') {
        response.redirect(303, `/logga-in?till=${encodeURIComponent(request.originalUrl)}`);
        return;
      }
      response.status(body.statusCode).render('error', { title: 'Något gick fel', message: body.message, statusCode: body.statusCode });
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = HTTP_STATUS_BY_CODE[exception.code];
      return exception.errors.length > 0
        ? { statusCode, message: exception.message, errors: capErrors(exception.errors, this.maxErrors), ...exception.details }
        : { statusCode, message: exception.message, ...exception.details };
    }
    const parseFailure = bodyParserFailure(exception);
    if (parseFailure) return parseFailure;
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      if (statusCode < 500) {
        return { statusCode, message: HTTP_MESSAGES[statusCode] ?? 'Begäran kunde inte utföras.' };
      }
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const database = databaseFailure(exception);
    if (database) return database;
    return { statusCode: 500, message: 'Ett oväntat fel inträffade. Försök igen, och kontakta systemförvaltningen om felet kvarstår.' };
  }
}

/**
 * The database could not do its part (a broken connection, a transaction rolled back for
 * holding the embedded database too long, a clash with a concurrent change): not the
 * client's mistake and not a bug, so 503 or 409 with what happened, never a bare 500.
 */
function databaseFailure(exception: unknown): ErrorBody | null {
  const what = describeDatabaseError(exception);
  if (!what) return null;
  const code = (exception as { code?: unknown }).code;
  const conflict = typeof code === 'string' && ['23505', '40001', '40P01', '55P03'].includes(code);
  const message = /^[A-ZÅÄÖ]/.test(what) ? what : `Databasen kunde inte utföra begäran: ${what}. Ingenting har sparats; försök igen.`;
  return { statusCode: conflict ? 409 : 503, message };
}

/**
 * Errors from Express's body parsers: too large a body keeps its `type`; malformed JSON
 * reaches us as Nest's BadRequestException carrying the JSON parser's (English) message.
 */
function bodyParserFailure(exception: unknown): ErrorBody | null {
  const type = (exception as { type?: unknown } | null)?.type;
  const malformedJson =
    exception instanceof BadRequestException && /JSON|Unexpected token|Expected/.test(exception.message);
  if (type === 'entity.parse.failed' || malformedJson) {
    return { statusCode: 400, message: 'Innehållet är inte giltig JSON. Kontrollera kommatecken, citattecken och klamrar.' };
  }
  if (type === 'entity.too.large') {
    return { statusCode: 413, message: HTTP_MESSAGES[413] };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { statusCode: 415, message: 'Texten måste vara kodad som UTF-8.' };
  }
  return null;
}
