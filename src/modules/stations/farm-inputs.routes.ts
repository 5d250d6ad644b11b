import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { CONFIGURERS, READERS } from './access.js';
import { FarmInputInput, FarmInputPatch, FarmInputQuery, FarmInputView, type FarmInputService } from './farm-inputs.service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** 农资目录: the catalogue (read by whoever reads the stations; changed by the county office). */
export function farmInputRoutes(service: FarmInputService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['stations'];
    app.get(
      '/stations/farm-inputs',
      { config: { roles: [...READERS] }, schema: { tags, summary: '农资目录 The farm-input catalogue (seeds, fertilisers, pesticides with registration numbers and prices), by name', querystring: Type.Object({ ...PageQuery.properties, ...FarmInputQuery.properties }), response: { 200: Page(FarmInputView), ...errorResponses } } },
      async (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return service.list(request.ctx, filter, limit, cursor);
      },
    );
    app.post(
      '/stations/farm-inputs',
      {
        config: { roles: [...CONFIGURERS] },
        schema: {
          tags,
          summary: 'Add a farm input (county office). The registration number is checked against its kind (农药 PD…/WP…, 肥料 农肥(年)准字…号, 种子 审定/登记编号): 400 REGISTRATION_NUMBER_INVALID names body.registrationNo with the reason in Chinese; 409 FARM_INPUT_EXISTS for the same number and package',
          body: FarmInputInput,
          response: { 201: FarmInputView, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(request.ctx, request.body)),
    );
    app.patch(
      '/stations/farm-inputs/:id',
      { config: { roles: [...CONFIGURERS] }, schema: { tags, summary: 'Change a farm input (county office): a new price holds for sales made from now on; active false stops its sale', params: IdParams, body: FarmInputPatch, response: { 200: FarmInputView, ...errorResponses } } },
      async (request) => service.update(request.ctx, request.params.id, request.body),
    );
  };
}
