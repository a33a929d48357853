/* Bylines and credits over the token stream (see byline_rules.h). */
#include "byline_rules.h"

#include <string.h>

#include "gazetteer/keymap.h"

/* Bylines other than the closing credit line sit near the top. */
#define TOP_LINES 10
#define MAX_NAME_WORDS 6
#define MAX_ORG_WORDS 8

/* Lower-case words inside a person's name. */
static const char *const name_particles[] = {"van", "von", "de",  "da",    "der", "den", "di", "du",
                                             "dos", "das", "del", "della", "bin", "ibn", "al", "el",
                                             "la",  "le",  "ter", "ten",   "y",   NULL};

/* Capitalized words that do not begin or make a person's name. */
static const char *const not_names[] = {
    "the",        "a",          "an",       "this",       "that",      "these",    "those",
    "contrast",   "comparison", "then",     "now",        "noon",      "midnight", "monday",
    "tuesday",    "wednesday",  "thursday", "friday",     "saturday",  "sunday",   "today",
    "tomorrow",   "yesterday",  "tonight",  "far",        "all",       "way",      "law",
    "order",      "default",    "design",   "chance",     "mistake",   "accident", "and",
    "by",         "for",        "of",       "in",         "at",        "on",       "with",
    "from",       "photo",      "photos",   "photograph", "reporting", "editing",  "writing",
    "additional", "staff",      "reuters",  "reuter",     NULL};

/* Words that make an organisation of a name. */
static const char *const org_words[] = {
    "press",       "news",        "newswire",   "newswires", "agency",
    "service",     "services",    "times",      "post",      "today",
    "journal",     "herald",      "tribune",    "gazette",   "daily",
    "weekly",      "magazine",    "media",      "network",   "group",
    "wire",        "ministry",    "department", "office",    "government",
    "police",      "army",        "navy",       "forces",    "force",
    "guard",       "museum",      "university", "institute", "council",
    "committee",   "company",     "corp",       "inc",       "ltd",
    "association", "foundation",  "commission", "images",    "image",
    "pictures",    "archive",     "archives",   "library",   "embassy",
    "handout",     "pool",        "center",     "centre",    "administration",
    "authority",   "club",        "party",      "union",     "bank",
    "tv",          "radio",       "television", "channel",   "shutterstock",
    "getty",       "unsplash",    "pixabay",    "wikimedia", "alamy",
    "istock",      "istockphoto", "flickr",     "pexels",    "courtesy",
    "file",        "nasa",        "reuters",    "reuter",    NULL};

/* Words of a job title after a byline's comma ("Staff Writer", "AP Sports Writer"). */
static const char *const job_words[] = {"staff",
                                        "writer",
                                        "writers",
                                        "correspondent",
                                        "correspondents",
                                        "reporter",
                                        "reporters",
                                        "editor",
                                        "columnist",
                                        "contributor",
                                        "contributing",
                                        "senior",
                                        "chief",
                                        "sports",
                                        "business",
                                        "political",
                                        "politics",
                                        "economics",
                                        "economic",
                                        "economy",
                                        "diplomatic",
                                        "white",
                                        "house",
                                        "special",
                                        "foreign",
                                        "national",
                                        "science",
                                        "medical",
                                        "health",
                                        "technology",
                                        "legal",
                                        "religion",
                                        "energy",
                                        "markets",
                                        "financial",
                                        "investigative",
                                        "entertainment",
                                        "associate",
                                        "deputy",
                                        "managing",
                                        "executive",
                                        "global",
                                        "world",
                                        "europe",
                                        "asia",
                                        "africa",
                                        "middle",
                                        "east",
                                        "latin",
                                        "america",
                                        "bureau",
                                        "chief",
                                        "and",
                                        "&",
                                        "the",
                                        "of",
                                        NULL};

/* Words that lead a credit. */
static const char *const credit_words[] = {
    "photo", "photos", "photograph", "photographs",  "photography", "picture", "pictures", "pic",
    "image", "images", "credit",     "illustration", "video",       "footage", "courtesy", NULL};

static int word_in(const nf_toks *k, size_t j, const char *const *list) {
  if (j >= k->n) return 0;
  const char *f = nf_tok_fold(k, j);
  size_t n = strlen(f);
  char tmp[32];
  if (n && f[n - 1] == '.' && n < sizeof tmp) { /* "Corp." as "corp" */
    memcpy(tmp, f, n - 1);
    tmp[n - 1] = '\0';
    f = tmp;
  }
  return nf_in_list(f, list);
}

