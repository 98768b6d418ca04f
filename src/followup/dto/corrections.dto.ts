import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalTextField } from '../../common/validation-decorators';
import { SV } from '../../common/validation';
import { ASSESSMENTS, Assessment } from '../../goals/goal-assessment.entity';

const MAX_KRONOR = Number.MAX_SAFE_INTEGER;

/** PATCH …/goals/{code}: the board's bedömning and its analysis; null clears. */
export class GoalCorrectionDto {
  @IsOptional()
  @IsIn(ASSESSMENTS as unknown as string[], { message: SV.oneOf(ASSESSMENTS) })
  assessment?: Assessment | null;

  @OptionalTextField()
  analysis?: string | null;
}

/** PATCH …/activities/{code}: avvikelse and comment. */
export class ActivityCorrectionDto {
  @IsOptional()
  @IsBoolean({ message: SV.boolean })
  deviation?: boolean | null;

  @OptionalTextField()
  comment?: string | null;
}

/** PATCH …/operating-areas/{name}: prognos and justering in whole kronor, as the period's GET shows them, and the comment. */
export class OperatingAreaCorrectionDto {
  @IsOptional()
  @IsInt({ message: 'Måste vara ett belopp i hela kronor (ett heltal).' })
  @Min(-MAX_KRONOR, { message: SV.min(-MAX_KRONOR) })
  @Max(MAX_KRONOR, { message: SV.max(MAX_KRONOR) })
  forecast?: number | null;

  @IsOptional()
  @IsInt({ message: 'Måste vara ett belopp i hela kronor (ett heltal).' })
  @Min(-MAX_KRONOR, { message: SV.min(-MAX_KRONOR) })
  @Max(MAX_KRONOR, { message: SV.max(MAX_KRONOR) })
  adjustment?: number | null;

  /** Prestationsförändring in whole kronor (+ when the board gets more); null = 0. */
  @IsOptional()
  @IsInt({ message: 'Måste vara ett belopp i hela kronor (ett heltal).' })
  @Min(-MAX_KRONOR, { message: SV.min(-MAX_KRONOR) })
  @Max(MAX_KRONOR, { message: SV.max(MAX_KRONOR) })
  volumeChange?: number | null;

  /** Återredovisning to kommunstyrelsen in whole kronor (+ when returned); null = 0. */
  @IsOptional()
  @IsInt({ message: 'Måste vara ett belopp i hela kronor (ett heltal).' })
  @Min(-MAX_KRONOR, { message: SV.min(-MAX_KRONOR) })
  @Max(MAX_KRONOR, { message: SV.max(MAX_KRONOR) })
  returned?: number | null;

  /** What the report says about the area's prognos (printed under "Barn och ungdom −1,8 mnkr"). */
  @OptionalTextField()
  comment?: string | null;
}
