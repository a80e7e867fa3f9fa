/**
 * Guide-price compliance 零售指导价落实: of the specs checked on visits, the share sold at or below the retail
 * guide price, per carton and per pack on their own (a check may observe one price or both). Selling above
 * the guide price is what the department fights; the department's price tolerance (basis points, copied onto
 * each check) widens "at" upwards only: observed × 10,000 ≤ guide × (10,000 + tolerance).
 *
 * SQL counts the same with one GROUP BY (`FieldFacts.priceCompliance`); tallies add up across territories.
 */
export interface PriceCheckObservation {
  readonly observedCartonFen: number | null;
  readonly observedPackFen: number | null;
  readonly guideCartonFen: number;
  readonly guidePackFen: number;
  readonly toleranceBp: number;
}

export interface PriceComplianceTally {
  readonly cartonChecked: number;
  /** Carton prices at or below the guide price (within the tolerance above it). */
  readonly cartonCompliant: number;
  readonly packChecked: number;
  readonly packCompliant: number;
}

export function atOrBelowGuidePrice(observedFen: number, guideFen: number, toleranceBp: number): boolean {
  return BigInt(observedFen) * 10_000n <= BigInt(guideFen) * BigInt(10_000 + toleranceBp);
}

export function tallyPriceChecks(checks: readonly PriceCheckObservation[]): PriceComplianceTally {
  const tally = { cartonChecked: 0, cartonCompliant: 0, packChecked: 0, packCompliant: 0 };
  for (const check of checks) {
    if (check.observedCartonFen !== null) {
      tally.cartonChecked++;
      if (atOrBelowGuidePrice(check.observedCartonFen, check.guideCartonFen, check.toleranceBp))
        tally.cartonCompliant++;
    }
    if (check.observedPackFen !== null) {
      tally.packChecked++;
      if (atOrBelowGuidePrice(check.observedPackFen, check.guidePackFen, check.toleranceBp))
        tally.packCompliant++;
    }
  }
  return tally;
}
