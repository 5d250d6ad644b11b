import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, RequestContext } from '../context.js';
import { unauthorized } from '../errors.js';

/** Finds who is calling from the session cookie or bearer token; supplied by the identity module. */
export type PrincipalResolver = (request: FastifyRequest) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Open to callers who are not signed in. Every other /api/v1 route needs a session or an API token. */
    public?: boolean;
  }
}

export function registerAuth(app: FastifyInstance, resolve: PrincipalResolver): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request) => {
    const isPublic = request.routeOptions.config?.public === true;
    const principal = isPublic && !request.headers.cookie && !request.headers.authorization ? null : await resolve(request);
    request.ctx = { principal, ip: request.ip, requestId: request.id };
    if (!principal && !isPublic && request.routeOptions.url?.startsWith('/api/v1/')) throw unauthorized();
  });
}
