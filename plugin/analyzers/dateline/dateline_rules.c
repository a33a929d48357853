/* The shape of a dateline over the token stream (see dateline_rules.h). */
#include "dateline_rules.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PLACE_WORDS 5
#define MAX_REGION_WORDS 4
#define MAX_AGENCY_TOKENS 6

/* Lower-case words inside a place name: "RIO de JANEIRO", "Port of Spain". */
static const char *const particles[] = {"de",  "del", "della", "da",  "do",   "dos", "das", "du",
                                        "des", "di",  "la",    "le",  "les",  "los", "las", "el",
                                        "al",  "of",  "the",   "on",  "upon", "sur", "en",  "am",
                                        "im",  "an",  "der",   "den", "y",    "au",  "aux", NULL};

/* Words that a sentence has and a place name has not. */
static const char *const not_place_words[] = {
    "in",  "an",  "a",     "on",    "at",     "to",    "for",   "with",   "by",    "from",  "as",
    "is",  "was", "are",   "were",  "be",     "has",   "had",   "have",   "dated", "said",  "says",
    "and", "or",  "but",   "after", "before", "since", "until", "during", "when",  "while", "if",
    "it",  "he",  "she",   "they",  "we",     "i",     "you",   "this",   "that",  "these", "those",
    "his", "her", "their", "its",   "our",    "my",    "not",   "no",     NULL};

int nf_month_of(const char *f) {
  static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  static const char *const full[] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};
  size_t n = strlen(f);
  if (n && f[n - 1] == '.') n--;
  for (int m = 0; m < 12; m++) {
    if ((n == 3 && memcmp(f, names[m], 3) == 0) ||
        (n == strlen(full[m]) && memcmp(f, full[m], n) == 0))
      return m + 1;
  }
  if (n == 4 && memcmp(f, "sept", 4) == 0) return 9;
  return 0;
}

/* A NUMBER token of digits only, as an int (-1 otherwise). */
static int digits(const nf_toks *k, size_t i, size_t min_len, size_t max_len) {
  if (!nf_tok_kind(k, i, NF_TOKEN_NUMBER)) return -1;
  const char *f = nf_tok_fold(k, i);
  size_t n = strlen(f);
  if (n < min_len || n > max_len) return -1;
  int v = 0;
  for (size_t j = 0; j < n; j++) {
    if (f[j] < '0' || f[j] > '9') return -1;
    v = v * 10 + (f[j] - '0');
  }
  return v;
}

/* A date at token i on the line ending before token e: "Dec 20", "Jan. 5",
 * "20 March", "March 3, 2022", "1996-08-30".  Returns the tokens it takes. */
static size_t date_at(const nf_toks *k, size_t i, size_t e, nf_dateline_shape *out) {
  if (i >= e) return 0;
  if (nf_tok_kind(k, i, NF_TOKEN_NUMBER)) {
    const char *f = nf_tok_fold(k, i);
    if (strlen(f) == 10 && f[4] == '-' && f[7] == '-') {
      out->year = atoi(f);
      out->month = atoi(f + 5);
      out->day = atoi(f + 8);
      return 1;
    }
    int day = digits(k, i, 1, 2);
    int month = i + 1 < e && nf_tok_word(k, i + 1) ? nf_month_of(nf_tok_fold(k, i + 1)) : 0;
    if (day >= 1 && day <= 31 && month) {
      out->day = day;
      out->month = month;
      return 2;
    }
    return 0;
  }
  if (!nf_tok_word(k, i)) return 0;
  int month = nf_month_of(nf_tok_fold(k, i));
  if (!month) return 0;
  size_t j = i + 1;
  if (j < e && nf_tok_is(k, j, ".") && !nf_tok_flag(k, j, NF_TOK_SPACE_BEFORE)) j++; /* Sept. */
  int day = j < e ? digits(k, j, 1, 2) : -1;
  if (day < 1 || day > 31) return 0;
  out->month = month;
  out->day = day;
  j++;
  if (j + 1 < e && nf_tok_is(k, j, ",")) {
    int year = digits(k, j + 1, 4, 4);
    if (year >= 1800 && year <= 2199) {
      out->year = year;
      j += 2;
    }
  }
  return j - i;
}

/* "Narch 2 -", "March 187 -": a date the wire garbled, before the dash. */
static size_t garbled_date_at(const nf_toks *k, size_t i, size_t e) {
  if (i + 2 >= e || !nf_tok_word(k, i) || k->v[i].end - k->v[i].start > 10 ||
      !nf_tok_kind(k, i + 2, NF_TOKEN_DASH))
    return 0;
  /* the day: digits, or what a typist made of them ("2O", "l7", "l") */
  size_t len = k->v[i + 1].end - k->v[i + 1].start;
  int day = digits(k, i + 1, 1, 4) >= 0 || (nf_tok_word(k, i + 1) && len <= 3 &&
                                            (nf_tok_flag(k, i + 1, NF_TOK_HAS_DIGIT) || len == 1));
  return day ? 2 : 0;
}

