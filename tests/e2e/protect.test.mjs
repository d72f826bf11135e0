// The passphrase-protected file: encrypted in the browser with Web Crypto (PBKDF2 + AES-GCM),
// it holds nothing readable, a wrong passphrase is refused in plain words, and the right one
// brings back the identical assessment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, assertOnlyOwnOrigin, assertAccessible, ARTIFACTS, ROOT } from './harness.mjs';

let server;
let b;
before(async () => { mkdirSync(ARTIFACTS, { recursive: true }); server = await serve(); b = await browser(); });
after(async () => { await b?.close(); server?.close(); });

let fingerprint;
let sealedPath;

test('a protected copy is encrypted: it holds no name, answer or note in readable form', async () => {
  const { page } = b;
  await page.goto(server.url);
  await page.locator('#file-input').setInputFiles(join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json'));
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
  fingerprint = await page.locator('#fingerprint').innerText();
  await page.fill('#protect-pass', 'too short');
  await page.fill('#protect-confirm', 'too short');
  await page.click('#protect-download');
  assert.equal(await page.locator('#protect-message').innerText(), 'Choose a passphrase of at least 10 characters.');
  await page.fill('#protect-pass', 'correct horse battery staple');
  await page.fill('#protect-confirm', 'correct horse battery stable');
  await page.click('#protect-download');
  assert.equal(await page.locator('#protect-message').innerText(), 'The two passphrases differ.');
  await page.fill('#protect-confirm', 'correct horse battery staple');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#protect-download')]);
  assert.match(download.suggestedFilename(), /^hicp-check-riverside-family-practice-\d{4}-\d{2}-\d{2}-protected\.json$/);
  sealedPath = join(ARTIFACTS, 'protected.json');
  await download.saveAs(sealedPath);
  const text = readFileSync(sealedPath, 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'hicp-check-encrypted');
  assert.deepEqual({ ...file.kdf, salt: typeof file.kdf.salt }, { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: 'string' });
  assert.equal(file.cipher.name, 'AES-GCM');
  for (const clear of ['Riverside', 'in_place', 'Front desk', 'Office manager', '1.S.A']) {
    assert.ok(!text.includes(clear), `${clear} is not readable in the protected file`);
  }
  await page.locator('#protect-message', { hasText: 'Downloaded.' }).waitFor();
});

test('a wrong passphrase is refused in plain words; the right one opens the identical assessment', async () => {
  const { page } = b;
  await page.click('#nav-library');
  await page.click('#erase-all');
  await page.click('#erase-confirm');
  await page.locator('#notice', { hasText: 'has been erased' }).waitFor();
  await page.locator('#file-input').setInputFiles(sealedPath);
  await page.locator('#unlock').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'unlock-passphrase');
  await assertAccessible(page, 'the passphrase prompt');
  await page.keyboard.type('correct horse battery stable');
  await page.keyboard.press('Enter');
  await page.locator('#unlock-error', { hasText: 'does not open this file' }).waitFor();
  assert.equal(await page.locator('#unlock-error').innerText(),
    'That passphrase does not open this file (or the file was changed). Check it and try again.');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hicp-check/'))), []);
  await page.fill('#unlock-passphrase', 'correct horse battery staple');
  await page.click('#unlock-open');
  await page.locator('#import-preview').waitFor();
  assert.equal(await page.locator('#preview-name').innerText(), 'Riverside Family Practice');
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
  assert.equal(await page.locator('#fingerprint').innerText(), fingerprint);
  assertOnlyOwnOrigin(b.requests, server.origin);
  assert.deepEqual(b.errors, []);
});
