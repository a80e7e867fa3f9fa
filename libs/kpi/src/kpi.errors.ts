import { defineErrors } from '#libs/shared';

/** Every failure the KPI and brand-cultivation context can answer, each with its HTTP status. */
export const kpiError = defineErrors({
  KPI_MONTH_NOT_STARTED: { status: 400, message: 'The month has not started yet' },
  KPI_MONTH_NOT_OVER: { status: 409, message: 'A month is closed only once it is over' },
  KPI_MONTH_NOT_CLOSED: {
    status: 409,
    message: 'Only a closed month is corrected; an open one is counted live',
  },
  KPI_CORRECTION_ALREADY_OPEN: {
    status: 409,
    message: 'A correction of this month is already open: approve or reject it first',
  },
  KPI_CORRECTION_NOT_OPEN: { status: 409, message: 'The month has no correction awaiting a decision' },
  KPI_TARGET_INVALID: { status: 400, message: 'A target is invalid' },
  KPI_TARGET_DUPLICATE: { status: 400, message: 'A KPI is given two targets for the same place' },
  CULTIVATION_NOT_A_NEW_SPEC: {
    status: 409,
    message: 'The spec has no launch date: it is not followed as a new spec',
  },
  CULTIVATION_NOT_LAUNCHED: { status: 409, message: 'The spec has not been launched yet' },
  CULTIVATION_TASK_ALREADY_SUBMITTED: {
    status: 409,
    message: 'This analysis has already been submitted',
  },
  CULTIVATION_NO_TERRITORY: { status: 409, message: 'Your account is not placed in a territory' },
});

export type KpiErrorCode = Parameters<typeof kpiError>[0];
