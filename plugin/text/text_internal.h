/* The nf_text object and the passes over it.  Internal. */
#ifndef NF_TEXT_INTERNAL_H
#define NF_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buffer.h"
#include "core/grow.h"
#include "newsfields/text.h"

/* An open quotation during quote resolution. */
typedef struct nf_open_quote {
  uint32_t quote; /* index into quotes */
  int32_t opener; /* the opening mark's code point */
} nf_open_quote;

/* Every array grows geometrically and is kept for the next article. */
struct nf_text {
  const unsigned char *s; /* the analysed text: the caller's or `clean` */
  size_t n;
  nf_buf clean; /* sanitized copy of invalid input */
  size_t replacements;

  nf_token *tok;
  size_t ntok, tok_cap;
  nf_buf folds; /* folded forms, each followed by a NUL */

  nf_paragraph *para;
  size_t npara, para_cap;
  nf_sentence *sent;
  size_t nsent, sent_cap;
  nf_quote *quote;
  size_t nquote, quote_cap;
  nf_open_quote *stack; /* scratch for quotes.c */
  size_t stack_cap;
};

/* The passes, in order; each reads what the previous ones made. */
nf_status nf_tokenize(nf_text *t);
nf_status nf_find_paragraphs(nf_text *t);
nf_status nf_find_quotes(nf_text *t);
nf_status nf_find_sentences(nf_text *t);

#endif
