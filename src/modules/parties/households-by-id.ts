import type { Kysely } from 'kysely';
import type { HouseholdStatus, PartiesTables } from './parties.tables.js';

/**
 * Registered poor households (建档立卡户) found by the keyed fingerprint of their head's ID number — the same
 * `kernel.sealer.fingerprint` other modules keep — so a station knows a villager it serves is of a poor household.
 * No ID number leaves the module.
 */
export class HouseholdsById {
  constructor(private readonly db: Kysely<PartiesTables>) {}

  async byFingerprint(print: string): Promise<{ householdId: string; status: HouseholdStatus } | null> {
    const row = await this.db.selectFrom('parties_households').select(['id', 'status']).where('head_id_print', '=', print).orderBy('id').executeTakeFirst();
    return row ? { householdId: row.id, status: row.status } : null;
  }
}
