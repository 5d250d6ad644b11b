import type { User } from '../../../api/auth.js';

/**
 * 站点服务 on the phone: a village point's operator at its own point, a township operator at its township's station
 * (the server's stations access decides where each may record; this only decides who sees the page and its link).
 */
export const mayUseStationPhone = (user: User) =>
  (user.roles.includes('village_operator') && user.scope.kind === 'site') || (user.roles.includes('township_operator') && user.scope.kind === 'township');
