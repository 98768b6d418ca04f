import { ACCOUNT_TYPES } from '../../budget/account-group.entity';
import {
  BooleanField,
  CodeField,
  DateField,
  ListField,
  NameField,
  NumberField,
  ObjectField,
  OneOfField,
  OptionalNumberField,
  OptionalPatternField,
  OptionalTextField,
  YearField,
} from '../../common/validation-decorators';
import { DIRECTIONS, FREQUENCIES, INDICATOR_SOURCES, INDICATOR_UNITS } from '../../indicators/indicator.entity';
import { AMOUNT_UNITS } from './amount-units';

/*
 * Interchange format v1, kind "plan" (SPEC 2.1): what the board decided for the year.
 * Field names are the format's; the Swedish terms are in the comments.
 */

export class PlanBoardDto {
  @CodeField()
  code: string;

  @NameField(300)
  name: string;
}

/** KF:s inriktningsmål. */
export class PlanCouncilAimDto {
  @CodeField()
  code: string;

  @NameField()
  name: string;
}

/** KF:s mål för verksamhetsområdet. */
export class PlanCouncilGoalDto {
  @CodeField()
  code: string;

  /** Code of its inriktningsmål. */
  @CodeField()
  aim: string;

  @NameField()
  name: string;
}

/** Nämndmål, with its förväntat resultat. */
export class PlanBoardGoalDto {
  @CodeField()
  code: string;

  /** Code of its KF goal. */
  @CodeField()
  councilGoal: string;

  @NameField()
  name: string;

  @OptionalTextField()
  expectedResult?: string | null;
}

export class PlanIndicatorDto {
  @CodeField()
  code: string;

  /** Code of a KF goal or a nämndmål. */
  @CodeField()
  goal: string;

  @NameField()
  name: string;

  @OneOfField(INDICATOR_SOURCES)
  source: (typeof INDICATOR_SOURCES)[number];

  @OneOfField(INDICATOR_UNITS)
  unit: (typeof INDICATOR_UNITS)[number];

  @OneOfField(DIRECTIONS)
  direction: (typeof DIRECTIONS)[number];

  @BooleanField()
  genderSplit: boolean;

  @OneOfField(FREQUENCIES)
  frequency: (typeof FREQUENCIES)[number];

  /** Årsmål. */
  @OptionalNumberField()
  annualTarget?: number | null;

  /** KF:s årsmål; null = "tas fram av nämnden". */
  @OptionalNumberField()
  councilTarget?: number | null;

  @OptionalNumberField()
  tolerance?: number | null;

  @OptionalNumberField()
  partialThreshold?: number | null;

  /** Periodens utfall VB <year-1>. */
  @OptionalNumberField()
  previousYearOutcome?: number | null;

  /** How much worse than last year before "Försämring mot föregående år" (in the unit); default 5 % of the årsmål. */
  @OptionalNumberField()
  deteriorationThreshold?: number | null;

  /** The Kolada KPI whose values `import-kolada` writes here, e.g. "N00945". */
  @OptionalPatternField(/^[A-Z]\d{5}$/, 'Ett Kolada-nyckeltal skrivs som en bokstav och fem siffror, t.ex. "N00945".')
  koladaKpi?: string | null;
}

export class PlanActivityDto {
  @CodeField()
  code: string;

  @CodeField()
  goal: string;

  @NameField(5000)
  name: string;

  @DateField()
  start: string;

  @DateField()
  end: string;
}

export class PlanOperatingAreaDto {
  @NameField(300)
  name: string;

  /** Bokslut <year-1>. */
  @OptionalNumberField()
  previousYearActual?: number | null;

  @NumberField()
  budget: number;
}

export class PlanAccountGroupDto {
  @NameField(300)
  name: string;

  @OneOfField(ACCOUNT_TYPES)
  type: (typeof ACCOUNT_TYPES)[number];

  /** Negative for revenue, positive for cost, as in the city's tables. */
  @NumberField()
  budget: number;
}

export class PlanBudgetDto {
  @OneOfField(AMOUNT_UNITS)
  unit: (typeof AMOUNT_UNITS)[number];

  @ListField(() => PlanOperatingAreaDto)
  operatingAreas: PlanOperatingAreaDto[];

  @ListField(() => PlanAccountGroupDto)
  accountGroups: PlanAccountGroupDto[];
}

export class PlanDocumentDto {
  @OneOfField(['plan'])
  kind: 'plan';

  @OneOfField([1])
  version: 1;

  @ObjectField(() => PlanBoardDto)
  board: PlanBoardDto;

  @YearField()
  year: number;

  @ListField(() => PlanCouncilAimDto)
  councilAims: PlanCouncilAimDto[];

  @ListField(() => PlanCouncilGoalDto)
  councilGoals: PlanCouncilGoalDto[];

  @ListField(() => PlanBoardGoalDto)
  boardGoals: PlanBoardGoalDto[];

  @ListField(() => PlanIndicatorDto)
  indicators: PlanIndicatorDto[];

  @ListField(() => PlanActivityDto)
  activities: PlanActivityDto[];

  @ObjectField(() => PlanBudgetDto)
  budget: PlanBudgetDto;

  /** The board's municipality in Kolada, four digits (Stockholm "0180"). */
  @OptionalPatternField(/^\d{4}$/, 'En kommun i Kolada skrivs med fyra siffror, t.ex. "0180" för Stockholm.')
  koladaMunicipality?: string | null;

  /** Or the board's organisational unit in Kolada, e.g. "V15E144001301". */
  @OptionalPatternField(/^[A-Z0-9]{5,30}$/, 'En organisatorisk enhet i Kolada skrivs med versaler och siffror, t.ex. "V15E144001301".')
  koladaOu?: string | null;
}
