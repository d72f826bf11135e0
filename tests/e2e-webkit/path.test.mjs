// A person's path in WebKit (Debian's WebKitGTK MiniBrowser, driven by WebKitWebDriver under
// Xvfb) against the release build on 127.0.0.1: start, size, answer, reload and find the answer
// kept; the results, the JSON download (saved to disk by the browser), the same file opened
// again through the real file input, and the print view. Each test has a browser of its own,
// and no page may load anything from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST, ROOT, serve, startXvfb, tempFolder, withBrowser, assertOwnOriginOnly, storedRecords, waitFor,
} from './harness.mjs';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json');
const LIMIT = { timeout: 120000 }; // a hung browser fails its test, not the whole run
const FILE_NAME = /^hicp-check-riverside-family-practice-\d{4}-\d{2}-\d{2}\.json$/;

let server;
let xvfb;
let kept; // a folder for the file the download test saves, which the next test opens again
let keptFingerprint; // and the fingerprint its results showed
const loaded = []; // every address any page loaded, for the last test
before(async () => {
  kept = tempFolder('hicp-webkit-kept-');
  server = await serve();
  xvfb = await startXvfb();
});
after(async () => {
  await server?.close();
  await xvfb?.close();
  kept?.remove();
});

const own = async (b) => loaded.push(...await assertOwnOriginOnly(b, server.origin));

/**
 * Waits until a new screen has settled: the app has moved focus to its heading (an effect after
 * the render) and WebKit has scrolled it into view (after the focus), so nothing moves under a
 * click any more.
 */
const settled = (b) => waitFor(() => b.run(() => {
  const heading = document.getElementById('screen-heading');
  return document.activeElement === heading && heading.getBoundingClientRect().top >= 0;
}), { what: 'focus on the new screen\'s heading, in view' });

/** Opens the app, starts a new assessment for `name`, sizes it small and reaches practice 1. */
async function startSmall(b, name) {
  await b.go(server.url);
  await b.click('#start-new');
  if (name) await b.type('#org-name', name);
  await b.click('#tier-small');
  await b.click('#size-continue');
  await b.find('#practice-nav');
  await settled(b);
}

/** Opens `path` through the start screen's file input, as a person choosing it would. */
async function openFile(b, path) {
  await b.go(server.url);
  await b.find('#start-new');
  assert.deepEqual(await storedRecords(b), [], 'a fresh browser keeps nothing from an earlier test');
  await b.type('#file-input', path);
  await b.find('#import-preview');
}

test('starting, sizing a small practice and answering: the answer is still there after a reload', LIMIT, async () => {
  await withBrowser(xvfb, async (b) => {
    await startSmall(b);
    assert.equal(await b.text('#progress'), '0 of 18 answered');
    await b.click('#a-1-S-A-in_place');
    await b.waitForText('#progress', /^1 of 18 answered$/);
    assert.equal(await b.selected('#a-1-S-A-in_place'), true);
    // The answer is saved by an effect after the render: wait for the saved state, then reload.
    await waitFor(async () => (await storedRecords(b))[0]?.answers?.['1.S.A']?.choice === 'in_place',
      { what: 'the answer to be saved' });
    await own(b);
    await b.refresh();
    await b.find('#practice-nav');
    await b.waitForText('#progress', /^1 of 18 answered$/);
    assert.equal(await b.selected('#a-1-S-A-in_place'), true, '1.S.A is still in place');
    assert.equal(await b.selected('#a-1-S-B-in_place'), false);
    await own(b);
  });
});

