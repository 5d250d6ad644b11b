import type { Modules } from '../app.js';
import type { RequestContext } from '../kernel/context.js';
import { creditCodeCheck, organisationCodeCheck, residentIdCheck } from '../modules/parties/index.js';
import { DEMO_SELLERS, HOUSEHOLD_GIVEN, HOUSEHOLD_SURNAMES, type DemoSeller } from '../seed/ludian-market.js';

/** Entity-type prefixes of the credit code (FACTS.md): 91 enterprise, 92 individual business, 93 co-op. */
const CREDIT_PREFIX = { enterprise: '91', individual_business: '92', cooperative: '93' } as const;

/** A synthetic credit code with valid check characters: registered in Ludian, organisation code MA6K…. */
function demoCreditCode(kind: keyof typeof CREDIT_PREFIX, serial: number): string {
  const org8 = `MA6K${String(serial).padStart(4, '0')}`;
  const first17 = `${CREDIT_PREFIX[kind]}530621${org8}${organisationCodeCheck(org8)}`;
  return first17 + creditCodeCheck(first17);
}

/** A synthetic resident ID from Ludian with a valid check character. */
function demoIdNumber(serial: number, birthYear: number): string {
  const first17 = `530621${birthYear}0${1 + (serial % 9)}1${serial % 10}${String(100 + (serial % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheck(first17);
}

/** Every row of a paged list, following its cursor (a reload compares with all that is stored, not a first page). */
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

export interface DemoUsers {
  [username: string]: string;
}

async function loadSeller(modules: Modules, ctx: RequestContext, seed: DemoSeller, ownerId: string, existing: Map<string, { id: string; status: string }>): Promise<string> {
  const { sellers } = modules.parties;
  let seller = existing.get(seed.name);
  if (!seller) {
    seller = await sellers.apply(ctx, {
      kind: seed.kind,
      name: seed.name,
      ...(seed.kind === 'farmer' ? { idNumber: demoIdNumber(seed.serial, 1968 + (seed.serial % 20)) } : { creditCode: demoCreditCode(seed.kind, seed.serial) }),
      contactName: seed.contactName,
      contactPhone: `1398700${String(seed.serial).padStart(4, '0')}`,
      divisionCode: seed.divisionCode,
      address: seed.address,
      tags: seed.tags ?? [],
      description: `主营鲁甸${seed.produce}。`,
      ownerUserId: ownerId,
      isDemo: true,
    });
  }
  // Bring the status to the demo's: pending → approved → suspended, along the allowed moves.
  if (seller.status === 'pending' && seed.status !== 'pending') seller = await sellers.review(ctx, seller.id, 'approve');
  if (seller.status === 'approved' && seed.status === 'suspended') seller = await sellers.suspend(ctx, seller.id, '演示：消费者投诉产品以次充好，暂停待查');
  if (seller.status === 'suspended' && seed.status === 'approved') seller = await sellers.reinstate(ctx, seller.id);
  return seller.id;
}

/**
 * Demo sellers and the poor households that supply them: two households in each poor village, each linked to
 * an approved seller of the same township (or a county-wide one) with a 1–3 % share of its sales.
 */
export async function loadDemoParties(modules: Modules, ctx: RequestContext, users: DemoUsers, poorVillages: { code: string; townshipCode: string }[]): Promise<{ sellers: number; households: number }> {
  const { sellers, households } = modules.parties;
  const existingSellers = new Map((await every((cursor) => sellers.list(ctx, {}, 500, cursor))).map((s) => [s.name, s]));
  const sellerIds = new Map<string, string>();
  for (const seed of DEMO_SELLERS) sellerIds.set(seed.name, await loadSeller(modules, ctx, seed, users[seed.owner], existingSellers));

  const approved = DEMO_SELLERS.filter((s) => s.status === 'approved');
  const existingHouseholds = new Map((await every((cursor) => households.list(ctx, {}, 500, cursor))).map((h) => [h.householdNo, h]));
  let serial = 0;
  for (const village of poorVillages) {
    for (let n = 1; n <= 2; n++) {
      serial++;
      const householdNo = `${village.code}${String(n).padStart(4, '0')}`;
      let household = existingHouseholds.get(householdNo);
      if (!household) {
        household = await households.register(ctx, {
          householdNo,
          villageCode: village.code,
          headName: HOUSEHOLD_SURNAMES[serial % HOUSEHOLD_SURNAMES.length] + HOUSEHOLD_GIVEN[(serial * 7) % HOUSEHOLD_GIVEN.length],
          headIdNumber: demoIdNumber(1000 + serial, 1955 + (serial % 30)),
          members: 2 + (serial % 5),
          status: serial % 4 === 0 ? 'lifted' : 'in_poverty',
          liftedYear: serial % 4 === 0 ? 2019 + (serial % 2) : null,
          isDemo: true,
        });
        const local = approved.filter((s) => s.divisionCode.startsWith(village.townshipCode));
        const supplier = (local.length > 0 ? local : approved)[serial % (local.length > 0 ? local.length : approved.length)];
        await households.link(ctx, household.id, { sellerId: sellerIds.get(supplier.name)!, role: (['grower', 'worker', 'shareholder'] as const)[serial % 3], shareBp: 100 + (serial % 3) * 100, validFrom: '2018-01-01' });
      }
    }
  }
  return { sellers: DEMO_SELLERS.length, households: serial };
}
