import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { BoardsModule } from '../boards/boards.module';
import { BudgetModule } from '../budget/budget.module';
import { GoalsModule } from '../goals/goals.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { FollowupController } from './followup.controller';
import { CorrectionsService } from './corrections.service';
import { FollowupService } from './followup.service';
import { PeriodTextsService } from './period-texts.service';

/** Period follow-up: one period's figures with everything computed, and a controller's corrections. */
@Module({
  imports: [BoardsModule, GoalsModule, IndicatorsModule, ActivitiesModule, BudgetModule],
  controllers: [FollowupController],
  providers: [FollowupService, CorrectionsService, PeriodTextsService],
  exports: [FollowupService, PeriodTextsService, CorrectionsService],
})
export class FollowupModule {}
