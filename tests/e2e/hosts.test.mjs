// Hosts as they really are: one test per failure seen in the field. Debian's nginx with its
// stock settings and files dated weeks ago; a settings file with a mistake; two copies on one
// origin; who may frame the app; who may erase it from a parent page. And the nginx recipe of
// examples/hosting/, served as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  serve, serveNginx, dateInPast, browser, copyOfBuild, startAssessment, savedIn,
  assertOnlyOwnOrigin, assertAccessible, NGINX_RECIPE, ROOT, DIST,
} from './harness.mjs';

/** Runs `body` with a list to which it adds clean-ups; they all run, last first, whatever happens. */
async function withCleanup(body) {
  const cleanup = [];
  try {
    await body(cleanup);
  } finally {
    for (const f of cleanup.reverse()) await f();
  }
}

const config = (dir, settings) => writeFileSync(join(dir, 'hicp-check.config.json'),
  typeof settings === 'string' ? settings : JSON.stringify(settings));

/** A copy of the build in a fresh folder, removed at clean-up. */
function ownCopy(cleanup) {
  const dir = copyOfBuild();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Turns the copy of the build in `dir` into the next version as a build would: the hashed
 * script, wasm and style files get new names (the old ones are gone, as after `rsync
 * --delete`), index.html and the scripts refer to the new names, and postbuild.py writes the
 * CSP and the service worker again. Returns the new script's name.
 */
function nextVersion(dir) {
  const hashed = /-([0-9a-f]{8,16})(_bg)?\.(js|wasm|css)$/;
  const renames = readdirSync(dir).filter((f) => hashed.test(f)).map((f) => {
    const hash = f.match(hashed)[1];
    return [f, f.replace(hash, [...hash].reverse().join(''))];
  });
  assert.ok(renames.some(([f]) => f.endsWith('_bg.wasm')), 'the build has a hashed wasm file');
  for (const [from, to] of renames) renameSync(join(dir, from), join(dir, to));
  for (const file of readdirSync(dir).filter((f) => f === 'index.html' || f.endsWith('.js'))) {
    let text = readFileSync(join(dir, file), 'utf8');
    for (const [from, to] of renames) text = text.replaceAll(from, to);
    writeFileSync(join(dir, file), text);
  }
  execFileSync('python3', [join(ROOT, 'scripts', 'postbuild.py'), dir]);
  return renames.find(([f]) => f.endsWith('.js'))[1];
}

/** The app's frame in a host page. */
const appFrameOf = (page, origin) => page.frames().find((f) => f.url().startsWith(origin));

/** The iframe example (examples/iframe), pointed at `appUrl`, in a folder of its own. */
function hostFolder(appUrl, cleanup) {
  const dir = mkdtempSync(join(tmpdir(), 'hicp-host-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, 'examples', 'iframe'), dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8')
    .replaceAll('https://hicp-check.example.org/', appUrl)
    .replaceAll('https://hicp-check.example.org', new URL(appUrl).origin));
  return dir;
}

async function started(cleanup, server) {
  cleanup.push(server.close);
  return server;
}

async function opened(cleanup, options) {
  const b = await browser(options);
  cleanup.push(() => b.close());
  return b;
}

/** Waits until one answer is saved somewhere (this tab's or the browser's storage). */
const answerSaved = (target) => target.waitForFunction(() => [localStorage, sessionStorage]
  .some((s) => Object.keys(s).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k))));

test('updates arrive on a stock web server (nginx, files dated in the past)', () => withCleanup(async (cleanup) => {
  const dir = ownCopy(cleanup);
  config(dir, { organization: 'Version One Society' });
  dateInPast(dir, 30);
  const server = await started(cleanup, await serveNginx(dir));
  const head = await fetch(server.url);
  assert.equal(head.headers.get('cache-control'), null, 'stock nginx sends no Cache-Control');
  assert.ok(head.headers.get('last-modified') && head.headers.get('etag'));
  const b = await opened(cleanup);
  const { page, context } = b;
  await page.goto(server.url);
  await page.locator('#start-new').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

  // Version 2 is deployed: new file names, the old ones gone, and new settings.
  const script = nextVersion(dir);
  config(dir, { organization: 'Version Two Society' });
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.locator('#update-ready').waitFor({ timeout: 20000 });
  await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
  assert.ok(await page.evaluate((name) => document.documentElement.outerHTML.includes(name), script),
    'after "reload to update" the page is version 2');
  await page.locator('#start-new').waitFor();
  assert.match(await page.locator('#host-name').innerText(), /Version Two Society/);

  // Version 2 works offline, with its settings.
  await context.setOffline(true);
  await page.reload();
  await page.locator('#start-new').waitFor();
  assert.match(await page.locator('#host-name').innerText(), /Version Two Society/);
  await context.setOffline(false);
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
}));

