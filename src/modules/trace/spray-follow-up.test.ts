import { describe, expect, it } from 'vitest';
import { sprayFollowUp } from './spray-follow-up.js';

describe('a pesticide bought at a station, against the farm records after it', () => {
  it('counts a pesticide record from the day of purchase to 30 days after, on any plot', () => {
    expect(sprayFollowUp('pesticide', '2026-05-10', ['2026-05-10'], '2026-07-01')).toEqual({ status: 'recorded', appliedOn: '2026-05-10', until: '2026-06-09' });
    expect(sprayFollowUp('pesticide', '2026-05-10', ['2026-06-09', '2026-05-20'], '2026-07-01')).toEqual({ status: 'recorded', appliedOn: '2026-05-20', until: '2026-06-09' });
  });

  it('flags 购药后30天未见用药记录 when the only records are before the purchase or after the 30 days', () => {
    const missing = { status: 'missing', until: '2026-06-09', text: '购药后30天未见用药记录' };
    expect(sprayFollowUp('pesticide', '2026-05-10', [], '2026-06-10')).toEqual(missing);
    expect(sprayFollowUp('pesticide', '2026-05-10', ['2026-05-09', '2026-06-10'], '2026-06-20')).toEqual(missing);
  });

  it('waits while the 30 days are not over, across a month and a year end', () => {
    expect(sprayFollowUp('pesticide', '2026-05-10', [], '2026-06-09')).toEqual({ status: 'waiting', until: '2026-06-09' });
    expect(sprayFollowUp('pesticide', '2026-12-20', [], '2027-01-05')).toEqual({ status: 'waiting', until: '2027-01-19' });
  });

  it('does not follow seeds or fertiliser', () => {
    expect(sprayFollowUp('fertiliser', '2026-05-10', [], '2026-08-01')).toBeNull();
    expect(sprayFollowUp('seed', '2026-05-10', [], '2026-08-01')).toBeNull();
  });
});
