/* The speaker analyzer: cues, the reporting verbs and "according to" of an
 * article, each with its source. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/tokens.h"
#include "core/buffer.h"
#include "core/grow.h"
#include "speaker_internal.h"

/* ---- cues ----------------------------------------------------------------------- */

static const char *const fillers[] = {
    "also",      "later",      "earlier",  "has",       "had",        "have",       "then",
    "again",     "previously", "recently", "once",      "repeatedly", "further",    "would",
    "will",      "separately", "quickly",  "simply",    "has also",   "had also",   "publicly",
    "privately", "last",       "first",    "flatly",    "bluntly",    "angrily",    "only",
    "himself",   "herself",    "itself",   "pointedly", "openly",     "explicitly", "frequently",
    "often",     "did",        "does",     "do",        "not",        "never",      NULL};
static const char *const passive[] = {"was", "were", "is", "are", "been", "be", "being", NULL};

/* The "(" that a ")" at token k closes, within a few tokens, or NONE. */
size_t spk_paren_open(const article *a, size_t k) {
  if (k >= a->toks.n || !nf_tok_punct(&a->toks, k, ")")) return NONE;
  for (size_t j = k; j-- > 0 && j + 8 > k;)
    if (nf_tok_punct(&a->toks, j, "(")) return j;
  return NONE;
}

static const char *const days[] = {"monday",    "tuesday",  "wednesday", "thursday",
                                   "friday",    "saturday", "sunday",    "today",
                                   "yesterday", "tonight",  NULL};
static const char *const periods[] = {"week",    "month",   "year",      "weekend", "night",
                                      "morning", "evening", "afternoon", NULL};

/* A lower-case adverb of manner: "forcefully", "boldly", "jokingly"; by
 * its ending, which nouns in "-ly" ("family", "assembly", "rally") lack. */
static int manner_adverb(const article *a, size_t k) {
  static const char *const endings[] = {"fully", "ously", "edly", "ively", "ntly", "tely",
                                        "ibly",  "ably",  "ngly", "rply",  "atly", "ptly",
                                        "ctly",  "ldly",  "ckly", "ssly",  "ally", NULL};
  const nf_token *tk = &a->toks.v[k];
  if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_LOWER) || tk->fold_len < 6) return 0;
  if (k > 0 && (spk_article(a, k - 1) || (a->toks.v[k - 1].flags & NF_TOK_POSSESSIVE))) return 0;
  for (size_t i = 0; endings[i]; i++)
    if (spk_ends_in(a, k, endings[i])) return 1;
  return 0;
}

/* Back from a verb over adverbs, auxiliaries and times: "Clinton on
 * Tuesday said", "he said last week", "Austin also said". */
static size_t skip_adjuncts(const article *a, size_t i) {
  size_t k = i;
  for (;;) {
    size_t open = k > 0 ? spk_paren_open(a, k - 1) : NONE;
    if (open != NONE) {
      k = open; /* "Lisa Madigan (D) asserted" */
    } else if (k > 0 && (nf_tok_in(&a->toks, k - 1, fillers) || manner_adverb(a, k - 1))) {
      k--;
    } else if (k > 1 && nf_tok_in(&a->toks, k - 1, days) && nf_tok_is(&a->toks, k - 2, "on")) {
      k -= 2;
    } else if (k > 0 && nf_tok_in(&a->toks, k - 1, days)) {
      k--;
    } else if (k > 1 && nf_tok_in(&a->toks, k - 1, periods) &&
               (nf_tok_is(&a->toks, k - 2, "last") || nf_tok_is(&a->toks, k - 2, "this"))) {
      k -= 2;
    } else {
      return k;
    }
  }
}

static nf_status add_cue(article *a, const cue *c) {
  if (NF_GROW(a->cues, a->cap_cues, a->ncues + 1) != NF_OK) return NF_ERR_NOMEM;
  a->cues[a->ncues++] = *c;
  return NF_OK;
}

/* An opening quotation mark later in the cue's sentence. */
static int quote_follows(const article *a, size_t k) {
  size_t si = nf_text_sentence_of(a->t, k ? k - 1 : 0), n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  if (si >= n) return 0;
  for (; k < ss[si].tok_end && k < a->toks.n; k++)
    if (a->toks.v[k].kind == NF_TOKEN_QUOTE && (a->toks.v[k].flags & NF_TOK_OPEN)) return 1;
  return 0;
}

int spk_ends_in(const article *a, size_t i, const char *suffix) {
  const nf_token *tk = &a->toks.v[i];
  size_t n = strlen(suffix);
  return tk->fold_len > 4 && memcmp(nf_tok_fold(&a->toks, i) + tk->fold_len - n, suffix, n) == 0;
}

