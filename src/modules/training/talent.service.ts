import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { FollowUpRepository } from './follow-up.repository.js';
import { SUPPORT_LABELS, TALENT_MOVES, TALENT_STATUS_LABELS, type TalentRow, type TalentSupportRow } from './follow-up.tables.js';
import type { TrainingPlaces } from './ports.js';
import type { SupportCreate, TalentCreate, TalentFilter, TalentUpdate, TalentView } from './talent.schema.js';

/** Who reads the shortlist: the county, regulators, township operators (their township's). */
export const TALENT_READERS = ['county_admin', 'regulator', 'township_operator'] as const;
/** Who nominates: the county, a township operator in its township. */
export const TALENT_NOMINATORS = ['county_admin', 'township_operator'] as const;

/** 人才推荐: trainees and teams picked out for support and awards, with the support given. */
export class TalentService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly places: TrainingPlaces,
    private readonly clock: Clock,
  ) {}

  /** The township a caller is held to; undefined for the county and regulators. */
  private township(ctx: RequestContext, roles: readonly ('county_admin' | 'regulator' | 'township_operator')[], asked?: string): string | undefined {
    const principal = requireRole(ctx, ...roles);
    if (hasRole(ctx, 'county_admin') || (roles.includes('regulator') && hasRole(ctx, 'regulator'))) return asked;
    if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') {
      if (asked && asked !== principal.scope.id) throw forbidden('乡镇只能查看本乡镇的推荐人才 A township reads its own shortlist');
      return principal.scope.id;
    }
    throw forbidden('无权查看人才推荐 You may not read the shortlist');
  }

  private async views(rows: TalentRow[]): Promise<TalentView[]> {
    const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.members) as string[]))];
    const [trainees, support, book] = await Promise.all([this.repo.trainees(ids), this.repo.supportOf(rows.map((r) => r.id)), this.places.placeBook()]);
    const byId = new Map(trainees.map((t) => [t.id, t]));
    const townships = new Map(book.townships.map((t) => [t.code, t.name]));
    const villages = new Map(book.villages.map((v) => [v.code, v.name]));
    return rows.map((r) => {
      const given = support.filter((s) => s.talent_id === r.id);
      return {
        id: r.id,
        kind: r.kind,
        name: r.name,
        members: (JSON.parse(r.members) as string[]).map((id) => {
          const t = byId.get(id);
          return { traineeId: id, name: t?.name ?? '', idNumber: t?.id_number_masked ?? '', villageName: t?.village_code ? (villages.get(t.village_code) ?? '未知村') : null, poor: Number(t?.poor ?? 0) === 1 };
        }),
        townshipCode: r.township_code,
        townshipName: townships.get(r.township_code) ?? '未知乡镇',
        reason: r.reason,
        status: r.status,
        statusName: TALENT_STATUS_LABELS[r.status],
        statusNote: r.status_note,
        support: given.map((s) => ({ id: s.id, kind: s.kind, kindName: SUPPORT_LABELS[s.kind], amountFen: s.amount_fen, givenOn: s.given_on, note: s.note, recordedBy: s.recorded_by, createdAt: s.created_at })),
        supportFen: given.reduce((n, s) => n + s.amount_fen, 0),
        nominatedBy: r.nominated_by,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  async list(ctx: RequestContext, filter: TalentFilter, limit: number, cursor?: string): Promise<PageResult<TalentView>> {
    const township = this.township(ctx, TALENT_READERS, filter.township);
    const rows = await this.repo.talentList({ township, status: filter.status, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<TalentView> {
    const township = this.township(ctx, TALENT_READERS);
    const row = await this.repo.talent(id);
    if (!row || (township && row.township_code !== township)) throw notFound('Talent');
    return (await this.views([row]))[0]!;
  }

  async nominate(ctx: RequestContext, input: TalentCreate): Promise<TalentView> {
    const own = this.township(ctx, TALENT_NOMINATORS);
    const principal = ctx.principal!;
    let name: string;
    let members: string[];
    let township: string | undefined;
    if (input.kind === 'person') {
      if (!input.traineeId) throw invalidField('body.traineeId', '请选择学员 choose the trainee');
      if (input.members || input.teamName) throw invalidField(input.members ? 'body.members' : 'body.teamName', '个人推荐不填团队 a person has no team');
      const t = await this.repo.trainee(input.traineeId);
      if (!t || (own && t.township_code !== own)) throw invalidField('body.traineeId', '学员不存在或不在本乡镇 no such trainee in your sight');
      name = t.name;
      members = [t.id];
      township = t.township_code ?? input.townshipCode ?? own;
    } else {
      if (!input.teamName?.trim()) throw invalidField('body.teamName', '请填写团队名称 name the team');
      if (!input.members) throw invalidField('body.members', '团队至少两名学员 a team has at least two trainees');
      if (input.traineeId) throw invalidField('body.traineeId', '团队推荐请填成员 a team lists its members');
      const found = await this.repo.trainees(input.members);
      for (const [i, id] of input.members.entries()) {
        const t = found.find((f) => f.id === id);
        if (!t || (own && t.township_code !== own)) throw invalidField(`body.members.${i}`, '学员不存在或不在本乡镇 no such trainee in your sight');
      }
      name = input.teamName.trim();
      members = input.members;
      township = input.townshipCode ?? own ?? found.find((f) => f.township_code)?.township_code ?? undefined;
    }
    if (own && input.townshipCode && input.townshipCode !== own) throw invalidField('body.townshipCode', '乡镇只能推荐本乡镇的人才 a township nominates in its township');
    if (!township) throw invalidField('body.townshipCode', '请选择所属乡镇 choose the township');
    if (!(await this.places.placeBook()).townships.some((t) => t.code === township)) throw invalidField('body.townshipCode', '不是本县的乡镇 not a township of the county');
    const now = this.clock.now().toISOString();
    const row: TalentRow = { id: newId('tal', this.clock.now().getTime()), kind: input.kind, name, members: JSON.stringify(members), township_code: township, reason: input.reason.trim(), status: 'nominated', status_note: '', nominated_by: principal.displayName || principal.username, created_at: now, updated_at: now };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('training_talent').values(row).execute();
      await recordAudit(trx, ctx, { action: 'training.talent_nominated', entityType: 'talent', entityId: row.id, details: { kind: row.kind, name: row.name, members } });
    });
    return (await this.views([row]))[0]!;
  }

  async update(ctx: RequestContext, id: string, changes: TalentUpdate): Promise<TalentView> {
    requireRole(ctx, 'county_admin');
    const row = await this.repo.talent(id);
    if (!row) throw notFound('Talent');
    if (changes.teamName !== undefined && row.kind !== 'team') throw invalidField('body.teamName', '个人推荐没有团队名称 a person has no team name');
    if (changes.status && changes.status !== row.status && !TALENT_MOVES[row.status].includes(changes.status)) {
      throw new AppError(409, 'TALENT_STATUS_CONFLICT', `不能从“${TALENT_STATUS_LABELS[row.status]}”改为“${TALENT_STATUS_LABELS[changes.status]}” cannot move from ${row.status} to ${changes.status}`, { status: row.status });
    }
    const next: TalentRow = {
      ...row,
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.statusNote !== undefined && { status_note: changes.statusNote.trim() }),
      ...(changes.reason !== undefined && { reason: changes.reason.trim() }),
      ...(changes.teamName !== undefined && { name: changes.teamName.trim() }),
      updated_at: this.clock.now().toISOString(),
    };
    await this.repo.db.transaction().execute(async (trx) => {
      // The status guard keeps two clerks from both moving the same nomination.
      const result = await trx.updateTable('training_talent').set({ status: next.status, status_note: next.status_note, reason: next.reason, name: next.name, updated_at: next.updated_at }).where('id', '=', id).where('status', '=', row.status).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'TALENT_STATUS_CONFLICT', '推荐状态已被他人修改，请刷新 The nomination changed meanwhile; reload');
      await recordAudit(trx, ctx, { action: 'training.talent_updated', entityType: 'talent', entityId: id, details: { ...changes, from: row.status } });
    });
    return (await this.views([next]))[0]!;
  }

  /** Records support given; a nomination still only nominated becomes supported. A dropped one takes none (409). */
  async support(ctx: RequestContext, id: string, input: SupportCreate): Promise<TalentView> {
    const principal = requireRole(ctx, 'county_admin');
    const row = await this.repo.talent(id);
    if (!row) throw notFound('Talent');
    if (row.status === 'dropped') throw new AppError(409, 'TALENT_STATUS_CONFLICT', '已退出的推荐不能再登记扶持 A dropped nomination takes no support', { status: row.status });
    const now = this.clock.now().toISOString();
    const given: TalentSupportRow = { id: newId('tsp', this.clock.now().getTime()), talent_id: id, kind: input.kind, amount_fen: input.amountFen, given_on: input.givenOn, note: input.note?.trim() ?? '', recorded_by: principal.displayName || principal.username, created_at: now };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('training_talent_support').values(given).execute();
      if (row.status === 'nominated') await trx.updateTable('training_talent').set({ status: 'supported', updated_at: now }).where('id', '=', id).where('status', '=', 'nominated').execute();
      else await trx.updateTable('training_talent').set({ updated_at: now }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'training.talent_supported', entityType: 'talent', entityId: id, details: { kind: input.kind, amountFen: input.amountFen, givenOn: input.givenOn } });
    });
    const after = await this.repo.talent(id);
    return (await this.views([after!]))[0]!;
  }
}
