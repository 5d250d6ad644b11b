import type { Clock } from '../../kernel/clock.js';
import { defineJob } from '../../kernel/jobs/index.js';
import { shanghaiToday } from './periods.js';
import type { StatsCoverage, StatsPlaces } from './ports.js';
import type { StatsRepository } from './stats.repository.js';

const HOUR = 60 * 60_000;

/**
 * The network's coverage today as snapshot figures: each part (poor townships with a station, villages with a
 * point…) written for today's day and month, the last value of the day winning; township rows where the network
 * counts by township. Run hourly (the day's last run stands), so a station opened at noon shows the same day. The
 * township and village names are refreshed as labels at the same time.
 */
export class StatsSnapshot {
  constructor(
    private readonly repo: StatsRepository,
    private readonly coverage: StatsCoverage,
    private readonly places: StatsPlaces,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ day: string; rows: number }> {
    const day = shanghaiToday(this.clock);
    const month = day.slice(0, 7);
    const c = await this.coverage.counts();
    const county: [string, number][] = [
      ['townships', c.townships],
      ['townships_reached', c.townshipsReached],
      ['poor_townships', c.poorTownships],
      ['poor_townships_with_station', c.poorTownshipsWithStation],
      ['villages', c.villages],
      ['villages_with_point', c.villagesWithPoint],
      ['poor_villages', c.poorVillages],
      ['poor_villages_with_point', c.poorVillagesWithPoint],
    ];
    const rows: { indicator: string; grain: string; period: string; dim: string; dim_value: string; value: number }[] = [];
    const put = (indicator: string, dim: string, dimValue: string, value: number) => {
      rows.push({ indicator, grain: 'day', period: day, dim, dim_value: dimValue, value });
      rows.push({ indicator, grain: 'month', period: month, dim, dim_value: dimValue, value });
    };
    for (const [indicator, value] of county) put(indicator, '', '', value);
    for (const t of c.perTownship) {
      put('villages', 'township', t.code, t.villages);
      put('villages_with_point', 'township', t.code, t.villagesWithPoint);
      put('poor_villages', 'township', t.code, t.poorVillages);
      put('poor_villages_with_point', 'township', t.code, t.poorVillagesWithPoint);
    }
    const divisions = await this.places.divisions();
    await this.repo.db.transaction().execute(async (trx) => {
      await this.repo.writeSnapshot(trx, rows);
    });
    await this.repo.setLabels(divisions.map((d) => ({ dim: d.level, value: d.code, label: d.name })));
    return { day, rows: rows.length };
  }

  job() {
    return defineJob({ name: 'stats.snapshot', title: '统计快照 Coverage figures of today from the network', every: HOUR, run: () => this.run() });
  }
}
