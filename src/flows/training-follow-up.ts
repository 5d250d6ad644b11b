import { systemContext } from '../kernel/context.js';
import type { NetworkService } from '../modules/network/index.js';
import type { FarmersById } from '../modules/parties/index.js';
import type { PlayerService, ReportService } from '../modules/players/index.js';
import type { FollowUpPlayers, FollowUpPoints, FollowUpSellers, TrainingTargets } from '../modules/training/index.js';

/** The statistics' training indicators (their cumulative figures `…_total` carry the plan's targets) by what training calls them. */
const TRAINING_INDICATORS = new Map([
  ['training_person_times', 'training_person_times'],
  ['training_person_times_total', 'training_person_times'],
  ['training_poor_person_times', 'training_poor_person_times'],
  ['training_poor_person_times_total', 'training_poor_person_times'],
]);

/** The plan's dated training targets, from the statistics' targets (the county changes them there). */
export function trainingTargets(stats: { targetRows(): Promise<{ id: string; indicator: string; label: string; value: number | null; due: string | null }[]> }): TrainingTargets {
  return {
    async trainingTargets() {
      const rows = await stats.targetRows();
      return rows.filter((r) => TRAINING_INDICATORS.has(r.indicator) && r.value !== null && r.due !== null).map((r) => ({ id: r.id, indicator: TRAINING_INDICATORS.get(r.indicator)!, label: r.label, value: Number(r.value), due: r.due! }));
    },
  };
}

/** Farmer sellers by the fingerprint of their ID number (parties' door; the same keyed fingerprint training keeps). */
export function followUpSellers(farmers: FarmersById): FollowUpSellers {
  return { farmersByFingerprint: (prints) => farmers.byFingerprint(prints) };
}

/** The operating stations and village points and the accounts that run them (the network's sites). */
export function followUpPoints(network: NetworkService): FollowUpPoints {
  return {
    async operatedBy(userIds) {
      if (userIds.length === 0) return [];
      const wanted = new Set(userIds);
      const out: { siteId: string; name: string; userId: string }[] = [];
      for (const kind of ['township_station', 'village_point'] as const) {
        let cursor: string | undefined;
        do {
          const page = await network.listSites(systemContext(), { kind, status: 'operating' }, 500, cursor);
          for (const s of page.items) if (s.operator?.userId && wanted.has(s.operator.userId)) out.push({ siteId: s.id, name: s.name, userId: s.operator.userId });
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      return out;
    },
  };
}

/** Market players and their shops' monthly reports (the players register). */
export function followUpPlayers(players: PlayerService, reports: ReportService): FollowUpPlayers {
  return {
    async player(id) {
      const p = await players.get(systemContext(), id).catch((err: unknown) => {
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      });
      if (!p) return null;
      return { id: p.id, name: p.name, townshipCode: p.townshipCode, shops: p.shops.map((s) => ({ id: s.id, name: s.name, platformName: s.platformName })) };
    },
    async salesSince(playerId, shopId, fromMonth) {
      let salesFen = 0;
      const months = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await reports.list(systemContext(), shopId ? { shopId } : { playerId }, 500, cursor);
        for (const r of page.items) {
          if (r.month < fromMonth) continue;
          salesFen += r.salesFen;
          months.add(r.month);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { salesFen, months: months.size };
    },
  };
}
