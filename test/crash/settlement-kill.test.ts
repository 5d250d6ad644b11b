import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BACKERS = 300;
const KILL_AFTER = 60;

/**
 * Presale settlement killed with SIGKILL after some of its refunds: the next run finishes it. A failed presale's 300
 * paid backers are each refunded exactly once, and the poverty-alleviation ledger gives back each credit once.
 */
describe('a presale settlement killed half-way', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-settle-kill-'));
  const env = { ...process.env, COUNTYHUB_DATA_KEY: randomBytes(32).toString('base64'), DATABASE_URL: '', LOG_LEVEL: 'warn' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const child = (mode: string) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/crash/settlement-child.ts', mode, dataDir, String(BACKERS)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.stderr.on('data', (chunk) => (out += chunk));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal, out })));
    return { proc, done };
  };
  const run = async (mode: string) => {
    const { code, out } = await child(mode).done;
    if (code !== 0) throw new Error(`${mode} failed (${code}):\n${out}`);
    return JSON.parse(out.trim().split('\n').pop()!);
  };

  it('refunds every backer exactly once after a restart, and reverses the ledger once', async () => {
    const seeded = await run('seed');
    expect(seeded.incomePaid).toBeGreaterThan(seeded.incomeBefore);
    const file = path.join(dataDir, 'countyhub.sqlite');
    const look = new SQLite(file, { readonly: true });
    const count = (status: string) => (look.prepare('select count(*) as n from orders_orders where campaign_id = ? and status = ?').get(seeded.campaignId, status) as { n: number }).n;
    expect(count('paid')).toBe(BACKERS);

    // The first run is killed once it has refunded some of the backers.
    const first = child('settle');
    let refundedAtKill = 0;
    while (!first.proc.killed) {
      refundedAtKill = count('refunded');
      if (refundedAtKill >= KILL_AFTER) first.proc.kill('SIGKILL');
      else await new Promise((r) => setTimeout(r, 2));
    }
    const killed = await first.done;
    expect(killed.signal, killed.out).toBe('SIGKILL');
    const left = count('paid');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(BACKERS);
    expect(look.prepare('select status from orders_campaigns where id = ?').get(seeded.campaignId)).toEqual({ status: 'failed' });

    // The next run (housekeeping's next minute, or another process) finishes it; a third changes nothing.
    await run('settle');
    await run('settle');
    expect(count('paid')).toBe(0);
    expect(count('refunded')).toBe(BACKERS);
    expect(look.prepare('select status from orders_campaigns where id = ?').get(seeded.campaignId)).toEqual({ status: 'failed' });
    expect((look.prepare('select settled_at from orders_campaigns where id = ?').get(seeded.campaignId) as { settled_at: string | null }).settled_at).not.toBeNull();
    const refunds = look
      .prepare("select o.id, (select count(*) from kernel_audit_log a where a.entity_id = o.id and a.action = 'order.refunded') as audits, (select group_concat(p.status) from orders_payments p where p.order_id = o.id) as payments from orders_orders o where o.campaign_id = ?")
      .all(seeded.campaignId) as { id: string; audits: number; payments: string }[];
    expect(refunds).toHaveLength(BACKERS);
    for (const r of refunds) expect(r, r.id).toMatchObject({ audits: 1, payments: 'refunded' });
    look.close();
    // Every credit is given back once: the ledger's income is what it was before the presale.
    expect((await run('ledger')).income).toBe(seeded.incomeBefore);
  }, 300_000);
});
