// The newsfields page: a query, facet filters and a month filter, combined
// into one query for /api/search; results drawn with DOM nodes and
// textContent only, so nothing from the index is ever read as HTML.
'use strict';

const PAGE_SIZE = 20;
const FACET_VALUES = 12;
const MAX_GAP_MONTHS = 240; // a longer span draws only the months with matches

const state = { q: '', filters: [], sort: 'relevance', offset: 0 };
let fields = {}; // name -> field from /api/fields
let dateField = null;
let serial = 0; // answers to older requests are dropped

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-')) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

function labelOf(name) {
  const f = fields[name];
  const l = f && f.label ? f.label : name;
  return l.charAt(0).toUpperCase() + l.slice(1);
}

// ---- the query sent: the typed query filtered by every chip ---------------
// The chips are joined as a typed query joins filters (no AND between them),
// so that both combine alike: two values of a field an article has several
// of (countries, speakers) must both be there, two of a field it has one of
// (dateline, month) are either.

function filterQuery(f) {
  // Facet values are folded keys (no quotes in them); months need no quotes.
  return f.field === dateField ? `${f.field}:${f.value}` : `${f.field}:"${f.value}"`;
}

function combinedQuery() {
  const parts = [];
  if (state.q.trim()) parts.push(state.filters.length ? `(${state.q})` : state.q);
  for (const f of state.filters) parts.push(filterQuery(f));
  return parts.join(' ');
}

function hasFilter(field, value) {
  return state.filters.some((f) => f.field === field && f.value === value);
}

function toggleFilter(field, value, label) {
  if (hasFilter(field, value)) {
    state.filters = state.filters.filter((f) => !(f.field === field && f.value === value));
  } else {
    state.filters.push({ field, value, label });
  }
  state.offset = 0;
  run();
}

// ---- the address bar keeps the state, so a search can be bookmarked ---------

function saveState() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of state.filters) p.append('f', `${f.field}\u001f${f.value}\u001f${f.label}`);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.offset) p.set('offset', String(state.offset));
  const s = p.toString();
  history.replaceState(null, '', s ? `?${s}` : location.pathname);
}

function loadState() {
  const p = new URLSearchParams(location.search);
  state.q = p.get('q') || '';
  state.sort = p.get('sort') === 'date' ? 'date' : 'relevance';
  state.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  state.filters = p.getAll('f').map((s) => s.split('\u001f')).filter((a) => a.length === 3)
    .map(([field, value, label]) => ({ field, value, label }));
  $('q').value = state.q;
  $('sort').value = state.sort;
}

// ---- drawing ------------------------------------------------------------

// The snippet as the API cuts it at the matched words: [{text, mark}], no
// byte offsets to convert ("marks" are byte offsets into the UTF-8 text).
function snippetNode(segments) {
  const p = el('p', { class: 'snippet' });
  for (const s of Array.isArray(segments) ? segments : []) {
    if (!s || typeof s.text !== 'string') continue;
    p.append(s.mark ? el('mark', {}, s.text) : s.text);
  }
  return p;
}

const str = (v) => (typeof v === 'string' ? v : '');
const names = (list, key) => (Array.isArray(list) ? list : [])
  .map((x) => (typeof x === 'string' ? x : x && str(x[key])))
  .filter((x) => x);
const unique = (list) => [...new Set(list)];

function hitNode(h) {
  const f = h.fields || {};
  const dateline = f.dateline && typeof f.dateline === 'object'
    ? str(f.dateline.place) || str(f.dateline.written) : str(f.dateline);
  const byline = names(f.byline, 'name');
  const meta = el('div', { class: 'meta' });
  for (const part of [str(h.date), dateline, byline.join(', ')]) {
    if (part) meta.append(el('span', {}, part));
  }
  const officials = (Array.isArray(f.officials) ? f.officials : [])
    .filter((o) => o && typeof o === 'object' && str(o.person))
    .map((o) => (str(o.title) ? `${o.person} (${o.title})` : o.person));
  const extracted = el('dl', { class: 'extracted' });
  const add = (what, list) => {
    if (list.length) extracted.append(el('dt', {}, what), el('dd', {}, list.join(', ')));
  };
  add('Officials:', unique(officials));
  add('Speakers:', unique(names(f.speakers, 'name')));
  add('Countries:', unique(names(f.countries, 'name')));
  return el('li', { class: 'hit', 'data-id': h.id },
    el('h3', {}, str(h.headline) || str(h.id)), meta, snippetNode(h.segments),
    extracted);
}

