import type { User } from '../../api/auth.js';

/** Reports hold county-level figures: the county office, regulators and township operators read them (the server's rule). */
export const maySeeReports = (user: User) => user.roles.some((r) => r === 'county_admin' || r === 'regulator' || r === 'township_operator');
