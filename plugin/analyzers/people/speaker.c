/* The speaker analyzer: who said what.  Direct quotations (whole, partial,
 * over several paragraphs) and reported speech, each with its cue (a
 * reporting verb from schema/reporting-verbs.tsv, or "according to"), in
 * every order news copy uses: "X said", "said X", "X, the Y, said", "“...,”
 * he said", "according to X", "X told Reuters", "China, which said".
 *
 * A source is a person (the official analyzer's "person" results: the
 * fullest name), a title that analyzer linked to a person, a pronoun or a
 * definite description resolved to the most recent compatible person ("he",
 * "the minister"), or a body: a country ("China said"), an organisation
 * ("the Bank of England said") or a noun phrase headed by a body noun ("the
 * Lithuanian defense ministry said").  A quotation whose speaker cannot be
 * found stays unattributed.
 *
 * Every source has a kind: a named person, a named body, or an unnamed
 * group ("analysts", "U.S. officials").
 *
 * Results: "quote" (span: its content; attributes speaker (a named source's
 * name), speaker_span, speaker_kind (person, body, group), country (the
 * source's, a group's too) and cue) in text order; "speaker" (value: the
 * name; attribute country) once for each person who speaks and "body"
 * (value: the short name) once for each named body, in order of first
 * quote. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scratch.h"
#include "analysis/tokens.h"
#include "core/buffer.h"
#include "core/grow.h"
#include "fields/orgs.h"
#include "people.h"
#include "speaker_internal.h"

/* ---- quotations ---------------------------------------------------------------- */

static nf_status add_quote(article *a, uint32_t ci, uint32_t b, uint32_t e) {
  if (e <= b) return NF_OK;
  if (NF_GROW(a->quotes, a->cap_quotes, a->nquotes + 1) != NF_OK) return NF_ERR_NOMEM;
  a->quotes[a->nquotes++] = (record_quote){ci, b, e};
  return NF_OK;
}

size_t spk_paragraph_of(const article *a, size_t tok) {
  size_t si = nf_text_sentence_of(a->t, tok);
  size_t n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  return si < n ? ss[si].paragraph : (size_t)-1;
}

static int same_sentence(const article *a, size_t x, size_t y) {
  return nf_text_sentence_of(a->t, x) == nf_text_sentence_of(a->t, y);
}

/* The first cue that begins at or after token tok (cues are in text order):
 * the searches below start there, so that a text of many quotations and
 * many cues stays linear. */
static size_t first_cue_from(const article *a, size_t tok) {
  size_t lo = 0, hi = a->ncues;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a->cues[mid].begin < tok)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The first cue after a closing mark, in its sentence, with no other
 * quotation between: "“...,” Austin said", "“...,” his friend X told",
 * "“...,” Saudi Arabia's energy minister, Prince X, said". */
static uint32_t cue_following(const article *a, size_t open, size_t after) {
  if (after >= a->toks.n) return NONE;
  for (size_t c = first_cue_from(a, after); c < a->ncues; c++) {
    const cue *cu = &a->cues[c];
    /* a quotation inside the words that name the source is none of its content */
    if (cu->src.kind != SRC_NONE && cu->src.begin < open && cu->begin > open) continue;
    if (cu->begin > after + 16 || !same_sentence(a, after, cu->begin)) return NONE;
    size_t quote_marks = 0;
    for (size_t k = after + 1; k < cu->begin; k++)
      quote_marks += a->toks.v[k].kind == NF_TOKEN_QUOTE;
    /* at most one short quotation between: "X, wearing “Ted Cruz” pins, said" */
    if (quote_marks > 2) return NONE;
    if (cu->src.kind == SRC_NONE) /* "“...,” a senior official said": a short subject */
      for (size_t k = after; k < cu->begin; k++)
        if (a->toks.v[k].kind != NF_TOKEN_WORD && k > after + 1) return NONE;
    return (uint32_t)c;
  }
  return NONE;
}

/* The last cue before an opening mark, in its sentence, with little between:
 * "Austin said: “...”", "said in a statement, “...”", "telling them, “...”". */
