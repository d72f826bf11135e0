// Evidence: a file attached to a sub-practice is kept in the browser's IndexedDB (never in
// local storage), survives a reload, travels in the evidence package byte for byte, and comes
// back from it after everything was erased. Hostile packages and a full storage are refused
// in plain words, and nothing saved before changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  serve, browser, assertOnlyOwnOrigin, assertAccessible, startAssessment, until, ARTIFACTS, DIST,
} from './harness.mjs';

let server;
let b;
const DIR = join(ARTIFACTS, 'evidence');
// A few hundred KB that no text holds: random bytes around a marker.
const MARKER = 'HICP-EVIDENCE-MARKER-7f3a';
const BYTES = Buffer.concat([randomBytes(150_000), Buffer.from(MARKER), randomBytes(150_000)]);
const POLICY = join(DIR, 'mail filtering policy.pdf');
let packagePath;

/** The files the service worker keeps once an assessment is open, besides its precache: the
 * tools part (the results) and the guidance texts, which come in the background then. */
const KEPT_ONCE_OPEN = (onUse) => onUse.filter((f) => f.startsWith('tools') || f.includes('guidance'));

/** The bytes of what the service worker keeps once an assessment is open. */
function keptBytes() {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const files = JSON.parse(sw.match(/^const PRECACHE = (.*);$/m)[1]).filter((f) => f !== './');
  const later = KEPT_ONCE_OPEN(JSON.parse(sw.match(/^const ON_USE = (.*);$/m)[1]));
  return [...files, ...later, 'index.html'].reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0);
}

before(async () => {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(POLICY, BYTES);
  server = await serve();
  b = await browser();
  await readStore(b.context);
});
after(async () => { await b?.close(); server?.close(); });

/** Every key and value of local and session storage, as one text. */
const webStorage = (page) => page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));

/**
 * Gives every page of `context` `window.__evidenceKeys()`: the keys of the evidence database,
 * as the page's own IndexedDB holds them.
 */
const readStore = (context) => context.addInitScript(() => {
  window.__evidenceKeys = () => new Promise((resolve, reject) => {
    const open = indexedDB.open('hicp-check-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('files')) { db.close(); resolve([]); return; }
      const request = db.transaction('files').objectStore('files').getAllKeys();
      request.onsuccess = () => { db.close(); resolve(request.result); };
      request.onerror = () => reject(request.error);
    };
  });
});

/** The keys of the evidence database. */
const storedKeys = (page) => page.evaluate(() => window.__evidenceKeys());

/** Waits until the evidence database holds `n` files. */
const untilStored = (page, n) =>
  until(page, async (n) => (await window.__evidenceKeys()).length === n, n, { what: `${n} files stored` });