/* A word of a place or region name at token j; first: the name's first
 * word.  lower: any word may be in lower case ("sioux falls", "New york"). */
static int name_word(const nf_toks *k, size_t j, size_t e, int first, int lower) {
  /* "MAY7" heads a price table */
  if (j >= e || !nf_tok_word(k, j) || nf_tok_flag(k, j, NF_TOK_HAS_DIGIT)) return 0;
  /* "In an email dated Feb. 12, 2012 —" is a sentence */
  if (nf_in_list(nf_tok_fold(k, j), not_place_words)) return 0;
  /* "GRONINGEN, the Netherlands" */
  if (first && nf_tok_is(k, j, "the") && j + 1 < e && nf_tok_flag(k, j + 1, NF_TOK_CAPITALIZED))
    return 1;
  if (nf_tok_flag(k, j, NF_TOK_CAPITALIZED)) return 1;
  if (lower) return nf_tok_flag(k, j, NF_TOK_LOWER);
  /* a particle inside a name, followed by more of the name */
  return !first && nf_in_list(nf_tok_fold(k, j), particles) && j + 1 < e && nf_tok_word(k, j + 1) &&
         nf_tok_flag(k, j + 1, NF_TOK_CAPITALIZED);
}

/* The words of a place or region from token i: returns the end token (i when
 * there is none); *words gets the word count, *caps whether every word is in
 * capitals, *lowered whether a word other than a particle is in lower case.
 * A month followed by a day ends the name. */
static size_t name_at(const nf_toks *k, size_t i, size_t e, size_t max_words, int lower,
                      size_t *words, int *caps, int *lowered) {
  size_t j = i;
  *words = 0;
  *caps = 1;
  *lowered = 0;
  while (j < e && name_word(k, j, e, *words == 0, lower)) {
    nf_dateline_shape tmp;
    memset(&tmp, 0, sizeof tmp);
    if (date_at(k, j, e, &tmp)) break;
    if (++*words > max_words) return i;
    int particle = nf_tok_flag(k, j, NF_TOK_LOWER) && nf_in_list(nf_tok_fold(k, j), particles);
    if (!nf_tok_flag(k, j, NF_TOK_ALL_CAPS) && !particle) *caps = 0;
    if (nf_tok_flag(k, j, NF_TOK_LOWER) && !particle) *lowered = 1;
    j++;
    /* "ST. JOHN'S": the possessive is part of the name */
    if (j < e && nf_tok_flag(k, j, NF_TOK_POSSESSIVE) && !nf_tok_flag(k, j, NF_TOK_SPACE_BEFORE))
      j++;
    /* "WINSTON-SALEM", "Port-au-Prince", "DALLAS/FORT WORTH": one name */
    while (j + 1 < e &&
           (nf_tok_kind(k, j, NF_TOKEN_HYPHEN) ||
            (nf_tok_is(k, j, "/") && !nf_tok_flag(k, j, NF_TOK_SPACE_BEFORE) &&
             !nf_tok_flag(k, j + 1, NF_TOK_SPACE_BEFORE))) &&
           nf_tok_word(k, j + 1) && !nf_tok_flag(k, j + 1, NF_TOK_HAS_DIGIT))
      j += 2;
    /* "ST. LOUIS", "MICH." : a period glued to the word is part of it */
    if (j < e && nf_tok_is(k, j, ".") && !nf_tok_flag(k, j, NF_TOK_SPACE_BEFORE)) j++;
  }
  return *words ? j : i;
}

static int is_dash(const nf_toks *k, size_t i, size_t e) {
  return i < e && nf_tok_kind(k, i, NF_TOKEN_DASH);
}

/* "(Reuters)": the agency's tokens, or 0. */
static size_t paren_agency(const nf_toks *k, size_t i, size_t e, size_t *b, size_t *end) {
  if (!nf_tok_is(k, i, "(")) return 0;
  size_t j = i + 1;
  while (j < e && j - i <= MAX_AGENCY_TOKENS && !nf_tok_is(k, j, ")")) {
    if (!nf_tok_word(k, j) && !nf_tok_kind(k, j, NF_TOKEN_HYPHEN) && !nf_tok_is(k, j, "/"))
      return 0;
    j++;
  }
  if (j >= e || j == i + 1 || !nf_tok_is(k, j, ")") || !nf_tok_word(k, i + 1)) return 0;
  *b = i + 1;
  *end = j;
  return j + 1 - i;
}

