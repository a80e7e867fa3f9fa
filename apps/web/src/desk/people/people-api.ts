import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';
import type { Role } from '@/lib/access';

export type StaffUser = Schemas['UserResponse'];
export type OrgUnit = Schemas['OrgUnitResponse'];
export type OrderSchedule = Schemas['OrderScheduleResponse'];
export type NewUser = Schemas['CreateUserDto'];
export type UserChange = Schemas['UpdateUserDto'];

/** The unit each role sits in (the API's ROLE_PLACEMENT), so the form offers only units that fit. */
export const ROLE_UNIT_TYPE: Partial<Record<Role, OrgUnit['type']>> = {
  market_manager: 'service_center',
  supply_clerk: 'supply_point',
  account_manager: 'territory',
  enforcement_officer: 'squad',
  delivery_staff: 'route',
  department_head: 'department',
  inspector: 'department',
};

/** The roles a department head manages (the API's HEAD_MANAGED_ROLES); admins also place heads and inspectors. */
export function assignableRoles(role: Role): Role[] {
  const managed: Role[] = [
    'market_manager',
    'supply_clerk',
    'account_manager',
    'enforcement_officer',
    'delivery_staff',
  ];
  return role === 'admin' ? [...managed, 'department_head', 'inspector'] : managed;
}

export interface StaffFilter {
  role?: Role;
  search?: string;
  status?: 'active' | 'disabled';
  page: number;
}

export function useStaff(filter: StaffFilter) {
  return useQuery({
    queryKey: ['staff', filter],
    queryFn: () =>
      ask(
        api.GET('/api/users', {
          params: {
            query: {
              page: filter.page,
              pageSize: 20,
              ...(filter.role ? { role: filter.role } : {}),
              ...(filter.search ? { search: filter.search } : {}),
              ...(filter.status ? { status: filter.status } : {}),
            },
          },
        }),
      ),
  });
}

/** The org units in the caller's scope (a department holds a few dozen). */
export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (await ask(api.GET('/api/org-units', { params: { query: { page: 1, pageSize: 200 } } }))).items,
  });
}

export function createUser(body: NewUser): Promise<StaffUser> {
  return ask(api.POST('/api/users', { body }));
}

export function changeUser(id: number, body: UserChange): Promise<StaffUser> {
  return ask(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

export function resetPassword(id: number, newPassword: string): Promise<unknown> {
  return ask(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { newPassword } }));
}

export function useOrderSchedules() {
  return useQuery({
    queryKey: ['order-schedules'],
    queryFn: () => ask(api.GET('/api/order-schedules')),
  });
}

export function putOrderSchedule(
  territoryId: number,
  body: Schemas['OrderScheduleDto'],
): Promise<OrderSchedule> {
  return ask(api.PUT('/api/order-schedules/{territoryId}', { params: { path: { territoryId } }, body }));
}
