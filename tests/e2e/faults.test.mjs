// Hostile input and faults, in real Chromium: every file of the hostile corpus through the
// real file input (the message a person sees, storage byte-identical after a refusal), an
// unreadable saved record, full storage, storage switched off, two tabs, and script payloads
// in every free-text field.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, browser, startAssessment, ROOT } from './harness.mjs';

const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');
const cleanup = [];
after(() => cleanup.forEach((f) => f()));

async function setUp(prefs) {
  const server = await serve();
  const b = await browser({}, prefs);
  cleanup.push(() => b.close(), server.close);
  await b.page.goto(server.url);
  await b.page.locator('#start-new').waitFor();
  return { server, b, page: b.page };
}

/** Fills `storage` ('localStorage' or 'sessionStorage') of the page's origin to the last few characters. */
const fill = (page, storage) => page.evaluate((name) => {
  const store = window[name];
  let n = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    for (;;) {
      try { store.setItem(`filler-${n}`, 'x'.repeat(size)); n += 1; } catch { break; }
    }
  }
}, storage);

/**
 * In `page`, a change to the saved assessment that this tab was never told about (no storage
 * event reaches the tab that wrote it), then an answer of its own: a conflict waits there.
 */
async function conflictIn(page) {
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => /^hicp-check\/.*#.*\/assessment\//.test(k));
    const file = JSON.parse(localStorage.getItem(key));
    file.answers['1.S.C'] = { choice: 'not_in_place', note: 'changed elsewhere', since: null };
    localStorage.setItem(key, JSON.stringify(file));
  });
  await page.click('#nav-practice-2');
  await page.check('#a-2-S-A-in_place');
  await page.locator('#conflict').waitFor();
}

const everything = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
const record = (page) => page.evaluate(() => {
  const key = Object.keys(localStorage).find((k) => /^hicp-check\/.*#.*\/assessment\//.test(k));
  return key && JSON.parse(localStorage.getItem(key));
});

/** The table of EXPECTED.md: file -> { outcome, text }. */
function expectations() {
  const rows = readFileSync(join(HOSTILE, 'EXPECTED.md'), 'utf8').split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, '')));
  return rows.map(([file, outcome, text]) => ({ file: file.replaceAll('`', ''), outcome, text }));
}

test('every hostile file gets its plain-words message through the real file input, and storage stays byte-identical', async () => {
  const { page } = await setUp();
  await startAssessment(page);
  await page.check('#a-1-S-A-partly');
  await page.click('#nav-start');
  const before = await everything(page);
  const cases = expectations();
  assert.ok(cases.length >= 30, `the corpus has ${cases.length} files`);
  const big = join(tmpdir(), 'hicp-too-large.json');
  writeFileSync(big, '{"format": "hicp-check-assessment", "padding": "' + 'x'.repeat(3 * 1024 * 1024) + '"}');
  cases.push({ file: big, outcome: 'refused', text: 'This file is too large to be an HICP Check assessment (3072 KB; the limit is 2048 KB).' });
  // The app opens a file that begins as a zip does as an evidence package: this one (the
  // start of an office document, cut short) is read as a damaged zip, not as JSON.
  const asZip = { 'binary-junk.json': 'This file is a damaged or incomplete zip file: if it is an evidence package, its download may have been cut short. Nothing was opened.' };
  for (const { file, outcome, text: expected } of cases) {
    const text = asZip[file] ?? expected;
    const path = file.startsWith('/') ? file : join(HOSTILE, file);
    const name = path.split('/').pop();
    await page.locator('#file-input').setInputFiles(path);
    if (outcome === 'refused') {
      const notice = page.locator('#notice', { hasText: `“${name}” was not opened.` });
      await notice.waitFor();
      assert.equal(await notice.innerText(), `“${name}” was not opened. ${text} Nothing you saved has changed.`, name);
    } else {
      await page.locator('#import-preview').waitFor();
      const warnings = await page.locator('#import-warnings li').allInnerTexts();
      assert.equal(warnings.join(' ') || '-', text, name);
      await page.click('#import-cancel');
      await page.locator('#import-preview').waitFor({ state: 'detached' });
    }
    assert.equal(await everything(page), before, `${name} changed nothing in storage`);
  }
});

test('an unreadable saved record is set aside, offered as a download, and the app starts as usual', async () => {
  const { page } = await setUp();
  await startAssessment(page);
  await page.click('#nav-practice-2');
  await page.check('#a-2-S-A-in_place');
  await page.evaluate(() => localStorage.setItem('hicp-check/assessment/damaged', '{"format": "hicp-check-assessment", "format_version": 2, "answ'));
  await page.reload();
  const banner = page.locator('[data-testid="set-aside"]');
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not be read, so it was set aside.*not valid JSON/s);
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download the unreadable record' }).click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), '{"format": "hicp-check-assessment", "format_version": 2, "answ');
  assert.ok(await page.locator('#a-2-S-A-in_place').isChecked(), 'the readable assessment is back where it was');
  await banner.getByRole('button', { name: 'Delete it' }).click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('damaged'))), []);
});

