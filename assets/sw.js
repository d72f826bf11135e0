// HICP Check's service worker: it makes the app work offline and nothing else. It never sees
// an answer (answers live in the page's storage), sends nothing anywhere, and only ever
// fetches the app's own files. scripts/postbuild.py fills in the file lists and the version.
//
// Every file a visit needs is cached on install, fetched past the browser's HTTP cache: on a
// stock web server (ETag and Last-Modified, no Cache-Control) the HTTP cache would hand back
// the previous version's index.html, fresh by heuristic, and a new version would start the old
// one. Before a version may take over, the index.html it cached must find in that cache every
// file it refers to; otherwise the install fails and the version before it stays in charge
// (a stale copy from a CDN or a half-finished upload is retried at the next update check).
//
// Languages other than English (lang/*.json) are not precached: each is kept once someone has
// used it (the page asks, see 'message'). Nor are the parts' files (ON_USE: the package
// worker's and the tools part's loader, glue and wasm; the built-in pack's guidance texts):
// each is kept once fetched (see 'fetch'), or when the page asks. A new version keeps again,
// fresh, the languages and parts' files the version before it had kept.
//
// Several copies of the app may live on one origin (/a/ and /b/): each one's caches are named
// after its own folder, and a worker only ever reads or deletes its own copy's caches.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
// Files fetched only when needed (icons for home screens and installs, and the vector original
// of the icon), never cached.
const ON_DEMAND = __ON_DEMAND__;
// The parts' files: fetched only when the app needs a part, then kept.
const ON_USE = __ON_USE__;
// The host's settings file may be edited after deployment, or be absent: always asked for
// fresh, network first, the cached copy only offline.
const CONFIG = 'hicp-check.config.json';

const SCOPE = new URL(self.registration.scope);
const PREFIX = `hicp-check:${SCOPE.pathname}:`;
const CACHE = PREFIX + VERSION;
// Caches of the versions before scoped names: one per version, shared by name across copies.
const LEGACY = /^hicp-check-[0-9a-f]+$/;

const LANGUAGES = new URL('lang/', SCOPE).href;
// Past the browser's HTTP cache, so that a new version never keeps an old file.
const fresh = (url) => new Request(new URL(url, SCOPE), { cache: 'reload' });
const ON_USE_FILES = new Set(ON_USE.map((f) => new URL(f, SCOPE).href));
/** Whether `url` is one of the files this copy keeps once used: a language (in its lang/
 * folder, with no query), a part's file, the guidance texts. */
const keptOnUse = (url) => ON_USE_FILES.has(url)
  || (url.startsWith(LANGUAGES) && /^[a-z]{2,3}\.json$/.test(url.slice(LANGUAGES.length)));

/** This copy's caches other than the current one: its older versions, by name or by content. */
async function ownOlderCaches() {
  const names = [];
  for (const name of await caches.keys()) {
    if (name === CACHE) continue;
    if (name.startsWith(PREFIX) && !name.slice(PREFIX.length).includes(':')) names.push(name);
    // A cache of an earlier build is this copy's if it holds this copy's index.
    else if (LEGACY.test(name) && await (await caches.open(name)).match(SCOPE.href)) names.push(name);
  }
  return names;
}

// Copies into this version's cache the files kept once used (keptOnUse) that an earlier
// version of this copy kept and this one lacks: fetched fresh, or (when `orOld`, and there is
// no network) the earlier copy. One that cannot be kept (storage full) is skipped: it is
// fetched again when next used.
async function keepUsedOf(cache, orOld) {
  for (const name of await ownOlderCaches()) {
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (!keptOnUse(request.url) || await cache.match(request)) continue;
      const response = await fetch(fresh(request.url)).catch(() => null);
      const kept = response?.ok ? response : orOld && await old.match(request);
      if (kept) await cache.put(request, kept).catch(() => {});
    }
  }
}

