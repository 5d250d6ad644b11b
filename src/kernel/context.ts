import { forbidden, unauthorized } from './errors.js';

export const ROLES = [
  'county_admin',
  'township_operator',
  'village_operator',
  'merchant',
  'courier',
  'regulator',
  'trainer',
  'consumer',
  'data_center',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a user may act: the whole county, one township (by division code), or one site (by site id). */
export type ScopeKind = 'county' | 'township' | 'site';
export interface Scope {
  kind: ScopeKind;
  id: string;
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  scope: Scope;
  via: 'session' | 'token' | 'system';
  /** The API token the caller used, when `via` is `token`; the audit records it. */
  tokenId?: string;
}

/** What every service method receives first: who is asking, and from where. */
export interface RequestContext {
  principal: Principal | null;
  ip: string;
  requestId: string;
}

export function signedIn(ctx: RequestContext): Principal {
  if (!ctx.principal) throw unauthorized();
  return ctx.principal;
}

export const hasRole = (ctx: RequestContext, ...roles: Role[]) =>
  !!ctx.principal && ctx.principal.roles.some((r) => roles.includes(r));

/** Throws 401 when nobody is signed in and 403 when the caller holds none of the roles. */
export function requireRole(ctx: RequestContext, ...roles: Role[]): Principal {
  const principal = signedIn(ctx);
  if (!principal.roles.some((r) => roles.includes(r))) throw forbidden(`Needs one of the roles: ${roles.join(', ')}`);
  return principal;
}

/** The platform itself acting (start-up, seed, scheduled jobs): a county admin over the whole county. */
export function systemContext(countyCode = ''): RequestContext {
  return {
    principal: {
      userId: 'system',
      username: 'system',
      displayName: 'System',
      roles: ['county_admin'],
      scope: { kind: 'county', id: countyCode },
      via: 'system',
    },
    ip: '127.0.0.1',
    requestId: 'system',
  };
}