static uint32_t cue_preceding(const article *a, size_t before) {
  /* a cue beginning at or after the mark ends after it too */
  for (size_t c = first_cue_from(a, before); c-- > 0;) {
    const cue *cu = &a->cues[c];
    if (cu->group_end > before) continue;
    if (before - cu->group_end > 8 || !same_sentence(a, before, cu->end - 1)) return NONE;
    for (size_t k = cu->group_end; k < before; k++)
      if (a->toks.v[k].kind == NF_TOKEN_QUOTE || nf_tok_is(&a->toks, k, "that")) return NONE;
    /* "said: “", "said in a statement, “"; not "said the forces stand “" */
    if (before > cu->group_end && !nf_tok_punct(&a->toks, before - 1, ":") &&
        !nf_tok_punct(&a->toks, before - 1, ","))
      return NONE;
    return (uint32_t)c;
  }
  return NONE;
}

/* A colon that ends its paragraph: "Reporter Jane Roe says:" before a
 * block quotation. */
static int colon_ends_paragraph(const article *a, size_t k) {
  return k + 1 < a->toks.n && nf_tok_punct(&a->toks, k, ":") &&
         (a->toks.v[k + 1].flags & NF_TOK_PARA_START);
}

/* The cue such a colon closes, with a source and little between ("says:",
 * "In a speech last July, he said:", "wrote on Twitter:"): the next
 * paragraph is what it introduces. */
static uint32_t cue_of_colon(const article *a, size_t colon) {
  for (size_t c = first_cue_from(a, colon); c-- > 0;) {
    const cue *cu = &a->cues[c];
    if (cu->group_end > colon) continue;
    if (colon - cu->group_end > 4 || cu->src.kind == SRC_NONE ||
        !same_sentence(a, colon, cu->end - 1))
      return NONE;
    for (size_t k = cu->group_end; k < colon; k++)
      if (a->toks.v[k].kind == NF_TOKEN_QUOTE || nf_tok_is(&a->toks, k, "that")) return NONE;
    return (uint32_t)c;
  }
  return NONE;
}

/* The cue of a sentence that holds the quotation inside its reported clause,
 * among the sentence's first cues (no sentence of news has more). */
#define MAX_CUES_AROUND 32

static uint32_t cue_around(const article *a, const nf_quote *q) {
  size_t si = nf_text_sentence_of(a->t, q->tok_begin ? q->tok_begin - 1 : 0);
  size_t n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  if (si >= n) return NONE;
  /* a cue beginning before the sentence has its group there too; one
   * beginning at the quotation ends past it */
  size_t from = first_cue_from(a, ss[si].tok_begin);
  for (size_t c = from; c < a->ncues && c < from + MAX_CUES_AROUND; c++) {
    const cue *cu = &a->cues[c];
    if (cu->begin >= q->tok_begin) break;
    if (cu->group_begin >= ss[si].tok_begin && cu->group_end <= q->tok_begin &&
        cu->src.kind != SRC_NONE)
      return (uint32_t)c;
  }
  return NONE;
}

static nf_status attribute_quotes(article *a) {
  size_t nq;
  const nf_quote *qs = nf_text_quotes(a->t, &nq);
  uint32_t *of_piece;
  if (!NF_SCRATCH_ROOM(&a->kept[SPK_KEPT_OF_PIECE], nq, of_piece)) return NF_ERR_NOMEM;
  nf_status s = NF_OK;
  uint32_t prev_cue = NONE;
  size_t prev_para = (size_t)-1;
  for (size_t qi = 0; qi < nq && s == NF_OK; qi++) {
    const nf_quote *q = &qs[qi];
    of_piece[qi] = NONE;
    if (q->depth != 0) continue;
    /* "John “Tig” Tiegen": a nickname inside a name is no quotation */
    if (q->tok_begin >= 2 && a->person_at[q->tok_begin - 2] != NONE &&
        a->persons[a->person_at[q->tok_begin - 2]].end > q->tok_end)
      continue;
    uint32_t ci = NONE;
    int partial = 0;
    size_t para = spk_paragraph_of(a, q->tok_begin ? q->tok_begin - 1 : 0);
    if (q->first != qi) {
      ci = of_piece[q->first];
    } else {
      /* "Jane Roe: “...”": a label right before the quotation is its speaker */
      if (q->tok_begin > 1 && a->toks.v[q->tok_begin - 2].kind == NF_TOKEN_PUNCT) {
        uint32_t label = cue_preceding(a, q->tok_begin - 1);
        if (label != NONE && a->cues[label].end + 1 == q->tok_begin &&
            nf_tok_punct(&a->toks, a->cues[label].begin, ":"))
          ci = label;
      }
      if (ci == NONE && !(q->flags & NF_QUOTE_UNCLOSED))
        ci = cue_following(a, q->tok_begin ? q->tok_begin - 1 : 0, q->tok_end + 1);
      if (ci == NONE && q->tok_begin > 0) ci = cue_preceding(a, q->tok_begin - 1);
      /* "Jane Roe says:" ending the paragraph before: a block quotation */
      if (ci == NONE && q->tok_begin > 1 && colon_ends_paragraph(a, q->tok_begin - 2))
        ci = cue_of_colon(a, q->tok_begin - 2);
      if (ci == NONE) {
        ci = cue_around(a, q);
        /* "called Trump “unhinged”": the quotation is what was said */
        partial = ci != NONE && !(a->cues[ci].flags & NF_LEX_QUOTE);
      }
      /* "“A,” he said. “B.”": the paragraph's speaker goes on */
      if (ci == NONE && para == prev_para && prev_cue != NONE &&
          q->tok_begin > a->cues[prev_cue].end)
        ci = prev_cue;
    }
    of_piece[qi] = ci;
    if (partial) {
      a->cues[ci].used |= 2; /* its reported clause carries the quotation */
      continue;
    }
    if (ci != NONE) {
      a->cues[ci].used |= 1;
      prev_cue = ci;
      prev_para = para;
    }
    s = add_quote(a, ci, q->content.start, q->content.end);
  }
  return s;
}

