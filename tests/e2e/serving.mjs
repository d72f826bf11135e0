// What every browser stage shares, without loading any browser driver: where the build is,
// a static server for it on 127.0.0.1 (scripts/serve.py), and the check that a page asked for
// nothing but its own files. tests/e2e (Playwright) and tests/e2e-gecko (puppeteer-core) both
// use it.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build under test: dist/, or HICP_DIST when set (parallel work on one machine). */
export const DIST = process.env.HICP_DIST ?? join(ROOT, 'dist');

/**
 * Serves `dir` (default: the release build) on a free 127.0.0.1 port. `close()` stops the
 * server at once and resolves once it has exited.
 */
export async function serve(dir = DIST) {
  const proc = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--dir', dir, '--port', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  const close = async () => {
    if (proc.exitCode === null && proc.signalCode === null) { proc.kill(); await exited; }
  };
  return { url, origin: new URL(url).origin, close };
}

/** Fails unless every recorded request went to `origin` with GET (or stayed in the page). */
export function assertOnlyOwnOrigin(requests, origin) {
  const foreign = requests.filter((r) => {
    if (r.url.startsWith('data:') || r.url.startsWith('blob:')) return false;
    return new URL(r.url).origin !== origin || r.method !== 'GET';
  });
  assert.deepEqual(foreign, [], 'requests that left the app\'s own origin or were not GET');
  assert.ok(requests.length > 0, 'no request was recorded at all');
}