static int is_sep(const nf_toks *k, size_t j) {
  return nf_tok_is(k, j, ",") || nf_tok_is(k, j, "and") || nf_tok_is(k, j, "&") ||
         nf_tok_is(k, j, ";");
}

/* "d'Afflisio", "d'AFFLISIO": a lower-case particle glued to the name. */
static int glued_particle(const nf_toks *k, size_t j) {
  const char *f = nf_tok_fold(k, j);
  if (!(f[0] == 'd' || f[0] == 'l') || f[1] != '\'') return 0;
  const char *p = k->bytes + k->v[j].start;
  size_t n = k->v[j].end - k->v[j].start;
  for (size_t i = 2; i < n; i++)
    if (p[i] >= 'A' && p[i] <= 'Z') return 1;
  return 0;
}

/* A lower-case word that may sit inside a name: "van", "d'Afflisio". */
static int particle_word(const nf_toks *k, size_t j) {
  return nf_in_list(nf_tok_fold(k, j), name_particles) || glued_particle(k, j);
}

static int name_word(const nf_toks *k, const nf_agencies *ag, size_t j, size_t e, int first,
                     int lower) {
  if (j >= e || !nf_tok_word(k, j) || nf_tok_flag(k, j, NF_TOK_HAS_DIGIT)) return 0;
  if (nf_tok_flag(k, j, NF_TOK_INITIAL)) return 1; /* "J.", and "A." of "A.Pliadis" */
  if (!lower && !nf_tok_flag(k, j, NF_TOK_CAPITALIZED) && (first || !particle_word(k, j)))
    return 0; /* the common case, before any list is searched */
  if (word_in(k, j, not_names)) return 0;
  /* "AFP", "UPI" are the organisation; "Wafa" (a given name and an agency) may be a name */
  if (nf_tok_flag(k, j, NF_TOK_ALL_CAPS) &&
      nf_agencies_find(ag, k->bytes + k->v[j].start, k->v[j].end - k->v[j].start))
    return 0;
  if (nf_tok_flag(k, j, NF_TOK_CAPITALIZED)) return 1;
  if (glued_particle(k, j)) return 1;
  if (!first && nf_in_list(nf_tok_fold(k, j), name_particles) && j + 1 < e &&
      nf_tok_word(k, j + 1) && nf_tok_flag(k, j + 1, NF_TOK_CAPITALIZED))
    return 1;
  return lower && nf_tok_flag(k, j, NF_TOK_LOWER);
}

/* A person's name from token i (before e): its end token, or i.  *words
 * gets its word count. */
static size_t name_at(const nf_toks *k, const nf_agencies *ag, size_t i, size_t e, int lower,
                      size_t *words) {
  size_t j = i;
  *words = 0;
  while (j < e && name_word(k, ag, j, e, *words == 0, lower)) {
    if (word_in(k, j, org_words)) return i;
    if (++*words > MAX_NAME_WORDS) return i;
    j++;
    /* "Jean-Marc", "Lee Min-jun": the parts after a hyphen, whatever their case */
    while (j + 1 < e && nf_tok_kind(k, j, NF_TOKEN_HYPHEN) && nf_tok_word(k, j + 1)) j += 2;
  }
  return *words ? j : i;
}

/* An organisation on tokens [b, e) (a trailing period dropped): 1 and its
 * tokens and agency, or 0 when the tokens are not one.  A job title alone
 * ("Staff Writer") is fine but gives no organisation. */
