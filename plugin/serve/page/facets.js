// The facet lists: each value includes (click) or excludes (the − button)
// its articles; a field of many values per article can be switched from
// "all" to "any" of its chosen values; "more" asks for up to 100 values and
// a box filters them by name; sections fold and move, and remember it.
import { $, el, labelOf, getJson } from './dom.js';
import { state, info, actions } from './state.js';
import { findFilter, toggleFilter, combinedQuery } from './query.js';

const MORE_VALUES = 100;
const STORE = 'newsfields.facets';
const more = new Map(); // field -> the values "more" fetched, for the current query
let moreQuery = '';

function layout() {
  try {
    const v = JSON.parse(localStorage.getItem(STORE) || '{}');
    return { order: Array.isArray(v.order) ? v.order : [], folded: Array.isArray(v.folded) ? v.folded : [] };
  } catch (e) {
    return { order: [], folded: [] };
  }
}

function saveLayout(l) {
  try { localStorage.setItem(STORE, JSON.stringify(l)); } catch (e) { /* private mode */ }
}

// The fields in the user's order: those moved first, then the others.
function ordered(fieldsShown) {
  const { order } = layout();
  return [...order.filter((f) => fieldsShown.includes(f)),
    ...fieldsShown.filter((f) => !order.includes(f))];
}

function move(field, by, shown) {
  const l = layout();
  const order = ordered(shown);
  const i = order.indexOf(field);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return;
  [order[i], order[j]] = [order[j], order[i]];
  l.order = order;
  saveLayout(l);
  actions.redrawFacets();
}

function fold(field) {
  const l = layout();
  l.folded = l.folded.includes(field) ? l.folded.filter((f) => f !== field) : [...l.folded, field];
  saveLayout(l);
  actions.redrawFacets();
}

function change(field, value, label, not) {
  toggleFilter(field, value, label, not);
  state.offset = 0;
  actions.search();
}

function valueNode(name, v) {
  const f = findFilter(name, v.value);
  const active = f && !f.not;
  const excluded = f && f.not;
  const b = el('button', { type: 'button', class: `value${active ? ' active' : ''}${excluded ? ' excluded' : ''}`,
    'data-value': v.value, title: active ? 'remove this filter' : 'narrow to this',
    'aria-pressed': String(Boolean(active)) },
  el('span', { class: 'label' }, v.label), el('span', { class: 'count' }, String(v.count)));
  b.addEventListener('click', () => change(name, v.value, v.label, false));
  const x = el('button', { type: 'button', class: 'exclude', 'data-value': v.value,
    title: excluded ? 'stop excluding this' : 'exclude this (NOT)',
    'aria-label': `exclude ${v.label}`, 'aria-pressed': String(Boolean(excluded)) }, '\u2212');
  x.addEventListener('click', () => change(name, v.value, v.label, true));
  return el('li', { 'data-label': v.label.toLowerCase() }, b, x);
}

async function showMore(name) {
  const q = combinedQuery();
  const p = new URLSearchParams({ q, facets: name, limit: '0', facet_limit: String(MORE_VALUES) });
  try {
    const r = await getJson(`/api/search?${p}`);
    moreQuery = q;
    more.set(name, r.facets[name] || []);
    actions.redrawFacets();
    const box = document.querySelector(`#facets section[data-field="${name}"] input.find`);
    if (box) box.focus();
  } catch (e) {
    actions.showError(e.message);
  }
}

function filterList(ul, text) {
  const t = text.trim().toLowerCase();
  for (const li of ul.children) {
    if (li.dataset.label !== undefined) li.hidden = Boolean(t) && !li.dataset.label.includes(t);
  }
}

function sectionNode(name, values, shown) {
  const { folded } = layout();
  const isFolded = folded.includes(name);
  const list = el('ul', { class: 'values' });
  const all = more.get(name) || values;
  // excluded values stay listed, so the filter can be taken back
  const listed = [...all];
  for (const f of state.filters) {
    if (f.field === name && !listed.some((v) => v.value === f.value)) {
      listed.push({ value: f.value, label: f.label, count: 0 });
    }
  }
  for (const v of listed) list.append(valueNode(name, v));
  if (!listed.length) list.append(el('li', { class: 'none' }, 'none'));
  const head = el('div', { class: 'facet-head' },
    el('button', { type: 'button', class: 'fold', 'aria-expanded': String(!isFolded),
      title: isFolded ? 'unfold' : 'fold', onclick: () => fold(name) }, el('h2', {}, labelOf(name))),
    el('button', { type: 'button', class: 'up', title: 'move up', 'aria-label': `move ${labelOf(name)} up`,
      onclick: () => move(name, -1, shown) }, '\u2191'),
    el('button', { type: 'button', class: 'down', title: 'move down',
      'aria-label': `move ${labelOf(name)} down`, onclick: () => move(name, 1, shown) }, '\u2193'));
  const section = el('section', { class: `facet${isFolded ? ' folded' : ''}`, 'data-field': name }, head);
  if (isFolded) return section;
  const field = info.fields[name];
  const chosen = state.filters.filter((f) => f.field === name && !f.not).length;
  if (field && field.values === 'many' && chosen > 1) {
    const any = state.or.includes(name);
    section.append(el('p', { class: 'combine' }, 'articles with ',
      el('button', { type: 'button', class: 'or-toggle', 'aria-pressed': String(any),
        onclick: () => {
          state.or = any ? state.or.filter((f) => f !== name) : [...state.or, name];
          state.offset = 0;
          actions.search();
        } }, any ? 'any' : 'all'), ' of the chosen values'));
  }
  if (more.has(name) || values.length >= 8) {
    const find = el('input', { type: 'search', class: 'find', placeholder: `filter ${labelOf(name).toLowerCase()}`,
      'aria-label': `filter the ${labelOf(name)} values` });
    find.addEventListener('input', () => filterList(list, find.value));
    section.append(find);
  }
  section.append(list);
  if (!more.has(name) && values.length >= actions.facetValues()) {
    section.append(el('button', { type: 'button', class: 'more', onclick: () => showMore(name) },
      'more\u2026'));
  }
  return section;
}

let last = {};

export function drawFacets(facets) {
  if (facets !== undefined) {
    last = facets || {};
    if (moreQuery !== combinedQuery()) more.clear();
  }
  const shown = Object.keys(last);
  $('facets').replaceChildren(...ordered(shown).map((name) => sectionNode(name, last[name], shown)));
}
