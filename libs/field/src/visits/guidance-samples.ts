import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, TransactionRunner } from '#libs/shared';
import { checkSampleSeed, seededSample } from '../domain/index.js';
import { FieldPolicyService } from '../policy/field-policy.service.js';
import { firstDayOfMonth, lastDayOfMonth } from '#libs/kernel';
import { recordingWindowClosesOn } from '../domain/index.js';
import { FieldWorkRecording } from '../field-work-recording.js';
import { GuidanceCheckSample, GuidanceSampleFreeze } from './guidance-sample.entity.js';

/** One account manager's guidance visits of a month and the visits drawn from them, in draw order. */
export interface AccountManagerSample {
  accountManagerId: number;
  guidanceVisits: number;
  visitIds: number[];
}

/** A department's check sample of a month: provisional until frozen, then the stored one. */
export interface DepartmentSample {
  departmentId: number;
  month: string;
  size: number;
  frozen: boolean;
  frozenAt: Date | null;
  /** The first date nothing of the month can be recorded any more: the sample freezes then at the latest. */
  windowClosesOn: string;
  accountManagers: AccountManagerSample[];
}

/**
 * 有效指导抽查样本: which guidance visits of a month the market managers check, drawn by the system — per
 * account manager, `size` (department policy) of its guidance visits in the department, by the seeded rule
 * of `seededSample` (month and account manager), so everybody sees the same sample and an inspector can
 * recompute it. While visits may still be recorded for the month the sample is provisional; it is frozen (stored,
 * append-only) once the recording window has closed or when the month is closed, whichever comes first.
 */
@Injectable()
export class GuidanceSamples {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly policies: FieldPolicyService,
    private readonly recording: FieldWorkRecording,
    private readonly clock: Clock,
  ) {}

  /**
   * The samples of some departments for a month. Departments whose recording window has closed (or all of
   * them with `freeze`, for the month close) are frozen now if they were not yet.
   */
  async of(
    month: string,
    departmentIds: readonly number[],
    options: { freeze?: boolean } = {},
  ): Promise<DepartmentSample[]> {
    const unique = [...new Set(departmentIds)];
    if (!unique.length) return [];
    const [policies, frozen] = await Promise.all([
      this.policies.valuesOf(unique),
      this.frozen(month, unique),
    ]);
    const today = this.recording.today();
    const samples = await Promise.all(
      unique.map(async (departmentId): Promise<DepartmentSample> => {
        const policy = policies.get(departmentId)!;
        const windowClosesOn = recordingWindowClosesOn(month, policy.visitBackdateDays);
        const stored = frozen.get(departmentId);
        if (stored) return { ...stored, windowClosesOn };
        const drawn = await this.draw(month, departmentId, policy.guidanceCheckSampleSize);
        const due = options.freeze ? 'monthClosed' : today >= windowClosesOn ? 'windowClosed' : null;
        if (!due)
          return {
            departmentId,
            month,
            size: policy.guidanceCheckSampleSize,
            frozen: false,
            frozenAt: null,
            windowClosesOn,
            accountManagers: drawn,
          };
        return {
          ...(await this.freeze(month, departmentId, policy.guidanceCheckSampleSize, drawn, due)),
          windowClosesOn,
        };
      }),
    );
    return samples;
  }

  /** The account managers' guidance visits of a department's month, drawn by the seeded rule. */
  private async draw(month: string, departmentId: number, size: number): Promise<AccountManagerSample[]> {
    const groups: Array<{ accountManagerId: number; visitIds: number[] }> = await this.dataSource.query(
      `SELECT account_manager_id AS "accountManagerId", array_agg(id ORDER BY id) AS "visitIds"
         FROM visits
        WHERE department_id = $1 AND kind = 'guidance' AND visited_on BETWEEN $2::date AND $3::date
        GROUP BY account_manager_id ORDER BY account_manager_id`,
      [departmentId, firstDayOfMonth(month), lastDayOfMonth(month)],
    );
    return groups.map((group) => ({
      accountManagerId: group.accountManagerId,
      guidanceVisits: group.visitIds.length,
      visitIds: seededSample(checkSampleSeed(month, String(group.accountManagerId)), group.visitIds, size),
    }));
  }

  /**
   * Stores a department's sample as drawn now, once: a concurrent freeze of the same month keeps whichever
   * came first (the draw is deterministic, so both are the same unless the policy changed in between).
   */
  private async freeze(
    month: string,
    departmentId: number,
    size: number,
    drawn: AccountManagerSample[],
    reason: GuidanceSampleFreeze['reason'],
  ): Promise<Omit<DepartmentSample, 'windowClosesOn'>> {
    await this.transactions.run(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(GuidanceSampleFreeze)
        .values({
          month: firstDayOfMonth(month),
          departmentId,
          sampleSize: size,
          reason,
          frozenAt: this.clock.now(),
        })
        .orIgnore()
        .returning(['month'])
        .execute();
      if (!inserted.raw.length) return;
      const rows = drawn.flatMap((sample) =>
        sample.visitIds.map((visitId, index) => ({
          visitId,
          month: firstDayOfMonth(month),
          departmentId,
          accountManagerId: sample.accountManagerId,
          drawOrder: index + 1,
        })),
      );
      if (rows.length) await manager.insert(GuidanceCheckSample, rows);
    });
    return (await this.frozen(month, [departmentId])).get(departmentId)!;
  }

  /** The frozen samples of some departments' month, with each account manager's guidance visits counted. */
  private async frozen(
    month: string,
    departmentIds: readonly number[],
  ): Promise<Map<number, Omit<DepartmentSample, 'windowClosesOn'>>> {
    const rows: Array<{
      departmentId: number;
      sampleSize: number;
      frozenAt: Date;
      accountManagerId: number | null;
      visitIds: number[] | null;
      guidanceVisits: number | null;
    }> = await this.dataSource.query(
      `SELECT f.department_id AS "departmentId", f.sample_size AS "sampleSize", f.frozen_at AS "frozenAt",
              s.account_manager_id AS "accountManagerId", s.visit_ids AS "visitIds",
              (SELECT count(*)::int FROM visits v
                WHERE v.department_id = f.department_id AND v.account_manager_id = s.account_manager_id
                  AND v.kind = 'guidance' AND v.visited_on BETWEEN f.month AND $3::date) AS "guidanceVisits"
         FROM guidance_sample_freezes f
         LEFT JOIN LATERAL (
           SELECT account_manager_id, array_agg(visit_id ORDER BY draw_order) AS visit_ids
             FROM guidance_check_samples c
            WHERE c.month = f.month AND c.department_id = f.department_id
            GROUP BY account_manager_id) s ON TRUE
        WHERE f.month = $1::date AND f.department_id = ANY($2::int[])
        ORDER BY f.department_id, s.account_manager_id`,
      [firstDayOfMonth(month), departmentIds, lastDayOfMonth(month)],
    );
    const result = new Map<number, Omit<DepartmentSample, 'windowClosesOn'>>();
    for (const row of rows) {
      let sample = result.get(row.departmentId);
      if (!sample) {
        sample = {
          departmentId: row.departmentId,
          month,
          size: row.sampleSize,
          frozen: true,
          frozenAt: row.frozenAt,
          accountManagers: [],
        };
        result.set(row.departmentId, sample);
      }
      if (row.accountManagerId !== null)
        sample.accountManagers.push({
          accountManagerId: row.accountManagerId,
          guidanceVisits: row.guidanceVisits ?? 0,
          visitIds: row.visitIds ?? [],
        });
    }
    return result;
  }
}
