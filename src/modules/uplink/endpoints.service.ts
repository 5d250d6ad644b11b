import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { Sealer } from '../../kernel/sealed.js';
import { isSm2PublicKey, newHmacSecret, newSm2KeyPair } from './signing.js';
import type { Grain } from './schedule-rule.js';
import type { EndpointChangeInput, EndpointCreateInput, EndpointView, SenderInput } from './uplink.schema.js';
import type { UplinkRepository } from './uplink.repository.js';
import type { EndpointRow, InboxSenderRow } from './uplink.tables.js';

export const endpointView = (r: EndpointRow): EndpointView => ({
  id: r.id,
  name: r.name,
  level: r.level,
  url: r.url,
  algorithm: r.algorithm,
  publicKey: r.public_key,
  grains: JSON.parse(r.grains) as Grain[],
  active: !!r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Endpoints the county pushes to (county admin). Secrets are sealed and shown once, at creation. */
export class EndpointsService {
  constructor(
    private readonly repo: UplinkRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<EndpointView>> {
    requireRole(ctx, 'county_admin');
    const rows = await this.repo.listEndpoints(limit + 1, decodeCursor(cursor));
    return toPage(rows.map(endpointView), limit, (e) => e.id);
  }

  /** A new endpoint: HMAC with the receiver's secret or a fresh one (shown once); SM2 with a fresh key pair. */
  async create(ctx: RequestContext, input: EndpointCreateInput): Promise<EndpointView & { secret: string | null }> {
    requireRole(ctx, 'county_admin');
    if (input.algorithm === 'sm2-sm3' && input.secret !== undefined) throw invalidField('body.secret', 'SM2 endpoints sign with the county’s own key pair; no secret is given');
    const now = this.clock.now().toISOString();
    let secret: string | null = null;
    let privateKey: string;
    let publicKey: string | null = null;
    if (input.algorithm === 'hmac-sha256') {
      secret = input.secret ?? newHmacSecret();
      privateKey = secret;
    } else {
      ({ privateKey, publicKey } = newSm2KeyPair());
    }
    const row: EndpointRow = {
      id: newId('upe'),
      name: input.name.trim(),
      level: input.level,
      url: input.url,
      algorithm: input.algorithm,
      secret_sealed: this.sealer.seal(privateKey),
      public_key: publicKey,
      grains: JSON.stringify(input.grains),
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    await this.repo.transaction(async (trx) => {
      await this.repo.insertEndpoint(trx, row);
      await recordAudit(trx, ctx, { action: 'uplink.endpoint.create', entityType: 'uplink_endpoint', entityId: row.id, details: { name: row.name, url: row.url, algorithm: row.algorithm } }, this.clock.now());
    });
    return { ...endpointView(row), secret };
  }

  async change(ctx: RequestContext, id: string, input: EndpointChangeInput): Promise<EndpointView> {
    requireRole(ctx, 'county_admin');
    const have = await this.repo.endpoint(id);
    if (!have) throw notFound('Endpoint');
    const change = {
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.level !== undefined && { level: input.level }),
      ...(input.url !== undefined && { url: input.url }),
      ...(input.grains !== undefined && { grains: JSON.stringify(input.grains) }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      updated_at: this.clock.now().toISOString(),
    };
    await this.repo.transaction(async (trx) => {
      await this.repo.updateEndpoint(trx, id, change);
      await recordAudit(trx, ctx, { action: 'uplink.endpoint.change', entityType: 'uplink_endpoint', entityId: id, details: input }, this.clock.now());
    });
    return endpointView((await this.repo.endpoint(id))!);
  }

  /** The receiving side: the keys of a county whose pushes this deployment accepts. */
  async saveSender(ctx: RequestContext, input: SenderInput) {
    requireRole(ctx, 'county_admin');
    if (input.algorithm === 'hmac-sha256' && !input.secret) throw invalidField('body.secret', 'HMAC needs the shared secret');
    if (input.algorithm === 'sm2-sm3' && !(input.publicKey && isSm2PublicKey(input.publicKey))) throw invalidField('body.publicKey', 'SM2 needs the sender’s public key: 130 hex digits starting 04, a point on the curve');
    const row: InboxSenderRow = {
      id: newId('ups'),
      county_code: input.countyCode,
      county_name: input.countyName.trim(),
      algorithm: input.algorithm,
      secret_sealed: input.algorithm === 'hmac-sha256' ? this.sealer.seal(input.secret!) : null,
      public_key: input.algorithm === 'sm2-sm3' ? input.publicKey!.toLowerCase() : null,
      created_at: this.clock.now().toISOString(),
    };
    await this.repo.transaction(async (trx) => {
      await this.repo.saveSender(trx, row);
      await recordAudit(trx, ctx, { action: 'uplink.sender.save', entityType: 'uplink_sender', entityId: row.county_code, details: { countyName: row.county_name, algorithm: row.algorithm } }, this.clock.now());
    });
    return { countyCode: row.county_code, countyName: row.county_name, algorithm: row.algorithm, publicKey: row.public_key, createdAt: row.created_at };
  }
}
