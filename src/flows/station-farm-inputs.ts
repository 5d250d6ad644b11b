import type { StationProducers, FarmInputPurchases } from '../modules/stations/index.js';
import type { TraceProducerDirectory, TraceStationPurchases } from '../modules/trace/index.js';

/** Stations name a farm-input buyer among traceability's producers. */
export const stationProducers = (farmers: TraceProducerDirectory): StationProducers => ({
  producer: (id) => farmers.producer(id),
  producersIn: (prefix) => farmers.producersIn(prefix),
});

/** Traceability shows beside a producer's farm records what it bought at stations and points. */
export const traceStationPurchases = (purchases: FarmInputPurchases): TraceStationPurchases => ({
  ofProducer: (producerId, limit, cursor) => purchases.ofProducer(producerId, limit, cursor),
});
