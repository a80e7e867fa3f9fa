/**
 * Where forecast accuracy gets its actuals: the approved, consolidated demand of a month 实际订货量. The
 * ordering context implements this; field work never computes or fakes it. Wire it with
 * `FieldModule.register({ actualVolumes: { imports: [OrderingModule], useExisting: SomeOrderingService } })`.
 * Until then the accuracy endpoint answers 503 FORECAST_ACTUALS_UNAVAILABLE.
 */
export const ACTUAL_VOLUMES = Symbol('ACTUAL_VOLUMES');

export interface ActualCartons {
  readonly territoryId: number;
  readonly brandId: number;
  /** Whole cartons, ≥ 0. */
  readonly cartons: number;
}

export interface ActualVolumesProvider {
  /**
   * The cartons of approved, consolidated demand in `month` (YYYY-MM, business time zone) per territory and
   * brand, for the given territories: demand that reached the unified order of a cycle whose order day falls
   * in the month, attributed to the territory the demand was recorded under. Expired (unapproved) collected
   * demand and no-demand records count nothing. At most one row per (territory, brand); (territory, brand)
   * pairs without demand may be left out. Territories not asked for must not appear.
   */
  actualCartonsByBrand(territoryIds: readonly number[], month: string): Promise<ActualCartons[]>;
}
