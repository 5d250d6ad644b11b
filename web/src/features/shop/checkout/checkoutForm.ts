import type { DeliveryKind, PaymentMethod, ShipTo } from '../../../api/orders.js';
import { SHIP_TO_KEY } from '../../../app/offlineUser.js';

export type Area = 'county' | 'outside';

export interface CheckoutValues {
  shipTo: { name: string; phone: string; address: string };
  /** In this county (a township, and a village for same-town delivery) or elsewhere in China (a 6-digit area code). */
  area: Area;
  townshipCode?: string;
  villageCode?: string;
  areaCode?: string;
  delivery: DeliveryKind;
  paymentMethod: PaymentMethod;
  pickupSiteId?: string;
  /** Save a new address typed at checkout to the address book (with the order). */
  saveAddress?: boolean;
}

/** Forgotten on sign-out (app/offlineUser.ts). */
const STORAGE_KEY = SHIP_TO_KEY;
/** 6-digit 行政区划代码 of a county or district elsewhere in China. */
export const AREA_CODE_PATTERN = /^\d{6}$/;

/** The division the order goes to: the village (or township) in this county, or the area code given. */
export function divisionOf(values: Pick<CheckoutValues, 'area' | 'townshipCode' | 'villageCode' | 'areaCode'>): string | undefined {
  if (values.area === 'outside') return values.areaCode?.trim() || undefined;
  return values.villageCode || values.townshipCode;
}

export function toShipTo(values: ShipToValues): ShipTo {
  return { name: values.shipTo.name.trim(), phone: values.shipTo.phone.trim(), address: values.shipTo.address.trim(), divisionCode: divisionOf(values) ?? '' };
}

/** The receiver and the place, as the ship-to fields hold them. */
export type ShipToValues = Pick<CheckoutValues, 'shipTo' | 'area' | 'townshipCode' | 'villageCode' | 'areaCode'>;
type Remembered = ShipToValues;

/** The last address used in this browser, so the next order starts filled in. */
export function rememberedAddress(): Partial<Remembered> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Remembered | null;
    return saved && typeof saved.shipTo?.name === 'string' ? saved : {};
  } catch {
    return {};
  }
}

/** The last address used in this browser, for a presale's form (the checkout has the address book). */
export function rememberAddress(values: CheckoutValues): void {
  const { shipTo, area, townshipCode, villageCode, areaCode } = values;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ shipTo, area, townshipCode, villageCode, areaCode }));
  } catch {
    // private mode: nothing remembered
  }
}

/** A new form: the address last used in this browser, else the account's name and phone (`from`). */
export function initialCheckout(from?: { name?: string; phone?: string | null }): CheckoutValues {
  const saved = rememberedAddress();
  return {
    shipTo: saved.shipTo ?? { name: from?.name ?? '', phone: from?.phone ?? '', address: '' },
    area: saved.area ?? 'county',
    townshipCode: saved.townshipCode,
    villageCode: saved.villageCode,
    areaCode: saved.areaCode,
    delivery: 'parcel',
    paymentMethod: 'village_cash',
    pickupSiteId: undefined,
  };
}
