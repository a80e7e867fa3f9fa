// The migrations, in order. `npm run migration:generate -- <name>` rewrites this list.
import { JobRuns1795879903357 } from './1795879903357-job-runs.js';
import { IdentityOrgAudit1795880721604 } from './1795880721604-identity-org-audit.js';
import { RetailersCatalog1795881000322 } from './1795881000322-retailers-catalog.js';
import { Quotas1795881499521 } from './1795881499521-quotas.js';
import { RetailerAccountsCatalogue1795881930405 } from './1795881930405-retailer-accounts-catalogue.js';
import { Ordering1795882199043 } from './1795882199043-ordering.js';
import { FieldWorkForecasts1795882694838 } from './1795882694838-field-work-forecasts.js';
import { ThreeRoleInteraction1795883448693 } from './1795883448693-three-role-interaction.js';
import { FieldIdempotencyShared1795883615290 } from './1795883615290-field-idempotency-shared.js';
import { RetailerGradeSinceDefault1795885094925 } from './1795885094925-retailer-grade-since-default.js';
import { KpiCultivationReports1795887355726 } from './1795887355726-kpi-cultivation-reports.js';
import { HolidayCalendarCycleWeeks1796618077398 } from './1796618077398-holiday-calendar-cycle-weeks.js';
import { LeadDeadlineIndexes1796619110278 } from './1796619110278-lead-deadline-indexes.js';
import { GuidanceCheckSamples1796621956026 } from './1796621956026-guidance-check-samples.js';
import { KpiTargetKinds1796621957026 } from './1796621957026-kpi-target-kinds.js';
import { DeliveryRecordedTimes1796627574143 } from './1796627574143-delivery-recorded-times.js';
import { ScheduledRuns1796627894979 } from './1796627894979-scheduled-runs.js';
import { Attachments1796628094160 } from './1796628094160-attachments.js';
import { KpiMonthVersions1796628685875 } from './1796628685875-kpi-month-versions.js';
import { VisitPosition1796628693207 } from './1796628693207-visit-position.js';
import { MonthClosePolicy1796630137892 } from './1796630137892-month-close-policy.js';
import { RetailerReceipt1796638864036 } from './1796638864036-retailer-receipt.js';
import { OrderLineSupplyRatio1796640216950 } from './1796640216950-order-line-supply-ratio.js';
import { ThreeRoleProblems1796652916831 } from './1796652916831-three-role-problems.js';
import { DeliveryDoor1796654669417 } from './1796654669417-delivery-door.js';

export const migrations = [
  JobRuns1795879903357,
  IdentityOrgAudit1795880721604,
  RetailersCatalog1795881000322,
  Quotas1795881499521,
  RetailerAccountsCatalogue1795881930405,
  Ordering1795882199043,
  FieldWorkForecasts1795882694838,
  ThreeRoleInteraction1795883448693,
  FieldIdempotencyShared1795883615290,
  RetailerGradeSinceDefault1795885094925,
  KpiCultivationReports1795887355726,
  HolidayCalendarCycleWeeks1796618077398,
  LeadDeadlineIndexes1796619110278,
  GuidanceCheckSamples1796621956026,
  KpiTargetKinds1796621957026,
  DeliveryRecordedTimes1796627574143,
  ScheduledRuns1796627894979,
  Attachments1796628094160,
  KpiMonthVersions1796628685875,
  VisitPosition1796628693207,
  MonthClosePolicy1796630137892,
  RetailerReceipt1796638864036,
  OrderLineSupplyRatio1796640216950,
  ThreeRoleProblems1796652916831,
  DeliveryDoor1796654669417,
];
