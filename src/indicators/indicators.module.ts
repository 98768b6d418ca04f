import { Module } from '@nestjs/common';
import { IndicatorsService } from './indicators.service';

/** Indicators with their targets, and their outcomes and forecasts per period. */
@Module({ providers: [IndicatorsService], exports: [IndicatorsService] })
export class IndicatorsModule {}
