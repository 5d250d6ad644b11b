import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ENUMS } from '../tools/api-types/enums.js';
import { firstDifference } from '../tools/api-types/first-difference.js';
import { generateApiTypes } from '../tools/api-types/generate.js';
import type { OpenApiDocument } from '../tools/api-types/operations.js';
import { pickEnum } from '../tools/api-types/pick-enum.js';
import { schemaToTs } from '../tools/api-types/schema-to-ts.js';
import { GENERATED_FILE } from '../tools/api-types/paths.js';
import { buildTestApp, engines, type TestApp } from './helpers.js';

/**
 * The console's API types (web/src/api/generated/openapi.ts) are generated from /api/openapi.json: a route whose
 * schema changed without `npm run api-types` fails here, before the console and the server drift apart.
 */
describe.each(engines())('the console API types on %s', (engine) => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    // Demo mode, as tools/api-types/load-document.ts: the local payment provider's routes are described too.
    t = await buildTestApp(engine, { demoMode: true });
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('are what the API document generates, value lists included', () => {
    const difference = firstDifference(fs.readFileSync(GENERATED_FILE, 'utf8'), generateApiTypes(doc, CONSOLE_ENUMS));
    expect(difference, `web/src/api/generated/openapi.ts differs from the API at ${difference}\nRun \`npm run api-types\` and commit the file.`).toBeUndefined();
  });
});

describe('the API types generator', () => {
  it('writes the JSON Schema forms TypeBox produces as TypeScript', () => {
    const text = schemaToTs({
      type: 'object',
      required: ['kind', 'note', 'tags', 'both', 'either', 'counts'],
      properties: {
        kind: { type: 'string', enum: ['a', 'b'] },
        note: { type: 'string', nullable: true, description: 'may be */ empty' },
        tags: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } },
        both: { allOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, { type: 'object', properties: { n: { type: 'integer' } } }] },
        either: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
        counts: { type: 'object', additionalProperties: { type: 'integer' } },
        level: { type: 'string', enum: ['low', null], nullable: true },
      },
      additionalProperties: false,
    });
    expect(text).toBe(
      [
        '{',
        '  kind: "a" | "b";',
        '  /** may be *\\/ empty */',
        '  note: string | null;',
        '  tags: ("x" | "y")[];',
        '  both: {',
        '    id: string;',
        '    n?: number;',
        '  };',
        '  either: string | number;',
        '  counts: Record<string, number>;',
        '  level?: "low" | null;',
        '}',
      ].join('\n'),
    );
  });

  it('names the pick that no longer finds a value list', () => {
    const doc: OpenApiDocument = { paths: { '/x': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', enum: ['a', 'b'] } } } } } } } } } } };
    expect(pickEnum(doc, { operation: 'GET /x', at: 'response.kind' })).toEqual(['a', 'b']);
    expect(() => pickEnum(doc, { operation: 'GET /x', at: 'response.status' })).toThrow('GET /x has no value list at response.status');
    expect(() => pickEnum(doc, { operation: 'GET /y', at: 'response.kind' })).toThrow('no operation GET /y in the API');
  });
});
