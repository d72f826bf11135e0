// The Spanish interface: chosen from the header, remembered, and complete. On every screen no
// English text from the string tables (content/i18n/en) and no English content-pack text is
// left, and the page says it is in Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, assertAccessible, assertOnlyOwnOrigin, ROOT } from './harness.mjs';

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
  await Promise.all([page.waitForEvent('load'), page.selectOption('#language', 'es')]);
  await page.locator('#start-new').waitFor();
  assert.equal(await page.locator('#start-new').innerText(), ES['start.new']);
  await noEnglishLeft('the start screen');
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
  await page.locator('.blank').waitFor();
  await noEnglishLeft('the blank questionnaire');
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});