static int org_at(const nf_toks *k, const nf_agencies *ag, size_t b, size_t e, size_t *ob,
                  size_t *oe, const char **agency) {
  *ob = *oe = b;
  *agency = NULL;
  if (e > b && nf_tok_is(k, e - 1, ".")) e--;
  if (b >= e) return 0;
  size_t words = 0, jobs = 0;
  for (size_t j = b; j < e; j++) {
    if (nf_tok_kind(k, j, NF_TOKEN_HYPHEN) || nf_tok_is(k, j, "&")) continue;
    if (!nf_tok_word(k, j)) return 0;
    if (!nf_tok_flag(k, j, NF_TOK_CAPITALIZED) && !word_in(k, j, job_words) &&
        !nf_agencies_find(ag, k->bytes + k->v[j].start, k->v[j].end - k->v[j].start))
      return 0;
    if (++words > MAX_ORG_WORDS) return 0;
    if (word_in(k, j, job_words)) jobs++;
  }
  /* an agency at the start: "AP Sports Writer", "Reuters" */
  for (size_t len = e - b < 3 ? e - b : 3; len >= 1; len--) {
    const char *name =
        nf_agencies_find(ag, k->bytes + k->v[b].start, k->v[b + len - 1].end - k->v[b].start);
    if (!name) continue;
    size_t rest_jobs = 0;
    for (size_t j = b + len; j < e; j++)
      rest_jobs += word_in(k, j, job_words) || !nf_tok_word(k, j);
    if (rest_jobs == e - b - len) {
      *ob = b;
      *oe = b + len;
      *agency = name;
      return 1;
    }
  }
  if (jobs == words) return 1; /* a job title, no organisation */
  *ob = b;
  *oe = e;
  return 1;
}

static size_t add_item(nf_byline_item *out, size_t n, size_t max, size_t nb, size_t ne, int role,
                       int lower) {
  if (n == max) return n;
  nf_byline_item *it = &out[n];
  memset(it, 0, sizeof *it);
  it->name_b = nb;
  it->name_e = ne;
  it->role = (uint8_t)role;
  it->lower = (uint8_t)lower;
  return n + 1;
}

/* "Jane Doe and John Roe, Associated Press" on tokens [i, e): the names
 * (two words at least), then an organisation.  Returns the new item count,
 * or n when the tokens are not a byline. */
static size_t names_then_org(const nf_toks *k, const nf_agencies *ag, size_t i, size_t e, int role,
                             int lower, nf_byline_item *out, size_t n, size_t max) {
  size_t first = n, pos = i;
  size_t ob = 0, oe = 0;
  const char *agency = NULL;
  int has_org = 0;
  if (e > i && nf_tok_is(k, e - 1, ".")) e--; /* "..., Reuters." */
  while (pos < e) {
    size_t words;
    size_t j = name_at(k, ag, pos, e, lower, &words);
    int sep_after = j == e || is_sep(k, j) || nf_tok_is(k, j, "|") ||
                    nf_tok_kind(k, j, NF_TOKEN_DASH) || nf_tok_is(k, j, "for") ||
                    nf_tok_is(k, j, "of");
    /* "By Brad Schade Reuters": the comma left out before the agency */
    size_t gb, ge;
    const char *glued = NULL;
    if (j > pos && words >= 2 && !sep_after && org_at(k, ag, j, e, &gb, &ge, &glued) && glued)
      sep_after = 1;
    if (j > pos && words >= 2 && sep_after && n < max) {
      n = add_item(out, n, max, pos, j, role, lower);
      pos = j;
      if (glued) {
        ob = gb;
        oe = ge;
        agency = glued;
        has_org = 1;
        break;
      }
    } else {
      if (n == first || !org_at(k, ag, pos, e, &ob, &oe, &agency)) return first;
      has_org = 1;
      break;
    }
    if (pos == e) break;
    if (nf_tok_is(k, pos, "for") || nf_tok_is(k, pos, "of")) { /* "Jane Doe of Reuters" */
      if (!org_at(k, ag, pos + 1, e, &ob, &oe, &agency)) return first;
      has_org = 1;
      break;
    }
    pos++; /* the separator */
    if (pos < e && nf_tok_is(k, pos - 1, ",") &&
        (nf_tok_is(k, pos, "and") || nf_tok_is(k, pos, "&")))
      pos++;
  }
  if (lower && !agency) return first; /* lower case names only beside ", Reuters" */
  for (size_t m = first; has_org && m < n; m++) {
    out[m].org_b = ob;
    out[m].org_e = oe;
    out[m].agency = agency;
  }
  return n;
}

/* "By Reuters", "By Reuters Staff": the organisation alone. */
static size_t org_only(const nf_toks *k, const nf_agencies *ag, size_t i, size_t e,
                       nf_byline_item *out, size_t n, size_t max) {
  size_t ob, oe;
  const char *agency;
  if (n == max || !org_at(k, ag, i, e, &ob, &oe, &agency) || !agency) return n;
  memset(&out[n], 0, sizeof out[n]);
  out[n].name_b = out[n].name_e = ob;
  out[n].org_b = ob;
  out[n].org_e = oe;
  out[n].agency = agency;
  return n + 1;
}

