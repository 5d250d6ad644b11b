import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { UplinkPorts } from './ports.js';
import { closedPeriods, MAX_ATTEMPTS, retryWaitMs, type Grain } from './schedule-rule.js';
import { HEADERS, sha256Hex, sign } from './signing.js';
import type { DeliveryView, PushMessage } from './uplink.schema.js';
import type { DeliveryFilter, UplinkRepository } from './uplink.repository.js';
import type { DeliveryRow, EndpointRow } from './uplink.tables.js';

/** How long one HTTP call may take. */
export const SEND_TIMEOUT_MS = 10_000;
/** How long a sender holds a delivery: two calls (one same-host redirect) and some slack. After it, another sender takes it again. */
const HOLD_MS = 3 * SEND_TIMEOUT_MS;
/** Deliveries one send run takes at most. */
const BATCH = 200;

export type Fetch = typeof fetch;

/** The Idempotency-Key of a version: the receiver keeps each once. */
export const deliveryKey = (county: string, grain: string, period: string, indicator: string, version: number) => `${county}:${grain}:${period}:${indicator}:v${version}`;

interface Outcome {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
}

/**
 * Reporting upward: `prepare` makes a new version of each figure that is new or changed (a correction) for every
 * active endpoint and closed period; `send` posts the due versions, signed, and retries failures with backoff.
 */
export class PushService {
  constructor(
    private readonly repo: UplinkRepository,
    private readonly ports: UplinkPorts,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly fetcher: Fetch = fetch,
  ) {}

  /**
   * For every active endpoint, grain and closed period in the look-back, reads the period's figures and makes
   * version n+1 of each indicator whose figure is new or differs from the last version. One transaction per
   * endpoint-period; a run cut short and run again makes nothing twice (a version is unique per endpoint, grain,
   * period and indicator).
   */
  async prepare(now = this.clock.now()): Promise<{ endpoints: number; periods: number; made: number }> {
    const endpoints = await this.repo.activeEndpoints();
    if (endpoints.length === 0) return { endpoints: 0, periods: 0, made: 0 };
    const county = await this.ports.county.county();
    const figuresOf = new Map<string, Awaited<ReturnType<UplinkPorts['figures']['period']>>>();
    let periods = 0;
    let made = 0;
    for (const endpoint of endpoints) {
      for (const grain of JSON.parse(endpoint.grains) as Grain[]) {
        for (const period of closedPeriods(grain, now)) {
          const at = `${grain} ${period}`;
          if (!figuresOf.has(at)) figuresOf.set(at, await this.ports.figures.period(grain, period));
          const figures = figuresOf.get(at)!.filter((f) => typeof f.value === 'number' && Number.isFinite(f.value));
          periods++;
          try {
            made += await this.repo.transaction(async (trx) => {
              const latest = await this.repo.latestVersions(trx, endpoint.id, grain, period);
              let n = 0;
              for (const f of figures) {
                const last = latest.get(f.indicator);
                if (last && last.value === f.value) continue;
                const version = (last?.version ?? 0) + 1;
                const message: PushMessage = {
                  county,
                  grain,
                  period,
                  indicator: f.indicator,
                  name: f.name,
                  unit: f.unit,
                  value: f.value!,
                  version,
                  correctionOf: last ? last.version : null,
                  generatedAt: now.toISOString(),
                };
                const payload = JSON.stringify(message);
                await this.repo.insertDelivery(trx, {
                  id: newId('upd', now.getTime()),
                  endpoint_id: endpoint.id,
                  grain,
                  period,
                  indicator: f.indicator,
                  indicator_name: f.name,
                  version,
                  value: f.value!,
                  payload,
                  payload_digest: sha256Hex(payload),
                  status: 'pending',
                  attempts: 0,
                  next_attempt_at: now.toISOString(),
                  lease_until: null,
                  last_http_status: null,
                  last_error: null,
                  created_at: now.toISOString(),
                  sent_at: null,
                });
                n++;
              }
              return n;
            });
          } catch (err) {
            // Another process made these versions at the same moment: nothing is lost, they are there.
            if (!isUniqueViolation(err)) throw err;
          }
        }
      }
    }
    return { endpoints: endpoints.length, periods, made };
  }

  /**
   * Posts the due deliveries, oldest period first. Each is claimed (guarded by its state) before the call and
   * marked after it; a sender that dies between the two leaves it held until its hold runs out, and the next run
   * sends the same version again with the same Idempotency-Key, which the receiver keeps once. After an endpoint
   * fails, its other deliveries wait for the next run.
   */
  async send(now = this.clock.now()): Promise<{ sent: number; failed: number; givenUp: number }> {
    const due = await this.repo.due(now.toISOString(), BATCH);
    const endpoints = new Map<string, EndpointRow | undefined>();
    const failing = new Set<string>();
    const counts = { sent: 0, failed: 0, givenUp: 0 };
    for (const row of due) {
      if (failing.has(row.endpoint_id)) continue;
      if (!endpoints.has(row.endpoint_id)) endpoints.set(row.endpoint_id, await this.repo.endpoint(row.endpoint_id));
      const endpoint = endpoints.get(row.endpoint_id);
      if (!endpoint?.active) continue;
      if (!(await this.repo.claim(row, new Date(now.getTime() + HOLD_MS).toISOString()))) continue;
      const attempts = row.attempts + 1;
      const outcome = await this.post(endpoint, row);
      const at = this.clock.now();
      if (outcome.ok) {
        await this.repo.finish(row.id, attempts, { status: 'sent', sent_at: at.toISOString(), last_http_status: outcome.httpStatus, last_error: null, lease_until: null });
        counts.sent++;
        continue;
      }
      failing.add(row.endpoint_id);
      const givingUp = attempts >= MAX_ATTEMPTS;
      await this.repo.finish(row.id, attempts, {
        status: givingUp ? 'given_up' : 'failed_retrying',
        next_attempt_at: new Date(at.getTime() + retryWaitMs(attempts)).toISOString(),
        last_http_status: outcome.httpStatus,
        last_error: outcome.error,
        lease_until: null,
      });
      if (givingUp) counts.givenUp++;
      else counts.failed++;
    }
    return counts;
  }

