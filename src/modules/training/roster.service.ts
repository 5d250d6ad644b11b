import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { IMPORTERS, runsSession, type Sight } from './access.js';
import type { TrainingIdentifiers, TrainingPlaces } from './ports.js';
import { checkRoster, readRoster, rosterTemplate, rowErrors, type RowProblem } from './roster-file.js';
import { sessionClosedError, sessionFull, type SessionsService } from './sessions.service.js';
import type { TraineesService } from './trainees.service.js';
import type { TrainingRepository } from './training.repository.js';

/** Rosters from Excel: every row checked first; `all` imports a clean file only, `valid` the good rows. */
export class RosterService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly clock: Clock,
    private readonly places: TrainingPlaces,
    private readonly identifiers: TrainingIdentifiers,
    private readonly sessions: SessionsService,
    private readonly trainees: TraineesService,
  ) {}

  async template(ctx: RequestContext): Promise<Buffer> {
    const principal = requireRole(ctx, ...IMPORTERS);
    const book = await this.places.placeBook();
    const township = book.townships.find((t) => t.code === principal.scope.id) ?? book.townships[0];
    const village = book.villages.find((v) => v.townshipCode === township?.code);
    return rosterTemplate({ township: township?.name ?? '', village: village?.name ?? '' });
  }

  private mayImport(sight: Sight, session: { trainer_user_id: string | null; organiser_id: string; township_code: string }) {
    return runsSession(sight, session) || (sight.kind === 'township' && session.township_code === sight.code);
  }

  async importFile(ctx: RequestContext, sessionId: string, bytes: Buffer, fileName: string, mode: 'all' | 'valid') {
    const principal = requireRole(ctx, ...IMPORTERS);
    const { row: session, sight } = await this.sessions.seen(ctx, sessionId);
    if (!this.mayImport(sight, session)) throw forbidden('只能为自己的培训或本乡镇的培训导入名单 Only for your own sessions or your township’s');
    if (session.status !== 'planned') throw sessionClosedError(session.status);
    const { lines, problems, rows } = checkRoster(await readRoster(bytes), await this.places.placeBook(), (id) => this.identifiers.residentIdProblem(id));
    if (mode === 'all' && problems.length) throw rowErrors(problems);
    const bad: RowProblem[] = [...problems];
    const result = await this.repo.transaction(async (trx) => {
      // The session row is locked (PostgreSQL) for the whole file, so the places counted here are the places left.
      const locked = await this.repo.lockSession(trx, sessionId);
      if (!locked || locked.status !== 'planned') throw sessionClosedError(locked?.status ?? 'cancelled');
      const known = await this.repo.traineesByFingerprints(lines.map((l) => this.trainees.fingerprint(l.idNumber)), trx);
      const onList = await this.repo.enrolledTraineeIds(sessionId, trx);
      let room = locked.capacity - locked.enrolled;
      let created = 0;
      let updated = 0;
      let enrolled = 0;
      let already = 0;
      let imported = 0;
      for (const line of lines) {
        const { row: trainee, created: isNew, updated: changed } = await this.trainees.upsert(trx, line, principal.userId, null, known.get(this.trainees.fingerprint(line.idNumber)) ?? null);
        if (isNew) created++;
        else if (changed) updated++;
        if (onList.has(trainee.id)) {
          already++;
          imported++;
          continue;
        }
        if (room <= 0) {
          // A full session: the whole file in mode all, this row only in mode valid.
          if (mode === 'all') throw sessionFull(locked.capacity);
          bad.push({ row: line.row, column: '姓名', message: `名额已满（${locked.capacity} 人），未报名` });
          continue;
        }
        await trx.insertInto('training_enrolments').values({ id: newId('tenr', this.clock.now().getTime()), session_id: sessionId, trainee_id: trainee.id, source: 'roster', enrolled_by: principal.userId, created_at: this.clock.now().toISOString() }).execute();
        onList.add(trainee.id);
        room--;
        enrolled++;
        imported++;
      }
      if (enrolled) {
        const taken = await trx
          .updateTable('training_sessions')
          .set((eb) => ({ enrolled: eb('enrolled', '+', enrolled) }))
          .where('id', '=', sessionId)
          .where((eb) => eb(eb('enrolled', '+', enrolled), '<=', eb.ref('capacity')))
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) throw sessionFull(locked.capacity);
      }
      const importId = newId('timp', this.clock.now().getTime());
      bad.sort((a, b) => a.row - b.row);
      await trx
        .insertInto('training_roster_imports')
        .values({ id: importId, session_id: sessionId, mode, file_name: fileName.slice(0, 200), rows_total: rows, rows_imported: imported, rows_bad: new Set(bad.map((b) => b.row)).size, problems: JSON.stringify(bad.slice(0, 500)), imported_by: principal.userId, created_at: this.clock.now().toISOString() })
        .execute();
      await recordAudit(trx, ctx, { action: 'training.roster-imported', entityType: 'training_session', entityId: sessionId, details: { importId, mode, rows, imported, enrolled, bad: bad.length } }, this.clock.now());
      return { importId, mode, rows, imported, traineesCreated: created, traineesUpdated: updated, enrolled, alreadyEnrolled: already, badRows: bad.slice(0, 500) };
    });
    return result;
  }
}
