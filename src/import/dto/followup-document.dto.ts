import { Period } from '../../common/period';
import {
  BooleanField,
  CodeField,
  ListField,
  NameField,
  NumberField,
  ObjectField,
  OneOfField,
  OptionalNumberField,
  OptionalTextField,
  YearField,
  PeriodField,
} from '../../common/validation-decorators';
import { IndicatorValuesDto } from '../../followup/dto/indicator-values.dto';
import { ASSESSMENTS } from '../../goals/goal-assessment.entity';
import { AMOUNT_UNITS } from './amount-units';

/*
 * Interchange format v1, kind "followup" (SPEC 2.2): one period's outcomes. Every list is
 * optional; what a document leaves out stays as it was.
 */

export class FollowupIndicatorDto extends IndicatorValuesDto {
  @CodeField()
  code: string;
}

export class FollowupGoalDto {
  @CodeField()
  code: string;

  /** Bedömning: full = Uppfylls helt, partial = delvis, none = inte; null = Ej bedömd. */
  @OneOfField(ASSESSMENTS, { optional: true })
  assessment?: (typeof ASSESSMENTS)[number] | null;

  @OptionalTextField()
  analysis?: string | null;
}

export class FollowupActivityDto {
  @CodeField()
  code: string;

  /** Avvikelse from the plan. */
  @BooleanField()
  deviation: boolean;

  @OptionalTextField()
  comment?: string | null;
}

export class FollowupOperatingAreaDto {
  @NameField(300)
  name: string;

  /** Prognos for the year. */
  @NumberField()
  forecast: number;

  /** Justering; 0 when missing. */
  @OptionalNumberField()
  adjustment?: number | null;

  /** Prestationsförändring (+ when the board gets more); 0 when missing. */
  @OptionalNumberField()
  volumeChange?: number | null;

  /** Återredovisning to kommunstyrelsen (+ when returned); 0 when missing. */
  @OptionalNumberField()
  returned?: number | null;

  /** What the report says about the area's prognos (printed under "Barn och ungdom −1,8 mnkr"). */
  @OptionalTextField()
  comment?: string | null;
}

export class FollowupAccountGroupDto {
  @NameField(300)
  name: string;

  /** Utfall, cumulative for the year to date. */
  @OptionalNumberField()
  actual?: number | null;

  /** Prognos for the year. */
  @OptionalNumberField()
  forecast?: number | null;

  /** Budget <year-1>. */
  @OptionalNumberField()
  previousYearBudget?: number | null;

  /** Utfall <year-1> at the same point of that year. */
  @OptionalNumberField()
  previousYearActual?: number | null;
}

export class FollowupBudgetDto {
  @OneOfField(AMOUNT_UNITS)
  unit: (typeof AMOUNT_UNITS)[number];

  @ListField(() => FollowupOperatingAreaDto, { optional: true })
  operatingAreas?: FollowupOperatingAreaDto[];

  @ListField(() => FollowupAccountGroupDto, { optional: true })
  accountGroups?: FollowupAccountGroupDto[];

  /** The text under "Uppföljning av driftbudget". */
  @OptionalTextField()
  comment?: string | null;
}

/** A headed part of the report after the budget: Resultatenheter, Investeringar … */
export class FollowupSectionDto {
  @NameField(300)
  heading: string;

  @OptionalTextField()
  text?: string | null;
}

export class FollowupDocumentDto {
  @OneOfField(['followup'])
  kind: 'followup';

  @OneOfField([1])
  version: 1;

  /** Code of the board. */
  @CodeField()
  board: string;

  @YearField()
  year: number;

  @PeriodField()
  period: Period;

  @ListField(() => FollowupIndicatorDto, { optional: true })
  indicators?: FollowupIndicatorDto[];

  @ListField(() => FollowupGoalDto, { optional: true })
  goals?: FollowupGoalDto[];

  @ListField(() => FollowupActivityDto, { optional: true })
  activities?: FollowupActivityDto[];

  @ObjectField(() => FollowupBudgetDto, { optional: true })
  budget?: FollowupBudgetDto;

  /** "Sammanfattande analys": plain text, paragraphs separated by a blank line. */
  @OptionalTextField()
  summary?: string | null;

  @ListField(() => FollowupSectionDto, { optional: true })
  sections?: FollowupSectionDto[];
}
