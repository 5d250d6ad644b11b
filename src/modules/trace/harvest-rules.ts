import { intervalBreaches, productKey, seasonOf, type Application } from './interval-rule.js';
import type { Finding, IntervalBreach } from './trace.schema.js';

/** A record as the harvest rules read it: a pesticide application, a lab test, or something they ignore. */
export interface RuleRecord {
  id: string;
  occurredOn: string;
  application: Application | null;
  /** The names of a lab test's failed items; null for other records. */
  failed: string[] | null;
}

/** A finding with the key that says whether two readings of the book found the same breach. */
export type KeyedFinding = Finding & { key: string; breach?: IntervalBreach };

/**
 * The rules a harvest on `harvestedOn` breaks, read from the records that count (corrections applied): a
 * pesticide's pre-harvest interval not kept, more uses of a product this season (up to the harvest) than its label
 * allows, a failed lab test this season before the harvest. A breach keeps its key when the record naming it is
 * corrected without changing it.
 */
export function harvestFindings(records: RuleRecord[], harvestedOn: string): KeyedFinding[] {
  const season = seasonOf(harvestedOn);
  const before = records.filter((r) => r.occurredOn <= harvestedOn && seasonOf(r.occurredOn) === season);
  const applications = before.map((r) => r.application).filter((a): a is Application => !!a);
  const findings: KeyedFinding[] = intervalBreaches(applications, harvestedOn).map((b) => ({
    key: `INTERVAL_NOT_KEPT|${productKey(applications.find((a) => a.recordId === b.recordId)!)}|${b.appliedOn}`,
    code: 'INTERVAL_NOT_KEPT',
    recordId: b.recordId,
    occurredOn: b.appliedOn,
    text: `${b.productName} applied ${b.appliedOn} with a ${b.intervalDays}-day interval; harvested ${harvestedOn}, allowed from ${b.earliestOn}`,
    breach: b,
  }));
  const byProduct = new Map<string, Application[]>();
  for (const a of [...applications].sort((x, y) => x.appliedOn.localeCompare(y.appliedOn) || x.recordId.localeCompare(y.recordId))) byProduct.set(productKey(a), [...(byProduct.get(productKey(a)) ?? []), a]);
  for (const [key, uses] of byProduct) {
    const limits = uses.map((u) => u.maxUsesPerSeason).filter((n): n is number => n !== undefined);
    if (limits.length === 0) continue;
    const max = Math.min(...limits);
    if (uses.length <= max) continue;
    const over = uses[max];
    findings.push({ key: `MAX_USES_EXCEEDED|${key}`, code: 'MAX_USES_EXCEEDED', recordId: over.recordId, occurredOn: over.appliedOn, text: `${over.productName}: ${uses.length} uses this season before the harvest; the label allows ${max}` });
  }
  for (const r of before.filter((x) => x.failed?.length)) {
    findings.push({ key: `LAB_TEST_FAILED|${r.occurredOn}|${[...r.failed!].sort().join(',')}`, code: 'LAB_TEST_FAILED', recordId: r.id, occurredOn: r.occurredOn, text: `lab test of ${r.occurredOn} failed: ${r.failed!.join(', ')}` });
  }
  return findings;
}

/** What a new record adds: the findings of the book with it that the book without it did not have. */
export function newFindings(without: RuleRecord[], withIt: RuleRecord[], harvestedOn: string): KeyedFinding[] {
  const had = new Set(harvestFindings(without, harvestedOn).map((f) => f.key));
  return harvestFindings(withIt, harvestedOn).filter((f) => !had.has(f.key));
}

/** Findings as stored and shown (the key is internal). */
export const unkeyed = (findings: KeyedFinding[]): Finding[] => findings.map(({ key: _key, breach: _breach, ...f }) => f);
