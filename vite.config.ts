import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The pages that must open without a connection after their first visit, by their source folder. */
const OFFLINE_PAGES = ['/web/src/features/logistics/point/'];

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

/**
 * The web console: sources in web/, built into dist/web, which the Fastify server serves with an SPA fallback.
 * In development `npx vite` serves the console and forwards /api to the server on port 3000.
 */
export default defineConfig({
  root: 'web',
  plugins: [react(), shellWorker()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Ant Design alone is ~1 MB minified; it is cached by the browser as its own chunk.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
