// The results at a glance (issue 16): what the first screen shows at 1280 × 900 and at
// 390 px, the in-page navigation (keyboard and back button), the threat × practice map and
// what the plan would achieve. The answer set and every figure are those of
// tests/native/outlook.rs, where they are worked out by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, assertOnlyOwnOrigin, assertAccessible, tabTo, ROOT, ARTIFACTS } from './harness.mjs';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json');
const SMALL = ['1.S.A', '1.S.B', '1.S.C', '2.S.A', '3.S.A', '4.S.A', '4.S.B', '5.S.A', '5.S.B', '5.S.C',
  '6.S.A', '6.S.B', '6.S.C', '7.S.A', '8.S.A', '8.S.B', '9.S.A', '10.S.A'];
const CHOICE = { '1.S.B': 'partly', '4.S.B': 'partly', '1.S.C': 'not_in_place', '9.S.A': 'not_in_place',
  '3.S.A': 'dont_know', '4.S.A': 'not_applicable' };
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

let server;
let b;
let file;
before(async () => {
  server = await serve();
  b = await browser();
  const known = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  known.organization.name = 'Known Answers Clinic';
  known.answers = Object.fromEntries(SMALL.map((id) => [id, { choice: CHOICE[id] ?? 'in_place', note: '', since: null }]));
  // 1.S.C due this quarter, 3.S.A in about a third of a year, 9.S.A in about ten months.
  known.plan = { '1.S.C': { owner: 'Practice manager', target: day(0) }, '3.S.A': { owner: '', target: day(120) },
    '9.S.A': { owner: '', target: day(300) } };
  mkdirSync(ARTIFACTS, { recursive: true });
  file = join(ARTIFACTS, 'known-answers.json');
  writeFileSync(file, JSON.stringify(known));
});
after(async () => { await b?.close(); server?.close(); });

async function open(page) {
  await page.goto(server.url);
  await page.locator('#file-input').setInputFiles(file);
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
}

