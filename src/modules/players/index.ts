import { defineModule } from '../../kernel/module.js';
import { PLAYER_EVENTS } from './events.js';
import { playersInit } from './migrations/2026-12-07-players.js';
import { PlayersRepository } from './players.repository.js';
import { playersRoutes } from './players.routes.js';
import { PlayerService } from './players.service.js';
import { ReportService } from './reports.service.js';
import type { CreditCodeCheck, PlayerPlaces } from './ports.js';

export type { PlayerPlace, PlayerPlaces, CreditCodeCheck } from './ports.js';
export type { PlayerService } from './players.service.js';
export type { ReportService } from './reports.service.js';
export type { PlayerCreate, ReportCreate, ShopCreate } from './players.schema.js';
export { PLAYER_EVENTS, PlayerRegistered, ShopOpened, ShopMonthReported } from './events.js';
export { PLATFORMS, PLATFORM_LABELS, PLAYER_KINDS, type Platform, type PlayerKind } from './players.tables.js';

/** 市场主体与站外店铺: market players, their shops on other platforms and the shops' monthly figures. */
export const playersModule = defineModule({
  name: 'players',
  tablePrefix: 'players_',
  summary: '市场主体与站外店铺 Market players, their shops on other platforms and the shops’ monthly reports (form, Excel, API)',
  migrations: [playersInit],
  requires: {
    places: 'townships and villages in force, by code, with their names (network)',
    identifiers: 'the check characters of a unified social credit code (parties)',
  },
  publishes: PLAYER_EVENTS,
  build(kernel, ports: { places: PlayerPlaces; identifiers: CreditCodeCheck }) {
    const repo = new PlayersRepository(kernel.db);
    const players = new PlayerService(repo, kernel.sealer, kernel.clock, kernel.events, ports.places, ports.identifiers);
    const reports = new ReportService(repo, kernel.clock, kernel.events, ports.places);
    return { provides: { players, reports, clock: kernel.clock }, routes: playersRoutes(players, reports) };
  },
});
