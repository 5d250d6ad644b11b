/**
 * The registration numbers a farm input carries on its label, by kind, as China issues them:
 *
 * - 农药 (pesticide): 农药登记证号 `PD` + year + four digits (PD20080001); registrations from before 1997 as
 *   `PD` + two-digit year + three digits + `-` + a serial (PD85150-14); hygiene pesticides `WP` + eight digits.
 *   Temporary numbers (LS, WL) have not been issued since 2017 and export-only ones (…F) may not be sold here.
 * - 肥料 (fertiliser): 肥料登记证号 of the ministry (农肥(2019)准字1234号), of a province (云农肥(2018)准字0123号),
 *   or of a microbial fertiliser (微生物肥(2018)准字(2345)号). Full-width and 〔〕 brackets are written as ( ).
 *   Compound fertilisers and urea made to a national standard are exempt (免于登记) and have none.
 * - 种子 (seed): 品种审定编号 of the state (国审玉20170013) or a province (滇审玉米2015012), 非主要农作物品种登记编号
 *   (GPD马铃薯(2018)530032), or 林木良种编号 for trees (云S-SV-ZB-008-2013).
 *
 * A pure rule: the caller gives the current year, so a number from the future is refused.
 */

export const FARM_INPUT_KINDS = ['seed', 'fertiliser', 'pesticide'] as const;
export type FarmInputKind = (typeof FARM_INPUT_KINDS)[number];
export const FARM_INPUT_KIND_LABELS: Record<FarmInputKind, string> = { seed: '种子', fertiliser: '肥料', pesticide: '农药' };

/** The one-character names of provinces, autonomous regions and municipalities that head a provincial number. */
const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新';

export type RegistrationCheck =
  /** `number` as it is kept and printed; `label` names it on the receipt (农药登记证号 …); `form` says which kind of number it is. */
  | { ok: true; number: string; label: string; form: string }
  | { ok: false; reason: string };

const FULL_WIDTH_BRACKETS: Record<string, string> = { '（': '(', '）': ')', '〔': '(', '〕': ')', '【': '(', '】': ')', '[': '(', ']': ')', '－': '-', '—': '-', '–': '-' };

