// HICP Check's service worker: it makes the app work offline and nothing else. It never sees
// an answer (answers live in the page's storage), sends nothing anywhere, and only ever
// fetches the app's own files. scripts/postbuild.py fills in the file list and the version.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `hicp-check-${VERSION}`;
// The host's settings file may be edited after deployment: network first, cache as fallback.
const CONFIG = 'hicp-check.config.json';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
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
self.addEventListener('message', (event) => {
  if (event.data === 'hicp-check:skip-waiting') self.skipWaiting();
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