test('a version caught half-deployed never takes over: visitors stay on the one that works', () => withCleanup(async (cleanup) => {
  const dir = ownCopy(cleanup);
  dateInPast(dir, 30);
  const server = await started(cleanup, await serveNginx(dir));
  const { page, context, errors } = await opened(cleanup);
  await page.goto(server.url);
  await page.locator('#start-new').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const before = await page.evaluate(() => document.documentElement.outerHTML.match(/hicp-check-[0-9a-f]+\.js/)[0]);

  // A new index.html whose wasm is not there (an upload in progress, a CDN's copy of another
  // version), beside a worker whose own file list is complete: only the check of what the
  // cached index.html loads can tell.
  const wasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  const missing = wasm.replace(/-([0-9a-f]+)_bg/, (_, hash) => `-${[...hash].reverse().join('')}_bg`);
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replaceAll(wasm, missing));
  execFileSync('python3', [join(ROOT, 'scripts', 'postbuild.py'), dir]);
  const outcome = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new Promise((resolve) => {
    r.addEventListener('updatefound', () => {
      const w = r.installing;
      w.addEventListener('statechange', () => { if (w.state === 'redundant' || w.state === 'installed') resolve(w.state); });
    });
    r.update();
  })));
  assert.equal(outcome, 'redundant', 'the new version is not installed');
  assert.equal(await page.locator('#update-ready').count(), 0, 'nobody is offered it');
  await page.reload();
  await page.locator('#start-new').waitFor();
  assert.ok(await page.evaluate((name) => document.documentElement.outerHTML.includes(name), before), 'still the working version');
  await context.setOffline(true);
  await page.reload();
  await page.locator('#start-new').waitFor();
  await context.setOffline(false);
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED') && !e.includes('404')), []);
}));

test('the nginx recipe in examples/hosting sends the cache and frame headers, and the app runs under it', () => withCleanup(async (cleanup) => {
  const dir = ownCopy(cleanup);
  dateInPast(dir, 30);
  const allowed = await started(cleanup, await serve(hostFolder('http://127.0.0.1:1/', cleanup)));
  const server = await started(cleanup, await serveNginx(dir, { recipe: NGINX_RECIPE, frameAncestors: [allowed.origin] }));
  const headers = async (path) => (await fetch(new URL(path, server.url))).headers;
  for (const path of ['', 'index.html', 'sw.js', 'hicp-check.config.json', 'manifest.webmanifest']) {
    assert.equal((await headers(path)).get('cache-control'), 'no-cache', path);
  }
  const hashed = readdirSync(dir).filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f));
  // The glue and the wasm; the stylesheet is inside index.html (scripts/postbuild.py).
  assert.equal(hashed.length, 2, hashed.join());
  for (const file of hashed) {
    assert.equal((await headers(file)).get('cache-control'), 'public, max-age=31536000, immutable', file);
  }
  const wasm = hashed.find((f) => f.endsWith('.wasm'));
  assert.equal((await headers(wasm)).get('content-type'), 'application/wasm');
  assert.equal((await headers('manifest.webmanifest')).get('content-type'), 'application/manifest+json');
  assert.equal((await headers('')).get('content-security-policy'), `frame-ancestors 'self' ${allowed.origin}`);

  const b = await opened(cleanup);
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#start-new').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const cdp = await b.context.newCDPSession(page);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);

  // frame-ancestors: a page of another origin cannot frame the app at all.
  const other = await started(cleanup, await serve(hostFolder(server.url, cleanup)));
  const refused = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
  await page.goto(other.url);
  await refused;
  assert.equal(appFrameOf(page, server.origin), undefined, 'no frame holds the app');
}));

