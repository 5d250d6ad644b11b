import { markReachable } from './reachability.js';

/** The API's one error shape, `{"error":{"code","message","details"}}`, as a thrown value. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field a 400 names, as the server spells it: `body.operator.phone`. */
  get field(): string | undefined {
    const details = this.details as { field?: unknown } | undefined;
    return typeof details?.field === 'string' ? details.field : undefined;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON, or a FormData sent as multipart (file uploads). */
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`: the server runs a create once however often it is sent (see newIdempotencyKey). */
  idempotencyKey?: string;
}

/**
 * A fresh `Idempotency-Key`, one per opened form. crypto.randomUUID exists only in secure contexts (https,
 * localhost); a county office may reach the console over plain http on its LAN, so fall back to random bytes.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const IN_PROGRESS_RETRIES = 20;
const IN_PROGRESS_WAIT_MS = 250;

/**
 * Calls `/api/v1…` on the same origin with the session cookie; throws ApiError on any non-2xx answer.
 * With an idempotency key, "the same request is still running" (a double click) waits for the first one's answer.
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request<T>(path, opts);
    } catch (err) {
      const running = opts.idempotencyKey && err instanceof ApiError && err.code === 'IDEMPOTENCY_IN_PROGRESS';
      if (!running || attempt >= IN_PROGRESS_RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, IN_PROGRESS_WAIT_MS));
    }
  }
}

async function request<T>(path: string, opts: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method: opts.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(opts.body !== undefined && !(opts.body instanceof FormData) && { 'content-type': 'application/json' }),
        ...(opts.idempotencyKey && { 'idempotency-key': opts.idempotencyKey }),
      },
      body: opts.body === undefined ? undefined : opts.body instanceof FormData ? opts.body : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    markReachable(false);
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  markReachable(true);
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.details);
  }
  return data as T;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a cursor-paged list, following nextCursor (for lists known to be small, such as a county's sites). */
export async function fetchAll<T>(path: string, query: Query, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Page<T> = await api<Page<T>>(path, { query: { ...query, limit: 500, cursor }, signal });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  // Never a silent cut: a list this long belongs on a paged screen (LoadMore), not in one array.
  throw new ApiError(0, 'LIST_TOO_LONG', `${path}: more than ${items.length} items`);
}
