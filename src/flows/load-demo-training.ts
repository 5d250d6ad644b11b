import { residentIdCheck } from '../modules/parties/index.js';
import { TOWNSHIPS } from '../seed/ludian.js';
import { AUTUMN_2018, FOLLOWED, GIVEN_MEN, GIVEN_WOMEN, SPRING_2018, TRAINEE_SURNAMES, type DemoSession } from '../seed/ludian-training.js';

/** A small deterministic number from a string, so demo figures are the same on every load. */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** A deterministic stream of fractions in [0, 1) (mulberry32). */
function stream(seed: string): () => number {
  let a = hash(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlaceVillage {
  name: string;
  poor: boolean;
}

/** Villages (and communities) of each township by name, with the poor mark of ludian.ts. */
const VILLAGES = new Map<string, PlaceVillage[]>(
  TOWNSHIPS.map((t) => [t.code, [...t.communities, ...t.villages].map((entry) => ({ name: entry.split('@')[0].replace(/[*!]/g, ''), poor: entry.includes('!') }))]),
);
const TOWNSHIP_NAME = new Map(TOWNSHIPS.map((t) => [t.code, t.name]));

/** One person of the demo as a roster row: what a clerk types into the template. */
export interface DemoTrainee {
  name: string;
  idNumber: string;
  phone: string | null;
  townshipCode: string;
  townshipName: string;
  villageName: string;
  poor: boolean;
  disabled: boolean;
  partyMember: boolean;
  /** Only when the roster says so; blank rows are derived from the ID number. */
  woman: boolean | null;
  youth: boolean | null;
  /** Whose account this person is, when the demo links one (demo.village's operator). */
  account?: 'demo.village';
}

export interface PlannedSession extends DemoSession {
  /** Everyone on the roster; the first `present` of them attended. */
  roster: DemoTrainee[];
}

const pick = <T>(r: () => number, list: readonly T[] | string): T => list[Math.floor(r() * list.length)] as T;

/** The ID number of parties' demo farmer seller `serial` (the same rule as load-demo-parties.ts, so it is the same person). */
export function farmerSellerIdNumber(serial: number): string {
  const birthYear = 1968 + (serial % 20);
  const first17 = `530621${birthYear}0${1 + (serial % 9)}1${serial % 10}${String(100 + (serial % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheck(first17);
}

/**
 * The people of the demo's 2018 sessions, the same on every load: villagers of the session's township (the county
 * centre's sessions draw from all), cadres, point staff, young people, women, a poverty-alleviation session's
 * registered poor; advanced and elite courses mostly the same people again (the same ID number, so the same trainee).
 */
export function planSessions(): PlannedSession[] {
  const r = stream('ludian-training-2018');
  const used = new Set<string>();
  const phones = new Set<string>();
  const history: { track: 'sellers' | 'officials' | 'staff'; person: DemoTrainee }[] = [];
  const inHistory = new Set<DemoTrainee>();

  const idNumber = (birth: Date, woman: boolean): string => {
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    // Sequence numbers 000–099: parties' demo IDs use 100 and up, so nobody is made the same person by accident.
    for (let tries = 0; ; tries++) {
      const seq = Math.floor(r() * 50) * 2 + (woman ? 0 : 1);
      const first17 = `530621${ymd}${String(seq).padStart(3, '0')}`;
      const id = first17 + residentIdCheck(first17);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
      if (tries > 200) throw new Error(`no free ID number for ${ymd}`);
    }
  };
  const phone = (): string => {
    for (;;) {
      const p = `1${pick(r, ['3', '5', '8', '8', '3'])}${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };

  const newPerson = (s: DemoSession, township: string): DemoTrainee => {
    const a = s.audience;
    const woman = r() < (a === 'women' ? 0.88 : a === 'cadres' ? 0.3 : 0.46);
    const [minAge, maxAge] = a === 'youth' ? [19, 34] : a === 'cadres' ? [28, 56] : a === 'poor' ? [24, 58] : [20, 54];
    const age = minAge + Math.floor(r() * (maxAge - minAge + 1));
    const on = new Date(`${s.date}T00:00:00Z`);
    const birth = new Date(Date.UTC(on.getUTCFullYear() - age - 1, Math.floor(r() * 12), 1 + Math.floor(r() * 28)));
    const villages = VILLAGES.get(township)!;
    const village = pick(r, villages);
    const poorChance = a === 'poor' ? 0.62 : a === 'cadres' ? 0.01 : village.poor ? 0.12 : 0.03;
    const given = woman ? GIVEN_WOMEN : GIVEN_MEN;
    const name = pick<string>(r, TRAINEE_SURNAMES) + pick<string>(r, given) + (r() < 0.72 ? pick<string>(r, given) : '');
    const explicit = r() < 0.1;
    return {
      name,
      idNumber: idNumber(birth, woman),
      phone: r() < 0.86 ? phone() : null,
      townshipCode: township,
      townshipName: TOWNSHIP_NAME.get(township)!,
      villageName: village.name,
      poor: r() < poorChance,
      disabled: r() < (a === 'poor' ? 0.06 : 0.015),
      partyMember: r() < (a === 'cadres' ? 0.72 : a === 'staff' ? 0.22 : 0.06),
      woman: explicit ? woman : null,
      youth: null,
    };
  };
  const townshipOf = (s: DemoSession): string => (s.centre ? pick(r, TOWNSHIPS).code : s.township);
  const again = (s: DemoSession, track: 'sellers' | 'officials' | 'staff', taken: Set<string>): DemoTrainee | null => {
    const pool = history.filter((h) => h.track === track && (s.centre || h.person.townshipCode === s.township) && !taken.has(h.person.idNumber));
    return pool.length > 0 ? pick(r, pool).person : null;
  };

  const chunmei: DemoTrainee = {
    name: FOLLOWED.chunmei.name,
    idNumber: farmerSellerIdNumber(FOLLOWED.chunmei.sellerSerial),
    phone: null,
    townshipCode: FOLLOWED.chunmei.township,
    townshipName: TOWNSHIP_NAME.get(FOLLOWED.chunmei.township)!,
    villageName: FOLLOWED.chunmei.village,
    poor: true,
    disabled: false,
    partyMember: false,
    woman: true,
    youth: null,
  };
  const wuli: DemoTrainee = {
    name: FOLLOWED.wuli.name,
    idNumber: FOLLOWED.wuli.idNumber17 + residentIdCheck(FOLLOWED.wuli.idNumber17),
    phone: '13987081214',
    townshipCode: FOLLOWED.wuli.township,
    townshipName: TOWNSHIP_NAME.get(FOLLOWED.wuli.township)!,
    villageName: FOLLOWED.wuli.village,
    poor: false,
    disabled: false,
    partyMember: false,
    woman: null,
    youth: null,
  };
  const operatorFirst17 = '53062119850607001';
  const pointOperator: DemoTrainee = {
    name: '',
    idNumber: operatorFirst17 + residentIdCheck(operatorFirst17),
    phone: null,
    townshipCode: '530621110',
    townshipName: '乐红镇',
    villageName: '乐红村',
    poor: false,
    disabled: false,
    partyMember: true,
    woman: null,
    youth: null,
    account: 'demo.village',
  };
  for (const p of [chunmei, wuli, pointOperator]) used.add(p.idNumber);
  const special: Record<string, DemoTrainee[]> = {
    '2018-04-17': [chunmei],
    '2018-07-05': [chunmei],
    '2018-05-08': [wuli],
    '2018-05-10': [wuli],
    '2018-04-24': [pointOperator],
    '2018-10-23': [pointOperator],
  };

  const plans: PlannedSession[] = [];
  for (const s of [...SPRING_2018, ...AUTUMN_2018]) {
    if (s.cancelled) {
      plans.push({ ...s, roster: [] });
      continue;
    }
    const track = s.audience === 'cadres' ? 'officials' : s.audience === 'staff' ? 'staff' : 'sellers';
    const taken = new Set<string>();
    const roster: DemoTrainee[] = [];
    const add = (p: DemoTrainee) => {
      if (taken.has(p.idNumber)) return;
      taken.add(p.idNumber);
      roster.push(p);
    };
    for (const p of special[s.date] ?? []) add(p);
    // About one in twelve enrolled did not come.
    const size = Math.round(s.present * (1.06 + r() * 0.06));
    const returning = s.audience === 'alumni' ? 0.78 : track === 'officials' ? 0.3 : track === 'staff' ? 0.42 : 0.06;
    while (roster.length < size) {
      const old = r() < returning ? again(s, track, taken) : null;
      add(old ?? newPerson(s, townshipOf(s)));
    }
    // The special people attended; the no-shows are the last rows.
    for (const p of roster.slice(0, s.present)) {
      if (inHistory.has(p)) continue;
      inHistory.add(p);
      history.push({ track, person: p });
    }
    plans.push({ ...s, roster });
  }
  return plans;
}
