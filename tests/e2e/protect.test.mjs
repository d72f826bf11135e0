// The passphrase-protected file: encrypted in the browser with Web Crypto (PBKDF2 + AES-GCM),
// it holds nothing readable, a wrong passphrase is refused in plain words, and the right one
// brings back the identical assessment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  assert.deepEqual([await page.inputValue('#protect-pass'), await page.inputValue('#protect-confirm')], ['', ''],
    'the passphrase is not left in the page');
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

// "Bülent Çakır café 2026" typed on two systems: composed (one code point per letter), or
// decomposed (a letter, then its accent), as some keyboards and systems write it.
const COMPOSED = 'B\u00fclent \u00c7ak\u0131r caf\u00e9 2026';
const DECOMPOSED = 'Bu\u0308lent C\u0327ak\u0131r cafe\u0301 2026';

/** Protects the open assessment with `passphrase` (typed as it is) and returns the file's path. */
async function protectWith(page, passphrase, name) {
  await page.fill('#protect-pass', passphrase);
  await page.fill('#protect-confirm', passphrase);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#protect-download')]);
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return path;
}

/** Opens a protected file with `passphrase` and says whether it opened. */
async function opens(page, path, passphrase) {
  if (await page.locator('#nav-start').count()) await page.click('#nav-start');
  await page.locator('#file-input').setInputFiles(path);
  await page.locator('#unlock').waitFor();
  await page.fill('#unlock-passphrase', passphrase);
  await page.click('#unlock-open');
  const preview = page.locator('#import-preview');
  await preview.or(page.locator('#unlock-error', { hasText: 'does not open this file' })).first().waitFor();
  const outcome = await preview.count() === 1;
  await page.click(outcome ? '#import-cancel' : '#unlock-cancel');
  return outcome;
}

test('an accented passphrase opens the file however the accents were typed', async () => {
  const { page } = b;
  assert.notEqual(COMPOSED, DECOMPOSED);
  assert.equal(COMPOSED, DECOMPOSED.normalize('NFC'));
  await page.goto(server.url);
  await page.locator('#start-new').or(page.locator('#nav-start')).first().waitFor();
  if (await page.locator('#nav-start').count()) await page.click('#nav-start');
  await page.locator('#file-input').setInputFiles(join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json'));
  await page.click('#import-as-new');
  await page.locator('#overall').waitFor();
  const sealed = await protectWith(page, DECOMPOSED, 'protected-decomposed.json');
  assert.equal(await opens(page, sealed, COMPOSED), true, 'typed composed, it opens');
  assert.equal(await opens(page, sealed, DECOMPOSED), true, 'typed as it was, it opens');

  // A file protected before passphrases were composed: its key came from the bytes as typed.
  const earlier = join(ARTIFACTS, 'protected-before-nfc.json');
  writeFileSync(earlier, await page.evaluate(async ([passphrase, text]) => {
    const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt },
      base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
    return JSON.stringify({ format: 'hicp-check-encrypted', format_version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: b64(salt) },
      cipher: { name: 'AES-GCM', iv: b64(iv) }, data: b64(data) }, null, 2);
  }, [DECOMPOSED, readFileSync(join(ROOT, 'tests', 'fixtures', 'golden-export-v2.json'), 'utf8')]));
  assert.equal(await opens(page, earlier, DECOMPOSED), true, 'an earlier file opens with its passphrase as typed');
});
