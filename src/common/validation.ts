import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { FieldError, joinPath } from './domain-error';

/**
 * Swedish messages for the class-validator decorators. Every decorator in the DTOs takes
 * its message from here, so that an error always reads as one Swedish sentence after the
 * path of the field it concerns.
 */
export const SV = {
  required: 'Fältet saknas eller är tomt.',
  text: 'Måste vara en text.',
  notEmpty: 'Får inte vara tomt.',
  number: 'Måste vara ett tal (eller null).',
  requiredNumber: 'Måste vara ett tal.',
  integer: 'Måste vara ett heltal.',
  boolean: 'Måste vara true eller false.',
  array: 'Måste vara en lista ([...]).',
  object: 'Måste vara ett objekt ({...}).',
  date: 'Måste vara ett datum på formen ÅÅÅÅ-MM-DD.',
  maxLength: (max: number) => `Får vara högst ${max} tecken lång.`,
  oneOf: (values: readonly (string | number)[]) =>
    `Måste vara ett av ${values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ')}.`,
  min: (min: number) => `Får inte vara mindre än ${min}.`,
  max: (max: number) => `Får inte vara större än ${max}.`,
  unknownField: 'Okänt fält. Kontrollera stavningen.',
} as const;

/** Turns class-validator's nested errors into a flat list of Swedish messages with paths. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const key = /^\d+$/.test(error.property) && Array.isArray(error.target) ? Number(error.property) : error.property;
    const path = joinPath(parentPath, key);
    const constraints = error.constraints ?? {};
    if (parentPath === '' && constraints.isObject?.startsWith('Validation failed')) {
      // Nest's ValidationPipe when the whole body is a list or a single value: its own message is English.
      result.push({ path: '', message: 'Innehållet måste vara ett JSON-objekt ({...}), inte en lista eller ett enskilt värde.' });
      continue;
    }
    if ('whitelistValidation' in constraints) {
      result.push({ path, message: SV.unknownField });
    } else {
      // One message per field is enough: "missing" first, else the first failed rule.
      const first = constraints.isDefined ?? Object.values(constraints)[0];
      if (first) result.push({ path, message: first });
    }
    // A field that is itself wrong (a text where a list belongs) says nothing useful about its parts.
    const ownProblem = Object.keys(constraints).length > 0;
    if (!ownProblem && error.children?.length) result.push(...toFieldErrors(error.children, path));
  }
  return result;
}

/**
 * Builds a DTO instance from parsed JSON and validates it: unknown fields are errors, no
 * implicit type conversion (a "85" where 85 belongs is an error, not a guess).
 */
export function validatePlain<T extends object>(
  cls: ClassConstructor<T>,
  plain: unknown,
  parentPath = '',
): { value: T; errors: FieldError[] } {
  const value = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = validateSync(value as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
    validationError: { target: true, value: true },
  });
  return { value, errors: toFieldErrors(errors, parentPath) };
}
