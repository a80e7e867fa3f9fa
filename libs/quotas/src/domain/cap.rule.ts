import { BASIS_POINTS, mulDivCeil, requireCartons } from './integer-math.js';
import { accept, refuse, type Outcome, type Refusal } from '#libs/kernel';
import { BUSINESS_SCALES, type BusinessScale } from './retailer-class.js';

/** How far above the agreed monthly total a retailer may order, per business scale, in basis points. */
export type FloatAllowancesBp = Readonly<Record<BusinessScale, number>>;

/** An inclusive range of basis points. */
export interface BasisPointBand {
  readonly fromBp: number;
  readonly toBp: number;
}

/**
 * The bands practice allows: large and medium retailers 5–10 %, small ones "about 15 %" (we accept 10–20 %).
 * A department tunes its allowances inside these; going outside is a policy change, i.e. a code change.
 */
export const FLOAT_ALLOWANCE_BANDS_BP: Readonly<Record<BusinessScale, BasisPointBand>> = {
  large: { fromBp: 500, toBp: 1_000 },
  medium: { fromBp: 500, toBp: 1_000 },
  small: { fromBp: 1_000, toBp: 2_000 },
};

/**
 * Defaults: large 5 % (the bottom of its band: the same percentage is already many cartons, and big accounts
 * are under stricter supervision), medium 10 % (the top of the shared band, room to grow), small 15 %.
 */
export const DEFAULT_FLOAT_ALLOWANCES_BP: FloatAllowancesBp = { large: 500, medium: 1_000, small: 1_500 };

export type FloatAllowanceRefusal = Refusal<
  'QUOTA_FLOAT_OUT_OF_BAND',
  { scale: BusinessScale; floatBp: number; band: BasisPointBand }
>;

function isInBand(floatBp: number, band: BasisPointBand): boolean {
  return Number.isInteger(floatBp) && floatBp >= band.fromBp && floatBp <= band.toBp;
}

/** Checks a policy's allowances before it is saved; names the first scale outside its band. */
export function validateFloatAllowances(
  allowances: FloatAllowancesBp,
): Outcome<FloatAllowancesBp, FloatAllowanceRefusal> {
  for (const scale of BUSINESS_SCALES) {
    const band = FLOAT_ALLOWANCE_BANDS_BP[scale];
    const floatBp = allowances[scale];
    if (!isInBand(floatBp, band)) {
      return refuse(
        'QUOTA_FLOAT_OUT_OF_BAND',
        `The float allowance of ${scale} retailers must be ${band.fromBp}–${band.toBp} basis points`,
        { scale, floatBp, band },
      );
    }
  }
  return accept(allowances);
}

export interface Cap {
  floatBp: number;
  /** agreed total × (1 + float) exactly, as a decimal text ("6.9"), so the explanation shows the rounding. */
  capExact: string;
  cap: number;
}

/**
 * cap = ⌈agreed total × (1 + float)⌉. Rounded up so that the float is real for every retailer: with a
 * positive agreed total and float the cap is at least one carton above the agreed total (6 cartons at 15 %
 * = 6.9 → 7, where rounding down left small retailers no float at all); an agreed total of 0 stays 0.
 * There is deliberately no lower counterpart: a retailer may order nothing at all (rule 1).
 * Throws on a negative or fractional total or an allowance outside its band: both are validated upstream.
 */
export function computeCap(
  agreedTotal: number,
  scale: BusinessScale,
  allowances: FloatAllowancesBp = DEFAULT_FLOAT_ALLOWANCES_BP,
): Cap {
  requireCartons(agreedTotal, 'agreedTotal');
  const floatBp = allowances[scale];
  if (!isInBand(floatBp, FLOAT_ALLOWANCE_BANDS_BP[scale])) {
    throw new RangeError(`float allowance ${floatBp} bp is outside the ${scale} band`);
  }
  return {
    floatBp,
    capExact: exactDecimal(BigInt(agreedTotal) * BigInt(BASIS_POINTS + floatBp)),
    cap: mulDivCeil(agreedTotal, BASIS_POINTS + floatBp, BASIS_POINTS),
  };
}

/** A count of ten-thousandths as decimal text without trailing zeros: 69000 → "6.9". */
function exactDecimal(tenThousandths: bigint): string {
  const scale = BigInt(BASIS_POINTS);
  const fraction = (tenThousandths % scale).toString().padStart(4, '0').replace(/0+$/, '');
  return `${tenThousandths / scale}${fraction ? `.${fraction}` : ''}`;
}
