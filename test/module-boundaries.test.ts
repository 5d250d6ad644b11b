import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The boundary rule's messages for `code` as if it were the file at `file` (project-relative). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((m) => m.fatal).map((m) => m.message);
  expect(fatal, 'the snippet must parse').toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'countyhub/module-boundaries').map((m) => m.message);
}

/** Every way a file can name another: each is a snippet naming `spec`. */
const forms: [string, (spec: string) => string][] = [
  ['import x from', (s) => `import x from '${s}';\nexport const z = x;`],
  ['import { x } from', (s) => `import { x } from '${s}';\nexport const z = x;`],
  ['import type', (s) => `import type { X } from '${s}';\nexport type Z = X;`],
  ['import { type x }', (s) => `import { type X } from '${s}';\nexport type Z = X;`],
  ['side-effect import', (s) => `import '${s}';`],
  ['export { x } from', (s) => `export { x } from '${s}';`],
  ['export type { x } from', (s) => `export type { X } from '${s}';`],
  ['export * from', (s) => `export * from '${s}';`],
  ['export * as ns from', (s) => `export * as ns from '${s}';`],
  ["import('…')", (s) => `export const load = () => import('${s}');`],
  ['import(`…`)', (s) => `export const load = () => import(\`${s}\`);`],
  ["typeof import('…')", (s) => `export type T = typeof import('${s}');`],
  ["import('…').X type", (s) => `export type T = import('${s}').X;`],
  ["require('…')", (s) => `export const x = require('${s}');`],
  ["import x = require('…')", (s) => `import x = require('${s}');\nexport const z = x;`],
  ["import type x = require('…')", (s) => `import type x = require('${s}');\nexport type Z = typeof x;`],
  ['/// <reference path>', (s) => `/// <reference path="${s}" />\nexport const z = 1;`],
  ['new URL(…, import.meta.url)', (s) => `export const u = new URL('${s}', import.meta.url);`],
  ["import.meta.resolve('…')", (s) => `export const u = import.meta.resolve('${s}');`],
  ["require.resolve('…')", (s) => `export const u = require.resolve('${s}');`],
];

