/* One JSON Lines article.  Internal to the input reader. */
#ifndef NF_INPUT_ARTICLE_JSON_H
#define NF_INPUT_ARTICLE_JSON_H

#include <jansson.h>

#include "core/buffer.h"
#include "html_article.h"
#include "newsfields/article.h"
#include "newsfields/status.h"

/* Holds what the last parsed article points into. */
typedef struct nf_json_article {
  json_t *root;
  json_t *extra;         /* the other keys, an object sharing the root's values */
  nf_buf scratch;        /* a joined author array */
  char id_number[32];    /* an integer id as text */
  nf_html_article *html; /* reads an "html" key; made when first needed */
} nf_json_article;

void nf_json_article_init(nf_json_article *ja);
void nf_json_article_clear(nf_json_article *ja);
void nf_json_article_free(nf_json_article *ja);
/* Parse one line; NF_ERR_PARSE with the cause in err (the caller adds file:line). */
nf_status nf_json_article_parse(nf_json_article *ja, const char *line, size_t n, nf_article *out,
                                nf_error *err);

#endif
