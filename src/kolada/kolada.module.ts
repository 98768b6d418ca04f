import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { FollowupModule } from '../followup/followup.module';
import { ImportModule } from '../import/import.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { KoladaService } from './kolada.service';

/** Kolada, the national database of municipal key figures: its saved responses written into follow-ups. */
@Module({
  imports: [BoardsModule, IndicatorsModule, FollowupModule, ImportModule],
  providers: [KoladaService],
  exports: [KoladaService],
})
export class KoladaModule {}
