// Embedding and self-hosting: the iframe example on one 127.0.0.1 origin embedding the app
// served from another; a self-hosted copy configured by its settings file; session-only mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serve, browser, copyOfBuild, watchCsp, startAssessment, savedIn, assertOnlyOwnOrigin,
  assertAccessible, until, ROOT, DIST,
} from './harness.mjs';

const cleanup = [];
after(() => cleanup.forEach((f) => f()));

async function started(dir) {
  const s = await serve(dir);
  cleanup.push(s.close);
  return s;
}

/** The iframe example, pointed at `appUrl`, in its own folder. */
function hostFolder(appUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'hicp-host-'));
  cpSync(join(ROOT, 'examples', 'iframe'), dir, { recursive: true });
  const index = join(dir, 'index.html');
  const origin = new URL(appUrl).origin;
  writeFileSync(index, readFileSync(index, 'utf8')
    .replaceAll('https://hicp-check.example.org/', appUrl)
    .replaceAll('https://hicp-check.example.org', origin));
  return dir;
}

test('the iframe example embeds the app from another origin, sizes it, and can erase it; the host reads nothing', async () => {
  const app = await started(DIST);
  const host = await started(hostFolder(app.url));
  assert.notEqual(app.origin, host.origin);
  const b = await browser();
  cleanup.push(() => b.close());
  await watchCsp(b.context);
  await b.context.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  const { page } = b;
  await page.goto(host.url);
  const frame = page.frameLocator('#hicp-check');
  await frame.locator('#start-new').waitFor();
  await page.waitForFunction(() => parseInt(document.getElementById('hicp-check').style.height, 10) > 1000);
  const appFrame = page.frames().find((f) => f.url().startsWith(app.origin));
  const contentHeight = await appFrame.evaluate(() => document.documentElement.scrollHeight);
  assert.equal(await page.evaluate(() => document.getElementById('hicp-check').style.height), `${contentHeight}px`);

  await frame.locator('#start-new').click();
  await frame.locator('#org-name').fill('Lakeside Dental');
  await frame.locator('#org-name').press('Tab');
  await frame.locator('#tier-small').check();
  await frame.locator('#size-continue').click();
  await frame.locator('#a-1-S-A-in_place').check();
  await page.waitForFunction(() => window.__messages.length > 1);
  assert.equal((await savedIn(appFrame)).length, 2, 'the frame keeps the assessment and its meta record');

  // What the host page can see: heights, and nothing else.
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.every((m) => Object.keys(m).sort().join() === 'height,type'
    && m.type === 'hicp-check:height' && Number.isInteger(m.height)), JSON.stringify(messages));
  assert.ok(!JSON.stringify(messages).includes('Lakeside'));
  assert.equal(await page.evaluate(() => {
    try { return String(document.getElementById('hicp-check').contentWindow.localStorage.length); }
    catch (e) { return e.name; }
  }), 'SecurityError');
  assert.equal(await page.evaluate(() => document.getElementById('hicp-check').contentDocument), null);
  assert.deepEqual(await savedIn(page), []);

  // Another window of the host's origin is not the frame's parent: its erase request is ignored.
  const [popup] = await Promise.all([b.context.waitForEvent('page'), page.evaluate((u) => { window.open(u); }, host.url)]);
  await popup.waitForLoadState();
  await popup.evaluate(() => window.opener.frames[0].postMessage({ type: 'hicp-check:erase' }, '*'));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal((await savedIn(appFrame)).length, 2, 'a request from another window changes nothing');
  await popup.close();

  // The example lists no embed_origins: the request erases only once the visitor says yes.
  await page.click('#hicp-check-erase');
  await frame.locator('#embed-erase-yes').click();
  await frame.locator('#notice', { hasText: 'has been erased' }).waitFor();
  assert.deepEqual(await savedIn(appFrame), []);
  await assertAccessible(page, 'the host page with the embedded app');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  const foreign = b.requests.filter((r) => ![app.origin, host.origin].includes(new URL(r.url).origin) || r.method !== 'GET');
  assert.deepEqual(foreign, []);
  assert.deepEqual(b.errors, []);
});