test('answering practice 1 and asking for the results, then downloading the assessment as JSON', LIMIT, async () => {
  await withBrowser(xvfb, async (b) => {
    await startSmall(b, 'Riverside Family Practice');
    await b.click('#a-1-S-A-in_place');
    await b.click('#a-1-S-B-partly');
    await b.click('#a-1-S-C-not_in_place');
    await b.waitForText('#progress', /^3 of 18 answered$/);
    await b.click('#nav-results');
    // 1.S.A in place (2) + 1.S.B partly (1) of 3 x 2 = 50 %.
    await b.waitForText('#overall', /^50% in place, over 3 answered/);
    await settled(b);
    assert.match(await b.text('[data-testid="result-practice-1"]'), /50% in place, over 3 answered/);
    assert.equal(await b.run(() => document.querySelectorAll('.threat').length), 5);
    // The report header (and the fingerprint in it) is shown only in print: read it from the DOM.
    const fingerprint = await b.run(() => document.querySelector('#fingerprint').textContent);
    assert.match(fingerprint, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
    assert.match(await b.text('#storage-status'), /Not downloaded yet/);

    await b.click('#download-json');
    // First the app's own record of the download (it handled the click), then the file.
    await b.waitForText('#storage-status', /Last downloaded \d+ \w{3} \d{4}\./);
    // MiniBrowser saves a download, under the name the page gave it, into the XDG download
    // folder of its (test-made) home: wait until the whole file is there.
    const file = await waitFor(() => {
      const names = readdirSync(b.downloads).filter((n) => FILE_NAME.test(n));
      if (names.length !== 1) return null;
      const path = join(b.downloads, names[0]);
      return { name: names[0], path, json: JSON.parse(readFileSync(path, 'utf8')) };
    }, {
      what: async () => `the JSON file in the download folder (it holds ${JSON.stringify(readdirSync(b.downloads))}; `
        + `home: ${JSON.stringify(readdirSync(join(b.downloads, '..')))}; the page says `
        + `${JSON.stringify(await b.run(() => document.querySelector('#storage-status')?.innerText))}; `
        + `the browser printed: ${b.log().slice(-2000)})`,
    });
    assert.equal(file.json.format, 'hicp-check-assessment');
    assert.equal(file.json.format_version, 4);
    assert.deepEqual(file.json.content, { id: 'hicp-2018', version: '1.1.0' });
    assert.equal(file.json.tier, 'small');
    assert.equal(file.json.organization.name, 'Riverside Family Practice');
    assert.deepEqual(Object.fromEntries(Object.entries(file.json.answers).map(([k, v]) => [k, v.choice])),
      { '1.S.A': 'in_place', '1.S.B': 'partly', '1.S.C': 'not_in_place' });
    copyFileSync(file.path, join(kept.path, file.name));
    keptFingerprint = fingerprint;
    await own(b);
  });
});

test('opening the downloaded file again through the file picker brings back the same results', LIMIT, async () => {
  const [name] = readdirSync(kept.path).filter((n) => FILE_NAME.test(n));
  assert.ok(name, 'the previous test saved the downloaded file');
  await withBrowser(xvfb, async (b) => {
    await openFile(b, join(kept.path, name));
    assert.equal(await b.text('#preview-name'), 'Riverside Family Practice');
    assert.equal(await b.text('#preview-answers'), '3');
    await b.click('#import-as-new');
    await b.waitForText('#overall', /^50% in place, over 3 answered/);
    await settled(b);
    assert.equal(await b.run(() => document.querySelector('#fingerprint').textContent), keptFingerprint);
    const [record] = await storedRecords(b);
    assert.equal(record.organization.name, 'Riverside Family Practice');
    assert.equal(Object.keys(record.answers).length, 3);
    await own(b);
  });
});

test('printing the results gives the report: its header appears, the app around it and its buttons are left out', LIMIT, async () => {
  await withBrowser(xvfb, async (b) => {
    await openFile(b, GOLDEN);
    await b.click('#import-as-new');
    await b.find('#overall');
    await settled(b);
    // WebDriver cannot print without the GTK print dialog, and WebKitWebDriver emulates no print
    // media: so the print rules as WebKit parsed them are applied to the screen (their media
    // list gains `screen`, through the CSSOM), and what would print is read from the layout.
    const printed = await b.run(() => {
      const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules])
        .filter((r) => r instanceof CSSMediaRule && r.media.mediaText === 'print');
      const shown = (s) => {
        const el = document.querySelector(s);
        return el ? el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' : null;
      };
      const look = () => Object.fromEntries(['header.top', '#download-json', '#print', '#report-header',
        '#overall', '.threat-map', '#plan-table'].map((s) => [s, shown(s)]));
      const onScreen = look();
      rules.forEach((r) => r.media.appendMedium('screen'));
      const onPaper = look();
      const report = document.querySelector('#report-header').innerText;
      const fingerprint = document.querySelector('#fingerprint').textContent;
      const summaryBreak = getComputedStyle(document.querySelector('.threat-map')).breakAfter;
      rules.forEach((r) => r.media.deleteMedium('screen'));
      return { count: rules.length, onScreen, onPaper, report, fingerprint, summaryBreak };
    });
    assert.ok(printed.count >= 1, 'the stylesheet has print rules');
    assert.deepEqual(printed.onScreen, {
      'header.top': true, '#download-json': true, '#print': true, '#report-header': false,
      '#overall': true, '.threat-map': true, '#plan-table': true,
    }, 'on screen: the app and its buttons, and no report header');
    assert.deepEqual(printed.onPaper, {
      'header.top': false, '#download-json': false, '#print': false, '#report-header': true,
      '#overall': true, '.threat-map': true, '#plan-table': true,
    }, 'on paper: the report header and the results, without the app around them');
    for (const fact of ['Riverside Family Practice', 'Small', 'Health Industry Cybersecurity Practices (HICP), 2018 edition']) {
      assert.ok(printed.report.includes(fact), `the printed report header shows ${fact}: ${printed.report}`);
    }
    assert.match(printed.fingerprint, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
    assert.ok(printed.report.includes(printed.fingerprint), 'the printed report header shows the fingerprint');
    assert.equal(printed.summaryBreak, 'page', 'the summary (header, overview, map) is a page of its own');
    await own(b);
  });
});

test('the pages loaded only the app\'s own files, and the server was only asked to GET them', () => {
  assert.ok(loaded.some((u) => u.endsWith('.wasm')), 'the app\'s wasm was among what the pages loaded');
  const requests = server.requests();
  assert.ok(requests.length > 0, 'the server logged requests');
  // Also what the service worker fetched, which no page's Resource Timing lists.
  const strays = requests.filter(({ method, path }) => method !== 'GET'
    || !existsSync(join(DIST, decodeURIComponent(path.split('?')[0]).replace(/\/$/, '/index.html'))));
  assert.deepEqual(strays, [], 'requests other than GET of a file of the build');
});
