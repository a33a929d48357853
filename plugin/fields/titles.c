/* The normal form of officials' titles (see titles.h). */
#include "titles.h"

#include <string.h>

#include "newsfields/text.h"

#define MAX_WORDS 32

typedef struct word {
  const char *p;
  size_t n;
} word;

typedef struct words {
  word w[MAX_WORDS];
  size_t count;
} words;

static int is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '.' || c == '\'';
}

static int eq(word w, const char *s) { return strlen(s) == w.n && memcmp(w.p, s, w.n) == 0; }

static void push(words *ws, const char *p, size_t n) {
  if (ws->count < MAX_WORDS && n) ws->w[ws->count++] = (word){p, n};
}

/* One spelling for each word (the right side may be two words). */
static const char *const spellings[][2] = {
    {"defence", "defense"},
    {"labour", "labor"},
    {"organisation", "organization"},
    {"programme", "program"},
    {"centre", "center"},
    {"counsellor", "counselor"},
    {"advisor", "adviser"},
    {"gen", "general"},
    {"sen", "senator"},
    {"rep", "representative"},
    {"gov", "governor"},
    {"adm", "admiral"},
    {"lt", "lieutenant"},
    {"col", "colonel"},
    {"maj", "major"},
    {"capt", "captain"},
    {"sgt", "sergeant"},
    {"amb", "ambassador"},
    {"pres", "president"},
    {"supt", "superintendent"},
    {"cmdr", "commander"},
    {"dep", "deputy"},
    {"spokesman", "spokesperson"},
    {"spokeswoman", "spokesperson"},
    {"spokesmen", "spokesperson"},
    {"spokeswomen", "spokesperson"},
    {"spokespeople", "spokesperson"},
    {"chairman", "chair"},
    {"chairwoman", "chair"},
    {"chairperson", "chair"},
    {"chairmen", "chair"},
    {"congresswoman", "congressman"},
    {"congressmen", "congressman"},
    {"ceo", "chief executive"},
};

/* Modifiers that leave the office the same, and articles. */
static const char *const dropped[] = {
    "the",       "a",    "an",   "former",  "acting", "interim",   "outgoing", "incoming",
    "caretaker", "then", "late", "current", "ex",     "designate", "longtime", "newly"};

/* Word pairs that make one word: [0] [1] -> [2] ("" drops both). */
static const char *const pairs[][3] = {
    {"under", "secretary", "undersecretary"},
    {"foreign", "affairs", "foreign"},
    {"external", "affairs", "foreign"},
    {"internal", "affairs", "interior"},
    {"home", "affairs", "home"},
    {"national", "defense", "defense"},
    {"executive", "officer", "executive"}, /* "chief executive officer" */
    {"newly", "appointed", ""},
    {"newly", "elected", ""},
};

/* Heads that keep their complement after "of": "chief of staff". */
static int keeps_of(word head, const words *after) {
  if (eq(head, "chief") || eq(head, "head") || eq(head, "commander")) return 1;
  if ((eq(head, "secretary") || eq(head, "undersecretary")) && after->count == 1 &&
      eq(after->w[0], "state"))
    return 1;
  return 0;
}

static void split(const char *t, size_t n, words *raw) {
  raw->count = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && !is_word_byte((unsigned char)t[i])) i++;
    size_t start = i;
    while (i < n && is_word_byte((unsigned char)t[i])) i++;
    if (i > start) push(raw, t + start, i - start);
  }
}

/* Copies a word without '.' and '\'' into scratch; returns the copy. */
static word strip(word w, char *scratch, size_t *used, size_t cap) {
  size_t start = *used;
  for (size_t i = 0; i < w.n && *used < cap; i++)
    if (w.p[i] != '.' && w.p[i] != '\'') scratch[(*used)++] = w.p[i];
  return (word){scratch + start, *used - start};
}

static void respell(word w, words *out) {
  for (size_t k = 0; k < sizeof spellings / sizeof *spellings; k++) {
    if (!eq(w, spellings[k][0])) continue;
    const char *r = spellings[k][1], *sp = strchr(r, ' ');
    if (sp) {
      push(out, r, (size_t)(sp - r));
      push(out, sp + 1, strlen(sp + 1));
    } else {
      push(out, r, strlen(r));
    }
    return;
  }
  push(out, w.p, w.n);
}

static int is_dropped(word w) {
  for (size_t k = 0; k < sizeof dropped / sizeof *dropped; k++)
    if (eq(w, dropped[k])) return 1;
  return 0;
}

