import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { CodeSplittingNameFunction } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The pages that must open without a connection after their first visit, by their source folder, with the console's
 * frame around them (loaded on first use since the shop stopped carrying it).
 */
const OFFLINE_PAGES = ['/web/src/features/logistics/point/', '/web/src/features/stations/phone/', '/web/src/app/shell/AppLayout', '/web/src/app/Guard'];

/**
 * Builds dist/web/sw.js from web/sw/shell-worker.js: the worker keeps the app shell (index.html, the entry with its
 * chunks and CSS, and the chunks of OFFLINE_PAGES) under a cache named by this build's version, so a new build
 * replaces the old cache. Hashed files only: nothing the API answers is kept.
 */
function shellWorker(): Plugin {
  const template = new URL('./web/sw/shell-worker.js', import.meta.url);
  return {
    name: 'countyhub-shell-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      const visit = (fileName: string, withLazy: boolean) => {
        const item = bundle[fileName];
        if (!item || files.has(`/${fileName}`)) return;
        files.add(`/${fileName}`);
        if (item.type !== 'chunk') return;
        for (const css of item.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
        for (const asset of item.viteMetadata?.importedAssets ?? []) files.add(`/${asset}`);
        for (const next of item.imports) visit(next, withLazy);
        if (withLazy) for (const next of item.dynamicImports) visit(next, withLazy);
      };
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        if (item.isEntry) visit(item.fileName, false);
        else if (item.moduleIds.some((id) => OFFLINE_PAGES.some((page) => id.replaceAll('\\', '/').includes(page)))) visit(item.fileName, true);
      }
      const shell = [...files].sort();
      const source = fs.readFileSync(template, 'utf8');
      const version = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).update(source).digest('hex').slice(0, 16);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: source.replace('__SHELL_VERSION__', version).replace('[] /* __SHELL_FILES__ */', JSON.stringify(shell)) });
    },
  };
}

/** Barrel files that re-export a whole library: following them would pull every component into the first load. */
const BARRELS: Record<string, (name: string) => string> = {
  antd: (name) => `node_modules/antd/es/${name.replace(/[A-Z]/g, (c, at: number) => (at ? '-' : '') + c.toLowerCase())}/index.js`,
  '@ant-design/icons': (name) => `node_modules/@ant-design/icons/es/icons/${name}.js`,
};

/** The files a module takes from the BARRELS libraries, read from its `import { A, B as C } from 'lib'` lines. */
function barrelImports(code: string | null): string[] {
  const files: string[] = [];
  for (const [, names, lib] of (code ?? '').matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const fileOf = BARRELS[lib];
    if (!fileOf) continue;
    for (const name of names.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean)) {
      const file = fileURLToPath(new URL(`./${fileOf(name)}`, import.meta.url));
      // Module ids are real paths (node_modules may be a link).
      if (fs.existsSync(file)) files.push(fs.realpathSync(file));
    }
  }
  return files;
}

/**
 * Puts every module the entry (web/src/main.tsx) imports statically, directly or not, into one chunk: the shop's
 * first page needs all of them anyway, and on a 3G link (150 ms a round trip) forty small files cost more than one
 * big one. Imports through a library's barrel count only for the components named. What only lazy pages use stays
 * split the way those pages use it.
 */
function firstLoadChunk(): CodeSplittingNameFunction {
  const entry = fileURLToPath(new URL('./web/src/main.tsx', import.meta.url));
  const barrels = new Set(Object.values(BARRELS).map((fileOf) => path.join(fs.realpathSync(path.dirname(path.dirname(fileURLToPath(new URL(`./${fileOf('X')}`, import.meta.url))))), 'index.js')));
  let firstLoad: Set<string> | undefined;
  return (moduleId, ctx) => {
    if (!firstLoad) {
      firstLoad = new Set();
      const queue = [entry];
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        if (firstLoad.has(id)) continue;
        firstLoad.add(id);
        const info = ctx.getModuleInfo(id);
        if (!info) continue;
        queue.push(...info.importedIds.filter((next) => !barrels.has(next)));
        if (info.importedIds.some((next) => barrels.has(next))) queue.push(...barrelImports(info.code));
      }
    }
    return moduleId !== entry && firstLoad.has(moduleId) ? 'first-load' : null;
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files worth compressing, and the size under which it is not worth a second file. */
const PRECOMPRESS = /\.(js|css|html|svg|json|txt|map)$/;
const PRECOMPRESS_MIN_BYTES = 1024;

/**
 * Writes a brotli (.br, best quality) and a gzip (.gz) copy beside every text file of the build; the server sends
 * the one the browser takes (@fastify/static `preCompressed`), so no answer is compressed twice or on the fly.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'countyhub-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      if (error || !fs.existsSync(outDir)) return;
      const files = (fs.readdirSync(outDir, { recursive: true }) as string[]).map((file) => path.join(outDir, file)).filter((file) => PRECOMPRESS.test(file) && fs.statSync(file).size >= PRECOMPRESS_MIN_BYTES);
      await Promise.all(
        files.map(async (file) => {
          const body = await fs.promises.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * The web console: sources in web/, built into dist/web, which the Fastify server serves with an SPA fallback.
 * In development `npx vite` serves the console and forwards /api to the server on port 3000.
 */
export default defineConfig({
  root: 'web',
  plugins: [react(), shellWorker(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Read by the server (src/kernel/http/page-shell.ts) to announce a page's chunks in its HTML.
    manifest: true,
    // Ant Design is split the way pages use it (no catch-all vendor chunk): the shop downloads only the components
    // its pages render, and the console's tables, forms and charts load with the console's pages.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 20 },
            { name: firstLoadChunk(), debugName: 'first-load', priority: 10 },
            // The console's icons, one file each otherwise: a menu would open with twenty requests.
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
