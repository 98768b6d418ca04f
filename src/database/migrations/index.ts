import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { AccountsAuditWorkflow1763960000000 } from './1763960000000-accounts-audit-workflow';
import { ReportTexts1763990000000 } from './1763990000000-report-texts';
import { MonthReports1764000000000 } from './1764000000000-month-reports';
import { AccessAudit1764150000000 } from './1764150000000-access-audit';
import { DeteriorationThreshold1764160000000 } from './1764160000000-deterioration-threshold';
import { Kolada1764170000000 } from './1764170000000-kolada';
import { CityRole1764200000000 } from './1764200000000-city-role';
import { ReportJobs1764300000000 } from './1764300000000-report-jobs';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [InitialSchema1763900000000, AccountsAuditWorkflow1763960000000, ReportTexts1763990000000, MonthReports1764000000000, AccessAudit1764150000000, DeteriorationThreshold1764160000000, Kolada1764170000000, CityRole1764200000000, ReportJobs1764300000000];
