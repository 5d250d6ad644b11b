import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../kernel/clock.js';
import { engines, openTestDatabase, type TestDatabase } from '../../../../test/helpers.js';
import { stationsServices } from '../migrations/2026-12-08-stations-services.js';
import { LocalProvider } from './local.js';
import type { ServiceProvider, SubmitRequest } from './provider.js';
import { PROVIDERS } from './registry.js';

/**
 * The contract every `ServiceProvider` keeps (provider.ts). An adapter to a real provider adds itself to
 * IMPLEMENTATIONS (against that provider's test system) and must pass the same cases.
 */
const IMPLEMENTATIONS: { name: string; make(test: TestDatabase, clock: Clock): Promise<ServiceProvider> }[] = [
  {
    name: 'local',
    async make(test, clock) {
      await stationsServices.up(test.database.db, test.database.dialect);
      return new LocalProvider(test.database.db, clock);
    },
  },
];

let serial = 0;
const recordId = () => `srec_contract${String(++serial).padStart(6, '0')}`;
const electricity = (over: Partial<SubmitRequest> = {}): SubmitRequest => ({ recordId: recordId(), providerId: 'yn_power', kind: 'bill', service: 'electricity', accountNo: '5306210123', amountFen: 12_000, feeFen: 0, customerName: '李桂芬', ...over });

describe.each(IMPLEMENTATIONS.flatMap((impl) => engines().map((engine) => [impl.name, engine, impl] as const)))('ServiceProvider contract: %s on %s', (_name, engine, impl) => {
  let test: TestDatabase;
  let provider: ServiceProvider;
  const clock = { now: () => new Date('2026-12-08T02:00:00.000Z') };
  beforeEach(async () => {
    test = await openTestDatabase(engine);
    provider = await impl.make(test, clock);
  });
  afterEach(() => test.dispose());

  it('accepts a well-formed request of a service the provider does, with a reference and a message', async () => {
    const answer = await provider.submit(electricity());
    expect(answer.status).toBe('accepted');
    expect(answer.providerRef).toMatch(/^[A-Z0-9-]{6,40}$/);
    expect(answer.message).toMatch(/\p{Script=Han}/u);
  });

  it('asked twice with one record id: one submission, the first answer both times', async () => {
    const request = electricity();
    const first = await provider.submit(request);
    const again = await provider.submit({ ...request, amountFen: 99_900 });
    expect(again).toEqual(first);
    // Two records are two submissions, with their own references.
    const other = await provider.submit(electricity());
    expect(other.providerRef).not.toBe(first.providerRef);
  });

  it('asked twice at the same moment: one answer', async () => {
    const request = electricity();
    const [a, b] = await Promise.all([provider.submit(request), provider.submit(request)]);
    expect(b).toEqual(a);
  });

  it('a refusal is kept too: asked again with the same record, it is refused the same way', async () => {
    const request = electricity({ accountNo: '12345' });
    const first = await provider.submit(request);
    expect(first).toEqual({ status: 'refused', providerRef: null, message: '户号不对：电费户号为 10 位数字' });
    expect(await provider.submit({ ...request, accountNo: '5306210123' })).toEqual(first);
  });

  it('refuses, with a Chinese reason, what the provider cannot do', async () => {
    const cases: [Partial<SubmitRequest>, string][] = [
      [{ providerId: 'no_such' }, '未知的服务商'],
      [{ providerId: 'ld_water' }, '鲁甸县自来水公司不办理电费'],
      [{ service: 'water', providerId: 'ld_water', accountNo: '5306210123' }, '户号不对：水费户号为 8 位数字'],
      [{ service: 'phone', providerId: 'china_mobile', accountNo: '2381234567' }, '户号不对：话费账号为 11 位手机号码'],
      [{ amountFen: 0 }, '金额须大于 0'],
      [{ kind: 'cash_withdrawal', service: 'cash', providerId: 'ld_rcb', accountNo: undefined, cardTail: '12a4' }, '银行卡尾号须为 4 位数字'],
      [{ kind: 'cash_withdrawal', service: 'cash', providerId: 'psbc', accountNo: undefined, cardTail: '1234', amountFen: 50_050 }, '取款金额须为整元'],
      [{ kind: 'loan_referral', service: 'loan', providerId: 'psbc', accountNo: undefined, description: '种植花椒', amountFen: 60_000_000 }, '超出小额贷款额度（50 万元）'],
      [{ kind: 'ticket', service: 'train', providerId: 'caac', accountNo: undefined, description: '昭通—昆明', travelDate: '2026-12-20' }, '民航不办理火车票'],
    ];
    for (const [over, message] of cases) expect(await provider.submit(electricity(over)), message).toEqual({ status: 'refused', providerRef: null, message });
  });

  it('accepts each service of each provider in the registry when the request is right', async () => {
    const good: Record<string, Partial<SubmitRequest>> = {
      electricity: { accountNo: '5306210123' },
      water: { accountNo: '10023456' },
      phone: { accountNo: '13812345678' },
      broadband: { accountNo: 'LD0870123456' },
      plane: { description: '昭通—北京', travelDate: '2026-12-20' },
      train: { description: '昭通—昆明 D8712', travelDate: '2026-12-20' },
      bus: { description: '鲁甸—昭通', travelDate: '2026-12-09' },
      hotel: { description: '昆明 如家酒店 1 晚', travelDate: '2026-12-20' },
      cash: { cardTail: '6621', amountFen: 50_000 },
      loan: { description: '种植花椒', amountFen: 5_000_000 },
    };
    const kindOf = { cash: 'cash_withdrawal', loan: 'loan_referral', plane: 'ticket', train: 'ticket', bus: 'ticket', hotel: 'ticket' } as Record<string, SubmitRequest['kind']>;
    for (const p of PROVIDERS) {
      for (const service of p.services) {
        const answer = await provider.submit({ recordId: recordId(), providerId: p.id, kind: kindOf[service] ?? 'bill', service, amountFen: 10_000, feeFen: 200, customerName: '王德明', ...good[service] });
        expect(answer.status, `${p.name} ${service}: ${answer.message}`).toBe('accepted');
      }
    }
  });
});
