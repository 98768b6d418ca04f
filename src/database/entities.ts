import { AuditEntry } from '../audit/audit-entry.entity';
import { AccessAuditEntry } from '../auth/access-audit-entry.entity';
import { AuthToken } from '../auth/auth-token.entity';
import { UserGrant } from '../auth/user-grant.entity';
import { AppUser } from '../auth/user.entity';
import { ActivityResult } from '../activities/activity-result.entity';
import { Activity } from '../activities/activity.entity';
import { Board } from '../boards/board.entity';
import { FollowupPeriod } from '../boards/followup-period.entity';
import { PlanYear } from '../boards/plan-year.entity';
import { AccountGroupResult } from '../budget/account-group-result.entity';
import { AccountGroup } from '../budget/account-group.entity';
import { OperatingAreaResult } from '../budget/operating-area-result.entity';
import { OperatingArea } from '../budget/operating-area.entity';
import { PeriodText } from '../followup/period-text.entity';
import { GoalAssessment } from '../goals/goal-assessment.entity';
import { Goal } from '../goals/goal.entity';
import { ReportJobFile } from '../report-jobs/report-job-file.entity';
import { ReportJob } from '../report-jobs/report-job.entity';
import { IndicatorResult } from '../indicators/indicator-result.entity';
import { Indicator } from '../indicators/indicator.entity';

/** Every entity of the product; the migrations create exactly these tables. */
export const ENTITIES = [
  Board,
  PlanYear,
  FollowupPeriod,
  Goal,
  GoalAssessment,
  Indicator,
  IndicatorResult,
  Activity,
  ActivityResult,
  OperatingArea,
  OperatingAreaResult,
  AccountGroup,
  AccountGroupResult,
  AppUser,
  UserGrant,
  AuthToken,
  AuditEntry,
  PeriodText,
  ReportJob,
  ReportJobFile,
  AccessAuditEntry,
];