/** Full-width letters, digits and brackets to their ordinary forms, spaces out, Latin letters upper case. */
export function normaliseRegistrationNumber(raw: string): string {
  return [...raw.normalize('NFKC')]
    .map((c) => FULL_WIDTH_BRACKETS[c] ?? c)
    .join('')
    .replace(/\s+/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

const FIRST_YEAR = { pesticide: 1997, fertiliser: 1989, seed: 1980 } as const;

function yearProblem(year: number, first: number, thisYear: number): string | null {
  if (year > thisYear) return `证号中的年份 ${year} 晚于今年`;
  if (year < first) return `证号中的年份 ${year} 早于这类证号开始核发的年份`;
  return null;
}

const refuse = (reason: string): RegistrationCheck => ({ ok: false, reason });

function pesticide(n: string, thisYear: number): RegistrationCheck {
  const label = '农药登记证号';
  const shape = '农药登记证号应为PD加8位数字（如PD20080001），1997年前的老证号如PD85150-14，卫生用农药为WP加8位数字';
  if (/^(LS|WL)\d{8}$/.test(n)) return refuse('临时登记证号（LS、WL开头）自2017年起不再核发，已经失效；请按农药标签上的正式登记证号（PD或WP开头）填写');
  if (/^PD\d{8}F$/.test(n)) return refuse('登记证号以F结尾的农药仅限出口，不得在境内销售');
  let m = /^(PD|WP)(\d{4})(\d{4})$/.exec(n);
  if (m) {
    const problem = yearProblem(Number(m[2]), FIRST_YEAR.pesticide, thisYear);
    if (problem) return refuse(`${problem}；${shape}`);
    if (m[3] === '0000') return refuse(`证号的顺序号不能为0000；${shape}`);
    return { ok: true, number: n, label, form: m[1] === 'WP' ? '卫生用农药登记' : '农药登记' };
  }
  m = /^PD(\d{2})(\d{3})-(\d{1,3})$/.exec(n);
  if (m) {
    const year = 1900 + Number(m[1]);
    if (year < 1982 || year > 1996) return refuse(`老证号（PD后5位数字加“-”）只有1982至1996年核发的；${shape}`);
    return { ok: true, number: n, label, form: '农药登记（1997年前核发）' };
  }
  return refuse(shape);
}

function fertiliser(raw: string, thisYear: number): RegistrationCheck {
  const label = '肥料登记证号';
  const shape = '肥料登记证号应如 农肥(2019)准字1234号、云农肥(2018)准字0123号 或 微生物肥(2018)准字(2345)号';
  const n = raw.endsWith('号') ? raw : `${raw}号`;
  const forms: [RegExp, string][] = [
    [/^农肥\((\d{4})\)(准|临)字(\d{3,5})号$/, '肥料登记（农业农村部）'],
    [new RegExp(`^([${PROVINCES}])农肥\\((\\d{4})\\)(准|临)字(\\d{3,5})号$`), '肥料登记（省级）'],
    [/^微生物肥\((\d{4})\)(准|临)字\((\d{3,5})\)号$/, '微生物肥料登记'],
  ];
  for (const [pattern, form] of forms) {
    const m = pattern.exec(n);
    if (!m) continue;
    const [year, grant] = form === '肥料登记（省级）' ? [m[2], m[3]] : [m[1], m[2]];
    if (grant === '临') return refuse('肥料临时登记（临字）自2017年起已取消，原证号已经失效；请按包装上的正式登记证号（准字）填写');
    const problem = yearProblem(Number(year), FIRST_YEAR.fertiliser, thisYear);
    if (problem) return refuse(`${problem}；${shape}`);
    return { ok: true, number: n, label, form };
  }
  if (/^\d/.test(raw) || /^[A-Z]/.test(raw)) return refuse(`${shape}；执行国家标准、免于登记的复合肥、尿素等不填登记证号`);
  return refuse(shape);
}

function seed(raw: string, thisYear: number): RegistrationCheck {
  const shape = '种子应填品种审定编号（如 国审玉20170013、滇审玉米2015012）、品种登记编号（如 GPD马铃薯(2018)530032）或林木良种编号（如 云S-SV-ZB-008-2013）';
  const n = raw.replace(/号$/, '');
  const checkYear = (year: string, ok: RegistrationCheck): RegistrationCheck => {
    const problem = yearProblem(Number(year), FIRST_YEAR.seed, thisYear);
    return problem ? refuse(`${problem}；${shape}`) : ok;
  };
  let m = new RegExp(`^(国|[${PROVINCES}])审([\\u4e00-\\u9fa5]{1,4})(\\d{4})(\\d{3,4})$`).exec(n);
  if (m) return checkYear(m[3], { ok: true, number: n, label: '品种审定编号', form: m[1] === '国' ? '主要农作物品种审定（国家级）' : '主要农作物品种审定（省级）' });
  m = /^GPD([\u4e00-\u9fa5]{1,8})\((\d{4})\)(\d{6})$/.exec(n);
  if (m) {
    const province = Number(m[3].slice(0, 2));
    if (province < 11 || province > 82) return refuse(`品种登记编号括号后6位数字的前两位是省份代码（如云南53）；${shape}`);
    return checkYear(m[2], { ok: true, number: n, label: '品种登记编号', form: '非主要农作物品种登记' });
  }
  m = new RegExp(`^(国|[${PROVINCES}])(S|R)-([A-Z]{2,3})-([A-Z]{2,4})-(\\d{3})-(\\d{4})$`).exec(n);
  if (m) return checkYear(m[6], { ok: true, number: n, label: '林木良种编号', form: m[2] === 'S' ? '林木良种审定' : '林木良种认定' });
  return refuse(shape);
}

/**
 * Whether `raw` is a registration number of its kind: the number as kept (normalised) or a Chinese reason.
 * `thisYear` is the current year (Shanghai).
 */
export function checkRegistrationNumber(kind: FarmInputKind, raw: string, thisYear: number): RegistrationCheck {
  const n = normaliseRegistrationNumber(raw);
  if (!n) return refuse(`${FARM_INPUT_KIND_LABELS[kind]}须填登记证号`);
  if (kind === 'pesticide') return pesticide(n, thisYear);
  if (kind === 'fertiliser') return fertiliser(n, thisYear);
  return seed(n, thisYear);
}

/** What a kind's number is called, for labels and forms. */
export const REGISTRATION_LABELS: Record<FarmInputKind, string> = { pesticide: '农药登记证号', fertiliser: '肥料登记证号', seed: '品种审定/登记编号' };
