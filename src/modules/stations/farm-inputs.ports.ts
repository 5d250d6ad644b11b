/** A traceability producer as a farm-input sale names its buyer. */
export interface StationProducer {
  id: string;
  name: string;
  kind: 'farmer' | 'seller';
  /** The producer's village (12-digit division code). */
  divisionCode: string;
}

/** Traceability producers (trace): who a farm-input buyer may be, so the purchase shows beside its farm records. */
export interface StationProducers {
  /** One producer, or null (read before the record's transaction). */
  producer(id: string): Promise<StationProducer | null>;
  /** The producers of a village or a township (its code prefix), by name: every one (a township holds at most 999). */
  producersIn(divisionPrefix: string): Promise<StationProducer[]>;
}
