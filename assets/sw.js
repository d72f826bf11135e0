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

// Copies into this version's cache the languages an earlier version kept and this one lacks:
// fetched fresh, or (when `orOld`, and there is no network) the earlier copy.
async function keepLanguagesOf(cache, orOld) {
  for (const name of await caches.keys()) {
    if (!name.startsWith('hicp-check-') || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (!LANGUAGE.test(new URL(request.url).pathname) || await cache.match(request)) continue;
      const response = await fetch(fresh(request.url)).catch(() => null);
      if (response?.ok) await cache.put(request, response);
      else if (orOld) await cache.put(request, await old.match(request));
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE);
    await keepLanguagesOf(cache, false);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Again, for a language chosen while this version waited to take over.
    await keepLanguagesOf(await caches.open(CACHE), true);
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
  // Only a language file of this app: in its lang/ folder, with no query.
  const folder = new URL('lang/', self.registration.scope).href;
  if (keep && keep.href.startsWith(folder) && /^[a-z]{2,3}\.json$/.test(keep.href.slice(folder.length))) {
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
