import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';
import { BAD_CURSORS, seeded, validValue, wrongText, wrongValue, type Random, type Schema } from './fuzz-inputs.js';

/**
 * A seeded, bounded fuzz pass over every operation of the OpenAPI document, signed in as the county admin and
 * signed out: inputs each schema accepts and the wrong ones (wrong types, unknown and nested properties, huge,
 * negative and non-finite numbers, long strings, dates not on the calendar, cursors never issued, odd path
 * parameters and encodings). Whatever comes in, the API never answers 5xx, and every 4xx is
 * `{"error":{"code","message"}}` with a stable upper-case code. The same seed gives the same cases.
 */
/** FUZZ_SEED=… explores other cases; the suite always runs the fixed one. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
type Kind = 'valid' | 'wrongField' | 'unknownProperty' | 'wrongQuery' | 'badCursor' | 'badPath' | 'badBody';
/** The cases per operation and caller (their number bounds the pass): a signed-out caller mostly meets 401. */
const PLAN: Record<'admin' | 'anonymous', Kind[]> = {
  admin: ['valid', 'wrongField', 'valid', 'unknownProperty', 'valid', 'wrongQuery', 'badCursor', 'valid', 'badPath', 'badBody', 'wrongField', 'badBody'],
  anonymous: ['valid', 'badPath', 'wrongQuery', 'badBody'],
};
/** Would end the admin's session for every later case. */
const SKIP = new Set(['POST /api/v1/auth/logout']);

interface Parameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Case {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const BAD_PATH = ['%ZZ', '%E0%A4%A', '..%2F..', '%00', '😀', '花椒', ' ', 'a'.repeat(99), '1e309', '-1', "x'--", '%252F'];
const BAD_BODIES: [string, string][] = [
  ['application/json', '{"a":'],
  ['application/json', '[]'],
  ['application/json', 'null'],
  ['application/json', '"x"'],
  ['application/json', '{"__proto__":{"polluted":1}}'],
  ['application/json', '{"constructor":{"prototype":{"polluted":1}}}'],
  ['application/json', '\u00ff\u00fe'],
  ['text/plain', 'hello'],
  ['application/json; charset=latin1', '{}'],
  ['application/x-www-form-urlencoded', 'a=1&b=%ZZ'],
  ['application/xml', '<a/>'],
];

/** Sets a wrong value at a random property path of an object body (top-level or nested). */
function corrupt(body: unknown, schema: Schema, r: Random, unknownProperty: boolean): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return unknownProperty ? { extra: 1 } : wrongValue(schema, r);
  const out = { ...(body as Record<string, unknown>) };
  const props = Object.entries(schema.properties ?? {});
  const nested = props.filter(([k, s]) => (s.type === 'object' || s.properties) && typeof out[k] === 'object' && out[k] !== null);
  if (nested.length && r.chance(0.4)) {
    const [k, s] = r.pick(nested);
    out[k] = corrupt(out[k], s, r, unknownProperty);
    return out;
  }
  if (unknownProperty || !props.length) out[r.pick(['extra', 'id', 'isDemo', '__proto__x', 'createdAt', 'nested'])] = r.pick([1, 'x', { deep: true }, null]);
  else {
    const [k, s] = r.pick(props);
    out[k] = wrongValue(s, r);
  }
  return out;
}