test('a self-hosted copy takes its name, colours, introduction, links and default tier from its settings file', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'hicp-check.config.json'), JSON.stringify({
    organization: 'Ohio Medical Society',
    logo: 'icons/icon.svg',
    intro: 'Free for members. The Society never sees your answers.',
    links: [{ label: 'Member help', url: 'https://oms.example/help' }],
    colors: { accent: '#7a1f5c', accent_text: '#ffffff' },
    default_tier: 'medium',
  }));
  const s = await started(dir);
  const b = await browser();
  cleanup.push(() => b.close());
  const { page } = b;
  await page.goto(s.url);
  await page.locator('#host-name').waitFor();
  assert.equal((await page.locator('#host-name').innerText()).trim(), '· offered by Ohio Medical Society');
  assert.match(await page.locator('#host-info').innerText(), /Free for members\. The Society never sees your answers\./);
  assert.equal(await page.locator('#host-info a').getAttribute('href'), 'https://oms.example/help');
  assert.equal(await page.locator('#start-new').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(122, 31, 92)');
  await assertAccessible(page, 'a self-hosted start screen');
  await page.click('#start-new');
  assert.ok(await page.locator('#tier-medium').isChecked(), 'the default tier is preselected');
  assertOnlyOwnOrigin(b.requests, s.origin);
  assert.deepEqual(b.errors, []);

  writeFileSync(join(dir, 'hicp-check.config.json'), '{"colors": {"accent": "red; background: url(https://x.example/)"}}');
  await page.reload();
  await page.locator('#config-problem').waitFor();
  assert.match(await page.locator('#config-problem').innerText(), /colors\.accent: must be a hex colour/);
  assert.equal(await page.locator('#host-name').count(), 0);
});

test('the settings file is asked for once a visit, as the page starts, and a page without that early request still reads it', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'hicp-check.config.json'), JSON.stringify({ organization: 'Ohio Medical Society' }));
  const s = await started(dir);
  const b = await browser();
  cleanup.push(() => b.close());
  const { page } = b;
  const settingsShown = async (p) => {
    await p.locator('#host-name').waitFor();
    assert.equal((await p.locator('#host-name').innerText()).trim(), '· offered by Ohio Medical Society');
  };
  await page.goto(s.url);
  await settingsShown(page);
  const asked = () => page.evaluate(() => ({
    entries: performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/hicp-check.config.json')).map((e) => e.initiatorType),
    left: 'hicpCheckSettings' in window,
  }));
  // The preload in index.html, which the loader's request is answered from; the app took the
  // loader's request (and so made none of its own).
  assert.deepEqual(await asked(), { entries: ['link'], left: false });
  // A page whose loader leaves no request behind (one written by hand): the app asks itself.
  const page2 = await b.context.newPage();
  await page2.addInitScript(() => Object.defineProperty(window, 'hicpCheckSettings', { set() {}, get() { return undefined; } }));
  await page2.goto(s.url);
  await settingsShown(page2);
  await page2.close();
  assert.deepEqual(b.errors, []);
});

test('session-only mode keeps nothing after the tab closes', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'hicp-check.config.json'), JSON.stringify({ storage: 'session' }));
  const s = await started(dir);
  const b = await browser();
  cleanup.push(() => b.close());
  let page = b.page;
  await page.goto(s.url);
  await page.locator('#storage-session').waitFor();
  assert.ok(await page.locator('#storage-session').isChecked());
  await startAssessment(page);
  await page.check('#a-1-S-A-partly');
  assert.match(await page.locator('#storage-status').innerText(), /in this tab only/);
  assert.deepEqual(await savedIn(page, 'localStorage'), []);
  assert.equal((await savedIn(page, 'sessionStorage')).length, 2);
  await page.reload();
  await page.locator('#a-1-S-A-partly:checked').waitFor();
  await page.close();
  page = await b.context.newPage();
  await page.goto(s.url);
  await page.locator('#start-new').waitFor();
  assert.equal(await page.locator('#continue-latest').count(), 0);
  assert.deepEqual(await savedIn(page, 'localStorage'), []);
  assert.deepEqual(await savedIn(page, 'sessionStorage'), []);
});

