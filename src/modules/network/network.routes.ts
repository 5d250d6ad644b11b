import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, pageOf } from '../../kernel/http/paging.js';
import {
  CoverageSchema,
  DivisionBody,
  DivisionCode,
  DivisionQuery,
  DivisionRetireBody,
  DivisionSchema,
  SiteCreateBody,
  SiteDetailSchema,
  SiteQuery,
  SiteSchema,
  SiteUpdateBody,
  ServicePointQuery,
  ServicePointSchema,
  TargetsSchema,
} from './network.schema.js';
import type { NetworkService } from './network.service.js';

const SiteParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const tags = ['network'];

export function networkRoutes(service: NetworkService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/network/county',
      { config: { public: true }, schema: { tags, summary: 'The county this platform serves (public)', response: { 200: Type.Object({ code: Type.String(), name: Type.String() }), ...errorResponses } } },
      () => service.county(),
    );

    app.get(
      '/network/service-points',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Operating service points without personal data (public): where to pay cash, pick up or send',
          querystring: ServicePointQuery,
          response: { 200: Page(ServicePointSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { kind = 'village_point', townshipCode, limit = 50, cursor } = request.query;
        return pageOf(await service.publicPoints(kind, townshipCode), limit, cursor, (p) => p.id);
      },
    );

    app.get(
      '/network/divisions',
      { schema: { tags, summary: 'Administrative divisions in force on a date (or their whole history), by code', querystring: DivisionQuery, response: { 200: Page(DivisionSchema), ...errorResponses } } },
      async (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        // By code, then by start date when the history is asked for (a space sorts before every digit).
        return pageOf(await service.listDivisions(request.ctx, filter), limit, cursor, (d) => `${d.code} ${d.validFrom}`);
      },
    );

    app.post(
      '/network/divisions',
      { schema: { tags, summary: 'Record a division, or a new version of one from validFrom (county admin)', body: DivisionBody, response: { 201: DivisionSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await service.saveDivision(request.ctx, request.body)),
    );

    app.post(
      '/network/divisions/:code/retire',
      { schema: { tags, summary: 'End a division on a date, keeping its history (county admin)', params: Type.Object({ code: DivisionCode }), body: DivisionRetireBody, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses } } },
      async (request) => {
        await service.retireDivision(request.ctx, request.params.code, request.body.validTo);
        return { ok: true };
      },
    );

    app.get(
      '/network/sites',
      { schema: { tags, summary: 'Sites you may see, filtered by township, kind, status and name', querystring: SiteQuery, response: { 200: Page(SiteSchema), ...errorResponses } } },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return service.listSites(request.ctx, filter, limit, cursor);
      },
    );

    app.post(
      '/network/sites',
      { schema: { tags, summary: 'Open a site: centre, station, point, warehouse, transfer or delivery point (county admin)', body: SiteCreateBody, response: { 201: SiteSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await service.createSite(request.ctx, request.body)),
    );

    app.get(
      '/network/sites/:id',
      { schema: { tags, summary: 'One site with its dated status history', params: SiteParams, response: { 200: SiteDetailSchema, ...errorResponses } } },
      (request) => service.getSite(request.ctx, request.params.id),
    );

    app.patch(
      '/network/sites/:id',
      { schema: { tags, summary: 'Change a site within your scope; a status change is kept with its date', params: SiteParams, body: SiteUpdateBody, response: { 200: SiteSchema, ...errorResponses } } },
      (request) => service.updateSite(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/network/coverage',
      { schema: { tags, summary: 'Village, poor-village and logistics coverage per township and for the county, against the targets', response: { 200: CoverageSchema, ...errorResponses } } },
      (request) => service.coverage(request.ctx),
    );

    app.get('/network/targets', { schema: { tags, summary: "The plan's network targets", response: { 200: TargetsSchema, ...errorResponses } } }, (request) =>
      service.getTargets(request.ctx),
    );

    app.put(
      '/network/targets',
      { schema: { tags, summary: "Set the plan's network targets (county admin)", body: TargetsSchema, response: { 200: TargetsSchema, ...errorResponses } } },
      (request) => service.setTargets(request.ctx, request.body),
    );
  };
}
