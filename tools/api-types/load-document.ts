import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/kernel/db.js';
import type { OpenApiDocument } from './operations.js';

/**
 * The API's /api/openapi.json, from the whole app built in this process on an empty in-memory SQLite database, in
 * demo mode so that the local payment provider's routes, which the console calls there, are described too.
 */
export async function loadApiDocument(): Promise<OpenApiDocument> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-api-types-'));
  const database = await openDatabase({ sqliteFile: ':memory:' });
  try {
    const { app } = await buildApp({
      config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: randomBytes(32).toString('base64'), demoMode: true },
      database,
    });
    try {
      await app.ready();
      return (await app.inject({ url: '/api/openapi.json' })).json();
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
