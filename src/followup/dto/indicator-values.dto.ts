import { OptionalNumberField, OptionalTextField } from '../../common/validation-decorators';

/**
 * What a controller enters for one indicator in one period. Every value may be null;
 * män/kvinnor only on könsuppdelade indicators, shares within 0–100 (checked against the
 * indicator's plan).
 */
export class IndicatorValuesDto {
  /** Periodens utfall. */
  @OptionalNumberField()
  outcome?: number | null;

  /** Utfall män/pojkar. */
  @OptionalNumberField()
  men?: number | null;

  /** Utfall kvinnor/flickor. */
  @OptionalNumberField()
  women?: number | null;

  /** Prognos helår. */
  @OptionalNumberField()
  forecast?: number | null;

  /** Analys. */
  @OptionalTextField()
  analysis?: string | null;
}
