import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock } from '#libs/shared';
import { type LeadRates, leadRates, type LeadTally } from './domain/index.js';
import { leadScopeCondition } from './lead-access.js';
import { endOfMonth, startOfMonth } from '#libs/kernel';

export interface SquadLeadTally extends LeadTally {
  squadId: number;
}

export interface ReporterLeadTally extends LeadTally {
  reporterId: number;
  reporterRole: string;
}

export interface LeadTallyQuery {
  /** YYYY-MM: the leads reported in this month (business time zone). */
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
 * The counts behind the lead KPIs, in SQL (one GROUP BY): the same counts as the domain's `tallyLeads`
 * over the leads reported in a month — received, with a result by `asOf`, of those on time (against the
 * deadline fixed at report), and per result. Rates are made from them with `leadRates`.
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
    const result = 'l.verified_at <= :asOf';
    const qb = this.dataSource
      .createQueryBuilder()
      .select(keys)
      .addSelect('count(*)::int', 'received')
      .addSelect(`count(*) FILTER (WHERE ${result})::int`, 'withResult')
      .addSelect(
        `count(*) FILTER (WHERE ${result} AND l.verified_at <= l.deadline_at)::int`,
        'withResultOnTime',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${result} AND l.verification_result = 'confirmed')::int`,
        'confirmed',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${result} AND l.verification_result = 'unfounded')::int`,
        'unfounded',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${result} AND l.verification_result = 'unverifiable')::int`,
        'unverifiable',
      )
      .from('leads', 'l')
      .where('l.reported_at >= :monthStart AND l.reported_at < :monthEnd')
      .setParameters({
        monthStart: startOfMonth(query.month, this.config.timeZone),
        monthEnd: endOfMonth(query.month, this.config.timeZone),
        asOf: query.asOf,
      })
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