test('a settings file with a mistake runs the app in its most private mode, not with the defaults', async (t) => {
  const cases = [
    ['an unknown field', { storage: 'session', storage_choice: false, colour: '#123456' }, 'colour'],
    ['a wrong type', { storage_choice: 'no' }, 'storage_choice'],
    ['unreadable JSON', '{"storage": "session", "storage_choice": false,', null],
    ['a server error', 500, null],
  ];
  for (const [what, settings, field] of cases) {
    await t.test(what, () => withCleanup(async (cleanup) => {
      const dir = ownCopy(cleanup);
      if (typeof settings !== 'number') config(dir, settings);
      const server = await started(cleanup, await serve(dir));
      // page.route sees only what no service worker answers.
      const b = await opened(cleanup, typeof settings === 'number' ? { serviceWorkers: 'block' } : {});
      const { page } = b;
      if (typeof settings === 'number') {
        await page.route(new URL('hicp-check.config.json', server.url).href,
          (route) => route.fulfill({ status: settings, contentType: 'text/plain', body: 'Internal Server Error' }));
      }
      await page.goto(server.url);
      await page.locator('#start-new').waitFor();
      const problem = page.locator('#config-problem');
      await problem.waitFor({ timeout: 5000 });
      assert.equal(await problem.getAttribute('role'), 'alert');
      if (field) assert.match(await problem.innerText(), new RegExp(`\\b${field}\\b`));
      assert.equal(await page.locator('#storage-choice').count(), 0, 'no storage switch');
      await startAssessment(page);
      await page.check('#a-1-S-A-in_place');
      await answerSaved(page);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hicp-check'))), [],
        'nothing in the browser\'s long-term storage');
      assert.ok((await savedIn(page, 'sessionStorage')).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)));
      await assertAccessible(page, `the app with ${what} in its settings`);
    }));
  }
  await t.test('an absent file still means the defaults', () => withCleanup(async (cleanup) => {
    const dir = ownCopy(cleanup);
    rmSync(join(dir, 'hicp-check.config.json'));
    const server = await started(cleanup, await serve(dir));
    const { page } = await opened(cleanup);
    await page.goto(server.url);
    await page.locator('#storage-choice').waitFor();
    assert.equal(await page.locator('#config-problem').count(), 0);
    await startAssessment(page);
    await page.check('#a-1-S-A-in_place');
    await answerSaved(page);
    assert.ok((await savedIn(page, 'localStorage')).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)));
  }));
});

