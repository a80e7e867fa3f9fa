import {
  type Outcome,
  statesAllowing,
  transition,
  type TransitionRefusal,
  type TransitionTable,
} from '#libs/kernel';

/**
 * Feedback between roles on a delivery: a problem (late, wrong goods, short, damaged, refused…) raised against
 * a stop by the account manager of its territory, by the route's driver at the door, or by the retailer
 * itself; the account manager and the supply point see it; the delivery side (the route's delivery staff or
 * the supply point) answers; whoever raised it closes it once settled, or withdraws it before an answer. An item is open
 * until it is closed, so an answered item still counts, with its age, until the raiser accepts the answer.
 */
export const FEEDBACK_KINDS = ['late', 'wrongGoods', 'short', 'damaged', 'refused', 'other'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, string>> = {
  late: '送货不及时',
  wrongGoods: '错送规格',
  short: '少送数量',
  damaged: '包装破损',
  refused: '零售户拒收',
  other: '其他',
};

/** Who raises feedback on a delivery. */
export const FEEDBACK_RAISER_ROLES = ['account_manager', 'delivery_staff', 'retailer'] as const;
export type FeedbackRaiserRole = (typeof FEEDBACK_RAISER_ROLES)[number];

export const FEEDBACK_STATES = ['open', 'answered', 'closed'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];
export const FEEDBACK_STATE_LABELS: Readonly<Record<FeedbackState, string>> = {
  open: '待答复',
  answered: '已答复',
  closed: '已关闭',
};

export const FEEDBACK_EVENTS = ['answer', 'close'] as const;
export type FeedbackEvent = (typeof FEEDBACK_EVENTS)[number];

export const FEEDBACK_TRANSITIONS: TransitionTable<FeedbackState, FeedbackEvent> = {
  open: { answer: 'answered', close: 'closed' },
  answered: { close: 'closed' },
  closed: {},
};

const FEEDBACK_REFUSAL = { code: 'FEEDBACK_TRANSITION_FORBIDDEN', subject: 'Feedback' } as const;

export type FeedbackTransitionRefusal = TransitionRefusal<
  typeof FEEDBACK_REFUSAL.code,
  FeedbackState,
  FeedbackEvent
>;

export function transitionFeedback(
  from: FeedbackState,
  event: FeedbackEvent,
): Outcome<FeedbackState, FeedbackTransitionRefusal> {
  return transition(FEEDBACK_TRANSITIONS, FEEDBACK_REFUSAL, from, event);
}

/** Feedback not closed yet: what the open-items list shows, oldest first (the table's answer). */
export const OPEN_FEEDBACK_STATES: readonly FeedbackState[] = statesAllowing(FEEDBACK_TRANSITIONS, 'close');
