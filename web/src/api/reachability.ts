/**
 * Whether the server answered the last time we asked. A phone on a village Wi-Fi without a line out, or a page
 * reopened offline from the service worker, still has `navigator.onLine === true`; a request that gets no answer is
 * the truer sign. While unreachable, the health route is tried every PROBE_MS until it answers.
 */
const PROBE_MS = 15_000;

let reachable = true;
let probe: number | undefined;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === reachable) return;
  reachable = next;
  if (next) {
    window.clearInterval(probe);
    probe = undefined;
  } else if (probe === undefined) {
    probe = window.setInterval(() => {
      fetch('/api/health', { cache: 'no-store' }).then(() => set(true), () => undefined);
    }, PROBE_MS);
  }
  for (const listener of listeners) listener();
}

/** Called by the API client: an answer of any status means the server is reachable; no answer means it is not. */
export const markReachable = (answered: boolean) => set(answered);

export const isReachable = () => reachable;

export function subscribeReachability(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The browser's own "back online" is worth a try: the next request says whether it was right.
if (typeof window !== 'undefined') window.addEventListener('online', () => set(true));
