// Working together without a server (issue 18): a coordinator prepares three respondent
// files, three respondents answer in browsers of their own (one answer conflicts with the
// coordinator's), and the coordinator merges all three, resolves the conflict, and gets the
// expected answers and who gave them: on the question, in the plan by respondent, in the CSV and
// through export and import. Then every wrong return is refused in plain words with nothing
// changed (the tools part's offline guarantee is in parts.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, assertOnlyOwnOrigin, assertAccessible, startAssessment, tabTo, ARTIFACTS } from './harness.mjs';

const DIR = join(ARTIFACTS, 'team');
let server;
let coordinator;
const files = {};

before(async () => {
  mkdirSync(DIR, { recursive: true });
  server = await serve();
  coordinator = await browser();
});
after(async () => { await coordinator?.close(); server?.close(); });

/** Saves the download `click` starts under `name` and returns its path. */
async function downloaded(page, click, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(DIR, name);
  await download.saveAs(path);
  return path;
}

const choose = (page, id, choice) => page.locator(`#a-${id.replaceAll('.', '-')}-${choice}`).check();

/** Opens the Work together screen and waits for the tools part to be there. */
async function openTeam(page) {
  await page.locator('#nav-team').click();
  await page.locator('#prepare-download').waitFor();
}

/** Prepares a respondent file by keyboard: the name, a message, what is given. */
async function prepare(page, name, give) {
  await tabTo(page, '#respondent-name');
  await page.keyboard.type(name);
  await tabTo(page, '#respondent-message');
  await page.keyboard.type(`Please answer yours, ${name}.`);
  for (const id of give) {
    const details = page.locator(`#give-${id.split('.')[0]} + label + details`);
    if (id.includes('.') && !(await details.evaluate((d) => d.open))) {
      await tabTo(page, `#give-${id.split('.')[0]} + label + details > summary`);
      await page.keyboard.press('Enter');
    }
    await tabTo(page, `#give-${id.replaceAll('.', '-')}`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '#prepare-download');
  const path = await downloaded(page, () => page.keyboard.press('Enter'), `for-${name}.json`);
  await page.locator('#prepare-status', { hasText: `The file for ${name} is downloaded` }).waitFor();
  return path;
}

/** A respondent in a browser of their own: opens the file, answers, downloads it. */
async function respond(file, name, answers) {
  const r = await browser();
  try {
    const { page } = r;
    await page.goto(server.url);
    await page.locator('#file-input').setInputFiles(file);
    assert.match(await page.locator('#preview-request').innerText(), new RegExp(`from Lakeside Clinic for ${name}`));
    await page.click('#import-as-new');
    await page.locator('#respond-from').waitFor();
    const shown = await page.locator('article.card h2 .sp-id').allInnerTexts();
    for (const [id, choice] of Object.entries(answers)) await choose(page, id, choice);
    const first = Object.keys(answers)[0].replaceAll('.', '-');
    assert.match(await page.locator(`#given-${first}`).innerText(), new RegExp(`^Answered by ${name} on `));
    await assertAccessible(page, `${name}'s respondent view`);
    const back = await downloaded(page, () => page.click('#respond-download'), `from-${name}.json`);
    await page.locator('#respond-status', { hasText: 'downloaded on' }).waitFor();
    assertOnlyOwnOrigin(r.requests, server.origin);
    return { back, shown, text: await page.locator('#respond-from').innerText() };
  } finally {
    await r.close();
  }
}

test('three respondents answer apart and the coordinator merges them, choosing where they differ', async () => {
  const { page } = coordinator;
  await page.goto(server.url);
  await startAssessment(page, 'medium');
  await page.locator('#nav-size').click();
  await page.locator('#org-name').fill('Lakeside Clinic');
  await page.locator('#org-name').press('Tab');
  await page.locator('#nav-answer').click();
  await choose(page, '1.M.A', 'in_place');
  await page.locator('#nav-practice-2').click();
  await choose(page, '2.M.A', 'not_in_place');
  await openTeam(page);
  await assertAccessible(page, 'the Work together screen');
  files.dana = await prepare(page, 'Dana', ['1']);
  files.eli = await prepare(page, 'Eli', ['4']);
  files.sam = await prepare(page, 'Sam', ['9.M.A', '9.M.B']);
  await page.locator('#requests tbody tr').nth(2).waitFor();
  assert.deepEqual(await page.locator('#requests tbody th').allInnerTexts(), ['Dana', 'Eli', 'Sam']);
  assert.deepEqual(await page.locator('#requests tbody td:nth-of-type(1)').allInnerTexts(),
    ['1.M.A, 1.M.B, 1.M.C, 1.M.D', '4.M.A, 4.M.B, 4.M.C, 4.M.D, 4.M.E', '9.M.A, 9.M.B']);

  // What a respondent file holds: only its own questions, the coordinator's answer there.
  const held = JSON.parse(readFileSync(files.sam, 'utf8'));
  assert.deepEqual(Object.keys(held.answers), []);
  assert.deepEqual(held.plan, {});
  assert.deepEqual(held.organization.sizing, {});
  assert.equal(held.asked.respondent, 'Sam');
  assert.equal(JSON.parse(readFileSync(files.dana, 'utf8')).answers['1.M.A'].choice, 'in_place');

  const dana = await respond(files.dana, 'Dana', { '1.M.A': 'partly', '1.M.B': 'in_place' });
  assert.deepEqual(dana.shown, ['1.M.A', '1.M.B', '1.M.C', '1.M.D']);
  assert.match(dana.text, /Lakeside Clinic asks you to answer 4 questions of their HICP assessment: 1\. /);
  const eli = await respond(files.eli, 'Eli', { '4.M.A': 'in_place', '4.M.B': 'not_in_place' });
  assert.equal(eli.shown.length, 5);
  const sam = await respond(files.sam, 'Sam', { '9.M.A': 'dont_know' });
  assert.deepEqual(sam.shown, ['9.M.A', '9.M.B']);
  Object.assign(files, { danaBack: dana.back, eliBack: eli.back, samBack: sam.back });

  await page.locator('#merge-files').setInputFiles([dana.back, eli.back, sam.back]);
  const said = page.locator('#merge-said li');
  await said.nth(2).waitFor();
  assert.deepEqual((await said.allInnerTexts()).map((t) => t.replace(/ on \d+ \w+ \d{4}/, '')), [
    'from-Dana.json: Dana, answered: 2 answers and 0 new evidence items.',
    'from-Eli.json: Eli, answered: 2 answers and 0 new evidence items.',
    'from-Sam.json: Sam, answered: 1 answers and 0 new evidence items.',
  ]);
  assert.equal(await page.locator('#merge-said li.problem').count(), 0);
  assert.equal(await page.locator('fieldset.difference').count(), 1, 'only 1.M.A differs');
  const legend = await page.locator('#diff-1-M-A legend').innerText();
  assert.match(legend, /^1\.M\.A /);
  assert.match(await page.locator('label[for="pick-1-M-A-mine"]').innerText(), /^Yours: In place \(\d+ \w+ \d{4}\)/);
  assert.match(await page.locator('label[for="pick-1-M-A-0"]').innerText(), /^Dana: Partly in place/);
  await assertAccessible(page, 'the merge review');
  // Nothing is taken before the difference is settled.
  await page.click('#merge-confirm');
  await page.locator('#merge-outcome', { hasText: '1 left' }).waitFor();
  await tabTo(page, '#pick-1-M-A-mine');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#pick-1-M-A-0').isChecked(), true, 'arrow keys move between the answers');
  await page.click('#merge-confirm');
  const outcome = page.locator('#merge-outcome li');
  await outcome.nth(2).waitFor();
  assert.deepEqual((await outcome.allInnerTexts()).map((t) => t.replace(/ on \d+ \w+ \d{4}/, '')), [
    'From Dana (answered): 2 answers taken, 0 not taken, 0 evidence items added, 0 duplicates left out.',
    'From Eli (answered): 2 answers taken, 0 not taken, 0 evidence items added, 0 duplicates left out.',
    'From Sam (answered): 1 answers taken, 0 not taken, 0 evidence items added, 0 duplicates left out.',
  ]);
  await page.locator('#requests tbody tr:nth-child(3) td:nth-of-type(3)', { hasText: 'Merged on' }).waitFor();

  // Who gave what: on the question, in the plan by respondent, in the CSV.
  await page.locator('#nav-answer').click();
  assert.equal(await page.locator('#a-1-M-A-partly').isChecked(), true);
  assert.match(await page.locator('#given-1-M-A').innerText(), /^Answered by Dana on /);
  await page.locator('#nav-practice-4').click();
  assert.match(await page.locator('#given-4-M-B').innerText(), /^Answered by Eli on /);
  await page.locator('#nav-team').click();
  // The rows once the choice has been rendered: each of them answered by `label`'s person.
  const planFor = async (label) => {
    await page.locator('#plan-by').selectOption({ label });
    const who = (await page.locator('#plan-by').inputValue()).slice(1);
    await page.locator('#plan-by-table, #plan-by-empty').and(page.locator(`[data-by="${who}"]`)).waitFor();
    return page.locator('#plan-by-table tbody th, #plan-by-empty').allInnerTexts();
  };
  assert.deepEqual(await planFor('Eli'), ['4.M.B Data Use Procedures']);
  assert.equal(await page.locator('#plan-by-table tbody td:nth-of-type(2)').innerText(), 'Not in place');
  assert.equal((await planFor('Dana')).length, 1);
  assert.match((await planFor('Dana'))[0], /^1\.M\.A /);
  assert.match((await planFor('Sam'))[0], /^9\.M\.A /);
  assert.deepEqual((await planFor('Your own answers')).map((t) => t.slice(0, 6)), ['2.M.A ']);
  await assertAccessible(page, 'the plan by respondent');
  await page.locator('#nav-results').click();
  const csv = readFileSync(await downloaded(page, () => page.click('#download-csv'), 'merged.csv'), 'utf8');
  const row = (id) => csv.split('\r\n').find((l) => l.startsWith(`${id},`));
  assert.match(row('1.M.A'), /,Dana,\d{4}-\d{2}-\d{2}$/);
  assert.match(row('9.M.A'), /,Sam,\d{4}-\d{2}-\d{2}$/);
  assert.match(csv.split('\r\n')[0], /,Answered by,Answered on$/);

  // Through export and import, in a browser that never saw it.
  const exported = await downloaded(page, () => page.click('#download-json'), 'merged.json');
  const other = await browser();
  try {
    await other.page.goto(server.url);
    await other.page.locator('#file-input').setInputFiles(exported);
    await other.page.click('#import-as-new');
    await other.page.locator('#overall').waitFor();
    await other.page.locator('#nav-answer').click();
    assert.match(await other.page.locator('#given-1-M-A').innerText(), /^Answered by Dana on /);
  } finally {
    await other.close();
  }
  assertOnlyOwnOrigin(coordinator.requests, server.origin);
  assert.deepEqual(coordinator.errors, []);
});

/** The file's fingerprint as HICP Check computes it: SHA-256 of the file as written with the
 * fingerprint and the content version empty and the export time set to the answer time. */
function resealed(file) {
  const copy = structuredClone(file);
  copy.asked.fingerprint = '';
  copy.content.version = '';
  copy.exported = copy.asked.answered;
  const fingerprint = createHash('sha256').update(`${JSON.stringify(copy, null, 2)}\n`).digest('hex');
  return { ...file, asked: { ...file.asked, fingerprint } };
}

test('each wrong return is refused in plain words and the assessment stays as it was', async () => {
  const { page } = coordinator;
  await page.locator('#nav-team').click();
  await page.locator('#merge-files').waitFor();
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  const dana = JSON.parse(readFileSync(files.danaBack, 'utf8'));
  const write = (name, value) => {
    const path = join(DIR, name);
    writeFileSync(path, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
    return path;
  };
  const tampered = structuredClone(dana);
  tampered.answers['1.M.B'].choice = 'not_in_place';
  const widened = structuredClone(dana);
  widened.answers['4.M.C'] = { choice: 'in_place', note: '', since: null, by: 'Dana', at: dana.asked.answered };
  const elsewhere = structuredClone(dana);
  elsewhere.created = '2020-01-01T00:00:00.000Z';
  const pack = structuredClone(dana);
  pack.content.id = 'another-pack';
  const cases = [
    [files.danaBack, 'Dana\'s answers of'],
    [files.dana, 'It is the file prepared for Dana, not yet answered.'],
    [write('tampered.json', tampered), 'Its fingerprint does not match what it says: it was changed after Dana answered it.'],
    [write('widened.json', resealed(widened)), 'Dana answered questions they were not given (4.M.C).'],
    [write('elsewhere.json', resealed(elsewhere)), 'It answers another assessment (Lakeside Clinic).'],
    [write('pack.json', pack), 'another question set'],
  ];
  for (const [file, words] of cases) {
    await page.locator('#merge-files').setInputFiles(file);
    const line = page.locator('#merge-said li.problem');
    await line.waitFor();
    const text = await line.innerText();
    assert.ok(text.includes(words), `${file}: ${text}`);
    assert.match(text, /was not merged\. .* Your assessment has not changed\.$/);
    assert.equal(await page.locator('#merge-confirm').count(), 0);
    await page.click('#merge-cancel');
    await line.waitFor({ state: 'detached' });
  }
  assert.equal(await page.evaluate(() => JSON.stringify({ ...localStorage })), before, 'nothing was saved');

  // A response older than the coordinator's own later change is merged only as chosen.
  const again = structuredClone(dana);
  again.asked.answered = '2020-06-01T00:00:00.000Z';
  again.answers['1.M.B'] = { ...again.answers['1.M.B'], choice: 'not_in_place', at: '2020-06-01T00:00:00.000Z' };
  await page.locator('#merge-files').setInputFiles(write('older.json', resealed(again)));
  const said = page.locator('#merge-said li');
  await said.waitFor();
  assert.match(await said.innerText(), /It is older than the answers you now have for 1\.M\.B\.$/);
  await page.click('#pick-1-M-B-mine');
  await page.click('#merge-confirm');
  await page.locator('#merge-outcome', { hasText: '0 answers taken, 1 not taken' }).waitFor();
});

test('a response with an evidence file comes back as a package, and the file is the coordinator\'s after the merge', async () => {
  const { page } = coordinator;
  const policy = join(DIR, 'phishing drill report.pdf');
  const bytes = Buffer.from(`%PDF-1.4 drill report ${Date.now()}`);
  writeFileSync(policy, bytes);
  const r = await browser();
  let back;
  try {
    await r.page.goto(server.url);
    await r.page.locator('#file-input').setInputFiles(files.dana);
    await r.page.click('#import-as-new');
    await r.page.locator('#respond-from').waitFor();
    await choose(r.page, '1.M.C', 'in_place');
    await r.page.locator('#ev-1-M-C summary').click();
    await r.page.selectOption('#ev-kind-1-M-C', 'file');
    await r.page.fill('#ev-title-1-M-C', 'Phishing drill report');
    await r.page.fill('#ev-as-of-1-M-C', '2026-10-01');
    await r.page.locator('#ev-file-1-M-C').setInputFiles(policy);
    await r.page.click('#ev-add-1-M-C');
    await r.page.locator('#ev-msg-1-M-C', { hasText: 'Added' }).waitFor();
    assert.equal(await r.page.locator('#respond-download').innerText(), 'Download the answered file with its evidence files');
    back = await downloaded(r.page, () => r.page.click('#respond-download'), 'from-Dana-with-files.zip');
  } finally {
    await r.close();
  }
  await page.locator('#nav-team').click();
  await page.locator('#merge-files').setInputFiles(back);
  await page.locator('#merge-said li', { hasText: '1 new evidence items' }).waitFor();
  await page.click('#merge-confirm');
  await page.locator('#merge-outcome li', { hasText: '1 evidence items added' }).waitFor();
  await page.locator('#nav-answer').click();
  const card = page.locator('#ev-1-M-C');
  if (!(await card.evaluate((d) => d.open))) await card.locator('summary').click();
  const open = page.locator('#ev-1-M-C button[id^="ev-open-"]');
  const copy = await downloaded(page, () => open.click(), 'drill-copy.pdf');
  assert.ok(readFileSync(copy).equals(bytes), 'the very bytes the respondent attached');
  assert.match(await page.locator('#given-1-M-C').innerText(), /^Answered by Dana on /);
});
