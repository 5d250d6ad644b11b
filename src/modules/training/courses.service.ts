import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { conflict, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { LEARNERS, STAFF } from './access.js';
import type { Course, CourseCreate, CourseUpdate, Organiser, OrganiserCreate, OrganiserUpdate } from './training.schema.js';
import type { TrainingRepository } from './training.repository.js';
import type { CourseRow, Level, OrganiserRow, Track } from './training.tables.js';

/** A level belongs to the sellers' track only (基础, 进阶, 精英). */
export function checkLevel(track: Track, level: Level | null | undefined, field: string): Level | null {
  if (track !== 'sellers' && level) throw invalidField(field, '只有电商创业课程分基础、进阶、精英 only the sellers track has levels');
  return level ?? null;
}

/** Organisers (departments, training bodies, enterprises) and courses (their metadata; materials are learning's). */
export class CoursesService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly clock: Clock,
  ) {}

  private async organiserViews(rows: OrganiserRow[]): Promise<Organiser[]> {
    const members = await this.repo.members(rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, contactName: r.contact_name, notes: r.notes, active: r.active === 1, memberUserIds: members.get(r.id) ?? [], createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  async listOrganisers(ctx: RequestContext, filter: { kind?: string }, limit: number, cursor?: string): Promise<PageResult<Organiser>> {
    requireRole(ctx, ...STAFF);
    const rows = await this.repo.listOrganisers({ ...filter, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: await this.organiserViews(page.items), nextCursor: page.nextCursor };
  }

  async organiser(ctx: RequestContext, id: string): Promise<Organiser> {
    requireRole(ctx, ...STAFF);
    const row = await this.repo.organiser(id);
    if (!row) throw notFound('Organiser');
    return (await this.organiserViews([row]))[0];
  }

  async createOrganiser(ctx: RequestContext, input: OrganiserCreate): Promise<Organiser> {
    requireRole(ctx, 'county_admin');
    const name = input.name.trim();
    if (await this.repo.organiserByName(name)) throw conflict('ORGANISER_EXISTS', `已有同名的培训组织单位「${name}」 An organiser of this name exists`, { field: 'body.name' });
    const now = this.clock.now().toISOString();
    const id = newId('torg', this.clock.now().getTime());
    await this.repo.transaction(async (trx) => {
      await trx.insertInto('training_organisers').values({ id, name, kind: input.kind, contact_name: input.contactName ?? '', notes: input.notes ?? '', active: 1, created_at: now, updated_at: now }).execute();
      for (const userId of new Set(input.memberUserIds ?? [])) await trx.insertInto('training_organiser_members').values({ organiser_id: id, user_id: userId, created_at: now }).execute();
      await recordAudit(trx, ctx, { action: 'training.organiser-created', entityType: 'training_organiser', entityId: id, details: { name, kind: input.kind, memberUserIds: input.memberUserIds ?? [] } }, this.clock.now());
    });
    return this.organiser(ctx, id);
  }

  async updateOrganiser(ctx: RequestContext, id: string, input: OrganiserUpdate): Promise<Organiser> {
    requireRole(ctx, 'county_admin');
    const row = await this.repo.organiser(id);
    if (!row) throw notFound('Organiser');
    if (input.name && input.name.trim() !== row.name) {
      const other = await this.repo.organiserByName(input.name.trim());
      if (other) throw conflict('ORGANISER_EXISTS', `已有同名的培训组织单位「${input.name.trim()}」 An organiser of this name exists`, { field: 'body.name' });
    }
    const now = this.clock.now().toISOString();
    await this.repo.transaction(async (trx) => {
      await trx
        .updateTable('training_organisers')
        .set({
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.contactName !== undefined && { contact_name: input.contactName }),
          ...(input.notes !== undefined && { notes: input.notes }),
          ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      if (input.memberUserIds) {
        await trx.deleteFrom('training_organiser_members').where('organiser_id', '=', id).execute();
        for (const userId of new Set(input.memberUserIds)) await trx.insertInto('training_organiser_members').values({ organiser_id: id, user_id: userId, created_at: now }).execute();
      }
      await recordAudit(trx, ctx, { action: 'training.organiser-updated', entityType: 'training_organiser', entityId: id, details: input }, this.clock.now());
    });
    return this.organiser(ctx, id);
  }

  private async courseViews(rows: CourseRow[]): Promise<Course[]> {
    const names = await this.repo.organiserNames();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      track: r.track,
      level: r.level,
      summary: r.summary,
      hours: r.hours_tenths / 10,
      online: r.online === 1,
      organiserId: r.organiser_id,
      organiserName: r.organiser_id ? (names.get(r.organiser_id) ?? null) : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** Courses are listed to every signed-in learner (a trainee picks online courses). */
  async listCourses(ctx: RequestContext, filter: { track?: Track; online?: boolean }, limit: number, cursor?: string): Promise<PageResult<Course>> {
    requireRole(ctx, ...LEARNERS);
    const rows = await this.repo.listCourses({ ...filter, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: await this.courseViews(page.items), nextCursor: page.nextCursor };
  }

  async course(ctx: RequestContext, id: string): Promise<Course> {
    requireRole(ctx, ...LEARNERS);
    const row = await this.repo.course(id);
    if (!row) throw notFound('Course');
    return (await this.courseViews([row]))[0];
  }

  private async checkOrganiser(id: string | null | undefined) {
    if (id && !(await this.repo.organiser(id))) throw invalidField('body.organiserId', '没有这个培训组织单位 is not an organiser');
  }

  async createCourse(ctx: RequestContext, input: CourseCreate): Promise<Course> {
    requireRole(ctx, 'county_admin');
    const level = checkLevel(input.track, input.level, 'body.level');
    await this.checkOrganiser(input.organiserId);
    const now = this.clock.now().toISOString();
    const id = newId('tcrs', this.clock.now().getTime());
    await this.repo.db
      .insertInto('training_courses')
      .values({ id, title: input.title.trim(), track: input.track, level, summary: input.summary ?? '', hours_tenths: Math.round(input.hours * 10), online: input.online ? 1 : 0, organiser_id: input.organiserId ?? null, created_at: now, updated_at: now })
      .execute();
    return this.course(ctx, id);
  }

  async updateCourse(ctx: RequestContext, id: string, input: CourseUpdate): Promise<Course> {
    requireRole(ctx, 'county_admin');
    const row = await this.repo.course(id);
    if (!row) throw notFound('Course');
    const track = input.track ?? row.track;
    const level = checkLevel(track, input.level === undefined ? (track === 'sellers' ? row.level : null) : input.level, 'body.level');
    await this.checkOrganiser(input.organiserId);
    await this.repo.db
      .updateTable('training_courses')
      .set({
        ...(input.title !== undefined && { title: input.title.trim() }),
        track,
        level,
        ...(input.summary !== undefined && { summary: input.summary }),
        ...(input.hours !== undefined && { hours_tenths: Math.round(input.hours * 10) }),
        ...(input.online !== undefined && { online: input.online ? 1 : 0 }),
        ...(input.organiserId !== undefined && { organiser_id: input.organiserId }),
        updated_at: this.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    return this.course(ctx, id);
  }
}
