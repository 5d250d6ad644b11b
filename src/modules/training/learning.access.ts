import type { Kysely } from 'kysely';
import type { Principal } from '../../kernel/context.js';
import type { TrainingPlaces } from './ports.js';
import type { TrainingDatabase } from './training.tables.js';

/** What a staff member may see of learning (certificates): the whole county, a township, a village, organisers. */
export type LearningSight =
  | { kind: 'county' }
  | { kind: 'township'; code: string }
  | { kind: 'village'; code: string | null }
  | { kind: 'organisers'; ids: string[]; userId: string }
  | { kind: 'none' };

/** The organisers a user is a member of (a trainer's share). */
export async function organisersOf(db: Kysely<TrainingDatabase>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('training_organiser_members').select('organiser_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.organiser_id);
}

/**
 * A staff member's sight over trainees' certificates: county admins and regulators all of them (regulators read,
 * personal data masked as everywhere), a township operator its township's trainees, a village operator its
 * village's (its site's division), a trainer the certificates of its organisers' courses and sessions and of the
 * sessions it taught.
 */
export async function learningSight(db: Kysely<TrainingDatabase>, places: TrainingPlaces, p: Principal): Promise<LearningSight> {
  if (p.roles.includes('county_admin') || p.roles.includes('regulator')) return { kind: 'county' };
  if (p.roles.includes('township_operator') && p.scope.kind === 'township') return { kind: 'township', code: p.scope.id };
  if (p.roles.includes('village_operator') && p.scope.kind === 'site') {
    const book = await places.placeBook();
    return { kind: 'village', code: book.sites.get(p.scope.id)?.villageCode ?? null };
  }
  if (p.roles.includes('trainer')) return { kind: 'organisers', ids: await organisersOf(db, p.userId), userId: p.userId };
  return { kind: 'none' };
}

/** Whether a certificate (its holder's place, its organiser) is in sight. */
export function inSight(sight: LearningSight, row: { township_code: string | null; village_code: string | null; organiser_id: string | null; taught?: boolean }): boolean {
  switch (sight.kind) {
    case 'county':
      return true;
    case 'township':
      return row.township_code === sight.code;
    case 'village':
      return sight.code !== null && row.village_code === sight.code;
    case 'organisers':
      return (row.organiser_id !== null && sight.ids.includes(row.organiser_id)) || row.taught === true;
    default:
      return false;
  }
}
