import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber, normaliseRegistrationNumber } from './registration-number.js';

const YEAR = 2026;
const ok = (number: string, label: string, form: string) => ({ ok: true, number, label, form });
const reason = (kind: Parameters<typeof checkRegistrationNumber>[0], raw: string) => {
  const checked = checkRegistrationNumber(kind, raw, YEAR);
  if (checked.ok) throw new Error(`${raw} was accepted as ${kind}`);
  return checked.reason;
};

describe('pesticide registration numbers (农药登记证号)', () => {
  it('takes PD with a year and four digits, the pre-1997 PD…-… form and WP for hygiene use', () => {
    expect(checkRegistrationNumber('pesticide', 'PD20080001', YEAR)).toEqual(ok('PD20080001', '农药登记证号', '农药登记'));
    expect(checkRegistrationNumber('pesticide', ' pd 2008 0001 ', YEAR)).toEqual(ok('PD20080001', '农药登记证号', '农药登记'));
    expect(checkRegistrationNumber('pesticide', 'ＰＤ２０１２１２３４', YEAR)).toEqual(ok('PD20121234', '农药登记证号', '农药登记'));
    expect(checkRegistrationNumber('pesticide', 'PD85150-14', YEAR)).toEqual(ok('PD85150-14', '农药登记证号', '农药登记（1997年前核发）'));
    expect(checkRegistrationNumber('pesticide', 'PD86101－2', YEAR)).toEqual(ok('PD86101-2', '农药登记证号', '农药登记（1997年前核发）'));
    expect(checkRegistrationNumber('pesticide', 'WP20110123', YEAR)).toEqual(ok('WP20110123', '农药登记证号', '卫生用农药登记'));
  });

  it('refuses temporary and export-only numbers, years ahead, and other shapes, saying why in Chinese', () => {
    expect(reason('pesticide', 'LS20080001')).toMatch(/临时登记证号.*2017年起不再核发/);
    expect(reason('pesticide', 'PD20080001F')).toBe('登记证号以F结尾的农药仅限出口，不得在境内销售');
    expect(reason('pesticide', 'PD20270001')).toMatch(/^证号中的年份 2027 晚于今年；/);
    expect(reason('pesticide', 'PD19900001')).toMatch(/^证号中的年份 1990 早于/);
    expect(reason('pesticide', 'PD20080000')).toMatch(/顺序号不能为0000/);
    expect(reason('pesticide', 'PD99150-1')).toMatch(/1982至1996年/);
    expect(reason('pesticide', 'PD2008001')).toBe('农药登记证号应为PD加8位数字（如PD20080001），1997年前的老证号如PD85150-14，卫生用农药为WP加8位数字');
    expect(reason('pesticide', '农肥(2019)准字1234号')).toMatch(/^农药登记证号应为PD/);
    expect(reason('pesticide', '  ')).toBe('农药须填登记证号');
  });
});

