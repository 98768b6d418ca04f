import { Module } from '@nestjs/common';
import { BudgetService } from './budget.service';

/** Budget per verksamhetsområde and kontogrupp, with utfall and prognos per period. */
@Module({ providers: [BudgetService], exports: [BudgetService] })
export class BudgetModule {}
