import type { Row, World } from './world.js';

const reports = new WeakMap<World, Promise<string>>();
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

/** One monthly report, made to the end by the job, for the read and download rows. */
function doneReport(w: World): Promise<string> {
  let made = reports.get(w);
  if (!made) {
    made = (async () => {
      const id = (await w.ok('county', 'POST', '/reports/reports', { kind: 'month', period: thisMonth() })).id as string;
      await w.t.jobs.tick();
      return id;
    })();
    reports.set(w, made);
  }
  return made;
}

/** 统计报表: the county office makes them; it, regulators and township operators read and download (county-level figures). */
export function reportsRows(w: World): Row[] {
  const readers = ['county', 'regulator', 'township'] as const;
  return [
    { op: 'POST /api/v1/reports/reports', allowed: ['county'], req: () => ({ url: '/reports/reports', body: { kind: 'year', period: thisMonth().slice(0, 4) } }) },
    { op: 'GET /api/v1/reports/reports', allowed: readers },
    { op: 'GET /api/v1/reports/reports/{id}', allowed: readers, req: async () => ({ url: `/reports/reports/${await doneReport(w)}` }) },
    { op: 'GET /api/v1/reports/reports/{id}/report.xlsx', allowed: readers, req: async () => ({ url: `/reports/reports/${await doneReport(w)}/report.xlsx` }) },
    { op: 'GET /api/v1/reports/reports/{id}/report.pdf', allowed: readers, req: async () => ({ url: `/reports/reports/${await doneReport(w)}/report.pdf` }) },
  ];
}
