/**
 * The station's records kept on the phone until the server has them (no React here, so it is easy to test).
 *
 * Every action at the till is a record with a clientId made on the device (and its own time). It goes into this
 * queue first (app/keptQueue.ts: per user, kept across a reload); `sync` sends it with POST /stations/records/batch,
 * one site and at most 500 records at a time, in the order they were made, and takes records off the device only
 * once the server has answered for them. The server stores a clientId once per site, so sending again after a lost answer is safe:
 * it answers `duplicate` with the stored record.
 * What a business rule refused (当日已结账, 库存不足 …) is kept as a conflict with the server's Chinese reason, until
 * the operator has read it; a batch the server refuses because one record does not match its schema
 * (`body.records[2].amountFen`) sets that record aside for the operator to see and discard, and sends the rest.
 * Records set aside or refused keep no personal data (the villager's phone and ID number are dropped): only the line
 * the operator saw. The queue holds a villager's phone or ID number only until it is synced.
 */
import { ApiError } from '../../../api/http.js';
import { browserStore, KeptQueue, type KeptShape, type KeptState, type KeptSync, type KeyValueStore } from '../../../app/keptQueue.js';
import type { BatchAnswer, Outcome, RecordInput, RecordType, RecordView } from '../../../api/station-phone.js';

/** The server takes at most this many records in one batch. */
export const MAX_BATCH = 500;

/** Cash the device reckons a record moves at the till (shown in today's totals until the server has it). */
export interface TillCash {
  inFen: number;
  outFen: number;
}

export interface QueuedRecord {
  siteId: string;
  record: RecordInput;
  /** When the operator made it (also record.at). */
  queuedAt: string;
  /** What the operator sees in the lists: 缴费 · 张三 · ¥120.00. */
  label: string;
  cash: TillCash;
}

/** What is kept of a record that did not get in: no phone, no ID number. */
export interface Settled {
  siteId: string;
  clientId: string;
  type: RecordType;
  at: string;
  label: string;
}

/** A record the server refused by a business rule: its code and Chinese reason, until dismissed. */
export interface Conflict extends Settled {
  code: string;
  message: string;
  settledAt: string;
}

/** A record the server could not read (a batch-level 400 naming it): the field and reason, until discarded. */
export interface SetAside extends Settled {
  reason: string;
  rejectedAt: string;
}

export type QueueState = KeptState<QueuedRecord, SetAside, Conflict>;

/** What one batch's answer told. */
interface RecordDigest {
  stored: number;
  duplicates: number;
  records: RecordView[];
}

export interface SyncOutcome extends KeptSync<SetAside, Conflict, RecordDigest> {
  stored: number;
  duplicates: number;
  refused: number;
  /** The stored record of every record that got in (a resend's included), for the lists and receipts. */
  records: RecordView[];
}

const RECORD_FIELD = /^body\.records(?:\[(\d+)\]|\.(\d+)|\/(\d+))[./]?/;

/** The index of the record a refused batch names (`body.records[3].amountFen`, `body.records.3.clientId`), if any. */
export function refusedRecordIndex(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const match = RECORD_FIELD.exec(error.field ?? '') ?? RECORD_FIELD.exec(error.message);
  return match ? Number(match[1] ?? match[2] ?? match[3]) : null;
}

/** What the operator typed, by the field the server names (the server's reasons are Chinese; its field paths are not). */
const FIELD_LABELS: Record<string, string> = {
  at: '时间',
  amountFen: '金额',
  feeFen: '手续费',
  depositFen: '押金',
  costFen: '成本',
  collectedFen: '收款',
  'customer.name': '村民姓名',
  'customer.phone': '手机号',
  'customer.idNumber': '身份证号',
  account: '户号',
  quantity: '数量',
  reason: '原因',
};

