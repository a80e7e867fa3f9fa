import { accept, type Outcome, type Refusal, refuse } from '#libs/kernel';

/**
 * Prices are typed and shown in yuan but kept in integer fen (1 yuan = 100 fen), so that no sum or
 * comparison ever meets a binary fraction. These are the only two places yuan and fen meet.
 */
export type YuanToFenResult = Outcome<
  number,
  Refusal<'PRICE_NOT_A_YUAN_AMOUNT', { readonly value: string | number }>
>;

const YUAN_TEXT = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads a non-negative yuan amount with at most two decimals, as typed ("16.5") or as an Excel number cell
 * (16.5). Text is converted digit by digit; a number is accepted only if it is a whole number of fen.
 */
export function yuanToFen(value: string | number): YuanToFenResult {
  const fen = typeof value === 'number' ? fenOfNumber(value) : fenOfText(value.trim());
  if (fen !== null) return accept(fen);
  return refuse(
    'PRICE_NOT_A_YUAN_AMOUNT',
    `${String(value)} is not an amount in yuan with at most two decimals`,
    {
      value,
    },
  );
}

/** "16.50" for 1650: the display form used in Excel cells typed as text and in messages. */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer (got ${fen})`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function fenOfText(text: string): number | null {
  const match = YUAN_TEXT.exec(text);
  if (match === null) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

function fenOfNumber(yuan: number): number | null {
  if (!Number.isFinite(yuan) || yuan < 0) return null;
  const fen = Math.round(yuan * 100);
  // 16.5 * 100 is 1650 exactly, 0.29 * 100 is 28.999…: rounding fixes the binary error, and the check
  // below refuses values with a third decimal (16.505) instead of silently rounding them.
  return Number.isSafeInteger(fen) && Math.abs(fen - yuan * 100) < 1e-6 ? fen : null;
}
