import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, commonError, type Page, pageOf, pageOffset, type PageQuery } from '#libs/shared';
import { AttachmentStore } from '#libs/attachments';
import type { ApprovalInboxItem, InboxOrderWeek } from './dto/approvals.dto.js';

/** How many past order weeks the inbox shows beside each demand. */
const ORDER_WEEKS = 12;

interface InboxRow {
  id: number;
  cycle_id: number;
  order_date: string;
  cutoff_at: Date;
  retailer_id: number;
  shop_name: string;
  license_no: string;
  grade: number;
  territory_id: number;
  territory_name: string;
  submitted_by: number;
  submitted_by_name: string;
  total_cartons: number;
  created_at: Date;
  confirmed_at: Date | null;
  confirmed_via: string | null;
  agreed_total: number | null;
  cap: number | null;
  used: number | null;
  reserved: number | null;
  visit_id: number | null;
  visit_kind: string | null;
  visited_at: Date | null;
  total: number;
}

/**
 * A market manager's approval inbox: the collected demand of its center awaiting approval, oldest first, each
 * with what the decision needs (the retailer's last order weeks, its quota position for the order's month,
 * the collecting account manager's latest visit, how the retailer confirmed). Three statements a page.
 */
@Injectable()
export class ApprovalInboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attachments: AttachmentStore,
  ) {}

  async page(actor: Actor, query: PageQuery): Promise<Page<ApprovalInboxItem>> {
    if (actor.scope.kind === 'retailer') throw commonError('FORBIDDEN');
    const territoryIds = actor.scope.kind === 'territories' ? actor.scope.territoryIds : null;
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT d.id, d.cycle_id, c.order_date::text AS order_date, c.cutoff_at, d.retailer_id, r.shop_name, r.license_no,
              r.grade, d.territory_id, t.name AS territory_name, d.submitted_by, u.display_name AS submitted_by_name,
              d.total_cartons, d.created_at, d.confirmed_at, d.confirmed_via,
              q.agreed_total, q.cap, q.used, q.reserved,
              v.id AS visit_id, v.kind AS visit_kind, v.visited_at,
              count(*) OVER ()::int AS total
         FROM demands d
         JOIN order_cycles c ON c.id = d.cycle_id
         JOIN retailers r ON r.id = d.retailer_id
         JOIN org_units t ON t.id = d.territory_id
         JOIN users u ON u.id = d.submitted_by
         LEFT JOIN retailer_quotas q ON q.retailer_id = d.retailer_id AND q.month = date_trunc('month', c.order_date)::date
         LEFT JOIN LATERAL (
           SELECT v.id, v.kind, v.visited_at FROM visits v
            WHERE v.retailer_id = d.retailer_id AND v.account_manager_id = d.submitted_by
            ORDER BY v.visited_on DESC, v.id DESC LIMIT 1) v ON TRUE
        WHERE d.status = 'pending_approval' AND d.channel = 'collected'
          AND ($1::int[] IS NULL OR d.territory_id = ANY($1))
        ORDER BY d.created_at, d.id
        LIMIT $2 OFFSET $3`,
      [territoryIds, query.pageSize, pageOffset(query)],
    );
    const total = rows[0]?.total ?? (query.page > 1 ? await this.count(territoryIds) : 0);
    if (!rows.length) return pageOf([], total, query);
    const ids = rows.map((row) => row.id);
    const retailerIds = [...new Set(rows.map((row) => row.retailer_id))];
    const [lines, weeks, files] = await Promise.all([
      this.dataSource.query(
        `SELECT demand_id, brand_id, cartons FROM demand_lines WHERE demand_id = ANY($1) ORDER BY demand_id, brand_id`,
        [ids],
      ) as Promise<Array<{ demand_id: number; brand_id: number; cartons: number }>>,
      this.dataSource.query(
        `SELECT retailer_id, order_date::text AS order_date, cartons FROM (
           SELECT d.retailer_id, c.order_date, d.total_cartons AS cartons,
                  row_number() OVER (PARTITION BY d.retailer_id ORDER BY c.order_date DESC) AS n
             FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
            WHERE d.retailer_id = ANY($1) AND d.status = 'ordered') w
          WHERE n <= $2 ORDER BY retailer_id, order_date`,
        [retailerIds, ORDER_WEEKS],
      ) as Promise<Array<{ retailer_id: number; order_date: string; cartons: number }>>,
      this.attachments.summariesOf('demand', ids),
    ]);
    // Oldest first: a demand's latest signature is the one its confirmation carries.
    const signatureOf = new Map(
      files.filter((file) => file.kind === 'signature').map((file) => [file.ownerId, file.id]),
    );
    const weeksOf = new Map<number, InboxOrderWeek[]>();
    for (const week of weeks) {
      const list = weeksOf.get(week.retailer_id) ?? [];
      list.push({ orderDate: week.order_date, cartons: week.cartons });
      weeksOf.set(week.retailer_id, list);
    }
    const items = rows.map((row): ApprovalInboxItem => ({
      id: row.id,
      cycleId: row.cycle_id,
      orderDate: row.order_date,
      cutoffAt: row.cutoff_at,
      retailerId: row.retailer_id,
      shopName: row.shop_name,
      licenseNo: row.license_no,
      grade: row.grade,
      territoryId: row.territory_id,
      territoryName: row.territory_name,
      submittedBy: row.submitted_by,
      submittedByName: row.submitted_by_name,
      totalCartons: row.total_cartons,
      lines: lines
        .filter((line) => line.demand_id === row.id)
        .map((line) => ({ brandId: line.brand_id, cartons: line.cartons })),
      createdAt: row.created_at,
      confirmedAt: row.confirmed_at,
      confirmedVia: row.confirmed_via,
      signatureAttachmentId: row.confirmed_via === 'signature' ? (signatureOf.get(row.id) ?? null) : null,
      orderWeeks: weeksOf.get(row.retailer_id) ?? [],
      quota:
        row.cap === null
          ? null
          : {
              agreedTotal: row.agreed_total!,
              cap: row.cap,
              used: row.used!,
              reserved: row.reserved!,
              remaining: row.cap - row.used! - row.reserved!,
            },
      visit:
        row.visit_id === null
          ? null
          : { id: row.visit_id, kind: row.visit_kind!, visitedAt: row.visited_at! },
    }));
    return pageOf(items, total, query);
  }

  /** The count alone, for a page past the end. */
  private async count(territoryIds: number[] | null): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM demands d
        WHERE d.status = 'pending_approval' AND d.channel = 'collected' AND ($1::int[] IS NULL OR d.territory_id = ANY($1))`,
      [territoryIds],
    );
    return n;
  }
}