/* A name at token k that follows a preposition or a verb ("it attacked
 * Roe", "her distaste for Roe"), past its title and honorific: an object, so
 * the sentence's subject came before it and was no person. */
static int object_position(const article *a, size_t k) {
  static const char *const preps[] = {"for",    "to",      "with", "of",   "against", "by",
                                      "about",  "on",      "at",   "from", "into",    "over",
                                      "toward", "towards", "than", "like", "behind",  NULL};
  size_t b = k;
  if (a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
  if (b > 0 && lex_at(a, b - 1, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1) b--;
  if (b == 0 || (a->toks.v[b].flags & NF_TOK_SENT_START)) return 0;
  size_t p = b - 1;
  const nf_token *tk = &a->toks.v[p];
  if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_LOWER) || (tk->flags & NF_TOK_IN_QUOTE))
    return 0;
  /* "76-year-old Jan Roe", "co-moderator Jan Roe" describe the subject */
  return nf_tok_in(&a->toks, p, preps) || spk_ends_in(a, p, "ed") || spk_ends_in(a, p, "ing") ||
         lex_at(a, p, NF_LEX_BIT(NF_LEX_VERB)).len;
}

/* The subject of the sentence that holds token `before`: its first person
 * (or title of one, or resolved pronoun) outside quotations. */
static int sentence_subject(const article *a, size_t before, source *s) {
  memset(s, 0, sizeof *s);
  size_t si = nf_text_sentence_of(a->t, before), n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  if (si >= n) return 0;
  for (size_t k = ss[si].tok_begin; k < before; k++) {
    if (a->toks.v[k].flags & NF_TOK_IN_QUOTE) continue;
    if (a->person_at[k] != NONE) {
      if (object_position(a, k)) break;
      spk_person_source(a, &a->persons[a->person_at[k]], s);
      return 1;
    }
    if (spk_pronoun_gender(a, k)) {
      int gender = spk_pronoun_gender(a, k);
      if (!spk_resolve_pronoun(a, k, gender, s)) return 0;
      s->begin = (uint32_t)k;
      s->end = (uint32_t)(k + 1);
      return 1;
    }
    size_t e = k + 1; /* "The U.S. State Department": the whole name */
    while (e < before && a->toks.v[e].kind == NF_TOKEN_WORD &&
           (a->toks.v[e].flags & NF_TOK_CAPITALIZED) && !(a->toks.v[e].flags & NF_TOK_IN_QUOTE))
      e++;
    /* "Democratic presidential nominee Jane Roe" opening the sentence: a
     * description before a name (its words no verbs: not "Roe warned Lee") */
    size_t d = e;
    while (k == ss[si].tok_begin && (a->toks.v[k].flags & NF_TOK_CAPITALIZED) && d < before &&
           d < e + 3 && a->toks.v[d].kind == NF_TOKEN_WORD && (a->toks.v[d].flags & NF_TOK_LOWER) &&
           !lex_at(a, d, NF_LEX_BIT(NF_LEX_VERB)).len && !spk_ends_in(a, d, "ed"))
      d++;
    if (d > e && d < before && a->person_at[d] != NONE) {
      spk_person_source(a, &a->persons[a->person_at[d]], s);
      return 1;
    }
    if (a->toks.v[k].kind == NF_TOKEN_WORD && a->title_at[k] == NONE &&
        spk_source_before(a, e, before, 0, s) && s->kind == SRC_BODY &&
        (s->begin == ss[si].tok_begin ||
         (s->begin == ss[si].tok_begin + 1 && nf_tok_is(&a->toks, ss[si].tok_begin, "the"))))
      return 1;
  }
  memset(s, 0, sizeof *s);
  return 0;
}

/* Past the listener of "told": "told Reuters", "told reporters", "telling
 * them", "told The New York Times" -- when what follows is the content. */
