// Shared set-up for the end-to-end suite: serves the release build (dist/) on 127.0.0.1 with
// scripts/serve.py, drives Debian's Chromium through playwright-core with a fresh profile per
// browser, records every request, and runs axe-core.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilderPkg from '@axe-core/playwright';

const AxeBuilder = AxeBuilderPkg.default ?? AxeBuilderPkg;
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
/** The release build under test: dist/, or HICP_DIST when set (parallel work on one machine). */
export const DIST = process.env.HICP_DIST ?? join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage'];

/** Serves `dir` (default: the release build) on a free 127.0.0.1 port. */
export async function serve(dir = DIST) {
  const proc = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--dir', dir, '--port', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return { url, origin: new URL(url).origin, close: () => proc.kill() };
}

/**
 * A Chromium with its own empty profile. Every request any page makes is recorded in
 * `requests`; page errors and console errors in `errors`.
 */
export async function browser(options = {}, { preferences } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'hicp-e2e-'));
  if (preferences) {
    // Chromium reads these at start, as if the person had set them in its settings.
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true,
    viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options,
  });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  const watch = (page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context, page, requests, errors,
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Fails unless every recorded request went to `origin` with GET (or stayed in the page). */
export function assertOnlyOwnOrigin(requests, origin) {
  const foreign = requests.filter((r) => {
    if (r.url.startsWith('data:') || r.url.startsWith('blob:')) return false;
    return new URL(r.url).origin !== origin || r.method !== 'GET';
  });
  assert.deepEqual(foreign, [], 'requests that left the app\'s own origin or were not GET');
  assert.ok(requests.length > 0, 'no request was recorded at all');
}

/** Runs axe-core on the page as it is and fails on any violation, naming it. */
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

/** Presses Tab until the focused element matches `selector`, as a keyboard user would. */
export async function tabTo(page, selector, { max = 400, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element's id. */
export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** A copy of the release build in a fresh folder, for tests that change files in it. */
export function copyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'hicp-dist-'));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/**
 * Deploys a changed build into `dir` (a copy of the build, see copyOfBuild): one file changes,
 * so the service worker's version changes. Then has `page`'s service worker look for it.
 */
export async function redeploy(page, dir) {
  const manifestPath = join(dir, 'manifest.webmanifest');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, description: `${manifest.description} (new)` }));
  execFileSync('python3', [join(ROOT, 'scripts', 'postbuild.py'), dir]);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
}

/** Records CSP violations in every page of the context, readable as window.__cspViolations. */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Starts a new assessment of `tier` and goes to its first practice. */
export async function startAssessment(page, tier = 'small') {
  await page.locator('#start-new').click();
  await page.locator(`#tier-${tier}`).check();
  await page.locator('#size-continue').click();
  await page.locator('#practice-nav').waitFor();
}

/** The assessments saved in `storage` ('localStorage' or 'sessionStorage') of a page or frame. */
export const savedIn = (target, storage = 'localStorage') => target.evaluate((s) =>
  Object.keys(window[s]).filter((k) => k.startsWith('hicp-check/')), storage);