/* Reported speech: the clause a cue introduces, in its sentence. */
static nf_status reported_speech(article *a) {
  size_t ns;
  const nf_sentence *ss = nf_text_sentences(a->t, &ns);
  nf_status s = NF_OK;
  for (size_t ci = 0; ci < a->ncues && s == NF_OK; ci++) {
    cue *c = &a->cues[ci];
    if ((c->used & 1) || c->src.kind == SRC_NONE) continue;
    size_t si = nf_text_sentence_of(a->t, c->begin);
    if (si >= ns) continue;
    const nf_sentence *se = &ss[si];
    size_t sb = se->tok_begin, sbe = se->tok_end;
    while (sbe > sb && a->toks.v[sbe - 1].kind == NF_TOKEN_PUNCT) sbe--;
    while (sb < sbe && (a->toks.v[sb].kind == NF_TOKEN_QUOTE)) sb++;
    size_t gb = c->group_begin, ge = c->group_end;
    size_t cb, ce;
    int before_comma = gb > sb && nf_tok_punct(&a->toks, gb - 1, ",");
    int after_comma = 0; /* ", he said last week," */
    for (size_t k = ge; k < sbe && k < ge + 4 && !nf_tok_is(&a->toks, k, "that"); k++)
      if (nf_tok_punct(&a->toks, k, ",")) after_comma = 1;
    /* after the cue nothing, or only an adjunct ("in a statement", "on Monday")? */
    static const char *const adjunct[] = {
        "in",       "on",         "at",      "during",  "after",     "before",
        "last",     "this",       "earlier", "later",   "late",      "early",
        "when",     "while",      "from",    "to",      "by",        "with",
        "as",       "through",    "monday",  "tuesday", "wednesday", "thursday",
        "friday",   "saturday",   "sunday",  "today",   "yesterday", "of",
        "recently", "afterwards", "again",   "too",     "then",      NULL};
    int ends_sentence = ge >= sbe || (sbe <= ge + 8 && nf_tok_in(&a->toks, ge, adjunct) &&
                                      !spk_ends_in(a, c->begin, "ing"));
    for (size_t k = ge; k < sbe && ends_sentence; k++)
      if (nf_tok_is(&a->toks, k, "that") || a->toks.v[k].kind == NF_TOKEN_QUOTE) ends_sentence = 0;
    int inverted = c->src.kind != SRC_NONE && c->src.begin >= c->end;
    if (before_comma && inverted && !(c->flags & NF_LEX_SOURCE_AFTER)) {
      cb = sb, ce = gb - 1; /* "..., said Treasury Secretary Janet Yellen, as ..." */
    } else if (before_comma && after_comma && gb - sb > 2 && sbe - ge > 2) {
      cb = sb, ce = sbe; /* "X has, officials say, begun" */
    } else if (before_comma && ends_sentence) {
      cb = sb, ce = gb - 1; /* "..., the ministry said." */
    } else {
      cb = ge;
      if (c->src.kind != SRC_NONE && c->src.begin >= c->end) cb = spk_source_words_end(&c->src);
      /* adjuncts and listeners before the clause: "told Reuters", "on Monday" */
      size_t limit = cb + 6;
      for (size_t k = cb; k < sbe && k < limit; k++)
        if (nf_tok_is(&a->toks, k, "that")) {
          cb = k + 1;
          break;
        }
      while (cb < sbe && (nf_tok_punct(&a->toks, cb, ",") || nf_tok_punct(&a->toks, cb, ":"))) cb++;
      ce = sbe;
    }
    /* Content reaches past one nested report ("X said the minister said
     * ...") but not past two: a sentence of a thousand cues gives each a
     * bounded content, and the quotes stay linear in the text. */
    if (ci + 2 < a->ncues && a->cues[ci + 2].group_begin < ce &&
        a->cues[ci + 2].group_begin > c->group_end)
      ce = a->cues[ci + 2].group_begin;
    if (ci >= 2 && a->cues[ci - 2].group_end > cb && a->cues[ci - 2].group_end < c->group_begin)
      cb = a->cues[ci - 2].group_end;
    /* "VILNIUS, Dec 20 (Reuters) - Lithuania ...": the dateline is no content
     * (of a cue after it; a headline's label comes before) */
    while (cb < ce && a->toks.v[cb].start < a->dateline_end &&
           a->toks.v[gb].start >= a->dateline_end)
      cb++;
    while (cb < ce && (a->toks.v[cb].kind == NF_TOKEN_DASH || a->toks.v[cb].kind == NF_TOKEN_PUNCT))
      cb++;
    /* "Hewitt writes:" ending its paragraph: the next paragraph, unquoted */
    if (colon_ends_paragraph(a, sbe) && cue_of_colon(a, sbe) == ci) {
      size_t next = si + 1;
      cb = sbe + 1;
      while (next < ns && ss[next].paragraph == ss[si + 1].paragraph) ce = ss[next++].tok_end;
    }
    if (ce <= cb) continue;
    s = add_quote(a, (uint32_t)ci, a->toks.v[cb].start, a->toks.v[ce - 1].end);
  }
  return s;
}

