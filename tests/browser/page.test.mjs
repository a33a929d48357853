// The search page of `newsfields serve` in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core, which downloads no browser):
// type a query, click facet values and a month, check that the hits and
// counts change exactly as the JSON API says they should, click them again
// to remove the filters, check that markup in the data stays text, and save
// a screenshot.  Run by CTest:
//
//   node page.test.mjs --newsfields BIN --schema FILE --fixtures DIR --corpus DIR --out DIR
//
// Exit status 0: passed; 1: failed; 77: skipped (no playwright-core or no
// Chromium), which fails instead when NF_REQUIRE_BROWSER=1 (as in CI).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

const CHROMIUM = '/usr/bin/chromium';
const WAIT_MS = 30000;

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
for (const need of ['newsfields', 'schema', 'fixtures', 'corpus', 'out']) {
  if (!args[need]) {
    console.error(`page.test.mjs: --${need} is missing`);
    process.exit(2);
  }
}

function skip(why) {
  if (process.env.NF_REQUIRE_BROWSER === '1') {
    console.error(`FAIL: ${why} (NF_REQUIRE_BROWSER=1)`);
    process.exit(1);
  }
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

let chromium;
try {
  const require = createRequire(import.meta.url);
  ({ chromium } = require('playwright-core'));
} catch (e) {
  skip('playwright-core is not installed (npm ci in tests/browser)');
}
if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} is not installed (apt-get install chromium)`);

let checks = 0;
function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
  checks++;
}
function same(got, want, what) {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  check(g === w, `${what}: got ${g}, want ${w}`);
}

const work = mkdtempSync(join(tmpdir(), 'newsfields-browser-'));
const db = join(work, 'db');
let server = null;
let context = null;

async function startServer() {
  execFileSync(args.newsfields, ['index', '-q', '--schema', args.schema, '--db', db,
    join(args.corpus, 'sample.jsonl'), join(args.fixtures, 'escaping.jsonl')]);
  server = spawn(args.newsfields, ['serve', '--schema', args.schema, '--db', db,
    '--port', '0', '--bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The first line names the address; the stream is read on (and dropped),
  // so that the server never writes into a closed pipe.
  const out = await new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve(text), WAIT_MS);
    server.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    server.on('exit', () => resolve(text));
  });
  const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
  if (!m) throw new Error(`the server did not start: ${out}`);
  return `http://127.0.0.1:${m[1]}`;
}

