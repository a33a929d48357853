/* One plain-text article (a .txt file).  Internal to the input reader. */
#ifndef NF_INPUT_ARTICLE_TEXT_H
#define NF_INPUT_ARTICLE_TEXT_H

#include <stddef.h>

#include "newsfields/article.h"
#include "newsfields/status.h"

typedef struct nf_text_article {
  char *content; /* the file, made valid UTF-8 */
  size_t size;   /* bytes read from the file */
} nf_text_article;

void nf_text_article_init(nf_text_article *ta);
void nf_text_article_free(nf_text_article *ta);
/* The first non-empty line is the headline, what follows is the text, the
 * path is the id.  An empty file is NF_ERR_PARSE naming it. */
nf_status nf_text_article_read(nf_text_article *ta, const char *path, nf_article *out,
                               nf_error *err);

#endif
