// Offline in Gecko: once Firefox's service worker controls the page, the server is stopped
// (the network really goes away, not an emulation of it) and a reload still starts the app,
// with the answer given before, and the results (the tools part, fetched on demand). A fresh
// Firefox profile of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, firefox, assertOnlyOwnOrigin, textOf } from './harness.mjs';

let server;
let b;
before(async () => {
  server = await serve();
  b = await firefox();
});
after(async () => { await b?.close(); await server?.close(); });

test('a person who answered once reloads with no network, and the app starts with the answer', async () => {
  const { page } = b;
  await page.goto(server.url);
  await (await page.waitForSelector('#start-new')).click();
  await (await page.waitForSelector('#tier-small')).click();
  await (await page.waitForSelector('#size-continue')).click();
  await (await page.waitForSelector('#a-1-S-A-in_place')).click();
  await page.waitForFunction(() => document.querySelector('#progress')?.innerText === '1 of 18 answered');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 20000 });
  // The open assessment brings the tools part (the results) in the background, through the
  // service worker: in before the network goes.
  await page.waitForFunction(() => typeof window['hicp-tools'] === 'function', { timeout: 20000 });

  await server.close();
  await assert.rejects(fetch(server.url), 'the server is gone');
  const requestsOnline = b.requests.length;
  await page.reload();
  await page.waitForSelector('#practice-nav');
  assert.equal(await textOf(page, '#progress'), '1 of 18 answered');
  assert.ok(await page.$eval('#a-1-S-A-in_place', (e) => e.checked), '1.S.A is still in place');
  assert.ok(b.requests.length > requestsOnline, 'the reload asked for the page again');
  await (await page.waitForSelector('#nav-results')).click();
  assert.equal(await textOf(page, '#overall'), '100% in place, over 1 answered; 17 unanswered.',
    'the results, the tools part\'s, come from the service worker');
});

test('offline too, nothing left the app\'s own origin and Firefox itself sent nothing out', () => {
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.outside, [], 'what Firefox tried to send past 127.0.0.1');
  assert.deepEqual(b.errors, []);
});