function facetNode(name, values) {
  const list = el('ul');
  for (const v of values) {
    const active = hasFilter(name, v.value);
    const b = el('button', { type: 'button', class: active ? 'active' : '',
      'data-value': v.value, title: active ? 'remove this filter' : 'narrow to this' },
    el('span', { class: 'label' }, v.label), el('span', { class: 'count' }, String(v.count)));
    b.setAttribute('aria-pressed', String(active));
    b.addEventListener('click', () => toggleFilter(name, v.value, v.label));
    list.append(el('li', {}, b));
  }
  if (!values.length) list.append(el('li', { class: 'none' }, 'none'));
  return el('section', { class: 'facet', 'data-field': name }, el('h2', {}, labelOf(name)), list);
}

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function drawHistogram(histogram) {
  const box = $('histogram');
  const axis = $('histogram-axis');
  box.replaceChildren();
  axis.replaceChildren();
  if (!dateField || !Array.isArray(histogram) || !histogram.length) return;
  const counts = new Map(histogram.map((h) => [h.month, h.count]));
  const first = histogram[0].month;
  const last = histogram[histogram.length - 1].month;
  let months = monthsBetween(first, last);
  if (months.length > MAX_GAP_MONTHS) months = histogram.map((h) => h.month);
  const max = Math.max(...histogram.map((h) => h.count));
  for (const month of months) {
    const count = counts.get(month) || 0;
    const active = hasFilter(dateField, month);
    const b = el('button', { type: 'button', title: `${month}: ${count}`,
      class: (count ? '' : 'empty') + (active ? ' active' : ''), 'data-month': month });
    b.setAttribute('aria-label', `${month}: ${count}`);
    if (count) {
      b.style.height = `${Math.max(3, Math.round((count / max) * 80))}px`;
      b.addEventListener('click', () => toggleFilter(dateField, month, month));
    } else {
      b.disabled = true;
    }
    box.append(b);
  }
  axis.append(el('span', {}, first), el('span', {}, `busiest month: ${max}`),
    el('span', {}, last));
}

function drawFilters() {
  const box = $('filters');
  box.replaceChildren();
  for (const f of state.filters) {
    const chip = el('button', { type: 'button', class: 'chip', title: 'remove this filter' },
      `${labelOf(f.field)}: ${f.label}`);
    chip.addEventListener('click', () => toggleFilter(f.field, f.value, f.label));
    box.append(chip);
  }
}

function draw(r) {
  const status = $('status');
  status.className = '';
  status.dataset.total = String(r.total);
  const shown = r.hits.length
    ? ` (${r.offset + 1}\u2013${r.offset + r.hits.length})` : '';
  status.textContent = `${r.total} ${r.total === 1 ? 'match' : 'matches'}${shown}`;
  const facets = $('facets');
  facets.replaceChildren();
  for (const [name, values] of Object.entries(r.facets || {})) {
    facets.append(facetNode(name, values));
  }
  drawHistogram(r.histogram);
  $('hits').replaceChildren(...r.hits.map(hitNode));
  $('prev').disabled = state.offset === 0;
  $('next').disabled = state.offset + PAGE_SIZE >= r.total;
  const pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
  $('page').textContent = `page ${Math.floor(state.offset / PAGE_SIZE) + 1} of ${pages}`;
}

function showError(message) {
  const status = $('status');
  status.className = 'error';
  status.dataset.total = '';
  status.textContent = message;
  $('hits').replaceChildren();
}

async function run() {
  const mine = ++serial;
  drawFilters();
  saveState();
  const params = new URLSearchParams({
    q: combinedQuery(), limit: String(PAGE_SIZE), offset: String(state.offset),
    sort: state.sort, facet_limit: String(FACET_VALUES),
  });
  document.body.dataset.busy = 'true';
  try {
    const resp = await fetch(`/api/search?${params}`);
    const body = await resp.json();
    if (mine !== serial) return;
    if (!resp.ok) showError((body.error && body.error.message) || `error ${resp.status}`);
    else draw(body);
  } catch (e) {
    if (mine === serial) showError(`the server did not answer (${e.message})`);
  } finally {
    if (mine === serial) document.body.dataset.busy = 'false';
  }
}

async function start() {
  try {
    const resp = await fetch('/api/fields');
    const info = await resp.json();
    for (const f of info.fields || []) fields[f.name] = f;
    dateField = info.date || null;
    const dl = $('fields');
    for (const f of info.fields || []) {
      if (f.kind === 'text' && f.name === 'text') continue;
      const example = f.kind === 'date' ? `${f.name}:2021-12-01..2021-12-31` : `${f.name}:`;
      dl.append(el('dt', {}, example), el('dd', {}, f.description || ''));
    }
    $('q').placeholder = `search ${info.documents} articles: speaker:Austin country:Lithuania`;
  } catch (e) {
    showError(`the server did not answer (${e.message})`);
    return;
  }
  loadState();
  $('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.q = $('q').value;
    state.sort = $('sort').value;
    state.offset = 0;
    run();
  });
  $('sort').addEventListener('change', () => {
    state.sort = $('sort').value;
    state.offset = 0;
    run();
  });
  $('prev').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    run();
  });
  $('next').addEventListener('click', () => {
    state.offset += PAGE_SIZE;
    run();
  });
  run();
}

document.addEventListener('DOMContentLoaded', start);
