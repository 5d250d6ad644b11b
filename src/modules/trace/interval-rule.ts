import type { IntervalBreach } from './trace.schema.js';

/** A pesticide or fertiliser application as the rules need it. */
export interface Application {
  recordId: string;
  productName: string;
  registrationNo?: string;
  appliedOn: string;
  intervalDays?: number;
  maxUsesPerSeason?: number;
}

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

export const addDays = (day: string, days: number) => new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);

/** The growing season a day belongs to: fruit and pepper here crop once a year, so the calendar year. */
export const seasonOf = (day: string) => day.slice(0, 4);

/** Uses of the same product are counted together: by registration number when given, else by name. */
export const productKey = (a: Pick<Application, 'productName' | 'registrationNo'>) => (a.registrationNo?.trim() || a.productName.trim()).toLowerCase();

/**
 * The applications whose pre-harvest interval a harvest on `harvestOn` would break. Harvesting on the day the
 * interval ends (applied + interval days) is allowed; one day earlier is not.
 */
export function intervalBreaches(applications: Application[], harvestOn: string): IntervalBreach[] {
  return applications
    .filter((a) => a.intervalDays !== undefined && a.appliedOn <= harvestOn && daysBetween(a.appliedOn, harvestOn) < a.intervalDays)
    .map((a) => ({ recordId: a.recordId, productName: a.productName, appliedOn: a.appliedOn, intervalDays: a.intervalDays!, earliestOn: addDays(a.appliedOn, a.intervalDays!) }));
}

/** The first day on which a harvest keeps every interval; null when nothing restricts it. */
export function earliestHarvest(applications: Application[]): string | null {
  const ends = applications.filter((a) => a.intervalDays !== undefined).map((a) => addDays(a.appliedOn, a.intervalDays!));
  return ends.length ? ends.reduce((a, b) => (a > b ? a : b)) : null;
}

/** Which use of its product in its season an application is (1 for the first). */
export function useNumber(applications: Application[], application: Application): number {
  const key = productKey(application);
  const season = seasonOf(application.appliedOn);
  return applications.filter((a) => productKey(a) === key && seasonOf(a.appliedOn) === season && (a.appliedOn < application.appliedOn || (a.appliedOn === application.appliedOn && a.recordId <= application.recordId))).length;
}
