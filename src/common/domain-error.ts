/** One problem found in input, with the JSON path of the field it concerns. */
export interface FieldError {
  /** Path into the document or request body, e.g. `indicators[3].annualTarget`; empty for the whole document. */
  path: string;
  /** What is wrong, in Swedish, for the person who wrote the input. */
  message: string;
}

/** The kinds of failure that users can meet; each maps to one HTTP status. */
export enum DomainErrorCode {
  InvalidInput = 'INVALID_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  StaleVersion = 'STALE_VERSION',
  NotFound = 'NOT_FOUND',
  PeriodLocked = 'PERIOD_LOCKED',
  Conflict = 'CONFLICT',
  DatabaseBusy = 'DATABASE_BUSY',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
}

export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  [DomainErrorCode.InvalidInput]: 400,
  [DomainErrorCode.Unauthenticated]: 401,
  [DomainErrorCode.Forbidden]: 403,
  [DomainErrorCode.StaleVersion]: 412,
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.PeriodLocked]: 409,
  [DomainErrorCode.Conflict]: 409,
  [DomainErrorCode.DatabaseBusy]: 503,
  [DomainErrorCode.DatabaseUnavailable]: 503,
};

/**
 * An expected failure with a Swedish message that can be shown as it is. Services throw
 * these; the HTTP filter and the command line turn them into a response or an exit code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** More of the answer's body, e.g. a row's current values with a 412. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(message: string, errors: FieldError[] = []): DomainError {
    return new DomainError(DomainErrorCode.InvalidInput, message, errors);
  }

  static notFound(message: string): DomainError {
    return new DomainError(DomainErrorCode.NotFound, message);
  }
}

/** Joins a parent path and a child key the way the error paths are written: `a.b[2].c`. */
export function joinPath(parent: string, child: string | number): string {
  if (typeof child === 'number') return `${parent}[${child}]`;
  return parent ? `${parent}.${child}` : child;
}

/**
 * The first `max` errors and, when there are more, one line that counts the rest: a
 * document with a hundred thousand mistakes gets an answer a person can read.
 */
export function capErrors(errors: FieldError[], max: number): FieldError[] {
  if (errors.length <= max) return errors;
  const rest = errors.length - max;
  return [...errors.slice(0, max), { path: '', message: `och ${rest.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} fel till som inte visas.` }];
}
