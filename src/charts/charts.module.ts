import { Module } from '@nestjs/common';
import { RenderingModule } from '../rendering/rendering.module';
import { ChartsService } from './charts.service';

/** The report charts as PNG images: måluppfyllelse, indikatorer, budget per verksamhetsområde, förbrukning … */
@Module({ imports: [RenderingModule], providers: [ChartsService], exports: [ChartsService] })
export class ChartsModule {}
