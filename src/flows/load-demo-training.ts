import ExcelJS from 'exceljs';
import type { Modules } from '../app.js';
import { shanghaiDate } from '../kernel/clock.js';
import type { RequestContext } from '../kernel/context.js';
import { residentIdCheck } from '../modules/parties/index.js';
import { TOWNSHIPS } from '../seed/ludian.js';
import { AUTUMN_2018, DEMO_COURSES, DEMO_ORGANISERS, FOLLOWED, GIVEN_MEN, GIVEN_WOMEN, SPRING_2018, TRAINEE_SURNAMES, TRAINER_ORGANISER, UPCOMING, type DemoCourse, type DemoSession } from '../seed/ludian-training.js';
import { as, type ModulesAt } from './load-demo-orders.js';

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
export function planSessions(operatorName = '张明'): { sessions: PlannedSession[]; upcoming: DemoTrainee[][] } {
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
    name: operatorName,
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
  // The sessions ahead: advanced courses mostly people trained in 2018, basic ones new people (ages on a fixed day).
  const upcoming = UPCOMING.map((u) => {
    const course = u.course === 'operations' ? 'alumni' : u.course === 'agency' ? 'staff' : 'villagers';
    const like: DemoSession = { date: '2026-12-01', course: u.course, organiser: u.organiser, township: u.township, centre: u.centre, present: 0, audience: course };
    const taken = new Set<string>();
    const list: DemoTrainee[] = [];
    while (list.length < u.enrolled) {
      const old = course === 'alumni' && r() < 0.8 ? again(like, 'sellers', taken) : null;
      const p = old ?? newPerson(like, townshipOf(like));
      if (taken.has(p.idNumber)) continue;
      taken.add(p.idNumber);
      list.push(p);
    }
    return list;
  });
  return { sessions: plans, upcoming };
}

// ---- loading through the training services ----

const COUNTY_CENTRE = 'site_ld1_530621';
const OWN_POINT = 'site_ld3_530621110205';
const LEHONG_VILLAGE = '530621110205';

const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

