import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery, pageOf } from '../../kernel/http/paging.js';
import { StringEnum } from '../../kernel/http/schema.js';
import { READERS } from './access.js';
import { CONVENIENCE_KINDS, SERVICE_LABELS, type ProviderService } from './providers/provider.js';
import { ACCOUNT_RULES } from './providers/account-rules.js';
import { PROVIDERS } from './providers/registry.js';
import { ProxyBuyViewSchema, type ProxyBuysService } from './proxy-buys.service.js';
import { PROXY_BUY_STATUSES } from './services.tables.js';
import { SERVICE_KIND_LABELS } from './events.js';

export const ProviderViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'Chinese, as receipts show it' }),
  kinds: Type.Array(StringEnum(CONVENIENCE_KINDS)),
  kindNames: Type.Array(Type.String()),
  services: Type.Array(Type.String({ description: 'water, electricity, broadband, phone; plane, train, bus, hotel; cash, loan' })),
  serviceNames: Type.Array(Type.String()),
  accountHints: Type.Record(Type.String(), Type.String(), { description: 'bills: the shape of the account number by service (电费户号为 10 位数字)' }),
});
export type ProviderView = Static<typeof ProviderViewSchema>;

/** The county's providers as the phone and the console show them. */
export const PROVIDER_VIEWS: readonly ProviderView[] = PROVIDERS.map((p) => ({
  id: p.id,
  name: p.name,
  kinds: [...p.kinds],
  kindNames: p.kinds.map((k) => SERVICE_KIND_LABELS[k]),
  services: [...p.services],
  serviceNames: p.services.map((s: ProviderService) => SERVICE_LABELS[s]),
  accountHints: Object.fromEntries(p.services.filter((s): s is keyof typeof ACCOUNT_RULES => s in ACCOUNT_RULES).map((s) => [s, ACCOUNT_RULES[s].hint])),
}));

const ProxyBuyQuery = Type.Object({
  ...PageQuery.properties,
  siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  status: Type.Optional(StringEnum(PROXY_BUY_STATUSES)),
});

/** The providers, for anyone who reads the stations (checked again here: services take the context first). */
export function providers(ctx: RequestContext, limit: number, cursor?: string) {
  requireRole(ctx, ...READERS);
  return pageOf(PROVIDER_VIEWS, limit, cursor, (p) => p.id);
}

/** 便民服务与代买 routes: the providers' registry and the proxy buys. */
export function servicesRoutes(proxyBuys: ProxyBuysService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['stations'];
    app.get(
      '/stations/providers',
      { config: { roles: [...READERS] }, schema: { tags, summary: '便民服务商 The county’s providers of bills, tickets, cash withdrawals and loans: what each does, and the shape of its account numbers', querystring: PageQuery, response: { 200: Page(ProviderViewSchema), ...errorResponses } } },
      (request) => providers(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );
    app.get(
      '/stations/proxy-buys',
      {
        config: { roles: [...READERS] },
        schema: {
          tags,
          summary: '代买 Proxy buys in the caller’s sight (a point its own, a township its sites, the county all), newest first: item, deposit, order, parcel (as logistics knows it), hand-over or cancel; customers masked',
          querystring: ProxyBuyQuery,
          response: { 200: Page(ProxyBuyViewSchema), ...errorResponses },
        },
      },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return proxyBuys.list(request.ctx, filter, limit, cursor);
      },
    );
  };
}
