export interface DemandLine {
  brandId: string;
  cartons: number;
}

export interface CycleDemand {
  retailerId: string;
  lines: readonly DemandLine[];
}

export interface IdenticalDemandGroup {
  /** Canonical JSON of the lines, [[brandId, cartons], …] sorted by brandId: usable as a key. */
  signature: string;
  lines: DemandLine[];
  /** Sorted. */
  retailerIds: string[];
}

/** Six prohibitions 六不准: many retailers with the same order hints at an account manager dictating it. */
export const DEFAULT_IDENTICAL_GROUP_SIZE = 5;

/** Lines merged per spec and sorted, so that neither order nor splitting a spec over two lines hides a match. */
function canonicalLines(lines: readonly DemandLine[]): DemandLine[] {
  const cartonsByBrand = new Map<string, number>();
  for (const { brandId, cartons } of lines) {
    cartonsByBrand.set(brandId, (cartonsByBrand.get(brandId) ?? 0) + cartons);
  }
  return [...cartonsByBrand]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([brandId, cartons]) => ({ brandId, cartons }));
}

/**
 * Groups of at least `minGroupSize` distinct retailers whose demand lines are identical, among the demands of
 * one cycle in one territory (the caller partitions). Demands without lines are ignored. Largest groups first,
 * then by signature, so the output is stable.
 */
export function findIdenticalDemandGroups(
  demands: readonly CycleDemand[],
  minGroupSize: number = DEFAULT_IDENTICAL_GROUP_SIZE,
): IdenticalDemandGroup[] {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 2) {
    throw new RangeError(`minGroupSize must be an integer ≥ 2 (got ${minGroupSize})`);
  }
  const groups = new Map<string, { lines: DemandLine[]; retailerIds: Set<string> }>();
  for (const demand of demands) {
    if (demand.lines.length === 0) continue;
    const lines = canonicalLines(demand.lines);
    const signature = JSON.stringify(lines.map(({ brandId, cartons }) => [brandId, cartons]));
    const group = groups.get(signature) ?? { lines, retailerIds: new Set<string>() };
    group.retailerIds.add(demand.retailerId);
    groups.set(signature, group);
  }
  return [...groups]
    .filter(([, group]) => group.retailerIds.size >= minGroupSize)
    .map(([signature, group]) => ({
      signature,
      lines: group.lines,
      retailerIds: [...group.retailerIds].sort(),
    }))
    .sort((a, b) => b.retailerIds.length - a.retailerIds.length || (a.signature < b.signature ? -1 : 1));
}
