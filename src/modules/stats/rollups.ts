import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { PublishedEvent } from '../../kernel/events/index.js';
import type { RollupBatch } from './apply.js';
import type { PaidPayload, StatsInput } from './inputs.js';
import type { StatsPlaces, StatsProducts } from './ports.js';
import type { StatsRepository } from './stats.repository.js';
import type { StatsTables } from './stats.tables.js';

const NAMES_TTL_MS = 5 * 60_000;

/**
 * The subscriber `stats.rollups`: each event becomes a row of stats_inputs (with what the ports say now) and its
 * increments, in one transaction. A repeated delivery finds its row and changes nothing; while a rebuild owns the
 * rollups the row is stored and the rebuild applies it.
 */
export class Rollups {
  private names: { at: number; map: Map<string, string> } | null = null;

  constructor(
    private readonly repo: StatsRepository,
    private readonly products: StatsProducts,
    private readonly places: StatsPlaces,
    private readonly clock: Clock,
  ) {}

  async receive(event: PublishedEvent): Promise<void> {
    if (event.seq === null) return;
    if (await this.repo.hasInput(event.seq)) return;
    const payload = await this.enrich(event);
    const input: StatsInput = { seq: event.seq, type: event.type, version: event.version, aggregateId: event.aggregateId, occurredAt: event.occurredAt, payload };
    await this.store(input);
  }

  /** Stores one input and applies it unless a rebuild owns the rollups (then the rebuild reaches it). */
  async store(input: StatsInput): Promise<RollupBatch | null> {
    const receivedAt = this.clock.now().toISOString();
    return this.repo.db.transaction().execute(async (trx) => {
      const rebuilding = await this.repo.lockState(trx);
      const fresh = await this.repo.insertInput(trx, input, receivedAt);
      if (!fresh || rebuilding) return null;
      return this.repo.applyBatch(trx, [input]);
    });
  }

  /** The payload with `_x`: what the ports say of the products, sellers and places it names. */
  async enrich(event: PublishedEvent): Promise<Record<string, unknown>> {
    const payload = { ...(event.payload as Record<string, unknown>) };
    const codes = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
    switch (event.type) {
      case 'orders.paid': {
        const p = payload as unknown as PaidPayload;
        const [products, seller] = await Promise.all([this.products.products([...new Set(p.lines.map((l) => l.productId))]), this.products.seller(p.sellerId)]);
        const place = { townshipCode: seller?.townshipCode ?? null, villageCode: seller?.villageCode ?? null };
        payload._x = { products: Object.fromEntries(products), seller: { name: seller?.name ?? null, ...place }, names: await this.namesOf(codes(place.townshipCode, place.villageCode)) };
        break;
      }
      case 'players.shop-month-reported': {
        const player = (await this.repo.fact(`player:${String(payload.playerId)}`)) as { kind?: string } | null;
        payload._x = { names: await this.namesOf(codes(payload.townshipCode, payload.villageCode)), playerKind: player?.kind ?? null };
        break;
      }
      default:
        if ('townshipCode' in payload || 'villageCode' in payload) payload._x = { names: await this.namesOf(codes(payload.townshipCode, payload.villageCode)) };
    }
    return payload;
  }

  private async namesOf(codes: string[]): Promise<Record<string, string>> {
    if (codes.length === 0) return {};
    let names = this.names && this.clock.now().getTime() - this.names.at < NAMES_TTL_MS ? this.names.map : null;
    if (!names || codes.some((c) => !names!.has(c))) {
      names = new Map((await this.places.divisions()).map((d) => [d.code, d.name]));
      this.names = { at: this.clock.now().getTime(), map: names };
    }
    return Object.fromEntries(codes.flatMap((c) => (names!.has(c) ? [[c, names!.get(c)!]] : [])));
  }
}

/**
 * Applies a batch of stored inputs to the rollups in the caller's transaction: what the rebuild runs, and what the
 * bench calls to measure events per second. Inputs must come in seq order.
 */
export function applyInputs(repo: StatsRepository, trx: Kysely<StatsTables>, inputs: StatsInput[]): Promise<RollupBatch> {
  return repo.applyBatch(trx, inputs);
}
