import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, earliestHarvest, intervalBreaches, useNumber, type Application } from './interval-rule.js';

const abamectin = (recordId: string, appliedOn: string): Application => ({ recordId, productName: '1.8%阿维菌素乳油', registrationNo: 'PD20080123', appliedOn, intervalDays: 14, maxUsesPerSeason: 2 });

describe('the pre-harvest interval', () => {
  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-08-25', '2026-09-08')).toBe(14);
    expect(daysBetween('2025-12-25', '2026-01-08')).toBe(14);
    expect(addDays('2024-02-20', 14)).toBe('2024-03-05');
  });

  it('allows the harvest on the day the interval ends and refuses the day before', () => {
    const sprays = [abamectin('r1', '2026-08-25')];
    expect(intervalBreaches(sprays, '2026-09-08')).toEqual([]);
    expect(intervalBreaches(sprays, '2026-09-07')).toEqual([{ recordId: 'r1', productName: '1.8%阿维菌素乳油', appliedOn: '2026-08-25', intervalDays: 14, earliestOn: '2026-09-08' }]);
    expect(earliestHarvest(sprays)).toBe('2026-09-08');
  });

  it('ignores applications after the harvest day and fertiliser without an interval', () => {
    expect(intervalBreaches([abamectin('r1', '2026-09-10'), { recordId: 'f', productName: '有机肥', appliedOn: '2026-09-01' }], '2026-09-05')).toEqual([]);
  });

  it('takes the latest end when several products restrict the harvest', () => {
    expect(earliestHarvest([abamectin('a', '2026-08-01'), { recordId: 'b', productName: '43%戊唑醇悬浮剂', appliedOn: '2026-07-20', intervalDays: 35 }])).toBe('2026-08-24');
    expect(earliestHarvest([])).toBeNull();
  });

  it('numbers the uses of one product within a season, by registration number', () => {
    const uses = [abamectin('a', '2026-04-01'), abamectin('b', '2026-06-01'), { ...abamectin('c', '2026-07-01'), productName: '阿维菌素（另一写法）' }, abamectin('d', '2025-07-01')];
    expect(useNumber(uses, uses[2])).toBe(3);
    expect(useNumber(uses, uses[3])).toBe(1);
  });
});
