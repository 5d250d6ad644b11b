import type { FastifyInstance, FastifySchema } from 'fastify';
import { invalidField } from '../errors.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const saysObject = (s: Json) => s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || (s.type === undefined && isObject(s.properties));

/**
 * A copy of an input schema in which every object that lists its properties and says nothing about others refuses
 * them (`additionalProperties: false`). A schema may still opt out by saying `additionalProperties: true` (a third
 * party's payload). The members of an `allOf` are left open: closing each would refuse the others' properties.
 */
export function closeObjects(schema: unknown, inAllOf = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s));
  if (!isObject(schema)) return schema;
  const out: Json = { ...schema };
  if (isObject(out.properties)) out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, closeObjects(v)]));
  if (out.items !== undefined) out.items = closeObjects(out.items);
  if (isObject(out.additionalProperties)) out.additionalProperties = closeObjects(out.additionalProperties);
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((s) => closeObjects(s));
  if (Array.isArray(out.allOf)) out.allOf = (out.allOf as unknown[]).map((s) => closeObjects(s, true));
  if (!inAllOf && saysObject(out) && isObject(out.properties) && out.additionalProperties === undefined && out.patternProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

/** A body may give a schema per content type: `{ content: { 'application/json': { schema } } }`. */
function closeBody(body: unknown): unknown {
  if (!isObject(body) || body.type !== undefined || !isObject(body.content)) return closeObjects(body);
  const content = Object.entries(body.content).map(([type, v]) => [type, isObject(v) ? { ...v, schema: closeObjects(v.schema) } : v]);
  return { ...body, content: Object.fromEntries(content) };
}

/** With the u flag a paired surrogate reads as one code point, so only a lone half matches `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The first value no field takes whatever its schema says: a number that is not finite (a query string or path can
 * say 1e309, which ajv coerces to Infinity; JSON cannot), text with a NUL character (PostgreSQL cannot store it), or
 * text with U+FFFD (a client decoded bytes without checking; stored, it would be nonsense for good), or text with
 * half of a surrogate pair (JSON's \ud800 escapes allow it; neither engine stores it as the text that was meant).
 */
function unusable(value: unknown, depth = 0): { path: string[]; message: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: [], message: 'must be a finite number' };
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: [], message: 'must not contain the NUL character' };
    if (value.includes('\ufffd')) return { path: [], message: 'must not contain U+FFFD, the mark of text that did not decode' };
    return LONE_SURROGATE.test(value) ? { path: [], message: 'must not contain half of a surrogate pair (text that is not well-formed)' } : undefined;
  }
  // Parsed JSON and query strings only (never a buffer, a file or a stream); deep enough for any real input.
  if (typeof value !== 'object' || value === null || depth > 32 || Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = unusable(v, depth + 1);
    if (found) {
      found.path.unshift(k); // built only on the way out of a refusal, so accepted input allocates no paths
      return found;
    }
  }
  return undefined;
}

/**
 * Every route's body, query and path parameters refuse properties their schema does not name, so a misspelt or
 * nested field is a 400 naming it rather than something a handler half-understands. Done when a route is added,
 * before Fastify compiles its validators and before the OpenAPI document reads it, so the document says so too.
 */
export function registerStrictInput(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (request.isMultipart()) return;
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const found = unusable(value);
      if (found) throw invalidField([part, ...found.path].join('.'), found.message);
    }
  });
  app.addHook('onRoute', (route) => {
    const schema = route.schema as FastifySchema | undefined;
    if (!schema) return;
    route.schema = {
      ...schema,
      ...(schema.body !== undefined && { body: closeBody(schema.body) }),
      ...(schema.querystring !== undefined && { querystring: closeObjects(schema.querystring) }),
      ...(schema.params !== undefined && { params: closeObjects(schema.params) }),
    };
  });
}
