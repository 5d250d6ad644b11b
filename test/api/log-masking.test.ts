import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { logOptions } from '../../src/kernel/log-mask.js';
import { engines, openTestDatabase, TEST_DATA_KEY, TEST_KUAIDI100_SALT, type TestDatabase } from '../helpers.js';

const PHONE = '13911156174';
const ID_NUMBER = '53062119850315105X';

/** Issue 11 (probe): phone numbers and ID numbers in a request's URL, or in an error, are masked in the log. */
describe.each(engines())('the request log on %s', (engine) => {
  let app: FastifyInstance;
  let test: TestDatabase;
  let dataDir: string;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    test = await openTestDatabase(engine);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-log-'));
    ({ app } = await buildApp({
      config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: TEST_DATA_KEY, kuaidi100Salt: TEST_KUAIDI100_SALT },
      database: test.database,
      logger: { ...logOptions('info'), stream },
    }));
    app.get('/test-only/boom', async () => {
      // What a PostgreSQL unique violation carries: the values of the row.
      throw Object.assign(new Error(`duplicate key value violates unique constraint; Key (phone)=(${PHONE}) already exists`), { detail: `Key (phone, id_number)=(${PHONE}, ${ID_NUMBER}) already exists.` });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('masks a phone number and an ID number in the logged URL', async () => {
    lines.length = 0;
    await app.inject({ url: `/api/v1/notify/outbox?phone=${PHONE}&idNumber=${ID_NUMBER}&limit=20` });
    const logged = lines.join('\n');
    expect(logged).toContain('"url":"/api/v1/notify/outbox?phone=139****6174&idNumber=5306**********105X&limit=20"');
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain(ID_NUMBER);
  });

  it('leaves other numbers in the URL alone', async () => {
    lines.length = 0;
    await app.inject({ url: '/api/v1/trace/sscc/069012345678901234?limit=20' });
    expect(lines.join('\n')).toContain('/api/v1/trace/sscc/069012345678901234?limit=20');
  });

  it('masks them in a failed request’s error too', async () => {
    lines.length = 0;
    expect((await app.inject({ url: '/test-only/boom' })).statusCode).toBe(500);
    const logged = lines.join('\n');
    expect(logged).toContain('request failed');
    expect(logged).toContain('139****6174');
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain(ID_NUMBER);
  });
});
