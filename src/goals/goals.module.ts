import { Module } from '@nestjs/common';
import { GoalsService } from './goals.service';

/** The goal tree (inriktningsmål, KF:s mål, nämndmål) and the board's bedömningar. */
@Module({ providers: [GoalsService], exports: [GoalsService] })
export class GoalsModule {}
