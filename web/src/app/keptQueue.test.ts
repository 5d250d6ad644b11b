import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.js';
import { KeptQueue, type KeptShape, type KeyValueStore, type Settled } from './keptQueue.js';

/** localStorage as the device keeps it, in a Map; `full` makes every write fail as a full device does. */
function memoryStore(): KeyValueStore & { data: Map<string, string>; full: boolean } {
  const data = new Map<string, string>();
  const store = {
    data,
    full: false,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (store.full) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return store;
}

/** A small kind of work: a note with an id, sent three at a time. */
interface Note {
  id: string;
  text: string;
}
interface Aside {
  id: string;
  reason: string;
}
interface Refusal {
  id: string;
  why: string;
}

const NOTES: KeptShape<Note, Aside, Refusal> = {
  setAsideField: 'unreadable',
  readQueued: (x) => (typeof (x as Note)?.id === 'string' ? (x as Note) : null),
  readSetAside: (x) => (typeof (x as Aside)?.id === 'string' ? (x as Aside) : null),
  readConflict: (x) => (typeof (x as Refusal)?.id === 'string' ? (x as Refusal) : null),
  queuedId: (n) => n.id,
  setAsideId: (a) => a.id,
  conflictId: (r) => r.id,
  nextBatch: (pending) => pending.slice(0, 3),
  refusedIndex: (error) => (error instanceof ApiError && error.status === 400 && error.field ? Number(/\[(\d+)\]/.exec(error.field)?.[1]) : null),
  setAsideOf: (n, error, at) => ({ id: n.id, reason: `${(error as Error).message} @${at.slice(0, 4)}` }),
};

const note = (n: number): Note => ({ id: `n${n}`, text: `note ${n}` });

/** The server: stores an id once, refuses what `refuse` names, answers for at most `answers` of a batch. */
function server(refuse: (n: Note) => string | null = () => null, answers = Infinity) {
  const stored = new Set<string>();
  const calls: string[][] = [];
  const send = async (batch: Note[]): Promise<Settled<Note, Refusal, { stored: number }>> => {
    calls.push(batch.map((n) => n.id));
    const answered = batch.slice(0, answers);
    const conflicts: Refusal[] = [];
    let fresh = 0;
    for (const n of answered) {
      const why = refuse(n);
      if (why) conflicts.push({ id: n.id, why });
      else if (!stored.has(n.id)) {
        stored.add(n.id);
        fresh++;
      }
    }
    return { answered, conflicts, digest: { stored: fresh } };
  };
  return { stored, calls, send };
}

describe('the kept queue on the phone', () => {
  it('keeps each piece of work once, across a reload, and another tab\'s additions too', () => {
    const store = memoryStore();
    const tabA = new KeptQueue('q', NOTES, store);
    const tabB = new KeptQueue('q', NOTES, store);
    tabA.keep(note(1));
    tabB.keep(note(2));
    tabA.keep(note(1));
    expect(new KeptQueue('q', NOTES, store).pending.map((n) => n.id)).toEqual(['n1', 'n2']);
    tabA.reload();
    expect(tabA.pending.map((n) => n.id)).toEqual(['n1', 'n2']);
  });

  it('tells the page a full device refused the work, and keeps nothing half-written', () => {
    const store = memoryStore();
    const queue = new KeptQueue('q', NOTES, store);
    queue.keep(note(1));
    store.full = true;
    expect(() => queue.keep(note(2))).toThrow();
    expect(queue.pending.map((n) => n.id)).toEqual(['n1']);
    expect(new KeptQueue('q', NOTES, store).pending.map((n) => n.id)).toEqual(['n1']);
  });

  it('lives in memory where the browser refuses storage', async () => {
    const queue = new KeptQueue('q', NOTES, null);
    queue.keep(note(1));
    expect(queue.pending).toHaveLength(1);
    const s = server();
    expect(await queue.sendAll(s.send)).toMatchObject({ state: 'done', sent: 1, remaining: 0 });
  });

  it('lets go only of what the server answered for, batch by batch, and keeps all of it while unreachable', async () => {
    const store = memoryStore();
    const queue = new KeptQueue('q', NOTES, store);
    [1, 2, 3, 4].forEach((n) => queue.keep(note(n)));
    expect(await queue.sendAll(() => Promise.reject(new ApiError(0, 'NETWORK', 'Failed to fetch')))).toMatchObject({ state: 'offline', sent: 0, remaining: 4 });
    expect(await queue.sendAll(() => Promise.reject(new ApiError(503, 'HTTP_503', 'Service Unavailable')))).toMatchObject({ state: 'offline', remaining: 4 });
    expect(await queue.sendAll(() => Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Sign in first')))).toMatchObject({ state: 'failed', remaining: 4 });
    const s = server();
    const done = await queue.sendAll(s.send);
    expect(s.calls).toEqual([['n1', 'n2', 'n3'], ['n4']]);
    expect(done).toMatchObject({ state: 'done', sent: 4, digests: [{ stored: 3 }, { stored: 1 }], remaining: 0 });
    expect(store.data.size).toBe(0);
  });

  it('keeps what an answer left out, and everything when the answer names nothing sent', async () => {
    const queue = new KeptQueue('q', NOTES, memoryStore());
    [1, 2].forEach((n) => queue.keep(note(n)));
    expect(await queue.sendAll(server(undefined, 0).send)).toMatchObject({ state: 'failed', sent: 0, remaining: 2 });
    expect(await queue.sendAll(server(undefined, 1).send)).toMatchObject({ state: 'failed', sent: 1, remaining: 1 });
    expect(queue.pending.map((n) => n.id)).toEqual(['n2']);
  });

  it('sets aside the one entry a refused batch names, sends the rest, and keeps it until discarded', async () => {
    const store = memoryStore();
    const queue = new KeptQueue('q', NOTES, store);
    [1, 2, 3].forEach((n) => queue.keep(note(n)));
    const s = server();
    const outcome = await queue.sendAll(async (batch) => {
      const bad = batch.findIndex((n) => n.id === 'n2');
      if (bad >= 0) throw new ApiError(400, 'VALIDATION_FAILED', 'text: too long', { field: `body.notes[${bad}].text` });
      return s.send(batch);
    });
    expect(outcome).toMatchObject({ state: 'done', sent: 2, setAside: [{ id: 'n2' }], remaining: 0 });
    expect(JSON.parse(store.data.get('q')!)).toEqual({ pending: [], unreadable: [{ id: 'n2', reason: expect.stringMatching(/^text: too long @20\d\d$/) }], conflicts: [] });
    const reloaded = new KeptQueue('q', NOTES, store);
    reloaded.discard('n2');
    expect(reloaded.setAside).toEqual([]);
    expect(store.data.size).toBe(0);
  });

  it('keeps what did not count until read, listed once however often the answer comes back', async () => {
    const store = memoryStore();
    const queue = new KeptQueue('q', NOTES, store);
    queue.keep(note(1));
    const s = server((n) => (n.id === 'n1' ? '已结账' : null));
    await queue.sendAll(s.send);
    queue.keep(note(1));
    const again = await queue.sendAll(s.send);
    expect(again.conflicts).toEqual([{ id: 'n1', why: '已结账' }]);
    expect(new KeptQueue('q', NOTES, store).conflicts).toEqual([{ id: 'n1', why: '已结账' }]);
    queue.dismiss('n1');
    expect(store.data.size).toBe(0);
  });

  it('runs one sync at a time: a second call while one runs gets its outcome and sends nothing twice', async () => {
    const queue = new KeptQueue('q', NOTES, memoryStore());
    queue.keep(note(1));
    const s = server();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.sendAll(async (batch) => (await gate, s.send(batch)));
    const second = queue.sendAll(s.send);
    expect(queue.syncing).toBe(true);
    release();
    expect(await second).toBe(await first);
    expect(s.calls).toEqual([['n1']]);
    expect(queue.syncing).toBe(false);
  });

  it('reads a stored queue it cannot fully read as far as it can', () => {
    const store = memoryStore();
    store.data.set('q', JSON.stringify({ pending: [note(1), { nope: true }, null], unreadable: 'x' }));
    expect(new KeptQueue('q', NOTES, store).snapshot()).toEqual({ pending: [note(1)], setAside: [], conflicts: [] });
    store.data.set('q', '{not json');
    expect(new KeptQueue('q', NOTES, store).pending).toEqual([]);
  });
});
