import { defineErrors } from '#libs/shared';

export const calendarError = defineErrors({
  CALENDAR_DAYS_INVALID: { status: 400, message: '节假日清单有误，未保存：请按明细逐条修改' },
});
