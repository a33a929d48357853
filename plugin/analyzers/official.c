/* The official analyzer: people who hold a title, in every order news copy
 * writes them ("US Secretary of Defense Lloyd J. Austin III", "Gabrielius
 * Landsbergis, Lithuania's foreign minister,", "the foreign minister,
 * Gabrielius Landsbergis,", "said Treasury Secretary James Baker"), each with
 * the normalised title, the country (demonym, "X's", "of X", else the
 * article's) and the organisation the office belongs to (NATO, a company).
 * A title without a name links to the official already named when exactly
 * one fits ("the American defense secretary").
 *
 * It also finds the article's person names (person_names.c) and emits every
 * mention as a "person" result (value: the fullest name, flags: gender), so
 * the speaker analyzer after it reads them.  Results:
 *   person            value full name, label as written, flags NF_GENDER_*
 *   official          value title, label person, ref its person result
 *   official_country  value ISO code, ref its official result
 *   official_org      value the organisation, ref its official result
 *   title             every title mention; value title, label the person it
 *                     names (NULL: none), ref its official result or NF_NO_REF */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers/builtins.h"
#include "analyzers/lexicon.h"
#include "analyzers/person_names.h"
#include "analyzers/titles.h"
#include "analyzers/tokspan.h"
#include "core/buffer.h"
#include "record/record_json.h"

#define NONE UINT32_MAX

/* A country mention of the country analyzer, in tokens. */
typedef struct country_tok {
  uint32_t begin, end;
  char code[4];
} country_tok;

/* One title in the text. */
typedef struct title {
  uint32_t begin, end;               /* the whole title, country and org included */
  uint32_t office_begin, office_end; /* the office's words: "Secretary of Defense" */
  uint32_t org_begin, org_end;       /* org_begin == org_end: none */
  char country[4];
  uint16_t head_flags; /* NF_LEX_* of the head */
  uint32_t official;   /* index into officials, or NONE */
  uint32_t norm;       /* offset of the normalised title in the names buffer */
} title;

typedef struct official {
  uint32_t person; /* index into people.persons */
  uint32_t title;  /* the first title that made it */
  uint32_t start, end;
  char country[4];
  uint32_t org_title; /* the title whose org it has, or NONE */
} official;

typedef struct article {
  const nf_lexicon *lex;
  const nf_text *t;
  const nf_token *toks;
  size_t ntoks;
  const char *folds;
  const char *bytes;
  uint8_t *marks;
  uint32_t *country_at; /* per token: index into countries, or NONE */
  country_tok *countries;
  size_t ncountries;
  title *titles;
  size_t ntitles, cap_titles;
  official *officials;
  size_t nofficials, cap_officials;
  nf_buf norms; /* normalised titles, NUL-separated */
  char dominant[4]; /* the dateline's country */
  nf_people people;
} article;

static const char *fold(const article *a, size_t i) { return a->folds + a->toks[i].fold; }
static int fold_is(const article *a, size_t i, const char *s) {
  return i < a->ntoks && strcmp(fold(a, i), s) == 0;
}

static int is_determiner(const article *a, size_t i) {
  static const char *const words[] = {"the", "a", "an", "its", "his", "her", "their", "our"};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (fold_is(a, i, words[k])) return 1;
  return 0;
}

static nf_lex_match lex_at(const article *a, size_t i, unsigned kinds) {
  return nf_lexicon_match(a->lex, a->t, i, kinds);
}

static int possessive(const article *a, size_t i) {
  return i < a->ntoks && (a->toks[i].flags & NF_TOK_POSSESSIVE);
}

static int title_word(const article *a, size_t i) {
  nf_lex_match m = lex_at(a, i, NF_LEX_TITLE_WORDS);
  return m.len && (m.kinds & (NF_LEX_BIT(NF_LEX_HEAD) | NF_LEX_BIT(NF_LEX_DOMAIN) |
                              NF_LEX_BIT(NF_LEX_RANK)));
}

