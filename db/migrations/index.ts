// The migrations, in order. `npm run migration:generate -- <name>` rewrites this list.
import { JobRuns1795879903357 } from './1795879903357-job-runs.js';

export const migrations = [JobRuns1795879903357];
