// Shared set-up for the end-to-end suite: serves the release build (dist/) on 127.0.0.1 with
// scripts/serve.py, or with Debian's nginx in its stock configuration (serveNginx), drives
// Debian's Chromium through playwright-core with a fresh profile per browser, records every
// request, and runs axe-core.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilderPkg from '@axe-core/playwright';
import { ROOT, DIST } from './serving.mjs';

export { ROOT, DIST, serve, assertOnlyOwnOrigin } from './serving.mjs';

const AxeBuilder = AxeBuilderPkg.default ?? AxeBuilderPkg;
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage'];

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** The nginx recipe of examples/hosting/, tested as it is. */
export const NGINX_RECIPE = join(ROOT, 'examples', 'hosting', 'nginx.conf');

/** Sets the modification time of every file and folder under `dir` to `days` ago. */
export function dateInPast(dir, days = 30) {
  const when = new Date(Date.now() - days * 86400e3);
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      utimesSync(child, when, when);
    }
  };
  walk(dir);
  utimesSync(dir, when, when);
}

/** A port on 127.0.0.1 that is free now. */
const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.on('error', reject);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/**
 * nginx.conf for one foreground nginx of the tests, generated from Debian's own files: its
 * /etc/nginx/nginx.conf (mime.types, gzip, sendfile...) and its default site (`root`, `index`,
 * `try_files $uri $uri/ =404`) with nothing added, except the paths that must be the test's
 * own (pid, logs, temp files), the address, the folder served, and, when given, `include`d
 * into the server block, a recipe file.
 */
function nginxConf(tmp, dir, port, recipe) {
  const replace = (text, from, to, what) => {
    if (!from.test(text)) throw new Error(`Debian's nginx files changed: no ${what}`);
    return text.replace(from, to);
  };
  const uncommented = (text) => text.split('\n').map((l) => l.replace(/(^|\s)#.*$/, '')).join('\n');
  let main = uncommented(readFileSync('/etc/nginx/nginx.conf', 'utf8'));
  // Workers switch to www-data only when nginx starts as root; otherwise the line is moot.
  if (process.getuid?.() !== 0) main = replace(main, /^\s*user\s+[^;]*;/m, '', 'user');
  main = replace(main, /^\s*pid\s+[^;]*;/m, `pid ${tmp}/nginx.pid;`, 'pid');
  main = replace(main, /^\s*error_log\s+[^;]*;/m, `error_log ${tmp}/error.log;`, 'error_log');
  main = replace(main, /^\s*access_log\s+[^;]*;/m, `access_log ${tmp}/access.log;`, 'access_log');
  main = replace(main, /^\s*http\s*\{/m, (m) => `${m}\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `\t${t}_temp_path ${tmp}/${t};`).join('\n')}`, 'http block');
  main = replace(main, /include\s+\/etc\/nginx\/sites-enabled\/\*;/, `include ${tmp}/site.conf;`, 'sites-enabled');
  let site = uncommented(readFileSync('/etc/nginx/sites-available/default', 'utf8'));
  site = replace(site, /^\s*listen\s+80\s+default_server;/m, `\tlisten 127.0.0.1:${port} default_server;`, 'listen 80');
  site = replace(site, /^\s*listen\s+\[::\]:80\s+default_server;/m, '', 'listen [::]:80');
  site = replace(site, /^\s*root\s+\/var\/www\/html;/m, `\troot ${dir};`, 'root');
  if (recipe) site = replace(site, /^\s*server_name\s+_;/m, (m) => `${m}\n\tinclude ${recipe};`, 'server_name');
  writeFileSync(join(tmp, 'nginx.conf'), main);
  writeFileSync(join(tmp, 'site.conf'), site);
}

/**
 * Serves `dir` with Debian's nginx in its stock configuration (see nginxConf) on a free
 * 127.0.0.1 port, as a foreground process whose files all live in a temporary folder.
 * `recipe`: a file included in the server block (NGINX_RECIPE); `frameAncestors`: origins that
 * replace the recipe's example origin in its frame-ancestors.
 */
export async function serveNginx(dir, { recipe, frameAncestors } = {}) {
  // When nginx starts as root its workers read the files as www-data, as on a real server.
  chmodSync(dir, 0o755);
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  for (let attempt = 0; ; attempt++) {
    const tmp = mkdtempSync(join(tmpdir(), 'hicp-nginx-'));
    chmodSync(tmp, 0o755);
    let include = recipe;
    if (recipe && frameAncestors) {
      include = join(tmp, 'recipe.conf');
      writeFileSync(include, readFileSync(recipe, 'utf8')
        .replaceAll('https://www.example.org', frameAncestors.join(' ')));
    }
    const port = await freePort();
    nginxConf(tmp, dir, port, include);
    const proc = spawn(NGINX, ['-p', `${tmp}/`, '-c', join(tmp, 'nginx.conf'), '-e', join(tmp, 'error.log'),
      '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => { err += d; });
    const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}/`;
    const up = await Promise.race([exited.then(() => false), (async () => {
      for (;;) {
        try { await fetch(url, { method: 'HEAD' }); return true; } catch {
          await new Promise((r) => setTimeout(r, 50)); // the port is not open yet
        }
      }
    })()]);
    if (up) {
      const close = async () => {
        if (proc.exitCode === null) { proc.kill('SIGTERM'); await exited; }
        rmSync(tmp, { recursive: true, force: true });
      };
      return { url, origin: new URL(url).origin, close, log: () => readFileSync(join(tmp, 'error.log'), 'utf8') };
    }
    let log = '';
    try { log = readFileSync(join(tmp, 'error.log'), 'utf8'); } catch { /* none written */ }
    rmSync(tmp, { recursive: true, force: true });
    // Another process may have taken the free port in between: try another one.
    if (attempt < 3 && /Address already in use/.test(err + log)) continue;
    throw new Error(`nginx did not start: ${err}${log}`);
  }
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

/**
 * Waits until `fn(arg)`, run in the page, gives a truthy value, and returns it. Unlike
 * `page.waitForFunction`, which takes the promise an async function returns for a truthy
 * value at once, this waits for what the promise gives: for state only an async browser API
 * tells (caches, IndexedDB, the service worker).
 */
export async function until(page, fn, arg, { timeout = 20000, what = 'the awaited state' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}`);
    await page.waitForTimeout(100);
  }
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