/* A capitalised word that may name an organisation before a title:
 * "Pfizer Chief Executive", "Senate Majority Leader". */
static int org_word(const article *a, size_t i) {
  if (i >= a->ntoks) return 0;
  const nf_token *tk = &a->toks[i];
  if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_CAPITALIZED) ||
      (tk->flags & NF_TOK_IN_QUOTE))
    return 0;
  if (a->country_at[i] != NONE) return 0;
  return !lex_at(a, i, NF_LEX_BIT(NF_LEX_STOP) | NF_LEX_BIT(NF_LEX_FIRST_NAME) |
                           NF_LEX_BIT(NF_LEX_HONORIFIC) | NF_LEX_BIT(NF_LEX_VERB))
              .len;
}

/* A domain list after "of": "Trade and Industry", "State for Defence". */
static size_t domains_at(const article *a, size_t k) {
  size_t end = k;
  for (;;) {
    if (fold_is(a, k, "the")) k++;
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_DOMAIN));
    if (!m.len) break;
    k += m.len;
    end = k;
    if ((fold_is(a, k, "and") || fold_is(a, k, ",") || fold_is(a, k, "&") ||
         fold_is(a, k, "for")) &&
        lex_at(a, k + 1 + fold_is(a, k + 1, "the"), NF_LEX_BIT(NF_LEX_DOMAIN)).len) {
      k++;
      continue;
    }
    break;
  }
  return end;
}

