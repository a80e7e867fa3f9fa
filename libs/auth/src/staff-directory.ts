import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A staff member as other contexts show them: who, with which role, placed where. */
export interface StaffMember {
  userId: number;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: number | null;
  active: boolean;
}

const MEMBER = `u.id AS "userId", u.username, u.display_name AS "displayName", u.role, u.org_unit_id AS "orgUnitId",
  (u.status = 'active') AS active`;

/**
 * Read-only access to staff for other bounded contexts (KPIs, reports), so they never query the users
 * table. One query per call, whatever the number of people.
 */
@Injectable()
export class StaffDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The active account manager of each territory (at most one: a unique index guarantees it). */
  async accountManagersOf(territoryIds: readonly number[]): Promise<StaffMember[]> {
    if (!territoryIds.length) return [];
    return this.dataSource.query(
      `SELECT ${MEMBER} FROM users u
        WHERE u.role = 'account_manager' AND u.status = 'active' AND u.org_unit_id = ANY($1::int[])
        ORDER BY u.org_unit_id`,
      [territoryIds],
    );
  }

  /** Some users by id (disabled ones too: a closed month still names who did the work). */
  async membersOf(userIds: readonly number[]): Promise<StaffMember[]> {
    if (!userIds.length) return [];
    return this.dataSource.query(`SELECT ${MEMBER} FROM users u WHERE u.id = ANY($1::int[]) ORDER BY u.id`, [
      userIds,
    ]);
  }

  /** Active staff of a role placed in some org units (e.g. delivery staff on routes, officers in squads). */
  async activeIn(role: string, orgUnitIds: readonly number[]): Promise<StaffMember[]> {
    if (!orgUnitIds.length) return [];
    return this.dataSource.query(
      `SELECT ${MEMBER} FROM users u WHERE u.role = $1 AND u.status = 'active' AND u.org_unit_id = ANY($2::int[])
        ORDER BY u.org_unit_id, u.id`,
      [role, orgUnitIds],
    );
  }
}
