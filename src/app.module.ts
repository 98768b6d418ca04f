import { DynamicModule, Module } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { configureMaxValue } from './common/value-limits';
import { BoardsModule } from './boards/boards.module';
import { BudgetModule } from './budget/budget.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DatabaseRole } from './database/database-endpoint';
import { DatabaseModule } from './database/database.module';
import { FollowupModule } from './followup/followup.module';
import { GoalsModule } from './goals/goals.module';
import { HealthModule } from './health/health.module';
import { ImportModule } from './import/import.module';
import { InputWorkbookModule } from './input-workbook/input-workbook.module';
import { KoladaModule } from './kolada/kolada.module';
import { ComparisonModule } from './comparison/comparison.module';
import { BenchFloorModule } from './bench/bench-floor.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ReportsModule } from './reports/reports.module';
import { ReportJobsModule } from './report-jobs/report-jobs.module';
import { SeedModule } from './seed/seed.module';
import { WebModule } from './web/web.module';

/** The whole product; the server and the command line start the same module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: DatabaseRole): DynamicModule {
    configureMaxValue(config.maxValue);
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, role),
        AuthModule,
        AuditModule,
        BoardsModule,
        GoalsModule,
        IndicatorsModule,
        ActivitiesModule,
        BudgetModule,
        FollowupModule,
        ImportModule,
        InputWorkbookModule,
        KoladaModule,
        ComparisonModule,
        ReportsModule,
        ReportJobsModule,
        HealthModule,
        SeedModule,
        WebModule,
        ...(config.benchFloorRoutes ? [BenchFloorModule] : []),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
      global: true,
    };
  }
}
