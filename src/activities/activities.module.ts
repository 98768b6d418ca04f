import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';

/** Activities and their avvikelse per period. */
@Module({ providers: [ActivitiesService], exports: [ActivitiesService] })
export class ActivitiesModule {}
