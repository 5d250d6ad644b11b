/**
 * The daily book's figures, put together from cells the database summed (figures.repository.ts): per site and day
 * the services of each kind (count, amount, fee), the people served, the parcels in and out, and the day's close.
 * Pure, so the grouping is tested on its own (figures-rule.test.ts). Money integer fen.
 */

export const FIGURE_GROUPS = ['site', 'township', 'service', 'day'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** The services of one kind at one site on one day (records not voided). */
export interface ServiceCell {
  siteId: string;
  townshipCode: string;
  day: string;
  service: string;
  /** Records that count as a service. */
  count: number;
  amountFen: number;
  feeFen: number;
}

/** Distinct customers served at one site on one day: of one kind (`service`), or of any (`null`). */
export interface PeopleCell {
  siteId: string;
  townshipCode: string;
  day: string;
  service: string | null;
  people: number;
  poor: number;
}

export interface ParcelCell {
  siteId: string;
  townshipCode: string;
  day: string;
  parcelsIn: number;
  parcelsOut: number;
}

export interface DayCell {
  siteId: string;
  townshipCode: string;
  day: string;
  closed: boolean;
  /** Closed with counted cash different from expected. */
  withDifference: boolean;
}

export interface FigureCells {
  services: ServiceCell[];
  people: PeopleCell[];
  parcels: ParcelCell[];
  days: DayCell[];
}

export interface ServiceFigure {
  count: number;
  amountFen: number;
}

export interface FigureRow {
  key: string;
  name: string;
  services: Record<string, ServiceFigure>;
  servicesTotal: number;
  amountFen: number;
  feeFen: number;
  parcelsIn: number;
  parcelsOut: number;
  /** Σ over sites and days of the distinct customers served that day there. */
  peopleServed: number;
  /** The same, of customers of registered poor households. */
  poorServed: number;
  daysClosed: number;
  daysWithDifference: number;
}

/** The rows a grouping lists even when they have nothing (every kind; every day of the span; the sites in sight). */
export interface RowKey {
  key: string;
  name: string;
}

const emptyRow = (key: string, name: string, kinds: readonly string[]): FigureRow => ({
  key,
  name,
  services: Object.fromEntries(kinds.map((k) => [k, { count: 0, amountFen: 0 }])),
  servicesTotal: 0,
  amountFen: 0,
  feeFen: 0,
  parcelsIn: 0,
  parcelsOut: 0,
  peopleServed: 0,
  poorServed: 0,
  daysClosed: 0,
  daysWithDifference: 0,
});

const keyOf = (group: Exclude<FigureGroup, 'service'>, cell: { siteId: string; townshipCode: string; day: string }) => (group === 'site' ? cell.siteId : group === 'township' ? cell.townshipCode : cell.day);

/**
 * Rows of one grouping and the total. `listed` gives the rows shown first, in order, with their names (a row with
 * data but not listed is added after them, named by `nameOf`). The total is summed from the cells, not from the
 * rows: by service, a villager served two kinds the same day is one person in the total and one in each kind's row;
 * parcels and closed days belong to no kind, so they appear in the total only.
 */
export function groupFigures(cells: FigureCells, group: FigureGroup, kinds: readonly string[], listed: RowKey[], nameOf: (key: string) => string): { rows: FigureRow[]; total: FigureRow } {
  const rows = new Map<string, FigureRow>();
  for (const l of listed) rows.set(l.key, emptyRow(l.key, l.name, kinds));
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = emptyRow(key, nameOf(key), kinds)));
    return r;
  };
  const total = emptyRow('total', '合计', kinds);

  const addService = (r: FigureRow, c: ServiceCell) => {
    const s = (r.services[c.service] ??= { count: 0, amountFen: 0 });
    s.count += c.count;
    s.amountFen += c.amountFen;
    r.servicesTotal += c.count;
    r.amountFen += c.amountFen;
    r.feeFen += c.feeFen;
  };
  for (const c of cells.services) {
    addService(total, c);
    addService(row(group === 'service' ? c.service : keyOf(group, c)), c);
  }
  for (const c of cells.people) {
    if (c.service === null) {
      total.peopleServed += c.people;
      total.poorServed += c.poor;
    }
    if ((group === 'service') !== (c.service !== null)) continue;
    const r = row(group === 'service' ? c.service! : keyOf(group as Exclude<FigureGroup, 'service'>, c));
    r.peopleServed += c.people;
    r.poorServed += c.poor;
  }
  for (const c of cells.parcels) {
    total.parcelsIn += c.parcelsIn;
    total.parcelsOut += c.parcelsOut;
    if (group === 'service') continue;
    const r = row(keyOf(group, c));
    r.parcelsIn += c.parcelsIn;
    r.parcelsOut += c.parcelsOut;
  }
  for (const c of cells.days) {
    const closed = c.closed ? 1 : 0;
    const diff = c.closed && c.withDifference ? 1 : 0;
    total.daysClosed += closed;
    total.daysWithDifference += diff;
    if (group === 'service') continue;
    const r = row(keyOf(group, c));
    r.daysClosed += closed;
    r.daysWithDifference += diff;
  }
  return { rows: [...rows.values()], total };
}

/** Every day from `from` to `to` (YYYY-MM-DD, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
