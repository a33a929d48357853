/* The gazetteer matcher: a trie over folded tokens, its edges in one open
 * addressing hash table keyed by (parent node, folded token). */
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "newsfields/gazetteer.h"
#include "trie.h"

typedef struct node {
  uint32_t *values;
  uint32_t nvalues, cap;
} node;

typedef struct edge {
  uint32_t parent, child; /* child 0: an empty slot (node 0 is the root) */
  uint32_t key, key_len;  /* the folded token in the key arena */
  uint32_t hash;
} edge;

/* Bits of the hashes of every phrase's first token: most tokens start no
 * phrase, and one bit test turns them away before any probe of the table. */
#define FIRST_BITS 65536u

struct nf_gazetteer {
  uint64_t first[FIRST_BITS / 64];
  node *nodes;
  size_t nnodes, node_cap;
  edge *edges;
  size_t nedges, edge_cap; /* edge_cap: a power of two */
  nf_buf keys;
  size_t phrases;
  nf_text *scratch; /* tokenizes phrases */
};

/* The token's hash (nf_token.hash, FNV-1a of its folded form) mixed with
 * the parent node, so that no lookup hashes the token's bytes again. */
static uint32_t edge_hash(uint32_t parent, uint32_t token_hash) {
  uint32_t h = token_hash ^ (parent * 0x9e3779b9u);
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  return h;
}

nf_status nf_gazetteer_new(nf_gazetteer **out) {
  *out = NULL;
  nf_gazetteer *g = calloc(1, sizeof *g);
  if (!g) return NF_ERR_NOMEM;
  g->node_cap = 256;
  g->edge_cap = 512;
  g->nodes = calloc(g->node_cap, sizeof *g->nodes);
  g->edges = calloc(g->edge_cap, sizeof *g->edges);
  if (!g->nodes || !g->edges || nf_text_new(&g->scratch) != NF_OK) {
    nf_gazetteer_free(g);
    return NF_ERR_NOMEM;
  }
  g->nnodes = 1; /* the root */
  *out = g;
  return NF_OK;
}

void nf_gazetteer_free(nf_gazetteer *g) {
  if (!g) return;
  for (size_t i = 0; i < g->nnodes; i++) free(g->nodes[i].values);
  free(g->nodes);
  free(g->edges);
  nf_buf_free(&g->keys);
  nf_text_free(g->scratch);
  free(g);
}

size_t nf_gazetteer_size(const nf_gazetteer *g) { return g->phrases; }

/* The slot of edge (parent, key), or of the empty slot where it would go. */
static size_t find_slot(const nf_gazetteer *g, uint32_t parent, const char *p, size_t n,
                        uint32_t hash) {
  size_t mask = g->edge_cap - 1, i = hash & mask;
  for (;;) {
    const edge *e = &g->edges[i];
    if (e->child == 0) return i;
    if (e->hash == hash && e->parent == parent && e->key_len == n &&
        memcmp(g->keys.data + e->key, p, n) == 0)
      return i;
    i = (i + 1) & mask;
  }
}

static nf_status grow_edges(nf_gazetteer *g) {
  size_t old_cap = g->edge_cap;
  edge *old = g->edges;
  g->edge_cap *= 2;
  g->edges = calloc(g->edge_cap, sizeof *g->edges);
  if (!g->edges) {
    g->edges = old;
    g->edge_cap = old_cap;
    return NF_ERR_NOMEM;
  }
  for (size_t i = 0; i < old_cap; i++) {
    if (old[i].child == 0) continue;
    size_t mask = g->edge_cap - 1, k = old[i].hash & mask;
    while (g->edges[k].child) k = (k + 1) & mask;
    g->edges[k] = old[i];
  }
  free(old);
  return NF_OK;
}

/* The child of parent along key, created when missing. */
static nf_status child_of(nf_gazetteer *g, uint32_t parent, const nf_token *tok, const char *p,
                          size_t n, uint32_t *out) {
  if ((g->nedges + 1) * 2 > g->edge_cap && grow_edges(g) != NF_OK) return NF_ERR_NOMEM;
  uint32_t hash = edge_hash(parent, tok->hash);
  size_t slot = find_slot(g, parent, p, n, hash);
  if (g->edges[slot].child) {
    *out = g->edges[slot].child;
    return NF_OK;
  }
  if (g->nnodes == g->node_cap) {
    node *nodes = realloc(g->nodes, g->node_cap * 2 * sizeof *nodes);
    if (!nodes) return NF_ERR_NOMEM;
    memset(nodes + g->node_cap, 0, g->node_cap * sizeof *nodes);
    g->nodes = nodes;
    g->node_cap *= 2;
  }
  size_t key = g->keys.len;
  if (nf_buf_append(&g->keys, p, n) != NF_OK) return NF_ERR_NOMEM;
  edge *e = &g->edges[slot];
  e->parent = parent;
  e->child = (uint32_t)g->nnodes++;
  e->key = (uint32_t)key;
  e->key_len = (uint32_t)n;
  e->hash = hash;
  g->nedges++;
  *out = e->child;
  return NF_OK;
}

