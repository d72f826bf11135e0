// A small client of the W3C WebDriver protocol over node's fetch, for Debian's WebKitWebDriver
// (package webkit2gtk-driver), and the processes it needs: an X server (Xvfb) on a display
// number it picks itself, the driver on a free 127.0.0.1 port, and the WebKitGTK MiniBrowser
// the driver starts per session. Only what the WebKit stage uses: sessions, navigation,
// elements by CSS selector, clicks, keys, scripts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The WebKitGTK MiniBrowser, shipped by libwebkit2gtk-4.1-0 under the multiarch lib folder. */
export function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  for (const dir of readdirSync('/usr/lib')) {
    const path = join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(path)) return path;
  }
  throw new Error('no MiniBrowser under /usr/lib/*/webkit2gtk-4.1/ (Debian package libwebkit2gtk-4.1-0)');
}

/** A port on 127.0.0.1 that is free now. */
export const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.on('error', reject);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/**
 * Polls `fn` until it returns something truthy, and returns that; fails after `timeout` ms,
 * saying `what` (a string, or a function that describes the state then).
 */
export async function waitFor(fn, { timeout = 15000, what = 'a state' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) { last = e; }
    if (Date.now() > end) {
      const said = typeof what === 'function' ? await what() : what;
      throw new Error(`timed out waiting for ${said}${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50)); // the next poll, not a guess at a duration
  }
}

/** Resolves with the process's exit code, once it has exited. */
const exited = (proc) => (proc.exitCode !== null || proc.signalCode !== null
  ? Promise.resolve(proc.exitCode)
  : new Promise((resolve) => proc.once('exit', resolve)));

/** Stops `proc` (SIGTERM, then SIGKILL after 5 s) and waits until it has gone. */
export async function stop(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = exited(proc);
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/** Whether any process of the group `pgid` is still there. */
const groupAlive = (pgid) => {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
};

// What this process started and has not stopped yet (a pid, or a driver's group as -pgid):
// killed if this process ends first, as in an interrupted run.
const running = new Set();
const folders = new Set(); // and the browsers' home folders, removed then too
process.once('exit', () => {
  running.forEach((id) => { try { process.kill(id, 'SIGKILL'); } catch { /* gone */ } });
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.once(signal, () => process.exit(code));

/** A new temporary folder, removed by `remove()`, or when this process ends if not before. */
export function tempFolder(prefix) {
  const path = mkdtempSync(join(tmpdir(), prefix));
  folders.add(path);
  return { path, remove: () => { rmSync(path, { recursive: true, force: true }); folders.delete(path); } };
}

/** Has `proc` (or, with `group`, its whole process group) killed if this process ends first. */
export function killOnExit(proc, { group = false } = {}) {
  const id = group ? -proc.pid : proc.pid;
  running.add(id);
  proc.once('exit', () => { if (!group) running.delete(id); });
}

/**
 * Stops the process group that `proc` leads (SIGTERM, then SIGKILL after 5 s) and waits until
 * every process in it has gone.
 */
export async function stopGroup(proc) {
  running.delete(-proc.pid);
  if (!groupAlive(proc.pid)) return;
  try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
  try {
    await waitFor(() => !groupAlive(proc.pid), { timeout: 5000, what: 'the browser to stop' });
  } catch {
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone meanwhile */ }
    await waitFor(() => !groupAlive(proc.pid), { timeout: 5000, what: 'the browser to be killed' });
  }
}

/**
 * Starts Xvfb on a free display: `-displayfd` has the server pick the number and write it back
 * once it accepts connections, so two runs on one machine never collide.
 */
export async function startXvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  killOnExit(proc);
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    proc.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err}`)));
  });
  return { display, close: () => stop(proc) };
}

/**
 * Starts WebKitWebDriver with `env` on a free 127.0.0.1 port, in a process group of its own (so
 * that the browser it starts, and the browser's web and network processes, are stopped with it
 * even when a session could not be ended). Returns once it answers.
 */
