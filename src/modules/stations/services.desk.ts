import { Type } from 'typebox';
import type { DeskPart } from './desk.service.js';
import { ProxyBuysService, ProxyBuyViewSchema } from './proxy-buys.service.js';
import { PROVIDER_VIEWS, ProviderViewSchema } from './services.routes.js';

/** The desk's providers: every provider of the county (a handful), for the phone's bill, ticket, cash and loan forms. */
export const PROVIDERS_DESK_PART: DeskPart = {
  key: 'providers',
  schema: Type.Array(ProviderViewSchema),
  read: async () => PROVIDER_VIEWS,
};

/** The desk's open proxy buys of the site (newest first, at most DESK_OPEN_PROXY_BUYS), for the steps after the request. */
export const OPEN_PROXY_BUYS_DESK_PART: DeskPart = {
  key: 'openProxyBuys',
  schema: Type.Array(ProxyBuyViewSchema),
  read: (c) => new ProxyBuysService(c.db, c.ports.places, c.ports.parcels).openOf(c.site.id),
};
