import { Module } from '@nestjs/common';
import { ChartsService } from './charts.service';

/** The report charts as PNG images: måluppfyllelse, indikatorer, budget per verksamhetsområde, förbrukning. */
@Module({ providers: [ChartsService], exports: [ChartsService] })
export class ChartsModule {}
