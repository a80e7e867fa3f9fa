import type { EntityManager } from 'typeorm';
import type { Role } from '#libs/shared';

/**
 * What the three roles did at a retailer, one kind of step per source row: the account manager's visits and the
 * market manager's checks of them (field), leads reported and their results (enforcement), deliveries made and
 * the retailer's receipts, delivery feedback and its answers (delivery), problems raised, answered, escalated
 * and closed (here).
 */
export const TIMELINE_TYPES = [
  'visit',
  'visit_check',
  'lead',
  'lead_result',
  'delivery',
  'receipt',
  'feedback',
  'feedback_answer',
  'problem',
  'problem_answer',
  'problem_escalation',
  'problem_close',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

/** Where a page starts: strictly before this step in the order (newest first; ties by type, then id). */
export interface TimelinePosition {
  at: Date;
  type: TimelineType;
  refId: number;
}

export interface TimelineRow extends TimelinePosition {
  /** The source's code for the step: a visit's kind, a lead's kind or result, a delivery's state… */
  code: string;
  /** A second code where one tells more (a delivery's receiver, a problem's role, a check's verdict). */
  code2: string | null;
  detail: string | null;
  actorId: number | null;
  actorName: string | null;
  actorRole: Role | null;
}

/**
 * One statement: the sources as one UNION ALL, each branch reading the retailer's rows through its own indexed
 * retailer column (a check through its visit, feedback through its delivery); instants cut to milliseconds so a
 * position the client sends back compares exactly; the keyset condition and the order over the whole; `limit`
 * rows; the actor's name and role joined last, for the page only.
 */
export async function timelinePage(
  manager: EntityManager,
  retailerId: number,
  before: TimelinePosition | null,
  limit: number,
): Promise<TimelineRow[]> {
  return manager.query(
    `WITH steps AS (
       SELECT 'visit' AS type, v.id AS ref_id, v.visited_at AS at, v.account_manager_id AS actor_id,
              v.kind AS code, NULL::text AS code2, v.notes AS detail
         FROM visits v WHERE v.retailer_id = $1
       UNION ALL
       SELECT 'visit_check', c.visit_id, c.checked_at, c.checked_by, v.kind,
              CASE WHEN c.effective THEN 'effective' ELSE 'ineffective' END, c.note
         FROM visits v JOIN visit_checks c ON c.visit_id = v.id WHERE v.retailer_id = $1
       UNION ALL
       SELECT 'lead', l.id, l.reported_at, l.reported_by, l.kind, l.importance, l.description
         FROM leads l WHERE l.retailer_id = $1
       UNION ALL
       SELECT 'lead_result', l.id, l.verified_at, l.verified_by, l.verification_result, l.kind, l.verification_note
         FROM leads l WHERE l.retailer_id = $1 AND l.verified_at IS NOT NULL
       UNION ALL
       SELECT 'delivery', d.id, d.completed_at, d.completed_by, d.status, d.receiver,
              concat_ws('；', d.cartons || ' 条', d.receiver_name, d.proxy_reason, d.failure_reason)
         FROM deliveries d WHERE d.retailer_id = $1 AND d.completed_at IS NOT NULL
       UNION ALL
       SELECT 'receipt', d.id, d.confirmed_at, d.confirmed_by, d.status, NULL, d.cartons || ' 条'
         FROM deliveries d WHERE d.retailer_id = $1 AND d.confirmed_at IS NOT NULL
       UNION ALL
       SELECT 'feedback', f.id, f.raised_at, f.raised_by, f.kind, NULL, f.description
         FROM deliveries d JOIN delivery_feedback f ON f.delivery_id = d.id WHERE d.retailer_id = $1
       UNION ALL
       SELECT 'feedback_answer', f.id, f.answered_at, f.answered_by, f.kind, NULL, f.answer
         FROM deliveries d JOIN delivery_feedback f ON f.delivery_id = d.id
        WHERE d.retailer_id = $1 AND f.answered_at IS NOT NULL
       UNION ALL
       SELECT 'problem', p.id, p.raised_at, p.raised_by, p.kind, p.about_role, p.description
         FROM problems p WHERE p.retailer_id = $1
       UNION ALL
       SELECT 'problem_answer', p.id, p.answered_at, p.answered_by, p.kind, p.about_role, p.answer
         FROM problems p WHERE p.retailer_id = $1 AND p.answered_at IS NOT NULL
       UNION ALL
       SELECT 'problem_escalation', p.id, p.escalated_at, NULL, p.kind, p.about_role, NULL
         FROM problems p WHERE p.retailer_id = $1 AND p.escalated_at IS NOT NULL
       UNION ALL
       SELECT 'problem_close', p.id, p.closed_at, p.raised_by, p.kind, p.about_role, NULL
         FROM problems p WHERE p.retailer_id = $1 AND p.closed_at IS NOT NULL
     ),
     page AS (
       SELECT s.type, s.ref_id, date_trunc('milliseconds', s.at) AS at, s.actor_id, s.code, s.code2, s.detail
         FROM steps s
        WHERE $2::timestamptz IS NULL
           OR (date_trunc('milliseconds', s.at), s.type COLLATE "C", s.ref_id)
              < ($2::timestamptz, $3::text COLLATE "C", $4::int)
        ORDER BY 3 DESC, s.type COLLATE "C" DESC, 2 DESC
        LIMIT $5
     )
     SELECT p.type, p.ref_id AS "refId", p.at, p.actor_id AS "actorId", p.code, p.code2, p.detail,
            u.display_name AS "actorName", u.role AS "actorRole"
       FROM page p LEFT JOIN users u ON u.id = p.actor_id
      ORDER BY p.at DESC, p.type COLLATE "C" DESC, p.ref_id DESC`,
    [retailerId, before?.at ?? null, before?.type ?? null, before?.refId ?? null, limit],
  );
}