/* A title that starts at token i. */
static int parse_title(const article *a, size_t i, title *out) {
  memset(out, 0, sizeof *out);
  out->begin = (uint32_t)i;
  out->office_begin = NONE;
  out->official = NONE;
  size_t j = i, head_end = 0;
  int org_guess = 0;
  while (j < a->ntoks) {
    const nf_token *tk = &a->toks[j];
    if (tk->kind != NF_TOKEN_WORD && tk->kind != NF_TOKEN_HYPHEN) break;
    int started = out->office_begin != NONE;
    uint32_t c = a->country_at[j];
    if (c != NONE && a->countries[c].begin == j && !title_word(a, j)) {
      if (started || out->country[0]) break;
      memcpy(out->country, a->countries[c].code, 4);
      j = a->countries[c].end;
      if (possessive(a, j)) j++;
      continue;
    }
    if (tk->kind == NF_TOKEN_HYPHEN) {
      /* "then-Defense Secretary", "vice-chairman" */
      if (j > i && title_word(a, j + 1)) {
        j++;
        continue;
      }
      break;
    }
    nf_lex_match m =
        lex_at(a, j, NF_LEX_TITLE_WORDS | NF_LEX_BIT(NF_LEX_ORG) | NF_LEX_BIT(NF_LEX_BODY));
    /* "Foreign Ministry spokesman", "State Department official" */
    if (m.len && m.kinds == NF_LEX_BIT(NF_LEX_BODY) && !(m.flags & NF_LEX_PLURAL) &&
        title_word(a, j + m.len))
      m.kinds = NF_LEX_BIT(NF_LEX_DOMAIN);
    unsigned office = NF_LEX_BIT(NF_LEX_HEAD) | NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_RANK);
    if (m.len && (m.kinds & office) &&
        !(started == 0 && (m.kinds & NF_LEX_BIT(NF_LEX_ORG)) && !title_word(a, j + m.len))) {
      if (!started) out->office_begin = (uint32_t)j;
      if (m.kinds & NF_LEX_BIT(NF_LEX_HEAD)) {
        nf_lex_match h = lex_at(a, j, NF_LEX_BIT(NF_LEX_HEAD));
        if (h.len == m.len) {
          head_end = j + m.len;
          out->head_flags = h.flags;
        }
      }
      j += m.len;
      continue;
    }
    if (m.len && (m.kinds & NF_LEX_BIT(NF_LEX_STATE))) {
      if (started) break;
      j += m.len;
      continue;
    }
    if (m.len && (m.kinds & NF_LEX_BIT(NF_LEX_ORG))) {
      if (started || out->org_end) break;
      out->org_begin = (uint32_t)j;
      out->org_end = (uint32_t)(j + m.len);
      j += m.len;
      if (possessive(a, j)) j++;
      continue;
    }
    if (started && fold_is(a, j, "and") && title_word(a, j + 1)) {
      j++;
      continue;
    }
    /* an organisation's own name before its office: up to three words */
    if (!started && !out->org_end && !out->country[0] && j == i && org_word(a, j)) {
      size_t k = j;
      while (k < j + 3 && org_word(a, k) && !title_word(a, k)) k++;
      if (possessive(a, k)) k++;
      if (!title_word(a, k)) break;
      out->org_begin = (uint32_t)j;
      out->org_end = (uint32_t)(possessive(a, k - 1) ? k - 1 : k);
      org_guess = 1;
      j = k;
      continue;
    }
    break;
  }
  if (!head_end) return 0;
  /* the head must be written as a title: all of it capitalised or none */
  out->office_end = (uint32_t)head_end;
  out->end = (uint32_t)head_end;
  /* complements: "of Defense", "of Lithuania", "of NATO" */
  if (fold_is(a, head_end, "of") || fold_is(a, head_end, "for")) {
    size_t k = head_end + 1;
    size_t d = domains_at(a, k);
    if (d > k) {
      out->office_end = out->end = (uint32_t)d;
      /* "the Minister of Health of Portugal" */
      size_t c0 = d + 1 + fold_is(a, d + 1, "the");
      if ((fold_is(a, d, "of") || fold_is(a, d, "in")) && c0 < a->ntoks &&
          a->country_at[c0] != NONE && a->countries[a->country_at[c0]].begin == c0 &&
          !out->country[0]) {
        memcpy(out->country, a->countries[a->country_at[c0]].code, 4);
        out->end = a->countries[a->country_at[c0]].end;
      }
    } else {
      if (fold_is(a, k, "the")) k++;
      uint32_t c = k < a->ntoks ? a->country_at[k] : NONE;
      nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_ORG));
      if (c != NONE && a->countries[c].begin == k && !out->country[0]) {
        memcpy(out->country, a->countries[c].code, 4);
        out->end = a->countries[c].end;
      } else if (m.len && !out->org_end) {
        out->org_begin = (uint32_t)k;
        out->org_end = (uint32_t)(k + m.len);
        out->end = out->org_end;
      } else if (!out->org_end && org_word(a, k) && !title_word(a, k)) {
        /* "the president of the Lombardy region", "secretary general of CEI" */
        size_t e = k;
        while (e < k + 5 && e < a->ntoks && a->toks[e].kind == NF_TOKEN_WORD &&
               !title_word(a, e) && !fold_is(a, e, "and"))
          e++;
        out->org_begin = (uint32_t)k;
        out->org_end = (uint32_t)e;
        out->end = (uint32_t)e;
      }
    }
  }
  (void)org_guess;
  return 1;
}

static nf_status add_title(article *a, const title *t) {
  if (a->ntitles == a->cap_titles) {
    size_t cap = a->cap_titles ? a->cap_titles * 2 : 16;
    title *v = realloc(a->titles, cap * sizeof *v);
    if (!v) return NF_ERR_NOMEM;
    a->titles = v;
    a->cap_titles = cap;
  }
  a->titles[a->ntitles++] = *t;
  return NF_OK;
}

static const char *norm_of(const article *a, const title *t) { return a->norms.data + t->norm; }

