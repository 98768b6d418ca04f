import { ClassConstructor } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { FieldError } from '../common/domain-error';
import { validatePlain } from '../common/validation';

/** Where class-transformer keeps the @Type of each field (the element class of a list). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

/** Rows validated between two turns of the event loop. */
const ROWS_PER_TURN = 1000;

/**
 * validatePlain for a whole import document without holding the server: the long lists
 * at the top (indicators, goals, activities ...) are validated a thousand rows at a time,
 * letting other requests (and /health) in between, so that checking a document of many
 * megabytes never stops the server for seconds. The errors and paths are the same as
 * validatePlain's on the whole document; the work stays linear in its size.
 */
export async function validateDocument<T extends object>(
  cls: ClassConstructor<T>,
  document: Record<string, unknown>,
): Promise<{ value: T; errors: FieldError[] }> {
  const lists = Object.entries(document).filter(
    ([key, rows]) =>
      Array.isArray(rows) &&
      rows.length > ROWS_PER_TURN &&
      rows.every((row) => row !== null && typeof row === 'object' && !Array.isArray(row)) &&
      defaultMetadataStorage.findTypeMetadata(cls, key) !== undefined,
  ) as [string, Record<string, unknown>[]][];
  if (lists.length === 0) return validatePlain(cls, document);

  const head = validatePlain(cls, { ...document, ...Object.fromEntries(lists.map(([key]) => [key, []])) });
  const errors = [...head.errors];
  const value = head.value as Record<string, unknown>;
  for (const [key, rows] of lists) {
    const rowClass = defaultMetadataStorage.findTypeMetadata(cls, key).typeFunction() as ClassConstructor<object>;
    const instances: object[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_TURN) {
      await yieldToEventLoop();
      rows.slice(start, start + ROWS_PER_TURN).forEach((row, i) => {
        const checked = validatePlain(rowClass, row, `${key}[${start + i}]`);
        instances.push(checked.value);
        errors.push(...checked.errors);
      });
    }
    value[key] = instances;
  }
  return { value: value as T, errors };
}
