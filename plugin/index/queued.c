/* Queued articles: copies for another thread, and their analysis. */
#include "queued.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

void nf_worked_clear(nf_worked *w) {
  nf_xdoc_free(w->doc);
  free(w->uid);
  memset(w, 0, sizeof *w);
}

void nf_queued_where(const nf_article *a, char *where) {
  where[0] = '\0';
  if (a->origin && a->line)
    snprintf(where, NF_ERROR_WHERE_MAX, "%s:%lu", a->origin, a->line);
  else if (a->origin)
    snprintf(where, NF_ERROR_WHERE_MAX, "%s", a->origin);
}

void nf_queued_work(const nf_schema *schema, const nf_pipeline *pipeline, nf_xstem *stem,
                    nf_analysis *analysis, nf_record *record, const nf_article *a, nf_worked *out) {
  nf_error_clear(&out->err);
  nf_status s =
      nf_document_from_article(schema, pipeline, analysis, record, a, stem, NF_DOCUMENT_STORED,
                               &out->doc, &out->uid, &out->uid_len, &out->err);
  if (s != NF_OK && !out->err.where[0]) nf_queued_where(a, out->err.where);
  out->status = s;
}

/* Copies one borrowed string into the buffer; its offset goes to *at. */
static nf_status copy_str(nf_buf *b, nf_str s, size_t *at) {
  *at = b->len;
  if (!s.p) return NF_OK;
  nf_status st = nf_buf_append(b, s.p, s.n);
  return st ? st : nf_buf_append_char(b, '\0');
}

size_t nf_queued_bytes(const nf_article *a) {
  return a->id.n + a->text.n + a->headline.n + a->date.n + a->url.n + a->author.n + a->source.n +
         (a->origin ? strlen(a->origin) : 0) + 8;
}

nf_status nf_queued_set(nf_queued *q, const nf_article *a, nf_error *err) {
  nf_buf_clear(&q->strings);
  const nf_str *src[] = {&a->id, &a->text, &a->headline, &a->date, &a->url, &a->author, &a->source};
  nf_str *dst[] = {&q->article.id,  &q->article.text,   &q->article.headline, &q->article.date,
                   &q->article.url, &q->article.author, &q->article.source};
  size_t at[sizeof src / sizeof src[0] + 1];
  nf_str origin = {a->origin, a->origin ? strlen(a->origin) : 0};
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < sizeof src / sizeof src[0]; i++)
    s = copy_str(&q->strings, *src[i], &at[i]);
  if (s == NF_OK) s = copy_str(&q->strings, origin, &at[sizeof src / sizeof src[0]]);
  if (s != NF_OK) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* pointers only now: the buffer may have moved while it grew */
  const char *base = nf_buf_str(&q->strings);
  for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
    *dst[i] = (nf_str){src[i]->p ? base + at[i] : NULL, src[i]->n};
  q->article.origin = a->origin ? base + at[sizeof src / sizeof src[0]] : NULL;
  /* the thread's own copy: the reader's object goes with its next line */
  json_decref((json_t *)q->article.extra);
  q->article.extra = a->extra ? json_deep_copy(a->extra) : NULL;
  if (a->extra && !q->article.extra) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  q->article.line = a->line;
  return NF_OK;
}

void nf_queued_free(nf_queued *q) {
  nf_buf_free(&q->strings);
  json_decref((json_t *)q->article.extra);
  q->article.extra = NULL;
}
