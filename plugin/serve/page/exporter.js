// Export: every match of the current search (not only this page) as CSV or
// JSON Lines, with the columns chosen here; /api/export streams it.
import { $, el } from './dom.js';
import { state } from './state.js';
import { combinedQuery } from './query.js';

const COLUMNS = ['id', 'date', 'headline', 'url', 'source', 'agency', 'dateline', 'byline',
  'countries', 'officials', 'speakers', 'bodies', 'quotes', 'score', 'text'];
const DEFAULT = ['id', 'date', 'headline', 'url', 'dateline', 'byline', 'countries', 'officials',
  'speakers'];

export function exportUrl(format) {
  const columns = [...document.querySelectorAll('#export-columns input:checked')].map((i) => i.value);
  const p = new URLSearchParams({ q: combinedQuery(), format, sort: state.sort,
    columns: columns.join(',') });
  return `/api/export?${p}`;
}

export function updateExport() {
  for (const [id, format] of [['export-csv', 'csv'], ['export-jsonl', 'jsonl']]) {
    $(id).href = exportUrl(format);
  }
}

export function initExport() {
  const box = $('export-columns');
  for (const c of COLUMNS) {
    const input = el('input', { type: 'checkbox', value: c, checked: DEFAULT.includes(c) });
    input.addEventListener('change', updateExport);
    box.append(el('label', {}, input, ` ${c}`));
  }
  updateExport();
}
