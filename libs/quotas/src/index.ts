export * from './quotas.module.js';
export * from './quota-ledger.service.js';
export * from './cycles-left.js';
export * from './quota.entity.js';
export { quotaError } from './quota.errors.js';
