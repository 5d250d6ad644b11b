import { LEHONG, LEHONG_VILLAGE, PDF, multipart, next, residentId, type Row, type Who, type World } from './world.js';

interface Fixture {
  course: string;
  material: string;
  certificate: string;
}

const fixtures = new WeakMap<World, Promise<Fixture>>();
const trainees = new WeakMap<World, Map<Who, Promise<void>>>();

/** Every role but the data centre's may learn. */
const LEARNERS = ['county', 'township', 'village', 'merchant', 'courier', 'regulator', 'trainer', 'consumer'] as const;

/** The caller's own trainee record (made once, through POST /training/me, when the account has none). */
function ownRecord(w: World, who: Who): Promise<void> {
  let made = trainees.get(w);
  if (!made) trainees.set(w, (made = new Map()));
  let one = made.get(who);
  if (!one) {
    one = (async () => {
      const me = await w.ok(who, 'GET', '/training/me');
      if (me.trainee) return;
      const home = who === 'consumer' ? { townshipCode: LEHONG, villageCode: LEHONG_VILLAGE } : {};
      await w.ok(who, 'POST', '/training/me', { name: `权限学员${next()}`, idNumber: residentId(), ...home });
    })();
    made.set(who, one);
  }
  return one;
}

const uploadPdf = (w: World, who: Who, course: string) => w.upload(who, `/training/courses/${course}/materials?title=${encodeURIComponent(`权限课件${next()}`)}&minReadSeconds=0`, multipart('file', 'h.pdf', 'application/pdf', PDF));

/**
 * An online course of an organiser demo.trainer belongs to, with one handout; demo.consumer (乐红镇乐红村) has read it,
 * so it holds the course's certificate: in sight of its holder, the county, regulators, 乐红镇's operator, 乐红村's
 * point and the organiser's trainer.
 */
function fixture(w: World): Promise<Fixture> {
  let made = fixtures.get(w);
  if (!made) {
    made = (async () => {
      const organiser = (await w.ok('county', 'POST', '/training/organisers', { name: `权限测试培训机构${next()}`, kind: 'body', memberUserIds: [w.userId.trainer] })).id as string;
      const course = (await w.ok('county', 'POST', '/training/courses', { title: `权限测试线上课${next()}`, track: 'sellers', level: 'basic', hours: 2, online: true, organiserId: organiser })).id as string;
      const material = (await uploadPdf(w, 'county', course)).json().id as string;
      await ownRecord(w, 'consumer');
      await w.ok('consumer', 'POST', `/training/materials/${material}/progress`, { positionSeconds: 0 });
      await w.ok('consumer', 'POST', `/training/materials/${material}/progress`, { done: true });
      const certificate = (await w.ok('consumer', 'GET', '/training/certificates')).items.find((c: { courseId: string }) => c.courseId === course).id as string;
      return { course, material, certificate };
    })();
    fixtures.set(w, made);
  }
  return made;
}

/** 远程学习与证书: trainers of the course's organiser and the county manage materials; every learner reads and learns; certificates to their holder and staff in sight. */
export function learningRows(w: World): Row[] {
  const sight = ['county', 'township', 'village', 'regulator', 'trainer', 'consumer'] as const;
  return [
    {
      op: 'POST /api/v1/training/courses/{id}/materials',
      allowed: ['county', 'trainer'],
      req: async () => {
        const { course } = await fixture(w);
        return { url: `/training/courses/${course}/materials?title=${encodeURIComponent('权限测试讲义')}`, raw: multipart('file', 'h.pdf', 'application/pdf', PDF) };
      },
    },
    { op: 'GET /api/v1/training/courses/{id}/materials', allowed: LEARNERS, req: async () => ({ url: `/training/courses/${(await fixture(w)).course}/materials` }) },
    { op: 'PATCH /api/v1/training/materials/{id}', allowed: ['county', 'trainer'], req: async () => ({ url: `/training/materials/${(await fixture(w)).material}`, body: { minReadSeconds: 0 } }) },
    {
      op: 'DELETE /api/v1/training/materials/{id}',
      allowed: ['county'],
      req: async (who) => {
        const { course } = await fixture(w);
        return { url: `/training/materials/${who === 'county' ? (await uploadPdf(w, 'county', course)).json().id : (await fixture(w)).material}` };
      },
    },
    { op: 'GET /api/v1/training/materials/{id}/content', allowed: LEARNERS, req: async () => ({ url: `/training/materials/${(await fixture(w)).material}/content` }) },
    {
      op: 'POST /api/v1/training/materials/{id}/progress',
      allowed: LEARNERS,
      req: async (who) => {
        if (who && who !== 'datacenter') await ownRecord(w, who);
        return { url: `/training/materials/${(await fixture(w)).material}/progress`, body: { positionSeconds: 0 } };
      },
    },
    { op: 'GET /api/v1/training/me/courses', allowed: LEARNERS },
    { op: 'GET /api/v1/training/certificates', allowed: LEARNERS },
    { op: 'GET /api/v1/training/certificates/{id}', allowed: sight, req: async () => ({ url: `/training/certificates/${(await fixture(w)).certificate}` }) },
    { op: 'GET /api/v1/training/certificates/{id}/pdf', allowed: sight, req: async () => ({ url: `/training/certificates/${(await fixture(w)).certificate}/pdf` }) },
  ];
}
