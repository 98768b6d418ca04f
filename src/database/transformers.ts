import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL returns `bigint` as text so that no precision is lost. Amounts are whole
 * kronor, far below 2^53, so they are safe as JavaScript integers; anything else is a bug.
 */
export const kronorTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null): number | null => {
    if (value === null || value === undefined) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`Belopp utanför säkert heltalsintervall: ${value}`);
    return n;
  },
};

/**
 * `numeric` comes back as text. Indicator values (outcomes, targets) are compared, never
 * summed, so a JavaScript number is the right type for them once read.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null): number | null => (value === null || value === undefined ? null : Number(value)),
};
