// What the app fetches only when needed (issue 20), and its offline guarantee: the tools part
// (the results, the blank questionnaire, Work together) and the built-in pack's guidance texts
// come once an assessment is open; a first visit fetches neither; offline before they came,
// each place says so in plain words; once they came, they work offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, startAssessment, ROOT } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server?.close());

const pack = JSON.parse(readFileSync(join(ROOT, 'content', 'hicp-2018.json'), 'utf8'));
const WHY = pack.sub_practices.find((s) => s.id === '1.S.A').why;

/** The text of a card's "in place" fold (with why it matters), opened. */
async function guidanceOf(page, id) {
  const fold = page.locator(`#sp-${id} details.help`).first();
  if (!(await fold.evaluate((d) => d.open))) await fold.locator('summary').click();
  // Loading, it says so; the test waits for what came instead.
  await page.waitForFunction((sel) => !document.querySelector(sel).innerText.includes('Loading…'),
    `#sp-${id} details.help`);
  return fold.innerText();
}

/** Opens the Work together screen and waits for the tools part to be there. */
async function openTeam(page) {
  await page.locator('#nav-team').click();
  await page.locator('#prepare-download').waitFor();
}

test('the tools part and the guidance texts come once an assessment is open; offline before, each screen says so; offline after, all work', async () => {
  const fresh = await browser();
  try {
    const { page, context } = fresh;
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    assert.deepEqual(fresh.requests.filter((r) => /tools|guidance/.test(r.url)), [],
      'a first visit fetches neither the tools part nor the guidance');
    await context.setOffline(true);
    await startAssessment(page, 'small');
    assert.match(await guidanceOf(page, '1-S-A'), /this browser was offline/);
    await page.locator('#nav-team').click();
    await page.locator('#team-status', { hasText: 'this browser was offline' }).waitFor();
    await page.locator('#nav-results').click();
    await page.locator('#results-status', { hasText: 'this browser was offline' }).waitFor();
    assert.equal(await page.locator('#overall').count(), 0);
    await page.locator('#nav-start').click();
    await page.locator('#open-blank').click();
    await page.locator('#blank-status', { hasText: 'this browser was offline' }).waitFor();
    await page.locator('#nav-answer').click();
    await page.locator('#practice-nav').waitFor();
    await context.setOffline(false);
    await page.reload();
    // On the questions, with no screen of the part open, the open assessment brings it.
    await page.waitForFunction(() => typeof window['hicp-tools'] === 'function');
    assert.ok((await guidanceOf(page, '1-S-A')).includes(WHY), 'the guidance, fetched');
    await context.setOffline(true);
    await page.reload();
    assert.ok((await guidanceOf(page, '1-S-A')).includes(WHY), 'the guidance, kept');
    await page.locator('#nav-results').click();
    await page.locator('#overall').waitFor();
    await page.locator('#compare-file').waitFor();
    assert.equal(await page.locator('#results-status').innerText(), '');
    await openTeam(page);
    assert.equal(await page.locator('#team-status').innerText(), '');
    await page.locator('#nav-start').click();
    await page.locator('#open-blank').click();
    await page.locator('[data-testid="blank-item"]').first().waitFor();
    assert.equal(await page.locator('#blank-status').innerText(), '');
  } finally {
    await fresh.context.setOffline(false);
    await fresh.close();
  }
});

test('the guidance arriving while a note is typed takes nothing of what is typed', async () => {
  // No service worker, so that the test holds the guidance back until the note is half-typed.
  const b = await browser({ serviceWorkers: 'block' });
  try {
    const { page } = b;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/hicp-2018-guidance.json', async (route) => { await held; await route.continue(); });
    await page.goto(server.url);
    await startAssessment(page, 'small');
    const fold = page.locator('#sp-1-S-A details.help').first();
    await fold.locator('summary').click();
    assert.match(await fold.innerText(), /Loading…/);
    await page.locator('#note-1-S-A').focus();
    await page.keyboard.type('Asked the IT firm');
    release();
    await fold.filter({ hasText: WHY }).waitFor();
    assert.equal(await page.inputValue('#note-1-S-A'), 'Asked the IT firm', 'the typing is still there');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('Asked the IT firm')));
  } finally {
    await b.close();
  }
});