/* A "By ..." byline on tokens [i, e). */
static size_t by_line(const nf_toks *k, const nf_agencies *ag, size_t i, size_t e, int role,
                      nf_byline_item *out, size_t n, size_t max) {
  if (nf_tok_is(k, i, ":")) i++;
  size_t got = names_then_org(k, ag, i, e, role, 0, out, n, max);
  if (got == n) got = names_then_org(k, ag, i, e, role, 1, out, n, max);
  if (got == n) got = org_only(k, ag, i, e, out, n, max);
  return got;
}

/* The role a closing credit line gives ("Additional reporting" -> reporter);
 * *len gets the role words' count before "by", 0 when there is no role. */
static int chain_role(const nf_toks *k, size_t i, size_t e, size_t *len) {
  static const struct {
    const char *w1, *w2;
    int role;
  } roles[] = {
      {"reporting", NULL, NF_ROLE_REPORTER},     {"additional", "reporting", NF_ROLE_REPORTER},
      {"research", NULL, NF_ROLE_REPORTER},      {"additional", "research", NF_ROLE_REPORTER},
      {"writing", NULL, NF_ROLE_AUTHOR},         {"compiled", NULL, NF_ROLE_AUTHOR},
      {"compiling", NULL, NF_ROLE_AUTHOR},       {"written", NULL, NF_ROLE_AUTHOR},
      {"editing", NULL, NF_ROLE_EDITOR},         {"edited", NULL, NF_ROLE_EDITOR},
      {"additional", "writing", NF_ROLE_AUTHOR},
  };
  for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
    size_t m = roles[r].w2 ? 2 : 1;
    if (i + m >= e || !nf_tok_is(k, i, roles[r].w1)) continue;
    if (roles[r].w2 && !nf_tok_is(k, i + 1, roles[r].w2)) continue;
    if (!nf_tok_is(k, i + m, "by")) continue;
    *len = m;
    return roles[r].role;
  }
  *len = 0;
  return -1;
}

/* "(Reporting by X in Vilnius and Y; Editing by Z)" from token i. */
static size_t chain(const nf_toks *k, const nf_agencies *ag, size_t i, size_t e,
                    nf_byline_item *out, size_t n, size_t max) {
  size_t len;
  int role = chain_role(k, i, e, &len);
  while (role >= 0) {
    size_t pos = i + len + 1; /* after "by" */
    i = e;
    for (;;) {
      size_t words;
      size_t j = name_at(k, ag, pos, e, 0, &words);
      if (j == pos) return n;
      n = add_item(out, n, max, pos, j, role, 0);
      pos = j;
      /* "in Vilnius", "at the United Nations": where the reporter was */
      if (nf_tok_is(k, pos, "in") || nf_tok_is(k, pos, "at") || nf_tok_is(k, pos, "from")) {
        pos++;
        while (pos < e &&
               (nf_tok_word(k, pos) || nf_tok_is(k, pos, ".") ||
                nf_tok_kind(k, pos, NF_TOKEN_HYPHEN)) &&
               !nf_tok_is(k, pos, "and") &&
               (nf_tok_flag(k, pos, NF_TOK_CAPITALIZED) || nf_tok_is(k, pos, "the") ||
                nf_tok_is(k, pos, ".") || nf_tok_kind(k, pos, NF_TOKEN_HYPHEN)))
          pos++;
        /* "in West Palm Beach, Florida;": a state after the city, not a person */
        size_t words;
        size_t j2 = nf_tok_is(k, pos, ",") ? name_at(k, ag, pos + 1, e, 0, &words) : pos;
        if (j2 > pos + 1 && words == 1) pos = j2;
      }
      if (pos < e && nf_tok_is(k, pos, ".") && pos + 1 < e && nf_tok_is(k, pos + 1, ")")) pos++;
      if (pos >= e || !is_sep(k, pos)) return n;
      size_t next = pos + 1;
      if (nf_tok_is(k, pos, ",") && nf_tok_is(k, next, "and")) next++;
      int r2 = chain_role(k, next, e, &len);
      if (r2 >= 0) { /* "; Editing by", ", editing by", "and editing by" */
        role = r2;
        i = next;
        break;
      }
      if (nf_tok_is(k, pos, ";")) return n;
      pos = next;
    }
    if (i == e) break;
  }
  return n;
}

