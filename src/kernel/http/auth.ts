import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Principal, RequestContext, Role } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';

/** Finds who is calling from the session cookie or bearer token; supplied by the identity module. */
export type PrincipalResolver = (request: FastifyRequest) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Open to callers who are not signed in. Every other /api/v1 route needs a session or an API token. */
    public?: boolean;
    /**
     * The roles that may call the route, checked as the request arrives, before its body is read. Required of every
     * route that takes a file or a body larger than the app's default; record-level checks stay in the services.
     */
    roles?: readonly Role[];
  }
}

/** Whether a route reads more than a small JSON body: a multipart upload, or a body limit above the app's. */
function takesLargeInput(route: RouteOptions, defaultLimit: number): boolean {
  const consumes = (route.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
  return consumes.includes('multipart/form-data') || (route.bodyLimit ?? 0) > defaultLimit;
}

export function registerAuth(app: FastifyInstance, resolve: PrincipalResolver): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  // A route that would read megabytes for anyone signed in is a way to spend the server's memory: it must say who.
  app.addHook('onRoute', (route) => {
    const config = route.config as { public?: boolean; roles?: readonly Role[] } | undefined;
    if (!config?.public && !config?.roles?.length && takesLargeInput(route, app.initialConfig.bodyLimit ?? 1024 * 1024)) {
      throw new Error(`${route.method} ${route.url} takes a file or a large body: declare config.roles, the roles that may send it`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const isPublic = config?.public === true;
    const principal = isPublic && !request.headers.cookie && !request.headers.authorization ? null : await resolve(request);
    request.ctx = { principal, ip: request.ip, requestId: request.id };
    if (!principal && !isPublic && request.routeOptions.url?.startsWith('/api/v1/')) throw unauthorized();
    const roles = config?.roles;
    if (!roles?.length) return;
    if (!principal) throw unauthorized();
    if (!principal.roles.some((r) => roles.includes(r))) throw forbidden(`Needs one of the roles: ${roles.join(', ')}`);
  });
}
