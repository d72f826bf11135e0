// Set-up of the WebKit stage: one X server and one static server for the file, a fresh
// WebKitWebDriver + MiniBrowser (with its own empty data folder) for each test, and the checks
// that the app asked for nothing but its own files.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { killOnExit, startBrowser, stop } from './webdriver.mjs';

export { startXvfb, tempFolder, waitFor } from './webdriver.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build under test: dist/, or HICP_DIST when set (parallel work on one machine). */
export const DIST = process.env.HICP_DIST ?? join(ROOT, 'dist');

/**
 * Serves `dir` with scripts/serve.py on a free 127.0.0.1 port. `requests()` lists what the
 * server was asked for, from its own log: `{ method, path }`.
 */
export async function serve(dir = DIST) {
  const proc = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--dir', dir, '--port', '0', '--verbose'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  killOnExit(proc);
  let err = '';
  const url = await new Promise((resolve, reject) => {
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  const requests = () => [...err.matchAll(/"([A-Z]+) (\S+) HTTP\/[\d.]+"/g)]
    .map(([, method, path]) => ({ method, path }));
  return { url, origin: new URL(url).origin, requests, close: () => stop(proc) };
}

/**
 * Runs `fn` with a fresh browser session (a new MiniBrowser with an empty data folder), and
 * ends the session, the driver and the folder afterwards, whatever happened.
 */
export async function withBrowser(xvfb, fn) {
  const b = await startBrowser(xvfb.display);
  try {
    return await fn(b);
  } finally {
    await b.close();
  }
}

/**
 * Every address the page loaded (its navigation and its Resource Timing entries), read before
 * the page goes away. Fails unless each is on `origin` (blob: and data: stay in the page).
 */
export async function assertOwnOriginOnly(b, origin) {
  const loaded = await b.run(() => performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource')).map((e) => e.name));
  const foreign = loaded.filter((u) => !/^(blob|data):/.test(u) && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'the page loaded something from another origin');
  assert.ok(loaded.length > 1, `the page and its files were recorded (${loaded.length})`);
  return loaded;
}

/** The assessments the page keeps in its local storage. */
export const storedRecords = (b) => b.run(() => Object.keys(localStorage)
  .filter((k) => /^hicp-check\/.*#.*\/assessment\//.test(k))
  .map((k) => JSON.parse(localStorage.getItem(k))));
