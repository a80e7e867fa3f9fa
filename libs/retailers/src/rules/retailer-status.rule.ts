/**
 * A retailer's status lifecycle 经营状态: active ↔ suspended (暂停营业), either → closed (歇业/注销), and a
 * closed retailer reopened (e.g. closed by mistake). Every change carries a reason.
 *
 * Pure rule waiting to be folded into `domain/` by the domain engineer (it was missing there).
 */
export const RETAILER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type RetailerStatus = (typeof RETAILER_STATUSES)[number];

export const RETAILER_STATUS_LABELS: Readonly<Record<RetailerStatus, string>> = {
  active: '正常营业',
  suspended: '暂停营业',
  closed: '已歇业',
};

const TRANSITIONS: Readonly<Record<RetailerStatus, readonly RetailerStatus[]>> = {
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: ['active'],
};

export type StatusChangeProblem =
  | { code: 'RETAILER_STATUS_UNCHANGED' }
  | { code: 'RETAILER_STATUS_TRANSITION_FORBIDDEN'; from: RetailerStatus; to: RetailerStatus }
  | { code: 'RETAILER_STATUS_REASON_REQUIRED' };

export function checkStatusChange(
  from: RetailerStatus,
  to: RetailerStatus,
  reason: string,
): StatusChangeProblem | null {
  if (from === to) return { code: 'RETAILER_STATUS_UNCHANGED' };
  if (!TRANSITIONS[from].includes(to)) return { code: 'RETAILER_STATUS_TRANSITION_FORBIDDEN', from, to };
  if (reason.trim() === '') return { code: 'RETAILER_STATUS_REASON_REQUIRED' };
  return null;
}

/** Whether the retailer's self-service account may log in: not once it has closed. */
export function accountEnabledFor(status: RetailerStatus): boolean {
  return status !== 'closed';
}
