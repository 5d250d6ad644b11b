/**
 * The console's app shell, kept on the device so the village point page opens without a connection after its first
 * visit (its queue lives in the page's own storage). Built into dist/web/sw.js by the `shell-worker` plugin in
 * vite.config.ts, which fills in the build's version and the shell's files (index.html, the entry and the point
 * page's chunks with their CSS).
 *
 * What it keeps: index.html and hashed static files under /assets/ (never an API answer, nothing with personal
 * data). Page loads go to the network first; only when that fails does a console address get the kept index.html.
 * Server pages (/api, /track, /t/, the receipt check /r/, GS1 links) are left alone. A new build has a new version: it installs its own
 * cache and deletes the old ones.
 */
const VERSION = '__SHELL_VERSION__';
const SHELL = [] /* __SHELL_FILES__ */;
const PREFIX = 'countyhub-shell-';
const CACHE = `${PREFIX}${VERSION}`;
/** Addresses the server answers itself, not the console. */
const SERVER_PAGES = /^\/(api|track|t|r|01)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(['/index.html', '/favicon.svg', ...SHELL]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || SERVER_PAGES.test(url.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match('/index.html')).then((kept) => kept ?? Response.error())));
    return;
  }
  // Hashed files never change under their name: the kept copy first, else the network (and keep it).
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg' || SHELL.includes(url.pathname)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const kept = await cache.match(request);
        if (kept) return kept;
        const answer = await fetch(request);
        if (answer.ok && url.pathname.startsWith('/assets/')) await cache.put(request, answer.clone());
        return answer;
      }),
    );
  }
});
