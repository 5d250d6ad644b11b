import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluation.js';
import type { FigureValue } from './ports.js';
import { writeSummary } from './summary.js';

const figure = (f: Partial<FigureValue> & Pick<FigureValue, 'indicator' | 'name' | 'unit'>): FigureValue => ({
  value: null,
  previousPeriod: null,
  previousYear: null,
  momPct: null,
  yoyPct: null,
  target: null,
  status: 'live',
  ...f,
});

const sales = figure({ indicator: 'online_retail_fen', name: '网络零售额', unit: 'fen', value: 123_456_789, previousYear: 100_000_000, yoyPct: 23.5, momPct: -4.2, target: { value: null, growthPct: 30, due: null, label: '网络零售额年均增长30%' } });
const produce = figure({ indicator: 'produce_online_retail_fen', name: '农产品网络零售额', unit: 'fen', value: 61_728_394, yoyPct: 40 });
const parcels = figure({ indicator: 'parcels_down', name: '下行包裹数', unit: 'count', value: 800, yoyPct: -12.5 });
const firms = figure({ indicator: 'ecommerce_enterprises', name: '电子商务企业数', unit: 'count', value: 3, target: { value: 2, growthPct: null, due: '2019-12-31', label: '培育电子商务企业2—3户' } });
// A source not yet in the platform (station services come with their own module); the target is the test's own.
const services = figure({ indicator: 'station_services', name: '站点服务人次', unit: 'person_times', status: 'awaiting_source', target: { value: 5000, growthPct: null, due: '2019-12-31', label: '站点服务5000人次' } });
const trainingTotal = figure({ indicator: 'training_person_times_total', name: '累计电商培训人次', unit: 'person_times', value: 3620, target: { value: 3500, growthPct: null, due: '2019-12-31', label: '2019年底前电商培训3500人次以上' } });
const poorTotal = figure({ indicator: 'training_poor_person_times_total', name: '累计贫困人口培训人次', unit: 'person_times', value: 210, target: { value: 350, growthPct: null, due: '2019-12-31', label: '建档立卡贫困人口培训350人次以上' } });
const CUMULATIVE = new Set(['training_person_times_total', 'training_poor_person_times_total']);
const share = figure({ indicator: 'on_time_share', name: '48小时到村率', unit: 'percent', value: null });

describe('the written summary', () => {
  it('says what grew, what fell, what is behind or past its target and what has no source, from the figures', () => {
    expect(writeSummary('鲁甸县', '2026年11月', [sales, produce, parcels, firms, services, share])).toEqual([
      '2026年11月，鲁甸县网络零售额 123.46 万元，同比增长 23.5%，环比下降 4.2%，其中农产品 61.73 万元，占 50.0%。',
      '增长的有：农产品网络零售额（同比+40.0%）。',
      '下降的有：下行包裹数（同比-12.5%）。',
      '未达目标：网络零售额完成目标的 95.0%（目标 130.00 万元）。',
      '已达目标：电子商务企业数。',
      '站点服务人次的数据来源尚未接入，报告中标为“待接入”。',
      '48小时到村率本期无数据。',
    ]);
  });

  it('does not compare a period not yet over with whole ones: 本期未结束 where a change would be, targets as progress so far', () => {
    // The door gives no changes for an open period; even if a figure carried one, the summary would not print it.
    expect(writeSummary('鲁甸县', '2026年12月', [sales, produce, parcels, firms, services], true)).toEqual([
      '2026年12月，鲁甸县网络零售额 123.46 万元，本期未结束，暂不作同比、环比，其中农产品 61.73 万元，占 50.0%。',
      '目标进度（截至目前）：网络零售额完成目标的 95.0%；电子商务企业数完成目标的 150.0%。',
      '站点服务人次的数据来源尚未接入，报告中标为“待接入”。',
    ]);
  });

  it('tells the station services of the period, their amount and the poor households served, from the figures', () => {
    const live = [
      figure({ indicator: 'station_services', name: '站点服务人次', unit: 'person_times', value: 1234 }),
      figure({ indicator: 'station_service_amount', name: '站点服务金额', unit: 'fen', value: 5_678_900 }),
      figure({ indicator: 'station_poor_served', name: '服务贫困户人次', unit: 'person_times', value: 321 }),
    ];
    expect(writeSummary('鲁甸县', '2026年11月', live)).toEqual(['乡镇服务站和村级服务点办理代买、代卖、收购、缴费等服务 1,234 人次，涉及金额 5.68 万元，其中服务贫困户 321 人次。']);
    // No service in the period: no sentence (and no 待接入).
    expect(writeSummary('鲁甸县', '2026年11月', [figure({ indicator: 'station_services', name: '站点服务人次', unit: 'person_times', value: 0 })])).toEqual(['2026年11月暂无统计数据。']);
  });

  it('says there is nothing when there is nothing', () => {
    expect(writeSummary('鲁甸县', '2026年11月', [])).toEqual(['2026年11月暂无统计数据。']);
  });
});

describe('the self-evaluation', () => {
  it('judges a growth target against last year grown by the rate, an absolute one directly, and a missing source as 待接入', () => {
    const rows = evaluate('2026', [sales, firms, services, parcels]);
    expect(rows.map((r) => [r.name, r.targetValue, r.actual, r.completionPct, r.verdict])).toEqual([
      ['网络零售额', 130_000_000, 123_456_789, 95, '未达标'],
      ['电子商务企业数', 2, 3, 150, '达标'],
      ['站点服务人次', 5000, null, null, '待接入'],
    ]);
    expect(rows[0].evidence).toBe('2026年网络零售额 123.46 万元，上年 100.00 万元，目标增长 30% 即 130.00 万元；实际同比+23.5%，完成目标的 95.0%，尚差 6.54 万元。');
    expect(rows[2].evidence).toContain('尚未接入');
  });

  it('judges the training targets on person-times since the programme began, up to the year’s end', () => {
    const rows = evaluate('2026', [trainingTotal, poorTotal], CUMULATIVE);
    expect(rows.map((r) => [r.name, r.targetValue, r.actual, r.completionPct, r.verdict])).toEqual([
      ['累计电商培训人次', 3500, 3620, 103.4, '达标'],
      ['累计贫困人口培训人次', 350, 210, 60, '未达标'],
    ]);
    expect(rows[1].evidence).toBe('截至2026年底累计贫困人口培训人次 210 人次，目标 350 人次（2019-12-31 到期，按截至2026年底的累计数评价）；完成目标的 60.0%，尚差 140 人次。');
    expect(evaluate('2019', [trainingTotal], CUMULATIVE)[0].evidence).toBe('截至2019年底累计电商培训人次 3,620 人次，目标 3,500 人次（2019-12-31 前）；完成目标的 103.4%，达到目标。');
  });

  it('does not judge a growth target without last year’s figure', () => {
    const [row] = evaluate('2026', [{ ...sales, previousYear: null }]);
    expect(row).toMatchObject({ verdict: '待接入', completionPct: null });
    expect(row.evidence).toContain('上年无可比数据');
  });
});