/* Every title of the article, with its normalised form. */
static nf_status find_titles(article *a) {
  nf_buf norm = NF_BUF_INIT;
  nf_status s = NF_OK;
  for (size_t i = 0; i < a->ntoks && s == NF_OK;) {
    title t;
    if (!parse_title(a, i, &t)) {
      i++;
      continue;
    }
    const nf_token *ob = &a->toks[t.office_begin], *oe = &a->toks[t.office_end - 1];
    s = nf_title_normalize(a->bytes + ob->start, oe->end - ob->start, &norm, NULL);
    if (s == NF_OK && norm.len) {
      t.norm = (uint32_t)a->norms.len;
      s = nf_buf_append(&a->norms, norm.data, norm.len + 1);
      if (s == NF_OK) s = add_title(a, &t);
      for (size_t k = t.begin; s == NF_OK && k < t.end; k++) a->marks[k] |= NF_PM_TITLE;
      if (s == NF_OK) {
        a->marks[t.begin] |= NF_PM_TITLE_START;
        a->marks[t.end - 1] |= NF_PM_TITLE_END;
      }
    }
    i = t.end;
  }
  nf_buf_free(&norm);
  return s == NF_ERR_PARSE ? NF_OK : s;
}

/* The mention that ends just before token k, or NULL. */
static const nf_person_mention *mention_ending(const article *a, size_t k) {
  const nf_people *pp = &a->people;
  for (size_t m = pp->nmentions; m-- > 0;) {
    if (pp->mentions[m].tok_end == k) return &pp->mentions[m];
    if (pp->mentions[m].tok_end < k) break;
  }
  return NULL;
}

/* What may follow a name or title in apposition: , . ; ) a verb, "who". */
static int apposition_ends(const article *a, size_t k) {
  if (k >= a->ntoks) return 1;
  const char *f = fold(a, k);
  if (!strcmp(f, ",") || !strcmp(f, ".") || !strcmp(f, ";") || !strcmp(f, ")") ||
      !strcmp(f, "who") || !strcmp(f, "and") || !strcmp(f, ":"))
    return 1;
  if (a->toks[k].kind == NF_TOKEN_QUOTE || a->toks[k].kind == NF_TOKEN_DASH) return 1;
  return lex_at(a, k, NF_LEX_BIT(NF_LEX_VERB)).len > 0;
}

static nf_status add_official(article *a, uint32_t person, uint32_t ti, uint32_t start,
                              uint32_t end) {
  title *t = &a->titles[ti];
  for (size_t o = 0; o < a->nofficials; o++) {
    official *of = &a->officials[o];
    if (of->person != person || strcmp(norm_of(a, &a->titles[of->title]), norm_of(a, t)))
      continue;
    if (!of->country[0] && t->country[0]) memcpy(of->country, t->country, 4);
    if (of->org_title == NONE && t->org_end) of->org_title = ti;
    t->official = (uint32_t)o;
    return NF_OK;
  }
  if (a->nofficials == a->cap_officials) {
    size_t cap = a->cap_officials ? a->cap_officials * 2 : 16;
    official *v = realloc(a->officials, cap * sizeof *v);
    if (!v) return NF_ERR_NOMEM;
    a->officials = v;
    a->cap_officials = cap;
  }
  official *of = &a->officials[a->nofficials];
  memset(of, 0, sizeof *of);
  of->person = person;
  of->title = ti;
  of->start = start;
  of->end = end;
  memcpy(of->country, t->country, 4);
  of->org_title = t->org_end ? ti : NONE;
  t->official = (uint32_t)a->nofficials++;
  return NF_OK;
}

static const char *head_of(const char *norm) {
  const char *sp = strrchr(norm, ' ');
  return sp ? sp + 1 : norm;
}

/* A title without a name: the official named before it, when exactly one
 * person fits (same title, else same head; same country and org if said). */