static nf_status add_value(node *nd, uint32_t value) {
  for (uint32_t i = 0; i < nd->nvalues; i++)
    if (nd->values[i] == value) return NF_OK;
  if (nd->nvalues == nd->cap) {
    uint32_t cap = nd->cap ? nd->cap * 2 : 1;
    uint32_t *v = realloc(nd->values, cap * sizeof *v);
    if (!v) return NF_ERR_NOMEM;
    nd->values = v;
    nd->cap = cap;
  }
  nd->values[nd->nvalues++] = value;
  return NF_OK;
}

/* Folded tokens that take part in matching: not quote marks. */
static int matchable(const nf_token *tok) { return tok->kind != NF_TOKEN_QUOTE; }

nf_status nf_gazetteer_add(nf_gazetteer *g, const char *phrase, size_t n, uint32_t value,
                           nf_error *err) {
  uint32_t first_hash;
  return nf_gazetteer_add_first_hash(g, phrase, n, value, &first_hash, err);
}

nf_status nf_gazetteer_add_first_hash(nf_gazetteer *g, const char *phrase, size_t n, uint32_t value,
                                      uint32_t *first_hash, nf_error *err) {
  *first_hash = 0;
  nf_status s = nf_text_analyze(g->scratch, phrase, n, err);
  if (s != NF_OK) return s;
  size_t count;
  const nf_token *toks = nf_text_tokens(g->scratch, &count);
  const char *folds = nf_text_folds(g->scratch);
  uint32_t at = 0;
  int words = 0;
  for (size_t i = 0; i < count; i++) {
    if (!matchable(&toks[i])) continue;
    words += toks[i].kind == NF_TOKEN_WORD || toks[i].kind == NF_TOKEN_NUMBER;
    if (at == 0) {
      *first_hash = toks[i].hash;
      uint32_t h = edge_hash(0, toks[i].hash) % FIRST_BITS;
      g->first[h / 64] |= (uint64_t)1 << (h % 64);
    }
    s = child_of(g, at, &toks[i], folds + toks[i].fold, toks[i].fold_len, &at);
    if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  }
  if (!words)
    return nf_error_set(err, NF_ERR_INVALID, "phrase '%.*s' has no word in it", (int)n, phrase);
  node *nd = &g->nodes[at];
  if (nd->nvalues == 0) g->phrases++;
  if (add_value(nd, value) != NF_OK) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return NF_OK;
}

/* 0 when no phrase starts with the token (1: one may). */
static int may_start(const nf_gazetteer *g, const nf_token *tok) {
  uint32_t h = edge_hash(0, tok->hash) % FIRST_BITS;
  return (g->first[h / 64] >> (h % 64)) & 1;
}

/* The child of parent along key, or 0. */
static uint32_t follow(const nf_gazetteer *g, uint32_t parent, const nf_token *tok, const char *p,
                       size_t n) {
  if (parent == 0 && !may_start(g, tok)) return 0;
  return g->edges[find_slot(g, parent, p, n, edge_hash(parent, tok->hash))].child;
}

/* Longest match over toks[i..count). */
static size_t match_tokens(const nf_gazetteer *g, const nf_token *toks, size_t count,
                           const char *folds, size_t i, const uint32_t **values, size_t *nvalues) {
  *values = NULL;
  *nvalues = 0;
  size_t best = 0;
  uint32_t at = 0;
  for (size_t j = i; j < count; j++) {
    if (!matchable(&toks[j])) {
      if (j == i) return 0;
      continue;
    }
    at = follow(g, at, &toks[j], folds + toks[j].fold, toks[j].fold_len);
    if (!at) break;
    if (g->nodes[at].nvalues) {
      best = j + 1 - i;
      *values = g->nodes[at].values;
      *nvalues = g->nodes[at].nvalues;
    }
  }
  return best;
}

size_t nf_gazetteer_match(const nf_gazetteer *g, const nf_text *t, size_t i,
                          const uint32_t **values, size_t *nvalues) {
  size_t count;
  const nf_token *toks = nf_text_tokens(t, &count);
  /* most tokens start no phrase: turned away before the walk */
  if (i >= count || !may_start(g, &toks[i])) {
    *values = NULL;
    *nvalues = 0;
    return 0;
  }
  return match_tokens(g, toks, count, nf_text_folds(t), i, values, nvalues);
}

nf_status nf_gazetteer_lookup(nf_gazetteer *g, const char *phrase, size_t n,
                              const uint32_t **values, size_t *nvalues, nf_error *err) {
  *values = NULL;
  *nvalues = 0;
  nf_status s = nf_text_analyze(g->scratch, phrase, n, err);
  if (s != NF_OK) return s;
  size_t count;
  const nf_token *toks = nf_text_tokens(g->scratch, &count);
  size_t first = 0;
  while (first < count && !matchable(&toks[first])) first++;
  size_t last = count;
  while (last > first && !matchable(&toks[last - 1])) last--;
  if (first == last) return NF_OK;
  const uint32_t *v;
  size_t nv;
  size_t len = match_tokens(g, toks, last, nf_text_folds(g->scratch), first, &v, &nv);
  if (len == last - first) {
    *values = v;
    *nvalues = nv;
  }
  return NF_OK;
}
