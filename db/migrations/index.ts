// The migrations, in order. `npm run migration:generate -- <name>` rewrites this list.
import { JobRuns1795879903357 } from './1795879903357-job-runs.js';
import { IdentityOrgAudit1795880721604 } from './1795880721604-identity-org-audit.js';
import { RetailersCatalog1795881000322 } from './1795881000322-retailers-catalog.js';
import { RetailerAccountsCatalogue1795881930405 } from './1795881930405-retailer-accounts-catalogue.js';

export const migrations = [
  JobRuns1795879903357,
  IdentityOrgAudit1795880721604,
  RetailersCatalog1795881000322,
  RetailerAccountsCatalogue1795881930405,
];