static void link_bare_title(article *a, uint32_t ti) {
  title *t = &a->titles[ti];
  const char *norm = norm_of(a, t);
  for (int by_head = 0; by_head < 2; by_head++) {
    uint32_t found = NONE;
    int ambiguous = 0;
    for (size_t o = 0; o < a->nofficials; o++) {
      const official *of = &a->officials[o];
      const title *ot = &a->titles[of->title];
      if (ot->begin >= t->begin) continue;
      const char *on = norm_of(a, ot);
      if (by_head ? strcmp(head_of(on), head_of(norm)) != 0 : strcmp(on, norm) != 0) continue;
      if (t->country[0] && of->country[0] && strcmp(t->country, of->country)) continue;
      if (found != NONE && a->officials[found].person != of->person) ambiguous = 1;
      if (found == NONE) found = (uint32_t)o;
    }
    if (ambiguous) return;
    if (found != NONE) {
      t->official = found;
      return;
    }
  }
}

static nf_status link_titles(article *a) {
  nf_status s = NF_OK;
  for (uint32_t ti = 0; ti < a->ntitles && s == NF_OK; ti++) {
    title *t = &a->titles[ti];
    uint32_t tstart = a->toks[t->begin].start, tend = a->toks[t->end - 1].end;
    const nf_person_mention *m = nf_people_mention_at(&a->people, t->end);
    if (m) { /* "Defense Minister Arvydas Anusauskas" */
      s = add_official(a, m->person, ti, tstart, a->toks[m->tok_end - 1].end);
      continue;
    }
    /* "Gabrielius Landsbergis, Lithuania's foreign minister," */
    size_t k = t->begin;
    while (k > 0 && is_determiner(a, k - 1)) k--;
    if (k > 0 && fold_is(a, k - 1, ",") && apposition_ends(a, t->end)) {
      m = mention_ending(a, k - 1);
      if (m) {
        s = add_official(a, m->person, ti, a->toks[m->tok_begin].start, tend);
        continue;
      }
    }
    /* "the foreign minister, Gabrielius Landsbergis,", "Saudi Arabia's
     * energy minister, Prince Abdulaziz bin Salman," */
    if (fold_is(a, t->end, ",")) {
      size_t k = t->end + 1;
      for (size_t n = ti + 1; n < a->ntitles && a->titles[n].begin <= k; n++)
        if (a->titles[n].begin == k) k = a->titles[n].end;
      if (k < a->ntoks && nf_lexicon_match(a->lex, a->t, k, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1)
        k++;
      m = nf_people_mention_at(&a->people, k);
      if (m && apposition_ends(a, m->tok_end)) {
        s = add_official(a, m->person, ti, tstart, a->toks[m->tok_end - 1].end);
        continue;
      }
    }
    link_bare_title(a, ti);
  }
  return s;
}

/* The country of the article's dateline ("VILNIUS, Dec 20 (Reuters) -"),
 * as the dateline analyzer wrote it in the record: where an office with no
 * country of its own is most likely to be. */
static void find_context_country(article *a, nf_analysis *an) {
  a->dominant[0] = '\0';
  json_t *dl = json_object_get(nf_record_json(nf_analysis_record(an)), "dateline");
  const char *code = json_string_value(json_object_get(dl, "country"));
  if (code && strlen(code) == 2) snprintf(a->dominant, sizeof a->dominant, "%s", code);
}

static nf_status read_countries(article *a, nf_analysis *an) {
  size_t n;
  const nf_result *r = nf_analysis_results(an, &n);
  for (size_t i = 0; i < a->ntoks; i++) a->country_at[i] = NONE;
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += strcmp(r[i].type, "country") == 0;
  a->countries = count ? malloc(count * sizeof *a->countries) : NULL;
  if (count && !a->countries) return NF_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(r[i].type, "country") != 0 || !r[i].value) continue;
    size_t b, e;
    if (!nf_tokens_of_span(a->toks, a->ntoks, r[i].start, r[i].end, &b, &e)) continue;
    country_tok *c = &a->countries[a->ncountries];
    c->begin = (uint32_t)b;
    c->end = (uint32_t)e;
    snprintf(c->code, sizeof c->code, "%s", r[i].value);
    for (size_t k = b; k < e; k++) {
      a->country_at[k] = (uint32_t)a->ncountries;
      a->marks[k] |= NF_PM_COUNTRY;
    }
    a->ncountries++;
  }
  return NF_OK;
}