/** Saves a download started by `click` and returns its path. */
async function downloaded(page, click, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(DIR, name ?? download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** The entries of a zip, by name, as Python's zipfile reads them (base64). */
function unzip(path) {
  const out = execFileSync('python3', ['-c', `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))
`, path], { maxBuffer: 64 << 20 });
  return Object.fromEntries(Object.entries(JSON.parse(out)).map(([n, v]) => [n, Buffer.from(v, 'base64')]));
}

async function addFile(page, path, { title = 'Mail filtering policy', asOf = '2025-06-01' } = {}) {
  const card = page.locator('#ev-1-S-A');
  if (!(await card.evaluate((d) => d.open))) await card.locator('summary').click();
  await page.selectOption('#ev-kind-1-S-A', 'file');
  await page.fill('#ev-title-1-S-A', title);
  await page.fill('#ev-as-of-1-S-A', asOf);
  await page.fill('#ev-by-1-S-A', 'Front office');
  await page.locator('#ev-file-1-S-A').setInputFiles(path);
  await page.click('#ev-add-1-S-A');
}

test('an attached file is kept in IndexedDB, never in local storage, and survives a reload', async () => {
  const { page } = b;
  await page.goto(server.url);
  await startAssessment(page, 'small');
  await page.check('#a-1-S-A-in_place');
  await page.fill('#since-1-S-A', '2024-01-15');
  await page.locator('#since-1-S-A').dispatchEvent('change');
  await page.locator('#ev-1-S-A summary').click();
  assert.match(await page.locator('#ev-where-1-S-A').innerText(), /kept in this browser only/);
  await page.click('#ev-add-1-S-A');
  assert.equal(await page.locator('#ev-msg-1-S-A').innerText(), 'Give the evidence a title.');
  await addFile(page, POLICY);
  await page.locator('#ev-msg-1-S-A', { hasText: 'Added “Mail filtering policy”.' }).waitFor();
  // The form is empty again once the file is in, so that a second click adds nothing twice.
  assert.deepEqual(await Promise.all(['#ev-title-1-S-A', '#ev-by-1-S-A', '#ev-file-1-S-A']
    .map((f) => page.locator(f).inputValue())), ['', '', '']);
  // A link and a written record too.
  await page.fill('#ev-title-1-S-A', 'Filter console');
  await page.selectOption('#ev-kind-1-S-A', 'link');
  await page.fill('#ev-url-1-S-A', 'http://console.example.org');
  await page.click('#ev-add-1-S-A');
  assert.equal(await page.locator('#ev-msg-1-S-A').innerText(), 'Enter a link that starts with https://.');
  await page.fill('#ev-url-1-S-A', 'https://console.example.org/filters');
  await page.click('#ev-add-1-S-A');
  await page.locator('#ev-msg-1-S-A', { hasText: 'Added “Filter console”.' }).waitFor();
  await page.selectOption('#ev-kind-1-S-A', 'record');
  await page.fill('#ev-title-1-S-A', 'Spot check');
  await page.fill('#ev-as-of-1-S-A', '2026-11-01');
  await page.fill('#ev-text-1-S-A', 'Sent a test phish; it was quarantined.');
  await page.click('#ev-add-1-S-A');
  await page.locator('#ev-msg-1-S-A', { hasText: 'Added “Spot check”.' }).waitFor();
  await assertAccessible(page, 'a question card with evidence');

  const stored = await webStorage(page);
  assert.ok(!stored.includes(MARKER), 'the file is not in local or session storage');
  assert.ok(stored.length < 20_000, `local storage holds references only (${stored.length} characters)`);
  const keys = await storedKeys(page);
  assert.equal(keys.length, 1, 'one file in IndexedDB');
  assert.match(keys[0], /^hicp-check\/.*#hicp-2018\/evidence\/[0-9a-f]+-[0-9a-f]+\/[0-9a-f]+-[0-9a-f]+$/);

  await page.reload();
  await page.locator('#ev-1-S-A').waitFor();
  const items = page.locator('#ev-1-S-A .evidence-items li');
  assert.equal(await items.count(), 3);
  const open = page.locator('#ev-1-S-A button[id^="ev-open-"]');
  assert.match(await open.innerText(), /^Download mail filtering policy\.pdf \(0\.3 MB\)$/);
  const back = await downloaded(page, () => open.click(), 'reloaded.pdf');
  assert.ok(readFileSync(back).equals(BYTES), 'the same bytes come back after a reload');
});

test('items are renamed, re-dated and removed only once confirmed', async () => {
  const { page } = b;
  const record = page.locator('#ev-1-S-A .evidence-items li').nth(2);
  await record.locator('input:not([type])').fill('Spot check, November');
  await record.locator('input:not([type])').dispatchEvent('change');
  await record.locator('input[type=date]').fill('2026-11-02');
  await record.locator('input[type=date]').dispatchEvent('change');
  await page.reload();
  const again = page.locator('#ev-1-S-A .evidence-items li').nth(2);
  assert.equal(await again.locator('input:not([type])').inputValue(), 'Spot check, November');
  assert.equal(await again.locator('input[type=date]').inputValue(), '2026-11-02');
  const link = page.locator('#ev-1-S-A .evidence-items li').nth(1);
  await link.locator('button[id^="ev-remove-"]').click();
  await link.locator('[role=alert]', { hasText: 'Remove “Filter console” from the evidence?' }).waitFor();
  await link.getByText('Keep it').click();
  assert.equal(await page.locator('#ev-1-S-A .evidence-items li').count(), 3, 'kept when not confirmed');
  await link.locator('button[id^="ev-remove-"]').click();
  await link.locator('button[id^="ev-remove-yes-"]').click();
  await page.waitForFunction(() => document.querySelectorAll('#ev-1-S-A .evidence-items li').length === 2);
  assert.match(await page.locator('#ev-1-S-A .evidence-items').innerText(), /^(?![\s\S]*Filter console)/);
});

test('the look-back says how far the evidence reaches back, marked self-reported', async () => {
  const { page } = b;
  await page.click('#nav-results');
  await page.locator('#look-back').waitFor();
  await page.fill('#look-back-date', '2026-11-30');
  await page.locator('#look-back-date').dispatchEvent('change');
  // 1.S.A: a file as of 2025-06-01 (over 12 months before) and a record of 2026-11-02.
  assert.match(await page.locator('#cover-whole').innerText(), /^Covers the 12 months: 1\.S\.A$/);
  assert.match(await page.locator('#cover-none').innerText(), /^No evidence: 1\.S\.B, /);
  assert.match(await page.locator('#look-back-evidence-summary').innerText(), /^1 with evidence covering the whole 12 months;/);
  assert.match(await page.locator('#look-back').innerText(), /self-reported/);
  await page.locator('#look-back-print').waitFor();
});

test('the evidence package holds the assessment, the file byte for byte, and an index with no script', async () => {
  const { page } = b;
  packagePath = await downloaded(page, () => page.click('#download-package'));
  assert.match(packagePath, /hicp-check-assessment-\d{4}-\d{2}-\d{2}-evidence\.zip$/);
  await page.locator('#notice', { hasText: 'The evidence package was downloaded' }).waitFor();
  const entries = unzip(packagePath);
  assert.deepEqual(Object.keys(entries).sort(),
    ['assessment.json', 'evidence/1.S.A/mail filtering policy.pdf', 'index.csv', 'index.html']);
  assert.ok(entries['evidence/1.S.A/mail filtering policy.pdf'].equals(BYTES), 'the exact bytes');
  const json = JSON.parse(entries['assessment.json']);
  assert.equal(json.format_version, 4);
  assert.equal(json.evidence['1.S.A'][0].file.size, BYTES.length);
  const html = entries['index.html'].toString();
  assert.ok(!/<script/i.test(html));
  assert.match(html, /<a href="evidence\/1\.S\.A\/mail%20filtering%20policy\.pdf">/);
  assert.match(html, /as of 2025-06-01/);
  const csv = entries['index.csv'].toString();
  assert.match(csv, /Mail filtering policy,File,2025-06-01,Front office/);

  // The index opens offline in the browser, runs nothing and fetches nothing.
  const index = await b.context.newPage();
  const fetched = [];
  index.on('request', (r) => fetched.push(r.url()));
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', packagePath, join(DIR, 'unpacked')]);
  await index.goto(`file://${join(DIR, 'unpacked', 'index.html')}`);
  assert.match(await index.locator('h1').innerText(), /^Evidence package: /);
  assert.deepEqual(fetched.filter((u) => !u.endsWith('index.html')), []);
  await index.close();
  // That page was ours, from the disk: not a request of the app's.
  b.requests.splice(0, b.requests.length, ...b.requests.filter((r) => !r.url.startsWith('file:')));
});

test('after erasing everything, opening the package brings back the assessment and its file', async () => {
  const { page } = b;
  await page.click('#nav-library');
  await page.click('#erase-all');
  await page.click('#erase-confirm');
  await page.locator('#notice', { hasText: 'has been erased' }).waitFor();
  await untilStored(page, 0);
  await page.locator('#file-input').setInputFiles(packagePath);
  await page.locator('#import-preview').waitFor();
  await assertAccessible(page, 'the preview of an evidence package');
  assert.equal(await page.locator('#preview-files').innerText(), 'With 1 evidence files, kept in this browser when you open it.');
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
  await page.click('#nav-answer');
  await page.locator('#ev-1-S-A').waitFor();
  const back = await downloaded(page, () => page.locator('#ev-1-S-A button[id^="ev-open-"]').click(), 'restored.pdf');
  assert.ok(readFileSync(back).equals(BYTES));
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});

/** Writes a zip with Python's zipfile: entries [name, text or null for the real assessment]. */
function hostileZip(name, script) {
  const path = join(DIR, name);
  execFileSync('python3', ['-c', `
import sys, zipfile
path, source = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as z:
    assessment = z.read('assessment.json')
${script}
`, path, packagePath]);
  return path;
}

const HOSTILE = [
  ['traversal.zip', `
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('assessment.json', assessment)
    z.writestr('../outside.txt', b'x')`, /would leave the package's folder/],
  ['absolute.zip', `
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('assessment.json', assessment)
    z.writestr('/etc/cron.d/x', b'x')`, /would leave the package's folder/],
  ['duplicate.zip', `
import warnings
warnings.simplefilter('ignore')
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('assessment.json', assessment)
    z.writestr('index.csv', b'a')
    z.writestr('index.csv', b'b')`, /two files named “index\.csv”/],
  ['bomb.zip', `
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('assessment.json', assessment)
    z.writestr('evidence/1.S.A/zeros.bin', bytes(24 * 1024 * 1024))`, /booby-trapped zip/],
  ['truncated.zip', `
data = open(source, 'rb').read()
open(path, 'wb').write(data[: len(data) // 2])`, /damaged or incomplete zip file/],
  ['no-assessment.zip', `
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('notes.txt', b'hello')`, /holds no assessment\.json/],
  ['not-a-zip.zip', `
open(path, 'wb').write(b'PK\\x03\\x04' + bytes(range(256)) * 40)`, /damaged or incomplete|not a zip file/],
];

test('hostile packages are refused in plain words, and nothing saved changes', async () => {
  const { page } = b;
  await page.click('#nav-start');
  const before = await webStorage(page);
  const keysBefore = await storedKeys(page);
  for (const [name, script, said] of HOSTILE) {
    const path = hostileZip(name, script);
    await page.locator('#file-input').setInputFiles(path);
    const refusal = page.locator('#notice', { hasText: `“${name}” was not opened.` });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), said, name);
    assert.equal(await webStorage(page), before, `${name} changed nothing saved`);
    assert.deepEqual(await storedKeys(page), keysBefore, `${name} kept no file`);
  }
});

test('a protected package opens only with its passphrase', async () => {
  const { page } = b;
  await page.click('#nav-results');
  await page.fill('#protect-pass', 'correct horse battery staple');
  await page.fill('#protect-confirm', 'correct horse battery staple');
  await page.check('#protect-package');
  const sealed = await downloaded(page, () => page.click('#protect-download'));
  assert.match(sealed, /-evidence-protected\.json$/);
  assert.ok(!readFileSync(sealed).includes(MARKER));
  await page.click('#nav-start');
  await page.locator('#file-input').setInputFiles(sealed);
  await page.fill('#unlock-passphrase', 'correct horse battery stable');
  await page.click('#unlock-open');
  await page.locator('#unlock-error', { hasText: 'does not open this file' }).waitFor();
  await page.fill('#unlock-passphrase', 'correct horse battery staple');
  await page.click('#unlock-open');
  await page.locator('#preview-files', { hasText: 'With 1 evidence files' }).waitFor();
  await page.click('#import-cancel');
});

test('a file over the size limit is refused, naming the limit', async () => {
  const { page } = b;
  await page.click('#nav-answer');
  const big = join(DIR, 'scan.tif');
  writeFileSync(big, Buffer.alloc(25 * 1024 * 1024 + 1));
  await addFile(page, big, { title: 'Huge scan' });
  // The size is checked once the file is being kept: wait past "Keeping…".
  await page.locator('#ev-msg-1-S-A', { hasText: 'Nothing was added.' }).waitFor();
  assert.equal(await page.locator('#ev-msg-1-S-A').innerText(),
    '“scan.tif” is 25.1 MB; an evidence file may be at most 25.0 MB. Nothing was added.');

});

test('storage that fills up mid-way keeps what it had, and says what was not kept', async () => {
  // A browser of its own, on an origin of its own: Chromium honours a quota override only for
  // an origin whose storage has not been used yet.
  const own = await serve();
  const b2 = await browser();
  await readStore(b2.context);
  try {
    const { page } = b2;
    await page.goto(own.url);
    // What the service worker keeps counts against the quota too: room for it and 1 MiB
    // more, filled only once it is in, so that what is left never depends on the build's size
    // or on whether the service worker finished first.
    const cdp = await b2.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: own.origin, quotaSize: keptBytes() + 1024 * 1024 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await startAssessment(page, 'small');
    await page.waitForFunction((files) => caches.keys()
      .then((names) => Promise.all(names.map((n) => caches.open(n)
        .then((c) => Promise.all(files.map((f) => c.match(f)))))))
      .then((found) => found.some((hits) => hits.every(Boolean))),
    KEPT_ONCE_OPEN(JSON.parse(readFileSync(join(DIST, 'sw.js'), 'utf8').match(/^const ON_USE = (.*);$/m)[1])));
    await addFile(page, POLICY);
    await page.locator('#ev-msg-1-S-A', { hasText: 'Added “Mail filtering policy”.' }).waitFor();
    const before = await webStorage(page);
    const keysBefore = await storedKeys(page);
    const roster = join(DIR, 'roster.xlsx');
    writeFileSync(roster, randomBytes(900_000));
    await addFile(page, roster, { title: 'Training roster' });
    await page.waitForFunction(() => {
      const said = document.getElementById('ev-msg-1-S-A')?.textContent ?? '';
      return said !== '' && !said.startsWith('Keeping');
    });
    assert.match(await page.locator('#ev-msg-1-S-A').innerText(),
      /^This browser's storage for this site is full, so the file was not kept\. Your answers and the evidence kept before are unchanged\./);
    assert.equal(await page.locator('#ev-1-S-A .evidence-items li').count(), 1, 'no item without its file');
    assert.equal(await webStorage(page), before);
    assert.deepEqual(await storedKeys(page), keysBefore);
    assertOnlyOwnOrigin(b2.requests, own.origin);
    assert.deepEqual(b2.errors, []);
  } finally {
    await b2.close();
    own.close();
  }
});

test('in tab-only mode evidence files stay in the tab\'s memory, and the screen says so', async () => {
  const { page } = b;
  await page.click('#nav-start');
  const kept = await storedKeys(page);
  assert.ok(kept.length > 0, 'files kept in IndexedDB before the switch');
  await page.check('#storage-session');
  // They move into the tab's memory: none is left on the device.
  await untilStored(page, 0);
  await startAssessment(page, 'small');
  await page.locator('#ev-1-S-A summary').click();
  assert.match(await page.locator('#ev-where-1-S-A').innerText(), /kept in this tab's memory only/);
  const keysBefore = await storedKeys(page);
  await addFile(page, POLICY, { title: 'In memory' });
  await page.locator('#ev-msg-1-S-A', { hasText: 'Added “In memory”.' }).waitFor();
  assert.deepEqual(await storedKeys(page), keysBefore, 'nothing written to IndexedDB');
  const back = await downloaded(page, () => page.locator('#ev-1-S-A button[id^="ev-open-"]').click(), 'memory.pdf');
  assert.ok(readFileSync(back).equals(BYTES));
  await page.click('#nav-start');
  await page.check('#storage-device');
  // Back on the device: the files kept in memory, the new one too.
  await untilStored(page, kept.length + 1);
});
