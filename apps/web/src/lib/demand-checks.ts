/**
 * The checks a demand's lines get on the phone before sending, as the API will make them: the total within
 * what this cycle may still take, each scarce specification within its limit for the retailer's grade.
 * The API's checks stay the authority; these say it earlier, in the same words.
 */
export interface LineCheckInput {
  /** cartons per spec id (0 or absent: not ordered). */
  lines: Record<number, number>;
  /** What this cycle may still take (cartons). */
  allowance: number;
  /** The retailer's grade limit per scarce spec for this order week (absent: no limit published). */
  scarceLimits: Map<number, number>;
  brandName: (brandId: number) => string;
  grade: number;
}

export interface LineCheck {
  total: number;
  /** What this cycle could still take after these lines (negative: over). */
  remaining: number;
  /** Chinese sentences, one per problem; sending waits until there are none. */
  problems: string[];
  /** The specs over their scarce limit. */
  overLimit: Set<number>;
}

export function checkLines({ lines, allowance, scarceLimits, brandName, grade }: LineCheckInput): LineCheck {
  const ordered = Object.entries(lines)
    .map(([brandId, cartons]) => [Number(brandId), cartons] as const)
    .filter(([, cartons]) => cartons > 0);
  const total = ordered.reduce((sum, [, cartons]) => sum + cartons, 0);
  const problems: string[] = [];
  const overLimit = new Set<number>();
  for (const [brandId, cartons] of ordered) {
    const limit = scarceLimits.get(brandId);
    if (limit !== undefined && cartons > limit) {
      overLimit.add(brandId);
      problems.push(
        `“${brandName(brandId)}”超出紧俏限量：${grade} 档每周期限 ${limit} 条，当前 ${cartons} 条。`,
      );
    }
  }
  if (total > allowance) {
    problems.push(`合计 ${total} 条，超出本周期可订量 ${allowance} 条（多 ${total - allowance} 条）。`);
  }
  return { total, remaining: allowance - total, problems, overLimit };
}

/** The request's lines: one per spec ordered. */
export function toLines(lines: Record<number, number>): { brandId: number; cartons: number }[] {
  return Object.entries(lines)
    .filter(([, cartons]) => cartons > 0)
    .map(([brandId, cartons]) => ({ brandId: Number(brandId), cartons }));
}
