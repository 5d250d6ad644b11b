/** 农资 Farm inputs' tables: the county's catalogue with its prices over time, and every sale at a till. */
import type { FarmInputKind } from './registration-number.js';

/** One seed, fertiliser or pesticide the county lets stations and points sell. */
export interface FarmInputRow {
  id: string;
  name: string;
  kind: FarmInputKind;
  /** Normalised (registration-number.ts); null only for a fertiliser exempt from registration (免于登记). */
  registration_no: string | null;
  /** What the number is called on the receipt: 农药登记证号, 肥料登记证号, 品种审定编号 … */
  registration_label: string | null;
  /** Which kind of number it is: 农药登记, 肥料登记（省级）, 非主要农作物品种登记 … */
  registration_form: string | null;
  maker: string;
  /** 10%可湿性粉剂 20克/袋 */
  spec: string;
  /** What one unit sold is: 袋, 瓶, 株, 千克 … */
  unit: string;
  /** The price in force now, fen a unit (history in stations_farm_input_prices). */
  price_fen: number;
  /** 限制使用农药: a sale needs the buyer's resident ID number (real-name purchase). */
  restricted: number;
  active: number;
  /** When it stopped being sold (sales made from then on are refused), or null. */
  inactive_since: string | null;
  created_at: string;
  created_by_name: string;
  updated_at: string;
  updated_by_name: string;
}

/** A price of an input from a moment on: a sale is charged the price in force at its `at`. */
export interface FarmInputPriceRow {
  input_id: string;
  from_at: string;
  price_fen: number;
  set_by_name: string;
}

/** One farm-input sale at a till (its record's id), kept for the buyer's producer, the regulator and the desk. */
export interface FarmInputSaleRow {
  record_id: string;
  site_id: string;
  site_name: string;
  township_code: string;
  village_code: string | null;
  day: string;
  at: string;
  input_id: string;
  kind: FarmInputKind;
  name: string;
  spec: string;
  unit: string;
  registration_no: string | null;
  quantity: number;
  price_fen: number;
  amount_fen: number;
  customer_id: string | null;
  /** The trace producer the buyer is, or null. */
  producer_id: string | null;
  restricted: number;
  /** 1 once the sale's record was voided. */
  voided: number;
}

export interface FarmInputsTables {
  stations_farm_inputs: FarmInputRow;
  stations_farm_input_prices: FarmInputPriceRow;
  stations_farm_input_sales: FarmInputSaleRow;
}