/* ", Reuter -": a known agency after a comma, before the dash. */
static size_t comma_agency(const nf_toks *k, size_t i, size_t e, const nf_agencies *agencies,
                           size_t *b, size_t *end, const char **canonical) {
  if (!nf_tok_is(k, i, ",") || !nf_tok_word(k, i + 1)) return 0;
  for (size_t len = 3; len >= 1; len--) {
    size_t last = i + len; /* the agency is tokens i+1 .. last */
    if (last >= e) continue;
    size_t after = last + 1;
    if (after < e && nf_tok_is(k, after, ",")) after++;
    if (!is_dash(k, after, e)) continue;
    const char *p = k->bytes + k->v[i + 1].start;
    const char *name = nf_agencies_find(agencies, p, k->v[last].end - k->v[i + 1].start);
    if (!name) continue;
    *b = i + 1;
    *end = last + 1;
    *canonical = name;
    return len + 1;
  }
  return 0;
}

/* Capitals go on after the dash ("CRICKET - LEICESTERSHIRE TAKE OVER"). */
static int caps_after(const nf_toks *k, size_t j, size_t e) {
  size_t words = 0;
  for (; j < e && words < 3; j++) {
    if (!nf_tok_word(k, j)) continue;
    if (!nf_tok_flag(k, j, NF_TOK_ALL_CAPS) || k->v[j].end - k->v[j].start < 2) return 0;
    words++;
  }
  return words >= 2;
}

int nf_dateline_shape_at(const nf_toks *k, size_t i, const nf_agencies *agencies,
                         nf_dateline_shape *out) {
  memset(out, 0, sizeof *out);
  size_t e = nf_tok_line_end(k, i);
  /* wire copy sometimes marks a story with asterisks: "****NEW YORK, June 2 -" */
  while (i < e && nf_tok_is(k, i, "*")) i++;
  /* lower case is let in here and judged later ("sioux falls, april 7 -") */
  int caps, lowered;
  size_t j = name_at(k, i, e, MAX_PLACE_WORDS, 1, &out->place_words, &caps, &lowered);
  if (j == i) return 0;
  out->place_b = i;
  out->place_e = j;
  out->flags = (caps ? NF_DL_PLACE_CAPS : 0) | (lowered ? NF_DL_PLACE_LOWER : 0);
  /* regions, each after a comma */
  while (out->nregions < NF_DATELINE_MAX_REGIONS && nf_tok_is(k, j, ",") && j + 1 < e) {
    nf_dateline_shape tmp;
    memset(&tmp, 0, sizeof tmp);
    size_t b, end;
    const char *name;
    if (date_at(k, j + 1, e, &tmp) || garbled_date_at(k, j + 1, e) || is_dash(k, j + 1, e) ||
        comma_agency(k, j, e, agencies, &b, &end, &name))
      break;
    size_t words;
    int rcaps, rlowered;
    size_t r = name_at(k, j + 1, e, MAX_REGION_WORDS, 1, &words, &rcaps, &rlowered);
    if (r == j + 1) return 0;
    if (rlowered) out->flags |= NF_DL_PLACE_LOWER; /* "PONCE, Puerto rico" */
    out->region_b[out->nregions] = j + 1;
    out->region_e[out->nregions++] = r;
    j = r;
  }
  /* the date */
  size_t at = nf_tok_is(k, j, ",") ? j + 1 : j;
  size_t d = date_at(k, at, e, out);
  if (d) {
    j = at + d;
  } else if ((d = garbled_date_at(k, at, e)) != 0) {
    j = at + d;
    out->flags |= NF_DL_GARBLED;
    d = 0;
  }
  size_t last = j; /* one past the last token of the dateline so far */
  /* the agency */
  size_t taken = paren_agency(k, j, e, &out->agency_b, &out->agency_e);
  if (taken) {
    const char *p = k->bytes + k->v[out->agency_b].start;
    out->agency =
        nf_agencies_find(agencies, p, k->v[out->agency_e - 1].end - k->v[out->agency_b].start);
    j += taken;
  }
  taken = comma_agency(k, j, e, agencies, &out->agency_b, &out->agency_e, &out->agency);
  j += taken;
  if (out->agency) out->flags |= NF_DL_AGENCY_KNOWN;
  /* the end: a dash, or the end of the line after a full date */
  if (nf_tok_is(k, j, ",") && is_dash(k, j + 1, e)) j++;
  if (is_dash(k, j, e)) {
    out->flags |= NF_DL_DASH | (nf_tok_flag(k, j, NF_TOK_SPACE_BEFORE) ? NF_DL_SPACED : 0);
    out->end = k->v[j].end;
    out->next = j + 1;
    if (caps_after(k, j + 1, e)) out->flags |= NF_DL_CAPS_AFTER;
  } else if (j == e && out->year && last == j && d) {
    out->end = k->v[j - 1].end;
    out->next = j;
  } else {
    return 0;
  }
  out->start = k->v[out->place_b].start;
  return 1;
}
