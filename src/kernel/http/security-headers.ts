import type { FastifyInstance } from 'fastify';

/** The headers every answer carries; fixed, so they are built once. */
const HEADERS = {
  'content-security-policy':
    "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; " +
    // Ant Design writes its styles at run time.
    "script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    // The API docs page ships its own policy for its inline scripts; keep it.
    const ownPolicy = reply.getHeader('content-security-policy');
    reply.headers(HEADERS);
    if (ownPolicy) reply.header('content-security-policy', ownPolicy);
    reply.header('x-request-id', request.id);
    // API answers are personal or change by the minute; one that may be kept says so itself (product photos, files).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
