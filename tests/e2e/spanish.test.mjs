// The Spanish interface: chosen from the header, remembered, and complete. On every screen no
// English text from the string tables (content/i18n/en) and no English content-pack text is
// left, and the page says it is in Spanish. Spanish is downloaded only by those who choose it,
// then kept for offline use (and kept again by a new version); when it cannot be loaded, the
// app runs in English and says so in Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  serve, browser, copyOfBuild, redeploy, assertAccessible, assertOnlyOwnOrigin, until, ROOT,
} from './harness.mjs';

const I18N = join(ROOT, 'content', 'i18n');
const table = (lang) => Object.assign({}, ...readdirSync(join(I18N, lang))
  .map((f) => JSON.parse(readFileSync(join(I18N, lang, f), 'utf8'))));
const EN = table('en');
const ES = table('es');
// Every run of English words of a table value that Spanish does not share, long enough to
// be unambiguous (placeholders split a value into runs).
const FRAGMENTS = [...new Set(Object.entries(EN)
  .filter(([k, v]) => v !== ES[k])
  .flatMap(([, v]) => v.split(/\{[a-z_]+\}/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 12 && /[a-z]{3}/.test(s) && !Object.values(ES).some((x) => x.includes(s))))];
const PACK = JSON.parse(readFileSync(join(ROOT, 'content', 'hicp-2018.json'), 'utf8'));

let server;
let b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

async function noEnglishLeft(label) {
  const { page } = b;
  const text = await page.evaluate(() => document.body.innerText);
  const left = FRAGMENTS.filter((f) => text.includes(f));
  assert.deepEqual(left, [], `English interface text left on ${label}`);
  const english = PACK.sub_practices.flatMap((sp) => [sp.questions[0], sp.in_place]).concat(PACK.threats.map((t) => t.summary))
    .filter((s) => text.includes(s));
  assert.deepEqual(english, [], `English content left on ${label}`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
}

test('the interface switches to Spanish and remembers it', async () => {
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#language').waitFor();
  assert.ok(FRAGMENTS.length > 150, `${FRAGMENTS.length} English fragments to look for`);
  const languageFiles = () => b.requests.filter((r) => new URL(r.url).pathname.includes('/lang/'));
  assert.deepEqual(languageFiles(), [], 'an English visit downloads no other language');
  await chooseSpanish(page);
  await page.locator('#start-new').waitFor();
  assert.equal(await page.locator('#start-new').innerText(), ES['start.new']);
  await noEnglishLeft('the start screen');
  assert.ok(languageFiles().some((r) => r.url.endsWith('/lang/es.json')), 'Spanish is fetched once chosen');
  await assertAccessible(page, 'the Spanish start screen');
  await page.reload();
  assert.equal(await page.locator('#start-new').innerText(), ES['start.new'], 'the choice is remembered');
});

test('every screen of a whole assessment is in Spanish', async () => {
  const { page } = b;
  await page.click('#start-new');
  await page.fill('#org-name', 'Clínica del Río');
  await page.press('#org-name', 'Tab');
  await page.fill('#size-physicians', '3');
  await page.press('#size-physicians', 'Tab');
  await page.locator('#rec-heading', { hasText: 'Pequeña' }).waitFor();
  await noEnglishLeft('the size step');
  await page.click('#size-continue');
  await page.locator('#practice-nav').waitFor();
  await page.check('#a-1-S-A-in_place');
  await page.check('#a-1-S-B-dont_know');
  await page.locator('#sp-1-S-A details').first().locator('summary').click();
  await noEnglishLeft('a practice');
  await page.click('#nav-results');
  await page.locator('#overall').waitFor();
  await page.fill('#look-back-date', '2025-06-01');
  await page.click('#share-preview');
  await noEnglishLeft('the results');
  await assertAccessible(page, 'the Spanish results');
  await page.click('#nav-library');
  await page.locator('#library').waitFor();
  await page.click('#erase-all');
  await noEnglishLeft('the saved assessments');
  await page.click('#erase-cancel');
  await page.click('#nav-start');
  await page.locator('#file-input').setInputFiles(join(ROOT, 'tests', 'fixtures', 'hostile', 'future-version.json'));
  await page.locator('#notice').waitFor();
  assert.match(await page.locator('#notice').innerText(), /versión más reciente de HICP Check/);
  await noEnglishLeft('a refused file');
  await page.locator('#file-input').setInputFiles(join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json'));
  await page.locator('#import-preview').waitFor();
  await noEnglishLeft('the import preview');
  await page.click('#import-cancel');
  await page.click('#open-blank');
  await page.locator('[data-testid="blank-item"]').first().waitFor();
  await noEnglishLeft('the blank questionnaire');
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});

/** Waits until a service worker cache holds the Spanish file. */
const spanishKept = (page) => until(page, async () => (await Promise.all((await caches.keys())
  .map(async (n) => (await (await caches.open(n)).keys()).some((r) => r.url.endsWith('/lang/es.json')))))
  .includes(true), null, { what: 'lang/es.json kept' });

/** The URLs of lang/ files in each of the service worker's caches. */
const keptLanguages = (page) => page.evaluate(async () => Promise.all((await caches.keys())
  .map(async (name) => [name, (await (await caches.open(name)).keys())
    .map((r) => new URL(r.url).pathname).filter((p) => p.includes('/lang/'))])));

/**
 * Runs `body` in a fresh browser against a copy of the build of its own (changed first by
 * `prepare`, if given) on a port of its own, and removes all three afterwards.
 */
async function onOwnCopy(body, prepare = () => {}) {
  const dir = copyOfBuild();
  prepare(dir);
  const own = await serve(dir);
  const c = await browser();
  try {
    await body({ ...c, c, own, dir });
  } finally {
    await c.close();
    own.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chooses Spanish in the header; the page reloads in it. */
const chooseSpanish = (page) => Promise.all([page.waitForEvent('load'), page.selectOption('#language', 'es')]);

test('Spanish, once chosen, works offline, and a new version keeps it', () => onOwnCopy(async ({ page, context, c, own, dir }) => {
  await page.goto(own.url);
  await page.locator('#language').waitFor();
  await chooseSpanish(page);
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  await spanishKept(page);
  await context.setOffline(true);
  await page.reload();
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.locator('#language-problem').count(), 0);
  await context.setOffline(false);
  // A new deployment: its service worker keeps Spanish again, fetched fresh.
  await redeploy(page, dir);
  await page.locator('#update-ready').waitFor({ timeout: 20000 });
  const kept = await keptLanguages(page);
  assert.equal(kept.length, 2, 'the old and the new version');
  assert.deepEqual(kept.map(([, paths]) => paths.length), [1, 1], JSON.stringify(kept));
  assertOnlyOwnOrigin(c.requests, own.origin);
  assert.deepEqual(c.errors, []);
}));

test('a language chosen while a new version waits is kept by that version too', () => onOwnCopy(async ({ page, context, own, dir }) => {
  await page.goto(own.url);
  await page.locator('#language').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  await redeploy(page, dir);
  await page.locator('#update-ready').waitFor({ timeout: 20000 });
  // Spanish is chosen now: the version still in charge keeps it.
  await chooseSpanish(page);
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  await spanishKept(page);
  await page.locator('#update-ready').waitFor({ timeout: 20000 });
  // The new version takes over with no network: it can only have Spanish from the old one.
  await context.setOffline(true);
  await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  assert.equal(await page.locator('#language-problem').count(), 0);
  const kept = await keptLanguages(page);
  assert.deepEqual(kept.map(([, paths]) => paths.length), [1], JSON.stringify(kept));
  await context.setOffline(false);
}));

for (const [why, damage] of [
  ['is missing', (file) => rmSync(file)],
  ['holds a translation that does not validate', (file) => {
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    const overlay = bundle.packs['hicp-2018.es.json'];
    overlay.sub_practices[Object.keys(overlay.sub_practices)[0]].title = '';
    writeFileSync(file, JSON.stringify(bundle));
  }],
]) test(`a language file that ${why}: English, and a notice in that language`, () => onOwnCopy(async ({ page, own }) => {
  await page.goto(own.url);
  await page.locator('#language').waitFor();
  await chooseSpanish(page);
  const notice = page.locator('#language-problem');
  await notice.waitFor();
  assert.equal(await notice.innerText(), ES['language.unavailable']);
  assert.equal(await notice.getAttribute('lang'), 'es');
  assert.equal(await page.locator('#start-new').innerText(), EN['start.new']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await assertAccessible(page, 'the notice of a language not loaded');
  // The answers and the app still work: an assessment can be started.
  await page.click('#start-new');
  await page.locator('#org-name').waitFor();
  // A language that did not work is not kept for offline use. (An absence: give a wrongly
  // sent request time to land. The app sends it once a service worker is active.)
  await until(page, () => navigator.serviceWorker.ready.then(() => true), null, { what: 'a service worker' });
  await page.waitForTimeout(1000);
  const kept = await keptLanguages(page);
  assert.deepEqual(kept.flatMap(([, paths]) => paths), []);
}, (dir) => damage(join(dir, 'lang', 'es.json'))));

test('a language chosen stays chosen when the answers move to this tab only', () => onOwnCopy(async ({ page, own }) => {
  await page.goto(own.url);
  await page.locator('#language').waitFor();
  await chooseSpanish(page);
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  await page.check('#storage-session');
  await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.endsWith('#mode')));
  await page.reload();
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.ok(await page.locator('#storage-session').isChecked(), 'and the answers stay in this tab');
}));

test('in tab-only mode, choosing a language writes nothing to the browser\'s long-term storage', () => onOwnCopy(async ({ page, own }) => {
  await page.goto(own.url);
  await page.locator('#storage-session').check();
  await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.endsWith('#mode')));
  await chooseSpanish(page);
  await page.locator('#start-new', { hasText: ES['start.new'] }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hicp-check'))), []);
  assert.ok(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.endsWith('#language'))));
}));
