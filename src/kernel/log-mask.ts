import { maskPersonalData } from './audit-mask.js';

/** Whatever in free text looks like a mobile number or an ID number (checked by shape and check character). */
export function maskText(text: string): string {
  return text.replace(/\d+[Xx]?/g, (run) => maskPersonalData(run) as string);
}

/** A URL as logged: a query value is masked by its key (`phone=`, `idNumber=`…) or its shape, the path by shape. */
export function maskUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return maskText(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return maskText(pair);
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const byKey = maskPersonalData(safeDecode(value), safeDecode(key));
      return `${key}=${byKey === safeDecode(value) ? maskText(value) : encodeURIComponent(String(byKey)).replace(/%2A/gi, '*')}`;
    })
    .join('&');
  return `${maskText(url.slice(0, at))}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Every string in an error (message, stack, a driver's detail such as PostgreSQL's "Key (phone)=(…)") masked. */
function maskStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 4 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, depth + 1)]));
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: maskUrl(req.url),
    version: typeof req.headers?.['accept-version'] === 'string' ? req.headers['accept-version'] : undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: maskText(String(err)), stack: '' };
  const { message, stack, ...own } = err as Error & Record<string, unknown>;
  return maskStrings({ ...own, type: err.constructor?.name ?? 'Error', message, stack: stack ?? '' }) as LoggedError;
}

/** The server's logger: secrets in headers redacted; phone and ID numbers masked in URLs and errors. */
export function logOptions(level: string) {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: { req: serializeRequest, err: serializeError },
  };
}
