/**
 * Forecast accuracy 预测准确率, per spec and rolled up by actual volume.
 *
 * Per spec: max(0, 1 − |A − F| / A); when A = 0 it is 1 if F = 0, else 0.
 * A × accuracy = max(0, A − |A − F|) is a whole number of cartons (the cartons "forecast right"), so the
 * volume-weighted roll-up Σ A·accuracy ÷ Σ A is a ratio of two integer sums. SQL computes the same tally
 * with SUM(GREATEST(0, a - ABS(a - f))) and SUM(a), and tallies add up across specs, territories and
 * centers: a center's accuracy is the accuracy of all its (territory, spec) lines together.
 *
 * When Σ A = 0 the per-spec rule is applied to the whole: 1 if nothing was forecast either, else 0.
 * Accuracy is therefore always a number in [0, 1], never null. A forecast for a spec nobody ordered weighs
 * nothing while anything at all was ordered: weighting by actual volume is the industry definition.
 */
export interface ForecastTally {
  /** Σ A, actual cartons: approved, consolidated demand of the month. */
  readonly actualCartons: number;
  /** Σ F, forecast cartons; decides the Σ A = 0 case. */
  readonly forecastCartons: number;
  /** Σ max(0, A − |A − F|). */
  readonly accurateCartons: number;
}

export function forecastTally(actualCartons: number, forecastCartons: number): ForecastTally {
  assertCartons('actual', actualCartons);
  assertCartons('forecast', forecastCartons);
  return {
    actualCartons,
    forecastCartons,
    accurateCartons: Math.max(0, actualCartons - Math.abs(actualCartons - forecastCartons)),
  };
}

export function addForecastTallies(tallies: readonly ForecastTally[]): ForecastTally {
  let actualCartons = 0;
  let forecastCartons = 0;
  let accurateCartons = 0;
  for (const tally of tallies) {
    actualCartons += tally.actualCartons;
    forecastCartons += tally.forecastCartons;
    accurateCartons += tally.accurateCartons;
  }
  return { actualCartons, forecastCartons, accurateCartons };
}

export function forecastAccuracy(tally: ForecastTally): number {
  if (tally.actualCartons === 0) return tally.forecastCartons === 0 ? 1 : 0;
  return tally.accurateCartons / tally.actualCartons;
}

/** Brand ids are the catalogue's numeric ids. */
export interface CartonsByBrand {
  readonly brandId: number;
  readonly cartons: number;
}

export interface SpecForecastAccuracy {
  readonly brandId: number;
  readonly actualCartons: number;
  /** 0 when the spec was ordered but not forecast. */
  readonly forecastCartons: number;
  /** Ordered but not forecast: counted as a forecast of 0, flagged so the report can say so. */
  readonly forecastMissing: boolean;
  readonly isKeyBrand: boolean;
  readonly accuracy: number;
}

export interface ForecastAccuracySummary {
  readonly tally: ForecastTally;
  readonly accuracy: number;
}

export interface ForecastAccuracyReport {
  /** Every spec ordered or forecast, by brand id. */
  readonly specs: readonly SpecForecastAccuracy[];
  readonly overall: ForecastAccuracySummary;
  /** The top-20 key brands (and brands the department treats as such) on their own. */
  readonly keyBrands: ForecastAccuracySummary;
}

export interface ForecastAccuracyInput {
  /** One line per spec: the month's approved, consolidated demand of the territory. */
  readonly actuals: readonly CartonsByBrand[];
  /** One line per spec: the account manager's forecast for the month. */
  readonly forecasts: readonly CartonsByBrand[];
  readonly keyBrandIds: ReadonlySet<number>;
}

/** An account manager's month: every spec ordered or forecast, the volume-weighted total and the key brands. */
export function forecastAccuracyReport(input: ForecastAccuracyInput): ForecastAccuracyReport {
  const actuals = cartonsByBrand('actuals', input.actuals);
  const forecasts = cartonsByBrand('forecasts', input.forecasts);
  const brandIds = [...new Set([...actuals.keys(), ...forecasts.keys()])].sort((a, b) => a - b);
  const specs = brandIds.map((brandId) => {
    const tally = forecastTally(actuals.get(brandId) ?? 0, forecasts.get(brandId) ?? 0);
    return {
      spec: {
        brandId,
        actualCartons: tally.actualCartons,
        forecastCartons: tally.forecastCartons,
        forecastMissing: !forecasts.has(brandId),
        isKeyBrand: input.keyBrandIds.has(brandId),
        accuracy: forecastAccuracy(tally),
      },
      tally,
    };
  });
  return {
    specs: specs.map(({ spec }) => spec),
    overall: summary(specs.map(({ tally }) => tally)),
    keyBrands: summary(specs.filter(({ spec }) => spec.isKeyBrand).map(({ tally }) => tally)),
  };
}

function summary(tallies: readonly ForecastTally[]): ForecastAccuracySummary {
  const tally = addForecastTallies(tallies);
  return { tally, accuracy: forecastAccuracy(tally) };
}

function cartonsByBrand(name: string, lines: readonly CartonsByBrand[]): Map<number, number> {
  const byBrand = new Map<number, number>();
  for (const { brandId, cartons } of lines) {
    if (byBrand.has(brandId)) throw new RangeError(`${name} list brand ${brandId} twice`);
    byBrand.set(brandId, cartons);
  }
  return byBrand;
}

function assertCartons(name: string, cartons: number): void {
  if (!Number.isSafeInteger(cartons) || cartons < 0) {
    throw new RangeError(`${name} cartons must be a non-negative whole number (got ${cartons})`);
  }
}
