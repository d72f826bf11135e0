// HICP Check's service worker: it makes the app work offline and nothing else. It never sees
// an answer (answers live in the page's storage), sends nothing anywhere, and only ever
// fetches the app's own files. scripts/postbuild.py fills in the file list and the version.
//
// Every file a visit needs is cached on install. Languages other than English (lang/*.json)
// are not: each is kept once someone has used it (the page asks, see 'message'), and a new
// version keeps again, fresh, the languages the version before it had kept.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `hicp-check-${VERSION}`;
// The host's settings file may be edited after deployment: network first, cache as fallback.
const CONFIG = 'hicp-check.config.json';

const LANGUAGE = /\/lang\/[a-z]{2,3}\.json$/;
// Past the browser's HTTP cache, so that a new version never keeps an old language file.
const fresh = (url) => new Request(url, { cache: 'reload' });

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE);
    for (const name of await caches.keys()) {
      if (!name.startsWith('hicp-check-') || name === CACHE) continue;
      const kept = (await (await caches.open(name)).keys()).map((r) => r.url)
        .filter((url) => LANGUAGE.test(new URL(url).pathname));
      await Promise.all(kept.map((url) => cache.add(fresh(url)).catch(() => {})));
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('hicp-check-') && n !== CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

// The page asks for this when the person chooses "reload to update".
// ... and this once it has used a language other than English, to keep it for offline use.
self.addEventListener('message', (event) => {
  if (event.data === 'hicp-check:skip-waiting') self.skipWaiting();
  const keep = typeof event.data === 'string' && event.data.startsWith('hicp-check:keep:')
    ? new URL(event.data.slice('hicp-check:keep:'.length), self.registration.scope) : null;
  if (keep && keep.origin === self.location.origin && LANGUAGE.test(keep.pathname)) {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.match(keep)
      .then((hit) => hit ?? cache.add(fresh(keep.href)))));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/' + CONFIG)) {
    event.respondWith(fetch(request).then((response) => {
      const copy = response.clone();
      if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, copy));
      return response;
    }).catch(() => caches.match(request, { ignoreSearch: true })));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(caches.match('./', { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true })
    .then((hit) => hit ?? fetch(request)));
});
