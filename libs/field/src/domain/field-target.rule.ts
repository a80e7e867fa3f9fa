/**
 * Daily field-work targets of an account manager: visits (30 a working day in town, 25 in the country,
 * from practice) and phone calls (30 a working day, from the source). Configurable per department.
 *
 * The market is the territory's; working days come from the department's calendar (holidays excluded),
 * which the caller owns. Attainment is `rate(done, target)` from the KPI context, like every other rate.
 */
export type TerritoryMarket = 'urban' | 'rural';

export interface FieldTargetPolicy {
  readonly visitsPerWorkingDay: Readonly<Record<TerritoryMarket, number>>;
  readonly callsPerWorkingDay: number;
}

export const DEFAULT_FIELD_TARGET_POLICY: FieldTargetPolicy = {
  visitsPerWorkingDay: { urban: 30, rural: 25 },
  callsPerWorkingDay: 30,
};

export function visitTarget(
  workingDays: number,
  market: TerritoryMarket,
  policy: FieldTargetPolicy = DEFAULT_FIELD_TARGET_POLICY,
): number {
  return workingDays * perDay('visits', policy.visitsPerWorkingDay[market], workingDays);
}

export function callTarget(
  workingDays: number,
  policy: FieldTargetPolicy = DEFAULT_FIELD_TARGET_POLICY,
): number {
  return workingDays * perDay('calls', policy.callsPerWorkingDay, workingDays);
}

function perDay(what: string, perWorkingDay: number, workingDays: number): number {
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`working days must be a non-negative whole number (got ${workingDays})`);
  }
  if (!Number.isSafeInteger(perWorkingDay) || perWorkingDay < 0) {
    throw new RangeError(
      `${what} per working day must be a non-negative whole number (got ${perWorkingDay})`,
    );
  }
  return perWorkingDay;
}
