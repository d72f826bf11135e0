// The first screen: what HICP covers, shown from the content pack, with the privacy promise,
// no request to any other origin, and no accessibility violation; and the loading shell stays
// the page's largest paint, on a phone's screen as on a desktop's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, assertOnlyOwnOrigin, assertAccessible } from './harness.mjs';

let server;
let b;
before(async () => { server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

test('the start screen shows the five threats and ten practices with per-tier counts from the pack', async () => {
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#overview').waitFor();
  assert.equal(await page.locator('[data-testid^="threat-"]').count(), 5);
  assert.match(await page.locator('[data-testid="threat-2"]').innerText(), /^Ransomware attacks/);
  assert.equal(await page.locator('tbody [data-testid^="practice-"]').count(), 10);
  const counts = async (testid) => page.locator(`[data-testid="${testid}"] td`).allInnerTexts();
  assert.deepEqual(await counts('practice-totals'), ['18', '36', '34']);
  assert.deepEqual(await counts('practice-1'), ['3', '4', '3']);
  assert.deepEqual(await counts('practice-8'), ['2', '3', '6']);
  assert.deepEqual(await counts('practice-10'), ['1', '1', '0']);
  assert.match(await page.locator('#privacy-promise').innerText(), /Your answers stay in this browser; nothing is sent\./);
  assert.ok(await page.locator('#start-new').isVisible());
});

test('the start screen has no accessibility violations', async () => {
  await assertAccessible(b.page, 'the start screen');
});

test('the page requested nothing but its own files and logged no error', async () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});

for (const [screen, viewport] of [['a desktop', { width: 1280, height: 900 }], ['a phone', { width: 412, height: 823 }]]) {
  test(`on ${screen}, the page's largest paint is the loading shell's, reported before the app's wasm is asked for`, async () => {
    // What Lighthouse times: a request ending before the largest paint counts into its time,
    // and an app that replaced the shell before its paint was reported made its own paint the
    // largest (scripts/postbuild.py, EARLY).
    const c = await browser({ viewport });
    try {
      await c.context.addInitScript(() => {
        window.__largest = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            window.__largest.push({ at: e.startTime, size: e.size, shell: !!e.element?.closest('main[aria-busy]') });
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await c.page.goto(server.url);
      await c.page.locator('#overview').waitFor();
      const { largest, wasm } = await c.page.evaluate(() => ({
        largest: window.__largest,
        wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')).startTime,
      }));
      assert.ok(largest.length >= 1, 'a largest paint was reported');
      assert.ok(largest.every((e) => e.shell), `every largest paint is the shell's: ${JSON.stringify(largest)}`);
      assert.ok(wasm >= largest.at(-1).at, `the wasm (at ${wasm} ms) was asked for after the shell's paint (${largest.at(-1).at} ms)`);
    } finally {
      await c.close();
    }
  });
}
