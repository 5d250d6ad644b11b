import type { PlatformModules } from '../app.js';
import type { Clock } from '../kernel/clock.js';
import type { Wiring } from '../kernel/compose.js';
import { creditCodeProblem, residentIdProblem } from '../modules/parties/index.js';
import { addressPlaces } from './address-places.js';
import { auditRecordNames } from './audit-names.js';
import { catalogStock, orderTexts, ordersDirectory } from './commerce.js';
import { accountPhones, networkPlaces, orderShipping, smsNotifier } from './logistics-links.js';
import { marketDirectory } from './market-directory.js';
import { catalogProducts } from './product-directory.js';
import { playerPlaces } from './player-places.js';
import { networkScopeCheck } from './scope-check.js';
import { signInTexts } from './sign-in-texts.js';
import { statsCoverage, statsPlaces, statsProducts } from './stats-ports.js';
import { trainingPlaces } from './training-places.js';
import { stationHouseholds, stationPlaces } from './station-places.js';
import { stationProducers, traceStationPurchases } from './station-farm-inputs.js';
import { stationParcels } from './station-parcels.js';
import { stationTrace } from './station-trace.js';
import { stationConsignment } from './station-consignment.js';
import { followUpPlayers, followUpPoints, followUpSellers, trainingTargets } from './training-follow-up.js';
import { recallSms, traceSales, traceSellers, traceStock } from './trace-links.js';

/**
 * How every module's ports are answered from the other modules' doors. A module that needs something new of
 * another adds one line here; facts that many modules follow travel as events instead (kernel/events).
 */
export function platformWiring(clock: Clock): Wiring<PlatformModules> {
  // Logistics and traceability read the network through one place book (and its short cache).
  let places: ReturnType<typeof networkPlaces> | undefined;
  const placesOf = (network: Parameters<typeof networkPlaces>[0]) => (places ??= networkPlaces(network, clock));
  return {
    identity: (m) => ({
      scopes: networkScopeCheck(m.network.service),
      places: addressPlaces(m.network.service),
      sms: signInTexts(m.notify.sms, m.network.service),
      names: auditRecordNames({ network: m.network.service, sellers: m.parties.sellers, households: m.parties.households, catalog: m.catalog.catalog, parcels: m.logistics.parcels, runs: m.logistics.runs, orders: m.orders.service, batches: m.trace.batches }),
    }),
    parties: (m) => ({ products: catalogProducts(m.catalog.catalog) }),
    catalog: (m) => ({ directory: marketDirectory(m.parties) }),
    orders: (m) => ({ stock: catalogStock(m.catalog.catalog), directory: ordersDirectory(m.parties.sellers, m.network.service), recalls: m.trace.batches, texts: orderTexts(m.notify.sms) }),
    logistics: (m) => ({ places: placesOf(m.network.service), notifier: smsNotifier(m.notify.sms), phones: accountPhones(m.identity.service), orders: orderShipping(m.orders.service, m.parties.sellers) }),
    trace: (m) => ({
      places: placesOf(m.network.service),
      sellers: traceSellers(m.parties.sellers),
      stock: traceStock(m.catalog.catalog),
      sales: traceSales(m.orders.service, m.logistics.parcels),
      notifier: recallSms(m.notify.sms),
      identifiers: { residentIdProblem },
      stationPurchases: traceStationPurchases(m.stations.farmInputPurchases),
    }),
    reports: (m) => ({ figures: m.stats.figures, county: m.network.service }),
    stats: (m) => ({ products: statsProducts(m.catalog.catalog, m.parties.sellers, m.trace.batches), places: statsPlaces(m.network.service), coverage: statsCoverage(m.network.service) }),
    players: (m) => ({ places: playerPlaces(m.network.service), identifiers: { creditCodeProblem } }),
    training: (m) => ({ identifiers: { residentIdProblem }, places: trainingPlaces(m.network.service, clock), accounts: accountPhones(m.identity.service), targets: trainingTargets(m.stats.service), sellers: followUpSellers(m.parties.farmersById), points: followUpPoints(m.network.service), players: followUpPlayers(m.players.players, m.players.reports) }),
    stations: (m) => ({ producers: stationProducers(m.trace.farmers), places: stationPlaces(m.network.service, clock), households: stationHouseholds(m.parties.householdsById), identifiers: { residentIdProblem }, parcels: stationParcels(m.logistics.parcels), trace: stationTrace(m.trace), consignment: stationConsignment(m.catalog.catalog, m.parties.sellers, m.parties.households, m.orders.service) }),
    uplink: (m) => ({ figures: m.stats.figures, county: m.network.service }),
    workbench: (m) => ({ logistics: m.logistics.workbench, orders: m.orders.workbench, catalog: m.catalog.workbench, sellers: m.parties.workbench, oversight: m.trace.workbench, network: m.network.workbench, training: m.training.trainerDesk, stations: m.stations.desk }),
  };
}
