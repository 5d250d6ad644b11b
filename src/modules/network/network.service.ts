import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { shanghaiDate } from '../../kernel/clock.js';
import { hasRole, requireRole, signedIn, type RequestContext, type Role } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { computeCoverage } from './coverage.js';
import { NetworkRepository, type SiteWithNames } from './network.repository.js';
import type { CoverageView, DivisionInput, DivisionView, SiteChanges, SiteFilter, SiteInput, SiteView, Targets } from './network.schema.js';
import { SITE_KIND_LEVEL, type DivisionLevel, type DivisionRow, type NetworkTables, type SiteKind, type SiteRow } from './network.tables.js';

/** Roles that see the whole county's network. */
const COUNTY_READERS: Role[] = ['county_admin', 'regulator', 'trainer', 'courier'];
/** Roles that read coverage and its targets: the county-wide ones, and township operators for their township. */
const COVERAGE_READERS: Role[] = [...COUNTY_READERS, 'township_operator'];

const TARGET_METRICS: Record<keyof Targets, string> = {
  townshipStations: 'township_stations',
  villagePoints: 'village_points',
  poorVillageCoverage: 'poor_village_coverage',
  poorTownshipStationCoverage: 'poor_township_station_coverage',
  otherVillageCoverage: 'other_village_coverage',
  townshipLogisticsCoverage: 'township_logistics_coverage',
  villagePointLogisticsCoverage: 'village_point_logistics_coverage',
};

const LEVEL_BY_LENGTH: Record<number, DivisionLevel> = { 6: 'county', 9: 'township', 12: 'village' };
const KINDS_BY_LEVEL: Record<DivisionLevel, string[]> = {
  county: ['county'],
  township: ['town', 'township', 'subdistrict'],
  village: ['village', 'community'],
};

/** What part of the network a caller may read: all of it, one township, or one site. */
type ReadScope = { townshipCode?: string; siteId?: string };

function readScope(ctx: RequestContext): ReadScope {
  const principal = signedIn(ctx);
  if (hasRole(ctx, ...COUNTY_READERS)) return {};
  if (hasRole(ctx, 'township_operator')) return { townshipCode: principal.scope.id };
  if (hasRole(ctx, 'village_operator')) return { siteId: principal.scope.id };
  throw forbidden('Your role cannot see the service network');
}

