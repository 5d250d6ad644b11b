import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { lazySchemaCompilers, type LazySchemas } from './lazy-schemas.js';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function appWith(schemas: LazySchemas, broken = false) {
  const app = Fastify({ schemaController: schemas.controller, ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, strictNumbers: true } } });
  close = () => app.close();
  app.post(
    '/parcels',
    {
      schema: {
        body: Type.Object({ waybillNo: Type.String({ minLength: 4 }), pieces: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        querystring: Type.Object({ tags: Type.Optional(Type.Array(Type.String())) }),
        headers: Type.Object({ 'X-Courier': Type.String() }),
        response: { 200: Type.Object({ waybillNo: Type.String(), pieces: Type.Integer(), tags: Type.Array(Type.String()) }) },
      },
    },
    async (request) => {
      const body = request.body as { waybillNo: string; pieces: number };
      // `secret` is not in the response schema: the serializer must leave it out.
      return { ...body, tags: (request.query as { tags?: string[] }).tags ?? [], secret: 'not sent' };
    },
  );
  if (broken) app.get('/broken', { schema: { querystring: { type: 'object', properties: { n: { type: 'no-such-type' } } } } }, async () => ({}));
  await app.ready();
  return app;
}

describe('route schemas compiled on first use', () => {
  it('validate, coerce and serialise as the eager compilers do, header names in any case', async () => {
    const app = await appWith(lazySchemaCompilers());
    const headers = { 'x-courier': 'c1' };

    const good = await app.inject({ method: 'POST', url: '/parcels?tags=fresh', headers, payload: { waybillNo: 'ZT0001', pieces: '2' } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ waybillNo: 'ZT0001', pieces: 2, tags: ['fresh'] });

    const bad = await app.inject({ method: 'POST', url: '/parcels', headers, payload: { waybillNo: 'ZT', pieces: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('body/waybillNo must NOT have fewer than 4 characters');

    const noHeader = await app.inject({ method: 'POST', url: '/parcels', payload: { waybillNo: 'ZT0001', pieces: 1 } });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toBe("headers must have required property 'x-courier'");
  });

  it('start without compiling a route nobody called; compileAll finds the schema that does not compile', async () => {
    const schemas = lazySchemaCompilers();
    const app = await appWith(schemas, true);
    const ok = await app.inject({ method: 'POST', url: '/parcels', headers: { 'x-courier': 'c1' }, payload: { waybillNo: 'ZT0001', pieces: 1 } });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ url: '/broken?n=1' })).statusCode).toBe(500);
    expect(() => schemas.compileAll()).toThrow(/no-such-type/);
  });

  it('compileAll passes when every schema compiles', async () => {
    const schemas = lazySchemaCompilers();
    await appWith(schemas);
    expect(() => schemas.compileAll()).not.toThrow();
  });
});
