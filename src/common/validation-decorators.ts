import { PERIODS, PERIODS_TEXT } from './period';
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SV } from './validation';

/*
 * The few field shapes of the interchange format and the API, each with its Swedish
 * messages, so that the DTOs read as a list of fields and every rule is written once.
 */

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A code such as "SON", "1.2.a" or "SON-I07": required text, trimmed. */
export function CodeField(maxLength = 50) {
  return applyDecorators(
    trim,
    IsDefined({ message: SV.required }),
    IsString({ message: SV.text }),
    IsNotEmpty({ message: SV.notEmpty }),
    MaxLength(maxLength, { message: SV.maxLength(maxLength) }),
  );
}

/** A required name or title, trimmed. */
export function NameField(maxLength = 2000) {
  return CodeField(maxLength);
}

/** Free text such as an analysis; may be missing or null. */
export function OptionalTextField(maxLength = 50_000) {
  return applyDecorators(
    IsOptional(),
    IsString({ message: SV.text }),
    MaxLength(maxLength, { message: SV.maxLength(maxLength) }),
  );
}

/** A number that may be missing or null. */
export function OptionalNumberField() {
  return applyDecorators(IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }, { message: SV.number }));
}

/** A number that must be given. */
export function NumberField() {
  return applyDecorators(
    IsDefined({ message: SV.required }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: SV.requiredNumber }),
  );
}

export function BooleanField() {
  return applyDecorators(IsDefined({ message: SV.required }), IsBoolean({ message: SV.boolean }));
}

export function YearField() {
  return applyDecorators(
    IsDefined({ message: SV.required }),
    IsInt({ message: SV.integer }),
    Min(2000, { message: SV.min(2000) }),
    Max(2100, { message: SV.max(2100) }),
  );
}

/** Optional text of a fixed shape (an id), with a Swedish message saying what it looks like. */
export function OptionalPatternField(pattern: RegExp, message: string) {
  return applyDecorators(IsOptional(), IsString({ message: SV.text }), Matches(pattern, { message }));
}

/** One of a fixed set of values; `optional` lets it be missing or null. */
export function OneOfField(values: readonly (string | number)[], options: { optional?: boolean } = {}) {
  return applyDecorators(
    options.optional ? IsOptional() : IsDefined({ message: SV.required }),
    IsIn(values as (string | number)[], { message: SV.oneOf(values) }),
  );
}

/** A follow-up period: T1, T2, VB or a month M01–M12. */
export function PeriodField() {
  return applyDecorators(
    IsDefined({ message: SV.required }),
    IsIn(PERIODS as unknown as string[], { message: `Måste vara ett av ${PERIODS_TEXT}.` }),
  );
}

/** A calendar date written YYYY-MM-DD (whether the day exists is checked with the other rules). */
export function DateField() {
  return applyDecorators(
    IsDefined({ message: SV.required }),
    IsString({ message: SV.date }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: SV.date }),
  );
}

/** A list of nested objects; required unless `optional`. */
export function ListField(type: () => new () => object, options: { optional?: boolean } = {}) {
  return applyDecorators(
    options.optional ? IsOptional() : IsDefined({ message: SV.required }),
    IsArray({ message: SV.array }),
    ValidateNested({ each: true, message: SV.object }),
    Type(type),
  );
}

/** A nested object; required unless `optional`. */
export function ObjectField(type: () => new () => object, options: { optional?: boolean } = {}) {
  return applyDecorators(
    options.optional ? IsOptional() : IsDefined({ message: SV.required }),
    IsObject({ message: SV.object }),
    ValidateNested({ message: SV.object }),
    Type(type),
  );
}
