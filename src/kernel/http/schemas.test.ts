import { describe, expect, it } from 'vitest';
import { toOpenApi30 } from './openapi.js';
import { pageOf } from './paging.js';
import { closeObjects } from './strict-input.js';

describe('closing input schemas', () => {
  it('closes every object that names its properties, nested ones and array items too', () => {
    const schema = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } }, list: { type: 'array', items: { type: 'object', properties: { c: { type: 'number' } } } } } };
    expect(closeObjects(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { type: 'object', additionalProperties: false, properties: { b: { type: 'string' } } },
        list: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { c: { type: 'number' } } } },
      },
    });
    // The route's own schema object is left as it was (it may be shared with a response).
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  it('keeps what a schema says for itself, and leaves the members of an allOf open', () => {
    expect(closeObjects({ type: 'object', properties: { a: {} }, additionalProperties: true })).toMatchObject({ additionalProperties: true });
    const all = closeObjects({ allOf: [{ type: 'object', properties: { a: {} } }, { type: 'object', properties: { b: {} } }] }) as { allOf: object[] };
    expect(all.allOf.every((m) => !('additionalProperties' in m))).toBe(true);
    expect(closeObjects({ type: ['object', 'null'], properties: { a: {} } })).toMatchObject({ additionalProperties: false });
  });
});

describe('the OpenAPI 3.0 form of a schema', () => {
  it('turns numeric exclusive bounds into 3.0 booleans, const into enum, examples into example', () => {
    expect(toOpenApi30({ type: 'number', exclusiveMinimum: 0, maximum: 10 })).toEqual({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10 });
    expect(toOpenApi30({ type: 'number', exclusiveMaximum: 5, maximum: 9 })).toEqual({ type: 'number', maximum: 5, exclusiveMaximum: true });
    expect(toOpenApi30({ type: 'number', exclusiveMinimum: 0, minimum: 3 })).toEqual({ type: 'number', minimum: 3 });
    expect(toOpenApi30({ const: 'x' })).toEqual({ enum: ['x'] });
    expect(toOpenApi30({ type: 'string', examples: ['A', 'B'] })).toEqual({ type: 'string', example: 'A' });
  });

  it('does not mistake a field called const or examples for a keyword', () => {
    const schema = { type: 'object', properties: { const: { type: 'string' }, examples: { type: 'array', items: { type: 'string' } } } };
    expect(toOpenApi30(schema)).toEqual(schema);
  });
});

describe('paging a list held in memory', () => {
  it('walks every row once, in key order, whatever order the rows came in', () => {
    const rows = ['d', 'a', 'c', 'b', 'e'].map((id) => ({ id }));
    const first = pageOf(rows, 2, undefined, (r) => r.id);
    expect(first.items.map((r) => r.id)).toEqual(['a', 'b']);
    const second = pageOf(rows, 2, first.nextCursor!, (r) => r.id);
    expect(second.items.map((r) => r.id)).toEqual(['c', 'd']);
    const last = pageOf(rows, 2, second.nextCursor!, (r) => r.id);
    expect(last).toEqual({ items: [{ id: 'e' }], nextCursor: null });
  });
});
