import type { Role, User } from '../../api/auth.js';

/** The menu group where each role's daily work is (menuItems.tsx keys). */
const MAIN_GROUPS: Record<Role, string[]> = {
  county_admin: ['network', 'parties', 'stations', 'admin'],
  township_operator: ['network', 'logistics', 'stations'],
  village_operator: ['logistics', 'network'],
  merchant: ['sales', 'parties'],
  courier: ['logistics'],
  regulator: ['trace', 'stations'],
  trainer: ['training'],
  consumer: [],
  data_center: [],
};

/** The groups open when the menu shows: those of the user's roles, the rest folded until asked for. */
export const mainMenuGroups = (user: User): string[] => [...new Set(user.roles.flatMap((role) => MAIN_GROUPS[role] ?? []))];
