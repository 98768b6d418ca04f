import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { RenderingModule } from '../rendering/rendering.module';
import { ReportsModule } from '../reports/reports.module';
import { ReportJobsController } from './report-jobs.controller';
import { ReportJobsService } from './report-jobs.service';

/** Reports for many boards as runs off the request path, in the app's own queue or on Redis for `npm run worker`. */
@Module({
  imports: [BoardsModule, ReportsModule, RenderingModule],
  controllers: [ReportJobsController],
  providers: [ReportJobsService],
  exports: [ReportJobsService],
})
export class ReportJobsModule {}
