import {
  addForecastTallies,
  forecastAccuracy,
  forecastAccuracyReport,
  type ForecastTally,
  type SpecForecastAccuracy,
} from '../domain/index.js';
import type { ActualCartons } from './actual-volumes.js';

export interface AccuracyTerritory {
  territoryId: number;
  departmentId: number;
  accountManagerId: number | null;
}

export interface CartonsLine {
  territoryId: number;
  brandId: number;
  cartons: number;
}

export interface KeyBrandDesignation {
  brandId: number;
  kind: 'national_top20' | 'equivalent';
  /** For an equivalent: the department that designated it (null: every department). */
  departmentId: number | null;
}

export interface AccuracySummary extends ForecastTally {
  /** max(0, 1 − errorCartons ÷ demandCartons); null when nothing was demanded. */
  accuracy: number | null;
}

export type SpecAccuracy = SpecForecastAccuracy;

export interface TerritoryAccuracy extends AccuracyTerritory {
  specs: SpecAccuracy[];
  overall: AccuracySummary;
  keyBrands: AccuracySummary;
}

export interface AccuracyReport {
  month: string;
  territories: TerritoryAccuracy[];
  /** Every (territory, spec) line of the scope together, weighted by demanded volume. */
  overall: AccuracySummary;
  keyBrands: AccuracySummary;
}

/**
 * Forecast accuracy of a month for each territory and rolled up over them, from forecasts, the retailers'
 * demand (the ordering context's, before and after rationing) and the year's key brands. The maths is the
 * domain's `forecastAccuracyReport`; this groups by territory, picks each department's key brands and adds
 * tallies.
 */
export function accuracyReport(input: {
  month: string;
  territories: readonly AccuracyTerritory[];
  forecasts: readonly CartonsLine[];
  actuals: readonly ActualCartons[];
  keyBrands: readonly KeyBrandDesignation[];
}): AccuracyReport {
  const asked = new Set(input.territories.map((t) => t.territoryId));
  const stray = input.actuals.find((line) => !asked.has(line.territoryId));
  if (stray)
    throw new Error(`actual volumes answered territory ${stray.territoryId}, which was not asked for`);
  const territories = input.territories.map((territory): TerritoryAccuracy => {
    const keyBrandIds = new Set(
      input.keyBrands
        .filter(
          (k) =>
            k.kind === 'national_top20' ||
            k.departmentId === null ||
            k.departmentId === territory.departmentId,
        )
        .map((k) => k.brandId),
    );
    const report = forecastAccuracyReport({
      demand: input.actuals.filter((line) => line.territoryId === territory.territoryId),
      forecasts: input.forecasts.filter((line) => line.territoryId === territory.territoryId),
      keyBrandIds,
    });
    return {
      ...territory,
      specs: [...report.specs],
      overall: { ...report.overall.tally, accuracy: report.overall.accuracy },
      keyBrands: { ...report.keyBrands.tally, accuracy: report.keyBrands.accuracy },
    };
  });
  return {
    month: input.month,
    territories,
    overall: summaryOf(territories.map((t) => t.overall)),
    keyBrands: summaryOf(territories.map((t) => t.keyBrands)),
  };
}

function summaryOf(tallies: readonly ForecastTally[]): AccuracySummary {
  const tally = addForecastTallies(tallies);
  return { ...tally, accuracy: forecastAccuracy(tally) };
}
