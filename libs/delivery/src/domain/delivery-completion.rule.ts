/**
 * Completing a stop: when the goods arrived and who received them. Receipt by anyone but the licence
 * holder 代接货 is forbidden in principle; it can only be recorded with the receiver's name, their relation
 * to the licence holder and a reason, and is flagged as a proxy receipt so it is counted and can be inspected.
 */
export const RECEIVER_KINDS = ['retailer', 'proxy'] as const;
export type ReceiverKind = (typeof RECEIVER_KINDS)[number];
export const RECEIVER_KIND_LABELS: Readonly<Record<ReceiverKind, string>> = {
  retailer: '零售户本人',
  proxy: '代接货',
};

export interface StopCompletionInput {
  readonly arrivedAt: Date;
  /** As received from the client; checked here. */
  readonly receiver: string;
  readonly receiverName?: string | null;
  readonly receiverRelation?: string | null;
  readonly reason?: string | null;
}

export interface StopCompletion {
  readonly arrivedAt: Date;
  readonly receiver: ReceiverKind;
  /** Trimmed; null when not given. */
  readonly receiverName: string | null;
  /** Who the proxy is to the licence holder (店员, 配偶, 隔壁店主…); null for the retailer. */
  readonly receiverRelation: string | null;
  readonly reason: string | null;
  readonly proxyReceipt: boolean;
}

export type StopCompletionErrorCode =
  | 'DELIVERY_ARRIVAL_INVALID'
  | 'DELIVERY_ARRIVED_IN_FUTURE'
  | 'DELIVERY_RECEIVER_INVALID'
  | 'DELIVERY_PROXY_REASON_REQUIRED'
  | 'DELIVERY_PROXY_RECEIVER_NAME_REQUIRED'
  | 'DELIVERY_PROXY_RELATION_REQUIRED';

export interface StopCompletionError {
  readonly code: StopCompletionErrorCode;
  readonly field: keyof StopCompletionInput;
}

/**
 * Refused with the first problem's code (what the HTTP answer's `code` says) and every problem in
 * `details.errors`, so one 400 answer lists every field to fix.
 */
export type StopCompletionCheck =
  | { readonly ok: true; readonly value: StopCompletion }
  | {
      readonly ok: false;
      readonly code: StopCompletionErrorCode;
      readonly message: string;
      readonly details: { readonly errors: readonly StopCompletionError[] };
    };

const MESSAGES: Readonly<Record<StopCompletionErrorCode, string>> = {
  DELIVERY_ARRIVAL_INVALID: 'The arrival time is not a valid instant',
  DELIVERY_ARRIVED_IN_FUTURE: 'The arrival time is in the future',
  DELIVERY_RECEIVER_INVALID: 'The receiver is the retailer or a proxy',
  DELIVERY_PROXY_REASON_REQUIRED: 'Goods received by a proxy (代接货) need a reason',
  DELIVERY_PROXY_RECEIVER_NAME_REQUIRED:
    'Goods received by a proxy (代接货) need the name of who received them',
  DELIVERY_PROXY_RELATION_REQUIRED:
    'Goods received by a proxy (代接货) need the receiver’s relation to the licence holder',
};

/** Handheld clocks run a little ahead of the server; beyond this, an arrival "in the future" is refused. */
export interface StopCompletionPolicy {
  readonly maxClockSkewMinutes: number;
}

export const DEFAULT_STOP_COMPLETION_POLICY: StopCompletionPolicy = { maxClockSkewMinutes: 5 };

export function checkStopCompletion(
  input: StopCompletionInput,
  now: Date,
  policy: StopCompletionPolicy = DEFAULT_STOP_COMPLETION_POLICY,
): StopCompletionCheck {
  const errors: StopCompletionError[] = [];
  const arrivedMs = input.arrivedAt.getTime();
  if (Number.isNaN(arrivedMs)) {
    errors.push({ code: 'DELIVERY_ARRIVAL_INVALID', field: 'arrivedAt' });
  } else if (arrivedMs > now.getTime() + policy.maxClockSkewMinutes * 60_000) {
    errors.push({ code: 'DELIVERY_ARRIVED_IN_FUTURE', field: 'arrivedAt' });
  }
  const receiverName = trimmedOrNull(input.receiverName);
  const receiverRelation = trimmedOrNull(input.receiverRelation);
  const reason = trimmedOrNull(input.reason);
  const receiver = isReceiverKind(input.receiver) ? input.receiver : null;
  if (receiver === null) {
    errors.push({ code: 'DELIVERY_RECEIVER_INVALID', field: 'receiver' });
  } else if (receiver === 'proxy') {
    if (reason === null) errors.push({ code: 'DELIVERY_PROXY_REASON_REQUIRED', field: 'reason' });
    if (receiverName === null)
      errors.push({ code: 'DELIVERY_PROXY_RECEIVER_NAME_REQUIRED', field: 'receiverName' });
    if (receiverRelation === null)
      errors.push({ code: 'DELIVERY_PROXY_RELATION_REQUIRED', field: 'receiverRelation' });
  }
  if (receiver === null || errors.length > 0) {
    // An unknown receiver has always pushed an error, so there is a first one.
    const { code } = errors[0] as StopCompletionError;
    return { ok: false, code, message: MESSAGES[code], details: { errors } };
  }
  return {
    ok: true,
    value: {
      arrivedAt: input.arrivedAt,
      receiver,
      receiverName,
      receiverRelation: receiver === 'proxy' ? receiverRelation : null,
      reason,
      proxyReceipt: receiver === 'proxy',
    },
  };
}

function isReceiverKind(value: string): value is ReceiverKind {
  return (RECEIVER_KINDS as readonly string[]).includes(value);
}

function trimmedOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
