// Several assessments on one device (list, rename, duplicate, delete with confirmation),
// "next unanswered", opening a file by drag and drop to replace the open assessment, and a
// malformed file that is refused in plain words with nothing lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, assertOnlyOwnOrigin, assertAccessible } from './harness.mjs';

let server;
let b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

const records = () => b.page.evaluate(() => Object.keys(localStorage)
  .filter((k) => /^hicp-check\/.*#.*\/assessment\//.test(k))
  .map((k) => JSON.parse(localStorage.getItem(k))));

async function newAssessment(name, tier) {
  const { page } = b;
  await page.click('#nav-start');
  await page.click('#start-new');
  await page.fill('#org-name', name);
  await page.press('#org-name', 'Tab');
  await page.check(`#tier-${tier}`);
  await page.click('#size-continue');
  await page.locator('#practice-nav').waitFor();
}

/** Drops a file with `text` on the drop zone, as a person dragging it from their desktop would. */
async function drop(name, text) {
  await b.page.evaluate(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    const zone = document.getElementById('dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

test('"next unanswered" jumps to the first open question and focuses it', async () => {
  const { page } = b;
  await page.goto(server.url);
  await newAssessment('North Clinic', 'medium');
  assert.equal(await page.locator('#progress').innerText(), '0 of 36 answered');
  for (const id of ['1-M-A', '1-M-B', '1-M-D']) await page.check(`#a-${id}-in_place`);
  await page.click('#next-practice');
  await page.check('#a-2-M-A-partly');
  await page.click('#nav-practice-1');
  // From practice 1 the first open question is 1.M.C, on this very page.
  await page.click('#next-unanswered');
  await page.waitForFunction(() => document.activeElement?.id === 'q-1-M-C');
  await page.check('#a-1-M-C-in_place');
  await page.click('#next-unanswered');
  await page.locator('#nav-practice-3[aria-current="page"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'q-3-M-A');
});

test('medium organizations may add the large sub-practices', async () => {
  const { page } = b;
  await page.click('#nav-size');
  await page.check('#include-optional');
  await page.click('#size-continue');
  assert.equal(await page.locator('#progress').innerText(), '5 of 70 answered');
  assert.ok(await page.locator('#sp-1-L-A').isVisible(), 'large sub-practices are now asked');
});

test('assessments can be listed, renamed, duplicated and deleted after confirmation', async () => {
  const { page } = b;
  await newAssessment('South Clinic', 'small');
  await page.check('#a-1-S-A-partly');
  await page.click('#nav-library');
  await page.locator('#library').waitFor();
  assert.equal(await page.locator('[data-testid="saved-assessment"]').count(), 2);
  await assertAccessible(page, 'the list of saved assessments');
  const south = page.locator('[data-testid="saved-assessment"]', { hasText: 'South Clinic' });
  const renameBox = south.locator('input[type="text"]');
  await renameBox.fill('South Clinic 2026');
  await renameBox.press('Tab');
  await page.locator('[data-testid="saved-assessment"] h2', { hasText: 'South Clinic 2026' }).waitFor();
  await page.locator('[data-testid="saved-assessment"]', { hasText: 'South Clinic 2026' })
    .getByRole('button', { name: 'Duplicate' }).click();
  assert.equal(await page.locator('[data-testid="saved-assessment"]').count(), 3);
  const copy = (await records()).find((r) => r.organization.name === 'South Clinic 2026 (copy)');
  assert.equal(copy.answers['1.S.A'].choice, 'partly');

  const north = page.locator('[data-testid="saved-assessment"]', { hasText: 'North Clinic' });
  await north.getByRole('button', { name: 'Delete' }).click();
  assert.match(await north.getByRole('alert').innerText(), /cannot be undone/);
  await north.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await page.locator('[data-testid="saved-assessment"]').count(), 3);
  await north.getByRole('button', { name: 'Delete' }).click();
  await north.getByRole('button', { name: 'Yes, delete' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="saved-assessment"]').length === 2);
  assert.deepEqual((await records()).map((r) => r.organization.name).sort(),
    ['South Clinic 2026', 'South Clinic 2026 (copy)']);
  await page.reload();
  await page.locator('#library').waitFor();
  assert.equal(await page.locator('[data-testid="saved-assessment"]').count(), 2);
});

test('a malformed file is refused in plain words and the open assessment is untouched', async () => {
  const { page } = b;
  await page.locator('[data-testid="saved-assessment"]', { hasText: 'South Clinic 2026 (copy)' })
    .getByRole('button', { name: /^Open/ }).click();
  await page.click('#nav-start');
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await drop('notes.json', '{"format": "hicp-check-assessment", "format_version": 2, "answers": ');
  await page.locator('#notice').waitFor();
  assert.match(await page.locator('#notice').innerText(),
    /“notes\.json” was not opened\. This file is not readable as an assessment: it is not valid JSON \(the problem is at line 1, column \d+\)\. Nothing you saved has changed\./);
  await drop('future.json', JSON.stringify({ format: 'hicp-check-assessment', format_version: 9 }));
  await page.locator('#notice', { hasText: 'made by a newer version of HICP Check' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
});

test('a dropped file previews what it holds and can replace the open assessment', async () => {
  const { page } = b;
  const [current] = (await records()).filter((r) => r.organization.name === 'South Clinic 2026 (copy)');
  const incoming = structuredClone(current);
  incoming.organization.name = 'South Clinic (from the file)';
  incoming.answers['2.S.A'] = { choice: 'not_in_place', note: 'no antivirus on the front desk PC', since: null };
  await drop('south.json', JSON.stringify(incoming));
  await page.locator('#import-preview').waitFor();
  assert.equal(await page.locator('#preview-name').innerText(), 'South Clinic (from the file)');
  assert.equal(await page.locator('#preview-answers').innerText(), '2');
  await page.click('#import-replace');
  await page.locator('#overall').waitFor();
  const names = (await records()).map((r) => r.organization.name).sort();
  assert.deepEqual(names, ['South Clinic (from the file)', 'South Clinic 2026']);
  assert.equal((await records()).find((r) => r.organization.name.includes('from the file')).answers['2.S.A'].note,
    'no antivirus on the front desk PC');
});

test('nothing left the app\'s own origin and no error was logged', () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});
