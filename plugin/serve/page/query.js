// The query sent to /api/search: the typed query, then the filters joined
// as a typed query joins them, so a clicked filter and a typed one agree:
// two values of a field an article has several of (countries, speakers)
// are both required unless the field is switched to "any"; two of a field
// it has one of (dateline, year) are either; an excluded value is NOT.
import { state, info } from './state.js';

// Facet values are folded keys (no quotes in them).
export const filterQuery = (f) => `${f.field}:"${f.value}"`;

export function dateQuery() {
  if (!info.dateField || (!state.from && !state.to)) return '';
  return `${info.dateField}:${state.from}..${state.to}`;
}

export function combinedQuery() {
  const parts = [];
  const byField = new Map();
  for (const f of state.filters.filter((x) => !x.not)) {
    if (!byField.has(f.field)) byField.set(f.field, []);
    byField.get(f.field).push(f);
  }
  for (const [field, values] of byField) {
    if (values.length > 1 && state.or.includes(field)) {
      parts.push(`(${values.map(filterQuery).join(' OR ')})`);
    } else {
      parts.push(...values.map(filterQuery));
    }
  }
  const date = dateQuery();
  if (date) parts.push(date);
  for (const f of state.filters.filter((x) => x.not)) parts.push(`NOT ${filterQuery(f)}`);
  if (state.q.trim()) parts.unshift(parts.length ? `(${state.q})` : state.q);
  return parts.join(' ');
}

export function findFilter(field, value) {
  return state.filters.find((f) => f.field === field && f.value === value);
}

// Include a value, exclude it (not), or take its filter away when it is
// already there the same way.
export function toggleFilter(field, value, label, not = false) {
  const had = findFilter(field, value);
  state.filters = state.filters.filter((f) => !(f.field === field && f.value === value));
  if (!had || had.not !== not) state.filters.push({ field, value, label, not });
}
