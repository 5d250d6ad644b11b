import { createContext, useContext } from 'react';
import type { Address, NewAddress } from '../../../api/addresses.js';
import type { ShipTo } from '../../../api/orders.js';
import { divisionOf, toShipTo, type ShipToValues } from './checkoutForm.js';

type PlaceValues = ShipToValues;

/** The saved address an order goes to, when one is chosen rather than typed (none outside the checkout). */
export const SavedAddressContext = createContext<Address | undefined>(undefined);
export const useSavedAddress = () => useContext(SavedAddressContext);

/** A saved address as an order's ship-to: the same four fields. */
export const shipToOf = (a: Address): ShipTo => ({ name: a.name, phone: a.phone, address: a.address, divisionCode: a.divisionCode });

/** The ship-to form's values for an address (to edit it). */
export function formValuesOf(a: Address): PlaceValues {
  return {
    shipTo: { name: a.name, phone: a.phone, address: a.address },
    area: a.inCounty ? 'county' : 'outside',
    townshipCode: a.inCounty ? a.divisionCode.slice(0, 9) : undefined,
    villageCode: a.inCounty ? a.divisionCode : undefined,
    areaCode: a.inCounty ? undefined : a.divisionCode,
  };
}

/** The ship-to form's values as an address to save. */
export function addressOf(values: PlaceValues): NewAddress {
  const { divisionCode, ...rest } = toShipTo(values);
  return { ...rest, divisionCode };
}

/**
 * The place in this county the order goes to (for the same-town fee and the nearest village point): the chosen
 * saved address's village, or the typed township or village; nothing for an address elsewhere.
 */
export function countyDivision(values: PlaceValues | undefined, saved: Address | undefined): string | undefined {
  if (saved) return saved.inCounty ? saved.divisionCode : undefined;
  return values && values.area === 'county' ? divisionOf(values) : undefined;
}

/** Whether the book already holds this very address (so a checkout does not save it twice). */
export const alreadySaved = (book: readonly Address[], address: NewAddress) =>
  book.some((a) => a.name === address.name && a.phone === address.phone && a.divisionCode === address.divisionCode && a.address === address.address);
