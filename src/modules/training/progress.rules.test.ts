import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, judgeMilestone } from './progress.rules.js';

describe('a training milestone judged', () => {
  const facts = { countedByDue: 1700, countedNow: 2000, paceCount: 180, paceDays: 90 };

  it('by what was counted by its due date once past: 达标 or 未达标 with the shortfall', () => {
    expect(judgeMilestone(1750, '2018-08-31', { ...facts, today: '2018-09-01' })).toEqual({ status: 'missed', verdict: '未达标', counted: 1700, daysLeft: 0, projection: null, behind: true, shortfall: 50 });
    expect(judgeMilestone(1700, '2018-08-31', { ...facts, today: '2018-09-01' })).toEqual({ status: 'met', verdict: '达标', counted: 1700, daysLeft: 0, projection: null, behind: false, shortfall: 0 });
  });

  it('on its due date still as ahead: counted so far with the pace of the day left', () => {
    expect(judgeMilestone(2001, '2018-08-31', { ...facts, today: '2018-08-31' })).toEqual({ status: 'behind', verdict: '进度落后', counted: 2000, daysLeft: 0, projection: 2000, behind: true, shortfall: 1 });
  });

  it('ahead of its due date: the projection from the pace (2 a day × 100 days left + 2 000)', () => {
    expect(judgeMilestone(2200, '2018-12-09', { ...facts, today: '2018-08-31' })).toEqual({ status: 'on_track', verdict: '进度正常', counted: 2000, daysLeft: 100, projection: 2200, behind: false, shortfall: 0 });
    expect(judgeMilestone(2201, '2018-12-09', { ...facts, today: '2018-08-31' })).toEqual({ status: 'behind', verdict: '进度落后', counted: 2000, daysLeft: 100, projection: 2200, behind: true, shortfall: 1 });
  });

  it('reached before its due date: 已达标, no projection', () => {
    expect(judgeMilestone(2000, '2019-12-31', { ...facts, today: '2018-08-31' })).toEqual({ status: 'reached', verdict: '已达标', counted: 2000, daysLeft: 487, projection: null, behind: false, shortfall: 0 });
  });

  it('with no pace at all, the projection is what is counted', () => {
    expect(judgeMilestone(10, '2019-12-31', { today: '2019-01-01', countedByDue: 0, countedNow: 0, paceCount: 0, paceDays: 0 })).toMatchObject({ status: 'behind', projection: 0, shortfall: 10 });
  });

  it('counts calendar days', () => {
    expect(daysBetween('2019-12-31', '2020-03-01')).toBe(61);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -89)).toBe('2019-12-03');
  });
});
