/* Lookup keys and a frozen open-addressing table from keys to values. */
#include "keymap.h"

#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "core/grow.h"
#include "newsfields/text.h"

size_t nf_key_make(const char *p, size_t n, char *buf) {
  char folded[NF_KEY_MAX * 2];
  size_t len;
  if (nf_fold(p, n, folded, sizeof folded, &len) != NF_OK) return 0;
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)folded[i];
    if (c == '.' || c == '\'') continue; /* "N.J." is "nj", "O'Hare" is "ohare" */
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      space = k > 0;
      continue;
    }
    if (space) {
      if (k + 1 >= NF_KEY_MAX) return 0;
      buf[k++] = ' ';
      space = 0;
    }
    if (k + 1 >= NF_KEY_MAX) return 0;
    buf[k++] = (char)c;
  }
  buf[k] = '\0';
  return k;
}

typedef struct pair {
  size_t key;     /* offset in the key buffer */
  const char *kp; /* the key itself, set when freezing (the buffer no longer moves) */
  uint32_t len, value, order;
} pair;

typedef struct slot {
  size_t key;
  uint32_t len, first, count; /* values[first .. first + count) */
  int used;
} slot;

struct nf_keymap {
  nf_buf keys;
  pair *pairs;
  size_t npairs, cap;
  slot *slots;
  size_t nslots; /* a power of two */
  uint32_t *values;
};

nf_status nf_keymap_new(nf_keymap **out) {
  *out = calloc(1, sizeof **out);
  return *out ? NF_OK : NF_ERR_NOMEM;
}

void nf_keymap_free(nf_keymap *m) {
  if (!m) return;
  nf_buf_free(&m->keys);
  free(m->pairs);
  free(m->slots);
  free(m->values);
  free(m);
}

nf_status nf_keymap_add(nf_keymap *m, const char *p, size_t n, uint32_t value) {
  char key[NF_KEY_MAX];
  size_t len = nf_key_make(p, n, key);
  if (!len) return NF_ERR_INVALID;
  if (NF_GROW(m->pairs, m->cap, m->npairs + 1) != NF_OK) return NF_ERR_NOMEM;
  pair *e = &m->pairs[m->npairs];
  e->key = m->keys.len;
  e->len = (uint32_t)len;
  e->value = value;
  e->order = (uint32_t)m->npairs;
  nf_status s = nf_buf_append(&m->keys, key, len);
  if (s == NF_OK) s = nf_buf_append_char(&m->keys, '\0');
  if (s == NF_OK) m->npairs++;
  return s;
}

static uint64_t hash(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
  return h;
}

static int cmp_pair(const void *a, const void *b) {
  const pair *x = a, *y = b;
  int c = strcmp(x->kp, y->kp);
  if (c) return c;
  return x->order < y->order ? -1 : x->order > y->order;
}

nf_status nf_keymap_freeze(nf_keymap *m) {
  free(m->slots);
  free(m->values);
  m->slots = NULL;
  m->values = NULL;
  m->nslots = 16;
  while (m->nslots < m->npairs * 2) m->nslots *= 2;
  m->slots = calloc(m->nslots, sizeof *m->slots);
  m->values = malloc((m->npairs ? m->npairs : 1) * sizeof *m->values);
  if (!m->slots || !m->values) return NF_ERR_NOMEM;
  const char *base = nf_buf_str(&m->keys);
  for (size_t i = 0; i < m->npairs; i++) m->pairs[i].kp = base + m->pairs[i].key;
  qsort(m->pairs, m->npairs, sizeof *m->pairs, cmp_pair);
  size_t nvalues = 0;
  for (size_t i = 0; i < m->npairs;) {
    const pair *p = &m->pairs[i];
    const char *key = p->kp;
    uint32_t first = (uint32_t)nvalues;
    size_t j = i;
    for (; j < m->npairs && strcmp(m->pairs[j].kp, key) == 0; j++) {
      int dup = 0;
      for (size_t k = first; k < nvalues; k++) dup |= m->values[k] == m->pairs[j].value;
      if (!dup) m->values[nvalues++] = m->pairs[j].value;
    }
    size_t h = (size_t)hash(key, p->len) & (m->nslots - 1);
    while (m->slots[h].used) h = (h + 1) & (m->nslots - 1);
    m->slots[h] = (slot){p->key, p->len, first, (uint32_t)(nvalues - first), 1};
    i = j;
  }
  return NF_OK;
}

size_t nf_keymap_get(const nf_keymap *m, const char *key, size_t n, const uint32_t **values) {
  *values = NULL;
  if (!m->slots || !n) return 0;
  const char *base = nf_buf_str(&m->keys);
  size_t h = (size_t)hash(key, n) & (m->nslots - 1);
  for (; m->slots[h].used; h = (h + 1) & (m->nslots - 1)) {
    const slot *s = &m->slots[h];
    if (s->len == n && memcmp(base + s->key, key, n) == 0) {
      *values = m->values + s->first;
      return s->count;
    }
  }
  return 0;
}
