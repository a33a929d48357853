// The document view: one article whole (/api/doc/ID), what the analyzers
// found in it highlighted by kind in the text, its quotes with speaker and
// cue, and a link to its address.  The record's spans are byte offsets into
// the UTF-8 text: the text is cut as bytes and each piece decoded, so no
// offset is ever used as a JavaScript string index.
import { $, el, str, list, unique, safeUrl, getJson } from './dom.js';
import { actions } from './state.js';

export const KINDS = {
  person: 'person', title: 'title', country: 'country', dateline: 'dateline',
  byline: 'byline', credit: 'credit', quote: 'quote', speaker: 'speaker',
};

const span = (s) => (Array.isArray(s) && s.length === 2 && Number.isInteger(s[0])
  && Number.isInteger(s[1]) && s[0] < s[1] ? s : null);

// Every highlighted span of a record: [start, end, kind].
export function marksOf(record) {
  const out = [];
  const add = (s, kind) => { if (span(s)) out.push([s[0], s[1], kind]); };
  for (const c of list(record.countries)) for (const m of list(c && c.mentions)) add(m, 'country');
  if (record.dateline && typeof record.dateline === 'object') add(record.dateline.span, 'dateline');
  for (const b of list(record.byline)) add(b && b.span, 'byline');
  for (const c of list(record.credits)) add(c && c.span, 'credit');
  for (const o of list(record.officials)) add(o && o.span, 'title');
  for (const q of list(record.quotes)) {
    if (!q) continue;
    add(q.content_span, 'quote');
    add(q.speaker_span, 'speaker');
  }
  return out;
}

// The text cut where any highlight starts or ends, each piece with the
// kinds over it: [{text, kinds}].
export function pieces(text, marks, extra) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const [s, e] of marks) {
    if (e <= bytes.length) { cuts.add(s); cuts.add(e); }
  }
  const at = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const [s, e] = [at[i], at[i + 1]];
    const kinds = unique(marks.filter(([ms, me]) => ms <= s && me >= e).map((m) => m[2]));
    const t = dec.decode(bytes.subarray(s, e));
    out.push({ text: t, kinds });
  }
  // An official's span is title and name: the name in it is a person.
  return extra ? extra(out) : out;
}

function personsIn(parts, people) {
  const out = [];
  for (const p of parts) {
    const name = p.kinds.includes('title') && people.find((n) => p.text.includes(n));
    if (!name) { out.push(p); continue; }
    const i = p.text.indexOf(name);
    if (i > 0) out.push({ text: p.text.slice(0, i), kinds: p.kinds });
    out.push({ text: name, kinds: [...p.kinds.filter((k) => k !== 'title'), 'person'] });
    if (i + name.length < p.text.length) {
      out.push({ text: p.text.slice(i + name.length), kinds: p.kinds });
    }
  }
  return out;
}

function textNode(text, record) {
  const people = unique(list(record.officials).map((o) => o && str(o.person)).filter((n) => n))
    .sort((a, b) => b.length - a.length);
  const box = el('div', { class: 'doc-text', id: 'doc-text' });
  for (const p of pieces(text, marksOf(record), (parts) => personsIn(parts, people))) {
    if (!p.kinds.length) box.append(p.text);
    else {
      box.append(el('span', { class: p.kinds.map((k) => `k-${k}`).join(' '),
        'data-kinds': p.kinds.join(' ') }, p.text));
    }
  }
  return box;
}

function personButton(name) {
  return el('button', { type: 'button', class: 'person-link', 'data-person': name,
    onclick: () => actions.openPerson(name, name) }, name);
}

function sideNode(record) {
  const side = el('aside', { class: 'doc-side' });
  const section = (title, ...items) => {
    const ul = el('ul');
    for (const i of items.filter((x) => x)) ul.append(el('li', {}, ...[].concat(i)));
    if (ul.childNodes.length) side.append(el('h3', {}, title), ul);
  };
  section('People', ...list(record.officials).filter((o) => o && str(o.person))
    .map((o) => [personButton(o.person), str(o.title) ? ` \u2014 ${o.title}` : '']),
  ...list(record.speakers).filter((s) => typeof s === 'string')
    .filter((s) => !list(record.officials).some((o) => o && o.person === s))
    .map((s) => [personButton(s), ' \u2014 quoted']));
  section('Countries', ...unique(list(record.countries).map((c) => c && str(c.name))
    .filter((n) => n)).map((n) => el('span', { class: 'k-country' }, n)));
  section('Byline', ...list(record.byline).map((b) => b && str(b.name)).filter((n) => n));
  section('Credits', ...list(record.credits).map((c) => c && [str(c.name), str(c.org) ? ` (${c.org})` : '']));
  return side;
}

function quotesNode(record) {
  const ol = el('ol', { class: 'doc-quotes', id: 'doc-quotes' });
  for (const q of list(record.quotes)) {
    if (!q) continue;
    const who = str(q.speaker) || '(unnamed)';
    ol.append(el('li', { 'data-speaker': who },
      el('q', {}, str(q.content)), ' \u2014 ',
      str(q.speaker) && q.speaker_kind === 'person' ? personButton(q.speaker)
        : el('span', { class: 'speaker' }, who),
      el('span', { class: 'cue' }, ` (${str(q.cue)})`)));
  }
  return ol;
}

function legend() {
  const box = el('p', { class: 'legend' });
  for (const k of Object.keys(KINDS)) box.append(el('span', { class: `k-${k}` }, k), ' ');
  return box;
}

export function drawDoc(doc) {
  const r = doc.record || {};
  const d = r.dateline && typeof r.dateline === 'object' ? str(r.dateline.place) : '';
  const meta = el('div', { class: 'meta' });
  for (const part of [str(r.date), d, str(r.agency), str(r.source)]) {
    if (part) meta.append(el('span', {}, part));
  }
  const url = safeUrl(r.url);
  const link = url ? el('a', { href: url, id: 'doc-url', rel: 'noopener noreferrer',
    target: '_blank' }, str(r.url)) : null;
  $('doc-body').replaceChildren(
    el('h2', { id: 'doc-headline' }, str(r.headline) || str(doc.id)), meta,
    link ? el('p', { class: 'doc-url' }, link) : null, legend(),
    el('div', { class: 'doc-main' }, textNode(str(doc.text), r), sideNode(r)),
    el('h3', {}, 'Quotes'), quotesNode(r));
}

export async function loadDoc(id) {
  $('doc-body').replaceChildren(el('p', {}, 'loading\u2026'));
  try {
    drawDoc(await getJson(`/api/doc/${encodeURIComponent(id)}`));
  } catch (e) {
    $('doc-body').replaceChildren(el('p', { class: 'error' }, e.message));
  }
}
