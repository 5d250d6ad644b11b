import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { forbidden, notFound } from '../../kernel/errors.js';
import type { TrainingPlaces } from './ports.js';
import type { TrainingRepository } from './training.repository.js';
import type { SessionRow, TraineeRow } from './training.tables.js';

/** Staff who read sessions, rosters and trainees (each in their own sight). */
export const STAFF = ['county_admin', 'regulator', 'trainer', 'township_operator', 'village_operator'] as const;
/** Every signed-in account that may be a trainee (data centres are machines). */
export const LEARNERS = ['county_admin', 'township_operator', 'village_operator', 'merchant', 'courier', 'regulator', 'trainer', 'consumer'] as const;
/** Who creates and changes sessions: the county office, trainers for their organisers. */
export const SESSION_WRITERS = ['county_admin', 'trainer'] as const;
/** Who enrols others: the county office, trainers, township and village operators. */
export const ENROLLERS = ['county_admin', 'trainer', 'township_operator', 'village_operator'] as const;
/** Who imports rosters: the county office, trainers (their sessions), township operators (their township's). */
export const IMPORTERS = ['county_admin', 'trainer', 'township_operator'] as const;
/** Who shows the QR code and ticks attendance: the county office and trainers of the session. */
export const ATTENDANCE = ['county_admin', 'trainer'] as const;
/** Who changes a trainee's record: the county office, township and village operators (their own area). */
export const TRAINEE_EDITORS = ['county_admin', 'township_operator', 'village_operator'] as const;

/** What part of the training records a staff caller sees. */
export type Sight =
  | { kind: 'all'; writes: boolean }
  | { kind: 'trainer'; userId: string; organiserIds: string[] }
  | { kind: 'township'; code: string }
  | { kind: 'village'; code: string; townshipCode: string };

export async function sightOf(ctx: RequestContext, repo: TrainingRepository, places: TrainingPlaces): Promise<Sight> {
  const principal = requireRole(ctx, ...STAFF);
  if (hasRole(ctx, 'county_admin')) return { kind: 'all', writes: true };
  if (hasRole(ctx, 'regulator')) return { kind: 'all', writes: false };
  if (hasRole(ctx, 'trainer')) return { kind: 'trainer', userId: principal.userId, organiserIds: await repo.organisersOf(principal.userId) };
  if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') return { kind: 'township', code: principal.scope.id };
  if (hasRole(ctx, 'village_operator') && principal.scope.kind === 'site') {
    const site = (await places.placeBook()).sites.get(principal.scope.id);
    if (site?.villageCode) return { kind: 'village', code: site.villageCode, townshipCode: site.townshipCode };
  }
  throw forbidden('该账号没有培训管理范围 This account has no training scope');
}

/** Whether a staff caller sees a session: a village operator sees every session (it enrols its villagers into any). */
export function seesSession(sight: Sight, session: Pick<SessionRow, 'trainer_user_id' | 'organiser_id' | 'township_code'>): boolean {
  if (sight.kind === 'all' || sight.kind === 'village') return true;
  if (sight.kind === 'trainer') return session.trainer_user_id === sight.userId || sight.organiserIds.includes(session.organiser_id);
  return session.township_code === sight.code;
}

/** Whether a caller runs a session (edits it, shows its QR, ticks, imports): the county office or its trainers. */
export function runsSession(sight: Sight, session: Pick<SessionRow, 'trainer_user_id' | 'organiser_id' | 'township_code'>): boolean {
  if (sight.kind === 'all') return sight.writes;
  if (sight.kind === 'trainer') return seesSession(sight, session);
  return false;
}

/** Throws 404 when out of sight, 403 when seen but not run by the caller. */
export function mustRun(sight: Sight, session: SessionRow): void {
  if (!seesSession(sight, session)) throw notFound('Session');
  if (!runsSession(sight, session)) throw forbidden('只有县电商办和本场培训的讲师可以操作 Only the county office and the session’s trainers may do this');
}

/** Whether a staff caller sees a trainee outside of a session's list. */
export function seesTrainee(sight: Sight, trainee: Pick<TraineeRow, 'township_code' | 'village_code'>, enrolledInSight = false): boolean {
  if (sight.kind === 'all') return true;
  if (sight.kind === 'township') return trainee.township_code === sight.code || enrolledInSight;
  if (sight.kind === 'village') return trainee.village_code === sight.code;
  return enrolledInSight;
}

export const ownerOf = (ctx: RequestContext, trainee: Pick<TraineeRow, 'user_id'>) => !!trainee.user_id && trainee.user_id === ctx.principal?.userId;
export const learner = (ctx: RequestContext) => {
  const principal = signedIn(ctx);
  requireRole(ctx, ...LEARNERS);
  return principal;
};