test('a person who switches to "only in this tab" takes their answers out of long-term storage', async () => {
  const s = await started(DIST);
  const b = await browser();
  cleanup.push(() => b.close());
  const { page } = b;
  await page.goto(s.url);
  await startAssessment(page);
  await page.check('#a-1-S-A-in_place');
  assert.equal((await savedIn(page, 'localStorage')).length, 2);
  await page.click('#nav-start');
  await page.check('#storage-session');
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('hicp-check/')));
  assert.ok((await savedIn(page, 'sessionStorage')).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)));
  await page.reload();
  assert.ok(await page.locator('#storage-session').isChecked(), 'the choice holds in this tab');
  await page.click('#continue-latest');
  await page.click('#nav-answer');
  assert.ok(await page.locator('#a-1-S-A-in_place').isChecked());
});

test('a host\'s own content pack replaces the built-in one, and a broken pack is named, never a blank page', async () => {
  const dir = copyOfBuild();
  const pack = JSON.parse(readFileSync(join(ROOT, 'content', 'hicp-2018.json'), 'utf8'));
  pack.id = 'acme-pack';
  pack.title = 'Acme Health Network security practices';
  pack.sub_practices = pack.sub_practices.filter((sp) => sp.id !== '10.S.A');
  pack.threats.forEach((t) => { t.cited = t.cited.filter((c) => c.sub_practice !== '10.S.A'); });
  pack.lenses.forEach((l) => l.items.forEach((i) => { i.sub_practices = i.sub_practices.filter((id) => id !== '10.S.A'); }));
  writeFileSync(join(dir, 'acme.json'), JSON.stringify(pack));
  writeFileSync(join(dir, 'hicp-check.config.json'), JSON.stringify({ pack: 'acme.json' }));
  const s = await started(dir);
  const b = await browser();
  cleanup.push(() => b.close());
  const { page } = b;
  await page.goto(s.url);
  await page.locator('#overview').waitFor();
  assert.match(await page.locator('#overview').innerText(), /Acme Health Network security practices\. It names five threats and ten practices against them, with 17 sub-practices for small/);
  assert.deepEqual(await page.locator('[data-testid="practice-10"] td').allInnerTexts(), ['0', '1', '0']);
  // The app reads the host's pack with the tools part, so that part is kept offline from the
  // first visit on, although it came before the service worker controlled the page (and
  // this page is not reloaded).
  await until(page, async () => {
    const wasm = new URL('tools_bg.wasm', location.href).href;
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(wasm)) return true;
    }
    return false;
  }, null, { what: 'the tools part kept offline' });
  // The results are the tools part's: it reads the host's pack too, and links no HICP in OSCAL.
  await startAssessment(page, 'small');
  await page.check('#a-1-S-A-in_place');
  await page.click('#nav-results');
  assert.equal(await page.locator('#overall').innerText(), '100% in place, over 1 answered; 16 unanswered.');
  assert.match(await page.locator('#report-header').innerText(), /Acme Health Network security practices/);
  assert.equal(await page.locator('#oscal-index').count(), 0);
  pack.sub_practices[0].practice = 'practice.99';
  writeFileSync(join(dir, 'acme.json'), JSON.stringify(pack));
  await page.reload();
  await page.locator('.broken').waitFor();
  assert.equal(await page.locator('.broken [role="alert"]').innerText(),
    'The question set acme.json is broken: 1.S.A names a practice practice.99 that does not exist.');
  assertOnlyOwnOrigin(b.requests, s.origin);
});

test('a host\'s own pack whose reader cannot be loaded is named, with why, never a blank page', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'acme.json'), readFileSync(join(ROOT, 'content', 'hicp-2018.json')));
  writeFileSync(join(dir, 'hicp-check.config.json'), JSON.stringify({ pack: 'acme.json' }));
  // The part that reads a host's pack, gone (a half-copied site, or offline before it came).
  rmSync(join(dir, 'tools_loader.js'));
  const s = await started(dir);
  const b = await browser();
  cleanup.push(() => b.close());
  await b.page.goto(s.url);
  await b.page.locator('.broken').waitFor();
  const messages = JSON.parse(readFileSync(join(ROOT, 'content', 'i18n', 'en', 'messages.json'), 'utf8'));
  assert.equal(await b.page.locator('.broken [role="alert"]').innerText(),
    messages['content.reader_unavailable'].replace('{file}', 'acme.json'));
  await assertAccessible(b.page, 'a pack that could not be read');
});
