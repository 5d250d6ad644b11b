/**
 * 收购分级 The grading rule of a produce intake line, pure and without imports so the phone grades with the same
 * file offline as the server does when the receipt arrives.
 *
 * A standard lists its grades best first; a grade holds when every one of its criteria holds (min and max are
 * inclusive). A line takes the best grade that holds, else 等外 (off-grade) at the standard's off-grade price, or
 * is refused when the standard takes no off-grade produce. Net weight is gross − tare (tare below gross); the
 * amount is netG × priceFenPerKg / 1000 rounded half up, in whole fen.
 */

export interface Criterion {
  /** The measurement's key, e.g. `moisture` (the same key in every grade of one standard). */
  key: string;
  /** Chinese label shown to operators and villagers, e.g. 含水率. */
  label: string;
  /** Unit of the measurement, e.g. `%`, `mm`, `g`. */
  unit: string;
  min?: number;
  max?: number;
}

export interface Grade {
  key: string;
  /** 特级, 一级 … */
  name: string;
  priceFenPerKg: number;
  criteria: Criterion[];
}

export interface GradeStandard {
  /** The produce's key, e.g. `sichuan_pepper`. */
  produce: string;
  /** 花椒 */
  name: string;
  version: number;
  /** ISO time from which this version is in force. */
  validFrom: string;
  /** Best first. */
  grades: Grade[];
  /** What off-grade (等外) produce is bought at, or null when it is not bought. */
  offGradePriceFenPerKg: number | null;
}

export interface LineInput {
  grossG: number;
  tareG: number;
  measurements: Record<string, number>;
}

export interface GradedLine {
  grossG: number;
  tareG: number;
  netG: number;
  /** A grade's key, or `off` for 等外. */
  grade: string;
  gradeName: string;
  priceFenPerKg: number;
  amountFen: number;
  measurements: Record<string, number>;
}

export type GradeRefusal = { code: 'TARE_NOT_BELOW_GROSS' | 'MEASUREMENT_MISSING' | 'MEASUREMENT_UNKNOWN' | 'OFF_GRADE_NOT_TAKEN' | 'WEIGHT_INVALID'; message: string; field: string };

export const OFF_GRADE = 'off';
export const OFF_GRADE_NAME = '等外';

/** Every criterion a standard measures, in the order first met (key → criterion as the first grade gives it). */
export function criteriaOf(standard: Pick<GradeStandard, 'grades'>): Criterion[] {
  const seen = new Map<string, Criterion>();
  for (const g of standard.grades) for (const c of g.criteria) if (!seen.has(c.key)) seen.set(c.key, { key: c.key, label: c.label, unit: c.unit });
  return [...seen.values()];
}

export const holds = (c: Criterion, value: number) => (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max);

/** The amount for a net weight at a price per kg: round half up of netG × price / 1000, in fen. */
export const amountOf = (netG: number, priceFenPerKg: number) => Math.floor((netG * priceFenPerKg + 500) / 1000);

/** A weight in grams as the receipt shows it, in kg without trailing zeros: 25 kg, 10.033 kg. */
export const kgText = (g: number) => `${(g / 1000).toFixed(g % 1000 === 0 ? 0 : g % 100 === 0 ? 1 : g % 10 === 0 ? 2 : 3)} kg`;

/** Grades one line; `field` prefixes the refusal's field name (e.g. `body.records[0].lines[2]`). */
export function gradeLine(standard: GradeStandard, line: LineInput, field = 'line'): { ok: true; line: GradedLine } | { ok: false; refusal: GradeRefusal } {
  const refuse = (code: GradeRefusal['code'], message: string, at: string) => ({ ok: false as const, refusal: { code, message, field: `${field}.${at}` } });
  if (!Number.isInteger(line.grossG) || line.grossG <= 0) return refuse('WEIGHT_INVALID', '毛重须为正整数克', 'grossG');
  if (!Number.isInteger(line.tareG) || line.tareG < 0) return refuse('WEIGHT_INVALID', '皮重须为非负整数克', 'tareG');
  if (line.tareG >= line.grossG) return refuse('TARE_NOT_BELOW_GROSS', '皮重不能大于或等于毛重', 'tareG');
  const criteria = criteriaOf(standard);
  const known = new Set(criteria.map((c) => c.key));
  const unknown = Object.keys(line.measurements).find((k) => !known.has(k));
  if (unknown !== undefined) return refuse('MEASUREMENT_UNKNOWN', `${standard.name}的分级标准没有这一项：${unknown}`, `measurements.${unknown}`);
  const missing = criteria.find((c) => typeof line.measurements[c.key] !== 'number' || !Number.isFinite(line.measurements[c.key]));
  if (missing) return refuse('MEASUREMENT_MISSING', `请填写${missing.label}（${missing.unit}）`, `measurements.${missing.key}`);
  const netG = line.grossG - line.tareG;
  const grade = standard.grades.find((g) => g.criteria.every((c) => holds(c, line.measurements[c.key])));
  const measurements: Record<string, number> = {};
  for (const c of criteria) measurements[c.key] = line.measurements[c.key];
  if (grade) return { ok: true, line: { grossG: line.grossG, tareG: line.tareG, netG, grade: grade.key, gradeName: grade.name, priceFenPerKg: grade.priceFenPerKg, amountFen: amountOf(netG, grade.priceFenPerKg), measurements } };
  if (standard.offGradePriceFenPerKg === null) return refuse('OFF_GRADE_NOT_TAKEN', `这批${standard.name}达不到最低等级，本站不收等外品`, 'measurements');
  const price = standard.offGradePriceFenPerKg;
  return { ok: true, line: { grossG: line.grossG, tareG: line.tareG, netG, grade: OFF_GRADE, gradeName: OFF_GRADE_NAME, priceFenPerKg: price, amountFen: amountOf(netG, price), measurements } };
}