describe('fertiliser registration numbers (肥料登记证号)', () => {
  it('takes the ministry, provincial and microbial forms, full-width and 〔〕 brackets written as ( )', () => {
    expect(checkRegistrationNumber('fertiliser', '农肥(2019)准字1234号', YEAR)).toEqual(ok('农肥(2019)准字1234号', '肥料登记证号', '肥料登记（农业农村部）'));
    expect(checkRegistrationNumber('fertiliser', '农肥（2019）准字1234号', YEAR)).toEqual(ok('农肥(2019)准字1234号', '肥料登记证号', '肥料登记（农业农村部）'));
    expect(checkRegistrationNumber('fertiliser', '农肥〔2021〕准字 12345 号', YEAR)).toEqual(ok('农肥(2021)准字12345号', '肥料登记证号', '肥料登记（农业农村部）'));
    expect(checkRegistrationNumber('fertiliser', '云农肥(2018)准字0123号', YEAR)).toEqual(ok('云农肥(2018)准字0123号', '肥料登记证号', '肥料登记（省级）'));
    expect(checkRegistrationNumber('fertiliser', '微生物肥（2018）准字（2345）号', YEAR)).toEqual(ok('微生物肥(2018)准字(2345)号', '肥料登记证号', '微生物肥料登记'));
    // 号 forgotten at the end is added.
    expect(checkRegistrationNumber('fertiliser', '农肥(2019)准字1234', YEAR)).toEqual(ok('农肥(2019)准字1234号', '肥料登记证号', '肥料登记（农业农村部）'));
  });

  it('refuses temporary registrations, unknown provinces, years ahead and standard numbers, saying why', () => {
    expect(reason('fertiliser', '农肥(2015)临字1234号')).toMatch(/临时登记（临字）自2017年起已取消/);
    expect(reason('fertiliser', '微生物肥(2016)临字(2345)号')).toMatch(/临字/);
    expect(reason('fertiliser', '农肥(2030)准字1234号')).toMatch(/^证号中的年份 2030 晚于今年；肥料登记证号应如/);
    expect(reason('fertiliser', '美农肥(2018)准字0123号')).toMatch(/^肥料登记证号应如/);
    expect(reason('fertiliser', 'GB/T 15063-2020')).toMatch(/免于登记的复合肥、尿素等不填登记证号$/);
    expect(reason('fertiliser', 'PD20080001')).toMatch(/免于登记/);
  });
});

describe('seed variety numbers (品种审定 / 登记编号, 林木良种编号)', () => {
  it('takes state and provincial approvals, variety registrations and tree approvals', () => {
    expect(checkRegistrationNumber('seed', '国审玉20170013', YEAR)).toEqual(ok('国审玉20170013', '品种审定编号', '主要农作物品种审定（国家级）'));
    expect(checkRegistrationNumber('seed', '国审稻2003001号', YEAR)).toEqual(ok('国审稻2003001', '品种审定编号', '主要农作物品种审定（国家级）'));
    expect(checkRegistrationNumber('seed', '滇审玉米2015012', YEAR)).toEqual(ok('滇审玉米2015012', '品种审定编号', '主要农作物品种审定（省级）'));
    expect(checkRegistrationNumber('seed', 'GPD马铃薯(2018)530032', YEAR)).toEqual(ok('GPD马铃薯(2018)530032', '品种登记编号', '非主要农作物品种登记'));
    expect(checkRegistrationNumber('seed', 'gpd苹果（2019）530011', YEAR)).toEqual(ok('GPD苹果(2019)530011', '品种登记编号', '非主要农作物品种登记'));
    expect(checkRegistrationNumber('seed', '云S-SV-ZB-008-2013', YEAR)).toEqual(ok('云S-SV-ZB-008-2013', '林木良种编号', '林木良种审定'));
    expect(checkRegistrationNumber('seed', '云R-SV-ZB-012-2019', YEAR)).toEqual(ok('云R-SV-ZB-012-2019', '林木良种编号', '林木良种认定'));
  });

  it('refuses numbers of other kinds, a bad province code and years ahead, saying why', () => {
    expect(reason('seed', 'PD20080001')).toMatch(/^种子应填品种审定编号/);
    expect(reason('seed', 'GPD马铃薯(2018)990032')).toMatch(/前两位是省份代码/);
    expect(reason('seed', '国审玉20290013')).toMatch(/^证号中的年份 2029 晚于今年；种子应填/);
    expect(reason('seed', '美审玉米2015012')).toMatch(/^种子应填/);
    expect(reason('seed', '云S-SV-ZB-008-2031')).toMatch(/2031 晚于今年/);
  });
});

describe('normalising', () => {
  it('turns full-width forms and Chinese brackets into ordinary ones and drops spaces', () => {
    expect(normaliseRegistrationNumber(' 微生物肥〔２０１８〕准字【２３４５】号 ')).toBe('微生物肥(2018)准字(2345)号');
    expect(normaliseRegistrationNumber('pd 2008\u30000001')).toBe('PD20080001');
  });
});