function toDivisionView(row: DivisionRow): DivisionView {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    parentCode: row.parent_code,
    population: row.population,
    isPoorVillage: row.is_poor_village === 1,
    isPoorTownship: row.is_poor_township === 1,
    isDemo: row.is_demo === 1,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

function toSiteView(row: SiteWithNames, ctx: RequestContext): SiteView {
  const own = !!row.operator_user_id && ctx.principal?.userId === row.operator_user_id;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    divisionCode: row.division_code,
    divisionName: row.division_name,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    floorAreaM2: row.floor_area_m2,
    openingHours: row.opening_hours,
    status: row.status,
    statusSince: row.status_since,
    services: row.service_list,
    operator: row.operator_name
      ? {
          userId: row.operator_user_id,
          name: row.operator_name,
          phone: own ? row.operator_phone : maskPhone(row.operator_phone),
          poorHousehold: row.operator_poor_household === 1,
          disabled: row.operator_disabled === 1,
          partyMember: row.operator_party_member === 1,
        }
      : null,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Columns for an operator given in a request. Editors other than the operator only ever see the phone masked, so
 * leaving `phone` out keeps the stored number as long as the operator is the same person.
 */
function operatorColumns(op: SiteChanges['operator'], stored?: SiteRow): Partial<SiteRow> {
  if (op === undefined) return {};
  const samePerson = !!op && !!stored && op.name === stored.operator_name && (op.userId ?? null) === stored.operator_user_id;
  return {
    operator_user_id: op?.userId ?? null,
    operator_name: op?.name ?? null,
    operator_phone: op?.phone === undefined && samePerson ? stored!.operator_phone : (op?.phone ?? null),
    operator_poor_household: op?.poorHousehold ? 1 : 0,
    operator_disabled: op?.disabled ? 1 : 0,
    operator_party_member: op?.partyMember ? 1 : 0,
  };
}

export class NetworkService {
  constructor(
    readonly repo: NetworkRepository,
    private readonly clock: Clock,
  ) {}

  /** A write transaction that also marks the network as changed, for every process's read cache. */
  private write<T>(work: (trx: Kysely<NetworkTables>) => Promise<T>): Promise<T> {
    return this.repo.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await this.repo.bumpRevision(trx);
      return result;
    });
  }

  private today() {
    return shanghaiDate(this.clock.now());
  }

  // ---- divisions ----

  /** Every signed-in role: merchants and shoppers pick a township and village from them (producers, sellers, ship-to). */
  async listDivisions(ctx: RequestContext, filter: { level?: DivisionLevel; parentCode?: string; asOf?: string; history?: boolean }) {
    signedIn(ctx);
    const rows = filter.history ? await this.repo.divisionHistory(filter) : await this.repo.divisionsOn(filter.asOf ?? this.today(), filter);
    return rows.map(toDivisionView);
  }

  /**
   * Records a division as of a date. If the code is already in force with other values, that version ends
   * on the new version's start date, so earlier years keep the names and parents they had.
   */
  async saveDivision(ctx: RequestContext, input: DivisionInput): Promise<DivisionView> {
    requireRole(ctx, 'county_admin');
    const level = LEVEL_BY_LENGTH[input.code.length];
    if (!KINDS_BY_LEVEL[level].includes(input.kind)) {
      throw invalidField('body.kind', `a ${input.code.length}-digit code is a ${level}; kind must be one of ${KINDS_BY_LEVEL[level].join(', ')}`);
    }
    if (input.isPoorTownship && level !== 'township') throw invalidField('body.isPoorTownship', `only a township can be a poor township; ${input.code} is a ${level}`);
    if (input.isPoorVillage && level !== 'village') throw invalidField('body.isPoorVillage', `only a village can be a poor village; ${input.code} is a ${level}`);
    const parentCode = input.parentCode ?? (level === 'county' ? null : input.code.slice(0, level === 'township' ? 6 : 9));
    const validFrom = input.validFrom ?? this.today();
    const row: DivisionRow = {
      id: `div_${input.code}_${validFrom}`,
      code: input.code,
      name: input.name,
      level,
      kind: input.kind,
      parent_code: parentCode,
      population: input.population ?? null,
      is_poor_village: input.isPoorVillage ? 1 : 0,
      is_poor_township: input.isPoorTownship ? 1 : 0,
      is_demo: input.isDemo ? 1 : 0,
      valid_from: validFrom,
      valid_to: null,
    };
    await this.write(async (trx) => {
      if (parentCode && !(await this.repo.currentDivision(parentCode, trx))) throw invalidField('body.parentCode', `no division ${parentCode} in force`);
      const current = await this.repo.currentDivision(input.code, trx);
      if (current && current.valid_from === validFrom) {
        await trx.updateTable('network_divisions').set({ ...row, id: current.id }).where('id', '=', current.id).execute();
      } else {
        if (current && current.valid_from > validFrom) throw invalidField('body.validFrom', `must be after ${current.valid_from}, when the version in force began`);
        if (current) await trx.updateTable('network_divisions').set({ valid_to: validFrom }).where('id', '=', current.id).execute();
        await trx.insertInto('network_divisions').values(row).execute();
      }
      await recordAudit(trx, ctx, { action: 'division.saved', entityType: 'division', entityId: input.code, details: input });
    });
    return toDivisionView(row);
  }

  /** Ends a division (merged or renamed away) without deleting its history. */
  async retireDivision(ctx: RequestContext, code: string, validTo: string): Promise<void> {
    requireRole(ctx, 'county_admin');
    const current = await this.repo.currentDivision(code);
    if (!current) throw notFound(`Division ${code}`);
    if (validTo <= current.valid_from) throw invalidField('body.validTo', `must be after ${current.valid_from}`);
    await this.write(async (trx) => {
      await trx.updateTable('network_divisions').set({ valid_to: validTo }).where('id', '=', current.id).execute();
      await recordAudit(trx, ctx, { action: 'division.retired', entityType: 'division', entityId: code, details: { validTo } });
    });
  }

  // ---- sites ----

  async listSites(ctx: RequestContext, filter: SiteFilter, limit: number, cursor?: string): Promise<PageResult<SiteView>> {
    const scope = readScope(ctx);
    if (scope.townshipCode && filter.townshipCode && filter.townshipCode !== scope.townshipCode) return { items: [], nextCursor: null };
    const rows = await this.repo.listSites({ ...filter, ...scope, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((r) => toSiteView(r, ctx)), nextCursor: page.nextCursor };
  }

  private async readableSite(ctx: RequestContext, id: string): Promise<SiteWithNames> {
    const scope = readScope(ctx);
    const row = await this.repo.siteById(id);
    // Out-of-scope sites answer 404 like missing ones, so their existence does not leak.
    if (!row || (scope.siteId && scope.siteId !== id) || (scope.townshipCode && row.township_code !== scope.townshipCode)) throw notFound('Site');
    return row;
  }

  async getSite(ctx: RequestContext, id: string) {
    const row = await this.readableSite(ctx, id);
    const history = await this.repo.statusHistory(id);
    return {
      ...toSiteView(row, ctx),
      statusHistory: history.map((h) => ({ status: h.status, effectiveDate: h.effective_date, note: h.note, recordedBy: h.recorded_by, recordedAt: h.recorded_at })),
    };
  }

  /** Where a site of this kind may stand, and the township it belongs to. */
  private async placeSite(kind: SiteInput['kind'], divisionCode: string) {
    const division = await this.repo.currentDivision(divisionCode);
    if (!division) throw invalidField('body.divisionCode', `no division ${divisionCode} in force`);
    const level = SITE_KIND_LEVEL[kind];
    if (division.level !== level) throw invalidField('body.divisionCode', `a ${kind} belongs to a ${level}, but ${divisionCode} is a ${division.level}`);
    const townshipCode = level === 'village' ? division.parent_code : level === 'township' ? division.code : null;
    return { townshipCode };
  }

  async createSite(ctx: RequestContext, input: SiteInput): Promise<SiteView> {
    const principal = requireRole(ctx, 'county_admin');
    const { townshipCode } = await this.placeSite(input.kind, input.divisionCode);
    const now = this.clock.now().toISOString();
    const status = input.status ?? 'planned';
    const statusDate = input.statusDate ?? this.today();
    const row: SiteRow = {
      id: input.id ?? newId('site'),
      name: input.name,
      kind: input.kind,
      division_code: input.divisionCode,
      township_code: townshipCode,
      address: input.address,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      floor_area_m2: input.floorAreaM2 ?? null,
      opening_hours: input.openingHours ?? '',
      status,
      status_since: statusDate,
      services: JSON.stringify(input.services ?? []),
      operator_user_id: null,
      operator_name: null,
      operator_phone: null,
      operator_poor_household: 0,
      operator_disabled: 0,
      operator_party_member: 0,
      ...operatorColumns(input.operator),
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await this.write(async (trx) => {
      await trx.insertInto('network_sites').values(row).execute();
      await this.repo.insertStatus({ id: newId('sst'), site_id: row.id, status, effective_date: statusDate, note: null, recorded_by: principal.displayName, recorded_at: now }, trx);
      await recordAudit(trx, ctx, { action: 'site.created', entityType: 'site', entityId: row.id, details: { name: row.name, kind: row.kind, divisionCode: row.division_code } });
    });
    return toSiteView((await this.repo.siteById(row.id))!, ctx);
  }

  /** County admins change any site; a township operator the sites of its township; a village operator its own site. */
  private checkMayUpdate(ctx: RequestContext, site: SiteRow, changes: SiteChanges): void {
    const principal = signedIn(ctx);
    if (hasRole(ctx, 'county_admin')) return;
    const township = hasRole(ctx, 'township_operator') && site.township_code === principal.scope.id;
    const own = hasRole(ctx, 'village_operator') && site.id === principal.scope.id;
    if (!township && !own) throw forbidden('You may only change sites in your own scope');
    if (!township && changes.operator !== undefined) throw new AppError(403, 'FORBIDDEN', 'body.operator: only the township or the county appoints a site operator', { field: 'body.operator' });
  }

  async updateSite(ctx: RequestContext, id: string, changes: SiteChanges): Promise<SiteView> {
    const principal = signedIn(ctx);
    const site = await this.repo.siteById(id);
    if (!site) throw notFound('Site');
    this.checkMayUpdate(ctx, site, changes);
    const now = this.clock.now().toISOString();
    const statusChanged = changes.status !== undefined && changes.status !== site.status;
    const statusDate = changes.statusDate ?? this.today();
    const update: Partial<SiteRow> = {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.longitude !== undefined && { longitude: changes.longitude }),
      ...(changes.latitude !== undefined && { latitude: changes.latitude }),
      ...(changes.floorAreaM2 !== undefined && { floor_area_m2: changes.floorAreaM2 }),
      ...(changes.openingHours !== undefined && { opening_hours: changes.openingHours }),
      ...(changes.services !== undefined && { services: JSON.stringify(changes.services) }),
      ...operatorColumns(changes.operator, site),
      ...(statusChanged && { status: changes.status, status_since: statusDate }),
      updated_at: now,
    };
    await this.write(async (trx) => {
      await trx.updateTable('network_sites').set(update).where('id', '=', id).execute();
      if (statusChanged) {
        await this.repo.insertStatus({ id: newId('sst'), site_id: id, status: changes.status!, effective_date: statusDate, note: changes.statusNote ?? null, recorded_by: principal.displayName, recorded_at: now }, trx);
      }
      const { operator, ...rest } = changes;
      await recordAudit(trx, ctx, { action: 'site.updated', entityType: 'site', entityId: id, details: { ...rest, ...(operator !== undefined && { operator: operator ? { ...operator, phone: maskPhone(operator.phone) } : null }) } });
    });
    return toSiteView((await this.repo.siteById(id))!, ctx);
  }

  /** Operating service points, without their operators: public, so a buyer can choose where to pay cash or pick up. */
  async publicPoints(kind: SiteKind, townshipCode?: string) {
    const sites = await this.repo.sitesIn(townshipCode);
    return sites
      .filter((s) => s.kind === kind && s.status === 'operating')
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, divisionCode: s.division_code, divisionName: s.division_name, townshipCode: s.township_code, townshipName: s.township_name, address: s.address, openingHours: s.opening_hours, services: s.service_list }));
  }

  // ---- coverage and targets ----

  /** The county this deployment serves; public, for the sign-in page and the public pages. */
  async county(): Promise<{ code: string; name: string }> {
    const county = await this.countyDivision();
    return { code: county.code, name: county.name };
  }

  private async countyDivision() {
    const [county] = await this.repo.divisionsOn(this.today(), { level: 'county' });
    if (!county) throw new AppError(409, 'NO_COUNTY', 'No county division is set up yet; load the county data first');
    return county;
  }

  /** The targets are coverage's yardstick: for those who read coverage (the console reads them inside it). */
  async getTargets(ctx: RequestContext): Promise<Targets> {
    requireRole(ctx, ...COVERAGE_READERS);
    const county = await this.countyDivision();
    const rows = await this.repo.targets(county.code);
    const targets: Targets = {};
    for (const [key, metric] of Object.entries(TARGET_METRICS) as [keyof Targets, string][]) {
      const row = rows.find((r) => r.metric === metric);
      if (row) targets[key] = row.target;
    }
    return targets;
  }

  async setTargets(ctx: RequestContext, targets: Targets): Promise<Targets> {
    requireRole(ctx, 'county_admin');
    const county = await this.countyDivision();
    await this.write(async (trx) => {
      for (const [key, value] of Object.entries(targets) as [keyof Targets, number][]) {
        const metric = TARGET_METRICS[key];
        await trx.deleteFrom('network_targets').where('county_code', '=', county.code).where('metric', '=', metric).execute();
        await trx.insertInto('network_targets').values({ county_code: county.code, metric, target: value }).execute();
      }
      await recordAudit(trx, ctx, { action: 'targets.set', entityType: 'county', entityId: county.code, details: targets });
    });
    return this.getTargets(ctx);
  }

  async coverage(ctx: RequestContext): Promise<CoverageView> {
    const principal = signedIn(ctx);
    requireRole(ctx, ...COVERAGE_READERS);
    const countyWide = hasRole(ctx, ...COUNTY_READERS);
    const townshipCode = countyWide ? undefined : principal.scope.id;
    const today = this.today();
    return this.repo.derived(`coverage:${townshipCode ?? 'county'}:${today}`, async () => {
      const county = await this.countyDivision();
      const [townships, villages, sites, targets] = await Promise.all([
        this.repo.divisionsOn(today, { level: 'township' }),
        this.repo.divisionsOn(today, { level: 'village', ...(townshipCode && { parentCode: townshipCode }) }),
        this.repo.sitesIn(townshipCode),
        this.getTargets(ctx),
      ]);
      return computeCoverage({
        county,
        townships: townshipCode ? townships.filter((t) => t.code === townshipCode) : townships,
        villages,
        sites,
        targets,
        asOf: this.clock.now().toISOString(),
        scope: townshipCode ? { kind: 'township', code: townshipCode } : { kind: 'county', code: county.code },
      });
    });
  }
}
