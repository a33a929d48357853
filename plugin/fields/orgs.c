/* Organisation short names: see orgs.h. */
#include "orgs.h"

#include <ctype.h>
#include <string.h>

/* Sorted (as strcmp orders), for the binary search of nf_org_is_suffix. */
static const char *const legal_suffixes[] = {
    "ab",   "ag",          "as",  "asa",  "bhd",  "bv",           "cie",  "co", "company",
    "corp", "corporation", "cos", "gmbh", "inc",  "incorporated", "kgaa", "kk", "limited",
    "llc",  "llp",         "lp",  "ltd",  "ltda", "nl",           "nv",   "oy", "plc",
    "pty",  "sa",          "sab", "sae",  "sarl", "se",           "spa",  "srl"};

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The word p[0..n) lower-cased with '.' and '/' dropped, into buf. */
static size_t squash(const char *p, size_t n, char *buf, size_t cap) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '.' || p[i] == '/') continue;
    if (m + 1 >= cap) return 0;
    buf[m++] = (char)tolower((unsigned char)p[i]);
  }
  buf[m] = '\0';
  return m;
}

int nf_org_is_suffix(const char *p, size_t n) {
  char w[16];
  if (!squash(p, n, w, sizeof w)) return 0;
  /* asked of most capitalised words, few match: a binary search */
  size_t lo = 0, hi = sizeof legal_suffixes / sizeof legal_suffixes[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(w, legal_suffixes[mid]);
    if (c == 0) return 1;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

static int word_is(const char *p, size_t n, const char *w) {
  if (strlen(w) != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)p[i]) != w[i]) return 0;
  return 1;
}

void nf_org_short(const char *p, size_t n, size_t *start, size_t *len) {
  size_t b = 0, e = n;
  while (b < e && is_space(p[b])) b++;
  while (e > b && (is_space(p[e - 1]) || p[e - 1] == ',')) e--;
  /* "the Bank of England" */
  if (e - b > 4 && (p[b] == 't' || p[b] == 'T') && (p[b + 1] == 'h' || p[b + 1] == 'H') &&
      (p[b + 2] == 'e' || p[b + 2] == 'E') && is_space(p[b + 3]))
    b += 4;
  for (;;) {
    /* the last word */
    size_t ws = e;
    while (ws > b && !is_space(p[ws - 1]) && p[ws - 1] != ',') ws--;
    if (ws == b || !nf_org_is_suffix(p + ws, e - ws)) break;
    size_t ne = ws;
    while (ne > b && (is_space(p[ne - 1]) || p[ne - 1] == ',')) ne--;
    /* "Kidder, Peabody and Co", "Smith & Co" */
    size_t cs = ne;
    while (cs > b && !is_space(p[cs - 1])) cs--;
    if (cs > b && (word_is(p + cs, ne - cs, "and") || word_is(p + cs, ne - cs, "&"))) {
      ne = cs;
      while (ne > b && (is_space(p[ne - 1]) || p[ne - 1] == ',')) ne--;
    }
    if (ne == b) break;
    e = ne;
  }
  *start = b;
  *len = e - b;
}