/** Grades every line of a receipt, stopping at the first refusal; the total is the sum of the lines' amounts. */
export function gradeLines(standard: GradeStandard, lines: LineInput[], field = 'lines'): { ok: true; lines: GradedLine[]; netG: number; totalFen: number } | { ok: false; refusal: GradeRefusal } {
  const graded: GradedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = gradeLine(standard, lines[i], `${field}[${i}]`);
    if (!r.ok) return r;
    graded.push(r.line);
  }
  return { ok: true, lines: graded, netG: graded.reduce((n, l) => n + l.netG, 0), totalFen: graded.reduce((n, l) => n + l.amountFen, 0) };
}

/**
 * The version of a produce's standard in force at `at`: the one with the latest `validFrom` not after `at` (of
 * two with the same `validFrom`, the higher version). Null when none had started.
 */
export function standardInForce<S extends Pick<GradeStandard, 'produce' | 'version' | 'validFrom'>>(versions: S[], produce: string, at: string): S | null {
  const t = Date.parse(at);
  let best: S | null = null;
  for (const v of versions) {
    if (v.produce !== produce || Date.parse(v.validFrom) > t) continue;
    if (!best || Date.parse(v.validFrom) > Date.parse(best.validFrom) || (v.validFrom === best.validFrom && v.version > best.version)) best = v;
  }
  return best;
}

/**
 * What is wrong with a standard a county admin sends, each with the field (relative to the standard) — empty when
 * it can be used: at least one grade, unique grade keys, a criterion's label and unit the same in every grade,
 * min ≤ max, every criterion bounded, prices falling from the best grade down to off-grade.
 */
export function standardProblems(standard: Pick<GradeStandard, 'grades' | 'offGradePriceFenPerKg'>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (standard.grades.length === 0) problems.push({ field: 'grades', message: '至少需要一个等级' });
  const keys = new Set<string>();
  const firstOf = new Map<string, Criterion>();
  standard.grades.forEach((g, i) => {
    if (g.key === OFF_GRADE || keys.has(g.key)) problems.push({ field: `grades[${i}].key`, message: g.key === OFF_GRADE ? `"${OFF_GRADE}" 留给等外` : '等级代码重复' });
    keys.add(g.key);
    const criterionKeys = new Set<string>();
    g.criteria.forEach((c, j) => {
      const at = `grades[${i}].criteria[${j}]`;
      if (criterionKeys.has(c.key)) problems.push({ field: `${at}.key`, message: '同一等级内指标重复' });
      criterionKeys.add(c.key);
      if (c.min === undefined && c.max === undefined) problems.push({ field: at, message: '指标须有下限或上限' });
      if (c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push({ field: `${at}.min`, message: '下限大于上限' });
      const first = firstOf.get(c.key);
      if (!first) firstOf.set(c.key, c);
      else if (first.label !== c.label || first.unit !== c.unit) problems.push({ field: `${at}.label`, message: `指标 ${c.key} 在各等级的名称和单位须一致（${first.label}，${first.unit}）` });
    });
    if (i > 0 && g.priceFenPerKg > standard.grades[i - 1].priceFenPerKg) problems.push({ field: `grades[${i}].priceFenPerKg`, message: '较低等级的价格不能高于较高等级' });
  });
  const lowest = standard.grades[standard.grades.length - 1];
  if (lowest && standard.offGradePriceFenPerKg !== null && standard.offGradePriceFenPerKg > lowest.priceFenPerKg) problems.push({ field: 'offGradePriceFenPerKg', message: '等外价格不能高于最低等级' });
  return problems;
}
