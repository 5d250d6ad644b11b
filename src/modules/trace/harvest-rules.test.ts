import { describe, expect, it } from 'vitest';
import { harvestFindings, newFindings, type RuleRecord } from './harvest-rules.js';

const spray = (id: string, on: string, extra: Partial<NonNullable<RuleRecord['application']>> = {}): RuleRecord => ({ id, occurredOn: on, failed: null, application: { recordId: id, productName: '阿维菌素', registrationNo: 'PD1', appliedOn: on, intervalDays: 14, maxUsesPerSeason: 2, ...extra } });
const test = (id: string, on: string, failed: string[]): RuleRecord => ({ id, occurredOn: on, application: null, failed });

describe('harvest rules', () => {
  it('finds an interval not kept, a use over the label, a failed test; only before the harvest in its season', () => {
    const book = [spray('a', '2026-05-01'), spray('b', '2026-05-20'), spray('c', '2026-06-01'), test('t', '2026-06-05', ['铅']), spray('late', '2026-06-20'), test('t2', '2025-06-05', ['铅'])];
    expect(harvestFindings(book, '2026-06-10').map((f) => [f.code, f.recordId])).toEqual([
      ['INTERVAL_NOT_KEPT', 'c'],
      ['MAX_USES_EXCEEDED', 'c'],
      ['LAB_TEST_FAILED', 't'],
    ]);
    // The day the interval ends is allowed.
    expect(harvestFindings([spray('a', '2026-05-01')], '2026-05-15')).toEqual([]);
    expect(harvestFindings([spray('a', '2026-05-01')], '2026-05-14').map((f) => f.code)).toEqual(['INTERVAL_NOT_KEPT']);
  });

  it('reports what a new record adds, and nothing for a correction that changes no breach', () => {
    const before = [spray('a', '2026-05-01'), spray('b', '2026-05-20')];
    expect(newFindings(before, [...before, spray('c', '2026-05-25')], '2026-06-30').map((f) => f.code)).toEqual(['MAX_USES_EXCEEDED']);
    const late = [spray('x', '2026-06-01')];
    expect(newFindings(late, [spray('y', '2026-06-01')], '2026-06-10')).toEqual([]);
    expect(newFindings([], late, '2026-06-10').map((f) => f.code)).toEqual(['INTERVAL_NOT_KEPT']);
  });
});
