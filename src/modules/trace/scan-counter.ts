import type { TraceRepository } from './trace.repository.js';
import type { PackageRow } from './trace.tables.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

const FLUSH_MS = 1000;
const MAX_NETWORKS = 20;

interface Pending {
  scans: number;
  networks: Set<string>;
  first: string;
  last: string;
}

/**
 * Counts scans of serialised codes in memory and writes them once a second, so a scan costs no disk sync. A crash
 * loses at most a second of counts; several processes add their own counts (`scans + n`) and merge networks.
 */
export class ScanCounter {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: TraceRepository,
    private readonly clock: Clock,
  ) {}

  /** Adds a scan; answers the counts including it. */
  add(pkg: PackageRow, network: string): { scans: number; networks: string[] } {
    const now = isoNow(this.clock);
    const p = this.pending.get(pkg.id) ?? { scans: 0, networks: new Set<string>(), first: now, last: now };
    p.scans++;
    p.networks.add(network);
    p.last = now;
    this.pending.set(pkg.id, p);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
    const networks = [...new Set([...(JSON.parse(pkg.networks) as string[]), ...p.networks])].slice(0, MAX_NETWORKS);
    return { scans: pkg.scans + p.scans, networks };
  }

  /** Writes what is counted so far (also before counts are read, and when the app closes). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return this.flushing;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(() =>
      this.repo.db.transaction().execute(async (trx) => {
        for (const [id, p] of batch) {
          const row = await trx.selectFrom('trace_packages').select(['networks', 'first_scan_at']).where('id', '=', id).executeTakeFirst();
          if (!row) continue;
          const networks = [...new Set([...(JSON.parse(row.networks) as string[]), ...p.networks])].slice(0, MAX_NETWORKS);
          await trx.updateTable('trace_packages').set((eb) => ({ scans: eb('scans', '+', p.scans), networks: JSON.stringify(networks), first_scan_at: row.first_scan_at ?? p.first, last_scan_at: p.last })).where('id', '=', id).execute();
        }
      }),
    );
    return this.flushing;
  }
}
