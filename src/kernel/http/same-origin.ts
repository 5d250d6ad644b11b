import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `host[:port]` as an origin of the given scheme would spell it (the default port left out), lower case. */
function hostOf(scheme: string, host: string): string | null {
  try {
    return new URL(`${scheme}//${host}`).host.toLowerCase();
  } catch {
    return null;
  }
}

/** True when the request's `Origin` names this site: the host it was sent to (X-Forwarded-Host behind a trusted proxy) or the public URL. */
function isOwnOrigin(origin: string, request: FastifyRequest, publicUrl: URL | null): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && url.origin === publicUrl.origin) return true;
  return url.host.toLowerCase() === hostOf(url.protocol, request.host);
}

/**
 * Refuses state-changing requests a browser sends from another site, before their body is read: a page elsewhere
 * can make the browser POST with the session cookie (even a body-less text/plain POST needs no preflight), or sign
 * the browser in to an account of the attacker's. Bearer-token calls carry no ambient credential and pass; so do
 * requests with neither `Origin` nor `Sec-Fetch-Site` (servers, curl). An opaque `Origin: null` (a sandboxed frame, or
 * this site's own forms under `Referrer-Policy: no-referrer`) passes only when `Sec-Fetch-Site` says same-origin, or,
 * from a browser too old to send it, when it carries no cookie.
 */
export function registerSameOrigin(app: FastifyInstance, publicUrl?: string): void {
  const own = publicUrl ? new URL(publicUrl) : null;
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    let crossSite: boolean;
    if (origin !== undefined && origin !== 'null') crossSite = !isOwnOrigin(origin, request, own);
    else if (site !== undefined) crossSite = site !== 'same-origin' && site !== 'none';
    else crossSite = origin === 'null' && request.headers.cookie !== undefined;
    if (crossSite) {
      throw new AppError(403, 'CROSS_SITE_REQUEST', '不接受来自其他网站的请求 A request sent from another site is refused; use this site, or an API token');
    }
  });
}
