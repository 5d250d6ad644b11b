import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers.js';
import { logisticsRows } from './permissions/rows-logistics.js';
import { marketRows } from './permissions/rows-market.js';
import { platformRows } from './permissions/rows-platform.js';
import { traceRows } from './permissions/rows-trace.js';
import { playersRows } from './permissions/rows-players.js';
import { uplinkRows } from './permissions/rows-uplink.js';
import { statsRows } from './permissions/rows-stats.js';
import { reportsRows } from './permissions/rows-reports.js';
import { trainingRows } from './permissions/rows-training.js';
import { stationsFarmInputRows } from './permissions/rows-stations-farm-inputs.js';
import { stationsCoreRows } from './permissions/rows-stations-core.js';
import { stationsProduceRows } from './permissions/rows-stations-produce.js';
import { stationsServicesRows } from './permissions/rows-stations-services.js';
import { stationsConsignmentRows } from './permissions/rows-stations-consignment.js';
import { stationsFiguresRows } from './permissions/rows-stations-figures.js';
import { ROLES, World, type Req, type Row, type Who } from './permissions/world.js';

/**
 * Every operation of the API against every role, as docs/architecture.md says who may do what. An allowed role
 * gets a 2xx with a valid, harmless request (or a fresh record of its own to act on); every other signed-in role
 * gets 403, or 404 where the record is out of its sight; nobody signed in gets 401. Public operations are listed as
 * public and answer a signed-out caller without a 401. The app is a demo (demo data, so demo mode), so the routes
 * only a demo mounts (the local payment provider's) have rows too.
 */
describe.each(engines())('who may call each route, on %s', (engine) => {
  let w: World;
  const rowsOf = (world: World): Row[] => [...platformRows(world), ...marketRows(world), ...logisticsRows(world), ...traceRows(world), ...playersRows(world), ...uplinkRows(world), ...statsRows(world), ...reportsRows(world), ...trainingRows(world), ...stationsFarmInputRows(world), ...stationsCoreRows(world), ...stationsProduceRows(world), ...stationsServicesRows(world), ...stationsConsignmentRows(world), ...stationsFiguresRows(world)];
  // The rows' shape (op and allowed roles) does not depend on the world; their requests do.
  const rows = rowsOf(new Proxy({} as World, { get: () => () => undefined }));
  beforeAll(async () => {
    w = await World.build(engine);
  }, 120_000);
  afterAll(() => w?.t.close());

  const send = async (who: Who | null, row: Row, req: Req) => {
    const method = row.op.split(' ')[0] as 'GET';
    const cookie = req.cookie ?? (who ? w.as[who].cookie : undefined);
    const headers: Record<string, string> = { ...(cookie && { cookie }), ...(req.raw && { 'content-type': req.raw.contentType }) };
    const url = req.url.startsWith('/api') || req.url.startsWith('/track') ? req.url : `/api/v1${req.url}`;
    return w.t.app.inject({ method, url, headers, payload: req.raw ? req.raw.payload : (req.body as object | undefined) });
  };
  const reqOf = async (row: Row, who: Who | null): Promise<Req> => {
    const live = rowsOf(w).find((r) => r.op === row.op)!;
    return live.req ? live.req(who) : { url: row.op.slice(row.op.indexOf(' ') + 1).replace(/^\/api\/v1/, '') };
  };

  it('has a row for every operation of the OpenAPI document, and no row for one it lacks', async () => {
    const doc = (await w.t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const listed = rows.map((r) => r.op as string);
    expect(ops.filter((op) => !listed.includes(op)), 'operations without a row').toEqual([]);
    expect(listed.filter((op) => !ops.includes(op)), 'rows for no operation').toEqual([]);
    expect(listed.filter((op, i) => listed.indexOf(op) !== i), 'operations with two rows').toEqual([]);
  });

  for (const row of rows) {
    it(`${row.op}: ${row.allowed === 'public' ? 'public' : row.allowed.join(', ')}`, async () => {
      if (row.allowed === 'public') {
        const res = await send(null, row, await reqOf(row, null));
        expect(res.statusCode, `signed out: ${res.body.slice(0, 200)}`).not.toBe(401);
        expect(res.statusCode, 'signed out').toBeLessThan(500);
        return;
      }
      const allowed = row.allowed;
      const seen: string[] = [];
      // The signed-out caller and the refused roles share one request, made first; each allowed role makes its own.
      const shared = await reqOf(row, null);
      const signedOut = await send(null, row, shared);
      if (signedOut.statusCode !== 401) seen.push(`signed out got ${signedOut.statusCode}`);
      for (const who of [...ROLES.filter((r) => !allowed.includes(r)), ...allowed]) {
        const res = await send(who, row, allowed.includes(who) ? await reqOf(row, who) : shared);
        const ok = allowed.includes(who) ? res.statusCode < 300 : [403, 404].includes(res.statusCode);
        if (!ok) seen.push(`${who} got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      expect(seen).toEqual([]);
    });
  }
});
