import { Module } from '@nestjs/common';
import { ChartsModule } from '../charts/charts.module';
import { FollowupModule } from '../followup/followup.module';
import { RenderingModule } from '../rendering/rendering.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The report workbook, the budget exports and the charts as downloads. */
@Module({
  imports: [FollowupModule, ChartsModule, RenderingModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
