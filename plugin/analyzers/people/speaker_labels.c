/* The speaker analyzer: labels, a person's name and a colon before what the
 * person says, as headlines, transcripts and round-ups write them ("Jane
 * Roe: We Will Win", "ROE: Let's begin.", "Polls differ - Jane Roe: “...”"). */
#include <ctype.h>
#include <string.h>

#include "analysis/tokens.h"
#include "speaker_internal.h"

/* Token k opens a label: it starts a sentence or a line, follows a dash, or
 * follows a quotation mark that opens a paragraph. */
static int label_start(const article *a, size_t k) {
  const nf_token *tk = &a->toks.v[k];
  if (k == 0 || (tk->flags & (NF_TOK_SENT_START | NF_TOK_LINE_START | NF_TOK_PARA_START))) return 1;
  const nf_token *p = &a->toks.v[k - 1];
  if (p->kind == NF_TOKEN_DASH) return 1;
  return p->kind == NF_TOKEN_QUOTE && (p->flags & NF_TOK_OPEN) &&
         (p->flags & (NF_TOK_SENT_START | NF_TOK_PARA_START | NF_TOK_LINE_START));
}

/* The person of the article whose name ends in the word at token k (case
 * blind): "ROE" is Jane Roe. */
static const mention *person_by_surname(const article *a, size_t k) {
  const char *w = nf_tok_fold(&a->toks, k);
  size_t n = a->toks.v[k].fold_len;
  for (size_t i = 0; i < a->npersons; i++) {
    const char *name = a->persons[i].name, *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    if (strlen(last) != n) continue;
    size_t j = 0;
    while (j < n && tolower((unsigned char)last[j]) == (unsigned char)w[j]) j++;
    if (j == n) return &a->persons[i];
  }
  return NULL;
}

/* The person of the article the capitalised words [b, e) name by surname
 * ("Roe", "ROE", "JANE ROE": a headline or a transcript's speaker). */
static const mention *surname_label(const article *a, size_t b, size_t e) {
  if (e <= b || e - b > 3) return NULL;
  for (size_t k = b; k < e; k++)
    if (a->toks.v[k].kind != NF_TOKEN_WORD || !(a->toks.v[k].flags & NF_TOK_CAPITALIZED) ||
        a->toks.v[k].fold_len < 2)
      return NULL;
  return person_by_surname(a, e - 1);
}

/* What follows the colon reads as something said: words, or a quotation,
 * not a number ("Jane Roe: 1,769") nor a heading of a few words that ends
 * its paragraph ("Roe: A long shot." over a round-up's section). */
static int label_content(const article *a, size_t k) {
  if (a->toks.v[k].kind == NF_TOKEN_QUOTE) return 1;
  if (a->toks.v[k].kind != NF_TOKEN_WORD) return 0;
  size_t words = 0;
  for (; k < a->toks.n && !(a->toks.v[k].flags & NF_TOK_PARA_START); k++)
    if (a->toks.v[k].kind == NF_TOKEN_WORD && ++words > 4) return 1;
  return 0;
}

/* A transcript's speaker the article names nowhere else: two or three
 * words in capitals opening a line, the first a given name ("JANE ROE:"). */
static int caps_name_label(const article *a, size_t b, size_t e) {
  if (e - b < 2 || e - b > 3 || !(a->toks.v[b].flags & (NF_TOK_LINE_START | NF_TOK_PARA_START)))
    return 0;
  for (size_t k = b; k < e; k++)
    if (a->toks.v[k].kind != NF_TOKEN_WORD || !(a->toks.v[k].flags & NF_TOK_ALL_CAPS) ||
        a->toks.v[k].fold_len < 2)
      return 0;
  return lex_at(a, b, NF_LEX_BIT(NF_LEX_FIRST_NAME)).len == 1;
}

int spk_label_cue(const article *a, size_t colon, cue *c) {
  if (colon == 0 || colon + 1 >= a->toks.n || !nf_tok_punct(&a->toks, colon, ":")) return 0;
  /* what follows is on the same line: not a list's heading */
  if (a->toks.v[colon + 1].flags & (NF_TOK_LINE_START | NF_TOK_PARA_START)) return 0;
  if (!label_content(a, colon + 1)) return 0;
  size_t e = colon;
  size_t open = spk_paren_open(a, e - 1); /* "Rep. Jane Roe (D-Ore.):" */
  if (open != NONE) e = open;
  memset(c, 0, sizeof *c);
  if (e > 0 && a->person_end[e] != NONE) {
    const mention *m = &a->persons[a->person_end[e]];
    size_t b = m->begin;
    if (a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
    if (b > 0 && lex_at(a, b - 1, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1) b--;
    if (!label_start(a, b)) return 0;
    spk_person_source(a, m, &c->src);
    c->group_begin = (uint32_t)b;
  } else {
    size_t b = e;
    while (b > 0 && e - b < 4 && a->toks.v[b - 1].kind == NF_TOKEN_WORD) b--;
    while (b < e && !label_start(a, b)) b++;
    const mention *m = b < e ? surname_label(a, b, e) : NULL;
    if (m) {
      spk_person_source(a, m, &c->src);
    } else if (b < e && caps_name_label(a, b, e)) {
      c->src.kind = SRC_PERSON;
      set_text(a, &c->src, b, e);
    } else {
      return 0;
    }
    c->src.begin = (uint32_t)b;
    c->src.end = (uint32_t)e;
    c->group_begin = (uint32_t)b;
  }
  c->begin = (uint32_t)colon;
  c->end = c->group_end = (uint32_t)(colon + 1);
  return 1;
}
