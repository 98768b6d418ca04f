import { FieldError, joinPath } from '../common/domain-error';
import { svNumber } from '../common/format';
import { currentMaxValue, describeBound } from '../common/value-limits';
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
 * Every value of an indicator lies within ±MAX_VALUE; a count or a number of days is
 * never negative.
 */
export function checkValueRange(indicator: Pick<IndicatorShape, 'unit'>, value: unknown, path: string): FieldError[] {
  if (typeof value !== 'number') return [];
  if ((indicator.unit === 'count' || indicator.unit === 'days') && value < 0) {
    return [{ path, message: indicator.unit === 'count' ? 'Ett antal kan inte vara negativt.' : 'Ett antal dagar kan inte vara negativt.' }];
  }
  const max = currentMaxValue();
  if (value > max) return [{ path, message: `Får inte vara större än ${describeBound(max)}.` }];
  if (value < -max) return [{ path, message: `Får inte vara mindre än -${describeBound(max)}.` }];
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
    const range = checkValueRange(indicator, values[field], joinPath(path, field));
    errors.push(...(range.length > 0 ? range : checkShare(indicator, values[field], joinPath(path, field))));
  }
  return errors;
}
