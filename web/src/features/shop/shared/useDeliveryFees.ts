import { useMemo } from 'react';
import { DEFAULT_PARCEL_FEE_FEN, useDeliveryFees as useFeeList, type DeliveryKind } from '../../../api/orders.js';

/**
 * What each order (one per seller) pays for delivery: the parcel fee, or the same-town fee of the township it goes
 * to (offered only in townships that have one). The server charges the same; the list here only explains it.
 */
export function useDeliveryFees() {
  const fees = useFeeList();
  return useMemo(() => {
    const byTownship = new Map((fees.data ?? []).map((f) => [f.townshipCode, f.feeFen]));
    const parcel = byTownship.get('parcel') ?? DEFAULT_PARCEL_FEE_FEN;
    const sameTown = (divisionCode: string | undefined) => (divisionCode && divisionCode.length >= 9 ? byTownship.get(divisionCode.slice(0, 9)) : undefined);
    const sameTownOffered = [...byTownship.keys()].some((k) => k !== 'parcel');
    /** The fee of one order, or undefined when this delivery is not offered there. */
    const feeOf = (delivery: DeliveryKind, divisionCode: string | undefined) => (delivery === 'parcel' ? parcel : sameTown(divisionCode));
    return { parcel, sameTown, sameTownOffered, feeOf, pending: fees.isPending };
  }, [fees.data, fees.isPending]);
}
