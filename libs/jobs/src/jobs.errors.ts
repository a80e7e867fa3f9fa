import { defineErrors } from '#libs/shared';

export const jobsError = defineErrors({
  JOB_NOT_DEPARTMENTAL: {
    status: 403,
    message: 'This job works for every department at once: only an admin may run it by hand',
  },
  JOB_NOT_FORCEABLE: {
    status: 400,
    message: 'This job does not wait for its inputs: there is nothing to force',
  },
  JOB_FORCE_ADMIN_ONLY: { status: 403, message: 'Only an admin may force a job that waits for its inputs' },
  JOB_FORCE_REASON_REQUIRED: { status: 400, message: 'Forcing a job needs a reason' },
});
