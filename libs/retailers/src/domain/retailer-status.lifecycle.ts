import {
  accept,
  type Outcome,
  type Refusal,
  refuse,
  transition,
  type TransitionRefusal,
  type TransitionTable,
} from '#libs/kernel';

/**
 * A retailer's status lifecycle 经营状态: active ↔ suspended (暂停营业), either → closed (歇业/注销), and a
 * closed retailer reopened (e.g. closed by mistake). Every change carries a reason. A change is asked for by
 * the status wanted, so the table's events are the target statuses.
 */
export const RETAILER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type RetailerStatus = (typeof RETAILER_STATUSES)[number];

export const RETAILER_STATUS_LABELS: Readonly<Record<RetailerStatus, string>> = {
  active: '正常营业',
  suspended: '暂停营业',
  closed: '已歇业',
};

export const RETAILER_STATUS_TRANSITIONS: TransitionTable<RetailerStatus, RetailerStatus> = {
  active: { suspended: 'suspended', closed: 'closed' },
  suspended: { active: 'active', closed: 'closed' },
  closed: { active: 'active' },
};

export type StatusChangeRefusal =
  | Refusal<'RETAILER_STATUS_UNCHANGED', { readonly status: RetailerStatus }>
  | TransitionRefusal<'RETAILER_STATUS_TRANSITION_FORBIDDEN', RetailerStatus, RetailerStatus>
  | Refusal<'RETAILER_STATUS_REASON_REQUIRED', { readonly status: RetailerStatus }>;

/** The new status with its trimmed reason, or why the change is refused. */
export function checkStatusChange(
  from: RetailerStatus,
  to: RetailerStatus,
  reason: string,
): Outcome<{ status: RetailerStatus; reason: string }, StatusChangeRefusal> {
  if (from === to)
    return refuse('RETAILER_STATUS_UNCHANGED', `The retailer is ${to} already`, { status: to });
  const next = transition(
    RETAILER_STATUS_TRANSITIONS,
    { code: 'RETAILER_STATUS_TRANSITION_FORBIDDEN', subject: 'A retailer' },
    from,
    to,
  );
  if (!next.ok) return next;
  if (reason.trim() === '') {
    return refuse('RETAILER_STATUS_REASON_REQUIRED', 'A status change needs a reason', { status: to });
  }
  return accept({ status: next.value, reason: reason.trim() });
}

/** Whether the retailer's self-service account may log in: not once it has closed. */
export function accountEnabledFor(status: RetailerStatus): boolean {
  return status !== 'closed';
}
