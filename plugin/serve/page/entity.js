// A person's page: the articles that quote or name the person (a query on
// the speaker and official fields), with facets over that whole set (the
// people and countries most often with them) and, from the records of the
// newest articles, the titles they held over time and their quotes by date.
import { $, el, str, list, samePerson, getJson } from './dom.js';
import { actions } from './state.js';

const ARTICLES = 100;
const TOP = 10;

export const personQuery = (name) => `speaker:"${name}" OR official:"${name}"`;

function facetList(id, values, skip) {
  const ol = el('ol', { class: 'entity-list', id });
  for (const v of list(values).filter((x) => !skip || !skip(x)).slice(0, TOP)) {
    const b = v.person ? el('button', { type: 'button', class: 'person-link', 'data-person': v.label,
      onclick: () => actions.openPerson(v.value, v.label) }, v.label) : el('span', {}, v.label);
    ol.append(el('li', { 'data-value': v.value }, b, el('span', { class: 'count' }, ` ${v.count}`)));
  }
  if (!ol.childNodes.length) ol.append(el('li', { class: 'none' }, 'none'));
  return ol;
}

// Titles held, by the dates of the articles that give them: [{title, first, last, count}].
export function titlesOf(hits, name) {
  const by = new Map();
  for (const h of hits) {
    for (const o of list(h.fields && h.fields.officials)) {
      if (!o || !samePerson(str(o.person), name) || !str(o.title)) continue;
      const t = by.get(o.title) || { title: o.title, first: '', last: '', count: 0 };
      const d = str(h.date);
      if (d && (!t.first || d < t.first)) t.first = d;
      if (d && (!t.last || d > t.last)) t.last = d;
      t.count++;
      by.set(o.title, t);
    }
  }
  return [...by.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}

export function quotesOf(hits, name) {
  const out = [];
  for (const h of hits) {
    for (const q of list(h.fields && h.fields.quotes)) {
      if (q && samePerson(str(q.speaker), name)) {
        out.push({ date: str(h.date), id: h.id, headline: str(h.headline), content: str(q.content), cue: str(q.cue) });
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export async function loadPerson(person) {
  const body = $('person-body');
  body.replaceChildren(el('p', {}, 'loading\u2026'));
  const p = new URLSearchParams({ q: personQuery(person.value), limit: String(ARTICLES), sort: 'date',
    facets: 'country,speaker,official,title', facet_limit: String(TOP + 2) });
  let r;
  try {
    r = await getJson(`/api/search?${p}`);
  } catch (e) {
    body.replaceChildren(el('p', { class: 'error' }, e.message));
    return;
  }
  const me = (v) => samePerson(v.label, person.value) || samePerson(v.value, person.value);
  const people = new Map();
  for (const v of [...list(r.facets.speaker), ...list(r.facets.official)]) {
    if (me(v)) continue;
    const was = people.get(v.value);
    if (!was || was.count < v.count) people.set(v.value, { ...v, person: true });
  }
  const titles = el('ol', { class: 'entity-list', id: 'person-titles' });
  for (const t of titlesOf(r.hits, person.value)) {
    titles.append(el('li', {}, el('span', { class: 'k-title' }, t.title),
      ` ${t.first}${t.last !== t.first ? ` \u2013 ${t.last}` : ''} (${t.count})`));
  }
  if (!titles.childNodes.length) titles.append(el('li', { class: 'none' }, 'no title in these articles'));
  const quotes = el('ol', { class: 'entity-quotes', id: 'person-quotes' });
  for (const q of quotesOf(r.hits, person.value)) {
    quotes.append(el('li', { 'data-date': q.date }, el('span', { class: 'date' }, q.date), ' ',
      el('q', {}, q.content), ` (${q.cue}) `,
      el('a', { href: `?doc=${encodeURIComponent(q.id)}`, onclick: (ev) => { ev.preventDefault(); actions.openDoc(q.id); } }, q.headline || q.id)));
  }
  if (!quotes.childNodes.length) quotes.append(el('li', { class: 'none' }, 'no quotes'));
  const shown = r.hits.length < r.total ? ` (quotes and titles from the newest ${r.hits.length})` : '';
  body.replaceChildren(
    el('h2', { id: 'person-name' }, person.label),
    el('p', { class: 'meta', id: 'person-total', 'data-total': String(r.total) },
      `${r.total} ${r.total === 1 ? 'article' : 'articles'}${shown}`),
    el('div', { class: 'entity-grid' },
      el('section', {}, el('h3', {}, 'Titles held'), titles),
      el('section', {}, el('h3', {}, 'Countries'), facetList('person-countries', r.facets.country)),
      el('section', {}, el('h3', {}, 'Most often with'),
        facetList('person-people', [...people.values()].sort((a, b) => b.count - a.count)))),
    el('h3', {}, 'Quotes by date'), quotes,
    el('p', {}, el('button', { type: 'button', id: 'person-search',
      onclick: () => actions.searchFor(personQuery(person.value)) }, 'search these articles')));
}