async function startDriver(env) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=local'],
      { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
    killOnExit(driver, { group: true });
    let log = '';
    driver.stdout.on('data', (d) => { log += d; });
    driver.stderr.on('data', (d) => { log += d; });
    const base = `http://127.0.0.1:${port}`;
    const up = await waitFor(async () => {
      if (driver.exitCode !== null || driver.signalCode !== null) return 'exited';
      return (await fetch(`${base}/status`)).ok && 'up';
    }, { what: 'WebKitWebDriver to listen' }).catch(async (e) => { await stopGroup(driver); throw e; });
    if (up === 'up') return { driver, base, log: () => log };
    running.delete(-driver.pid);
    // Another process may have taken the free port in between: try another one.
    if (attempt === 3) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${log}`);
  }
}

/**
 * Starts WebKitWebDriver on a free 127.0.0.1 port, with a home and XDG folders of its own (so
 * every browser it starts has an empty data directory and a known download folder), and opens
 * one session: a fresh MiniBrowser in automation mode. `close` ends the session, the driver and
 * the folders.
 */
export async function startBrowser(display) {
  const folder = tempFolder('hicp-webkit-');
  const home = folder.path;
  const downloads = join(home, 'Downloads');
  for (const dir of ['Downloads', '.config', '.cache', '.local/share']) mkdirSync(join(home, dir), { recursive: true });
  // GLib reads the download folder from here (g_get_user_special_dir), as a desktop would set it.
  writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const env = {
    ...process.env, DISPLAY: display, HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'), XDG_RUNTIME_DIR: home,
    NO_AT_BRIDGE: '1', // no accessibility bus on a bare X server: GTK would wait for it
    LANG: 'en_US.UTF-8', LANGUAGE: 'en',
  };
  let driver;
  const cleanUp = async () => {
    if (driver) await stopGroup(driver);
    folder.remove();
  };
  try {
    let base;
    let log;
    ({ driver, base, log } = await startDriver(env));
    const { sessionId } = await command(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
        },
      },
    });
    const session = new Session(`${base}/session/${sessionId}`);
    session.downloads = downloads;
    session.log = log; // what the driver and the browser printed
    session.close = async () => {
      try { await command(session.url, 'DELETE', ''); } finally { await cleanUp(); }
    };
    return session;
  } catch (e) {
    await cleanUp();
    throw e;
  }
}

/** One WebDriver command; returns its `value`, or throws the driver's error with its message. */
async function command(url, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    signal: AbortSignal.timeout(60000), // a driver that hangs fails the test instead of the run
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok || value?.error) {
    const e = new Error(`${method} ${path}: ${value?.error}: ${value?.message}`);
    e.code = value?.error;
    throw e;
  }
  return value;
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A WebDriver session, with its elements addressed by CSS selector. */
class Session {
  constructor(url) { this.url = url; }

  go(address) { return command(this.url, 'POST', '/url', { url: address }); }

  refresh() { return command(this.url, 'POST', '/refresh', {}); }

  /** Runs `fn` (a function, serialized) in the page with `args`; returns what it returns. */
  run(fn, ...args) {
    return command(this.url, 'POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** The element `css` matches, waiting until there is one. */
  async find(css, { timeout } = {}) {
    const found = await waitFor(async () => {
      try {
        return await command(this.url, 'POST', '/element', { using: 'css selector', value: css });
      } catch (e) {
        if (e.code === 'no such element') return null;
        throw e;
      }
    }, { timeout, what: css });
    return found[ELEMENT];
  }

  async click(css) {
    const id = await this.find(css);
    return command(this.url, 'POST', `/element/${id}/click`, {});
  }

  /** Types `text` into the element (for a file input: the file's path). */
  async type(css, text) {
    const id = await this.find(css);
    return command(this.url, 'POST', `/element/${id}/value`, { text });
  }

  async text(css) {
    const id = await this.find(css);
    return command(this.url, 'GET', `/element/${id}/text`);
  }

  async selected(css) {
    const id = await this.find(css);
    return command(this.url, 'GET', `/element/${id}/selected`);
  }

  /** Waits until the text of `css` matches `pattern`, and returns it. */
  waitForText(css, pattern, options) {
    return waitFor(async () => {
      const text = await this.run((s) => document.querySelector(s)?.innerText ?? null, css);
      return text !== null && pattern.test(text) ? text : null;
    }, { what: `${css} to read ${pattern}`, ...options });
  }
}
