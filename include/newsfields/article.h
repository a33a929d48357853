/* newsfields — one input article, as the readers hand it to the indexer.
 * All text is borrowed: valid until the next call on whatever produced it. */
#ifndef NEWSFIELDS_ARTICLE_H
#define NEWSFIELDS_ARTICLE_H

#include <stddef.h>

#include "newsfields/export.h"

#ifdef __cplusplus
extern "C" {
#endif

struct json_t; /* jansson's */

/* A borrowed string: p need not be NUL-terminated; p == NULL means absent. */
typedef struct nf_str {
  const char *p;
  size_t n;
} nf_str;

typedef struct nf_article {
  nf_str id;                  /* required, unique */
  nf_str text;                /* required, UTF-8 */
  nf_str headline;            /* optional */
  nf_str date;                /* optional, ISO 8601 (YYYY-MM-DD, with an optional time) */
  nf_str url;                 /* optional */
  nf_str author;              /* optional, one or several names ("A, B and C") */
  nf_str source;              /* optional, publisher or feed */
  const struct json_t *extra; /* optional: the article's other keys, a jansson object */
  const char *origin;         /* the file it came from, for messages (may be NULL) */
  unsigned long line;         /* its line in that file (0: the whole file) */
} nf_article;

#ifdef __cplusplus
}
#endif
#endif