test('full storage is reported with a download offer, nothing is dropped, and saving resumes when space returns', async () => {
  const { page } = await setUp();
  await startAssessment(page);
  // Fill this origin's storage to the last few characters, as years of other data might.
  await fill(page, 'localStorage');
  await page.check('#a-1-S-A-in_place');
  await page.locator('#storage-problem').waitFor();
  assert.match(await page.locator('#storage-problem').innerText(), /The browser refused to save .* download a copy now/s);
  assert.equal((await record(page)).answers['1.S.A'], undefined, 'the answer could not be saved');
  assert.ok(await page.locator('#a-1-S-A-in_place').isChecked(), 'and it is still on screen');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#storage-download')]);
  const copy = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(copy.answers['1.S.A'].choice, 'in_place', 'the download holds the unsaved answer');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await page.check('#a-1-S-B-in_place');
  await page.locator('#storage-problem').waitFor({ state: 'detached' });
  const saved = await record(page);
  assert.equal(saved.answers['1.S.A'].choice, 'in_place');
  assert.equal(saved.answers['1.S.B'].choice, 'in_place');
});

test('with storage switched off in the browser, the app runs in memory and says so', async () => {
  const { page } = await setUp({ preferences: { profile: { default_content_setting_values: { cookies: 2 } } } });
  assert.equal(await page.evaluate(() => { try { localStorage.length; return 'open'; } catch (e) { return e.name; } }), 'SecurityError');
  await startAssessment(page);
  await page.locator('#storage-problem').waitFor();
  assert.match(await page.locator('#storage-problem').innerText(), /kept only while this page is open, because this browser does not allow this page to store data/);
  await page.check('#a-1-S-A-in_place');
  await page.click('#nav-results');
  assert.equal(await page.locator('#overall').innerText(), '100% in place, over 1 answered; 17 unanswered.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#storage-download')]);
  assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).answers['1.S.A'].choice, 'in_place');
});

test('two tabs on the same assessment see each other\'s answers, and a hidden change is never overwritten', async () => {
  const { server, b, page } = await setUp();
  await startAssessment(page);
  const other = await b.context.newPage();
  await other.goto(server.url);
  // The second tab opens where the first one is: the same assessment, the same practice.
  await other.locator('#practice-nav').waitFor();
  await page.check('#a-1-S-A-in_place');
  await other.locator('#a-1-S-A-in_place:checked').waitFor();
  await other.check('#a-1-S-B-partly');
  await page.locator('#a-1-S-B-partly:checked').waitFor();
  assert.equal((await record(page)).answers['1.S.B'].choice, 'partly');

  await conflictIn(other);
  assert.equal((await record(other)).answers['2.S.A'], undefined, 'nothing was overwritten while the person decides');
  assert.equal((await record(other)).answers['1.S.C'].note, 'changed elsewhere');
  await other.click('#conflict-mine');
  await other.locator('#conflict').waitFor({ state: 'detached' });
  await other.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)
    && JSON.parse(localStorage.getItem(k)).answers['2.S.A']?.choice === 'in_place'));
  await page.click('#nav-practice-2');
  await page.locator('#a-2-S-A-in_place:checked').waitFor();
});

test('script payloads in every free-text field stay text: nothing runs, nothing is added to the page', async () => {
  const { page } = await setUp();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const payload = '<script>alert(1)</script>"><img src=x onerror=alert(2)><svg onload=alert(3)>';
  await page.click('#start-new');
  await page.fill('#org-name', payload);
  await page.press('#org-name', 'Tab');
  await page.check('#tier-small');
  await page.click('#size-continue');
  await page.check('#a-1-S-A-partly');
  await page.fill('#note-1-S-A', payload);
  await page.press('#note-1-S-A', 'Tab');
  await page.click('#nav-results');
  await page.fill('#owner-1-S-A', payload);
  await page.press('#owner-1-S-A', 'Tab');
  await page.click('#nav-library');
  const box = page.locator('[data-testid="saved-assessment"] input[type="text"]');
  await box.fill(`${payload} renamed`);
  await box.press('Tab');
  await page.locator('[data-testid="saved-assessment"] h2', { hasText: 'renamed' }).waitFor();
  await page.click('#nav-start');
  await page.locator('#file-input').setInputFiles(join(HOSTILE, 'script-payloads.json'));
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
  await page.click('#nav-library');
  const names = await page.locator('[data-testid="saved-assessment"] h2').allInnerTexts();
  assert.ok(names.includes(`${payload} renamed`), names.join(' | '));
  assert.equal(await page.locator('img[src="x"], svg[onload], #app script').count(), 0);
  // The results screen is the tools part's: its loader is the one script added.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src') ?? '(inline)'));
  assert.deepEqual(scripts, ['(inline)', 'tools_loader.js'], 'only the app\'s loader and the tools part\'s');
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^hicp-check\/.*#.*\/assessment\//.test(k))
    .map((k) => JSON.parse(localStorage.getItem(k))).find((r) => r.organization.name.endsWith('renamed')));
  assert.equal(saved.answers['1.S.A'].note, payload);
  assert.equal(saved.plan['1.S.A'].owner, payload);
  assert.deepEqual(dialogs, []);
});

