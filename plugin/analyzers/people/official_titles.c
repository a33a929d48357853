/* The official analyzer: titles, parsed in every order news copy writes
 * them ("US Secretary of Defense", "Lithuania's foreign minister", "Philippine
 * Secretary of Trade and Industry"), with their country and organisation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/tokens.h"
#include "core/grow.h"
#include "fields/orgs.h"
#include "fields/titles.h"
#include "official_internal.h"

static int possessive(const article *a, size_t i) {
  return i < a->toks.n && (a->toks.v[i].flags & NF_TOK_POSSESSIVE);
}

static int title_word(const article *a, size_t i) {
  nf_lex_match m = lex_at(a, i, NF_LEX_TITLE_WORDS);
  return m.len && (m.kinds &
                   (NF_LEX_BIT(NF_LEX_HEAD) | NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_RANK)));
}

/* A first name that starts a firm named after a person: the capitalised
 * words from it end in a legal form ("Laurie Milbank and Co", "Charles
 * Schwab Corp"). */
static int firm_of_person(const article *a, size_t i) {
  for (size_t k = i + 1; k < i + 6 && k < a->toks.n; k++) {
    const nf_token *tk = &a->toks.v[k];
    if (nf_tok_is(&a->toks, k, "and") || nf_tok_is(&a->toks, k, "&")) continue;
    if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_CAPITALIZED)) return 0;
    if (nf_org_is_suffix(a->toks.bytes + tk->start, tk->end - tk->start)) return 1;
  }
  return 0;
}

/* A capitalised word that may name an organisation before a title:
 * "Pfizer Chief Executive", "Senate Majority Leader". */
static int org_word(const article *a, size_t i) {
  if (i >= a->toks.n) return 0;
  const nf_token *tk = &a->toks.v[i];
  if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_CAPITALIZED) ||
      (tk->flags & NF_TOK_IN_QUOTE))
    return 0;
  if (a->country_at[i] != NONE) return 0;
  /* a first name starts a person's name, not a firm's, unless the gazetteer
   * or a legal form says otherwise ("Dean Witter", "Laurie Milbank and Co") */
  if (!(a->marks[i] & NF_PM_ORG) && lex_at(a, i, NF_LEX_BIT(NF_LEX_FIRST_NAME)).len &&
      !firm_of_person(a, i))
    return 0;
  return !lex_at(a, i,
                 NF_LEX_BIT(NF_LEX_STOP) | NF_LEX_BIT(NF_LEX_HONORIFIC) | NF_LEX_BIT(NF_LEX_VERB))
              .len;
}

/* Whether token i continues a run of capitalised words ("Hinckley" in
 * "Charles Hinckley"), so cannot start a name of its own. */
static int capital_before(const article *a, size_t i) {
  if (i == 0 || (a->toks.v[i].flags & NF_TOK_PARA_START)) return 0;
  const nf_token *p = &a->toks.v[i - 1];
  return p->kind == NF_TOKEN_WORD && (p->flags & NF_TOK_CAPITALIZED) &&
         !lex_at(a, i - 1, NF_LEX_BIT(NF_LEX_STOP)).len;
}

/* "and", "&" or "of" joining two capitalised words of one name: "Ways and
 * Means", "Laurie Milbank and Co". */
static int name_join(const article *a, size_t i) {
  return (nf_tok_is(&a->toks, i, "and") || nf_tok_is(&a->toks, i, "&") ||
          nf_tok_is(&a->toks, i, "of")) &&
         capital_before(a, i) && org_word(a, i + 1) && !title_word(a, i + 1);
}

static int in_capital_run(const article *a, size_t i) {
  return capital_before(a, i) || (i > 0 && name_join(a, i - 1));
}

/* A word that may start an organisation's name: none of a generic body
 * noun ("Company chairman"), a legal form ("Ltd chief economist") or a
 * place ("New York Governor"). */
static int org_start(const article *a, size_t i) {
  if (!org_word(a, i) || in_capital_run(a, i)) return 0;
  const nf_token *tk = &a->toks.v[i];
  if (nf_org_is_suffix(a->toks.bytes + tk->start, tk->end - tk->start)) return 0;
  return !lex_at(a, i, NF_LEX_BIT(NF_LEX_BODY) | NF_LEX_BIT(NF_LEX_PLACE)).len;
}

/* A capitalised organisation word: "Party", "Committee", "Bank". */
static int org_body_word(const article *a, size_t i) {
  return i < a->toks.n && (a->toks.v[i].flags & NF_TOK_CAPITALIZED) &&
         lex_at(a, i, NF_LEX_BIT(NF_LEX_ORGWORD)).len == 1;
}

