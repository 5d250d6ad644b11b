import { systemContext } from '../kernel/context.js';
import type { ScopeRules } from '../modules/identity/index.js';
import type { NetworkService } from '../modules/network/index.js';

/**
 * A user's scope must name something that exists in the network: this county, one of its townships in force,
 * or a site — a village point or delivery point when the user is a village operator.
 */
export function networkScopeCheck(network: NetworkService): ScopeRules {
  return {
    async problem(roles, scope) {
      const ctx = systemContext();
      if (scope.kind === 'county') {
        // Before any county data is loaded (the first admin of a new deployment) there is nothing to check against.
        const county = await network.county().catch(() => null);
        return !county || scope.id === county.code ? null : `this platform serves county ${county.code} (${county.name}), not ${scope.id}`;
      }
      if (scope.kind === 'township') {
        const townships = await network.listDivisions(ctx, { level: 'township' });
        return townships.some((t) => t.code === scope.id) ? null : `no township ${scope.id} is in force in this county`;
      }
      const site = await network.getSite(ctx, scope.id).catch(() => null);
      if (!site) return `no site ${scope.id}`;
      if (roles.includes('village_operator') && site.kind !== 'village_point' && site.kind !== 'village_delivery') {
        return `a village operator runs a village point or delivery point; ${site.name} is a ${site.kind}`;
      }
      return null;
    },
  };
}
