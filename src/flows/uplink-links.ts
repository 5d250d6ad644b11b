import type { UplinkFigures } from '../modules/uplink/index.js';

/**
 * Until the statistics module's `figures` door is composed, reporting upward has no figures to push: the catalogue
 * is empty and every period answers nothing, so `uplink.prepare` makes no deliveries.
 */
export const noFiguresYet: UplinkFigures = {
  indicators: () => [],
  period: async () => [],
};
