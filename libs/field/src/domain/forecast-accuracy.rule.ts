/**
 * Forecast accuracy 预测准确率, as the industry writes it — 1 − |预测 − 实际| ÷ 实际 — weighted by volume:
 *
 *   accuracy = max(0, 1 − Σ|A − F| ÷ Σ A)   over the specs forecast or demanded
 *
 * A is the retailers' demand 市场真实需求: the cartons they asked for on the demands that reached the unified
 * order, before any rationing (稍紧平衡). The rationed figure is kept beside it, never used as A: a spec cut
 * back by supply is not a forecast error. F is the account manager's forecast (a spec not forecast is F = 0).
 *
 * Over- and under-forecasting both add to Σ|A − F|, and a spec forecast but not demanded adds its whole
 * forecast: forecasting 1,000 cartons nobody asked for cannot be free. Σ A = 0 is no data (null, shown as
 * such), never 100 %: a territory where nothing was demanded has nothing to be accurate about.
 *
 * Tallies are sums of whole cartons, so they add up across specs, territories and centers: a center's
 * accuracy is the formula over all its (territory, spec) lines together, never an average of ratios.
 */
export interface ForecastTally {
  /** Σ A: demand before rationing. */
  readonly demandCartons: number;
  /** Σ F. */
  readonly forecastCartons: number;
  /** Σ |A − F|: the forecast error. */
  readonly errorCartons: number;
  /** What the unified order supplied after rationing, shown beside A. */
  readonly orderedCartons: number;
}

export function forecastTally(
  demandCartons: number,
  forecastCartons: number,
  orderedCartons: number = demandCartons,
): ForecastTally {
  assertCartons('demand', demandCartons);
  assertCartons('forecast', forecastCartons);
  assertCartons('ordered', orderedCartons);
  if (orderedCartons > demandCartons)
    throw new RangeError(`ordered cartons (${orderedCartons}) exceed the demand (${demandCartons})`);
  return {
    demandCartons,
    forecastCartons,
    errorCartons: Math.abs(demandCartons - forecastCartons),
    orderedCartons,
  };
}

export function addForecastTallies(tallies: readonly ForecastTally[]): ForecastTally {
  let demandCartons = 0;
  let forecastCartons = 0;
  let errorCartons = 0;
  let orderedCartons = 0;
  for (const tally of tallies) {
    demandCartons += tally.demandCartons;
    forecastCartons += tally.forecastCartons;
    errorCartons += tally.errorCartons;
    orderedCartons += tally.orderedCartons;
  }
  return { demandCartons, forecastCartons, errorCartons, orderedCartons };
}

/** max(0, 1 − error ÷ demand); null when nothing was demanded (no data, never 100 %). */
export function forecastAccuracyOf(errorCartons: number, demandCartons: number): number | null {
  if (demandCartons === 0) return null;
  return Math.max(0, 1 - errorCartons / demandCartons);
}

export function forecastAccuracy(tally: ForecastTally): number | null {
  return forecastAccuracyOf(tally.errorCartons, tally.demandCartons);
}

/** Brand ids are the catalogue's numeric ids. */
export interface CartonsByBrand {
  readonly brandId: number;
  readonly cartons: number;
}

/** A spec's demand: before rationing, and what was supplied after it. */
export interface DemandByBrand {
  readonly brandId: number;
  readonly demandCartons: number;
  readonly orderedCartons: number;
}

export interface SpecForecastAccuracy extends ForecastTally {
  readonly brandId: number;
  /** Demanded but not forecast: counted as a forecast of 0, flagged so the report can say so. */
  readonly forecastMissing: boolean;
  readonly isKeyBrand: boolean;
  /** Null when the spec was not demanded (forecast but not ordered: its whole forecast is error). */
  readonly accuracy: number | null;
}

export interface ForecastAccuracySummary {
  readonly tally: ForecastTally;
  readonly accuracy: number | null;
}

export interface ForecastAccuracyReport {
  /** Every spec demanded or forecast, by brand id. */
  readonly specs: readonly SpecForecastAccuracy[];
  readonly overall: ForecastAccuracySummary;
  /** The top-20 key brands (and brands the department treats as such) on their own. */
  readonly keyBrands: ForecastAccuracySummary;
}

export interface ForecastAccuracyInput {
  /** One line per spec: the month's demand of the territory. */
  readonly demand: readonly DemandByBrand[];
  /** One line per spec: the account manager's forecast for the month. */
  readonly forecasts: readonly CartonsByBrand[];
  readonly keyBrandIds: ReadonlySet<number>;
}

/** An account manager's month: every spec demanded or forecast, the volume-weighted total and the key brands. */
export function forecastAccuracyReport(input: ForecastAccuracyInput): ForecastAccuracyReport {
  const demand = byBrand('demand', input.demand);
  const forecasts = byBrand('forecasts', input.forecasts);
  const brandIds = [...new Set([...demand.keys(), ...forecasts.keys()])].sort((a, b) => a - b);
  const specs = brandIds.map((brandId): SpecForecastAccuracy => {
    const asked = demand.get(brandId);
    const tally = forecastTally(
      asked?.demandCartons ?? 0,
      forecasts.get(brandId)?.cartons ?? 0,
      asked?.orderedCartons ?? 0,
    );
    return {
      brandId,
      ...tally,
      forecastMissing: !forecasts.has(brandId),
      isKeyBrand: input.keyBrandIds.has(brandId),
      accuracy: forecastAccuracy(tally),
    };
  });
  return {
    specs,
    overall: summary(specs),
    keyBrands: summary(specs.filter((spec) => spec.isKeyBrand)),
  };
}

function summary(tallies: readonly ForecastTally[]): ForecastAccuracySummary {
  const tally = addForecastTallies(tallies);
  return { tally, accuracy: forecastAccuracy(tally) };
}

function byBrand<T extends { readonly brandId: number }>(name: string, lines: readonly T[]): Map<number, T> {
  const map = new Map<number, T>();
  for (const line of lines) {
    if (map.has(line.brandId)) throw new RangeError(`${name} list brand ${line.brandId} twice`);
    map.set(line.brandId, line);
  }
  return map;
}

function assertCartons(name: string, cartons: number): void {
  if (!Number.isSafeInteger(cartons) || cartons < 0) {
    throw new RangeError(`${name} cartons must be a non-negative whole number (got ${cartons})`);
  }
}
