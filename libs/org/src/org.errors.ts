import { defineErrors } from '#libs/shared';

export const orgError = defineErrors({
  DEPARTMENT_REQUIRED: { status: 400, message: 'Name the department (departmentId)' },
  ORG_PARENT_REQUIRED: { status: 400, message: 'This kind of unit needs a parent' },
  ORG_PARENT_NOT_ALLOWED: { status: 400, message: 'This kind of unit has no parent' },
  ORG_PARENT_TYPE_MISMATCH: { status: 400, message: 'This kind of unit cannot hang under that parent' },
  ORG_SQUAD_INVALID: {
    status: 400,
    message: 'The squad must be an enforcement squad of the same department',
  },
  ORG_ROUTE_INVALID: { status: 400, message: 'Routes must be delivery routes of the same service center' },
  ORG_TERRITORY_ONLY: { status: 400, message: 'Squads and routes are set on territories only' },
  ORG_CODE_TAKEN: { status: 409, message: 'Another unit already has this code' },
  ORG_UNIT_MOVE_IN_FLIGHT: {
    status: 409,
    message: 'The move would split work in flight between two places (details.blockers names it)',
  },
});
