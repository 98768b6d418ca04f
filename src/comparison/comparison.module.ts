import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { ChartsModule } from '../charts/charts.module';
import { FollowupModule } from '../followup/followup.module';
import { ComparisonController } from './comparison.controller';
import { ComparisonService } from './comparison.service';

/** Comparison between boards of one indicator in one year and period (issue 10). */
@Module({
  imports: [BoardsModule, FollowupModule, ChartsModule],
  controllers: [ComparisonController],
  providers: [ComparisonService],
  exports: [ComparisonService],
})
export class ComparisonModule {}
