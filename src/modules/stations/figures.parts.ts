import { subscriber } from '../../kernel/events/index.js';
import type { KernelServices } from '../../kernel/module.js';
import type { DaysService } from './days.service.js';
import { PARCEL_DAY_EVENTS } from './figures.events.js';
import { FiguresRepository } from './figures.repository.js';
import { figuresRoutes } from './figures.routes.js';
import { FiguresService } from './figures.service.js';
import { ParcelDays } from './parcel-days.js';
import type { StationsPorts } from './ports.js';
import { StationDesk } from './workbench.js';

/**
 * The figures part of the stations module, put together once for `index.ts`: the daily book summed per point,
 * township, kind or day (`GET /stations/figures`, `.xlsx`), the parcels in and out per point and day from
 * logistics' events (subscriber `stations.parcel-days`), and the operators' 今日账本 card for the workbench.
 */
export function figuresParts(kernel: Pick<KernelServices, 'db' | 'clock'>, ports: Pick<StationsPorts, 'places'>, days: DaysService) {
  const figures = new FiguresService(new FiguresRepository(kernel.db), ports.places, kernel.clock);
  const parcelDays = new ParcelDays(kernel.db, ports.places);
  return {
    figures,
    desk: new StationDesk(kernel.db, ports.places, days, kernel.clock),
    routes: figuresRoutes(figures),
    subscriptions: [subscriber('stations.parcel-days', PARCEL_DAY_EVENTS, (event) => parcelDays.receive(event))],
  };
}
