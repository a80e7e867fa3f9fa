import { IdempotencyKey } from './idempotency/idempotency-key.entity.js';
import { JobRun } from './jobs/job-run.entity.js';

export const sharedEntities = [JobRun, IdempotencyKey];
