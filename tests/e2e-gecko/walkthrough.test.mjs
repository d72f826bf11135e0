// A person's path in Gecko (Debian's Firefox ESR, over WebDriver BiDi) against the release
// build: start, size, answer, reload and find the answer, see the results, download the JSON
// (the file lands in the download folder), open it again through the file input, and print
// the report. Firefox gets a fresh profile, and nothing may leave for another origin, from the
// page or from Firefox itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync } from 'node:fs';
import {
  serve, firefox, downloaded, assertOnlyOwnOrigin, textOf, storedRecords, pdfPageCount,
} from './harness.mjs';

let server;
let b;
before(async () => {
  server = await serve();
  b = await firefox();
});
after(async () => { await b?.close(); await server?.close(); });

const OVERALL = '100% in place, over 1 answered; 17 unanswered.';
let jsonPath;
let fingerprint;

test('a person starts, sizes a small practice and answers its first sub-practice', async () => {
  const { page } = b;
  await page.goto(server.url);
  await (await page.waitForSelector('#start-new')).click();
  await (await page.waitForSelector('#tier-small')).click();
  await (await page.waitForSelector('#size-continue')).click();
  await page.waitForSelector('#practice-nav');
  assert.equal(await textOf(page, '#progress'), '0 of 18 answered');
  await (await page.waitForSelector('#a-1-S-A-in_place')).click();
  await page.waitForFunction(() => document.querySelector('#progress')?.innerText === '1 of 18 answered');
  assert.ok(await page.$eval('#a-1-S-A-in_place', (e) => e.checked));
});

test('after a reload the answer is still there', async () => {
  const { page } = b;
  await page.reload();
  await page.waitForSelector('#practice-nav');
  assert.equal(await textOf(page, '#progress'), '1 of 18 answered');
  assert.ok(await page.$eval('#a-1-S-A-in_place', (e) => e.checked), '1.S.A is still in place');
  const [record] = await storedRecords(page);
  assert.equal(record.answers['1.S.A'].choice, 'in_place');
});

test('the results show the answer, and the assessment downloads as a JSON file on disk', async () => {
  const { page } = b;
  await (await page.waitForSelector('#nav-results')).click();
  assert.equal(await textOf(page, '#overall'), OVERALL);
  fingerprint = await textOf(page, '#fingerprint');
  assert.match(fingerprint, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.match(await textOf(page, '#storage-status'), /Not downloaded yet/);
  await (await page.waitForSelector('#download-json')).click();
  jsonPath = await downloaded(b.downloads, /^hicp-check-.*\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(jsonPath, 'utf8'));
  assert.equal(file.format, 'hicp-check-assessment');
  assert.equal(file.tier, 'small');
  assert.deepEqual(Object.keys(file.answers), ['1.S.A']);
  assert.equal(file.answers['1.S.A'].choice, 'in_place');
  await page.waitForFunction(() => /Last downloaded/.test(document.querySelector('#storage-status')?.innerText));
});

test('after erasing everything, the downloaded file opens again through the file picker', async () => {
  const { page } = b;
  await (await page.waitForSelector('#nav-library')).click();
  await (await page.waitForSelector('#erase-all')).click();
  await (await page.waitForSelector('#erase-confirm')).click();
  assert.match(await textOf(page, '#notice'), /has been erased/);
  assert.deepEqual(await storedRecords(page), []);
  await page.reload();
  await page.waitForSelector('#start-new');
  assert.equal(await page.$('#continue-latest'), null, 'nothing is saved any more');
  const input = await page.waitForSelector('#file-input');
  const [chooser] = await Promise.all([page.waitForFileChooser(), input.click()]);
  await chooser.accept([jsonPath]);
  await page.waitForSelector('#import-preview');
  assert.equal(await textOf(page, '#preview-answers'), '1');
  await (await page.waitForSelector('#import-as-new')).click();
  assert.equal(await textOf(page, '#overall'), OVERALL);
  assert.equal(await textOf(page, '#fingerprint'), fingerprint);
  const [record] = await storedRecords(page);
  assert.equal(record.answers['1.S.A'].choice, 'in_place');
  unlinkSync(jsonPath);
});

test('printing the results gives the report: Gecko reads the print stylesheet and prints it on pages of its own', async () => {
  const { page } = b;
  assert.ok(await page.$eval('#report-header', (e, f) => e.innerText.includes(f), fingerprint));
  // puppeteer emulates the print medium only over CDP, which Firefox no longer speaks; so the
  // print rules are read as Gecko parsed them (a declaration Gecko drops reads as ''), and
  // Gecko prints the page through WebDriver BiDi (browsingContext.print, never window.print).
  const print = await page.evaluate(() => {
    const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules])
      .filter((r) => r instanceof CSSMediaRule && r.media.mediaText === 'print')
      .flatMap((r) => [...r.cssRules]);
    const style = (selector, property) => rules.find((r) => r.selectorText === selector)?.style
      .getPropertyValue(property);
    return {
      hidden: style('header.top, .no-print, .skip, .dropzone, #import-preview, .banner', 'display'),
      reportHeader: style('.report-header', 'display'),
      summaryBreak: style('.threat-map', 'break-after'),
      colours: style('.bar-value, .ring-value', 'print-color-adjust'),
    };
  });
  assert.deepEqual(print, { hidden: 'none', reportHeader: 'grid', summaryBreak: 'page', colours: 'exact' });
  for (const selector of ['header.top', '#download-json', '#print']) {
    assert.ok(await page.$eval(selector, (e) => e.closest('header.top, .no-print') !== null),
      `${selector} is among what the print stylesheet hides`);
  }
  const pdf = Buffer.from(await page.pdf({ format: 'Letter' }));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = pdfPageCount(pdf);
  assert.ok(pages >= 2, `the report has a summary page and detail (${pages} pages)`);
});

test('nothing left the app\'s own origin, Firefox itself sent nothing out, and no error was logged', () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.outside, [], 'what Firefox tried to send past 127.0.0.1');
  assert.deepEqual(b.errors, []);
});
