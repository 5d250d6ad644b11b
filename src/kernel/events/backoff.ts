/** How long a subscriber waits after its n-th failure in a row at one event: 1 s, 2 s, 4 s … at most 5 minutes. */
export function retryDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), 5 * 60_000);
}
