import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { BoardsModule } from '../boards/boards.module';
import { BudgetModule } from '../budget/budget.module';
import { FollowupModule } from '../followup/followup.module';
import { GoalsModule } from '../goals/goals.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** Import of plan and follow-up documents, all or nothing. */
@Module({
  imports: [BoardsModule, GoalsModule, IndicatorsModule, ActivitiesModule, BudgetModule, FollowupModule],
  controllers: [ImportController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportModule {}
