import type { EnumPicks } from './pick-enum.js';

/**
 * The value lists the console iterates, by the name the generated file exports them under, and where each lives
 * in the API. The console keeps the Chinese labels; the values and their order come from here.
 */
export const CONSOLE_ENUMS: EnumPicks = {
  SITE_KINDS: { operation: 'GET /api/v1/network/sites/{id}', at: 'response.kind' },
  SITE_STATUSES: { operation: 'GET /api/v1/network/sites/{id}', at: 'response.status' },
  SITE_SERVICES: { operation: 'GET /api/v1/network/sites/{id}', at: 'response.services[]' },
};