static int line_has_bar(const nf_toks *k, size_t i, size_t e) {
  for (; i < e; i++)
    if (nf_tok_char(k, i, '|')) return 1;
  return 0;
}

/* The line (by its first token) that the dateline starts, or k->n. */
static size_t line_before_dateline(const nf_toks *k, uint32_t dateline_start, size_t *prev) {
  size_t before = k->n;
  for (size_t i = 0, lines = 0; i < k->n && lines < 4; i = nf_tok_line_end(k, i), lines++) {
    if (k->v[i].start == dateline_start) {
      *prev = before;
      return i;
    }
    before = i;
  }
  return k->n;
}

/* A token of dashes alone ("-", "----", an en or em dash), set before a byline. */
static int dashes(const char *fold) {
  if (strcmp(fold, "\xe2\x80\x93") == 0 || strcmp(fold, "\xe2\x80\x94") == 0) return 1;
  if (*fold != '-') return 0;
  while (*fold == '-') fold++;
  return *fold == '\0';
}

size_t nf_bylines_find(const nf_toks *k, const nf_agencies *ag, uint32_t dateline_start,
                       nf_byline_item *out, size_t max) {
  size_t n = 0, line = 0;
  for (size_t i = 0; i < k->n && n < max; i = nf_tok_line_end(k, i), line++) {
    size_t e = nf_tok_line_end(k, i);
    int top = line < TOP_LINES || (nf_tok_flag(k, i, NF_TOK_PARA_START) &&
                                   (e == k->n || nf_tok_flag(k, e, NF_TOK_PARA_START)));
    size_t before = n, b = i;
    while (b + 1 < e && dashes(nf_tok_fold(k, b))) b++; /* "---- by Jane Doe" */
    if (top && nf_tok_is(k, b, "by") && (nf_tok_flag(k, b, NF_TOK_CAPITALIZED) || line < 2)) {
      n = by_line(k, ag, b + 1, e, NF_ROLE_AUTHOR, out, n, max);
    } else if (top && nf_tok_is(k, i + 1, "by") && nf_tok_flag(k, i, NF_TOK_CAPITALIZED) &&
               (word_in(k, i,
                        (const char *const[]){"written", "story", "words", "text", "article",
                                              "reported", NULL}))) {
      int role = nf_tok_is(k, i, "reported") ? NF_ROLE_REPORTER : NF_ROLE_AUTHOR;
      n = by_line(k, ag, i + 2, e, role, out, n, max);
    } else if (top && nf_tok_is(k, i + 1, ":") && nf_tok_flag(k, i, NF_TOK_CAPITALIZED) &&
               word_in(k, i,
                       (const char *const[]){"author", "authors", "byline", "writer", "reporter",
                                             "by", NULL})) {
      int role = nf_tok_is(k, i, "reporter") ? NF_ROLE_REPORTER : NF_ROLE_AUTHOR;
      n = by_line(k, ag, i + 2, e, role, out, n, max);
    } else if (top && line_has_bar(k, i, e)) {
      /* "Jane Doe | Reuters" */
      size_t words;
      size_t j = name_at(k, ag, i, e, 0, &words);
      size_t ob, oe;
      const char *agency;
      if (j > i && words >= 2 && nf_tok_is(k, j, "|") &&
          org_at(k, ag, j + 1, e, &ob, &oe, &agency) && oe > ob) {
        n = add_item(out, n, max, i, j, NF_ROLE_AUTHOR, 0);
        out[n - 1].org_b = ob;
        out[n - 1].org_e = oe;
        out[n - 1].agency = agency;
      }
    }
    if (n != before) continue;
    /* the closing credit line, at a line start or after "(" anywhere in it */
    for (size_t j = i; j < e && n < max; j++) {
      size_t len;
      int opens = j == i || nf_tok_char(k, j - 1, '(') || nf_tok_char(k, j - 1, '[');
      if (opens && nf_tok_word(k, j) && chain_role(k, j, e, &len) >= 0) {
        n = chain(k, ag, j, e, out, n, max);
        break;
      }
    }
  }
  /* a name alone on the line before the dateline (Reuters 1996: "Jane Doe\nLONDON 1996-08-30") */
  size_t prev = k->n;
  if (dateline_start != UINT32_MAX && line_before_dateline(k, dateline_start, &prev) < k->n &&
      prev < k->n && n < max) {
    size_t e = nf_tok_line_end(k, prev), words;
    size_t j = name_at(k, ag, prev, e, 0, &words);
    int plain = 1;
    for (size_t t = prev; t < j; t++)
      if (nf_tok_word(k, t) && !nf_tok_flag(k, t, NF_TOK_CAPITALIZED) && !particle_word(k, t))
        plain = 0; /* "Geert de Clercq" */
    int seen = 0;
    for (size_t m = 0; m < n; m++) seen |= out[m].name_b >= prev && out[m].name_b < e;
    if (j == e && words >= 2 && words <= 4 && plain && !seen)
      n = add_item(out, n, max, prev, j, NF_ROLE_AUTHOR, 0);
  }
  return n;
}

