import type { Kysely } from 'kysely';
import type { PartiesTables, SellerStatus } from './parties.tables.js';

export interface FarmerByPrint {
  sellerId: string;
  name: string;
  /** The keyed fingerprint of the farmer's ID number (kernel.sealer.fingerprint), as asked. */
  fingerprint: string;
  status: SellerStatus;
  /** When the application was approved, for a seller that is approved now (a suspension overwrites the review time). */
  approvedAt: string | null;
}

/**
 * Farmer sellers found by the keyed fingerprint of their ID number — the same `kernel.sealer.fingerprint` other
 * modules keep — so training's follow-up finds the trainees who went on to sell here. No ID number leaves the module.
 */
export class FarmersById {
  constructor(private readonly db: Kysely<PartiesTables>) {}

  async byFingerprint(prints: string[]): Promise<FarmerByPrint[]> {
    const out: FarmerByPrint[] = [];
    for (let i = 0; i < prints.length; i += 500) {
      const chunk = prints.slice(i, i + 500);
      const rows = await this.db.selectFrom('parties_sellers').select(['id', 'name', 'status', 'reviewed_at', 'id_number_print']).where('kind', '=', 'farmer').where('id_number_print', 'in', chunk).orderBy('id').execute();
      for (const r of rows) out.push({ sellerId: r.id, name: r.name, fingerprint: r.id_number_print!, status: r.status, approvedAt: r.status === 'approved' ? r.reviewed_at : null });
    }
    return out;
  }
}
