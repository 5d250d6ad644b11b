/** Time source for services, so tests can fix "now". Times are stored as ISO-8601 UTC text. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock = systemClock) => clock.now().toISOString();

/** A calendar date (YYYY-MM-DD) in Asia/Shanghai, the county's time zone. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
