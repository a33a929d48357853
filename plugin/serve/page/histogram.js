// The histogram of the matches by month, or by day when the chosen date
// range is short: a bar per month (day) with its label under it; click a
// bar, or drag across bars, to choose a date range; the from/to boxes say
// and set the same range.
import { $, el } from './dom.js';
import { state, info, actions } from './state.js';

const MAX_GAP = 240; // a longer span draws only the months (days) with matches
const DAY_RANGE = 92; // a range of at most this many days is drawn by day
const LABEL_PX = 64; // room one label needs

const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s) => new Date(`${s}T00:00:00Z`);

// Histogram by day when the range is short.
export function byDay() {
  if (!state.from || !state.to) return false;
  const days = (parse(state.to) - parse(state.from)) / 86400000;
  return days >= 0 && days <= DAY_RANGE;
}

function keysBetween(first, last, day) {
  const out = [];
  if (day) {
    for (let d = parse(first); iso(d) <= last && out.length <= MAX_GAP; d.setUTCDate(d.getUTCDate() + 1)) {
      out.push(iso(d));
    }
    return out;
  }
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length <= MAX_GAP) {
    out.push(`${y}-${pad(m)}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

// The first and last day of a bar.
function rangeOf(key) {
  if (key.length === 10) return [key, key];
  const [y, m] = key.split('-').map(Number);
  return [`${key}-01`, iso(new Date(Date.UTC(y, m, 0)))];
}

export function setRange(from, to) {
  state.from = from;
  state.to = to;
  state.offset = 0;
  actions.search();
}

let dragFrom = null;

function choose(a, b) {
  const [k1, k2] = a <= b ? [a, b] : [b, a];
  const from = rangeOf(k1)[0];
  const to = rangeOf(k2)[1];
  if (state.from === from && state.to === to) setRange('', ''); // the same bar again
  else setRange(from, to);
}

export function drawHistogram(histogram) {
  const box = $('histogram');
  box.replaceChildren();
  $('from').value = state.from;
  $('to').value = state.to;
  $('dates').hidden = !info.dateField;
  if (!info.dateField || !Array.isArray(histogram) || !histogram.length) return;
  const day = histogram[0].day !== undefined;
  const keyOf = (h) => (day ? h.day : h.month);
  const counts = new Map(histogram.map((h) => [keyOf(h), h.count]));
  const first = keyOf(histogram[0]);
  const last = keyOf(histogram[histogram.length - 1]);
  let keys = keysBetween(first, last, day);
  if (keys.length > MAX_GAP) keys = histogram.map(keyOf);
  const max = Math.max(...histogram.map((h) => h.count));
  const width = (box.parentElement && box.parentElement.clientWidth) || 600;
  const step = Math.max(1, Math.ceil((keys.length * LABEL_PX) / width));
  box.dataset.unit = day ? 'day' : 'month';
  keys.forEach((key, i) => {
    const count = counts.get(key) || 0;
    const [from, to] = rangeOf(key);
    const inRange = state.from && state.to && from >= state.from && to <= state.to;
    const b = el('button', { type: 'button', title: `${key}: ${count}`, class: `bar${count ? '' : ' empty'}${inRange ? ' active' : ''}`,
      'data-key': key, 'aria-label': `${key}: ${count}` });
    b.dataset[day ? 'day' : 'month'] = key;
    if (count) b.style.height = `${Math.max(3, Math.round((count / max) * 80))}px`;
    b.addEventListener('mousedown', (ev) => { ev.preventDefault(); dragFrom = key; });
    b.addEventListener('mouseup', () => {
      if (dragFrom !== null) choose(dragFrom, key);
      dragFrom = null;
    });
    b.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(key, key); }
    });
    const label = i % step === 0 ? (day ? key.slice(5) : key) : '';
    box.append(el('div', { class: 'col' }, el('div', { class: 'bar-box' }, b),
      el('span', { class: 'tick', 'data-key': label ? key : '' }, label)));
  });
}

export function initDates() {
  const apply = () => {
    const from = $('from').value;
    const to = $('to').value;
    if (from && to && from > to) return;
    setRange(from, to);
  };
  $('from').addEventListener('change', apply);
  $('to').addEventListener('change', apply);
  $('clear-dates').addEventListener('click', () => setRange('', ''));
  document.addEventListener('mouseup', () => { dragFrom = null; });
}