/* The bytes the token offsets refer to.  Not kept across nf_record_add_value:
 * the record keeps the text in the arena its values grow, so adding a value
 * may move it (nf_text_bytes would then point to freed memory); a sanitized
 * text is the nf_text's own copy and stays. */
static const char *article_bytes(nf_analysis *an) {
  const nf_text *t = nf_analysis_text(an);
  if (nf_text_replacements(t)) return nf_text_bytes(t, NULL);
  return nf_record_text(nf_analysis_record(an), NULL);
}

/* ---- output ---------------------------------------------------------------- */

static nf_status emit(nf_analysis *an, const char *type, uint32_t start, uint32_t end,
                      const char *value, const char *label, uint32_t ref, uint32_t flags,
                      uint32_t *index) {
  nf_result r = {type, start, end, value, label, ref, flags};
  return nf_analysis_emit(an, &r, index);
}

static nf_status add_value_once(nf_record *rec, json_t *seen, const char *source,
                                const char *value) {
  char key[512];
  snprintf(key, sizeof key, "%s\x1f%s", source, value);
  if (json_object_get(seen, key)) return NF_OK;
  if (json_object_set_new(seen, key, json_true())) return NF_ERR_NOMEM;
  return nf_record_add_value(rec, source, value, strlen(value));
}