/* A domain list after "of": "Trade and Industry", "State for Defence". */
static size_t domains_at(const article *a, size_t k) {
  size_t start = k, end = k;
  for (;;) {
    if (nf_tok_is(&a->toks, k, "the")) k++;
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_DOMAIN));
    if (!m.len) break;
    k += m.len;
    end = k;
    if ((nf_tok_is(&a->toks, k, "and") || nf_tok_is(&a->toks, k, ",") ||
         nf_tok_is(&a->toks, k, "&") || nf_tok_is(&a->toks, k, "for")) &&
        lex_at(a, k + 1 + nf_tok_is(&a->toks, k + 1, "the"), NF_LEX_BIT(NF_LEX_DOMAIN)).len) {
      k++;
      continue;
    }
    break;
  }
  /* "chairman of the Presidential Commission on Good Government": words
   * that begin an organisation's name are no domains */
  if (end > start && org_body_word(a, end)) return start;
  return end;
}

/* A title that starts at token i. */
static int parse_title(const article *a, size_t i, title *out) {
  memset(out, 0, sizeof *out);
  out->begin = (uint32_t)i;
  out->office_begin = NONE;
  out->official = NONE;
  size_t j = i, head_end = 0, before_and = 0;
  int only_rank = 1; /* the office so far is ranks only: "Deputy" */
  while (j < a->toks.n) {
    const nf_token *tk = &a->toks.v[j];
    if (tk->kind != NF_TOKEN_WORD && tk->kind != NF_TOKEN_HYPHEN) break;
    int started = out->office_begin != NONE;
    uint32_t c = a->country_at[j];
    if (c != NONE && a->countries[c].begin == j && !title_word(a, j)) {
      /* "Deputy U.S. Trade Representative": a rank may come first */
      if ((started && !only_rank) || out->country[0]) break;
      if (started) {
        out->inner_country_begin = (uint32_t)j;
        out->inner_country_end = a->countries[c].end;
      }
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
    /* "Federal Reserve Board chairman": the organisation table's longest
     * name before the office */
    nf_lex_match om = lex_at(a, j, NF_LEX_BIT(NF_LEX_ORGANISATION));
    if (!started && !out->org_end && om.len > 1 && title_word(a, j + om.len)) {
      out->org_begin = (uint32_t)j;
      out->org_end = (uint32_t)(j + om.len);
      j += om.len;
      if (possessive(a, j)) j++;
      continue;
    }
    nf_lex_match m =
        lex_at(a, j, NF_LEX_TITLE_WORDS | NF_LEX_BIT(NF_LEX_ORG) | NF_LEX_BIT(NF_LEX_BODY));
    /* "Foreign Ministry spokesman", "State Department official"; not a
     * body noun alone ("Company chairman" is the chairman) */
    if (m.len && m.kinds == NF_LEX_BIT(NF_LEX_BODY) && !(m.flags & NF_LEX_PLURAL) &&
        title_word(a, j + m.len) && (m.len > 1 || j > i || out->org_end || out->country[0]))
      m.kinds = NF_LEX_BIT(NF_LEX_DOMAIN);
    unsigned office = NF_LEX_BIT(NF_LEX_HEAD) | NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_RANK);
    if (m.len && (m.kinds & office) &&
        !(started == 0 && (m.kinds & NF_LEX_BIT(NF_LEX_ORG)) && !title_word(a, j + m.len))) {
      if (!started) out->office_begin = (uint32_t)j;
      if (!(m.kinds & NF_LEX_BIT(NF_LEX_RANK)) ||
          lex_at(a, j, NF_LEX_BIT(NF_LEX_RANK)).len != m.len)
        only_rank = 0;
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
      /* "Senate Banking Committee chairman": the committee's own words */
      size_t k = j;
      while (k < j + 3 && org_word(a, k) && !title_word(a, k)) k++;
      if (k > j && org_body_word(a, k) && title_word(a, k + 1))
        out->org_end = (uint32_t)(j = k + 1);
      if (possessive(a, j)) j++;
      continue;
    }
    if (started && nf_tok_is(&a->toks, j, "and") && title_word(a, j + 1)) {
      if (!before_and) before_and = head_end;
      j++;
      continue;
    }
    /* an organisation's own name before its office: up to three words */
    /* ...that starts its run of capitals: in "elected Charles Hinckley
     * chairman" no organisation is called Hinckley */
    if (!started && !out->org_end && !out->country[0] && j == i && org_start(a, j)) {
      size_t k = j;
      while (k < j + 5 && ((org_word(a, k) && !title_word(a, k)) || (k > j && name_join(a, k))))
        k++;
      /* "Communist Party leader", "Banking Committee chairman": the
       * organisation word is the name's */
      if (k > j && org_body_word(a, k) && title_word(a, k + 1)) k++;
      if (possessive(a, k)) k++;
      if (!title_word(a, k)) break;
      out->org_begin = (uint32_t)j;
      out->org_end = (uint32_t)(possessive(a, k - 1) ? k - 1 : k);
      j = k;
      continue;
    }
    break;
  }
  /* "vice president and chief financial officer": a second office that
   * runs on into words no title knows is not this title's */
  if (before_and && j < a->toks.n && a->toks.v[j].kind == NF_TOKEN_WORD &&
      !(a->toks.v[j].flags & NF_TOK_CAPITALIZED) && !lex_at(a, j, NF_LEX_BIT(NF_LEX_STOP)).len)
    head_end = before_and;
  if (!head_end) return 0;
  /* the head must be written as a title: all of it capitalised or none */
  out->office_end = (uint32_t)head_end;
  out->end = (uint32_t)head_end;
  /* "Ambassador to Japan", "envoy to China" */
  if (nf_tok_is(&a->toks, head_end, "to") && head_end + 1 < a->toks.n && !out->country[0]) {
    size_t k = head_end + 1 + nf_tok_is(&a->toks, head_end + 1, "the");
    uint32_t c = k < a->toks.n ? a->country_at[k] : NONE;
    if (c != NONE && a->countries[c].begin == k) {
      out->end = a->countries[c].end;
      out->office_end = (uint32_t)head_end;
      out->posted = 1;
      return 1;
    }
  }
  /* complements: "of Defense", "of Lithuania", "of NATO" */
  if (nf_tok_is(&a->toks, head_end, "of") || nf_tok_is(&a->toks, head_end, "for")) {
    size_t k = head_end + 1;
    size_t d = domains_at(a, k);
    if (d > k) {
      out->office_end = out->end = (uint32_t)d;
      /* "the Minister of Health of Portugal" */
      size_t c0 = d + 1 + nf_tok_is(&a->toks, d + 1, "the");
      if ((nf_tok_is(&a->toks, d, "of") || nf_tok_is(&a->toks, d, "in")) && c0 < a->toks.n &&
          a->country_at[c0] != NONE && a->countries[a->country_at[c0]].begin == c0 &&
          !out->country[0]) {
        memcpy(out->country, a->countries[a->country_at[c0]].code, 4);
        out->end = a->countries[a->country_at[c0]].end;
      }
    } else {
      if (nf_tok_is(&a->toks, k, "the")) k++;
      uint32_t c = k < a->toks.n ? a->country_at[k] : NONE;
      nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_ORG));
      if (c != NONE && a->countries[c].begin == k && !out->country[0]) {
        memcpy(out->country, a->countries[c].code, 4);
        out->end = a->countries[c].end;
      } else if (lex_at(a, k, NF_LEX_BIT(NF_LEX_ORGANISATION)).len && !out->org_end) {
        /* "Chancellor of the Exchequer", "chairman of the Fed" */
        out->org_begin = (uint32_t)k;
        out->org_end = (uint32_t)(k + lex_at(a, k, NF_LEX_BIT(NF_LEX_ORGANISATION)).len);
        /* a subsidiary named by its country: "GM de Mexico", "Volkswagen do
         * Brasil" */
        static const char *const particles[] = {"de", "do", "da", "del", "di", NULL};
        uint32_t e = out->org_end;
        if (e + 1 < a->toks.n && nf_tok_in(&a->toks, e, particles) &&
            a->country_at[e + 1] != NONE && a->countries[a->country_at[e + 1]].begin == e + 1)
          out->org_end = a->countries[a->country_at[e + 1]].end;
        out->end = out->org_end;
      } else if (m.len && !out->org_end) {
        out->org_begin = (uint32_t)k;
        out->org_end = (uint32_t)(k + m.len);
        out->end = out->org_end;
      } else if (!out->org_end && org_word(a, k) && (!title_word(a, k) || domains_at(a, k) == k)) {
        /* "the president of the Lombardy region", "secretary general of CEI" */
        size_t e = k;
        /* a capitalised domain word inside the name is the name's:
         * "the Federation of Economic Organizations", "the Japan Socialist
         * Party" */
        while (e < k + 5 && e < a->toks.n && a->toks.v[e].kind == NF_TOKEN_WORD &&
               (!title_word(a, e) || e == k ||
                ((a->toks.v[e].flags & NF_TOK_CAPITALIZED) &&
                 !lex_at(a, e, NF_LEX_BIT(NF_LEX_HEAD)).len)) &&
               /* "International Trade and Industry", "Phillips and Drew" */
               (!nf_tok_is(&a->toks, e, "and") ||
                (e > k && e + 1 < a->toks.n && (a->toks.v[e + 1].flags & NF_TOK_CAPITALIZED) &&
                 !lex_at(a, e + 1, NF_LEX_BIT(NF_LEX_FIRST_NAME)).len)) &&
               (e == k || !lex_at(a, e, NF_LEX_BIT(NF_LEX_FIRST_NAME)).len))
          e++;
        for (size_t p = k; p < e; p++)
          if (possessive(a, p)) e = p; /* "the NAPM's business survey committee": NAPM */
        /* a name ends in a capitalised word: "... Office in West Berlin" */
        while (e > k + 1 && !(a->toks.v[e - 1].flags & NF_TOK_CAPITALIZED)) e--;
        if (e > k) {
          out->org_begin = (uint32_t)k;
          out->org_end = (uint32_t)e;
          out->end = (uint32_t)e;
        }
      }
    }
  }
  return 1;
}