/** A roster as a clerk fills in the template (姓名, 身份证号, 手机号, 乡镇, 村, and the flags). */
async function rosterFile(people: DemoTrainee[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('学员名单');
  sheet.addRow(['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']);
  for (const p of people) sheet.addRow([p.name, p.idNumber, p.phone ?? '', p.townshipName, p.villageName, yesNo(p.poor), yesNo(p.disabled), yesNo(p.partyMember), yesNo(p.woman), yesNo(p.youth)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every row of a paged list, following its cursor. */
async function every<T>(page: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    all.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

const TITLE_PREFIX: Partial<Record<DemoSession['audience'], string>> = { poor: '建档立卡贫困户专场·', women: '巾帼电商·', youth: '青年创业·' };
const HOURS: Record<string, [string, string]> = { '2': ['14:00', '16:00'], '3': ['09:00', '12:00'], '4': ['14:00', '18:00'], '6': ['09:00', '17:00'], '8': ['08:30', '17:30'] };

function sessionTitle(course: DemoCourse, s: { audience?: DemoSession['audience']; township: string; centre?: boolean; placeText?: string }): string {
  const place = s.centre ? '县电商公共服务中心' : TOWNSHIP_NAME.get(s.township)!;
  return `${(s.audience && TITLE_PREFIX[s.audience]) ?? ''}${course.title}（${place}）`;
}

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
const courseOf = (key: string) => DEMO_COURSES.find((c) => c.key === key)!;
const organiserOf = (key: string) => DEMO_ORGANISERS.find((o) => o.key === key)!;
const MINUTE = 60_000;

/**
 * Where a 2018 session was held: at the county centre once it opened (2018-06-30) and at a township's station once
 * the stations opened (2018-09-30, the network demo's dates); before that in the government's meeting room.
 */
function historyPlace(s: DemoSession): { siteId: string } | { placeText: string; townshipCode: string } {
  if (s.placeText) return { placeText: s.placeText, townshipCode: s.township };
  if (s.centre) return s.date >= '2018-06-30' ? { siteId: COUNTY_CENTRE } : { placeText: '鲁甸县人民政府会议中心', townshipCode: s.township };
  return s.date >= '2018-09-30' ? { siteId: `site_ld2_${s.township}` } : { placeText: `${TOWNSHIP_NAME.get(s.township)}人民政府会议室`, townshipCode: s.township };
}

/**
 * The 2018 sessions as they happened, through services whose clock is moved along: each session planned a fortnight
 * ahead, its roster imported from Excel, demo.village's operator scanning the QR code (once the account claimed
 * its record), the rest ticked by the trainer during the session, the no-shows left on the list, and the session
 * closed that evening. A session already stored is left as it is.
 */
async function loadHistory(modulesAt: ModulesAt, users: Record<string, string>, plans: PlannedSession[], ids: { organiserId: Map<string, string>; courseId: Map<string, string> }): Promise<{ made: number; counted: number }> {
  let now = new Date();
  const then = modulesAt({ now: () => now });
  const { sessions, roster, checkin, trainees } = then.training;
  const countyScope = { kind: 'county' as const, id: '530621' };
  const county = as(users['demo.county'], 'demo.county', ['county_admin'], countyScope);
  const trainer = as(users['demo.trainer'], 'demo.trainer', ['trainer'], countyScope);
  const village = as(users['demo.village'], 'demo.village', ['village_operator'], { kind: 'site', id: OWN_POINT });
  const existing = new Set((await every((c) => sessions.list(county, { from: '2018-01-01', to: '2018-12-31' }, 100, c))).map((s) => `${s.title}|${s.startsAt}`));
  let made = 0;
  let counted = 0;
  for (const s of plans) {
    const course = courseOf(s.course);
    const [from, to] = HOURS[String(course.hours)];
    const title = sessionTitle(course, s);
    const starts = new Date(at(s.date, from));
    const ends = new Date(at(s.date, to));
    if (existing.has(`${title}|${starts.toISOString()}`)) continue;
    const runner = s.demoTrainer ? trainer : county;
    now = new Date(starts.getTime() - 14 * 86_400_000);
    const session = await sessions.create(runner, {
      title,
      courseId: ids.courseId.get(s.course)!,
      organiserId: ids.organiserId.get(s.organiser)!,
      trainerUserId: s.demoTrainer ? users['demo.trainer'] : null,
      trainerName: s.demoTrainer ? '罗海燕' : organiserOf(s.organiser).contactName,
      ...historyPlace(s),
      capacity: Math.max(30, Math.ceil((s.roster.length + 4) / 10) * 10),
      startsAt: starts.toISOString(),
      endsAt: ends.toISOString(),
      notes: `${organiserOf(s.organiser).name}组织。`,
    });
    made++;
    if (s.cancelled) {
      now = new Date(starts.getTime() - 2 * 86_400_000);
      await sessions.cancel(county, session.id, s.cancelled);
      continue;
    }
    // The roster a week ahead: those who came first, then the no-shows, so the list's first rows are the present.
    now = new Date(starts.getTime() - 7 * 86_400_000);
    await roster.importFile(runner, session.id, await rosterFile(s.roster.slice(0, s.present)), `${s.date}报名名单.xlsx`, 'all');
    const present = await every((c) => sessions.roster(county, session.id, {}, 500, c));
    if (s.roster.length > s.present) await roster.importFile(runner, session.id, await rosterFile(s.roster.slice(s.present)), `${s.date}报名名单（补充）.xlsx`, 'all');
    const scanner = s.roster.slice(0, s.present).some((p) => p.account === 'demo.village');
    if (scanner) {
      if (!(await trainees.own(village))) {
        // demo.village's operator claims the record the roster made (no phone on it, so the claim is allowed).
        const me = s.roster.find((p) => p.account === 'demo.village')!;
        await trainees.createOwn(village, { name: me.name, idNumber: me.idNumber, townshipCode: me.townshipCode, villageCode: LEHONG_VILLAGE, partyMember: true });
      }
      now = new Date(starts.getTime() - 10 * MINUTE);
      const code = await checkin.code(runner, session.id);
      if ((await checkin.checkin(village, { sessionId: session.id, token: code.token })).counted) counted++;
    }
    // The trainer ticks the room during the first hour (a scan already made is counted once).
    const step = Math.max(1, Math.floor((55 * MINUTE) / Math.max(1, present.length)));
    for (const [i, row] of present.entries()) {
      now = new Date(starts.getTime() + 5 * MINUTE + i * step);
      if ((await checkin.tick(runner, session.id, row.trainee.id)).counted) counted++;
    }
    now = new Date(ends.getTime() + 30 * MINUTE);
    await sessions.close(runner, session.id);
  }
  return { made, counted };
}

/**
 * The training demo: the plan's organisers (demo.trainer a member of the training school), courses in the three
 * tracks, the 2018 sessions with their rosters imported from Excel, attendance ticked and the sessions closed
 * (counted on the session's day, as a session recorded afterwards is), demo.village's operator claiming the record
 * a roster made, three sessions ahead open for enrolment, and the follow-up: the hourly matching run once, two shops
 * linked by hand, a trainee employed, a talent shortlist with support. The history and the follow-up are written
 * only with modulesAt on the load that first makes the organisers; the sessions ahead only when none is ahead.
 */
export async function loadDemoTraining(started: Modules, users: Record<string, string>, modulesAt?: ModulesAt): Promise<{ trainingSessions: number; personTimes: number }> {
  // Services of their own where they can be had: the started app's training read the network's places when it
  // became ready, before a first start had loaded any, and keeps that reading for 30 s.
  const modules = modulesAt ? modulesAt({ now: () => new Date() }) : started;
  const { courses, sessions, trainees, roster, talent } = modules.training;
  const countyScope = { kind: 'county' as const, id: '530621' };
  const county = as(users['demo.county'], 'demo.county', ['county_admin'], countyScope);
  const trainer = as(users['demo.trainer'], 'demo.trainer', ['trainer'], countyScope);
  const township = as(users['demo.township'], 'demo.township', ['township_operator'], { kind: 'township', id: '530621110' });
  const village = as(users['demo.village'], 'demo.village', ['village_operator'], { kind: 'site', id: OWN_POINT });
  const now = modules.training.clock.now();

  const organisers = new Map((await every((c) => courses.listOrganisers(county, {}, 100, c))).map((o) => [o.name, o.id]));
  // The history is written on the load that first makes the organisers (a later load with modulesAt — a test
  // writing the orders' history — does not spend a minute on it).
  const history = modulesAt && organisers.size === 0 ? modulesAt : undefined;
  const organiserId = new Map<string, string>();
  for (const o of DEMO_ORGANISERS) {
    let id = organisers.get(o.name);
    if (!id) id = (await courses.createOrganiser(county, { name: o.name, kind: o.kind, contactName: o.contactName, notes: o.notes, memberUserIds: o.key === TRAINER_ORGANISER ? [users['demo.trainer']] : [] })).id;
    organiserId.set(o.key, id);
  }
  const stored = new Map((await every((c) => courses.listCourses(county, {}, 100, c))).map((c) => [c.title, c.id]));
  const courseId = new Map<string, string>();
  for (const c of DEMO_COURSES) {
    let id = stored.get(c.title);
    if (!id) id = (await courses.createCourse(county, { title: c.title, track: c.track, level: c.level, summary: c.summary, hours: c.hours, online: c.online, organiserId: c.organiser ? organiserId.get(c.organiser)! : null })).id;
    courseId.set(c.key, id);
  }
  if (history) {
    // The online courses' handouts, made as real PDFs (none when a course has materials already). Only where the
    // history is written: rendering them takes seconds a test app need not spend.
    for (const c of DEMO_COURSES.filter((d) => d.online)) await modules.training.materials.uploadDemoHandouts(county, courseId.get(c.key)!);
  }

  const point = await modules.network.service.getSite(county, OWN_POINT);
  const plan = planSessions(point.operator?.name ?? '张明');
  let made = 0;
  let counted = 0;
  if (history) {
    const written = await loadHistory(history, users, plan.sessions, { organiserId, courseId });
    made += written.made;
    counted += written.counted;
  }

  // demo.village's operator has a record of their own (claimed during the history when there is one).
  const operator = plan.sessions.flatMap((s) => s.roster).find((p) => p.account === 'demo.village')!;
  if (!(await trainees.own(village))) {
    await trainees.createOwn(village, { name: operator.name, idNumber: operator.idNumber, townshipCode: operator.townshipCode, villageCode: LEHONG_VILLAGE, partyMember: true });
  }

  const ahead = await every((c) => sessions.list(county, { from: shanghaiDate(now) }, 100, c));
  if (ahead.length === 0) {
    for (const [i, u] of UPCOMING.entries()) {
      const course = courseOf(u.course);
      const [from, to] = HOURS[String(course.hours)];
      const day = shanghaiDate(new Date(now.getTime() + u.inDays * 86_400_000));
      const session = await sessions.create(u.demoTrainer ? trainer : county, {
        title: sessionTitle(course, u),
        courseId: courseId.get(u.course)!,
        organiserId: organiserId.get(u.organiser)!,
        trainerName: u.demoTrainer ? '罗海燕' : organiserOf(u.organiser).contactName,
        ...(u.demoTrainer ? {} : { trainerUserId: null }),
        siteId: u.centre ? COUNTY_CENTRE : `site_ld2_${u.township}`,
        capacity: u.capacity,
        startsAt: at(day, from),
        endsAt: at(day, to),
        notes: '欢迎报名：本人在手机上报名，或由村服务点代为报名。',
      });
      made++;
      const people = plan.upcoming[i];
      if (people.length === 0) {
        // The point's operator enrols in the station staff's course from the phone.
        await sessions.enrolSelf(village, session.id);
        continue;
      }
      // 乐红镇's session: 乐红村's villagers put on the list by their point, the rest from the township's roster.
      const byPoint = u.township === '530621110' ? people.filter((p) => p.villageName === '乐红村') : [];
      for (const p of byPoint) {
        await sessions.enrolByOperator(village, session.id, { trainee: { name: p.name, idNumber: p.idNumber, phone: p.phone, townshipCode: p.townshipCode, villageCode: LEHONG_VILLAGE, poor: p.poor, disabled: p.disabled, partyMember: p.partyMember } });
      }
      const rest = people.filter((p) => !byPoint.includes(p));
      if (rest.length > 0) await roster.importFile(u.township === '530621110' ? township : county, session.id, await rosterFile(rest), '报名名单.xlsx', 'all');
    }
  }

  if (history && (await talent.list(county, {}, 1)).items.length === 0) await loadFollowUp(modules, county, plan.sessions);
  return { trainingSessions: made, personTimes: counted };
}

/** The follow-up of the demo's trainees: matched sellers and point operators, shops and a job linked by hand, talent. */
async function loadFollowUp(modules: Modules, county: RequestContext, plans: PlannedSession[]) {
  const { trainees, followUp, talent } = modules.training;
  await followUp.autoMatch();
  const players = new Map((await modules.players.players.list(county, {}, 500)).items.map((p) => [p.name, p.id]));
  const traineeId = async (idNumber: string) => (await trainees.list(county, { q: idNumber }, 1)).items[0].id;
  const chunmei = await traineeId(farmerSellerIdNumber(FOLLOWED.chunmei.sellerSerial));
  const wuli = await traineeId(FOLLOWED.wuli.idNumber17 + residentIdCheck(FOLLOWED.wuli.idNumber17));
  const chunmeiShop = players.get(FOLLOWED.chunmei.player);
  const wuliShop = players.get(FOLLOWED.wuli.player);
  if (chunmeiShop) await followUp.record(county, chunmei, { kind: 'shop', playerId: chunmeiShop, note: '2018 年参加乐红镇网店开店和运营推广培训后开店' });
  if (wuliShop) await followUp.record(county, wuli, { kind: 'shop', playerId: wuliShop, note: '返乡大学生，参加青年创业和巾帼电商培训' });
  // A young trainee of 2018 went to work for the county's leading e-commerce firm.
  const youth = plans.find((s) => s.audience === 'youth')!.roster.find((p) => p.townshipCode === '530621101' || p.townshipCode === '530621103')!;
  await followUp.record(county, await traineeId(youth.idNumber), { kind: 'employed', firmName: '鲁甸县云品汇电子商务有限公司', note: '客服专员，2019 年入职' });

  const person = await talent.nominate(county, { kind: 'person', traineeId: chunmei, reason: '建档立卡贫困户，2018 年参加基础和进阶培训后在本平台和快手卖乐红青花椒，带动本村 6 户贫困户。' });
  await talent.support(county, person.id, { kind: 'funding', amountFen: 2_000_000, givenOn: '2019-03-15', note: '县电商产业发展资金创业扶持' });
  await talent.update(county, person.id, { status: 'supported' });
  const honey = await talent.nominate(county, { kind: 'person', traineeId: wuli, reason: '返乡大学生，开设山里蜂蜜网店，带动新街镇蜂农增收。' });
  await talent.support(county, honey.id, { kind: 'award', amountFen: 500_000, givenOn: '2019-12-20', note: '全县电商创业之星奖励' });
  await talent.update(county, honey.id, { status: 'awarded' });
  // A team: 龙头山镇's young sellers who took the advanced course together.
  const longtoushan = plans.filter((s) => s.township === '530621103' && s.audience === 'alumni').flatMap((s) => s.roster.slice(0, s.present));
  const members = [...new Set(longtoushan.map((p) => p.idNumber))].slice(0, 4);
  if (members.length >= 2) {
    const team = await talent.nominate(county, { kind: 'team', teamName: '龙头山苹果青年电商团队', members: await Promise.all(members.map(traineeId)), townshipCode: '530621103', reason: '四名参训青年合伙运营苹果网店，2018 年旺季网销 3 万余斤。' });
    await talent.support(county, team.id, { kind: 'free_venue', amountFen: 0, givenOn: '2019-01-10', note: '县电商公共服务中心孵化区免费工位一年' });
    await talent.update(county, team.id, { status: 'supported' });
  }
  await talent.nominate(county, { kind: 'person', traineeId: await traineeId(plans.find((s) => s.course === 'team')!.roster[0].idNumber), reason: '完成精英班培训，拟推荐参加市级电商创业大赛。' });
}
