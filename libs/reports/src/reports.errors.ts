import { defineErrors } from '#libs/shared';

export const reportsError = defineErrors({
  MONTH_CLOSE_WAITING: {
    status: 409,
    message:
      'The month waits for its inputs (unfinished cycles, grace period); an admin may force it with a reason',
  },
});