/* ---- credits ------------------------------------------------------------ */

/* A credit part [b, e) is an organisation rather than a person. */
static int org_part(const nf_toks *k, const nf_agencies *ag, size_t b, size_t e) {
  if (nf_agencies_find(ag, k->bytes + k->v[b].start, k->v[e - 1].end - k->v[b].start)) return 1;
  size_t words = 0;
  for (size_t j = b; j < e; j++) {
    if (word_in(k, j, org_words)) return 1;
    words += nf_tok_word(k, j);
  }
  return words >= 5;
}

/* "File Photo", "Handout", "Pool": what a credit adds that is neither. */
static int noise_part(const nf_toks *k, size_t b, size_t e) {
  for (size_t j = b; j < e; j++)
    if (!word_in(k, j, (const char *const[]){"file", "photo", "handout", "pool", "via", NULL}))
      return 0;
  return 1;
}

/* The credit whose text is tokens [b, e): "A.Pliadis/Lithuania Ministry of
 * Defense", "REUTERS/Ints Kalnins", "Jean-Marc Rivière/AFP". */
static size_t credit_parts(const nf_toks *k, const nf_agencies *ag, size_t b, size_t e,
                           nf_byline_item *out, size_t n, size_t max) {
  if (n == max) return n;
  size_t pb[3], pe[3], np = 0;
  for (size_t j = b; j <= e && np < 3;) {
    size_t s = j;
    while (j < e && !nf_tok_is(k, j, "/") && !nf_tok_is(k, j, "|")) j++;
    if (j > s && !noise_part(k, s, j)) {
      pb[np] = s;
      pe[np++] = j;
    }
    j++;
  }
  if (np == 0) return n;
  nf_byline_item *it = &out[n];
  memset(it, 0, sizeof *it);
  int have_name = 0, have_org = 0;
  for (size_t p = 0; p < np; p++) {
    int org = org_part(k, ag, pb[p], pe[p]);
    /* "X/Y" where neither says: the photographer, then the organisation */
    if (!org && have_name) org = 1;
    if (org && !have_org) {
      it->org_b = pb[p];
      it->org_e = pe[p];
      it->agency = nf_agencies_find(ag, k->bytes + k->v[pb[p]].start,
                                    k->v[pe[p] - 1].end - k->v[pb[p]].start);
      have_org = 1;
    } else if (!org && !have_name) {
      size_t words;
      size_t j = name_at(k, ag, pb[p], pe[p], 0, &words);
      if (j != pe[p]) return n; /* not a name: not a credit we understand */
      it->name_b = pb[p];
      it->name_e = pe[p];
      have_name = 1;
    }
  }
  if (!have_name) it->name_b = it->name_e = it->org_b;
  return have_name || have_org ? n + 1 : n;
}

/* Where the credit's text ends: the line's end, a closing bracket, or a
 * period that ends the sentence. */
static size_t credit_end(const nf_toks *k, size_t i, size_t e) {
  size_t j = i;
  while (j < e && !nf_tok_is(k, j, ")") && !nf_tok_is(k, j, "]") && !nf_tok_is(k, j, ";") &&
         !(nf_tok_is(k, j, ".") && (j + 1 == e || nf_tok_flag(k, j + 1, NF_TOK_SPACE_BEFORE))))
    j++;
  return j;
}

