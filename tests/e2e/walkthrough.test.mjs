// A practice manager's whole path, keyboard only, in real Chromium against the release build:
// size a small practice, answer every small-tier sub-practice, reload half-way and find every
// answer, see results and the action plan, download the JSON, erase everything, open the file
// again and find the identical assessment, download the CSV, and render the print view. axe
// runs on every screen, and no request may leave for another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  serve, browser, assertOnlyOwnOrigin, assertAccessible, tabTo, focusedId, ARTIFACTS, ROOT,
} from './harness.mjs';

const SCALE = ['in_place', 'partly', 'not_in_place', 'not_applicable', 'dont_know'];
// One answer per small-tier sub-practice, practice by practice.
const ANSWERS = [
  [['1.S.A', 'in_place'], ['1.S.B', 'partly'], ['1.S.C', 'not_in_place']],
  [['2.S.A', 'in_place']],
  [['3.S.A', 'dont_know']],
  [['4.S.A', 'in_place'], ['4.S.B', 'in_place']],
  [['5.S.A', 'partly'], ['5.S.B', 'in_place'], ['5.S.C', 'not_applicable']],
  [['6.S.A', 'in_place'], ['6.S.B', 'in_place'], ['6.S.C', 'not_in_place']],
  [['7.S.A', 'in_place']],
  [['8.S.A', 'partly'], ['8.S.B', 'not_in_place']],
  [['9.S.A', 'not_applicable']],
  [['10.S.A', 'in_place']],
];
const dom = (id) => id.replaceAll('.', '-');

let server;
let b;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve();
  b = await browser();
});
after(async () => { await b?.close(); server?.close(); });