/* The normal form of t's office, without a country inside it ("Deputy U.S.
 * Trade Representative" is "deputy trade representative"). */
static nf_status normalize_office(const article *a, const title *t, nf_buf *norm) {
  const nf_token *ob = &a->toks.v[t->office_begin], *oe = &a->toks.v[t->office_end - 1];
  if (t->inner_country_end <= t->inner_country_begin || t->inner_country_begin <= t->office_begin ||
      t->inner_country_end >= t->office_end)
    return nf_title_normalize(a->toks.bytes + ob->start, oe->end - ob->start, norm, NULL);
  const nf_token *cb = &a->toks.v[t->inner_country_begin], *ce = &a->toks.v[t->inner_country_end];
  nf_buf words = NF_BUF_INIT;
  nf_status s = nf_buf_append(&words, a->toks.bytes + ob->start, cb->start - ob->start);
  if (s == NF_OK) s = nf_buf_append(&words, a->toks.bytes + ce->start, oe->end - ce->start);
  if (s == NF_OK) s = nf_title_normalize(words.data, words.len, norm, NULL);
  nf_buf_free(&words);
  return s;
}

static nf_status add_title(article *a, const title *t) {
  if (NF_GROW(a->titles, a->cap_titles, a->ntitles + 1) != NF_OK) return NF_ERR_NOMEM;
  a->titles[a->ntitles++] = *t;
  return NF_OK;
}