static int cmp_quote(const void *x, const void *y) {
  const record_quote *p = x, *q = y;
  return p->content_begin < q->content_begin ? -1 : p->content_begin > q->content_begin;
}

/* ---- output --------------------------------------------------------------------- */

int spk_named(const source *s) { return s->kind == SRC_PERSON || s->kind == SRC_BODY; }

/* 1 when a and b are one value once each run of white space is one space
 * (the emitted value is; a name read over a line break is not yet). */
static int same_value(const char *a, const char *b) {
  for (;;) {
    int sa = 0, sb = 0;
    while ((unsigned char)*a <= ' ' && *a) a++, sa = 1;
    while ((unsigned char)*b <= ' ' && *b) b++, sb = 1;
    if (!*a || !*b) return !*a && !*b;
    if (sa != sb || *a != *b) return 0;
    a++, b++;
  }
}

static const char *kind_name(int kind) {
  return kind == SRC_PERSON ? "person" : kind == SRC_BODY ? "body" : "group";
}

/* 1 when a result of that type and value was emitted already. */
static int emitted(const nf_analysis *an, nf_type type, const char *value) {
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(an, type, 0, UINT32_MAX, &cursor)))
    if (r->value && same_value(r->value, value)) return 1;
  return 0;
}

/* The name of a source as a value: whitespace runs made one space; a body's
 * short name ("Texaco", not "the Texaco Inc"). */
static void source_value(const source *src, char *out, size_t cap) {
  const char *p = src->name;
  size_t n = src->name_len;
  if (src->kind == SRC_BODY) {
    size_t b, len;
    nf_org_short(p, n, &b, &len);
    p += b;
    n = len;
  }
  size_t m = 0;
  int space = 0;
  for (size_t i = 0; i < n && m + 1 < cap; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c <= ' ' || c == 0x7f) {
      space = m > 0;
      continue;
    }
    if (space && m + 2 < cap) out[m++] = ' ';
    space = 0;
    out[m++] = (char)c;
  }
  out[m] = '\0';
}

