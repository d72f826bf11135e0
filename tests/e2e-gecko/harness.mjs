// Shared set-up for the Gecko stage: serves the release build (dist/, or HICP_DIST) on
// 127.0.0.1 with scripts/serve.py, and drives Debian's Firefox ESR through puppeteer-core over
// WebDriver BiDi, with a fresh profile and download folder in a temporary directory. Firefox
// is kept off the network by its preferences, and everything it would still send anywhere but
// 127.0.0.1 goes to a proxy of ours that only writes it down (`outside`), so a test can fail
// on it. Nothing here loads Playwright: this stage installs only puppeteer-core.
import {
  mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

import { ROOT, DIST } from '../e2e/serving.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

export { ROOT, DIST, serve, assertOnlyOwnOrigin } from '../e2e/serving.mjs';

/**
 * A proxy on 127.0.0.1 that answers nothing: it records the first line of every request
 * (`CONNECT push.services.mozilla.com:443 HTTP/1.1`) and closes the connection.
 */
async function outsideRecorder() {
  const seen = [];
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', (d) => { seen.push(String(d).split('\r\n')[0]); socket.destroy(); });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    seen,
    close: () => new Promise((resolve) => { sockets.forEach((s) => s.destroy()); server.close(resolve); }),
  };
}

/**
 * What keeps Firefox's own services quiet, in webdriver.json (the capabilities that
 * wasm-bindgen-test-runner hands geckodriver, so the browser unit tests get the same): no
 * telemetry or health reports, no updates of the browser, its add-ons, plugins or search
 * engines, no captive-portal or connectivity probes, no remote settings, Normandy or
 * experiments, no Safe Browsing lists, no push service (it would open a socket as soon as a
 * service worker registers), no DNS-over-HTTPS, no prefetching or speculative connections, no
 * region or geolocation lookups. MOZ_DISABLE_NONLOCAL_CONNECTIONS, as in Mozilla's own test
 * harnesses: only then does a release build honour the remote settings server given, and it
 * refuses any connection to an address that is not local. puppeteer adds its own quieting set
 * on top.
 */
const GECKO = JSON.parse(readFileSync(join(HERE, 'webdriver.json'), 'utf8'))['moz:firefoxOptions'];

/**
 * A Firefox ESR with its own empty profile and download folder in one temporary directory,
 * removed by `close`. Every request a page makes is recorded in `requests`; page errors and
 * console errors in `errors`; whatever Firefox tried to send past 127.0.0.1, in `outside`.
 */
export async function firefox() {
  const tmp = mkdtempSync(join(tmpdir(), 'hicp-gecko-'));
  const profile = join(tmp, 'profile');
  const downloads = join(tmp, 'downloads');
  mkdirSync(profile);
  mkdirSync(downloads);
  const recorder = await outsideRecorder();
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: GECKO.binary, headless: true,
    userDataDir: profile, defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, ...GECKO.env },
    extraPrefsFirefox: {
      ...GECKO.prefs,
      // Everything bound anywhere but 127.0.0.1 (never proxied) reaches the recorder.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': recorder.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': recorder.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'intl.accept_languages': 'en-US',
      // A download lands in our folder at once, with no dialog, as a person's usual setting does.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
    },
  });
  const [page] = await browser.pages();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    browser, page, requests, errors, downloads, outside: recorder.seen,
    async close() {
      await browser.close();
      await recorder.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Waits until a finished file matching `pattern` is in `dir`, and returns its path. */
export async function downloaded(dir, pattern, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    const names = readdirSync(dir);
    // Firefox first makes an empty placeholder under the final name, writes into `name.part`,
    // and moves that over the placeholder when the download is complete.
    const done = names.some((n) => n.endsWith('.part')) ? undefined
      : names.find((n) => pattern.test(n) && statSync(join(dir, n)).size > 0);
    if (done) return join(dir, done);
    if (Date.now() > until) throw new Error(`no download matching ${pattern} in ${timeout} ms: ${names}`);
    await new Promise((r) => setTimeout(r, 50)); // a file system has no event for "renamed into place" we can rely on
  }
}

/** The innerText of `selector`, once it is on the page. */
export async function textOf(page, selector) {
  const el = await page.waitForSelector(selector);
  return el.evaluate((e) => e.innerText);
}

/** The assessment records saved in the page's local storage. */
export const storedRecords = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => /^hicp-check\/.*#.*\/assessment\//.test(k))
  .map((k) => JSON.parse(localStorage.getItem(k))));

/** The pages of a PDF Firefox printed: its page objects sit in compressed object streams. */
export function pdfPageCount(pdf) {
  const raw = pdf.toString('latin1');
  let text = raw;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      text += inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch { /* not a deflated stream */ }
  }
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