test('a record that cannot move to "this tab only" is reported, and stays whole where it was', async () => {
  const { page } = await setUp();
  await startAssessment(page);
  await page.check('#a-1-S-A-in_place');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)));
  const before = await record(page);
  // This tab's storage is all but full, as another page's data might leave it.
  await fill(page, 'sessionStorage');
  await page.click('#nav-start');
  await page.check('#storage-session');
  const notice = page.locator('#notice', { hasText: 'could not be moved' });
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.deepEqual(await record(page), before, 'the record is still where it was, unchanged');
});

test('while a conflict waits for the person, another tab\'s change does not replace this tab\'s copy', async () => {
  const { server, b, page } = await setUp();
  await startAssessment(page);
  const other = await b.context.newPage();
  await other.goto(server.url);
  await other.locator('#practice-nav').waitFor();
  await conflictIn(other);
  // Meanwhile the first tab saves a change of its own.
  // The listener is in place before the change is made, so the event cannot come first.
  await other.evaluate(() => {
    window.__heard = new Promise((resolve) => {
      addEventListener('storage', () => setTimeout(resolve, 0), { once: true });
    });
  });
  await page.check('#a-1-S-B-partly');
  await other.evaluate(() => window.__heard);
  assert.ok(await other.locator('#a-2-S-A-in_place').isChecked(), 'this tab\'s unsaved answer is still there');
  assert.ok(await other.locator('#conflict').isVisible(), 'and the person still chooses');
  await other.click('#conflict-mine');
  await other.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)
    && JSON.parse(localStorage.getItem(k)).answers['2.S.A']?.choice === 'in_place'));
});

test('a save that finds its record erased by another tab is a conflict, not a silent re-creation', async () => {
  const { page } = await setUp();
  await startAssessment(page);
  await page.check('#a-1-S-A-in_place');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)));
  // Erased by another tab whose storage event has not arrived yet.
  await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)).forEach((k) => localStorage.removeItem(k)));
  await page.check('#a-1-S-B-partly');
  await page.locator('#conflict').waitFor();
  assert.equal(await record(page), undefined, 'nothing was written back');
  await page.click('#conflict-mine');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)
    && JSON.parse(localStorage.getItem(k)).answers['1.S.B']?.choice === 'partly'));
});

test('a direction override typed into a name is not kept, so the name reads as it is stored', async () => {
  const { page } = await setUp();
  await page.click('#start-new');
  await page.fill('#org-name', 'Riverside \u202eecitcarP ylimaF\u202c');
  await page.press('#org-name', 'Tab');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('ecitcarP')));
  assert.equal((await record(page)).organization.name, 'Riverside ecitcarP ylimaF');
  assert.equal(await page.inputValue('#org-name'), 'Riverside ecitcarP ylimaF');
});

test('"erase everything" leaves nothing of this copy in the browser\'s storage or in the tab\'s', async () => {
  const { page } = await setUp();
  await startAssessment(page);
  await page.check('#a-1-S-A-in_place');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /^hicp-check\/.*#.*\/assessment\//.test(k)));
  // A record left in this tab's storage (a move to "this tab only" that the browser refused
  // half-way, say).
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => /^hicp-check\/.*#.*\/assessment\//.test(k));
    sessionStorage.setItem(key.replace(/[^/]+$/, 'left-behind'), localStorage.getItem(key));
    sessionStorage.setItem('another-app', 'kept');
  });
  await page.click('#nav-library');
  await page.click('#erase-all');
  await page.click('#erase-confirm');
  await page.locator('#notice', { hasText: 'has been erased' }).waitFor();
  assert.deepEqual(await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]
    .filter((k) => k.startsWith('hicp-check'))), []);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('another-app')), 'kept', 'nothing that is not HICP Check\'s');
});