/** The bottom edge of `selector`, in page pixels from the top. */
const bottom = (page, selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
const top = (page, selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

test('at 1280 × 900 the first screen shows overall coverage, the five threats and what to do first', async () => {
  const { page } = b;
  await open(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.equal(await page.locator('#overall').innerText(), '76% in place, over 17 answered; 1 not applicable; 1 to find out.');
  assert.deepEqual(await page.locator('#threat-summary li').allInnerTexts(), [
    'E-mail phishing attacks: 75% (2 gaps)',
    'Ransomware attacks: 81% (4 gaps)',
    'Loss or theft of equipment or data: 95% (1 gaps)',
    'Insider, accidental or intentional data loss: 80% (4 gaps)',
    'Attacks against connected medical devices that may affect patient safety: 83% (2 gaps)',
  ]);
  const steps = await page.locator('#first-steps li').allInnerTexts();
  assert.equal(steps.length, 3);
  assert.match(steps[0], /^1\.S\.C .* owner: Practice manager by \d{1,2} \w{3} \d{4}$/);
  assert.match(steps[1], /^3\.S\.A /);
  assert.match(steps[2], /^1\.S\.B /);
  assert.equal(await page.locator('#whole-plan').innerText(), 'The whole action plan (5 items)');
  for (const part of ['#overall', '#threat-summary', '#first-steps', '#whole-plan']) {
    assert.ok(await bottom(page, part) <= 900, `${part} shows without scrolling`);
  }
  await assertAccessible(page, 'the results at 1280 px');
});

test('every navigation entry reaches its section from the keyboard, and Back returns', async () => {
  const { page } = b;
  const entries = await page.locator('#results-nav a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.innerText]));
  assert.deepEqual(entries, [['#overview', 'Overview'], ['#threats', 'Threats'], ['#practices', 'Practices'],
    ['#plan', 'Action plan'], ['#views', 'Other views'], ['#files', 'Files and sharing']]);
  await page.locator('#screen-heading').focus();
  for (const [href] of entries) {
    await tabTo(page, `#results-nav a[href="${href}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => location.hash === h, href);
    // At the top of the window, or (the last section, on a short page) as high as it goes.
    const [at, end] = await page.locator(href).evaluate((e) => [Math.round(e.getBoundingClientRect().top),
      window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2]);
    assert.ok(at >= -2 && (at < 200 || (end && at < 900)), `${href} is scrolled into view (${at} px)`);
    assert.ok(await page.evaluate(() => window.scrollY) > 0, `${href} scrolled the page`);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '' || location.hash === '#');
    await page.waitForFunction(() => window.scrollY < 5);
    await page.locator('#screen-heading').focus();
  }
});

test('the map shows each practice against each threat it mitigates, with figures and gaps', async () => {
  const { page } = b;
  const label = (row, col) => page.locator(`#threat-map [data-cell="${row}-${col}"] [aria-label]`).getAttribute('aria-label');
  assert.equal(await label(0, 0), 'E-mail phishing attacks × E-mail Protection Systems: 50%, 2 gaps');
  assert.equal(await label(1, 2), 'Ransomware attacks × Access Management: 0%, 1 gaps');
  assert.equal(await label(1, 3), 'Ransomware attacks × Data Protection and Loss Prevention: 50%, 1 gaps');
  assert.equal(await label(4, 8), 'Attacks against connected medical devices that may affect patient safety × Medical Device Security: 0%, 1 gaps');
  assert.equal(await label(3, 9), 'Insider, accidental or intentional data loss × Cybersecurity Policies: 100%, 0 gaps');
  assert.match(await label(0, 1), /^E-mail phishing attacks × Endpoint Protection Systems: not applicable/);
  assert.equal(await page.locator('#threat-map [data-cell="0-0"]').innerText(), '50%2');
  assert.equal(await page.locator('#threat-map [data-cell="0-1"]').innerText(), '–');
  // Every cell carries a figure or a dash, never colour alone.
  for (const text of await page.locator('#threat-map td[data-cell]').allInnerTexts()) assert.match(text, /^(\d+%\d*|–)$/);
  await page.locator('#threat-map [data-cell="0-0"] button').focus();
  await page.keyboard.press('Enter');
  await page.locator('#map-gaps li').first().waitFor();
  assert.equal(await page.locator('#map-gaps h4').innerText(), 'E-mail phishing attacks × E-mail Protection Systems: 50%, 2 gaps');
  assert.deepEqual((await page.locator('#map-gaps li').allInnerTexts()).map((t) => t.split(' ')[0]), ['1.S.B', '1.S.C']);
  assert.equal(await page.locator('#threat-map [data-cell="0-0"] button').getAttribute('aria-expanded'), 'true');
  await assertAccessible(page, 'the map with a cell open');
  await page.keyboard.press('Enter');
  await page.locator('#map-gaps li').first().waitFor({ state: 'detached' });
});

test('the projection says what the first items of the plan would achieve, and by which quarter', async () => {
  const { page } = b;
  assert.equal(await page.locator('#projection-n').inputValue(), '5');
  assert.match(await page.locator('#projection-sentence').innerText(), /^Once the first 5 items of the plan are done, coverage would rise from 76% to 100%/);
  await page.fill('#projection-n', '2');
  await page.locator('#projection-n').dispatchEvent('change');
  await page.locator('#projection-sentence', { hasText: 'first 2 items' }).waitFor();
  assert.equal(await page.locator('#projection-sentence').innerText(),
    'Once the first 2 items of the plan are done, coverage would rise from 76% to 88%; E-mail phishing attacks from 75% to 92%.');
  assert.deepEqual(await page.locator('#projection-threats tbody tr').allInnerTexts(), [
    'E-mail phishing attacks\t75%\t92%',
    'Ransomware attacks\t81%\t94%',
    'Loss or theft of equipment or data\t95%\t95%',
    'Insider, accidental or intentional data loss\t80%\t93%',
    'Attacks against connected medical devices that may affect patient safety\t83%\t92%',
  ]);
  const quarters = await page.locator('#projection-quarters tbody tr td').allInnerTexts();
  assert.ok(quarters.length >= 3 && quarters.length <= 5, quarters.join());
  assert.equal(quarters[0], '82%', '1.S.C is due this quarter');
  assert.equal(quarters.at(-1), '94%', '9.S.A is the last one due');
  assert.ok(quarters.includes('88%'), '3.S.A falls due in between');
  await assertAccessible(page, 'the projection');
});

test('on a phone the same content comes first, in the same order', async () => {
  const phone = await browser({ viewport: { width: 390, height: 844 } });
  try {
    await open(phone.page);
    const page = phone.page;
    const order = [];
    for (const part of ['#screen-heading', '#overall', '#threat-summary', '#first-steps', '#results-nav', '#download-json', '#threat-map']) {
      order.push(await top(page, part));
    }
    assert.deepEqual([...order].sort((x, y) => x - y), order, `in order: ${order.join(', ')}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `nothing widens the page (${width} px); the map scrolls in its own box`);
    await assertAccessible(page, 'the results at 390 px');
  } finally {
    await phone.close();
  }
});

test('the printed report starts with a one-page summary: header, overview and map', async () => {
  const { page } = b;
  await page.emulateMedia({ media: 'print' });
  for (const part of ['#report-header', '#overall', '#first-steps', '#threat-map']) {
    assert.ok(await page.locator(part).isVisible(), `${part} is printed`);
  }
  assert.ok(!(await page.locator('#results-nav').isVisible()), 'the navigation is not printed');
  assert.equal(await page.locator('.threat-map').evaluate((e) => getComputedStyle(e).breakAfter), 'page');
  assert.ok(await top(page, '#report-header') < await top(page, '#overall'));
  assert.ok(await bottom(page, '#threat-map') < await top(page, '#threat-1'));
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2, `${format}: a summary page, then the detail (${pages} pages)`);
  }
  await page.emulateMedia({ media: 'screen' });
});

test('nothing left the app\'s own origin and no error was logged', () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});
