// Timings for scripts/bench, in headless Debian Chromium on this machine:
// - first interactive control, median of N cold loads (fresh profile each), app vs SurveyJS;
// - answer -> rendered and laid out, over 200 answers on the large tier, median and p95, for
//   the HICP 2018 pack and for a synthetic pack of 2,000 sub-practices;
// - Lighthouse (mobile) scores, and Chromium's installability check (Lighthouse 12 no longer
//   has a PWA category).
// Usage: node measure.mjs APP_URL PEER_URL APP_2000_URL
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [APP, PEER, APP2000] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const COLD_LOADS = 25;
const ANSWERS = 200;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

async function fresh() {
  const profile = mkdtempSync(join(tmpdir(), 'hicp-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  return { context, page: context.pages()[0], close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Milliseconds from navigation start until `selector` is on the page and enabled, for each
 * [url, selector] given: COLD_LOADS loads of each, taken in turn (app, peer, app, peer, ...)
 * so that a machine getting slower or faster over the run weighs on both alike.
 *
 * The page reports the time on its console. Nothing of Playwright's runs in it meanwhile:
 * `waitForFunction` after `goto` would inject Playwright's script (about 9 ms of the main
 * thread) at the load event, which comes in the middle of the app's start and after the
 * peer's first radio button, weighing on one side only. */
async function firstInteractive(pages) {
  const times = pages.map(() => []);
  for (let i = 0; i < COLD_LOADS * pages.length; i++) {
    const [url, selector] = pages[i % pages.length];
    const b = await fresh();
    await b.context.addInitScript((sel) => {
      let seen = false;
      const check = () => {
        if (seen) return true;
        const el = document.querySelector(sel);
        if (!el || el.disabled || !el.getClientRects().length) return false;
        seen = true;
        console.log(`bench-interactive ${performance.now()}`);
        return true;
      };
      const poll = () => { if (!check()) requestAnimationFrame(poll); };
      requestAnimationFrame(poll);
      new MutationObserver((_, obs) => { if (check()) obs.disconnect(); })
        .observe(document, { childList: true, subtree: true });
    }, selector);
    const reported = b.page.waitForEvent('console', {
      predicate: (m) => m.text().startsWith('bench-interactive '), timeout: 60000,
    });
    await b.page.goto(url, { waitUntil: 'commit' });
    times[i % pages.length].push(parseFloat((await reported).text().split(' ')[1]));
    await b.close();
  }
  return times;
}

/** Answers ANSWERS times on the practice page with the most sub-practices; per-answer times. */
async function answerLatency(url) {
  const b = await fresh();
  const { page } = b;
  await page.goto(url);
  await page.click('#start-new');
  await page.check('#tier-large');
  await page.click('#size-continue');
  await page.locator('#practice-nav').waitFor();
  const counts = await page.locator('#practice-nav li .count').allInnerTexts();
  const biggest = counts.map((c) => parseInt(c.split(' of ')[1], 10))
    .reduce((best, n, i, all) => (n > all[best] ? i : best), 0);
  await page.click(`#practice-nav li:nth-child(${biggest + 1}) button`);
  await page.locator('#practice-nav li button[aria-current="page"]').waitFor();
  const result = await page.evaluate(async (n) => {
    const groups = [...document.querySelectorAll('.card fieldset[id^="q-"]')];
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const times = [];
    for (let i = 0; i < n; i++) {
      const radios = groups[i % groups.length].querySelectorAll('input[type="radio"]');
      const radio = radios[Math.floor(i / groups.length) % radios.length];
      const t0 = performance.now();
      radio.click();
      await macrotask();
      document.body.getBoundingClientRect();
      times.push(performance.now() - t0);
    }
    return { times, cards: groups.length, progress: document.getElementById('progress').textContent };
  }, ANSWERS);
  await b.close();
  return result;
}

async function runLighthouse(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const lhr = result.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    scores.metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift']
      .map((id) => `${lhr.audits[id].title} ${lhr.audits[id].displayValue}`).join('; ');
    return scores;
  } finally {
    await chrome.kill();
  }
}

async function installability(url) {
  const b = await fresh();
  await b.page.goto(url);
  await b.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const cdp = await b.context.newCDPSession(b.page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  await b.close();
  return installabilityErrors;
}

const [appFirst, peerFirst] = await firstInteractive([[APP, '#start-new'], [PEER, 'input[type="radio"]']]);
console.log(`first interactive control, median of ${COLD_LOADS} cold loads each, taken in turn:`);
console.log(`  HICP Check (Start button)        ${ms(median(appFirst))}`);
console.log(`  SurveyJS page (first radio)       ${ms(median(peerFirst))}`);
console.log(`  ratio HICP Check / SurveyJS       ${(median(appFirst) / median(peerFirst)).toFixed(2)}`);
for (const [label, url] of [['HICP 2018 pack, large tier', APP], ['synthetic 2,000 sub-practices', APP2000]]) {
  const r = await answerLatency(url);
  console.log(`answer -> rendered and laid out, ${ANSWERS} answers, ${label} (${r.cards} questions on the page; ${r.progress}):`);
  console.log(`  median ${ms(median(r.times))}, p95 ${ms(p95(r.times))}, max ${ms(Math.max(...r.times))}`);
}
const scores = await runLighthouse(APP);
console.log(`Lighthouse 12 (mobile): performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores['best-practices']}`);
console.log(`  ${scores.metrics}`);
const errors = await installability(APP);
console.log(`installable in Chromium (Page.getInstallabilityErrors): ${errors.length === 0 ? 'yes, no errors' : JSON.stringify(errors)}`);
