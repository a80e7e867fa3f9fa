import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import { endOfMonth, startOfMonth } from '#libs/kernel';
import { type LeadRates, leadRates, type LeadTally } from './domain/index.js';
import { leadScopeCondition } from './lead-access.js';

export interface SquadLeadTally extends LeadTally {
  squadId: number;
}

export interface ReporterLeadTally extends LeadTally {
  reporterId: number;
  reporterRole: string;
}

export interface LeadTallyQuery {
  /** YYYY-MM: the leads due in this month (deadline inside it, business time zone). */
  month: string;
  /** Results recorded up to this instant count (a closed month: its end, so a recount is identical). */
  asOf: Date;
  /** Restrict to these departments (the KPI job runs per department); all when omitted. */
  departmentIds?: number[];
}

/** The columns a tally is grouped by, and how they are answered. */
interface Grouping {
  keys: string[];
  groupBy: string[];
}

const BY_SQUAD: Grouping = { keys: ['l.squad_id AS "squadId"'], groupBy: ['l.squad_id'] };
const BY_REPORTER: Grouping = {
  keys: ['l.reported_by AS "reporterId"', 'l.reporter_role AS "reporterRole"'],
  groupBy: ['l.reported_by', 'l.reporter_role'],
};

/**
 * The counts behind the lead KPIs, in SQL (one GROUP BY): the same counts as the domain's `tallyLeads` over
 * the leads due in a month (deadline, fixed at report, inside it) — verified (属实 or 不实) by `asOf`, of those
 * by the deadline, per result, 无法查实 apart, and still unanswered. Rates are made from them with `leadRates`.
 */
@Injectable()
export class LeadRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Per squad (查实率, on-time rate), for the KPI context: no caller scope. */
  async squadTallies(query: LeadTallyQuery): Promise<SquadLeadTally[]> {
    return this.tallies(query, BY_SQUAD).getRawMany();
  }

  /** Per reporter (线索真实性), for the KPI context: no caller scope. */
  async reporterTallies(query: LeadTallyQuery): Promise<ReporterLeadTally[]> {
    return this.tallies(query, BY_REPORTER).getRawMany();
  }

  /** The squads' tallies and rates over the leads the caller may see. */
  async squadRates(actor: Actor, month: string, asOf?: Date) {
    return this.rates<SquadLeadTally>(actor, month, asOf, BY_SQUAD);
  }

  /** The reporters' tallies and authenticity over the leads the caller may see (a reporter: its own). */
  async reporterRates(actor: Actor, month: string, asOf?: Date) {
    return this.rates<ReporterLeadTally>(actor, month, asOf, BY_REPORTER);
  }

  private async rates<T extends LeadTally>(
    actor: Actor,
    month: string,
    asOf: Date | undefined,
    by: Grouping,
  ) {
    const query = { month, asOf: asOf ?? this.clock.now() };
    const rows: T[] = await this.tallies(query, by)
      .andWhere(...leadScopeCondition(actor))
      .getRawMany();
    return { month, asOf: query.asOf, items: rows.map((row) => withRates(row)) };
  }

  private tallies(
    query: LeadTallyQuery,
    { keys, groupBy }: Grouping,
  ): SelectQueryBuilder<Record<string, unknown>> {
    const answered = 'l.verified_at <= :asOf';
    const verified = `${answered} AND l.verification_result IN ('confirmed', 'unfounded')`;
    const qb = this.dataSource
      .createQueryBuilder()
      .select(keys)
      .addSelect('count(*)::int', 'due')
      .addSelect(`count(*) FILTER (WHERE ${verified})::int`, 'verified')
      .addSelect(
        `count(*) FILTER (WHERE ${verified} AND l.verified_at <= l.deadline_at)::int`,
        'verifiedOnTime',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${answered} AND l.verification_result = 'confirmed')::int`,
        'confirmed',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${answered} AND l.verification_result = 'unfounded')::int`,
        'unfounded',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${answered} AND l.verification_result = 'unverifiable')::int`,
        'unverifiable',
      )
      .addSelect(`count(*) FILTER (WHERE l.verified_at IS NULL OR l.verified_at > :asOf)::int`, 'unanswered')
      .from('leads', 'l')
      .where('l.deadline_at >= :start AND l.deadline_at < :end', {
        start: startOfMonth(query.month, this.config.timeZone),
        end: endOfMonth(query.month, this.config.timeZone),
      })
      .setParameters({ asOf: query.asOf })
      .groupBy(groupBy.join(', '))
      .orderBy(groupBy[0]);
    if (query.departmentIds)
      qb.andWhere('l.department_id = ANY(:departments)', { departments: query.departmentIds });
    return qb;
  }
}

function withRates<T extends LeadTally>(row: T): T & LeadRates {
  return { ...row, ...leadRates(row) };
}
