// Working together in WebKit (Debian's WebKitGTK MiniBrowser): a respondent on Safari's engine
// opens a respondent file, sees only the questions given, answers, and downloads the answered
// file sealed with its fingerprint (by the package worker); a coordinator's Work together
// screen starts the tools part, a wasm module of its own, on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, serve, startXvfb, tempFolder, withBrowser, assertOwnOriginOnly, waitFor,
} from './harness.mjs';

const LIMIT = { timeout: 120000 };
const GOLDEN = join(ROOT, 'tests', 'fixtures', 'golden-export-v4.json');

let server;
let xvfb;
let folder;
before(async () => {
  folder = tempFolder('hicp-webkit-team-');
  server = await serve();
  xvfb = await startXvfb();
});
after(async () => {
  await server?.close();
  await xvfb?.close();
  folder?.remove();
});

/** A respondent file as a coordinator's copy writes it: Dana is given 1.S.A and 1.S.B. */
function respondentFile() {
  const file = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  file.organization = { name: 'Riverside Family Practice', sizing: {} };
  file.answers = { '1.S.A': file.answers['1.S.A'] };
  file.plan = {};
  file.evidence = {};
  file.requests = [];
  file.asked = {
    id: 'r-webkit', respondent: 'Dana', message: 'Yours, please.', scope: ['1.S.A', '1.S.B'],
    sent: '2026-03-02T09:20:00.000Z', answered: null, fingerprint: '',
  };
  const path = join(folder.path, 'for-dana.json');
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return path;
}

test('a respondent answers in WebKit and the answered file comes back sealed', LIMIT, async () => {
  await withBrowser(xvfb, async (b) => {
    await b.go(server.url);
    await b.find('#start-new');
    await b.type('#file-input', respondentFile());
    await b.waitForText('#preview-request', /from Riverside Family Practice for Dana, with 2 questions/);
    await b.click('#import-as-new');
    await b.waitForText('#respond-from', /Riverside Family Practice asks you to answer 2 questions/);
    assert.equal(await b.run(() => document.querySelectorAll('article.card').length), 2);
    await b.click('#a-1-S-B-in_place');
    await b.waitForText('#given-1-S-B', /^Answered by Dana on /);
    await b.click('#respond-download');
    const file = await waitFor(() => {
      const name = readdirSync(b.downloads).find((n) => /-dana-answered-\d{4}-\d{2}-\d{2}\.json$/.test(n));
      if (!name) return null;
      const text = readFileSync(join(b.downloads, name), 'utf8');
      return text.endsWith('\n') ? JSON.parse(text) : null;
    }, { what: 'the answered file in the download folder' });
    assert.equal(file.answers['1.S.B'].by, 'Dana');
    // The seal is SHA-256 of the file as written with it and the content version empty, at
    // the answer time.
    const blank = structuredClone(file);
    blank.asked.fingerprint = '';
    blank.content.version = '';
    blank.exported = file.asked.answered;
    const expected = createHash('sha256').update(`${JSON.stringify(blank, null, 2)}\n`).digest('hex');
    assert.equal(file.asked.fingerprint, expected);
    await assertOwnOriginOnly(b, server.origin);
  });
});

test('the Work together screen starts the tools part on the page', LIMIT, async () => {
  await withBrowser(xvfb, async (b) => {
    await b.go(server.url);
    await b.click('#start-new');
    await b.click('#tier-small');
    await b.click('#size-continue');
    await b.find('#practice-nav');
    await b.click('#nav-team');
    await b.find('#prepare-download');
    await b.click('#give-1');
    // Handled by the part (a checkbox alone would check without it): its questions are chosen.
    await b.waitForText('#give-1 ~ details > summary', /\(3 of 3 chosen\)$/);
    assert.equal(await b.run(() => document.querySelector('#team-status').innerText), '');
    await assertOwnOriginOnly(b, server.origin);
  });
});