  /** One signed POST, with a 10-second limit; a redirect is followed once, only to the same origin. */
  private async post(endpoint: EndpointRow, row: DeliveryRow): Promise<Outcome> {
    const message = JSON.parse(row.payload) as PushMessage;
    const timestamp = this.clock.now().toISOString();
    const secret = this.sealer.open(endpoint.secret_sealed);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      [HEADERS.algorithm]: endpoint.algorithm,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.signature]: sign(endpoint.algorithm, { secret, publicKey: endpoint.public_key }, timestamp, row.payload),
      [HEADERS.idempotencyKey]: deliveryKey(message.county.code, row.grain, row.period, row.indicator, row.version),
    };
    let url = endpoint.url;
    for (let hop = 0; hop < 2; hop++) {
      let res: Response;
      try {
        res = await this.fetcher(url, { method: 'POST', headers, body: row.payload, redirect: 'manual', signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
        return { ok: false, httpStatus: null, error: timedOut ? `超时（10 秒）Timed out after 10 s` : `连接失败 Could not connect: ${e.cause?.code ?? e.message}`.slice(0, 300) };
      }
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: true, httpStatus: res.status, error: null };
      }
      if ([301, 302, 303, 307, 308].includes(res.status)) {
        const location = res.headers.get('location');
        const next = location ? new URL(location, url) : null;
        await res.body?.cancel().catch(() => undefined);
        if (hop === 0 && next && next.origin === new URL(url).origin && (res.status === 307 || res.status === 308)) {
          url = next.href;
          continue;
        }
        return { ok: false, httpStatus: res.status, error: `转向 ${next?.origin ?? '?'}，未跟随 Redirect not followed (only a 307/308 to the same host is)` };
      }
      const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      return { ok: false, httpStatus: res.status, error: `对方答复 HTTP ${res.status} The receiver answered ${res.status}${text ? `: ${text}` : ''}` };
    }
    return { ok: false, httpStatus: null, error: '转向过多 Too many redirects' };
  }

  /** 立即推送: prepare and send now, for the county admin. */
  async pushNow(ctx: RequestContext): Promise<{ made: number; sent: number; failed: number; givenUp: number }> {
    requireRole(ctx, 'county_admin');
    const now = this.clock.now();
    const { made } = await this.prepare(now);
    // A first push may make a few hundred versions (a year of months for each indicator): send batch after batch.
    const sent = { sent: 0, failed: 0, givenUp: 0 };
    for (let batch = 0; batch < 10; batch++) {
      const run = await this.send(this.clock.now());
      sent.sent += run.sent;
      sent.failed += run.failed;
      sent.givenUp += run.givenUp;
      if (run.sent === 0) break;
    }
    await this.repo.transaction((trx) => recordAudit(trx, ctx, { action: 'uplink.push-now', entityType: 'uplink', entityId: 'push', details: { made, ...sent } }, this.clock.now()));
    return { made, ...sent };
  }

  async list(ctx: RequestContext, filter: Omit<DeliveryFilter, 'beforeId'>, limit: number, cursor?: string): Promise<PageResult<DeliveryView>> {
    requireRole(ctx, 'county_admin');
    const rows = await this.repo.listDeliveries({ ...filter, beforeId: decodeCursor(cursor) }, limit + 1);
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.endpoint_id))) names.set(id, (await this.repo.endpoint(id))?.name ?? '');
    return toPage(
      rows.map((r) => ({
        id: r.id,
        endpointId: r.endpoint_id,
        endpointName: names.get(r.endpoint_id) ?? '',
        grain: r.grain as Grain,
        period: r.period,
        indicator: r.indicator,
        indicatorName: r.indicator_name,
        unit: (JSON.parse(r.payload) as PushMessage).unit,
        value: Number(r.value),
        version: Number(r.version),
        correctionOf: Number(r.version) > 1 ? Number(r.version) - 1 : null,
        payloadDigest: r.payload_digest,
        status: r.status,
        attempts: Number(r.attempts),
        nextAttemptAt: r.status === 'pending' || r.status === 'failed_retrying' ? r.next_attempt_at : null,
        lastHttpStatus: r.last_http_status === null ? null : Number(r.last_http_status),
        lastError: r.last_error,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      })),
      limit,
      (d) => d.id,
    );
  }
}
