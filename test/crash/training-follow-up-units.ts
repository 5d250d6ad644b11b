/**
 * The fixture and the follow-up service the training follow-up kill test (training-follow-up-kill.test.ts) and its
 * child share: trainees counted once each, a farmer seller with every trainee's ID fingerprint (approved after the
 * training), and a village point run by every third trainee's account — so the job has SELLERS + POINTS outcomes to
 * record, each in its own transaction.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../src/kernel/clock.js';
import type { AnyKysely, DialectName } from '../../src/kernel/db.js';
import { EventBus } from '../../src/kernel/events/index.js';
import { FollowUpRepository, FollowUpService, type FollowUpPorts } from '../../src/modules/training/index.js';

export const TRAINEES = 90;
export const SELLERS = TRAINEES;
export const POINTS = TRAINEES / 3;
export const OUTCOMES = SELLERS + POINTS;
export const START = '2026-06-01T02:00:00.000Z';
/** Past the job's five-minute lease. */
export const AFTER_LEASE = '2026-06-01T02:05:00.001Z';

const traineeId = (i: number) => `trn_${String(i).padStart(4, '0')}`;
const print = (i: number) => `print-${i}`;
const userOf = (i: number) => (i % 3 === 0 ? `usr_${i}` : null);

/** Minimal rows: an organiser, a session, the trainees and one person-time each (on 2026-05-10). */
export async function createTrainees(anyDb: AnyKysely): Promise<void> {
  const db = anyDb as Kysely<Record<string, Record<string, unknown>>>;
  const at = '2026-05-10T02:00:00.000Z';
  await db.insertInto('training_organisers').values({ id: 'org_1', name: '县人社局', kind: 'department', contact_name: '王', notes: '', active: 1, created_at: at, updated_at: at }).execute();
  await db
    .insertInto('training_sessions')
    .values({ id: 'ses_1', title: '电商创业基础', course_id: null, track: 'sellers', level: 'basic', organiser_id: 'org_1', trainer_user_id: null, trainer_name: '讲师', site_id: null, place_text: '乐红镇', township_code: '530621110', village_code: null, capacity: 200, enrolled: 0, starts_at: at, ends_at: at, status: 'closed', checkin_secret: 'x', notes: '', created_by: 'test', created_at: at, updated_at: at, closed_at: at, cancelled_at: null, cancel_reason: null })
    .execute();
  for (let i = 1; i <= TRAINEES; i += 1) {
    await db
      .insertInto('training_trainees')
      .values({ id: traineeId(i), name: `学员${i}`, id_number_sealed: 'sealed', id_fingerprint: print(i), id_number_masked: '5306**********0000', phone_sealed: null, phone_masked: null, birth_date: '1990-01-01', township_code: '530621110', village_code: null, poor: i % 2, disabled: 0, party_member: 0, woman: 0, youth: null, user_id: userOf(i), created_by: 'test', created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('training_person_times')
      .values({ id: `pt_${String(i).padStart(4, '0')}`, trainee_id: traineeId(i), session_id: 'ses_1', course_id: null, mode: 'onsite', method: 'tick', track: 'sellers', level: 'basic', organiser_id: 'org_1', township_code: '530621110', village_code: null, poor: i % 2, woman: 0, counted_at: at, counted_by: 'test', created_at: at })
      .execute();
  }
}

/** The other modules as the job sees them: a seller for every trainee, a point for every third one's account. */
export const ports: FollowUpPorts = {
  targets: { trainingTargets: async () => [] },
  sellers: {
    farmersByFingerprint: async (prints) => prints.map((p) => ({ sellerId: `slr_${p.slice(6)}`, name: `农户${p.slice(6)}`, fingerprint: p, approvedAt: '2026-05-20T02:00:00.000Z' })),
  },
  points: {
    operatedBy: async (userIds) => userIds.map((u) => ({ siteId: `site_${u.slice(4)}`, name: `服务点${u.slice(4)}`, userId: u })),
  },
  players: { player: async () => null, salesSince: async () => ({ salesFen: 0, months: 0 }) },
};

export function followUpService(db: AnyKysely, dialect: DialectName, clock: Clock): FollowUpService {
  const places = { placeBook: async () => ({ townships: [], villages: [], sites: new Map() }) };
  return new FollowUpService(new FollowUpRepository(db), ports, places, new EventBus({ db, dialect, clock }), clock);
}
