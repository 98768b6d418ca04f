import { FieldError, joinPath } from '../common/domain-error';
import { svNumber } from '../common/format';
import { Direction, IndicatorUnit } from './indicator.entity';

/** What the value rules need to know about an indicator. */
export interface IndicatorShape {
  code: string;
  unit: IndicatorUnit;
  direction: Direction;
  genderSplit: boolean;
}

/**
 * A percent on an increase or decrease indicator is a share and lies within 0–100. A range
 * indicator may hold any value (a prognossäkerhet of −1 %, a budgetföljsamhet of 101,6 %).
 */
export function isShare(indicator: Pick<IndicatorShape, 'unit' | 'direction'>): boolean {
  return indicator.unit === 'percent' && indicator.direction !== 'range';
}

export function checkShare(indicator: Pick<IndicatorShape, 'unit' | 'direction'>, value: unknown, path: string): FieldError[] {
  if (typeof value !== 'number' || !isShare(indicator)) return [];
  if (value < 0 || value > 100) {
    return [{ path, message: `En andel i procent måste ligga mellan 0 och 100, inte ${svNumber(value)}.` }];
  }
  return [];
}

/**
 * The rules for a period's values of one indicator that depend on its plan: män/kvinnor
 * only where the indicator is könsuppdelad, and shares within 0–100.
 */
export function checkIndicatorValues(
  indicator: IndicatorShape,
  values: { outcome?: number | null; men?: number | null; women?: number | null; forecast?: number | null },
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['men', 'women'] as const) {
    if (!indicator.genderSplit && values[field] !== null && values[field] !== undefined) {
      errors.push({
        path: joinPath(path, field),
        message: `Indikatorn ${indicator.code} är inte könsuppdelad och kan inte ha utfall för ${
          field === 'men' ? 'män/pojkar' : 'kvinnor/flickor'
        }.`,
      });
    }
  }
  for (const field of ['outcome', 'men', 'women', 'forecast'] as const) {
    errors.push(...checkShare(indicator, values[field], joinPath(path, field)));
  }
  return errors;
}
