// The newsfields page: a search (the query, facet filters, a date range)
// sent to /api/search as one query, and over it an article's view or a
// person's page; everything drawn with DOM nodes and text only, so nothing
// from the index is ever read as HTML.  The state lives in the address bar
// (state.js): each search is a history entry.
import { $, el, str, list, names, unique, labelOf, getJson } from './dom.js';
import { state, info, actions, saveState, loadState } from './state.js';
import { combinedQuery, toggleFilter } from './query.js';
import { drawFacets } from './facets.js';
import { drawHistogram, initDates, byDay } from './histogram.js';
import { loadDoc } from './docview.js';
import { loadPerson } from './entity.js';
import { initExport, updateExport } from './exporter.js';

const PAGE_SIZE = 20;
const FACET_VALUES = 12;
let serial = 0; // answers to older requests are dropped

// ---- hits -----------------------------------------------------------------

// The snippet as the API cuts it at the matched words: [{text, mark}].
function snippetNode(segments) {
  const p = el('p', { class: 'snippet' });
  for (const s of list(segments)) {
    if (!s || typeof s.text !== 'string') continue;
    p.append(s.mark ? el('mark', {}, s.text) : s.text);
  }
  return p;
}

function personLinks(people) {
  const out = [];
  people.forEach(([name, shown], i) => {
    if (i) out.push(', ');
    out.push(el('button', { type: 'button', class: 'person-link', 'data-person': name,
      onclick: () => actions.openPerson(name, name) }, shown));
  });
  return out;
}

function docLink(id, text) {
  return el('a', { href: `?doc=${encodeURIComponent(id)}`, class: 'open-doc',
    onclick: (ev) => { ev.preventDefault(); actions.openDoc(id); } }, text);
}

