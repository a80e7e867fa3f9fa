import { sharedEntities } from '#libs/shared';
import { auditEntities } from '#libs/audit';
import { orgEntities } from '#libs/org';
import { calendarEntities } from '#libs/calendar';
import { authEntities } from '#libs/auth';
import { attachmentEntities } from '#libs/attachments';
import { catalogEntities } from '#libs/catalog';
import { retailerEntities } from '#libs/retailers';
import { quotaEntities } from '#libs/quotas';
import { orderingEntities } from '#libs/ordering';
import { fieldEntities } from '#libs/field';
import { enforcementEntities } from '#libs/enforcement';
import { deliveryEntities } from '#libs/delivery';
import { kpiEntities } from '#libs/kpi';
import { reportEntities } from '#libs/reports';
import { jobEntities } from '#libs/jobs';
import { interactionEntities } from '#libs/interactions';

/** Every entity of every bounded context: what the migration CLI compares the schema against. */
export const entities = [
  ...sharedEntities,
  ...auditEntities,
  ...orgEntities,
  ...calendarEntities,
  ...authEntities,
  ...attachmentEntities,
  ...catalogEntities,
  ...retailerEntities,
  ...quotaEntities,
  ...orderingEntities,
  ...fieldEntities,
  ...enforcementEntities,
  ...deliveryEntities,
  ...kpiEntities,
  ...reportEntities,
  ...jobEntities,
  ...interactionEntities,
];
