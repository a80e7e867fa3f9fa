/** One retailer's line of a rationed spec at a supply point, as the unified order stored it. */
export interface RationedLine {
  key: string;
  /** Cartons asked. */
  requested: number;
  /** Cartons ordered after rationing. */
  ordered: number;
}

export interface RationingExplanation {
  key: string;
  requested: number;
  ordered: number;
  /** ⌊requested × Σ ordered ÷ Σ requested⌋: the share before the cartons left over were handed out. */
  floorShare: number;
  /** The fractional part of the exact share (0 ≤ r < 1): the larger, the earlier a left-over carton came. */
  remainder: number;
  /** Whether this line got one of the left-over cartons (largest remainders first). */
  gotLeftOver: boolean;
}

export interface RationingGroup {
  totalRequested: number;
  totalOrdered: number;
  /** Σ ordered ÷ Σ requested (the ratio in force, as applied); null when nothing was asked. */
  ratio: number | null;
  /** Cartons handed out one each by largest remainder, after every line's floor share. */
  leftOver: number;
  lines: RationingExplanation[];
}

/**
 * Explains a spec's rationing at one supply point (稍紧平衡, shared by largest remainder) from the stored lines
 * alone: the reduced total is what was ordered, so each line's exact share, its floor and its remainder follow,
 * and a line that got more than its floor got a left-over carton. Integer arithmetic for the shares.
 */
export function explainRationing(lines: readonly RationedLine[]): RationingGroup {
  const totalRequested = lines.reduce((sum, line) => sum + line.requested, 0);
  const totalOrdered = lines.reduce((sum, line) => sum + line.ordered, 0);
  const explained = lines.map((line) => {
    const exact = BigInt(line.requested) * BigInt(totalOrdered);
    const floorShare = totalRequested ? Number(exact / BigInt(totalRequested)) : 0;
    const remainder = totalRequested ? Number(exact % BigInt(totalRequested)) / totalRequested : 0;
    return { ...line, floorShare, remainder, gotLeftOver: line.ordered > floorShare };
  });
  return {
    totalRequested,
    totalOrdered,
    ratio: totalRequested ? totalOrdered / totalRequested : null,
    leftOver: totalOrdered - explained.reduce((sum, line) => sum + line.floorShare, 0),
    lines: explained,
  };
}
