/**
 * Finds the Chromium the browser tests drive, once per `npm test` (a Vitest global setup): `CHROMIUM_PATH` if
 * set, else Debian's /usr/bin/chromium, else the Chromium shipped inside the npm package @sparticuz/chromium (a dev
 * dependency), unpacked once into node_modules/.cache. A fresh machine of this kind has no Debian Chromium and
 * cannot download a browser, but it installs npm packages, so `npm install && npm test` passes there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PACKAGE = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'countyhub-chromium');

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromiumPath', process.env.CHROMIUM_PATH || (fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : await unpackPackagedChromium()));
}

/** Unpacks into a folder of its own and renames it into place, so an interrupted unpack is never used. */
export async function unpackPackagedChromium(): Promise<string> {
  const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
  const target = path.join(CACHE, version);
  const binary = path.join(target, 'chromium');
  if (fs.existsSync(binary)) return binary;
  const { default: packaged } = await import('@sparticuz/chromium');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-chromium-'));
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = work; // the package unpacks into os.tmpdir()
  try {
    await packaged.executablePath(path.join(PACKAGE, 'bin'));
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  fs.mkdirSync(CACHE, { recursive: true });
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(work, target);
  return binary;
}
