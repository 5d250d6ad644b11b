import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { forbidden, notFound } from '../../kernel/errors.js';
import type { Sight } from './players.repository.js';

/** Who reads the register: the county office and regulators all of it, a township its own, a merchant its own players. */
export const READERS = ['county_admin', 'regulator', 'township_operator', 'merchant'] as const;
/** Who registers players and changes them: the county office, a township operator in its township. */
export const REGISTRARS = ['county_admin', 'township_operator'] as const;
/** Who reports a shop's month and records shops: the registrars, and a merchant for the players it owns. */
export const REPORTERS = ['county_admin', 'township_operator', 'merchant'] as const;

export function sightOf(ctx: RequestContext): Sight {
  const principal = requireRole(ctx, ...READERS);
  if (hasRole(ctx, 'county_admin', 'regulator')) return { kind: 'all' };
  if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') return { kind: 'township', code: principal.scope.id };
  if (hasRole(ctx, 'merchant')) return { kind: 'owner', userId: principal.userId };
  return { kind: 'owner', userId: principal.userId };
}

/** Whether a player (by its township and owner) is in the caller's sight. */
export function sees(sight: Sight, player: { township_code: string; owner_user_id: string | null }): boolean {
  if (sight.kind === 'all') return true;
  if (sight.kind === 'township') return player.township_code === sight.code;
  return player.owner_user_id === sight.userId;
}

/**
 * Whether the caller may write for a player: the county office always, a township operator for its township, a
 * merchant (reports and shops only) for a player it owns. Regulators read only. Out of sight is a 404.
 */
export function mayWrite(ctx: RequestContext, player: { township_code: string; owner_user_id: string | null }, what: 'register' | 'report'): void {
  const sight = sightOf(ctx);
  if (!sees(sight, player)) throw notFound('Player');
  if (hasRole(ctx, 'county_admin')) return;
  if (hasRole(ctx, 'township_operator') && sight.kind === 'township') return;
  if (what === 'report' && hasRole(ctx, 'merchant') && player.owner_user_id === ctx.principal?.userId) return;
  throw forbidden(what === 'register' ? '只有县电商办或所在乡镇可以修改市场主体 Only the county office or the township changes a player' : '只读账号不能填报 This account reads only');
}
