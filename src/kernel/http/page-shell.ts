import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { withPageMeta, type PageMeta } from './page-meta.js';

/** One entry of Vite's build manifest (dist/web/.vite/manifest.json), by source file. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/**
 * The console's index.html, served for a page that has its own first screen (a shared product, a sign-in form):
 * the page's own lazy chunk and what it imports are announced in the HTML (modulepreload), so a phone fetches them
 * together with the entry instead of one round trip after it (~1 s on 3G). Chunk names come from the build manifest.
 */
export class PageShell {
  private constructor(
    readonly indexHtml: string,
    private readonly manifest: Record<string, ManifestChunk>,
  ) {}

  /** The built console in `webDir`, or none when it was not built. */
  static load(webDir: string): PageShell | undefined {
    const index = path.join(webDir, 'index.html');
    if (!fs.existsSync(index)) return undefined;
    const manifestFile = path.join(webDir, '.vite', 'manifest.json');
    const manifest = fs.existsSync(manifestFile) ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>) : {};
    return new PageShell(fs.readFileSync(index, 'utf8'), manifest);
  }

  /** The files `source` (a path under web/, e.g. src/features/shop/product/ProductPage.tsx) loads that the entry does not. */
  preloadsFor(source: string): string[] {
    const reach = (start: string[]) => {
      const seen = new Set<string>();
      for (let key = start.pop(); key !== undefined; key = start.pop()) {
        if (seen.has(key) || !this.manifest[key]) continue;
        seen.add(key);
        start.push(...(this.manifest[key].imports ?? []));
      }
      return seen;
    };
    const entry = reach(Object.keys(this.manifest).filter((key) => this.manifest[key].isEntry));
    return [...reach([source])].filter((key) => !entry.has(key)).map((key) => `/${this.manifest[key].file}`);
  }

  /**
   * index.html announcing `source`'s chunks and the API answers the page asks for first (`fetches`, same-origin
   * paths: the browser starts them with the HTML and hands them to the page's own fetch when it runs, about a
   * second later on 3G), with the page's link-preview tags when given.
   */
  render(source: string | undefined, meta?: PageMeta, fetches: string[] = []): string {
    const modules = source ? this.preloadsFor(source).map((file) => `<link rel="modulepreload" crossorigin href="${file}">`) : [];
    const answers = fetches.map((url) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escapeAttribute(url)}">`);
    const preloads = [...answers, ...modules];
    const html = preloads.length ? this.indexHtml.replace('</head>', () => `  ${preloads.join('\n    ')}\n  </head>`) : this.indexHtml;
    return meta ? withPageMeta(html, meta) : html;
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A page served as the shell: its lazy source file (none for a page in the entry) and the API paths it asks for first. */
export interface ShellPage {
  source?: string;
  fetches?: string[];
}

/** Serves each address in `pages` as the shell announcing its chunks and first answers (public, not API: not in OpenAPI). */
export function pageShellRoutes(shell: PageShell, pages: Record<string, ShellPage>) {
  return async (app: FastifyInstance) => {
    for (const [url, page] of Object.entries(pages)) {
      const html = shell.render(page.source, undefined, page.fetches);
      app.get(url, { config: { public: true }, schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html));
    }
  };
}