async function expandSimilar(h, box, button) {
  button.disabled = true;
  const p = new URLSearchParams({ q: `${info.collapse}:"${h.similar.key}"`, limit: '50',
    facets: '', collapse: 'no', sort: 'date' });
  try {
    const r = await getJson(`/api/search?${p}`);
    box.replaceChildren(...r.hits.filter((x) => x.id !== h.id).map((x) => el('li', { 'data-id': x.id },
      docLink(x.id, str(x.headline) || x.id), ` ${str(x.date)}`)));
  } catch (e) {
    box.replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

function hitNode(h) {
  const f = h.fields || {};
  const dateline = f.dateline && typeof f.dateline === 'object'
    ? str(f.dateline.place) || str(f.dateline.written) : str(f.dateline);
  const meta = el('div', { class: 'meta' });
  for (const part of [str(h.date), dateline, names(f.byline, 'name').join(', ')]) {
    if (part) meta.append(el('span', {}, part));
  }
  const officials = list(f.officials).filter((o) => o && typeof o === 'object' && str(o.person))
    .map((o) => [o.person, str(o.title) ? `${o.person} (${o.title})` : o.person]);
  const extracted = el('dl', { class: 'extracted' });
  const add = (what, nodes) => {
    if (nodes.length) extracted.append(el('dt', {}, what), el('dd', {}, ...nodes));
  };
  const seen = new Set();
  add('Officials:', personLinks(officials.filter(([n, s]) => !seen.has(s) && seen.add(s))));
  add('Speakers:', personLinks(unique(names(f.speakers, 'name')).map((n) => [n, n])));
  add('Countries:', [unique(names(f.countries, 'name')).join(', ')].filter((x) => x));
  const li = el('li', { class: 'hit', 'data-id': h.id },
    el('h3', {}, docLink(h.id, str(h.headline) || str(h.id))), meta, snippetNode(h.segments), extracted);
  if (h.similar && h.similar.count > 0 && info.collapse) {
    const box = el('ul', { class: 'similar-list' });
    const b = el('button', { type: 'button', class: 'similar', 'data-count': String(h.similar.count) },
      `${h.similar.count} similar`);
    b.addEventListener('click', () => expandSimilar(h, box, b));
    li.append(el('div', { class: 'similar-box' }, b, box));
  }
  return li;
}

// ---- the search view --------------------------------------------------------

function drawChips() {
  const box = $('filters');
  box.replaceChildren();
  for (const f of state.filters) {
    const chip = el('button', { type: 'button', class: `chip${f.not ? ' not' : ''}`,
      title: 'remove this filter' }, `${f.not ? 'NOT ' : ''}${labelOf(f.field)}: ${f.label}`);
    chip.addEventListener('click', () => {
      toggleFilter(f.field, f.value, f.label, f.not);
      state.offset = 0;
      search();
    });
    box.append(chip);
  }
  if (state.from || state.to) {
    const chip = el('button', { type: 'button', class: 'chip date', title: 'remove the date range' },
      `${labelOf(info.dateField)}: ${state.from || '\u2026'} \u2013 ${state.to || '\u2026'}`);
    chip.addEventListener('click', () => {
      state.from = '';
      state.to = '';
      state.offset = 0;
      search();
    });
    box.append(chip);
  }
}

function groupsOf(r) {
  return typeof r.groups === 'number' ? r.groups : r.total;
}

function draw(r) {
  const status = $('status');
  status.className = '';
  status.dataset.total = String(r.total);
  const shown = r.hits.length ? ` (${r.offset + 1}\u2013${r.offset + r.hits.length})` : '';
  const folded = groupsOf(r) < r.total ? `, ${r.total - groupsOf(r)} near duplicates folded` : '';
  status.textContent = `${r.total} ${r.total === 1 ? 'match' : 'matches'}${shown}${folded}`;
  drawFacets(r.facets);
  drawHistogram(r.histogram);
  $('hits').replaceChildren(...r.hits.map(hitNode));
  $('prev').disabled = state.offset === 0;
  $('next').disabled = state.offset + PAGE_SIZE >= groupsOf(r);
  const pages = Math.max(1, Math.ceil(groupsOf(r) / PAGE_SIZE));
  $('page').textContent = `page ${Math.floor(state.offset / PAGE_SIZE) + 1} of ${pages}`;
  $('pager').hidden = false;
}

// An error leaves nothing of the last answer on the page.
function showError(message) {
  const status = $('status');
  status.className = 'error';
  status.dataset.total = '';
  status.textContent = message;
  $('hits').replaceChildren();
  $('facets').replaceChildren();
  $('histogram').replaceChildren();
  $('page').textContent = '';
  $('pager').hidden = true;
}

async function runSearch() {
  const mine = ++serial;
  drawChips();
  updateExport();
  $('q').value = state.q;
  $('sort').value = state.sort;
  const params = new URLSearchParams({
    q: combinedQuery(), limit: String(PAGE_SIZE), offset: String(state.offset),
    sort: state.sort, facet_limit: String(FACET_VALUES),
  });
  if (byDay()) params.set('histogram', 'day');
  document.body.dataset.busy = 'true';
  try {
    const body = await getJson(`/api/search?${params}`);
    if (mine === serial) draw(body);
  } catch (e) {
    if (mine === serial) showError(e.message);
  } finally {
    if (mine === serial) document.body.dataset.busy = 'false';
  }
}

// ---- views and history --------------------------------------------------------

function showView(name) {
  for (const v of ['search-view', 'doc-view', 'person-view']) $(v).hidden = v !== name;
  document.body.dataset.view = name;
}

async function render() {
  if (state.doc) {
    showView('doc-view');
    await loadDoc(state.doc);
  } else if (state.person) {
    showView('person-view');
    await loadPerson(state.person);
  } else {
    showView('search-view');
    await runSearch();
  }
  document.body.dataset.view = state.doc ? 'doc-view' : state.person ? 'person-view' : 'search-view';
}

// A new search: a new history entry.
function search() {
  state.doc = '';
  state.person = null;
  saveState(true);
  return render();
}

actions.search = search;
actions.showError = showError;
actions.facetValues = () => FACET_VALUES;
actions.redrawFacets = () => drawFacets();
actions.openDoc = (id) => {
  state.doc = id;
  saveState(true);
  window.scrollTo(0, 0);
  return render();
};
actions.openPerson = (value, label) => {
  state.doc = '';
  state.person = { value, label };
  saveState(true);
  window.scrollTo(0, 0);
  return render();
};
actions.searchFor = (q) => {
  state.q = q;
  state.filters = [];
  state.from = '';
  state.to = '';
  state.offset = 0;
  return search();
};

// ---- the keyboard ---------------------------------------------------------------

function onKey(ev) {
  const t = ev.target;
  const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'
    || t.isContentEditable);
  if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    ev.preventDefault();
    $('q').focus();
    $('q').select();
  } else if (ev.key === 'Escape' && !typing && (state.doc || state.person)) {
    history.back();
  }
}

async function start() {
  try {
    const fieldsInfo = await getJson('/api/fields');
    for (const f of fieldsInfo.fields || []) info.fields[f.name] = f;
    info.dateField = fieldsInfo.date || null;
    info.collapse = fieldsInfo.collapse || null;
    info.documents = fieldsInfo.documents;
    const dl = $('fields');
    for (const f of fieldsInfo.fields || []) {
      if (f.kind === 'text' && f.name === 'text') continue;
      const example = f.kind === 'date' ? `${f.name}:2021-12-01..2021-12-31` : `${f.name}:`;
      dl.append(el('dt', {}, example), el('dd', {}, f.description || ''));
    }
    $('q').placeholder = `search ${fieldsInfo.documents} articles: speaker:Austin country:Lithuania`;
  } catch (e) {
    showError(`the server did not answer (${e.message})`);
    return;
  }
  loadState();
  initDates();
  initExport();
  $('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.q = $('q').value;
    state.sort = $('sort').value;
    state.offset = 0;
    search();
  });
  $('sort').addEventListener('change', () => {
    state.sort = $('sort').value;
    state.offset = 0;
    search();
  });
  $('prev').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    search();
  });
  $('next').addEventListener('click', () => {
    state.offset += PAGE_SIZE;
    search();
  });
  for (const id of ['doc-back', 'person-back']) $(id).addEventListener('click', () => history.back());
  window.addEventListener('popstate', () => {
    loadState();
    render();
  });
  document.addEventListener('keydown', onKey);
  // past the facets to the results, without touching the address
  $('skip').addEventListener('click', (ev) => {
    ev.preventDefault();
    $('results').focus();
  });
  saveState(false);
  render();
}

start();
