import { describe, expect, it } from 'vitest';
import { amountOf, gradeLine, gradeLines, kgText, standardInForce, standardProblems, type GradeStandard } from './grading.js';

const moisture = { key: 'moisture', label: '含水率', unit: '%' };
const impurity = { key: 'impurity', label: '杂质', unit: '%' };
const pepper: GradeStandard = {
  produce: 'sichuan_pepper',
  name: '花椒',
  version: 1,
  validFrom: '2026-01-01T00:00:00.000Z',
  grades: [
    { key: 'special', name: '特级', priceFenPerKg: 12000, criteria: [{ ...moisture, max: 9 }, { ...impurity, max: 1 }] },
    { key: 'first', name: '一级', priceFenPerKg: 10000, criteria: [{ ...moisture, max: 11 }, { ...impurity, max: 2 }] },
  ],
  offGradePriceFenPerKg: 6000,
};

describe('grading a produce intake line', () => {
  it('takes the best grade whose every criterion holds, limits inclusive', () => {
    expect(gradeLine(pepper, { grossG: 10_500, tareG: 500, measurements: { moisture: 9, impurity: 1 } })).toEqual({
      ok: true,
      line: { grossG: 10_500, tareG: 500, netG: 10_000, grade: 'special', gradeName: '特级', priceFenPerKg: 12000, amountFen: 120_000, measurements: { moisture: 9, impurity: 1 } },
    });
    // one criterion of 特级 fails (moisture 9.5 > 9): 一级
    const r = gradeLine(pepper, { grossG: 2_000, tareG: 0, measurements: { moisture: 9.5, impurity: 0.5 } });
    expect(r.ok && [r.line.grade, r.line.amountFen]).toEqual(['first', 20_000]);
  });

  it('falls to 等外 at the off-grade price, or refuses when the standard takes none', () => {
    const r = gradeLine(pepper, { grossG: 1_000, tareG: 0, measurements: { moisture: 14, impurity: 1 } });
    expect(r.ok && [r.line.grade, r.line.gradeName, r.line.priceFenPerKg, r.line.amountFen]).toEqual(['off', '等外', 6000, 6000]);
    expect(gradeLine({ ...pepper, offGradePriceFenPerKg: null }, { grossG: 1_000, tareG: 0, measurements: { moisture: 14, impurity: 1 } }, 'lines[3]')).toEqual({
      ok: false,
      refusal: { code: 'OFF_GRADE_NOT_TAKEN', message: '这批花椒达不到最低等级，本站不收等外品', field: 'lines[3].measurements' },
    });
  });

  it('refuses a tare not below the gross, and a missing or unknown measurement, naming the field', () => {
    const refusal = (line: Parameters<typeof gradeLine>[1]) => {
      const r = gradeLine(pepper, line, 'lines[0]');
      return r.ok ? null : [r.refusal.code, r.refusal.field];
    };
    expect(refusal({ grossG: 500, tareG: 500, measurements: { moisture: 9, impurity: 1 } })).toEqual(['TARE_NOT_BELOW_GROSS', 'lines[0].tareG']);
    expect(refusal({ grossG: 500, tareG: 0, measurements: { moisture: 9 } })).toEqual(['MEASUREMENT_MISSING', 'lines[0].measurements.impurity']);
    expect(refusal({ grossG: 500, tareG: 0, measurements: { moisture: 9, impurity: 1, colour: 3 } })).toEqual(['MEASUREMENT_UNKNOWN', 'lines[0].measurements.colour']);
    expect(refusal({ grossG: 500.5, tareG: 0, measurements: { moisture: 9, impurity: 1 } })).toEqual(['WEIGHT_INVALID', 'lines[0].grossG']);
  });

  it('rounds the amount half up in whole fen', () => {
    expect(amountOf(1_005, 1_000)).toBe(1_005); // exact
    expect(amountOf(1, 500)).toBe(1); // 0.5 fen → 1
    expect(amountOf(1, 499)).toBe(0); // 0.499 fen → 0
    expect(amountOf(3_333, 7_777)).toBe(25_921); // 25 920.741 → 25 921
  });

  it('totals a receipt from its lines and stops at the first refused line', () => {
    const ok = gradeLines(pepper, [
      { grossG: 10_500, tareG: 500, measurements: { moisture: 8, impurity: 0 } },
      { grossG: 5_250, tareG: 250, measurements: { moisture: 10, impurity: 2 } },
    ]);
    expect(ok.ok && [ok.netG, ok.totalFen, ok.lines.map((l) => l.grade)]).toEqual([15_000, 170_000, ['special', 'first']]);
    const bad = gradeLines(pepper, [{ grossG: 1_000, tareG: 0, measurements: { moisture: 8, impurity: 0 } }, { grossG: 1_000, tareG: 1_200, measurements: { moisture: 8, impurity: 0 } }], 'body.records[1].lines');
    expect(!bad.ok && bad.refusal.field).toBe('body.records[1].lines[1].tareG');
  });
});

describe('the version in force', () => {
  const v = (version: number, validFrom: string) => ({ produce: 'sichuan_pepper', version, validFrom });
  const versions = [v(1, '2026-01-01T00:00:00.000Z'), v(2, '2026-12-08T00:00:00.000Z'), v(3, '2026-12-08T00:00:00.000Z'), { ...v(9, '2026-01-01T00:00:00.000Z'), produce: 'walnut' }];

  it('is the latest started one at the receipt’s time, so a receipt made yesterday keeps yesterday’s price', () => {
    expect(standardInForce(versions, 'sichuan_pepper', '2026-12-07T23:59:59.999Z')?.version).toBe(1);
    expect(standardInForce(versions, 'sichuan_pepper', '2026-12-08T00:00:00.000Z')?.version).toBe(3);
    expect(standardInForce(versions, 'sichuan_pepper', '2025-12-31T00:00:00.000Z')).toBeNull();
    expect(standardInForce(versions, 'apple', '2026-12-08T00:00:00.000Z')).toBeNull();
  });
});

describe('checking a standard a county admin sends', () => {
  it('accepts the default kind of standard', () => {
    expect(standardProblems(pepper)).toEqual([]);
  });

  it('names what is wrong', () => {
    const bad = {
      grades: [
        { key: 'a', name: '一级', priceFenPerKg: 100, criteria: [{ ...moisture, min: 10, max: 5 }, { key: 'size', label: '果径', unit: 'mm' }] },
        { key: 'a', name: '二级', priceFenPerKg: 200, criteria: [{ key: 'moisture', label: '水分', unit: '%', max: 12 }] },
      ],
      offGradePriceFenPerKg: 300,
    };
    expect(standardProblems(bad).map((p) => p.field)).toEqual(['grades[0].criteria[0].min', 'grades[0].criteria[1]', 'grades[1].key', 'grades[1].criteria[0].label', 'grades[1].priceFenPerKg', 'offGradePriceFenPerKg']);
    expect(standardProblems({ grades: [], offGradePriceFenPerKg: null })).toEqual([{ field: 'grades', message: '至少需要一个等级' }]);
  });
});

describe('weights as the receipt shows them', () => {
  it('gives kg without trailing zeros', () => {
    expect([kgText(25_000), kgText(10_033), kgText(12_500), kgText(2_050), kgText(7)]).toEqual(['25 kg', '10.033 kg', '12.5 kg', '2.05 kg', '0.007 kg']);
  });
});