/** The files under this copy's folder that an index.html loads: scripts, styles, wasm, links. */
function referencesOf(html) {
  const found = new Set();
  const patterns = [
    /<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi,
    /<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi,
    /\bimport\b[^'"]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bmodule_or_path\s*:\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) {
    for (const [, ref] of html.matchAll(pattern)) {
      const url = new URL(ref, SCOPE);
      url.hash = '';
      url.search = '';
      if (url.href.startsWith(SCOPE.href) && url.href !== SCOPE.href) found.add(url.href);
    }
  }
  return [...found];
}

/** Fails unless the cached index.html finds every file it loads in `cache`. */
async function verify(cache) {
  const index = await cache.match(SCOPE.href);
  if (!index) throw new Error('index.html was not cached');
  const skip = new Set([...ON_DEMAND, CONFIG].map((f) => new URL(f, SCOPE).href));
  const missing = [];
  for (const ref of referencesOf(await index.text())) {
    if (!skip.has(ref) && !(await cache.match(ref))) missing.push(ref);
  }
  if (missing.length) {
    throw new Error(`the index.html served refers to files of another version: ${missing.join(', ')}`);
  }
}

/**
 * The settings file, fresh from the network. Its answer is kept for offline use, an absent
 * file's 404 too: offline, a copy with no settings file still runs with the defaults, not as
 * if its settings were broken. A server error is passed on, never kept.
 */
async function freshConfig(cache) {
  const url = new URL(CONFIG, SCOPE).href;
  const response = await fetch(new Request(url, { cache: 'no-cache' }));
  if (response.ok || response.status === 404 || response.status === 410) {
    await cache.put(url, response.clone());
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await cache.addAll(PRECACHE.filter((f) => f !== CONFIG).map(fresh));
      await verify(cache);
      // Optional: a copy with no settings file runs with the defaults.
      const config = await freshConfig(cache);
      if (!config.ok && config.status !== 404 && config.status !== 410) {
        throw new Error(`${CONFIG} answered ${config.status}`);
      }
      await keepUsedOf(cache, false);
    } catch (e) {
      // Nothing half-filled is left behind; the version in charge stays.
      await caches.delete(CACHE);
      throw e;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Again, for a language or a part used while this version waited to take over.
    await keepUsedOf(await caches.open(CACHE), true);
    await Promise.all((await ownOlderCaches()).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

// The page asks for this when the person chooses "reload to update".
// ... and this once it has used a language other than English (or the guidance texts), to keep
// it for offline use.
self.addEventListener('message', (event) => {
  if (event.data === 'hicp-check:skip-waiting') self.skipWaiting();
  const keep = typeof event.data === 'string' && event.data.startsWith('hicp-check:keep:')
    ? new URL(event.data.slice('hicp-check:keep:'.length), SCOPE) : null;
  // Only a file this copy keeps once used (a language, a part's file, the guidance texts),
  // with no query.
  if (keep && !keep.search && keptOnUse(keep.href)) {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.match(keep)
      .then((hit) => hit ?? cache.add(fresh(keep.href)))));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.href.split('?')[0] === new URL(CONFIG, SCOPE).href) {
    event.respondWith(caches.open(CACHE).then((cache) => freshConfig(cache)
      .catch(() => cache.match(new URL(CONFIG, SCOPE).href).then((hit) => hit ?? Response.error()))));
    return;
  }
  const file = url.origin + url.pathname;
  if (ON_USE_FILES.has(file)) {
    // A part's file: from the cache once kept; otherwise fetched fresh (never an older
    // version's, from the HTTP cache: the names are unhashed) and kept.
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(file);
      if (hit) return hit;
      const response = await fetch(fresh(file));
      // Storage full: served all the same, and kept another time.
      if (response.ok) await cache.put(file, response.clone()).catch(() => {});
      return response;
    }));
    return;
  }
  if (request.mode === 'navigate') {
    // Only the app's own page: any other page in its folder (a host's own, say) is the server's.
    if (file !== SCOPE.href && file !== new URL('index.html', SCOPE).href) return;
    event.respondWith(caches.match(SCOPE.href, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true })
    .then((hit) => hit ?? fetch(request)));
});
