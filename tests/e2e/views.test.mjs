// Beyond the anchors: lenses (HHS CPGs labelled provisional, NIST CSF), the 12-month
// look-back on both sides of the window, comparing with an earlier file, the sanitized copy,
// and the printable blank questionnaire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, assertOnlyOwnOrigin, assertAccessible, ROOT } from './harness.mjs';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json');
let server;
let b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

test('the golden file opens, and the CPG lens shows its mapped goals, labelled provisional', async () => {
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#file-input').setInputFiles(GOLDEN);
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
  const lens = page.locator('#lens-hph-cpg');
  assert.match(await lens.locator('h3').innerText(), /HHS Healthcare and Public Health Cybersecurity Performance Goals \(2024\) \(provisional mapping\)/);
  assert.match(await lens.innerText(), /This mapping from the goals to HICP sub-practices is HICP Check's own, made by topic, and is provisional: it has not been checked against HHS's own alignment/);
  assert.doesNotMatch(await lens.innerText(), /published no official mapping/);
  assert.deepEqual(await page.locator('[data-testid="lens-E2"] td').allInnerTexts(), ['100% over 1 answered', '1.S.A']);
  assert.deepEqual(await page.locator('[data-testid="lens-E4"] td').allInnerTexts(), ['50% over 1 answered', '1.S.B, 1.S.C, 10.S.A']);
  assert.equal(await page.locator('[data-testid="lens-N4"] td').first().innerText(), 'none in scope');
  assert.match(await page.locator('[data-testid="lens-N1"] th').innerText(), /name unconfirmed/);
  assert.equal(await page.locator('[data-testid^="lens-"]').count(), 20);
  assert.equal(await page.locator('[data-testid="csf-PR"] td').innerText(), '100% over 1 answered', '1.S.A, 2.S.A, 3.S.A and 10.S.A carry TV1 references');
  assert.equal(await page.locator('[data-testid="views-csf-not_recorded"]').innerText(),
    '14 of the 18 sub-practices in scope have no references recorded in HICP Check yet, so they count under no function here. HICP may print references for them.');
  assert.equal(await page.locator('[data-testid="views-csf-none_printed"]').count(), 0, 'no small sub-practice is printed N/A');
  const ransomware = page.locator('#threat-2');
  assert.match(await ransomware.innerText(), /Sub-practices HICP's own threat table cites for this threat/);
  assert.match(await ransomware.locator('ul.cited').innerText(), /3\.L\.D Single Sign On HICP's ransomware table cites Single Sign On under "deploy anti-malware tools"/);
  assert.equal(await ransomware.locator('ul.cited li').count(), 19);
});

const PYTHON = join(ROOT, 'tools', 'venv', 'bin', 'python');
const oscalTool = (script, ...args) => {
  const run = spawnSync(PYTHON, [join(ROOT, 'tests', 'oscal', script), ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return run.stdout;
};

test('the OSCAL exports validate (1.2.3 with oscal-bindings, 1.1.3 with trestle) and resolve to HICP in OSCAL served beside the app', async () => {
  const { page } = b;
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = join(mkdtempSync(join(tmpdir(), 'hicp-oscal-')), download.suggestedFilename());
    await download.saveAs(path);
    return path;
  };
  const current = await save('#download-oscal');
  const doc = JSON.parse(readFileSync(current, 'utf8'))['assessment-results'];
  assert.equal(doc.metadata['oscal-version'], '1.2.3');
  assert.equal(doc['import-ap'].href, `${server.url}oscal/hicp-2018-ap-small.json`);
  assert.equal(doc.results[0]['reviewed-controls']['control-selections'][0]['include-controls'].length, 18);
  assert.match(oscalTool('validate_bindings.py', current), /^ok /m);

  await page.click('#oscal summary');
  const older = await save('#download-oscal-1-1');
  const old = JSON.parse(readFileSync(older, 'utf8'))['assessment-results'];
  assert.equal(old.metadata['oscal-version'], '1.1.3');
  assert.equal(old['import-ap'].href, `${server.url}oscal/1.1.3/hicp-2018-ap-small.json`);
  // The same results in both versions (the document's and result's UUIDs name the time of
  // export; findings keep theirs).
  assert.deepEqual(old.results[0]['reviewed-controls'], doc.results[0]['reviewed-controls']);
  assert.deepEqual(old.results[0].findings, doc.results[0].findings);
  assert.match(oscalTool('validate.py', older), /^ok /m);
  // trestle's profile resolver follows the plan the results import, as this server serves it.
  assert.match(oscalTool('resolve.py', server.url, join(ROOT, 'dist'), older), /^ok .*18 controls resolved/m);

  // The page listing HICP in OSCAL, and every document it lists, are served as built.
  const index = page.locator('#oscal-index');
  assert.equal(await index.getAttribute('href'), 'oscal/index.html');
  await assertAccessible(page);
  const served = await page.evaluate(async () => {
    const page = await (await fetch('oscal/index.html')).text();
    const hrefs = [...new DOMParser().parseFromString(page, 'text/html').querySelectorAll('td a')]
      .map((a) => a.getAttribute('href'));
    const files = {};
    for (const href of hrefs) {
      const response = await fetch(`oscal/${href}`);
      files[href] = { ok: response.ok, text: await response.text() };
    }
    return files;
  });
  assert.equal(Object.keys(served).length, 28);
  for (const [href, { ok, text }] of Object.entries(served)) {
    assert.ok(ok, href);
    assert.equal(text, readFileSync(join(ROOT, 'dist', 'oscal', href), 'utf8'), href);
  }
  assertOnlyOwnOrigin(b.requests, server.origin);
});

test('the look-back counts 1.S.A (in place since 1 June 2024) only from 1 June 2025 on', async () => {
  const { page } = b;
  await page.fill('#look-back-date', '2025-06-01');
  await page.locator('#look-back-summary', { hasText: 'since 1 Jun 2024 or earlier' }).waitFor();
  assert.equal(await page.locator('#look-back-summary').innerText(),
    '1 in place since 1 Jun 2024 or earlier; 0 in place more recently; 0 in place with no date; 17 not in place.');
  await page.fill('#look-back-date', '2025-05-31');
  await page.locator('#look-back-summary', { hasText: 'since 31 May 2024 or earlier' }).waitFor();
  assert.equal(await page.locator('#look-back-summary').innerText(),
    '0 in place since 31 May 2024 or earlier; 1 in place more recently; 0 in place with no date; 17 not in place.');
  assert.match(await page.locator('#look-back').innerText(), /1\.S\.A \(since 1 Jun 2024\)/);
});

test('comparing with last year\'s file shows what improved, slipped and is new', async () => {
  const { page } = b;
  const lastYear = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  lastYear.answers = {
    '1.S.A': { choice: 'not_in_place', note: '', since: null },
    '1.S.B': { choice: 'in_place', note: '', since: null },
    '2.S.A': { choice: 'in_place', note: '', since: null },
  };
  const path = join(mkdtempSync(join(tmpdir(), 'hicp-compare-')), 'last-year.json');
  writeFileSync(path, JSON.stringify(lastYear));
  await page.locator('#compare-file').setInputFiles(path);
  await page.locator('#compare-result').waitFor();
  assert.equal(await page.locator('#compare-summary').innerText(),
    'Against “last-year.json”: overall 67% → 50%; 1 improved, 1 slipped, 1 new.');
  const row = async (id) => page.locator(`[data-testid="change-${id}"] td`).allInnerTexts();
  assert.deepEqual(await row('1-S-A'), ['Not in place', 'In place', 'Improved']);
  assert.deepEqual(await row('1-S-B'), ['In place', 'Partly in place', 'Slipped']);
  assert.deepEqual(await row('2-S-A'), ['In place', 'Unanswered', 'Now unanswered']);
  assert.deepEqual(await row('7-S-A'), ['Unanswered', "Don't know", 'New answer']);
  await page.locator('#compare-file').setInputFiles(join(ROOT, 'tests', 'fixtures', 'hostile', 'future-version.json'));
  await page.locator('#compare-error').waitFor();
  assert.match(await page.locator('#compare-error').innerText(), /newer version of HICP Check/);
});

test('the sanitized copy shows exactly what it holds, and holds no name, note or owner', async () => {
  const { page } = b;
  await page.click('#share-preview');
  const preview = await page.locator('#share-text').innerText();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#share-download')]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).answers['1.S.A'].choice, 'in_place');
  for (const secret of ['Riverside', 'Front desk', 'Ask the imaging vendor', 'Office manager']) {
    assert.ok(!preview.includes(secret) && !text.includes(secret), `${secret} is not in the shared copy`);
  }
  assert.equal(JSON.parse(preview).answers['1.S.B'].choice, 'partly');
  assert.equal(JSON.parse(text).plan['1.S.B'].target, '2026-06-30');
  await assertAccessible(page, 'the results with comparison and preview open');
});

test('a blank questionnaire prints for each tier', async () => {
  const { page } = b;
  await page.click('#nav-start');
  await page.click('#open-blank');
  // The list is the tools part's: shown for a tier once that tier's button is the current one.
  await page.locator('#blank-small[aria-current="page"]').waitFor();
  assert.equal(await page.locator('[data-testid="blank-item"]').count(), 18);
  await page.click('#blank-medium');
  await page.locator('#screen-heading', { hasText: 'Medium organizations' }).waitFor();
  await page.locator('#blank-medium[aria-current="page"]').waitFor();
  assert.equal(await page.locator('[data-testid="blank-item"]').count(), 36);
  await page.click('#blank-large');
  await page.locator('#screen-heading', { hasText: 'Large organizations' }).waitFor();
  await page.locator('#blank-large[aria-current="page"]').waitFor();
  assert.equal(await page.locator('[data-testid="blank-item"]').count(), 70);
  assert.match(await page.locator('[data-testid="blank-item"]').first().innerText(), /1\.M\.A Basic E-mail Protection Controls/);
  await assertAccessible(page, 'the blank questionnaire');
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await page.locator('#blank-print').isVisible()));
  assert.ok(await page.locator('[data-testid="blank-item"]').first().isVisible());
  await page.emulateMedia({ media: 'screen' });
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});

test('a download\'s link is in the page when it is clicked, its address outlives the click, and nothing is left behind', async () => {
  const c = await browser();
  try {
    await c.context.addInitScript(() => {
      window.__downloads = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        const entry = { name: this.download, href: this.href, connected: this.isConnected, pending: true, revokedAtOnce: false };
        window.__downloads.push(entry);
        setTimeout(() => { entry.pending = false; }, 0);
        return click.call(this);
      };
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.revokeObjectURL = (url) => {
        const entry = window.__downloads.find((d) => d.href === url);
        if (entry?.pending) entry.revokedAtOnce = true;
        revoke(url);
      };
    });
    const { page } = c;
    await page.goto(server.url);
    await page.locator('#file-input').setInputFiles(GOLDEN);
    await page.click('#import-as-new');
    await page.locator('#download-json').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.ok(JSON.parse(readFileSync(await download.path(), 'utf8')).answers);
    await page.waitForFunction(() => window.__downloads.length === 1 && !window.__downloads[0].pending);
    const [d] = await page.evaluate(() => window.__downloads);
    assert.equal(d.connected, true, 'the link was in the document when clicked');
    assert.equal(d.revokedAtOnce, false, 'its address was not revoked at once');
    assert.match(d.name, /^hicp-check-.*\.json$/);
    assert.equal(await page.locator('a[download]').count(), 0, 'the link is gone again');
  } finally {
    await c.close();
  }
});