static void join_pairs(const words *in, words *out) {
  out->count = 0;
  for (size_t i = 0; i < in->count; i++) {
    size_t k = 0;
    if (i + 1 < in->count)
      while (k < sizeof pairs / sizeof *pairs &&
             !(eq(in->w[i], pairs[k][0]) && eq(in->w[i + 1], pairs[k][1])))
        k++;
    if (i + 1 < in->count && k < sizeof pairs / sizeof *pairs) {
      push(out, pairs[k][2], strlen(pairs[k][2]));
      i++;
      continue;
    }
    if (!is_dropped(in->w[i])) push(out, in->w[i].p, in->w[i].n);
  }
}

/* The singular of a head word, into scratch. */
static word singular(word w, char *scratch, size_t *used, size_t cap) {
  if (w.n <= 3 || *used + w.n + 1 > cap) return w;
  const char *p = w.p;
  size_t n = w.n;
  if (n > 4 && memcmp(p + n - 3, "ies", 3) == 0) {
    size_t start = *used;
    memcpy(scratch + start, p, n - 3);
    scratch[start + n - 3] = 'y';
    *used += n - 2;
    return (word){scratch + start, n - 2};
  }
  if (p[n - 1] == 's' && p[n - 2] != 's' && p[n - 2] != 'u' && p[n - 2] != 'i')
    return (word){p, n - 1};
  return w;
}

nf_status nf_title_normalize(const char *p, size_t n, nf_buf *out, size_t *head_start) {
  nf_buf_clear(out);
  if (head_start) *head_start = 0;
  char folded[512];
  size_t flen;
  nf_buf big = NF_BUF_INIT;
  const char *t = folded;
  nf_status s = nf_fold(p, n, folded, sizeof folded, &flen);
  if (s != NF_OK) {
    /* longer than a title: fold into the heap */
    s = nf_buf_reserve(&big, flen + 1);
    if (s == NF_OK) s = nf_fold(p, n, big.data, flen + 1, &flen);
    if (s != NF_OK) {
      nf_buf_free(&big);
      return s == NF_ERR_NOMEM ? s : NF_ERR_PARSE;
    }
    t = big.data;
  }
  char scratch[1024];
  size_t used = 0;
  words raw, spelt, joined;
  split(t, flen, &raw);
  spelt.count = 0;
  for (size_t i = 0; i < raw.count; i++) {
    word w = strip(raw.w[i], scratch, &used, sizeof scratch);
    if (w.n) respell(w, &spelt);
  }
  join_pairs(&spelt, &joined);

  /* Modifiers before the head: "minister of trade and industry". */
  words order = {.count = 0};
  size_t of = 0;
  while (of < joined.count && !(of > 0 && (eq(joined.w[of], "of") || eq(joined.w[of], "for"))))
    of++;
  size_t head = joined.count ? joined.count - 1 : 0;
  if (of < joined.count && of + 1 < joined.count) {
    words after = {.count = 0};
    size_t k = of + 1;
    /* UK: "secretary of state for defence" is the defence secretary */
    int uk = eq(joined.w[k], "state") && k + 2 < joined.count && eq(joined.w[k + 1], "for");
    if (uk) k += 2;
    for (; k < joined.count; k++) push(&after, joined.w[k].p, joined.w[k].n);
    word h = singular(joined.w[of - 1], scratch, &used, sizeof scratch);
    if (!uk && keeps_of(h, &after)) {
      order = joined;
      order.w[of - 1] = h;
      head = of - 1;
    } else {
      for (size_t i = 0; i + 1 < of; i++) push(&order, joined.w[i].p, joined.w[i].n);
      for (size_t i = 0; i < after.count; i++) push(&order, after.w[i].p, after.w[i].n);
      push(&order, h.p, h.n);
      head = order.count - 1;
    }
  } else {
    order = joined;
  }
  if (order.count) order.w[head] = singular(order.w[head], scratch, &used, sizeof scratch);

  s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < order.count; i++) {
    if (i) s = nf_buf_append_char(out, ' ');
    if (i == head && head_start) *head_start = out->len;
    if (s == NF_OK) s = nf_buf_append(out, order.w[i].p, order.w[i].n);
  }
  nf_buf_free(&big);
  return s;
}

nf_status nf_title_normal_keys(const char *title, size_t n, size_t head, nf_title_key_fn fn,
                               void *ctx) {
  if (!n) return NF_OK;
  nf_status s = fn(ctx, title, n);
  const char *sp = memchr(title, ' ', n);
  if (s == NF_OK && head > 0 && head < n) {
    const char *h = title + head, *hs = memchr(h, ' ', n - head);
    s = fn(ctx, h, hs ? (size_t)(hs - h) : n - head);
  } else if (s == NF_OK && sp) {
    /* a head first: "chief of staff" is also "chief" */
    s = fn(ctx, title, (size_t)(sp - title));
  }
  return s;
}