static nf_status emit_results(article *a, nf_analysis *an) {
  if (a->nquotes) qsort(a->quotes, a->nquotes, sizeof *a->quotes, cmp_quote);
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < a->nquotes; i++) {
    const record_quote *q = &a->quotes[i];
    const cue *c = q->cue != NONE ? &a->cues[q->cue] : NULL;
    const source *src = c && c->src.kind != SRC_NONE ? &c->src : NULL;
    char cuebuf[64] = "", value[MAX_NAME] = "";
    if (c)
      snprintf(cuebuf, sizeof cuebuf, "%.*s",
               (int)(a->toks.v[c->end - 1].end - a->toks.v[c->begin].start),
               a->toks.bytes + a->toks.v[c->begin].start);
    if (src) source_value(src, value, sizeof value);
    for (char *q = cuebuf; *q; q++) /* "according\nto" */
      if ((unsigned char)*q < ' ') *q = ' ';
    nf_attr_value attrs[5];
    uint32_t nattrs = 0;
    if (src) {
      if (spk_named(src)) attrs[nattrs++] = NF_ATTR_STR(NF_ATTR_SPEAKER, value);
      attrs[nattrs++] = NF_ATTR_SPAN(NF_ATTR_SPEAKER_SPAN, a->toks.v[src->begin].start,
                                     a->toks.v[src->end - 1].end);
      attrs[nattrs++] = NF_ATTR_STR(NF_ATTR_SPEAKER_KIND, kind_name(src->kind));
      if (src->country[0]) attrs[nattrs++] = NF_ATTR_STR(NF_ATTR_COUNTRY, src->country);
    }
    if (c) attrs[nattrs++] = NF_ATTR_STR(NF_ATTR_CUE, cuebuf);
    nf_result r = {NF_TYPE_QUOTE, q->content_begin, q->content_end, 0, 0, NULL, NF_NO_REF, 0, attrs,
                   nattrs};
    s = nf_analysis_emit(an, &r, NULL);
    if (s != NF_OK || !src || !spk_named(src) || !value[0]) continue;
    nf_type type = src->kind == SRC_PERSON ? NF_TYPE_SPEAKER : NF_TYPE_BODY;
    if (emitted(an, type, value)) continue;
    nf_attr_value country = NF_ATTR_STR(NF_ATTR_COUNTRY, src->country[0] ? src->country : NULL);
    nf_result sr = {type,
                    a->toks.v[src->begin].start,
                    a->toks.v[src->end - 1].end,
                    0,
                    0,
                    value,
                    NF_NO_REF,
                    0,
                    &country,
                    1};
    s = nf_analysis_emit(an, &sr, NULL);
  }
  return s;
}

/* The key of the arrays the analysis keeps for this analyzer. */
static const char kept_key;

/* The growing arrays kept back by the analysis for the next article
 * (analysis/scratch.h); the others are its already. */
static void article_free(article *a) {
  NF_SCRATCH_KEEP(&a->kept[SPK_KEPT_CUES], a->cues, a->cap_cues);
  NF_SCRATCH_KEEP(&a->kept[SPK_KEPT_QUOTES], a->quotes, a->cap_quotes);
}

static nf_status analyze(const void *instance, nf_analysis *an, nf_error *err) {
  article a;
  memset(&a, 0, sizeof a);
  a.lex = instance;
  a.lex_first = nf_lexicon_first_filter(a.lex);
  a.t = nf_analysis_text(an);
  a.toks = nf_toks_of(a.t);
  a.an = an;
  const nf_result *dateline = nf_analysis_first(an, NF_TYPE_DATELINE);
  if (dateline) a.dateline_end = dateline->end;
  if (!(a.kept = nf_analysis_scratch(an, &kept_key, SPK_KEPT_SLOTS)))
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  NF_SCRATCH_LEND(&a.kept[SPK_KEPT_CUES], a.cues, a.cap_cues);
  NF_SCRATCH_LEND(&a.kept[SPK_KEPT_QUOTES], a.quotes, a.cap_quotes);
  nf_status s = spk_read_mentions(&a, an);
  if (s == NF_OK) s = spk_find_cues(&a);
  if (s == NF_OK)
    for (size_t c = 0; c < a.ncues; c++) spk_classify(&a, &a.cues[c].src);
  if (s == NF_OK) s = attribute_quotes(&a);
  if (s == NF_OK) s = reported_speech(&a);
  if (s == NF_OK) s = emit_results(&a, an);
  article_free(&a);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

static const char *const provides[] = {"quote", "speaker", "body", NULL};
static const char *const reads[] = {"person", "title", "official", "country", "dateline", NULL};

const nf_analyzer_v2 nf_speaker_analyzer = {
    NF_ANALYZER_ABI,
    "speaker",
    "Quotations and reported speech with their speakers and cues",
    provides,
    reads,
    nf_lexicon_analyzer_create,
    nf_lexicon_analyzer_destroy,
    analyze,
};
