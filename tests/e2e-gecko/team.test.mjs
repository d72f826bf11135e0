// Working together in Gecko (Debian's Firefox ESR): the tools part, a wasm module of its own
// fetched on first use, starts on the page beside the app; a respondent file downloads, opens
// in the respondent view, comes back answered and sealed (by the package worker), and merges
// into the coordinator's assessment with who answered on the question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync } from 'node:fs';
import { serve, firefox, downloaded, assertOnlyOwnOrigin, textOf } from './harness.mjs';

let server;
let b;
before(async () => {
  server = await serve();
  b = await firefox();
});
after(async () => { await b?.close(); await server?.close(); });

const click = async (page, selector) => (await page.waitForSelector(selector)).click();

/** Chooses `path` in the file input `selector`, as a person does through the picker. */
async function choose(page, selector, path) {
  const input = await page.waitForSelector(selector);
  const [chooser] = await Promise.all([page.waitForFileChooser(), input.click()]);
  await chooser.accept([path]);
}

test('a coordinator prepares a file, a respondent answers it, and the answer merges back', async () => {
  const { page } = b;
  await page.goto(server.url);
  await click(page, '#start-new');
  await click(page, '#tier-medium');
  await click(page, '#size-continue');
  await page.waitForSelector('#practice-nav');
  await click(page, '#nav-team');
  await page.waitForSelector('#prepare-download');
  await (await page.waitForSelector('#respondent-name')).type('Dana');
  await click(page, '#give-1');
  await click(page, '#prepare-download');
  const request = await downloaded(b.downloads, /-for-dana-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(await textOf(page, '#prepare-status'), /^The file for Dana is downloaded/);
  assert.equal(JSON.parse(readFileSync(request, 'utf8')).asked.respondent, 'Dana');

  // The respondent, in this browser too: the file opens in the respondent view.
  await click(page, '#nav-start');
  await choose(page, '#file-input', request);
  await click(page, '#import-as-new');
  assert.match(await textOf(page, '#respond-from'), /asks you to answer 4 questions/);
  await click(page, '#a-1-M-B-in_place');
  await page.waitForFunction(() => /^Answered by Dana on /.test(document.querySelector('#given-1-M-B')?.innerText));
  unlinkSync(request);
  await click(page, '#respond-download');
  const answered = await downloaded(b.downloads, /-dana-answered-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(answered, 'utf8'));
  assert.match(file.asked.fingerprint, /^[0-9a-f]{64}$/);

  // The coordinator again: the library, then Work together, then the merge.
  await click(page, '#nav-library');
  await page.waitForSelector('[data-testid="saved-assessment"]');
  const opens = await page.$$('[data-testid="saved-assessment"] button.primary');
  await opens[1].click();
  await click(page, '#nav-team');
  await choose(page, '#merge-files', answered);
  assert.match(await textOf(page, '#merge-said li'), /Dana, answered on .*: 1 answers and 0 new evidence items\.$/);
  await click(page, '#merge-confirm');
  assert.match(await textOf(page, '#merge-outcome li'), /^From Dana .*: 1 answers taken/);
  await click(page, '#nav-answer');
  assert.match(await textOf(page, '#given-1-M-B'), /^Answered by Dana on /);
  unlinkSync(answered);
});

test('nothing left the app\'s own origin, Firefox itself sent nothing out, and no error was logged', () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.outside, []);
  assert.deepEqual(b.errors, []);
});
