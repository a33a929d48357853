// What the page shows, as one state kept in the address bar: a search (the
// typed query, filters, the date range, the order, the page), and over it
// an article or a person's page.  Each search the user makes is a history
// entry (pushState), so Back and Forward move between searches.
export const state = {
  q: '',
  filters: [], // {field, value, label, not}: include, or exclude when not
  or: [], // fields whose included values any may match
  from: '', // date range, YYYY-MM-DD or ''
  to: '',
  sort: 'relevance',
  offset: 0,
  doc: '', // the article shown, by id
  person: null, // {value, label}: the person's page shown
};

// From /api/fields.
export const info = { fields: {}, dateField: null, collapse: null, documents: 0 };

// The page's actions, set by app.js, for the modules that draw buttons.
export const actions = {};

const SEP = '\u001f';

function toParams() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of state.filters) p.append(f.not ? 'x' : 'f', [f.field, f.value, f.label].join(SEP));
  if (state.or.length) p.set('or', state.or.join(','));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.offset) p.set('offset', String(state.offset));
  if (state.doc) p.set('doc', state.doc);
  if (state.person) p.set('person', [state.person.value, state.person.label].join(SEP));
  return p;
}

// The address of the state; push: a new history entry, else this one.
export function saveState(push) {
  const s = toParams().toString();
  const url = s ? `?${s}` : location.pathname;
  if (push && url !== `${location.search || location.pathname}`) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function loadState() {
  const p = new URLSearchParams(location.search);
  state.q = p.get('q') || '';
  state.sort = p.get('sort') === 'date' ? 'date' : 'relevance';
  state.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  const read = (key, not) => p.getAll(key).map((s) => s.split(SEP)).filter((a) => a.length === 3)
    .map(([field, value, label]) => ({ field, value, label, not }));
  state.filters = [...read('f', false), ...read('x', true)];
  state.or = (p.get('or') || '').split(',').filter((f) => f);
  state.from = DATE.test(p.get('from') || '') ? p.get('from') : '';
  state.to = DATE.test(p.get('to') || '') ? p.get('to') : '';
  state.doc = p.get('doc') || '';
  const person = (p.get('person') || '').split(SEP);
  state.person = person.length === 2 && person[0] ? { value: person[0], label: person[1] } : null;
}
