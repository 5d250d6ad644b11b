import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import { hasRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors.js';
import type { LogisticsTables, ParcelRow } from './logistics.tables.js';
import type { PlaceBook, ShippableOrder } from './ports.js';

/**
 * Who may see and handle which parcels. The county office and the couriers of the county warehouse see all; a
 * township operator those of the township; a village operator those of the village point; anyone else only
 * parcels addressed to them (by account, or by the phone on their account).
 */
export interface Viewer {
  userId: string;
  all: boolean;
  /** May scan and hand over (not only look). */
  handles: boolean;
  townshipCode: string | null;
  pointCode: string | null;
  phonePrint: string | null;
}

export function viewerOf(ctx: RequestContext, book: PlaceBook, phonePrint: string | null): Viewer {
  const principal = signedIn(ctx);
  const base = { userId: principal.userId, all: false, handles: false, townshipCode: null, pointCode: null, phonePrint };
  if (hasRole(ctx, 'county_admin', 'courier')) return { ...base, all: true, handles: true };
  if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') return { ...base, handles: true, townshipCode: principal.scope.id };
  if (hasRole(ctx, 'village_operator') && principal.scope.kind === 'site') return { ...base, handles: true, pointCode: book.siteDivision.get(principal.scope.id) ?? '-' };
  if (hasRole(ctx, 'regulator')) return { ...base, all: true };
  return base;
}

export const handlesParcel = (viewer: Viewer, row: Pick<ParcelRow, 'township_code' | 'point_code'>) =>
  viewer.handles && (viewer.all || (!!viewer.townshipCode && row.township_code === viewer.townshipCode) || (!!viewer.pointCode && row.point_code === viewer.pointCode));

export const ownsParcel = (viewer: Viewer, row: Pick<ParcelRow, 'recipient_user_id' | 'phone_print'>) =>
  row.recipient_user_id === viewer.userId || (!!viewer.phonePrint && row.phone_print === viewer.phonePrint);

export const seesParcel = (viewer: Viewer, row: ParcelRow) => viewer.all || handlesParcel(viewer, row) || ownsParcel(viewer, row);

/** The same rule as a WHERE clause, for lists. */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<LogisticsTables, 'logistics_parcels'>) => {
    if (viewer.all) return sql<SqlBool>`1 = 1`;
    const own = [eb('recipient_user_id', '=', viewer.userId)];
    if (viewer.phonePrint) own.push(eb('phone_print', '=', viewer.phonePrint));
    if (viewer.townshipCode) own.push(eb('township_code', '=', viewer.townshipCode));
    if (viewer.pointCode) own.push(eb('point_code', '=', viewer.pointCode));
    return eb.or(own);
  };
}

/**
 * Whether a handler may send this marketplace order up: the county warehouse any; a township station one whose
 * seller or cash-taking point is in its township; a village point one whose seller or cash-taking point is in its
 * village. Anyone else is told there is no such order.
 */
export function shipsOrder(viewer: Viewer, book: PlaceBook, order: Pick<ShippableOrder, 'sellerDivisionCode' | 'pickupSiteId'>): boolean {
  if (!viewer.handles) return false;
  if (viewer.all) return true;
  const places = [order.sellerDivisionCode, order.pickupSiteId ? book.siteDivision.get(order.pickupSiteId) : null].filter((code): code is string => !!code);
  if (viewer.townshipCode) return places.some((code) => code.slice(0, 9) === viewer.townshipCode);
  return !!viewer.pointCode && places.some((code) => code === viewer.pointCode);
}

export function requireHandler(viewer: Viewer): void {
  if (!viewer.handles) throw forbidden('Only the county warehouse, township stations and village points handle parcels');
}
