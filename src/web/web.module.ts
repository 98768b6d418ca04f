import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BoardsModule } from '../boards/boards.module';
import { FollowupModule } from '../followup/followup.module';
import { ComparisonModule } from '../comparison/comparison.module';
import { ReportJobsModule } from '../report-jobs/report-jobs.module';
import { InputWorkbookModule } from '../input-workbook/input-workbook.module';
import { InputPagesController } from './input-pages.controller';
import { ReportJobPagesController } from './report-job-pages.controller';
import { AdminPagesController } from './admin-pages.controller';
import { ComparisonPagesController } from './comparison-pages.controller';
import { BudgetPagesController } from './budget-pages.controller';
import { GoalPagesController } from './goal-pages.controller';
import { TextPagesController } from './text-pages.controller';
import { WebController } from './web.controller';

/** The web pages for controllers, managers and auditors (SPEC 8), over the same services as the API. */
@Module({
  imports: [AuthModule, BoardsModule, FollowupModule, ComparisonModule, ReportJobsModule, InputWorkbookModule],
  controllers: [WebController, GoalPagesController, BudgetPagesController, TextPagesController, AdminPagesController, ComparisonPagesController, ReportJobPagesController, InputPagesController],
})
export class WebModule {}
