import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { maskIdNumber, maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import { learner, ownerOf, seesTrainee, sightOf, TRAINEE_EDITORS, type Sight } from './access.js';
import type { TrainingAccounts, TrainingIdentifiers, TrainingPlaceBook, TrainingPlaces } from './ports.js';
import { birthDateOf, womanByIdNumber, youthOn } from './trainee-rules.js';
import type { Trainee, TraineeFilter, TraineeInput, TraineeUpdate } from './training.schema.js';
import type { TrainingRepository } from './training.repository.js';
import type { TraineeRow, TrainingDatabase } from './training.tables.js';

/** A trainee's details once checked: the ID number valid, the places in force, the township taken from the village. */
export interface CheckedTrainee {
  name: string;
  idNumber: string;
  phone: string | null;
  townshipCode: string | null;
  villageCode: string | null;
  poor?: boolean;
  disabled?: boolean;
  partyMember?: boolean;
  woman?: boolean | null;
  youth?: boolean | null;
}

export const placeNames = (book: TrainingPlaceBook) => new Map<string, string>([...book.townships.map((t) => [t.code, t.name] as const), ...book.villages.map((v) => [v.code, v.name] as const)]);

/** Trainees: found by the fingerprint of their ID number, sealed at rest, masked for everyone but their own account. */
export class TraineesService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly places: TrainingPlaces,
    private readonly identifiers: TrainingIdentifiers,
    private readonly accounts: TrainingAccounts,
  ) {}

  sight(ctx: RequestContext): Promise<Sight> {
    return sightOf(ctx, this.repo, this.places);
  }

  /** A trainee as the caller may see it: whole for its own account, masked for everyone else. */
  view(ctx: RequestContext, row: TraineeRow, names: Map<string, string>, onDate = shanghaiDate(this.clock.now())): Trainee {
    const own = ownerOf(ctx, row);
    const phone = row.phone_sealed ? this.sealer.open(row.phone_sealed) : null;
    return {
      id: row.id,
      name: row.name,
      idNumber: own ? this.sealer.open(row.id_number_sealed) : row.id_number_masked,
      phone: own ? phone : maskPhone(phone),
      masked: !own,
      townshipCode: row.township_code,
      townshipName: row.township_code ? (names.get(row.township_code) ?? null) : null,
      villageCode: row.village_code,
      villageName: row.village_code ? (names.get(row.village_code) ?? null) : null,
      poor: row.poor === 1,
      disabled: row.disabled === 1,
      partyMember: row.party_member === 1,
      woman: row.woman === 1,
      youth: row.youth === null ? youthOn(row.birth_date, onDate) : row.youth === 1,
      claimed: row.user_id !== null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async names(): Promise<Map<string, string>> {
    return placeNames(await this.places.placeBook());
  }

  fingerprint(idNumber: string): string {
    return this.sealer.fingerprint(idNumber);
  }

  /** Checks an ID number through parties' rule: 400 naming the field. */
  checkIdNumber(idNumber: string, field: string): string {
    const id = idNumber.trim().toUpperCase();
    const problem = this.identifiers.residentIdProblem(id);
    if (problem) throw invalidField(field, `身份证号码有误 ${problem}`, 'ID_NUMBER_INVALID');
    return id;
  }

  /** A township and village in force; the township is the village's when only the village is given. */
  async checkPlace(townshipCode: string | null | undefined, villageCode: string | null | undefined, prefix: string): Promise<{ townshipCode: string | null; villageCode: string | null }> {
    const book = await this.places.placeBook();
    if (villageCode) {
      const village = book.villages.find((v) => v.code === villageCode);
      if (!village) throw invalidField(`${prefix}villageCode`, '没有这个村（社区） is not a village of the county');
      if (townshipCode && townshipCode !== village.townshipCode) throw invalidField(`${prefix}villageCode`, '该村不属于所选乡镇 is not in the township');
      return { townshipCode: village.townshipCode, villageCode: village.code };
    }
    if (townshipCode) {
      if (!book.townships.some((t) => t.code === townshipCode)) throw invalidField(`${prefix}townshipCode`, '没有这个乡镇 is not a township of the county');
      return { townshipCode, villageCode: null };
    }
    return { townshipCode: null, villageCode: null };
  }

  async check(input: TraineeInput, prefix: string): Promise<CheckedTrainee> {
    const idNumber = this.checkIdNumber(input.idNumber, `${prefix}idNumber`);
    const place = await this.checkPlace(input.townshipCode, input.villageCode, prefix);
    return { name: input.name.trim(), idNumber, phone: input.phone ?? null, ...place, poor: input.poor, disabled: input.disabled, partyMember: input.partyMember, woman: input.woman, youth: input.youth };
  }

  /**
   * The trainee with this ID number, recorded if new; an existing one keeps what it has and takes what it lacks
   * (phone, place, a flag said yes), so a second roster never makes a duplicate. Inside the caller's transaction.
   */
  async upsert(trx: Kysely<TrainingDatabase>, input: CheckedTrainee, by: string, userId: string | null = null, known?: TraineeRow | null): Promise<{ row: TraineeRow; created: boolean; updated: boolean }> {
    const print = this.sealer.fingerprint(input.idNumber);
    const now = this.clock.now().toISOString();
    // `known`: the caller read it already (a roster reads every row's trainee in a few queries); null: none.
    const existing = known === undefined ? await this.repo.traineeByFingerprint(print, trx) : (known ?? undefined);
    if (!existing) {
      const row: TraineeRow = {
        id: newId('trn', this.clock.now().getTime()),
        name: input.name,
        id_number_sealed: this.sealer.seal(input.idNumber),
        id_fingerprint: print,
        id_number_masked: maskIdNumber(input.idNumber)!,
        phone_sealed: input.phone ? this.sealer.seal(input.phone) : null,
        phone_masked: maskPhone(input.phone),
        birth_date: birthDateOf(input.idNumber),
        township_code: input.townshipCode,
        village_code: input.villageCode,
        poor: input.poor ? 1 : 0,
        disabled: input.disabled ? 1 : 0,
        party_member: input.partyMember ? 1 : 0,
        woman: (input.woman ?? womanByIdNumber(input.idNumber)) ? 1 : 0,
        youth: input.youth === undefined || input.youth === null ? null : input.youth ? 1 : 0,
        user_id: userId,
        created_by: by,
        created_at: now,
        updated_at: now,
      };
      // Any unique conflict (the same ID number recorded meanwhile, or an account that already has a record) writes nothing.
      const inserted = await trx.insertInto('training_trainees').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { row, created: true, updated: false };
    }
    const current = existing ?? (await this.repo.traineeByFingerprint(print, trx));
    if (!current) throw conflict('TRAINEE_EXISTS', '您已登记过学员信息 This account already has a trainee record', { field: 'body.idNumber' });
    const set: Partial<TraineeRow> = {};
    if (!current.phone_sealed && input.phone) Object.assign(set, { phone_sealed: this.sealer.seal(input.phone), phone_masked: maskPhone(input.phone) });
    if (!current.township_code && input.townshipCode) Object.assign(set, { township_code: input.townshipCode, village_code: input.villageCode });
    else if (!current.village_code && input.villageCode && input.townshipCode === current.township_code) set.village_code = input.villageCode;
    if (input.poor && !current.poor) set.poor = 1;
    if (input.disabled && !current.disabled) set.disabled = 1;
    if (input.partyMember && !current.party_member) set.party_member = 1;
    if (current.youth === null && input.youth !== undefined && input.youth !== null) set.youth = input.youth ? 1 : 0;
    if (userId && !current.user_id) set.user_id = userId;
    if (!Object.keys(set).length) return { row: current, created: false, updated: false };
    set.updated_at = now;
    await trx.updateTable('training_trainees').set(set).where('id', '=', current.id).execute();
    return { row: { ...current, ...set }, created: false, updated: true };
  }

  async list(ctx: RequestContext, filter: TraineeFilter, limit: number, cursor?: string): Promise<PageResult<Trainee>> {
    const sight = await this.sight(ctx);
    // A whole ID number is looked up by its fingerprint: the number itself is never stored in the clear.
    const q = filter.q?.trim().toUpperCase();
    const byId = q && /^\d{17}[\dX]$/.test(q) ? this.sealer.fingerprint(q) : undefined;
    const rows = await this.repo.listTrainees(sight, { ...filter, fingerprint: byId }, decodeCursor(cursor), limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    const names = await this.names();
    return { items: page.items.map((r) => this.view(ctx, r, names)), nextCursor: page.nextCursor };
  }

  private async inSight(ctx: RequestContext, id: string): Promise<{ row: TraineeRow; sight: Sight }> {
    const sight = await this.sight(ctx);
    const row = await this.repo.trainee(id);
    if (!row || !seesTrainee(sight, row, await this.repo.enrolledInSight(id, sight))) throw notFound('Trainee');
    return { row, sight };
  }

  async get(ctx: RequestContext, id: string): Promise<Trainee> {
    const { row } = await this.inSight(ctx, id);
    return this.view(ctx, row, await this.names());
  }

  /** The county office changes any trainee; a township or village operator those of its area. */
  async update(ctx: RequestContext, id: string, input: TraineeUpdate): Promise<Trainee> {
    requireRole(ctx, ...TRAINEE_EDITORS);
    const { row, sight } = await this.inSight(ctx, id);
    if (sight.kind === 'township' && row.township_code !== sight.code) throw forbidden('只能修改本乡镇的学员 Only trainees of your township');
    const place =
      input.townshipCode !== undefined || input.villageCode !== undefined
        ? await this.checkPlace(input.townshipCode === undefined ? row.township_code : input.townshipCode, input.villageCode === undefined ? null : input.villageCode, 'body.')
        : { townshipCode: row.township_code, villageCode: row.village_code };
    if (sight.kind === 'township' && place.townshipCode !== sight.code) throw invalidField('body.townshipCode', '只能登记在本乡镇 must stay in your township');
    if (sight.kind === 'village' && place.villageCode !== sight.code) throw invalidField('body.villageCode', '只能登记在本村 must stay in your village');
    const set: Partial<TraineeRow> = { township_code: place.townshipCode, village_code: place.villageCode, updated_at: this.clock.now().toISOString() };
    if (input.name !== undefined) set.name = input.name.trim();
    if (input.phone !== undefined) Object.assign(set, { phone_sealed: input.phone ? this.sealer.seal(input.phone) : null, phone_masked: maskPhone(input.phone) });
    if (input.poor !== undefined) set.poor = input.poor ? 1 : 0;
    if (input.disabled !== undefined) set.disabled = input.disabled ? 1 : 0;
    if (input.partyMember !== undefined) set.party_member = input.partyMember ? 1 : 0;
    if (input.woman !== undefined) set.woman = input.woman ? 1 : 0;
    if (input.youth !== undefined) set.youth = input.youth === null ? null : input.youth ? 1 : 0;
    await this.repo.transaction(async (trx) => {
      await trx.updateTable('training_trainees').set(set).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'training.trainee-updated', entityType: 'training_trainee', entityId: id, details: { ...input, phone: input.phone === undefined ? undefined : maskPhone(input.phone) } }, this.clock.now());
    });
    return this.view(ctx, (await this.repo.trainee(id))!, await this.names());
  }

  /** The caller's own trainee record, or null. */
  async own(ctx: RequestContext): Promise<TraineeRow | null> {
    const principal = learner(ctx);
    return (await this.repo.traineeOfUser(principal.userId)) ?? null;
  }

  /**
   * Creates the caller's record, or claims the record a roster made with this ID number: allowed when it has no
   * account and its phone is empty or the account's own; otherwise 409 TRAINEE_CLAIM_CONFLICT.
   */
  async createOwn(ctx: RequestContext, input: TraineeInput): Promise<{ row: TraineeRow; created: boolean }> {
    const principal = learner(ctx);
    const checked = await this.check(input, 'body.');
    const mine = await this.repo.traineeOfUser(principal.userId);
    const print = this.sealer.fingerprint(checked.idNumber);
    if (mine && mine.id_fingerprint !== print) throw conflict('TRAINEE_EXISTS', '您已登记过学员信息，身份证号不能更改，请联系培训老师 Your record has another ID number', { field: 'body.idNumber' });
    const other = await this.repo.traineeByFingerprint(print);
    if (other && other.user_id !== principal.userId) {
      const accountPhone = await this.accounts.phoneOf(principal.userId);
      const phone = other.phone_sealed ? this.sealer.open(other.phone_sealed) : null;
      if (other.user_id || (phone && phone !== accountPhone)) throw conflict('TRAINEE_CLAIM_CONFLICT', '该身份证号已登记，请联系培训老师 This ID number is on record: please ask your trainer');
    }
    return this.repo.transaction(async (trx) => {
      const { row, created } = await this.upsert(trx, checked, principal.userId, principal.userId);
      if (row.user_id !== principal.userId) throw conflict('TRAINEE_CLAIM_CONFLICT', '该身份证号已登记，请联系培训老师 This ID number is on record: please ask your trainer');
      if (created || !mine) await recordAudit(trx, ctx, { action: created ? 'training.trainee-self-recorded' : 'training.trainee-claimed', entityType: 'training_trainee', entityId: row.id, details: { name: row.name, idNumber: row.id_number_masked } }, this.clock.now());
      return { row, created };
    });
  }
}