test('two copies on one origin keep their answers, erasing and caches to themselves', async (t) => withCleanup(async (cleanup) => {
  const root = mkdtempSync(join(tmpdir(), 'hicp-copies-'));
  cleanup.push(() => rmSync(root, { recursive: true, force: true }));
  const a = join(root, 'a');
  const b = join(root, 'b');
  cpSync(DIST, a, { recursive: true });
  cpSync(DIST, b, { recursive: true });
  // /b/ is another version of the app, as two copies on one site usually are.
  const manifest = JSON.parse(readFileSync(join(b, 'manifest.webmanifest'), 'utf8'));
  writeFileSync(join(b, 'manifest.webmanifest'), JSON.stringify({ ...manifest, description: `${manifest.description} (b)` }));
  execFileSync('python3', [join(ROOT, 'scripts', 'postbuild.py'), b]);
  const server = await started(cleanup, await serve(root));
  const A = new URL('a/', server.url).href;
  const B = new URL('b/', server.url).href;
  const c = await opened(cleanup);
  const { page, context } = c;
  const controlled = () => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

  await t.test('an assessment made in /a/ does not show up in /b/', async () => {
    await page.goto(A);
    await startAssessment(page);
    await page.check('#a-1-S-A-in_place');
    await answerSaved(page);
    // Back to the start screen, where a copy offers to continue its latest assessment.
    await page.click('#nav-start');
    await page.reload();
    await page.locator('#continue-latest').waitFor();
    await controlled();
    await page.goto(B);
    await page.locator('#start-new').or(page.locator('#practice-nav')).first().waitFor();
    await controlled();
    assert.equal(await page.locator('#practice-nav').count(), 0, '/b/ does not open /a/\'s assessment');
    assert.equal(await page.locator('#continue-latest').count(), 0, '/b/ does not offer /a/\'s assessment');
  });

  await t.test('once both copies\' service workers are active, /a/ still works offline', async () => {
    await page.goto(A);
    await page.locator('#continue-latest').waitFor();
    await context.setOffline(true);
    try {
      await page.reload();
      await page.locator('#continue-latest').waitFor({ timeout: 10000 });
    } finally {
      await context.setOffline(false);
    }
  });

  await t.test('a copy with a pack of its own does not set the other copy\'s records aside', async () => {
    const pack = JSON.parse(readFileSync(join(ROOT, 'content', 'hicp-2018.json'), 'utf8'));
    writeFileSync(join(b, 'other-pack.json'), JSON.stringify({ ...pack, id: 'other-pack' }));
    config(b, { pack: 'other-pack.json' });
    await page.goto(B);
    await page.locator('#start-new').waitFor();
    assert.equal(await page.locator('[data-testid="set-aside"]').count(), 0);
    assert.equal(await page.locator('#continue-latest').count(), 0);
    await page.goto(A);
    await page.locator('#continue-latest').waitFor({ timeout: 5000 });
    assert.equal(await page.locator('[data-testid="set-aside"]').count(), 0);
  });

  await t.test('erasing everything in /b/ leaves /a/\'s assessment', async () => {
    await page.goto(B);
    await startAssessment(page);
    await page.check('#a-1-S-A-partly');
    await answerSaved(page);
    await page.click('#nav-library');
    await page.locator('#library').waitFor();
    await page.click('#erase-all');
    await page.click('#erase-confirm');
    await page.locator('#notice', { hasText: 'has been erased' }).waitFor();
    await page.goto(A);
    await page.locator('#continue-latest').waitFor({ timeout: 5000 });
  });

  await t.test('a record saved before copies were told apart goes to the copy whose pack it is', () => withCleanup(async (more) => {
    const fresh = await opened(more);
    const p = fresh.page;
    // A page of the origin that is neither copy: storage as today's build left it.
    await p.goto(server.url);
    await p.evaluate((text) => localStorage.setItem('hicp-check/assessment/legacy-riverside', text),
      readFileSync(join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json'), 'utf8'));
    await p.goto(A);
    await p.locator('#continue-latest').waitFor({ timeout: 5000 });
    await p.goto(B);
    await p.locator('#start-new').waitFor();
    assert.equal(await p.locator('#continue-latest').count(), 0, '/b/ does not show /a/\'s record');
    assert.equal(await p.locator('[data-testid="set-aside"]').count(), 0, '/b/ does not set it aside');
    await p.goto(A);
    await p.locator('#continue-latest').waitFor({ timeout: 5000 });
  }));
}));

test('embed_origins limits who may frame the app', () => withCleanup(async (cleanup) => {
  const dir = ownCopy(cleanup);
  const app = await started(cleanup, await serve(dir));
  const allowed = await started(cleanup, await serve(hostFolder(app.url, cleanup)));
  const other = await started(cleanup, await serve(hostFolder(app.url, cleanup)));
  assert.notEqual(allowed.origin, other.origin);
  config(dir, { embed_origins: [allowed.origin] });
  const b = await opened(cleanup);
  const { page } = b;

  await page.goto(other.url);
  const refusedFrame = page.frameLocator('#hicp-check');
  const refusal = refusedFrame.locator('#embed-refused');
  await refusal.or(refusedFrame.locator('#start-new')).first().waitFor();
  assert.ok(await refusal.isVisible(), 'a page not listed is told where the app may be used');
  assert.match(await refusal.innerText(), new RegExp(allowed.origin.replaceAll('.', '\\.')));
  assert.equal(await refusedFrame.locator('#start-new').count(), 0, 'and the app does not run');
  await assertAccessible(page, 'a refused frame');

  await page.goto(allowed.url);
  const frame = page.frameLocator('#hicp-check');
  await frame.locator('#start-new').waitFor();
  await page.waitForFunction(() => parseInt(document.getElementById('hicp-check').style.height, 10) > 1000);
  assert.equal(await frame.locator('#embed-refused').count(), 0);
  const hosts = [app.origin, allowed.origin, other.origin];
  assert.deepEqual(b.requests.filter((r) => !hosts.includes(new URL(r.url).origin) || r.method !== 'GET'), []);
}));

test('a parent page not listed in embed_origins cannot erase the answers without the visitor\'s yes', () => withCleanup(async (cleanup) => {
  const dir = ownCopy(cleanup);
  const app = await started(cleanup, await serve(dir));
  const host = await started(cleanup, await serve(hostFolder(app.url, cleanup)));
  const b = await opened(cleanup);
  const { page } = b;
  const frame = page.frameLocator('#hicp-check');
  const erased = frame.locator('#notice', { hasText: 'has been erased' });
  const ask = frame.locator('#embed-erase-ask');
  const answerInFrame = async () => {
    await page.goto(host.url);
    await frame.locator('#start-new').click();
    await frame.locator('#tier-small').check();
    await frame.locator('#size-continue').click();
    await frame.locator('#a-1-S-A-in_place').check();
    const appFrame = appFrameOf(page, app.origin);
    await answerSaved(appFrame);
    return appFrame;
  };

  let appFrame = await answerInFrame();
  const saved = await savedIn(appFrame);
  await page.click('#hicp-check-erase');
  await ask.or(erased).first().waitFor();
  assert.deepEqual(await savedIn(appFrame), saved, 'the request alone erased nothing');
  assert.equal(await ask.getAttribute('role'), 'alert');
  await assertAccessible(page, 'the question whether to erase');
  await frame.locator('#embed-erase-no').click();
  await ask.waitFor({ state: 'detached' });
  assert.deepEqual(await savedIn(appFrame), saved, '"no" keeps the answers');

  await page.click('#hicp-check-erase');
  await frame.locator('#embed-erase-yes').click();
  await erased.waitFor();
  assert.deepEqual(await savedIn(appFrame), []);

  // A listed parent's request is honoured at once.
  config(dir, { embed_origins: [host.origin] });
  appFrame = await answerInFrame();
  await page.click('#hicp-check-erase');
  await erased.waitFor();
  assert.deepEqual(await savedIn(appFrame), []);
  assert.equal(await ask.count(), 0);
}));

test('the check page lists every mistake in a copy\'s settings and pack before it is published', () => withCleanup(async (cleanup) => {
  const dir = ownCopy(cleanup);
  const server = await started(cleanup, await serve(dir));
  const b = await opened(cleanup);
  const { page } = b;
  const check = new URL('?check', server.url).href;
  const items = (list) => page.locator(`${list} li`).allInnerTexts();

  // As shipped: the built-in catalogue and the example settings.
  await page.goto(check);
  await page.locator('#check-verdict', { hasText: 'Ready to publish.' }).waitFor();
  assert.match(await page.locator('#check-pack-fine').innerText(), /88 sub-practices/);
  await assertAccessible(page, 'the check page');

  // Two mistakes in the settings: both are listed, each with its field.
  config(dir, { storage: 'sesion', colour: '#123456', organization: 'Lakeside Clinic' });
  await page.reload();
  await page.locator('#check-settings-problems').waitFor();
  const settings = await items('#check-settings-problems');
  assert.equal(settings.length, 2, JSON.stringify(settings));
  assert.ok(settings.some((s) => /^colour: there is no such setting/.test(s)), JSON.stringify(settings));
  assert.ok(settings.some((s) => /^storage: must be "device" or "session"/.test(s)), JSON.stringify(settings));
  assert.match(await page.locator('#check-verdict').innerText(), /^Not ready/);

  // Settings without a mistake that name a pack with three.
  const pack = JSON.parse(readFileSync(join(ROOT, 'content', 'hicp-2018.json'), 'utf8'));
  pack.sub_practices[1].id = pack.sub_practices[0].id;
  pack.threats[0].name = '';
  pack.practices[0].threats = ['threat.nonexistent'];
  writeFileSync(join(dir, 'our-pack.json'), JSON.stringify(pack));
  config(dir, { pack: 'our-pack.json' });
  await page.reload();
  await page.locator('#check-pack-problems').waitFor();
  const problems = await items('#check-pack-problems');
  assert.ok(problems.length >= 3, JSON.stringify(problems));
  assert.match(await page.locator('#check-settings-fine').innerText(), /No mistakes/);
  assert.match(await page.locator('#check-verdict').innerText(), /^Not ready/);

  // The check page starts nothing: no storage, no service worker.
  assert.deepEqual(await savedIn(page), []);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r ?? null)), null);
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
}));