const char *off_norm_of(const article *a, const title *t) { return a->norms.data + t->norm; }

/* Every title of the article, with its normalised form. */
/* The capitalised word at i follows a given name or an initial in the same
 * name: "Peter King", "Peter T. King". */
static int surname_after(const article *a, size_t i) {
  const nf_token *prev = &a->toks.v[i - 1], *tk = &a->toks.v[i];
  if (!(tk->flags & NF_TOK_CAPITALIZED) || (tk->flags & NF_TOK_SENT_START) ||
      !(tk->flags & NF_TOK_SPACE_BEFORE) || prev->kind != NF_TOKEN_WORD ||
      !(prev->flags & NF_TOK_CAPITALIZED))
    return 0;
  if (prev->flags & NF_TOK_INITIAL) return i >= 2 && (a->toks.v[i - 2].flags & NF_TOK_CAPITALIZED);
  return lex_at(a, i - 1, NF_LEX_BIT(NF_LEX_FIRST_NAME)).len == 1 &&
         !lex_at(a, i - 1, NF_LEX_TITLE_WORDS | NF_LEX_BIT(NF_LEX_HONORIFIC)).len;
}

nf_status off_find_titles(article *a) {
  nf_buf norm = NF_BUF_INIT;
  nf_status s = NF_OK;
  for (size_t i = 0; i < a->toks.n && s == NF_OK;) {
    title t;
    if (!parse_title(a, i, &t)) {
      i++;
      continue;
    }
    /* "Peter T. King", "Kay Judge": a one-word title after a given name
     * or an initial is the surname */
    if (t.office_begin == t.begin && t.office_end == t.begin + 1 && t.begin > 0 &&
        surname_after(a, t.begin)) {
      i = t.end;
      continue;
    }
    /* "the Board of Governors", "the Council of Ministers": a plural head
     * after "of" names a body's members, not people named next */
    if ((t.head_flags & NF_LEX_PLURAL) && t.begin > 0 && nf_tok_is(&a->toks, t.begin - 1, "of")) {
      i = t.end;
      continue;
    }
    s = normalize_office(a, &t, &norm);
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