function buildCase(method: string, path: string, op: Operation, kind: Kind, r: Random, ids: Map<string, string[]>, headers: Record<string, string>): Case {
  const params = op.parameters ?? [];
  let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const p = params.find((x) => x.in === 'path' && x.name === name);
    if (kind === 'badPath') return r.pick(BAD_PATH);
    const known = ids.get(path.slice(0, path.indexOf(`{${name}}`)).replace(/\/$/, ''));
    if (known?.length && r.chance(0.8)) return encodeURIComponent(r.pick(known));
    return encodeURIComponent(String(validValue(p?.schema ?? { type: 'string' }, r)));
  });

  const query: string[] = [];
  const queryParams = params.filter((p) => p.in === 'query');
  const broken = kind === 'wrongQuery' && queryParams.length ? r.pick(queryParams) : undefined;
  for (const p of queryParams) {
    if (p === broken) query.push(`${p.name}=${wrongText(p.schema, r)}`);
    else if (p.name === 'cursor' && kind === 'badCursor') query.push(`cursor=${r.pick(BAD_CURSORS)}`);
    else if (p.required || r.chance(0.4)) query.push(`${p.name}=${encodeURIComponent(String(validValue(p.schema, r)))}`);
  }
  if (kind === 'unknownProperty' || (kind === 'wrongQuery' && !queryParams.length)) query.push(r.pick(['zz_unknown=1', 'limit[a]=1', 'a[b][c]=1', '__proto__[x]=1', 'x=%ZZ']));
  if (kind === 'badCursor' && !queryParams.some((p) => p.name === 'cursor')) query.push(`cursor=${r.pick(BAD_CURSORS)}`);
  if (query.length) url += `?${query.join('&')}`;

  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (kind === 'badBody' && method !== 'GET' && method !== 'DELETE') {
    const [type, payload] = r.pick(BAD_BODIES);
    return { method, url, headers: { ...headers, 'content-type': type }, payload };
  }
  if (!schema) return { method, url, headers };
  let body = validValue(schema, r);
  if (kind === 'wrongField' || kind === 'unknownProperty') body = corrupt(body, schema, r, kind === 'unknownProperty');
  return { method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) };
}

/** Ids from every list the admin can read, by the list's path: `/api/v1/network/sites` → its items' ids. */
async function harvestIds(t: TestApp, doc: { paths: Record<string, Record<string, Operation>> }, headers: Record<string, string>) {
  const ids = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!ops.get || path.includes('{') || (ops.get.parameters ?? []).some((p) => p.required)) continue;
    const res = await t.app.inject({ url: path, headers });
    const json = res.statusCode === 200 && String(res.headers['content-type']).startsWith('application/json');
    const items = json ? (res.json() as { items?: { id?: unknown; code?: unknown }[] }).items : undefined;
    const found = (items ?? []).map((i) => i.id ?? i.code).filter((v): v is string => typeof v === 'string');
    if (found.length) ids.set(path, found.slice(0, 10));
  }
  return ids;
}

describe.each(engines())('fuzzing every operation of the API on %s', (engine) => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let admin: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    admin = await signIn(t.app, 'demo.county');
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('never answers 5xx, and answers every 4xx in the error shape with a stable code', { timeout: 120_000 }, async () => {
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: admin })).json() as { id: string };
    const ids = await harvestIds(t, doc, admin);
    // The admin's own account is left alone: disabling it would sign the pass out.
    ids.set('/api/v1/identity/users', (ids.get('/api/v1/identity/users') ?? []).filter((id) => id !== me.id));
    const r = seeded(SEED);
    const faults: string[] = [];
    let cases = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [lower, op] of Object.entries(ops)) {
        const method = lower.toUpperCase();
        if (SKIP.has(`${method} ${path}`)) continue;
        for (const [who, headers] of [['admin', admin], ['anonymous', {}]] as const) {
          for (const kind of PLAN[who]) {
            const c = buildCase(method, path, op, kind, r, ids, headers);
            const res = await t.app.inject({ method: c.method as 'GET', url: c.url, headers: c.headers, payload: c.payload });
            cases++;
            const where = `${who} ${c.method} ${c.url.slice(0, 200)} ${c.payload?.slice(0, 200) ?? ''} → ${res.statusCode}`;
            if (res.statusCode >= 500) faults.push(`${where} ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400) {
              let code: unknown;
              let message: unknown;
              try {
                ({ code, message } = (res.json() as { error: { code: unknown; message: unknown } }).error);
              } catch {
                code = undefined;
              }
              if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code) || typeof message !== 'string') faults.push(`${where} not in the error shape: ${res.body.slice(0, 200)}`);
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
    expect(faults.slice(0, 60)).toEqual([]);
  });
});