static size_t listener_end(const article *a, size_t k) {
  static const char *const pronouns[] = {"them",       "him",       "her",        "me",
                                         "us",         "you",       "reporters",  "journalists",
                                         "supporters", "lawmakers", "viewers",    "listeners",
                                         "readers",    "voters",    "colleagues", NULL};
  size_t e = k;
  if (k >= a->toks.n) return k;
  if (nf_tok_in(&a->toks, k, pronouns)) {
    e = k + 1;
  } else if (a->person_at[k] != NONE) {
    e = a->persons[a->person_at[k]].end;
  } else {
    size_t j = k + (nf_tok_is(&a->toks, k, "the") || nf_tok_is(&a->toks, k, "a") ||
                    nf_tok_is(&a->toks, k, "an"));
    while (j < a->toks.n && j < k + 5 && a->toks.v[j].kind == NF_TOKEN_WORD &&
           ((a->toks.v[j].flags & NF_TOK_CAPITALIZED) || j == k + 1) &&
           !nf_tok_is(&a->toks, j, "that"))
      j++;
    e = j;
  }
  if (e > k && e < a->toks.n &&
      (nf_tok_punct(&a->toks, e, ",") || nf_tok_punct(&a->toks, e, ":") ||
       nf_tok_is(&a->toks, e, "that") || nf_tok_punct(&a->toks, e, ".") ||
       a->toks.v[e].kind == NF_TOKEN_QUOTE || nf_tok_is(&a->toks, e, "on") ||
       nf_tok_is(&a->toks, e, "in")))
    return e;
  return e > k && e < a->toks.n && nf_tok_in(&a->toks, k, pronouns) ? e : k;
}

/* Where the words naming a source begin: over a title before a name
 * ("U.S. Undersecretary of State Uzra Zeya") and an article. */
