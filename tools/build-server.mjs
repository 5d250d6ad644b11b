// `npm run build:server` (run by `prepare`, so by `npm install`): src/ → dist/server/ as plain ES modules, one .js
// beside where each .ts was, so `npm start` runs JavaScript without a TypeScript loader. A transpile only, by the
// esbuild that tsx used to run these same sources: types are checked by `npm run typecheck`, not here. Files the
// server reads beside its code at run time (the worker bootstrap, JSON schemas) are copied as they are.
//
// `--if-stale` (before `npm start`, `migrate`, `seed`): builds only when the sources changed since the last build,
// so a `git pull` without `npm install` does not start yesterday's server.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'src');
const OUT = path.join(ROOT, 'dist', 'server');
/** What the last build was made from: a hash of every input's path, size and time. */
const STAMP = path.join(OUT, '.built-from');
const COPIED = new Set(['.mjs', '.cjs', '.json']);

/** Tests run from the sources through vitest; they are not part of the server. */
const isTest = (file) => file.endsWith('.test.ts');

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

const files = filesUnder(SOURCE).filter((file) => !isTest(file)).sort();
const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
const copies = files.filter((file) => COPIED.has(path.extname(file)));

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), path.join(ROOT, 'tsconfig.json'), ...sources, ...copies]) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const wanted = fingerprint();
if (process.argv.includes('--if-stale') && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === wanted) process.exit(0);

const { build } = await import('esbuild');
fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: sources,
  outdir: OUT,
  outbase: SOURCE,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // For `node --enable-source-maps dist/server/main.js` when a stack trace must name the .ts line.
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  // The same tsconfig.json that tsx and vitest read (class fields, which imports are types only).
  tsconfig: path.join(ROOT, 'tsconfig.json'),
});
for (const file of copies) {
  const target = path.join(OUT, path.relative(SOURCE, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
fs.writeFileSync(STAMP, wanted);
console.log(`Server built into ${path.relative(ROOT, OUT)}: ${sources.length} modules, ${copies.length} other files 服务端已编译`);
