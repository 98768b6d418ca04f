import { Module } from '@nestjs/common';
import { FollowupModule } from '../followup/followup.module';
import { ImportModule } from '../import/import.module';
import { InputWorkbookController } from './input-workbook.controller';
import { InputWorkbookService } from './input-workbook.service';

/** The Excel round trip of a period's follow-up: the input workbook, its upload, preview and all-or-nothing apply. */
@Module({
  imports: [FollowupModule, ImportModule],
  controllers: [InputWorkbookController],
  providers: [InputWorkbookService],
  exports: [InputWorkbookService],
})
export class InputWorkbookModule {}
