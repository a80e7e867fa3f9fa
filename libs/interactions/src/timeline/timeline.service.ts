import { Injectable } from '@nestjs/common';
import { type Actor, isInScope, notFound, type Role, TransactionRunner } from '#libs/shared';
import { RetailerDirectory } from '#libs/retailers';
import { VISIT_KIND_LABELS, type VisitKind } from '#libs/field';
import {
  LEAD_KIND_LABELS,
  type LeadKind,
  VERIFICATION_RESULT_LABELS,
  type VerificationResult,
} from '#libs/enforcement';
import { FEEDBACK_KIND_LABELS, type FeedbackKind } from '#libs/delivery';
import { PROBLEM_KIND_LABELS, type ProblemKind, THREE_ROLE_LABELS, type ThreeRole } from '../domain/index.js';
import {
  type TimelinePosition,
  type TimelineRow,
  type TimelineType,
  timelinePage,
} from './timeline.queries.js';
import { TIMELINE_KEY, type TimelineQuery } from './timeline.dto.js';

export interface TimelineEventActor {
  id: number;
  name: string;
  role: Role;
}

export interface TimelineEvent {
  key: string;
  type: TimelineType;
  at: Date;
  refId: number;
  title: string;
  detail: string | null;
  /** Who did it; null for the system (an escalation). */
  actor: TimelineEventActor | null;
}

export interface TimelinePage {
  retailerId: number;
  shopName: string;
  licenseNo: string;
  items: TimelineEvent[];
  next: string | null;
}

/**
 * The three-role timeline of a retailer 三员互动记录: everything the account manager, enforcement and delivery did
 * there, newest first, a page at a time (keyset: `before` is the last step's key). Who may read it is who may
 * read the retailer: a retailer outside the caller's scope (an officer's squad, a driver's routes, an account
 * manager's territory, a market manager's center, the department) is 404.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly retailers: RetailerDirectory,
  ) {}

  async page(actor: Actor, retailerId: number, query: TimelineQuery): Promise<TimelinePage> {
    return this.transactions.run(async (manager) => {
      const retailer = await this.retailers.facts(retailerId, manager);
      if (!retailer || !isInScope(actor.scope, retailer.territoryId, retailer.id))
        throw notFound('retailer', retailerId);
      const rows = await timelinePage(manager, retailerId, positionOf(query.before), query.limit + 1);
      const items = rows.slice(0, query.limit).map(toEvent);
      return {
        retailerId,
        shopName: retailer.shopName,
        licenseNo: retailer.licenseNo,
        items,
        next: rows.length > query.limit ? (items.at(-1)?.key ?? null) : null,
      };
    });
  }
}

function positionOf(key: string | undefined): TimelinePosition | null {
  const match = key === undefined ? null : TIMELINE_KEY.exec(key);
  return match ? { at: new Date(match[1]), type: match[2] as TimelineType, refId: Number(match[3]) } : null;
}

function toEvent(row: TimelineRow): TimelineEvent {
  return {
    key: `${row.at.toISOString()}_${row.type}_${row.refId}`,
    type: row.type,
    at: row.at,
    refId: row.refId,
    title: titleOf(row),
    detail: row.detail || null,
    actor:
      row.actorId !== null && row.actorName !== null && row.actorRole !== null
        ? { id: row.actorId, name: row.actorName, role: row.actorRole }
        : null,
  };
}

/** The step in a few Chinese words, from its source's codes and their labels. */
function titleOf({ type, code, code2 }: TimelineRow): string {
  const problem = () =>
    `${PROBLEM_KIND_LABELS[code as ProblemKind]}（涉及${THREE_ROLE_LABELS[code2 as ThreeRole]}）`;
  switch (type) {
    case 'visit':
      return VISIT_KIND_LABELS[code as VisitKind];
    case 'visit_check':
      return `有效指导检查：${code2 === 'effective' ? '有效' : '无效'}`;
    case 'lead':
      return `报告线索：${LEAD_KIND_LABELS[code as LeadKind]}${code2 === 'important' ? '（重要）' : ''}`;
    case 'lead_result':
      return `线索核查结果：${VERIFICATION_RESULT_LABELS[code as VerificationResult]}`;
    case 'delivery':
      return code === 'failed' ? '送货未送达' : code2 === 'proxy' ? '送达（代接货）' : '送达';
    case 'receipt':
      return '零售户确认收货';
    case 'feedback':
      return `送货反馈：${FEEDBACK_KIND_LABELS[code as FeedbackKind]}`;
    case 'feedback_answer':
      return `送货反馈答复：${FEEDBACK_KIND_LABELS[code as FeedbackKind]}`;
    case 'problem':
      return `提出问题：${problem()}`;
    case 'problem_answer':
      return `答复问题：${problem()}`;
    case 'problem_escalation':
      return `问题逾期未答复，已上报督察组：${problem()}`;
    case 'problem_close':
      return `关闭问题：${problem()}`;
  }
}
