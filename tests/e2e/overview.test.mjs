// The first screen: what HICP covers, shown from the content pack, with the privacy promise,
// no request to any other origin, and no accessibility violation.
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
