// The package worker (evidence packages): a second wasm module in a Web Worker, built by Trunk.
// A first visit never fetches it; once started it writes and reads packages (transferring its
// buffers) and refuses a hostile name; once used, the service worker keeps it for offline use,
// and a new version keeps it again.
// The app does not start it yet, so the page starts it here as the app's client does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, browser, watchCsp, assertOnlyOwnOrigin, copyOfBuild, redeploy,
} from './harness.mjs';

const FILES = ['package-worker_loader.js', 'package-worker.js', 'package-worker_bg.wasm'];
const isWorkerFile = (url) => FILES.some((f) => new URL(url).pathname.endsWith(`/${f}`));

let server;
let b;
let dir;
before(async () => {
  dir = copyOfBuild();
  server = await serve(dir);
  b = await browser();
  await watchCsp(b.context);
});
after(async () => { await b?.close(); await server?.close(); });

/** In the page: starts the worker, writes a package, reads it back, and asks for two refusals. */
const roundTrip = () => b.page.evaluate(async () => {
  const worker = new Worker('package-worker_loader.js', { type: 'module' });
  const next = () => new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(`the worker failed: ${e.message ?? e.type}`));
  });
  const ready = await next();
  const text = new TextEncoder();
  const parts = [text.encode('{"format":"hicp-check-assessment"}'), new Uint8Array([37, 80, 68, 70, 0, 255])];
  let reply = next();
  worker.postMessage({ id: 1, op: 'write', names: ['assessment.json', 'evidence/1.S.A/MFA policy.pdf'], parts },
    parts.map((p) => p.buffer));
  const written = await reply;
  const zip = written.ok;
  const head = [...zip.subarray(0, 4)];
  reply = next();
  worker.postMessage({ id: 2, op: 'read', bytes: zip }, [zip.buffer]);
  const read = await reply;
  reply = next();
  worker.postMessage({ id: 3, op: 'write', names: ['../evil.txt'], parts: [new Uint8Array(1)] });
  const traversal = await reply;
  reply = next();
  worker.postMessage({ id: 4, op: 'read', bytes: text.encode('not a zip') });
  const notAZip = await reply;
  // The app's client: the reply on a port of the request's own.
  const channel = new MessageChannel();
  const onPort = new Promise((resolve) => { channel.port1.onmessage = (e) => resolve(e.data); });
  worker.postMessage({ op: 'write', names: ['a/../b'], parts: [new Uint8Array(1)] }, [channel.port2]);
  const portReply = await onPort;
  worker.terminate();
  return {
    ready,
    written: { id: written.id, isBytes: zip instanceof Uint8Array, head, sent: parts.map((p) => p.byteLength) },
    read: { id: read.id, names: read.names, parts: read.parts.map((p) => [...p]), kept: zip.byteLength },
    traversal,
    notAZip,
    portReply,
    csp: window.__cspViolations,
  };
});

/** Waits until the cache `name` holds every file of the worker. */
async function keptBy(page, name) {
  const kept = () => page.evaluate(async ([files, cacheName]) => {
    const cache = await caches.open(cacheName);
    const hits = await Promise.all(files.map((f) => cache.match(new URL(f, location.href).href)));
    return hits.every(Boolean);
  }, [FILES, name]);
  for (let i = 0; !(await kept()); i++) {
    assert.ok(i < 200, `the cache ${name} did not keep the worker's files`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const expected = {
  ready: { ready: true },
  // A zip's first bytes; the buffers sent went to the worker (transferred, not copied).
  written: { id: 1, isBytes: true, head: [0x50, 0x4b, 3, 4], sent: [0, 0] },
  read: {
    id: 2,
    names: ['assessment.json', 'evidence/1.S.A/MFA policy.pdf'],
    parts: [[...new TextEncoder().encode('{"format":"hicp-check-assessment"}')], [37, 80, 68, 70, 0, 255]],
    kept: 0,
  },
  traversal: { id: 3, error: { kind: 'unsafe-name', name: '../evil.txt' } },
  notAZip: { id: 4, error: { kind: 'not-a-zip' } },
  portReply: { id: undefined, error: { kind: 'unsafe-name', name: 'a/../b' } },
  csp: [],
};

test('a first visit fetches none of the package worker\'s files', async () => {
  const { page, requests } = b;
  await page.goto(server.url);
  await page.locator('#start-new').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls;
  });
  assert.ok(cached.length > 3, 'the service worker has precached the app');
  assert.deepEqual(cached.filter(isWorkerFile), []);
  assert.deepEqual(requests.map((r) => r.url).filter(isWorkerFile), []);
});

test('the worker writes a package, reads it back, and refuses a name that leaves its folder', async () => {
  assert.deepEqual(await roundTrip(), expected);
  const fetched = b.requests.map((r) => new URL(r.url).pathname.split('/').pop()).filter((f) => FILES.includes(f));
  assert.deepEqual([...new Set(fetched)].sort(), [...FILES].sort());
});

test('once used, the worker is kept by the service worker and works offline', async () => {
  const { page, context } = b;
  await keptBy(page, (await page.evaluate(() => caches.keys()))[0]);
  await context.setOffline(true);
  try {
    await page.reload();
    await page.locator('#start-new').waitFor();
    assert.deepEqual(await roundTrip(), expected);
  } finally {
    await context.setOffline(false);
  }
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});

test('a new version keeps the worker again, fresh, as the version before it had it', async () => {
  const { page } = b;
  const [old] = await page.evaluate(() => caches.keys());
  await redeploy(page, dir);
  await page.locator('#update-ready').waitFor({ timeout: 20000 });
  const fresh = (await page.evaluate(() => caches.keys())).find((n) => n !== old);
  assert.ok(fresh, 'the new version has a cache of its own');
  await keptBy(page, fresh);
});