/** `body.records[3].customer.idNumber: 身份证号校验位…` → `身份证号：身份证号校验位…`; a field without a label is left out. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const text = error.message.replace(RECORD_FIELD, '');
  const path = /^([\w.[\]]+): /.exec(text);
  if (!path) return text;
  const label = FIELD_LABELS[path[1].replace(/\[\d+\]|\.\d+/g, '')];
  return label ? `${label}：${text.slice(path[0].length)}` : text.slice(path[0].length);
}

const settledOf = (q: QueuedRecord): Settled => ({ siteId: q.siteId, clientId: q.record.clientId, type: q.record.type, at: q.record.at, label: q.label });

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object';
const isSettled = (x: unknown): x is Settled => isObject(x) && typeof x.clientId === 'string';

const RECORDS: KeptShape<QueuedRecord, SetAside, Conflict> = {
  setAsideField: 'setAside',
  readQueued: (x) => {
    const q = x as Partial<QueuedRecord>;
    if (!isObject(x) || typeof q.record?.clientId !== 'string' || typeof q.siteId !== 'string') return null;
    // Records queued before the till counted queued cash have none.
    return { ...(x as unknown as QueuedRecord), cash: q.cash ?? { inFen: 0, outFen: 0 } };
  },
  readSetAside: (x) => (isSettled(x) ? (x as SetAside) : null),
  readConflict: (x) => (isSettled(x) ? (x as Conflict) : null),
  queuedId: (q) => `${q.siteId}/${q.record.clientId}`,
  setAsideId: (a) => a.clientId,
  conflictId: (c) => c.clientId,
  // One site at a time, in the order the records were made.
  nextBatch: (pending) => (pending[0] ? pending.filter((q) => q.siteId === pending[0].siteId).slice(0, MAX_BATCH) : []),
  refusedIndex: refusedRecordIndex,
  setAsideOf: (q, error, at) => ({ ...settledOf(q), reason: reasonOf(error), rejectedAt: at }),
};

/** The device's queue of records for one signed-in user. */
export class StationQueue extends KeptQueue<QueuedRecord, SetAside, Conflict> {
  constructor(key: string, store: KeyValueStore | null = browserStore()) {
    super(key, RECORDS, store);
  }

  /**
   * Keeps a record on the device; a clientId already queued for the site is not added twice. Throws when the device
   * is full (the page then tells the operator; nothing was kept).
   */
  add(siteId: string, record: RecordInput, label: string, cash: TillCash = { inFen: 0, outFen: 0 }): void {
    this.keep({ siteId, record, queuedAt: record.at, label, cash });
  }

  /** The queued record with this clientId, if it is still on the device. */
  find(clientId: string): QueuedRecord | undefined {
    return this.pending.find((q) => q.record.clientId === clientId);
  }

  /**
   * Sends the queue, one site and 500 records at a time, and removes only what the server answered for (stored,
   * duplicate or refused). One sync runs at a time: a second call gets the running one's outcome.
   */
  async sync(send: (siteId: string, records: RecordInput[]) => Promise<BatchAnswer>): Promise<SyncOutcome> {
    const kept = await this.sendAll(async (batch) => {
      const answer = await send(batch[0].siteId, batch.map((q) => q.record));
      const byClientId = new Map<string, Outcome>((answer.outcomes ?? []).map((o) => [o.clientId, o]));
      const answered = batch.filter((q) => byClientId.has(q.record.clientId));
      const now = new Date().toISOString();
      const digest: RecordDigest = { stored: 0, duplicates: 0, records: [] };
      const conflicts: Conflict[] = [];
      for (const q of answered) {
        const o = byClientId.get(q.record.clientId)!;
        if (o.status === 'refused') conflicts.push({ ...settledOf(q), code: o.code ?? 'REFUSED', message: o.message ?? o.code ?? '', settledAt: now });
        else {
          if (o.status === 'duplicate') digest.duplicates++;
          else digest.stored++;
          if (o.record) digest.records.push(o.record);
        }
      }
      return { answered, conflicts, digest };
    });
    const digests = kept.digests;
    return {
      ...kept,
      stored: digests.reduce((n, d) => n + d.stored, 0),
      duplicates: digests.reduce((n, d) => n + d.duplicates, 0),
      refused: kept.conflicts.length,
      records: digests.flatMap((d) => d.records),
    };
  }
}

/** Where the station's queue is kept on the device: one per signed-in user, so a shared phone keeps each operator's own. */
export const queueKey = (userId: string) => `countyhub.station.queue.${userId}`;
