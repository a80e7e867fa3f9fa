import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, preparedQuery, type Role, type Scope } from '#libs/shared';
import { OrgDirectory } from '#libs/org';

interface ActorRow {
  id: number;
  username: string;
  role: Role;
  status: string;
  token_version: number;
  org_unit_id: number | null;
  retailer_id: number | null;
  department_id: number | null;
  must_change_password: boolean;
}

/** Turns a verified token into the request's Actor: the user must still be active and the token current. */
@Injectable()
export class ActorLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgDirectory,
  ) {}

  async load(userId: number, tokenVersion: number, requestId: string): Promise<Actor | null> {
    const [row] = await preparedQuery<ActorRow>(
      this.dataSource.manager,
      `SELECT u.id, u.username, u.role, u.status, u.token_version, u.org_unit_id, u.retailer_id, u.must_change_password,
              ou.department_id
         FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id
        WHERE u.id = $1`,
      [userId],
    );
    if (!row || row.status !== 'active' || row.token_version !== tokenVersion) return null;
    return {
      userId: row.id,
      username: row.username,
      role: row.role,
      orgUnitId: row.org_unit_id,
      departmentId: row.department_id,
      retailerId: row.retailer_id,
      scope: await this.scopeOf(row),
      requestId,
      mustChangePassword: row.must_change_password,
    };
  }

  private async scopeOf(row: ActorRow): Promise<Scope> {
    if (row.role === 'admin') return { kind: 'all' };
    if (row.role === 'retailer') {
      return row.retailer_id && row.org_unit_id
        ? { kind: 'retailer', retailerId: row.retailer_id, territoryId: row.org_unit_id }
        : { kind: 'territories', territoryIds: [] };
    }
    return { kind: 'territories', territoryIds: await this.org.territoryIdsFor(row.role, row.org_unit_id) };
  }
}
