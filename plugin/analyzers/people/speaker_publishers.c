/* The speaker analyzer: publishers.  Newspapers, sites and companies
 * "report" and "announce" under names no word of which says they are an
 * organisation ("Politico reported", "the Daily Planet reports", "Acme
 * announced"): before a verb flagged `publish`, a name that is no person's
 * is a named body. */
#include <string.h>

#include "analysis/tokens.h"
#include "speaker_internal.h"

/* Words capitalised at a sentence's start that name no one: "They
 * reported", "As announced". */
static const char *const function_words[] = {
    "it",    "they",      "we",      "i",          "you",        "he",    "she",    "this",
    "that",  "these",     "those",   "some",       "many",       "most",  "few",    "all",
    "both",  "each",      "other",   "others",     "another",    "one",   "none",   "who",
    "which", "what",      "there",   "here",       "several",    "such",  "as",     "so",
    "if",    "when",      "while",   "since",      "because",    "after", "before", "then",
    "now",   "today",     "also",    "still",      "even",       "only",  "just",   "earlier",
    "later", "meanwhile", "however", "previously", "separately", "first", "last",   "it's",
    "media", "officials", "police",  NULL};

/* Where the subject may begin before token b: a sentence's start, an
 * article, punctuation or a conjunction ("..., and Politico reported"); not
 * a preposition ("police in Springfield reported"). */
static int subject_start(const article *a, size_t b) {
  static const char *const joins[] = {"and", "but", "while", "as", "when", "after", NULL};
  if (b == 0 || (a->toks.v[b].flags & NF_TOK_SENT_START)) return 1;
  const nf_token *p = &a->toks.v[b - 1];
  return p->kind != NF_TOKEN_WORD || spk_article(a, b - 1) || nf_tok_in(&a->toks, b - 1, joins);
}

int spk_publisher_before(const article *a, size_t e, size_t cue_at, source *s) {
  if (cue_at >= a->toks.n || e == 0 ||
      !(lex_at(a, cue_at, NF_LEX_BIT(NF_LEX_VERB)).flags & NF_LEX_PUBLISH))
    return 0;
  /* "Roe reported from Springfield": a reporter's credit line */
  if (cue_at + 1 < a->toks.n && nf_tok_is(&a->toks, cue_at + 1, "from")) return 0;
  size_t b = e;
  while (b > 0 && b + 5 > e) {
    size_t k = b - 1;
    const nf_token *tk = &a->toks.v[k];
    if (tk->kind == NF_TOKEN_HYPHEN && b < e && k > 0) { /* "Sun-Times" */
      b = k;
      continue;
    }
    if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_CAPITALIZED) ||
        (tk->flags & NF_TOK_IN_QUOTE) || a->person_end[k + 1] != NONE ||
        tk->start < a->dateline_end)
      break;
    b = k;
    if (tk->flags & NF_TOK_SENT_START) break;
  }
  if (b < e && a->toks.v[b].kind != NF_TOKEN_WORD) b++;
  if (b >= e || !subject_start(a, b)) return 0;
  for (size_t k = b; k < e; k++)
    if (a->person_at[k] != NONE) return 0;
  while (b < e && spk_article(a, b)) b++; /* "The Daily Planet" */
  if (b >= e || nf_tok_in(&a->toks, e - 1, function_words) ||
      nf_tok_in(&a->toks, b, function_words))
    return 0;
  /* "Figures reported": a plural noun capitalised only as the sentence's
   * first word; "Press reports said": a noun compound, not a name and verb */
  if (e == b + 1 && (a->toks.v[b].flags & NF_TOK_SENT_START) &&
      (spk_ends_in(a, b, "s") || spk_ends_in(a, cue_at, "s")) &&
      (a->toks.v[b].flags & NF_TOK_TITLE_CASE))
    return 0;
  memset(s, 0, sizeof *s);
  s->kind = SRC_BODY;
  s->begin = (uint32_t)b;
  s->end = (uint32_t)e;
  set_text(a, s, b, e);
  return 1;
}
