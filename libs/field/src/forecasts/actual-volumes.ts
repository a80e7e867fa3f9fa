/**
 * Where forecast accuracy gets its actuals: the retailers' demand of a month 市场真实需求 — what they asked
 * for on the demands that reached the unified order, before rationing — and what was supplied after it. The
 * ordering context implements this; field work never computes or fakes it. Wire it with
 * `FieldModule.register({ actualVolumes: { imports: [OrderingModule], useExisting: SomeOrderingService } })`.
 * Until then the accuracy endpoint answers 503 FORECAST_ACTUALS_UNAVAILABLE.
 */
export const ACTUAL_VOLUMES = Symbol('ACTUAL_VOLUMES');

export interface ActualCartons {
  readonly territoryId: number;
  readonly brandId: number;
  /** Whole cartons asked for, before rationing (A of the accuracy), ≥ 0. */
  readonly demandCartons: number;
  /** Whole cartons supplied after rationing, ≤ demandCartons: shown beside A. */
  readonly orderedCartons: number;
}

export interface ActualVolumesProvider {
  /**
   * The demand of `month` (YYYY-MM, business time zone) per territory and brand, for the given territories:
   * demand that reached the unified order of a cycle whose order day falls in the month (the retailer's own,
   * and collected demand it confirmed and a market manager approved), attributed to the territory it was
   * recorded under, before and after rationing. Expired or cancelled demand and no-demand records count
   * nothing. At most one row per (territory, brand); pairs without demand may be left out. Territories not
   * asked for must not appear.
   */
  actualCartonsByBrand(territoryIds: readonly number[], month: string): Promise<ActualCartons[]>;
}
