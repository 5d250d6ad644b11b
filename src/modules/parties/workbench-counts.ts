import { sql } from 'kysely';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import type { PartiesRepository } from './parties.repository.js';

/** The market players' figures of the 工作台 (workbench module). */
export class PartiesWorkbenchCounts {
  constructor(private readonly repo: PartiesRepository) {}

  /** Applications to sell waiting for the county office's review (待审核). */
  async sellersToReview(ctx: RequestContext): Promise<number> {
    requireRole(ctx, 'county_admin');
    const row = await this.repo.db.selectFrom('parties_sellers').select(sql<number>`count(*)`.as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