describe('module boundaries lint rule: every import form', () => {
  it.each(forms)('refuses a module reaching another module by %s', async (_name, form) => {
    expect(await boundaryErrors('src/modules/network/x.ts', form('../identity/index.js'))).toEqual([
      expect.stringMatching(/^src\/modules\/network must not import src\/modules\/identity .*move the work to src\/flows\//),
    ]);
  });

  it.each(forms)("refuses code outside modules reaching past a module's index.ts by %s", async (_name, form) => {
    expect(await boundaryErrors('src/flows/f.ts', form('../modules/network/network.service.js'))).toEqual([
      'Import module "network" through its index.ts, not ../modules/network/network.service.js.',
    ]);
  });

  it.each(forms)("allows a module's own files and the kernel by %s", async (_name, form) => {
    expect(await boundaryErrors('src/modules/network/x.ts', form('./network.service.js'))).toEqual([]);
    expect(await boundaryErrors('src/modules/network/x.ts', form('../../kernel/errors.js'))).toEqual([]);
  });

  it('names the target by an absolute path or a file: URL as well as a relative one', async () => {
    const target = path.join(root, 'src/modules/identity/index.js');
    for (const spec of [target, pathToFileURL(target).href]) {
      expect(await boundaryErrors('src/modules/network/x.ts', `import { y } from '${spec}';\nexport const z = y;`)).toHaveLength(1);
    }
  });
});

describe('module boundaries lint rule: who may import what', () => {
  // [importer, specifier, the start of the expected message]
  const breaches: [string, string, string][] = [
    ['src/kernel/k.ts', '../modules/network/index.js', 'kernel must not import src/modules/network'],
    ['src/kernel/k.ts', '../flows/commerce.js', 'kernel must not import flows'],
    ['src/kernel/k.ts', '../app.js', 'kernel must not import app'],
    ['src/kernel/k.ts', '../config.js', 'kernel must not import config'],
    ['src/kernel/k.ts', '../seed/ludian.js', 'kernel must not import seed'],
    ['src/kernel/k.ts', '../cli/seed.js', 'kernel must not import cli'],
    ['src/kernel/http/h.ts', '../../../test/helpers.js', 'kernel must not import test'],
    ['src/kernel/k.ts', '../../web/src/app/format.js', 'kernel must not import web'],
    ['src/modules/network/x.ts', '../identity/identity.service.js', 'src/modules/network must not import src/modules/identity'],
    ['src/modules/network/deep/x.ts', '../../identity/index.js', 'src/modules/network must not import src/modules/identity'],
    ['src/modules/network/x.ts', '../../flows/commerce.js', 'src/modules/network must not import flows'],
    ['src/modules/network/x.ts', '../../app.js', 'src/modules/network must not import app'],
    ['src/modules/network/x.ts', '../../main.js', 'src/modules/network must not import main'],
    ['src/modules/network/x.ts', '../../config.js', 'src/modules/network must not import config'],
    ['src/modules/network/x.ts', '../../seed/ludian.js', 'src/modules/network must not import seed'],
    ['src/modules/network/x.ts', '../../cli/migrate.js', 'src/modules/network must not import cli'],
    ['src/modules/network/x.ts', '../../../web/src/app/format.js', 'src/modules/network must not import web'],
    ['src/modules/network/x.ts', '../../../test/helpers.js', 'src/modules/network must not import test'],
    ['src/modules/network/x.ts', '../../../tools/eslint-module-boundaries.js', 'src/modules/network must not import files outside src/, web/ and test/'],
    ['src/modules/network/x.ts', '../../extra.js', 'src/modules/network must not import src/extra.js'],
    ['src/modules/network/x.test.ts', '../identity/index.js', 'src/modules/network must not import src/modules/identity'],
    ['src/config.ts', './app.js', 'config must not import app'],
    ['src/seed/ludian.ts', '../kernel/ids.js', 'seed must not import kernel'],
    ['src/seed/ludian.ts', '../modules/catalog/index.js', 'seed must not import src/modules/catalog'],
    ['src/flows/f.ts', '../main.js', 'flows must not import main'],
    ['src/flows/f.ts', '../cli/seed.js', 'flows must not import cli'],
    ['src/flows/f.ts', '../extra.js', 'flows must not import src/extra.js'],
    ['src/app.ts', './modules/network/network.service.js', 'Import module "network" through its index.ts'],
    ['src/app.ts', './seed/ludian.js', 'app must not import seed'],
    ['src/app.ts', './main.js', 'app must not import main'],
    ['src/main.ts', './modules/identity/identity.service.js', 'Import module "identity" through its index.ts'],
    ['src/main.ts', './seed/ludian.js', 'main must not import seed'],
    ['src/cli/seed.ts', '../modules/catalog/catalog.service.js', 'Import module "catalog" through its index.ts'],
    ['src/cli/seed.ts', '../main.js', 'cli must not import main'],
    ['src/extra.ts', './kernel/ids.js', 'src/extra.ts has no row in the boundary table'],
    ['test/api/x.test.ts', '../../src/modules/orders/orders.service.js', 'Import module "orders" through its index.ts'],
    ['bench/x.ts', '../src/modules/orders/orders.repository.js', 'Import module "orders" through its index.ts'],
    ['web/src/features/x/Page.tsx', '../../../../test/helpers.js', 'The console (web/) must not import server code'],
  ];

  it.each(breaches)('refuses %s importing %s', async (file, spec, message) => {
    const errors = await boundaryErrors(file, `import { y } from '${spec}';\nexport const z = y;`);
    expect(errors).toHaveLength(1);
    expect(errors[0].startsWith(message), errors[0]).toBe(true);
  });

  it('lets flows use src/app.ts for its types only', async () => {
    expect(await boundaryErrors('src/flows/f.ts', "import type { Modules } from '../app.js';\nexport type M = Modules;")).toEqual([]);
    expect(await boundaryErrors('src/flows/f.ts', "import { buildApp } from '../app.js';\nexport const b = buildApp;")).toEqual([
      'flows may import src/app.ts for types only (../app.js): use `import type`.',
    ]);
  });

  it('lets the console import server code for its types only, a module through its door', async () => {
    const page = 'web/src/features/network/Page.tsx';
    expect(await boundaryErrors(page, "import type { Site } from '../../../../src/modules/network/index.js';\nexport type S = Site;")).toEqual([]);
    expect(await boundaryErrors(page, "import { networkModule } from '../../../../src/modules/network/index.js';\nexport const n = networkModule;")).toEqual([
      expect.stringMatching(/^The console \(web\/\) must not import server code/),
    ]);
    expect(await boundaryErrors(page, "import type { S } from '../../../../src/modules/network/network.schema.js';\nexport type T = S;")).toEqual([
      expect.stringMatching(/through its index\.ts/),
    ]);
  });

  it('lets the phone run a rule file it shares with the server (SHARED_WITH_WEB), which itself imports nothing', async () => {
    const page = 'web/src/features/stations/phone/Form.tsx';
    expect(await boundaryErrors(page, "import { gradeLines } from '../../../../../src/modules/stations/grading.js';\nexport const g = gradeLines;")).toEqual([]);
    expect(await boundaryErrors(page, "import { yuan } from '../../../../../src/modules/stations/handlers/types.js';\nexport const y = yuan;")).toEqual([
      expect.stringMatching(/^The console \(web\/\) must not import server code/),
    ]);
    expect(await boundaryErrors('src/modules/stations/grading.ts', "import { shanghaiDate } from '../../kernel/clock.js';\nexport const d = shanghaiDate;")).toEqual([
      expect.stringMatching(/imports nothing/),
    ]);
  });

  // [importer, specifiers it may import]
  const allowed: [string, string[]][] = [
    ['src/kernel/http/h.ts', ['../errors.js', './paging.js', 'fastify', 'node:path', 'path', 'kysely/helpers/postgres']],
    ['src/modules/trace/epcis/x.ts', ['../trace.tables.js', '../index.js', '../../../kernel/db.js', './EPCIS-JSON-Schema.json', '@fastify/cookie']],
    ['src/modules/network/x.test.ts', ['../../../test/helpers.js', '../../../test/fixtures/offload-tasks.js', './coverage.js']],
    ['src/kernel/offload.test.ts', ['../../test/fixtures/offload-tasks.js']],
    ['src/config.ts', ['./kernel/clock.js']],
    ['src/seed/ludian.ts', ['./ludian-catalog.js']],
    ['src/flows/f.ts', ['../modules/network/index.js', '../modules/network', './commerce.js', '../kernel/db.js', '../seed/ludian.js', '../config.js']],
    ['src/app.ts', ['./modules/orders/index.js', './flows/commerce.js', './kernel/db.js', './config.js']],
    ['src/main.ts', ['./app.js', './config.js', './flows/bootstrap.js', './kernel/log-mask.js', './modules/identity/index.js']],
    ['src/cli/seed.ts', ['../app.js', '../config.js', '../flows/load-demo-data.js', '../kernel/clock.js', '../seed/ludian.js', './migrate.js']],
    ['web/src/features/x/Page.tsx', ['../../app/format.js', 'antd', 'react']],
    ['test/api/x.test.ts', ['../helpers.js', '../../src/app.js', '../../src/kernel/db.js', '../../src/flows/commerce.js', '../../src/seed/ludian.js', '../../src/modules/parties/index.js', '../../web/src/app/format.js', 'some-package-not-installed']],
    ['bench/x.ts', ['../src/app.js', '../src/flows/commerce.js']],
  ];

  it.each(allowed)('allows %s its own row', async (file, specs) => {
    const code = specs.map((spec, i) => `import * as m${i} from '${spec}';`).join('\n') + `\nexport const all = [${specs.map((_, i) => `m${i}`).join(', ')}];`;
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});

describe('module boundaries lint rule: targets it cannot check', () => {
  const unreadable = [
    ['import(`…${x}`)', 'export const load = (m: string) => import(`../${m}/index.js`);'],
    ['import(variable)', 'export const load = (m: string) => import(m);'],
    ['require(variable)', 'export const load = (m: string) => require(m);'],
    ['new URL(variable, import.meta.url)', 'export const at = (m: string) => new URL(m, import.meta.url);'],
    ['import.meta.resolve(`…${x}`)', 'export const at = (m: string) => import.meta.resolve(`./${m}.js`);'],
  ];

  it.each(unreadable)('refuses %s under src/', async (_name, code) => {
    expect(await boundaryErrors('src/modules/network/x.ts', code)).toEqual([
      'An import under src/ must name its target as a plain string so the boundaries can be checked.',
    ]);
  });

  it.each(unreadable)('leaves %s alone outside src/', async (_name, code) => {
    expect(await boundaryErrors('test/api/x.test.ts', code)).toEqual([]);
  });

  it.each(['#kernel/db.js', '@/modules/identity/index.js', 'countyhub/src/modules/identity/index.js', 'src/modules/identity/index.js'])(
    'refuses a bare name under src/ that is no dependency (an alias would slip past): %s',
    async (spec) => {
      expect(await boundaryErrors('src/modules/network/x.ts', `import { y } from '${spec}';\nexport const z = y;`)).toEqual([
        `"${spec}" is neither a file path nor a dependency in package.json; path aliases are not used here.`,
      ]);
    },
  );

  it('counts a data file read by URL as no import (a test may read a module\u2019s JSON schema)', async () => {
    const code = "export const u = new URL('../../src/modules/trace/epcis/EPCIS-JSON-Schema.json', import.meta.url);";
    expect(await boundaryErrors('test/api/x.test.ts', code)).toEqual([]);
  });
});
