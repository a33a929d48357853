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
const servers = [];
let context = null;

// Indexes the inputs into a database of its own and serves it.
async function startServer(name, inputs) {
  const db = join(work, name);
  execFileSync(args.newsfields, ['index', '-q', '--schema', args.schema, '--db', db, ...inputs]);
  const server = spawn(args.newsfields, ['serve', '--schema', args.schema, '--db', db,
    '--port', '0', '--bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(server);
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
  const base = await startServer('db',
    [join(args.corpus, 'sample.jsonl'), join(args.fixtures, 'escaping.jsonl')]);
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

  const shoot = async (name, full = true) => {
    const path = join(args.out, `browser-${name}.png`);
    await page.screenshot({ path, fullPage: full });
    console.log(`screenshot: ${path}`);
  };

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
  const facetOnPage = (field) => page.$$eval(`#facets section[data-field="${field}"] button.value`,
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
  await page.click(`#facets section[data-field="speaker"] button.value[data-value="${speaker.value}"]`);
  await waitTotal(speaker.count, `speaker ${speaker.label}`);
  const bySpeaker = await api(`(Lithuania) speaker:"${speaker.value}"`);
  same(bySpeaker.total, speaker.count, 'the facet count is the filtered total');
  await sameFacets(bySpeaker, 'Lithuania + speaker');
  const pressed = await page.$eval(
    `#facets section[data-field="speaker"] button.value[data-value="${speaker.value}"]`,
    (b) => b.getAttribute('aria-pressed'));
  same(pressed, 'true', 'the clicked value shows as a filter');
  same(await page.$$eval('#filters .chip', (cs) => cs.length), 1, 'one filter chip');

  // A second filter, from another facet, combines with the first (AND).
  const years = bySpeaker.facets.year;
  const year = years.find((v) => v.count < bySpeaker.total) || years[0];
  await page.click(`#facets section[data-field="year"] button.value[data-value="${year.value}"]`);
  await waitTotal(year.count, `year ${year.value}`);
  const both = await api(`(Lithuania) speaker:"${speaker.value}" year:"${year.value}"`);
  same(both.total, year.count, 'two filters: the second facet count is the total');
  await sameFacets(both, 'two filters');
  same(await page.$$eval('#filters .chip', (cs) => cs.length), 2, 'two filter chips');

  // Clicking a value again removes its filter.
  await page.click(`#facets section[data-field="year"] button.value[data-value="${year.value}"]`);
  await waitTotal(speaker.count, 'year removed');
  await sameFacets(bySpeaker, 'year removed');
  await page.click(`#facets section[data-field="speaker"] button.value[data-value="${speaker.value}"]`);
  await waitTotal(lithuania.total, 'speaker removed');
  await sameFacets(lithuania, 'speaker removed');
  same(await page.$$eval('#filters .chip', (cs) => cs.length), 0, 'no filter chips');

  // Two values of a field an article has several of (countries) are both
  // required, as the typed query country:A country:B requires them.
  const c1 = lithuania.facets.country.find((v) => v.value !== 'lt');
  await page.click(`#facets section[data-field="country"] button.value[data-value="${c1.value}"]`);
  await waitTotal(c1.count, `country ${c1.label}`);
  const byC1 = await api(`(Lithuania) country:"${c1.value}"`);
  const c2 = byC1.facets.country.find((v) => v.value !== 'lt' && v.value !== c1.value);
  await page.click(`#facets section[data-field="country"] button.value[data-value="${c2.value}"]`);
  await waitTotal(c2.count, `countries ${c1.label} and ${c2.label}: both (AND)`);
  const typed = await api(`Lithuania country:${c1.value} country:${c2.value}`);
  same(typed.total, c2.count, 'two country chips find what the typed query finds');
  await page.click('#filters .chip');
  const byC2 = await api(`(Lithuania) country:"${c2.value}"`);
  await waitTotal(byC2.total, 'first country removed');
  await page.click('#filters .chip');
  await waitTotal(lithuania.total, 'countries removed');

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

  // ---- 3. dates: a bar (a month) chosen by clicking it, drawn by day then;
  // a range typed in from/to; a drag across bars; labels under their bars.
  await page.fill('#q', 'Lithuania');
  await page.press('#q', 'Enter');
  await waitTotal(lithuania.total, 'Lithuania for dates');
  const month = lithuania.histogram[lithuania.histogram.length - 1];
  await page.click(`#histogram button[data-month="${month.month}"]`);
  await waitTotal(month.count, `month ${month.month}`);
  const byMonth = await api(`(Lithuania) date:${month.month}`);
  same(byMonth.total, month.count, 'the month count is the filtered total');
  await page.waitForSelector('#histogram[data-unit="day"]', { timeout: WAIT_MS });
  same(await page.$eval('#from', (i) => i.value), `${month.month}-01`, 'the range starts with the month');
  const dayBars = await page.$$eval('#histogram button:not(.empty)', (bs) => bs.map((b) => b.dataset.day));
  const byDayApi = await api(`(Lithuania) date:${month.month}`, { histogram: 'day' });
  same(dayBars, byDayApi.histogram.map((h) => h.day), 'a short range is drawn by day');
  await page.click('#filters .chip.date');
  await waitTotal(lithuania.total, 'date range removed');
  // from and to, typed
  await page.fill('#q', '');
  await page.press('#q', 'Enter');
  await waitTotal(all.total, 'everything again');
  await page.fill('#from', '2021-06-01');
  await page.fill('#to', '2022-06-30');
  await page.$eval('#to', (i) => i.dispatchEvent(new Event('change')));
  const ranged = await api('date:2021-06-01..2022-06-30');
  await waitTotal(ranged.total, 'a typed date range');
  check(ranged.total > 0 && ranged.total < all.total, 'the range narrows');
  // labels sit under their own bars
  const ticks = await page.$$eval('#histogram .col', (cols) => cols.map((c) => {
    const bar = c.querySelector('button').getBoundingClientRect();
    const tick = c.querySelector('.tick');
    const t = tick.getBoundingClientRect();
    return { text: tick.textContent, bar: [bar.left, bar.right], mid: (t.left + t.right) / 2 };
  }).filter((x) => x.text));
  check(ticks.length >= 2, `axis labels drawn: ${ticks.length}`);
  for (const t of ticks) {
    check(t.mid >= t.bar[0] - 0.5 && t.mid <= t.bar[1] + 0.5, `label ${t.text} under its bar`);
  }
  // a drag from the first bar with matches to the last
  const bars = await page.$$('#histogram button:not(.empty)');
  const firstKey = await bars[0].evaluate((b) => b.dataset.key);
  const lastKey = await bars[bars.length - 1].evaluate((b) => b.dataset.key);
  const b0 = await bars[0].boundingBox();
  const b1 = await bars[bars.length - 1].boundingBox();
  await page.mouse.move(b0.x + b0.width / 2, b0.y + b0.height - 2);
  await page.mouse.down();
  await page.mouse.move(b1.x + b1.width / 2, b1.y + b1.height - 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((k) => document.getElementById('from').value.startsWith(k)
    && document.body.dataset.busy === 'false', firstKey.slice(0, 7), { timeout: WAIT_MS });
  const from = await page.$eval('#from', (i) => i.value);
  const to = await page.$eval('#to', (i) => i.value);
  check(from.startsWith(firstKey.slice(0, 7)) && to.startsWith(lastKey.slice(0, 7)),
    `the drag chose ${from}..${to} over ${firstKey}..${lastKey}`);
  const dragged = await api(`date:${from}..${to}`);
  await waitTotal(dragged.total, 'a dragged range');
  await shoot('dates', false);
  await page.click('#clear-dates');
  await waitTotal(all.total, 'all dates');

  // ---- 2. facets: more and a filter box, NOT, any/all, fold and move.
  check(all.facets.country.length === 12, 'the country facet is cut at 12');
  await page.click('#facets section[data-field="country"] button.more');
  const allCountries = (await api('', { facets: 'country', facet_limit: '100', limit: '0' })).facets.country;
  check(allCountries.length > 12, 'more countries than 12');
  await page.waitForFunction((n) => document.querySelectorAll(
    '#facets section[data-field="country"] li button.value').length === n, allCountries.length,
  { timeout: WAIT_MS });
  same(await facetOnPage('country'), allCountries, 'more shows every country');
  await page.fill('#facets section[data-field="country"] input.find', 'lat');
  const visible = await page.$$eval('#facets section[data-field="country"] li:not([hidden]) .label',
    (ls) => ls.map((l) => l.textContent));
  check(visible.length > 0 && visible.every((l) => /lat/i.test(l)), `the box filters: ${visible}`);
  // exclude a value
  await page.fill('#q', 'Lithuania');
  await page.press('#q', 'Enter');
  await waitTotal(lithuania.total, 'Lithuania for NOT');
  await page.click('#facets section[data-field="country"] button.exclude[data-value="ru"]');
  const notRu = await api('(Lithuania) NOT country:"ru"');
  await waitTotal(notRu.total, 'NOT Russia');
  check(notRu.total < lithuania.total, 'NOT narrows');
  same(await facetOnPage('speaker'), notRu.facets.speaker, 'NOT Russia: counts follow the filter');
  same(await page.$eval('#filters .chip', (c) => c.textContent), 'NOT Country: Russia', 'a NOT chip');
  await page.click('#filters .chip');
  await waitTotal(lithuania.total, 'NOT removed');
  // two values of a field, all of them then any of them
  await page.click('#facets section[data-field="country"] button.value[data-value="ru"]');
  await waitTotal(lithuania.facets.country.find((v) => v.value === 'ru').count, 'Russia');
  await page.click('#facets section[data-field="country"] button.value[data-value="by"]');
  const andBy = await api('(Lithuania) country:"ru" country:"by"');
  await waitTotal(andBy.total, 'Russia and Belarus');
  await page.click('#facets section[data-field="country"] button.or-toggle');
  const orBy = await api('(Lithuania) (country:"ru" OR country:"by")');
  await waitTotal(orBy.total, 'Russia or Belarus');
  check(orBy.total > andBy.total, 'any finds more than all');
  same(await facetOnPage('speaker'), orBy.facets.speaker, 'any of two countries: counts follow');
  await shoot('facets', false);
  await page.click('#filters .chip');
  await page.click('#filters .chip');
  await waitTotal(lithuania.total, 'countries removed again');
  // fold a section, move one down and back
  await page.click('#facets section[data-field="byline"] button.fold');
  await page.waitForSelector('#facets section[data-field="byline"].folded', { timeout: WAIT_MS });
  same(await page.$$eval('#facets section[data-field="byline"] li', (l) => l.length), 0, 'folded');
  await page.click('#facets section[data-field="byline"] button.fold');
  const order0 = await facetsOnPage();
  await page.click(`#facets section[data-field="${order0[0]}"] button.down`);
  const order1 = await facetsOnPage();
  same(order1.slice(0, 2), [order0[1], order0[0]], 'a section moved down');
  await page.click(`#facets section[data-field="${order0[0]}"] button.up`);
  same(await facetsOnPage(), order0, 'and back up');

  // ---- 1. the document view
  await page.click('#hits li[data-id="nf-sample-016"] h3 a');
  await page.waitForSelector('#doc-text', { timeout: WAIT_MS });
  const doc = await (await fetch(`${base}/api/doc/nf-sample-016`)).json();
  same(await page.$eval('#doc-text', (d) => d.textContent), doc.text, 'the whole text is shown');
  const kinds = await page.$$eval('#doc-text span', (ss) => ss.map((s) => [s.dataset.kinds, s.textContent]));
  const textsOf = (k) => kinds.filter(([ks]) => ks.split(' ').includes(k)).map(([, t]) => t);
  check(textsOf('country').includes('Lithuania'), 'countries highlighted');
  check(textsOf('person').includes('Lloyd J. Austin III'), `people highlighted: ${textsOf('person')}`);
  check(textsOf('title').some((t) => /Secretary of Defense/.test(t)), `titles highlighted: ${textsOf('title')}`);
  check(textsOf('dateline').join('').startsWith('VILNIUS'), 'the dateline highlighted');
  check(textsOf('quote').length > 0 && textsOf('speaker').length > 0, 'quotes and speakers');
  check(textsOf('byline').length > 0, 'the byline highlighted');
  same(await page.$$eval('#doc-quotes li', (ls) => ls.length), doc.record.quotes.length, 'every quote listed');
  const q0 = await page.$eval('#doc-quotes li', (l) => l.textContent);
  const rq = doc.record.quotes[0];
  check(q0.includes(rq.content) && q0.includes(`(${rq.cue})`), `a quote with its cue: ${q0}`);
  same(await page.$eval('#doc-url', (a) => a.href), doc.record.url, 'a link to the url');
  await shoot('document');
  // ---- 4. Back and Forward
  await page.goBack();
  await waitTotal(lithuania.total, 'Back: the search again');
  same(await page.$eval('#doc-view', (d) => d.hidden), true, 'the document is closed');
  await page.goForward();
  await page.waitForSelector('#doc-text', { timeout: WAIT_MS });
  await page.goBack();
  await waitTotal(lithuania.total, 'Back again');
  await page.fill('#q', 'Russia');
  await page.press('#q', 'Enter');
  const russia = await api('Russia');
  await waitTotal(russia.total, 'Russia');
  await page.goBack();
  await waitTotal(lithuania.total, 'Back to Lithuania');
  same(await page.$eval('#q', (i) => i.value), 'Lithuania', 'the box follows the history');
  await page.goForward();
  await waitTotal(russia.total, 'Forward to Russia');

  // ---- 8. a person's page
  await page.fill('#q', 'Lithuania');
  await page.press('#q', 'Enter');
  await waitTotal(lithuania.total, 'Lithuania for a person');
  await page.click('#hits li[data-id="nf-sample-016"] .person-link[data-person="Gabrielius Landsbergis"]');
  await page.waitForSelector('#person-name', { timeout: WAIT_MS });
  const pq = 'speaker:"Gabrielius Landsbergis" OR official:"Gabrielius Landsbergis"';
  const person = await api(pq, { limit: '100', sort: 'date', facets: 'country,speaker,official,title', facet_limit: '12' });
  same(await page.$eval('#person-total', (p) => Number(p.dataset.total)), person.total, 'the articles on the person');
  check(person.total > 1, 'the person is in several articles');
  const titlesShown = await page.$eval('#person-titles', (l) => l.textContent);
  check(/foreign minister/.test(titlesShown), `titles held: ${titlesShown}`);
  same(await page.$$eval('#person-countries li', (ls) => ls.map((l) => l.dataset.value)),
    person.facets.country.slice(0, 10).map((v) => v.value), 'countries over the whole set');
  const withPeople = await page.$$eval('#person-people li', (ls) => ls.map((l) => l.textContent));
  check(withPeople.length > 0 && withPeople.every((t) => !t.includes('Landsbergis')),
    `people with him, not him: ${withPeople}`);
  const quoteDates = await page.$$eval('#person-quotes li', (ls) => ls.map((l) => l.dataset.date));
  check(quoteDates.length > 1, 'quotes listed');
  same(quoteDates, [...quoteDates].sort().reverse(), 'quotes by date, newest first');
  await shoot('person');
  await page.goBack();
  await waitTotal(lithuania.total, 'Back from the person');

  // ---- 5. export: every match, the chosen columns
  await page.fill('#q', '');
  await page.press('#q', 'Enter');
  await waitTotal(all.total, 'everything for export');
  await page.click('#export summary');
  await page.uncheck('#export-columns input[value="byline"]');
  const csvHref = await page.$eval('#export-csv', (a) => a.href);
  const jsonlHref = await page.$eval('#export-jsonl', (a) => a.href);
  check(!csvHref.includes('byline'), 'an unchecked column is left out');
  const csv = await (await fetch(csvHref)).text();
  same(csv.split('\r\n')[0], 'id,date,headline,url,dateline,countries,officials,speakers', 'the CSV header');
  const jsonl = (await (await fetch(jsonlHref)).text()).split('\n').filter((l) => l).map((l) => JSON.parse(l));
  same(jsonl.length, all.total, 'JSON Lines: every match, not one page');
  const everything = await api('', { limit: '100' });
  same(jsonl.map((o) => o.id), everything.hits.map((h) => h.id), 'in the order of the search');
  same(Object.keys(jsonl[0]), ['id', 'date', 'headline', 'url', 'dateline', 'countries', 'officials', 'speakers'], 'the chosen columns');
  await shoot('export', false);

  // ---- 4. an error clears what the last answer showed
  await page.fill('#q', 'country:Atlantis');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.getElementById('status').className === 'error',
    null, { timeout: WAIT_MS });
  same(await page.$eval('#status', (s) => s.textContent),
    'country:Atlantis is not a country I know', 'a query error is shown');
  same(await page.$$eval('#hits li, #facets section, #histogram .col', (l) => l.length), 0,
    'no stale hits, facets or histogram');
  same(await page.$eval('#page', (p) => p.textContent), '', 'no stale page count');

  // ---- 7. the keyboard and a small screen
  await page.fill('#q', 'Lithuania');
  await page.press('#q', 'Enter');
  await waitTotal(lithuania.total, 'Lithuania for the keyboard');
  await page.click('#status');
  await page.keyboard.press('/');
  same(await page.evaluate(() => document.activeElement.id), 'q', '/ goes to the query box');
  await page.$eval('#skip', (a) => a.focus());
  await page.keyboard.press('Enter');
  same(await page.evaluate(() => document.activeElement.id), 'results', 'the skip link passes the facets');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await waitTotal(lithuania.total, 'Lithuania at 390 px');
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth,
    q: document.getElementById('q').getBoundingClientRect().width }));
  check(widths.doc <= 390, `nothing wider than the screen: ${widths.doc}`);
  check(widths.q >= 250, `the query box is usable: ${widths.q}`);
  await shoot('small', false);
  await page.setViewportSize({ width: 1280, height: 1000 });

  // ---- 6. near-duplicates: a story, its update and its correction are one
  // hit with "2 similar"; clicking it lists the other two (a server of its
  // own, over tests/fixtures/duplicates).
  const wire = await startServer('wire', [join(args.fixtures, 'duplicates', 'port-strike.jsonl')]);
  const wireApi = async (q, extra = {}) => {
    const r = await fetch(`${wire}/api/search?${new URLSearchParams({ q, ...extra })}`);
    check(r.ok, `API ${q}: ${r.status}`);
    return r.json();
  };
  const strike = await wireApi('strike');
  same([strike.total, strike.groups], [5, 3], 'the API: 5 articles, 3 hits');
  const fields = await (await fetch(`${wire}/api/fields`)).json();
  same(fields.collapse, 'similar', 'the API names the collapse field');
  await page.goto(`${wire}/?q=strike`);
  await waitTotal(5, 'strike over the wire stories');
  same(await page.$$eval('#hits li.hit', (ls) => ls.map((l) => l.dataset.id)),
    strike.hits.map((h) => h.id), 'the page shows the API\'s hits');
  same(await page.$$eval('#hits li.hit', (ls) => ls.length), 3, 'three hits');
  check(/2 near duplicates folded/.test(await page.$eval('#status', (s) => s.textContent)),
    'the status says what was folded');
  const group = strike.hits.find((h) => h.similar && h.similar.count === 2);
  check(group, 'one hit stands for two more');
  const button = `#hits li.hit[data-id="${group.id}"] button.similar`;
  same(await page.$eval(button, (b) => b.textContent), '2 similar', 'the button');
  same(await page.$$eval('#hits button.similar', (bs) => bs.length), 1, 'only that hit has one');
  await page.click(button);
  await page.waitForFunction((id) => document.querySelectorAll(
    `#hits li.hit[data-id="${id}"] .similar-list li`).length === 2, group.id, { timeout: WAIT_MS });
  const listed = await page.$$eval(`#hits li.hit[data-id="${group.id}"] .similar-list li`,
    (ls) => ls.map((l) => l.dataset.id).sort());
  const groupIds = (await wireApi(`similar:"${group.similar.key}"`, { collapse: 'no' })).hits
    .map((h) => h.id);
  same(listed, groupIds.filter((id) => id !== group.id).sort(), 'the other two of the group');
  same(groupIds.sort(), ['wire-001', 'wire-002', 'wire-003'], 'the group is the three copies');
  await shoot('duplicates');

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
  for (const server of servers) {
    if (server.exitCode !== null) continue;
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
