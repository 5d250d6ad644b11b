import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../helpers.js';

interface Operation {
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> }>;
}

/**
 * `GET /api/v1/...` of every list: an operation whose 200 answer is an object with an `items` array. One resource
 * read by its id (a path ending in `{id}`, e.g. an order with its `items` lines) is not a list.
 */
function listOperations(doc: { paths: Record<string, Record<string, Operation>> }) {
  const out: { route: string; op: Operation; props: Record<string, { type?: string }> }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (path.endsWith('}')) continue;
    const props = op?.responses?.['200']?.content?.['application/json']?.schema?.properties;
    if (op && props?.items?.type === 'array') out.push({ route: `GET ${path}`, op, props });
  }
  return out;
}

describe.each(engines())('the OpenAPI document on %s', (engine) => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    // Every module is mounted by buildApp; no demo data is needed to describe the API.
    t = await buildTestApp(engine);
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.0 document, as client generators read it', async () => {
    expect(doc.openapi).toBe('3.0.3');
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('says every request body refuses properties it does not name', () => {
    const open: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { requestBody?: { content?: Record<string, { schema?: { type?: string; additionalProperties?: unknown } }> } }>)) {
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
          const s = media.schema;
          if (type === 'application/json' && s?.type === 'object' && s.additionalProperties === undefined) open.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(open).toEqual([]);
  });

  it('pages every list: an items answer has nextCursor, and the route takes limit and cursor', () => {
    const lists = listOperations(doc);
    expect(lists.length).toBeGreaterThan(10);
    const unpaged = lists
      .filter(({ op, props }) => {
        const query = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
        return !('nextCursor' in props) || !query.has('limit') || !query.has('cursor');
      })
      .map((l) => l.route);
    expect(unpaged).toEqual([]);
  });
});
