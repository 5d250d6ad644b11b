import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { decodeCursor, toPage } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { Sealer } from '../../kernel/sealed.js';
import { deliveryKey } from './push.service.js';
import { ALGORITHMS, TIMESTAMP_WINDOW_MS, verify, type Algorithm } from './signing.js';
import type { PushMessage } from './uplink.schema.js';
import type { UplinkRepository } from './uplink.repository.js';
import type { Grain } from './schedule-rule.js';

const signatureInvalid = (message: string) => new AppError(401, 'SIGNATURE_INVALID', message, { field: 'headers.x-countyhub-signature' });

/**
 * The receiving side, as a city would run it: a push is taken only when its algorithm is the one agreed with the
 * sending county, its timestamp is within 5 minutes and its signature verifies with that county's key; each
 * version of a county's figure is kept once, and a replay is answered without storing anything.
 */
export class InboxService {
  constructor(
    private readonly repo: UplinkRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  async receive(headers: Record<string, string | string[] | undefined>, rawBody: string, message: PushMessage): Promise<{ accepted: boolean; duplicate: boolean; key: string }> {
    const header = (name: string) => {
      const v = headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const algorithm = header('x-countyhub-algorithm');
    if (!algorithm || !(ALGORITHMS as readonly string[]).includes(algorithm)) throw invalidField('headers.x-countyhub-algorithm', `must be one of ${ALGORITHMS.join(', ')}`);
    const timestamp = header('x-countyhub-timestamp') ?? '';
    const at = Date.parse(timestamp);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(at)) throw invalidField('headers.x-countyhub-timestamp', 'must be an ISO-8601 time');
    if (Math.abs(this.clock.now().getTime() - at) > TIMESTAMP_WINDOW_MS) {
      throw new AppError(401, 'TIMESTAMP_STALE', '时间戳与本机相差超过 5 分钟 The timestamp is more than 5 minutes from the receiver’s clock', { field: 'headers.x-countyhub-timestamp' });
    }
    const signature = header('x-countyhub-signature') ?? '';
    const sender = await this.repo.sender(message.county.code);
    if (!sender) throw signatureInvalid(`未登记的县 No key is installed for county ${message.county.code}`);
    if (sender.algorithm !== algorithm) throw signatureInvalid(`该县约定的算法是 ${sender.algorithm} The algorithm agreed with this county is ${sender.algorithm}`);
    const key = { secret: sender.secret_sealed ? this.sealer.open(sender.secret_sealed) : null, publicKey: sender.public_key };
    if (!verify(algorithm as Algorithm, key, timestamp, rawBody, signature)) throw signatureInvalid('签名不符 The signature does not verify with the county’s key');
    const expectedKey = deliveryKey(message.county.code, message.grain, message.period, message.indicator, message.version);
    if (header('idempotency-key') !== expectedKey) throw invalidField('headers.idempotency-key', `must be ${expectedKey}`);
    const accepted = await this.repo.insertMessage({
      id: newId('upm', this.clock.now().getTime()),
      county_code: message.county.code,
      county_name: message.county.name,
      grain: message.grain,
      period: message.period,
      indicator: message.indicator,
      indicator_name: message.name,
      unit: message.unit,
      value: message.value,
      version: message.version,
      correction_of: message.correctionOf,
      idempotency_key: expectedKey,
      algorithm,
      payload: rawBody,
      received_at: this.clock.now().toISOString(),
    });
    return { accepted, duplicate: !accepted, key: expectedKey };
  }

  async list(ctx: RequestContext, limit: number, cursor?: string) {
    requireRole(ctx, 'county_admin');
    const rows = await this.repo.listMessages(limit + 1, decodeCursor(cursor));
    return toPage(
      rows.map((r) => ({
        id: r.id,
        countyCode: r.county_code,
        countyName: r.county_name,
        grain: r.grain as Grain,
        period: r.period,
        indicator: r.indicator,
        indicatorName: r.indicator_name,
        unit: r.unit,
        value: Number(r.value),
        version: Number(r.version),
        correctionOf: r.correction_of === null ? null : Number(r.correction_of),
        algorithm: r.algorithm as Algorithm,
        receivedAt: r.received_at,
      })),
      limit,
      (m) => m.id,
    );
  }

  async senders(ctx: RequestContext) {
    requireRole(ctx, 'county_admin');
    return (await this.repo.listSenders()).map((s) => ({ countyCode: s.county_code, countyName: s.county_name, algorithm: s.algorithm, publicKey: s.public_key, createdAt: s.created_at }));
  }
}
