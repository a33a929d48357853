// DOM helpers: every node the page draws is made here, and text is only
// ever set as text (textContent, text nodes), never parsed as HTML.
import { info } from './state.js';

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

export const str = (v) => (typeof v === 'string' ? v : '');
export const list = (v) => (Array.isArray(v) ? v : []);
export const names = (items, key) => list(items)
  .map((x) => (typeof x === 'string' ? x : x && str(x[key])))
  .filter((x) => x);
export const unique = (items) => [...new Set(items)];

export function labelOf(name) {
  const f = info.fields[name];
  const l = f && f.label ? f.label : name;
  return l.charAt(0).toUpperCase() + l.slice(1);
}

// A link to an article's own address: http and https only.
export function safeUrl(url) {
  try {
    const u = new URL(str(url));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch (e) {
    return '';
  }
}

// A person's name folded for comparison: no accents, no case, words.
export function foldName(name) {
  return str(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// A name in a record is the person a facet key names when it has all the
// key's words ("Lloyd J. Austin III" is "lloyd austin").
export function samePerson(name, key) {
  const words = new Set(foldName(name).split(' '));
  const want = foldName(key).split(' ').filter((w) => w);
  return want.length > 0 && want.every((w) => words.has(w));
}

// A JSON API call: the body, or an Error with the server's message.
export async function getJson(path) {
  const resp = await fetch(path);
  let body = null;
  try {
    body = await resp.json();
  } catch (e) {
    throw new Error(`the server answered ${resp.status} with no JSON`);
  }
  if (!resp.ok) {
    throw new Error((body && body.error && body.error.message) || `error ${resp.status}`);
  }
  return body;
}