size_t nf_credits_find(const nf_toks *k, const nf_agencies *ag, nf_byline_item *out, size_t max) {
  size_t n = 0, e = 0;
  for (size_t i = 0; i < k->n && n < max; i++) {
    if (i >= e) e = nf_tok_line_end(k, i);
    /* every credit starts with a capital: "Photo", "REUTERS", "AP Photo" */
    if (!nf_tok_word(k, i) || !nf_tok_flag(k, i, NF_TOK_CAPITALIZED)) continue;
    int opened = i > 0 && (nf_tok_char(k, i - 1, '(') || nf_tok_char(k, i - 1, '['));
    int starts = opened || nf_tok_flag(k, i, NF_TOK_SENT_START | NF_TOK_LINE_START) ||
                 (i > 0 && (nf_tok_char(k, i - 1, '.') || nf_tok_char(k, i - 1, '|')));
    /* "Photo: X", "Photo by X", "Photo credit: X", "Courtesy of X" */
    if (starts && word_in(k, i, credit_words)) {
      size_t j = i + 1;
      if (word_in(k, j, (const char *const[]){"credit", "courtesy", NULL})) j++;
      if (nf_tok_is(k, j, ":") || nf_tok_is(k, j, "by") || nf_tok_is(k, j, "of")) {
        j++;
        if (nf_tok_is(k, j, "of")) j++; /* "Photo courtesy of" */
        size_t end = credit_end(k, j, e);
        if (end > j) {
          size_t got = credit_parts(k, ag, j, end, out, n, max);
          if (got > n) {
            n = got;
            i = end;
          }
        }
        continue;
      }
    }
    /* "REUTERS/Ints Kalnins", "(AP Photo/Mindaugas Kulbis)", "AFP PHOTO / X": a slash
     * close by first, so that most words cost no lookup */
    int slash = 0;
    for (size_t j = i + 1; j < e && j <= i + 4 && !slash; j++) slash = nf_tok_char(k, j, '/');
    for (size_t len = 1; slash && len <= 3 && i + len < e; len++) {
      const char *agency =
          nf_agencies_find(ag, k->bytes + k->v[i].start, k->v[i + len - 1].end - k->v[i].start);
      if (!agency) continue;
      size_t j = i + len;
      int photo = word_in(k, j, (const char *const[]){"photo", "photos", "pictures", NULL});
      if (photo) j++;
      if (!nf_tok_is(k, j, "/") || !(photo || nf_tok_flag(k, i + len - 1, NF_TOK_ALL_CAPS)))
        continue;
      size_t end = credit_end(k, j + 1, e), words;
      size_t ne = name_at(k, ag, j + 1, end, 0, &words);
      if (ne == j + 1 || words < 2) continue;
      /* "REUTERS/Ints Kalnins/File Photo": the parts after the name are noise */
      if (ne < end && !(nf_tok_is(k, ne, "/") && noise_part(k, ne + 1, end))) continue;
      memset(&out[n], 0, sizeof out[n]);
      out[n].name_b = j + 1;
      out[n].name_e = ne;
      out[n].org_b = i;
      out[n].org_e = i + len;
      out[n].agency = agency;
      n++;
      i = end;
      break;
    }
  }
  return n;
}

int nf_org_name(const char *p, size_t n) {
  char key[NF_KEY_MAX];
  size_t len = nf_key_make(p, n, key);
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && key[j] != ' ') j++;
    key[j] = '\0';
    if (nf_in_list(key + i, org_words)) return 1;
    i = j + 1;
  }
  return 0;
}

size_t nf_tokens_text(const nf_toks *k, size_t b, size_t e, char *out, size_t cap) {
  size_t len = 0;
  for (size_t j = b; j < e; j++) {
    int space = j > b && (nf_tok_flag(k, j, NF_TOK_SPACE_BEFORE) ||
                          (nf_tok_flag(k, j - 1, NF_TOK_INITIAL) && nf_tok_word(k, j)));
    size_t n = k->v[j].end - k->v[j].start;
    if (len + n + 2 > cap) return 0;
    if (space) out[len++] = ' ';
    memcpy(out + len, k->bytes + k->v[j].start, n);
    len += n;
  }
  if (cap) out[len] = '\0';
  return len;
}
