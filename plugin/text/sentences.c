/* Sentence boundaries over the token stream, one paragraph at a time.  The
 * rule is documented with nf_sentence in include/newsfields/text.h. */
#include "abbrev.h"
#include "text_internal.h"

static int byte_is(const nf_text *t, const nf_token *k, const char *set) {
  if (k->end - k->start != 1) return 0;
  for (; *set; set++)
    if (t->s[k->start] == (unsigned char)*set) return 1;
  return 0;
}

/* . ! ? and their full-width and ideographic forms (judged by the folded
 * form, which maps the full-width ones to ASCII). */
static int is_terminal(const nf_text *t, const nf_token *k) {
  if (k->kind != NF_TOKEN_PUNCT || (k->flags & NF_TOK_ELLIPSIS)) return 0;
  const unsigned char *f = (const unsigned char *)t->folds.data + k->fold;
  if (k->fold_len == 1) return f[0] == '.' || f[0] == '!' || f[0] == '?';
  return k->fold_len == 3 && f[0] == 0xE3 && f[1] == 0x80 && f[2] == 0x82; /* U+3002 */
}

/* What may follow the end of a sentence and belongs to it: closing quote
 * marks, closing brackets, more terminal marks ("?!"), all without space. */
static size_t absorb(const nf_text *t, size_t j, size_t e, int *closed_quote) {
  *closed_quote = 0;
  for (; j < e; j++) {
    const nf_token *k = &t->tok[j];
    if (k->kind == NF_TOKEN_QUOTE && (k->flags & NF_TOK_CLOSE)) {
      *closed_quote = 1;
      continue;
    }
    if (k->flags & NF_TOK_SPACE_BEFORE) break;
    if (k->kind == NF_TOKEN_QUOTE && !(k->flags & NF_TOK_OPEN)) continue; /* a stray mark */
    if (byte_is(t, k, ")]}") || is_terminal(t, k)) continue;
    break;
  }
  return j;
}

/* After . ! ? (and what absorb took): a new sentence unless the next token
 * starts in lower case, is , ; : or a closing bracket, or is glued on. */
static int plain_boundary(const nf_text *t, const nf_token *next, int closed_quote, int wide) {
  if (next->flags & NF_TOK_LOWER) return 0;
  if (next->kind == NF_TOKEN_PUNCT && byte_is(t, next, ",;:)]}")) return 0;
  /* Glued on ("reuters.com"): only a capital or a CJK stop (no spaces in
   * Chinese and Japanese) makes a new sentence. */
  if (!(next->flags & NF_TOK_SPACE_BEFORE) && !closed_quote && !wide &&
      !(next->flags & NF_TOK_CAPITALIZED))
    return 0;
  return 1;
}

/* After an abbreviation: a new sentence only before a word that starts
 * sentences and does not continue names, or before an opening quote. */
/* After an abbreviation: a new sentence only before a word that starts
 * sentences and does not continue names, or before an opening quote mark
 * followed by a capital ("U.S. \"We" but not "U.S. \"backs"). */
static int abbrev_boundary(const nf_text *t, size_t j, size_t e) {
  const nf_token *next = &t->tok[j];
  if (!(next->flags & NF_TOK_SPACE_BEFORE)) return 0;
  if (next->kind == NF_TOKEN_QUOTE && (next->flags & NF_TOK_OPEN))
    return j + 1 < e && (t->tok[j + 1].flags & NF_TOK_CAPITALIZED);
  if (next->kind != NF_TOKEN_WORD || (next->flags & NF_TOK_ABBREV) ||
      !(next->flags & NF_TOK_CAPITALIZED))
    return 0;
  return nf_is_sentence_starter(nf_text_folds(t) + next->fold, next->fold_len);
}

/* "1." "12." at the start of a line number a list item; they end nothing. */
static int list_marker(const nf_text *t, size_t k) {
  if (k == 0) return 0;
  const nf_token *n = &t->tok[k - 1];
  return n->kind == NF_TOKEN_NUMBER && (n->flags & NF_TOK_LINE_START) &&
         n->end == t->tok[k].start && n->end - n->start <= 3 && t->s[t->tok[k].start] == '.';
}

static nf_status emit(nf_text *t, size_t b, size_t e, size_t para) {
  nf_status st = NF_GROW(t->sent, t->sent_cap, t->nsent + 1);
  if (st != NF_OK) return st;
  nf_sentence *s = &t->sent[t->nsent++];
  s->tok_begin = (uint32_t)b;
  s->tok_end = (uint32_t)e;
  s->span.start = t->tok[b].start;
  s->span.end = t->tok[e - 1].end;
  s->paragraph = (uint32_t)para;
  t->tok[b].flags |= NF_TOK_SENT_START;
  return NF_OK;
}

nf_status nf_find_sentences(nf_text *t) {
  for (size_t p = 0; p < t->npara; p++) {
    size_t b = t->para[p].tok_begin, e = t->para[p].tok_end, k = b;
    while (k < e) {
      const nf_token *tk = &t->tok[k];
      int closed_quote, end_here = 0;
      size_t j = k + 1;
      if (is_terminal(t, tk) && !list_marker(t, k)) {
        j = absorb(t, j, e, &closed_quote);
        end_here = j < e && plain_boundary(t, &t->tok[j], closed_quote, tk->end - tk->start > 1);
      } else if (tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_ABBREV)) {
        j = absorb(t, j, e, &closed_quote);
        if (j >= e || (tk->flags & NF_TOK_TITLE_ABBREV))
          end_here = 0;
        else if (closed_quote)
          end_here = plain_boundary(t, &t->tok[j], closed_quote, 0);
        else
          end_here = abbrev_boundary(t, j, e);
      }
      if (j >= e) break; /* the paragraph end ends the sentence */
      if (end_here) {
        nf_status st = emit(t, b, j, p);
        if (st != NF_OK) return st;
        b = j;
      }
      k = j;
    }
    if (b < e) {
      nf_status st = emit(t, b, e, p);
      if (st != NF_OK) return st;
    }
  }
  return NF_OK;
}
