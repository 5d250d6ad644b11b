import type { StationProducers, FarmInputPurchases } from '../modules/stations/index.js';
import type { TraceProducerDirectory, TraceStationPurchases } from '../modules/trace/index.js';

/** Stations name a farm-input buyer among traceability's producers (read in the record's transaction). */
export const stationProducers = (farmers: TraceProducerDirectory): StationProducers => ({
  producer: (db, id) => farmers.producer(db, id),
  producersIn: (prefix) => farmers.producersIn(prefix),
});

/** Traceability shows beside a producer's farm records what it bought at stations and points. */
export const traceStationPurchases = (purchases: FarmInputPurchases): TraceStationPurchases => ({
  ofProducer: (producerId, limit, cursor) => purchases.ofProducer(producerId, limit, cursor),
});