async function main() {
  const base = await startServer();
  const api = async (q, extra = {}) => {
    const p = new URLSearchParams({ q, limit: '20', facet_limit: '12', ...extra });
    const r = await fetch(`${base}/api/search?${p}`);
    check(r.ok, `API ${q}: ${r.status}`);
    return r.json();
  };

  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The one refused request is the bad query below, on purpose.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 400 (Bad Request)')) {
      problems.push(`console: ${m.text()}`);
    }
  });

  // What the page shows, read from the DOM.
  const total = () => page.$eval('#status', (s) => s.dataset.total);
  const waitTotal = async (want, what) => {
    await page.waitForFunction(
      (w) => document.body.dataset.busy === 'false'
        && document.getElementById('status').dataset.total === String(w),
      want, { timeout: WAIT_MS },
    ).catch(async () => {
      throw new Error(`${what}: the page shows ${await total()} matches, want ${want}`);
    });
    checks++;
  };
  const facetOnPage = (field) => page.$$eval(`#facets section[data-field="${field}"] button`,
    (bs) => bs.map((b) => ({ value: b.dataset.value,
      label: b.querySelector('.label').textContent,
      count: Number(b.querySelector('.count').textContent) })));
  const facetsOnPage = () => page.$$eval('#facets section', (ss) => ss.map((s) => s.dataset.field));
  const sameFacets = async (r, what) => {
    same(await facetsOnPage(), Object.keys(r.facets), `${what}: facet fields`);
    for (const [field, values] of Object.entries(r.facets)) {
      same(await facetOnPage(field), values, `${what}: facet ${field}`);
    }
    const ids = await page.$$eval('#hits li.hit', (ls) => ls.map((l) => l.dataset.id));
    same(ids, r.hits.map((h) => h.id), `${what}: hits`);
    const bars = await page.$$eval('#histogram button:not(.empty)',
      (bs) => bs.map((b) => b.dataset.month));
    same(bars, r.histogram.map((h) => h.month), `${what}: months with matches`);
  };

  // Everything, then a typed query.
  await page.goto(base);
  const all = await api('');
  await waitTotal(all.total, 'empty query');
  check(all.total === 37, `37 articles indexed, not ${all.total}`);
  await sameFacets(all, 'empty query');

  await page.fill('#q', 'Lithuania');
  await page.press('#q', 'Enter');
  const lithuania = await api('Lithuania');
  await waitTotal(lithuania.total, 'Lithuania');
  check(lithuania.total > 1 && lithuania.total < all.total, 'Lithuania narrows the set');
  await sameFacets(lithuania, 'Lithuania');
  const marks = await page.$$eval('#hits mark', (ms) => ms.map((m) => m.textContent));
  check(marks.length > 0 && marks.every((m) => /lithuania/i.test(m)),
    `snippets mark the matched word: ${JSON.stringify(marks)}`);

  // Click a speaker: the total becomes exactly that speaker's count.
  const speakers = lithuania.facets.speaker;
  const speaker = speakers.find((v) => v.count < lithuania.total) || speakers[0];
  check(speaker !== undefined, 'Lithuania has speakers');
  await page.click(`#facets section[data-field="speaker"] button[data-value="${speaker.value}"]`);
  await waitTotal(speaker.count, `speaker ${speaker.label}`);
  const bySpeaker = await api(`(Lithuania) speaker:"${speaker.value}"`);
  same(bySpeaker.total, speaker.count, 'the facet count is the filtered total');
  await sameFacets(bySpeaker, 'Lithuania + speaker');
  const pressed = await page.$eval(
    `#facets section[data-field="speaker"] button[data-value="${speaker.value}"]`,
    (b) => b.getAttribute('aria-pressed'));
  same(pressed, 'true', 'the clicked value shows as a filter');
  same(await page.$$eval('#filters .chip', (cs) => cs.length), 1, 'one filter chip');

  // A second filter, from another facet, combines with the first (AND).
  const years = bySpeaker.facets.year;
  const year = years.find((v) => v.count < bySpeaker.total) || years[0];
  await page.click(`#facets section[data-field="year"] button[data-value="${year.value}"]`);
  await waitTotal(year.count, `year ${year.value}`);
  const both = await api(`(Lithuania) speaker:"${speaker.value}" year:"${year.value}"`);
  same(both.total, year.count, 'two filters: the second facet count is the total');
  await sameFacets(both, 'two filters');
  same(await page.$$eval('#filters .chip', (cs) => cs.length), 2, 'two filter chips');

  // Clicking a value again removes its filter.
  await page.click(`#facets section[data-field="year"] button[data-value="${year.value}"]`);
  await waitTotal(speaker.count, 'year removed');
  await sameFacets(bySpeaker, 'year removed');
  await page.click(`#facets section[data-field="speaker"] button[data-value="${speaker.value}"]`);
  await waitTotal(lithuania.total, 'speaker removed');
  await sameFacets(lithuania, 'speaker removed');
  same(await page.$$eval('#filters .chip', (cs) => cs.length), 0, 'no filter chips');

  // Two values of a field an article has several of (countries) are both
  // required, as the typed query country:A country:B requires them.
  const c1 = lithuania.facets.country.find((v) => v.value !== 'lt');
  await page.click(`#facets section[data-field="country"] button[data-value="${c1.value}"]`);
  await waitTotal(c1.count, `country ${c1.label}`);
  const byC1 = await api(`(Lithuania) country:"${c1.value}"`);
  const c2 = byC1.facets.country.find((v) => v.value !== 'lt' && v.value !== c1.value);
  await page.click(`#facets section[data-field="country"] button[data-value="${c2.value}"]`);
  await waitTotal(c2.count, `countries ${c1.label} and ${c2.label}: both (AND)`);
  const typed = await api(`Lithuania country:${c1.value} country:${c2.value}`);
  same(typed.total, c2.count, 'two country chips find what the typed query finds');
  await page.click('#filters .chip');
  const byC2 = await api(`(Lithuania) country:"${c2.value}"`);
  await waitTotal(byC2.total, 'first country removed');
  await page.click('#filters .chip');
  await waitTotal(lithuania.total, 'countries removed');

  // A month of the histogram filters by month, and again removes it.
  const month = lithuania.histogram[lithuania.histogram.length - 1];
  await page.click(`#histogram button[data-month="${month.month}"]`);
  await waitTotal(month.count, `month ${month.month}`);
  const byMonth = await api(`(Lithuania) date:${month.month}`);
  same(byMonth.total, month.count, 'the month count is the filtered total');
  await page.click(`#histogram button[data-month="${month.month}"]`);
  await waitTotal(lithuania.total, 'month removed');

  // Markup in the data is shown as text, never run or rendered.
  await page.fill('#q', 'storm');
  await page.press('#q', 'Enter');
  const storm = await api('storm');
  await waitTotal(storm.total, 'storm');
  const xss = await page.$eval('#hits li[data-id="fx-xss"]', (li) => ({
    headline: li.querySelector('h3').textContent,
    meta: li.querySelector('.meta').textContent,
    snippet: li.querySelector('.snippet').textContent,
    elements: li.querySelectorAll('script, img, b, i').length,
  }));
  same(xss.headline, '<script>alert("headline")</script> Storm & <b>floods</b>',
    'the headline is shown as text');
  check(xss.meta.includes('<img src=x onerror=alert(1)>'), `the byline is text: ${xss.meta}`);
  check(xss.snippet.includes("<script>alert('text')</script>"), 'the snippet is text');
  same(xss.elements, 0, 'no element made from the data');
  const labels = (await facetOnPage('byline')).map((v) => v.label);
  check(labels.includes('<img src=x onerror=alert(1)>'), 'the facet label is text');
  same(await page.$$eval('body script, body img', (es) => es.length), 0,
    'no script or image in the page body');

  // A bad query shows the server's message.
  await page.fill('#q', 'country:Atlantis');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.getElementById('status').className === 'error',
    null, { timeout: WAIT_MS });
  same(await page.$eval('#status', (s) => s.textContent),
    'country:Atlantis is not a country I know', 'a query error is shown');

  // The screenshot: a query, a filter, facets, histogram and hits.
  await page.fill('#q', 'Lithuania');
  await page.press('#q', 'Enter');
  await waitTotal(lithuania.total, 'Lithuania again');
  await page.click(`#facets section[data-field="speaker"] button[data-value="${speaker.value}"]`);
  await waitTotal(speaker.count, 'speaker again');
  const shot = join(args.out, 'browser-page.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  check(problems.length === 0, `no dialog, page error or console error: ${problems.join('; ')}`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`FAIL: ${e.message}`);
} finally {
  if (context) await context.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    if (code !== 0 && !failed) {
      failed = true;
      console.error(`FAIL: the server exited with ${code} on SIGTERM`);
    }
  }
  rmSync(work, { recursive: true, force: true });
}
console.log(`browser page: ${checks} checks`);
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
process.exit(failed ? 1 : 0);