static size_t group_start(const article *a, size_t b) {
  if (a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
  if (b > 0 && lex_at(a, b - 1, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1) b--;
  /* "chairman Lord Barber": the title before the honorific */
  if (a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
  if (b > 0 && spk_article(a, b - 1)) b--;
  return b;
}

/* After an inverted speaker's name at token e, the clause ends: ",", ".",
 * ";", also past a party and state ("said Rep. Jane Roe (D-Ore.), who"). */
static int name_ends_clause(const article *a, size_t e) {
  if (e < a->toks.n && nf_tok_punct(&a->toks, e, "(")) {
    size_t close = e + 1;
    while (close < a->toks.n && close < e + 8 && !nf_tok_punct(&a->toks, close, ")")) close++;
    if (close < a->toks.n && nf_tok_punct(&a->toks, close, ")")) e = close + 1;
  }
  return e >= a->toks.n || nf_tok_punct(&a->toks, e, ",") || nf_tok_punct(&a->toks, e, ".") ||
         nf_tok_punct(&a->toks, e, ";");
}

/* A person before a possessive does not speak, what is theirs does: "Roe's
 * campaign manager Jan Doe said" is Jan Doe; "said Roe's remarks were
 * wrong", after the verb, names no source ("Roe's lawyer said" and
 * "according to Roe's tally" keep Roe). */
static void owner_speaks_not(const article *a, const cue *c, source *s) {
  if (s->kind != SRC_PERSON || s->end >= a->toks.n ||
      !(a->toks.v[s->end].flags & NF_TOK_POSSESSIVE))
    return;
  size_t k = s->end + 1;
  if (k < a->toks.n && a->title_at[k] != NONE) {
    const mention *t = &a->titles[a->title_at[k]];
    if (t->end < a->toks.n && a->person_at[t->end] != NONE) {
      spk_person_source(a, &a->persons[a->person_at[t->end]], s);
      return;
    }
  }
  if (s->begin >= c->end && !(c->flags & NF_LEX_SOURCE_AFTER)) memset(s, 0, sizeof *s);
}

/* A verb of judgement ("criticized", "praised", "thanked") whose subject,
 * just before it, is a named person: what it says of its object is
 * speech even without a quotation ("Jan Roe criticized the plan").  Not
 * the verbs of naming, whose content is the name ("called", "dubbed"),
 * nor those with other senses ("dismissed the aide", "welcomed guests"). */
static int judged_by_person(const article *a, const nf_lex_match *m, size_t k, size_t verb) {
  static const char *const other_senses[] = {"call",    "dub",     "label", "brand",
                                             "dismiss", "welcome", NULL};
  if (!m->entry || !m->entry->lemma || spk_ends_in(a, verb, "ing") ||
      nf_in_list(m->entry->lemma, other_senses))
    return 0;
  source s;
  /* "leaders meeting with Jan Roe called on ...": the person is no subject */
  return spk_source_before(a, k, verb, 0, &s) && s.kind == SRC_PERSON && s.end == k &&
         a->person_end[k] != NONE && !object_position(a, s.begin);
}

nf_status spk_find_cues(article *a) {
  nf_status s = NF_OK;
  for (size_t i = 0; i < a->toks.n && s == NF_OK; i++) {
    cue label;
    if (spk_label_cue(a, i, &label)) {
      s = add_cue(a, &label);
      continue;
    }
    if (a->toks.v[i].flags & NF_TOK_IN_QUOTE) continue;
    nf_lex_match m = lex_at(a, i, NF_LEX_BIT(NF_LEX_VERB));
    if (!m.len) continue;
    cue c;
    memset(&c, 0, sizeof c);
    c.begin = (uint32_t)i;
    c.end = (uint32_t)(i + m.len);
    c.group_begin = c.begin;
    c.group_end = c.end;
    c.flags = m.flags;
    size_t k = skip_adjuncts(a, i);
    static const char *const be[] = {"is", "was", "are", "were", NULL};
    if (k > 0 && nf_tok_in(&a->toks, k - 1, be) && spk_ends_in(a, i, "ing")) k--; /* "is telling" */
    /* "declined to say", "Trump's telling of a story" are no cues */
    if (k > 0 &&
        (nf_tok_is(&a->toks, k - 1, "to") || (a->toks.v[k - 1].flags & NF_TOK_POSSESSIVE))) {
      i = c.end - 1;
      continue;
    }
    /* "as reported by Western Journalism", "was first reported by the Times" */
    if (nf_tok_is(&a->toks, c.end, "by") && ((k > 0 && nf_tok_in(&a->toks, k - 1, passive)) ||
                                             (k > 0 && nf_tok_is(&a->toks, k - 1, "as")))) {
      if (spk_source_after(a, c.end + 1, 1, &c.src)) {
        c.group_end = spk_source_words_end(&c.src);
        s = add_cue(a, &c);
      }
      i = c.end - 1;
      continue;
    }
    if (k > 0 && nf_tok_in(&a->toks, k - 1, passive) && !spk_ends_in(a, i, "ing")) {
      i = c.end - 1;
      continue; /* "was told", "is said to" */
    }
    /* "won the primary, adding to her lead": "add to" is no speech */
    if (m.entry && m.entry->lemma && strcmp(m.entry->lemma, "add") == 0 &&
        nf_tok_is(&a->toks, c.end, "to")) {
      i = c.end - 1;
      continue;
    }
    if ((m.flags & NF_LEX_QUOTE) && !quote_follows(a, c.end) && !judged_by_person(a, &m, k, i)) {
      i = c.end - 1;
      continue; /* "called for talks" is no cue; "called it “reckless”" is */
    }
    /* "..., saying", "... -- saying", "reminisced about it and said": the
     * sentence's subject */
    int participle =
        k > 0 && (((nf_tok_punct(&a->toks, k - 1, ",") || a->toks.v[k - 1].kind == NF_TOKEN_DASH) &&
                   spk_ends_in(a, i, "ing")) ||
                  nf_tok_is(&a->toks, k - 1, "and"));
    if (m.flags & NF_LEX_SOURCE_AFTER) {
      if (spk_source_after(a, c.end, 1, &c.src)) c.group_end = spk_source_words_end(&c.src);
    } else if ((m.flags & NF_LEX_INVERT) && k > 0 &&
               (nf_tok_punct(&a->toks, k - 1, ",") || a->toks.v[k - 1].kind == NF_TOKEN_QUOTE) &&
               !spk_pronoun_gender(a, c.end) && spk_source_after(a, c.end, 0, &c.src) &&
               c.src.kind == SRC_PERSON && name_ends_clause(a, c.src.end)) {
      /* "..., said Treasury Secretary Janet Yellen, as ..." (not "..., said
       * Trump was wrong") */
      c.group_end = c.src.end;
    } else if (participle) {
      /* "..., saying": the sentence's subject speaks */
      sentence_subject(a, i, &c.src);
    } else if (spk_source_before(a, k, i, 0, &c.src)) {
      c.group_begin = c.src.begin < c.begin ? c.src.begin : c.begin;
      c.group_begin = (uint32_t)group_start(a, c.group_begin);
    } else if ((m.flags & NF_LEX_INVERT) &&
               (k == 0 || nf_tok_punct(&a->toks, k - 1, ",") ||
                a->toks.v[k - 1].kind == NF_TOKEN_QUOTE ||
                (a->toks.v[k].flags & NF_TOK_SENT_START)) &&
               spk_source_after(a, c.end, 0, &c.src)) {
      c.group_end = spk_source_words_end(&c.src);
    }
    /* "would not let Portugal say so": a causative's object does not speak */
    static const char *const causatives[] = {"let",    "lets",  "make", "makes", "made",
                                             "hear",   "heard", "see",  "saw",   "help",
                                             "helped", "watch", NULL};
    if (c.src.kind != SRC_NONE && c.src.begin < c.begin && c.src.begin > 0 &&
        nf_tok_in(&a->toks, c.src.begin - 1, causatives)) {
      i = c.end - 1;
      continue;
    }
    owner_speaks_not(a, &c, &c.src);
    if ((m.flags & NF_LEX_OBJECT) && c.group_end == c.end)
      c.group_end = (uint32_t)listener_end(a, c.end);
    s = add_cue(a, &c);
    i = c.end - 1;
  }
  return s;
}
