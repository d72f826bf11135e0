// Offline and updates: after one visit (that began an assessment, so that the results' part came
// too) the app loads and a whole assessment can be done with no network; a changed deployment
// offers "reload to update" and no answer is lost. Also: installable in Chromium, the CSP
// holds, no cookies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  serve, browser, copyOfBuild, redeploy, watchCsp, startAssessment, assertOnlyOwnOrigin,
} from './harness.mjs';

let server;
let b;
let dir;
before(async () => {
  dir = copyOfBuild();
  server = await serve(dir);
  b = await browser();
  await watchCsp(b.context);
});
after(async () => { await b?.close(); server?.close(); });

const SMALL = ['1-S-A', '1-S-B', '1-S-C', '2-S-A', '3-S-A', '4-S-A', '4-S-B', '5-S-A', '5-S-B', '5-S-C',
  '6-S-A', '6-S-B', '6-S-C', '7-S-A', '8-S-A', '8-S-B', '9-S-A', '10-S-A'];

test('the app is installable: a valid manifest and a controlling service worker', async () => {
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#start-new').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const cdp = await b.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await (await page.request.get(new URL('manifest.webmanifest', server.url).href)).json();
  assert.equal(manifest.display, 'standalone');
  // Bitmaps for the icon proper (Chromium decodes an SVG one on the page's main thread while the
  // app starts), a vector maskable icon, and bitmaps for installers that want them (Android).
  assert.deepEqual(manifest.icons.map((i) => [i.type, i.sizes, i.purpose]), [
    ['image/svg+xml', 'any', 'maskable'],
    ['image/png', '192x192', 'any'], ['image/png', '512x512', 'any'], ['image/png', '512x512', 'maskable']]);
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, server.url).href);
    assert.equal(response.status(), 200, icon.src);
  }
});

test('after one visit that began an assessment, a whole assessment can be done with no network', async () => {
  const { page, context } = b;
  // The results are the tools part's: it comes in the background once an assessment is open.
  await startAssessment(page);
  await page.waitForFunction(() => typeof window['hicp-tools'] === 'function');
  await context.setOffline(true);
  await page.reload();
  await page.locator('#nav-start').click();
  await page.locator('#start-new').waitFor();
  await startAssessment(page);
  for (const id of SMALL) {
    const practice = id.split('-')[0];
    if (!(await page.locator(`#a-${id}-in_place`).isVisible())) {
      await page.click(`#nav-practice-${practice}`);
    }
    await page.check(`#a-${id}-in_place`);
  }
  await page.click('#nav-results');
  assert.equal(await page.locator('#overall').innerText(), '100% in place, over 18 answered.');
  await context.setOffline(false);
});

test('a new deployment offers "reload to update", and every answer survives it', async () => {
  const { page } = b;
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1);
  await redeploy(page, dir);
  await page.locator('#update-ready').waitFor({ timeout: 20000 });
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)
    .filter(([k]) => /^hicp-check\/.*#.*\/assessment\//.test(k)).map(([, v]) => JSON.parse(v).answers)));
  await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
  await page.locator('#overall').waitFor();
  assert.equal(await page.locator('#overall').innerText(), '100% in place, over 18 answered.');
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)
    .filter(([k]) => /^hicp-check\/.*#.*\/assessment\//.test(k)).map(([, v]) => JSON.parse(v).answers)));
  assert.equal(after, before);
  await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), oldCaches[0]);
});

test('the service worker answers only for the app\'s own page, not for another page in its folder', async () => {
  const { page } = b;
  // The host's page names its icon, so that the browser asks for no favicon.ico (a 404 here).
  writeFileSync(join(dir, 'members.html'), '<!DOCTYPE html><title>Members</title><link rel="icon" href="data:,"><p id="host-page">The host\'s own page</p>');
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  await page.goto(new URL('members.html', server.url).href);
  await page.locator('#host-page').waitFor({ timeout: 5000 });
  // The app's page by its file name is still the app (its main landmark, not the loading
  // shell's), answered by the service worker: offline, the server cannot answer it.
  await b.context.setOffline(true);
  try {
    await page.goto(new URL('index.html', server.url).href);
    await page.locator('main#main').waitFor();
  } finally {
    await b.context.setOffline(false);
  }
});

test('the CSP held (no violation), no cookie was set, and only own files were requested', async () => {
  const { page, context } = b;
  const html = await (await page.request.get(server.url)).text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(await context.cookies(), []);
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
});