static nf_status write_output(article *a, nf_analysis *an) {
  nf_record *rec = nf_analysis_record(an);
  nf_buf names = NF_BUF_INIT; /* each person's name, NUL-separated */
  size_t np = a->people.npersons;
  uint32_t *name_at = np ? malloc(np * sizeof *name_at) : NULL;
  uint32_t *first_result = np ? malloc(np * sizeof *first_result) : NULL;
  uint32_t *official_result = a->nofficials ? malloc(a->nofficials * sizeof *official_result)
                                            : NULL;
  json_t *list = json_array(), *seen = json_object();
  nf_status s = (np && (!name_at || !first_result)) ||
                        (a->nofficials && !official_result) || !list || !seen
                    ? NF_ERR_NOMEM
                    : NF_OK;
  for (size_t p = 0; s == NF_OK && p < np; p++) {
    uint32_t st, en;
    nf_person_span(&a->people, a->t, p, &st, &en);
    name_at[p] = (uint32_t)names.len;
    s = nf_buf_append(&names, a->bytes + st, en - st);
    if (s == NF_OK) s = nf_buf_append_char(&names, '\0');
    first_result[p] = NONE;
  }
  /* persons */
  for (size_t m = 0; s == NF_OK && m < a->people.nmentions; m++) {
    const nf_person_mention *pm = &a->people.mentions[m];
    char label[256];
    uint32_t st = a->toks[pm->tok_begin].start, en = a->toks[pm->tok_end - 1].end;
    snprintf(label, sizeof label, "%.*s", (int)(en - st), a->bytes + st);
    uint32_t idx;
    s = emit(an, "person", st, en, names.data + name_at[pm->person], label,
             first_result[pm->person], a->people.persons[pm->person].gender, &idx);
    if (first_result[pm->person] == NONE) first_result[pm->person] = idx;
  }
  /* officials */
  for (size_t o = 0; s == NF_OK && o < a->nofficials; o++) {
    const official *of = &a->officials[o];
    const title *t = &a->titles[of->title];
    const char *person = names.data + name_at[of->person];
    const char *country = of->country[0] ? of->country : NULL;
    if (!country && of->org_title == NONE && a->dominant[0]) country = a->dominant;
    char org[256] = "";
    if (of->org_title != NONE) {
      const title *ot = &a->titles[of->org_title];
      uint32_t st = a->toks[ot->org_begin].start, en = a->toks[ot->org_end - 1].end;
      snprintf(org, sizeof org, "%.*s", (int)(en - st), a->bytes + st);
    }
    s = emit(an, "official", of->start, of->end, norm_of(a, t), person,
             first_result[of->person], 0, &official_result[o]);
    if (s == NF_OK && country)
      s = emit(an, "official_country", of->start, of->end, country, person, official_result[o],
               0, NULL);
    if (s == NF_OK && org[0])
      s = emit(an, "official_org", of->start, of->end, org, person, official_result[o], 0, NULL);
    if (s != NF_OK || (t->head_flags & NF_LEX_ROLE)) continue;
    json_t *span = json_pack("[i,i]", (int)of->start, (int)of->end);
    json_t *obj = json_pack("{s:s,s:s,s:s?,s:s?,s:o}", "person", person, "title", norm_of(a, t),
                            "country", country, "org", org[0] ? org : NULL, "span", span);
    if (!obj || json_array_append_new(list, obj)) s = NF_ERR_NOMEM;
    if (s == NF_OK) s = add_value_once(rec, seen, "officials", person);
    if (s == NF_OK) s = add_value_once(rec, seen, "titles", norm_of(a, t));
    if (s == NF_OK && country) s = add_value_once(rec, seen, "official_countries", country);
    a->bytes = article_bytes(an);
  }
  /* every title mention */
  for (size_t ti = 0; s == NF_OK && ti < a->ntitles; ti++) {
    const title *t = &a->titles[ti];
    const char *person = NULL;
    uint32_t ref = NF_NO_REF;
    if (t->official != NONE) {
      person = names.data + name_at[a->officials[t->official].person];
      ref = official_result[t->official];
    }
    s = emit(an, "title", a->toks[t->begin].start, a->toks[t->end - 1].end, norm_of(a, t),
             person, ref, t->head_flags, NULL);
  }
  if (s == NF_OK && json_object_set_new(nf_record_json(rec), "officials", list)) s = NF_ERR_NOMEM;
  else if (s != NF_OK) json_decref(list);
  json_decref(seen);
  free(name_at);
  free(first_result);
  free(official_result);
  nf_buf_free(&names);
  return s;
}

static void article_free(article *a) {
  free(a->marks);
  free(a->country_at);
  free(a->countries);
  free(a->titles);
  free(a->officials);
  nf_buf_free(&a->norms);
  nf_people_free(&a->people);
}

static nf_status analyze(const void *instance, nf_analysis *an, nf_error *err) {
  article a;
  memset(&a, 0, sizeof a);
  a.lex = instance;
  a.t = nf_analysis_text(an);
  a.toks = nf_text_tokens(a.t, &a.ntoks);
  a.folds = nf_text_folds(a.t);
  a.bytes = article_bytes(an);
  nf_people_init(&a.people);
  a.marks = calloc(a.ntoks + 1, 1);
  a.country_at = malloc((a.ntoks + 1) * sizeof *a.country_at);
  nf_status s = a.marks && a.country_at ? NF_OK : NF_ERR_NOMEM;
  if (s == NF_OK) s = read_countries(&a, an);
  if (s == NF_OK) s = find_titles(&a);
  if (s == NF_OK) s = nf_people_find(&a.people, a.lex, a.t, a.marks);
  if (s == NF_OK) s = link_titles(&a);
  if (s == NF_OK) {
    find_context_country(&a, an);
    s = write_output(&a, an);
  }
  article_free(&a);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

const nf_analyzer_v1 nf_official_analyzer = {
    NF_ANALYZER_ABI,
    "official",
    "People who hold a title, with the normalised title, country and organisation",
    nf_lexicon_analyzer_create,
    nf_lexicon_analyzer_destroy,
    analyze,
};
