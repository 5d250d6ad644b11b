import type { ProducerInput, ProducerKind } from '../../../api/trace-farm.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';

export interface ProducerValues {
  kind: ProducerKind;
  sellerId?: string;
  name?: string;
  townshipCode?: string;
  divisionCode?: string;
  phone?: string;
  idNumber?: string;
}

/** A merchant registers the seller it is; a village or township point the farmers it works for. */
export const emptyProducer = (kind: ProducerKind): ProducerValues => ({ kind });

/** The POST body: a seller by its id (it keeps its own name), a farmer by name, phone and ID number. */
export function toProducerInput(v: ProducerValues): ProducerInput {
  if (v.kind === 'seller') return { kind: 'seller', sellerId: v.sellerId!, divisionCode: v.divisionCode! };
  const phone = v.phone?.trim();
  const idNumber = normalizeIdentifier(v.idNumber);
  return {
    kind: 'farmer',
    name: (v.name ?? '').trim(),
    divisionCode: v.divisionCode!,
    ...(phone && { phone }),
    ...(idNumber && { idNumber }),
  };
}