const press = (key) => b.page.keyboard.press(key);
const storedRecords = () => b.page.evaluate(() => Object.keys(localStorage)
  .filter((k) => /^hicp-check\/.*#.*\/assessment\//.test(k))
  .map((k) => JSON.parse(localStorage.getItem(k))));
const noSideways = async (label) => {
  const { page } = b;
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  const view = await page.evaluate(() => window.innerWidth);
  assert.ok(wide <= view, `${label}: the page is ${wide}px wide in a ${view}px window`);
};

/** Answers one sub-practice with the keyboard: Tab into its radio group, then arrows. */
async function answer(id, choice) {
  await tabTo(b.page, `#a-${dom(id)}-in_place`);
  const steps = SCALE.indexOf(choice);
  if (steps === 0) await press('Space');
  for (let i = 0; i < steps; i++) await press('ArrowDown');
  assert.ok(await b.page.locator(`#a-${dom(id)}-${choice}`).isChecked(), `${id} is ${choice}`);
}

let fingerprint;
let jsonPath;

test('sizing a small practice recommends the small tier, with a reason per factor', async () => {
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#start-new').waitFor();
  await tabTo(page, '#start-new');
  await press('Enter');
  await page.locator('#org-name').waitFor();
  assert.equal(await focusedId(page), 'screen-heading', 'focus moves to the new step');
  await assertAccessible(page, 'the size step');
  await tabTo(page, '#org-name');
  await page.keyboard.type('Riverside Family Practice');
  for (const factor of ['exchange-partners', 'it-capability', 'security-investment']) {
    await tabTo(page, `#size-${factor}-small`);
    await press('Space');
  }
  await tabTo(page, '#size-physicians');
  await page.keyboard.type('3');
  await tabTo(page, '#size-complexity-small');
  await press('Space');
  assert.equal(await page.locator('#rec-heading').innerText(), 'Recommended size: Small');
  assert.equal(await page.locator('#rec-summary').innerText(),
    '5 of 5 answers point to Small, more than to any other size.');
  assert.match(await page.locator('#recommendation').innerText(),
    /3 physicians is in HICP's small band \(1-10 physicians\)/);
  assert.ok(await page.locator('#tier-small').isChecked());
  await tabTo(page, '#size-continue');
  await press('Enter');
  await page.locator('#practice-nav').waitFor();
  assert.equal(await page.locator('#progress').innerText(), '0 of 18 answered');
  await assertAccessible(page, 'the first practice');
});

test('every small-tier sub-practice is answered with the keyboard, and a reload loses nothing', async () => {
  const { page } = b;
  for (const [i, practice] of ANSWERS.entries()) {
    assert.match(await page.locator('#screen-heading').innerText(), new RegExp(`^Practice ${i + 1} of 10`));
    for (const [id, choice] of practice) await answer(id, choice);
    if (i === 4) {
      // Half-way: a reload must bring back this very practice and every answer so far.
      assert.equal(await page.locator('#progress').innerText(), '10 of 18 answered');
      await page.reload();
      await page.locator('#practice-nav').waitFor();
      assert.match(await page.locator('#screen-heading').innerText(), /^Practice 5 of 10/);
      assert.equal(await page.locator('#progress').innerText(), '10 of 18 answered');
      for (const [id, choice] of practice) {
        assert.ok(await page.locator(`#a-${dom(id)}-${choice}`).isChecked(), `${id} after reload`);
      }
      const [record] = await storedRecords();
      const saved = Object.fromEntries(Object.entries(record.answers).map(([k, v]) => [k, v.choice]));
      assert.deepEqual(saved, Object.fromEntries(ANSWERS.slice(0, 5).flat()));
      assert.equal(record.organization.name, 'Riverside Family Practice');
    }
    if (i === 1) {
      await page.setViewportSize({ width: 320, height: 800 });
      await noSideways('a practice at 320 px');
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    if (i < ANSWERS.length - 1) {
      await tabTo(page, '#next-practice');
      await press('Enter');
      await page.locator(`#nav-practice-${i + 2}[aria-current="page"]`).waitFor();
    }
  }
  assert.equal(await page.locator('#progress').innerText(), '18 of 18 answered');
  assert.equal(await page.locator('#all-answered').innerText(), 'Every question is answered.');
});

test('results show coverage, the five threats with their gaps, and the ordered action plan', async () => {
  const { page } = b;
  await tabTo(page, '#to-results');
  await press('Enter');
  await page.locator('#overall').waitFor();
  assert.equal(await focusedId(page), 'screen-heading');
  // 9 in place (18) + 3 partly (3) of 16 applicable x 2 = 21/32 = 65.6 %.
  assert.equal(await page.locator('#overall').innerText(),
    '66% in place, over 16 answered; 2 not applicable; 1 to find out.');
  assert.equal(await page.locator('svg.ring').count(), 1);
  assert.equal(await page.locator('#practices svg.bars rect.bar-value').count(), 10);
  assert.match(await page.locator('[data-testid="result-practice-1"]').innerText(), /50% in place, over 3 answered/);
  assert.equal(await page.locator('.threat').count(), 5);
  // Phishing: practices 1, 8, 10 -> 1.S.A-C, 8.S.A-B, 10.S.A.
  const phishing = await page.locator('#threat-1').innerText();
  assert.match(phishing, /50% in place, over 6 answered/);
  for (const gap of ['1.S.B Education', '1.S.C Phishing Simulation', '8.S.A Incident Response', '8.S.B ISAC/ISAO Participation']) {
    assert.ok(phishing.includes(gap), `phishing gaps list ${gap}`);
  }
  const order = await page.locator('#plan-table tbody tr th').allInnerTexts();
  assert.deepEqual(order.map((t) => t.split(' ')[0]),
    ['8.S.B', '8.S.A', '6.S.C', '5.S.A', '1.S.C', '3.S.A', '1.S.B']);
  assert.match(await page.locator('#plan-3-S-A').innerText(), /Find out/);
  // Each gap carries its guidance, on demand.
  const pack = JSON.parse(readFileSync(join(ROOT, 'content', 'hicp-2018.json'), 'utf8'));
  const guidance = pack.sub_practices.find((sp) => sp.id === '8.S.B').in_place;
  await tabTo(page, '#plan-8-S-B summary');
  await press('Enter');
  assert.ok((await page.locator('#plan-8-S-B details').innerText()).includes(guidance));
  await tabTo(page, '#owner-8-S-B');
  await page.keyboard.type('Office manager');
  await tabTo(page, '#target-8-S-B');
  await page.keyboard.type('12312026');
  await press('Tab');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)
    && JSON.parse(localStorage.getItem(k)).plan['8.S.B']?.target === '2026-12-31'));
  const [record] = await storedRecords();
  assert.deepEqual(record.plan['8.S.B'], { owner: 'Office manager', target: '2026-12-31' });
  fingerprint = await page.locator('#fingerprint').innerText();
  assert.match(fingerprint, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
  await assertAccessible(page, 'the results');
  await page.setViewportSize({ width: 320, height: 800 });
  await noSideways('results at 320 px');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the assessment downloads as JSON and the findings as CSV', async () => {
  const { page } = b;
  assert.match(await page.locator('#storage-status').innerText(), /Not downloaded yet/);
  await tabTo(page, '#download-json');
  const [json] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
  assert.match(json.suggestedFilename(), /^hicp-check-riverside-family-practice-\d{4}-\d{2}-\d{2}\.json$/);
  jsonPath = join(ARTIFACTS, json.suggestedFilename());
  await json.saveAs(jsonPath);
  const file = JSON.parse(readFileSync(jsonPath, 'utf8'));
  assert.equal(file.format, 'hicp-check-assessment');
  assert.equal(file.format_version, 4);
  assert.deepEqual(file.content, { id: 'hicp-2018', version: '1.1.0' });
  assert.equal(file.tier, 'small');
  assert.equal(Object.keys(file.answers).length, 18);
  assert.match(await page.locator('#storage-status').innerText(), /Last downloaded \d+ \w{3} \d{4}\./);

  await tabTo(page, '#download-csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
  const text = readFileSync(await csv.path(), 'utf8');
  const rows = text.trimEnd().split('\r\n');
  assert.equal(rows[0], 'ID,Practice,Tier,Sub-practice,Answer,In place since,Note,Threats mitigated,Plan priority,Owner,Target date,NIST CSF references,Answered by,Answered on');
  assert.equal(rows.length, 19);
  assert.deepEqual(rows.slice(1).map((r) => r.split(',')[0]), ANSWERS.flat().map(([id]) => id));
  const row = rows.find((r) => r.startsWith('8.S.B,'));
  assert.match(row, /,1,Office manager,2026-12-31,Not yet recorded,Coordinator,\d{4}-\d{2}-\d{2}$/);
  assert.ok(rows.find((r) => r.startsWith('5.S.C,')).includes(',Not applicable,'));
});

test('the print view is the report: summary first, with name, tier, edition and fingerprint', async () => {
  const { page } = b;
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#report-header').isVisible());
  assert.ok(!(await page.locator('header.top').isVisible()), 'the app header is not printed');
  assert.ok(!(await page.locator('#download-json').isVisible()), 'buttons are not printed');
  const report = await page.locator('#report-header').innerText();
  for (const fact of ['Riverside Family Practice', 'Small', 'Health Industry Cybersecurity Practices (HICP), 2018 edition', fingerprint]) {
    assert.ok(report.includes(fact), `the report header shows ${fact}`);
  }
  const pdf = await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'Letter' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2, `the report has a summary page and detail (${pages} pages)`);
  await page.emulateMedia({ media: 'screen' });
});

test('erasing everything leaves nothing, and the downloaded file brings back the identical assessment', async () => {
  const { page } = b;
  await tabTo(page, '#nav-library');
  await press('Enter');
  await page.locator('#erase-all').waitFor();
  await assertAccessible(page, 'the saved assessments');
  await tabTo(page, '#erase-all');
  await press('Enter');
  await tabTo(page, '#erase-confirm');
  await press('Enter');
  await page.locator('#notice').waitFor();
  assert.match(await page.locator('#notice').innerText(), /has been erased/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hicp-check/'))), []);
  await page.reload();
  await page.locator('#start-new').waitFor();
  assert.equal(await page.locator('#continue-latest').count(), 0);

  await tabTo(page, '#file-input');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press('Space')]);
  await chooser.setFiles(jsonPath);
  await page.locator('#import-preview').waitFor();
  assert.equal(await page.locator('#preview-name').innerText(), 'Riverside Family Practice');
  assert.equal(await page.locator('#preview-answers').innerText(), '18');
  await assertAccessible(page, 'the import preview');
  await tabTo(page, '#import-as-new');
  await press('Enter');
  await page.locator('#overall').waitFor();
  assert.equal(await page.locator('#fingerprint').innerText(), fingerprint);
  assert.equal(await page.locator('#overall').innerText(),
    '66% in place, over 16 answered; 2 not applicable; 1 to find out.');
  const file = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const [record] = await storedRecords();
  for (const key of ['organization', 'tier', 'include_optional', 'answers', 'plan', 'created', 'updated']) {
    assert.deepEqual(record[key], file[key], `${key} survives the round trip`);
  }
});

test('nothing left the app\'s own origin and no error was logged', () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});
