/* A web page as an nf_article: the page's fields beside the reader's. */
#include "html_article.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/record.h"

void nf_html_article_init(nf_html_article *ha) {
  memset(ha, 0, sizeof *ha);
  nf_html_page_init(&ha->page);
}

void nf_html_article_free(nf_html_article *ha) {
  nf_html_page_free(&ha->page);
  nf_buf_free(&ha->id);
  json_decref(ha->extra);
  ha->extra = NULL;
}

static nf_str str_of(const nf_buf *b) {
  nf_str s = {b->len ? b->data : NULL, b->len};
  return s;
}

static nf_str cstr(const char *s) {
  nf_str r = {s, s ? strlen(s) : 0};
  return r;
}

/* The id: cut with a hash of the whole when it is too long. */
static nf_status set_id(nf_html_article *ha, const char *p, size_t n) {
  nf_buf_clear(&ha->id);
  if (n <= NF_RECORD_MAX_ID) return nf_buf_append(&ha->id, p, n);
  uint64_t h = 14695981039346656037ULL; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
  size_t keep = NF_HTML_ID_KEEP;
  while (keep && ((unsigned char)p[keep] & 0xc0) == 0x80) keep--; /* not inside a character */
  nf_status s = nf_buf_append(&ha->id, p, keep);
  return s ? s : nf_buf_printf(&ha->id, "#%016llx", (unsigned long long)h);
}

static nf_status add_extra(json_t *extra, const char *key, const nf_buf *v) {
  if (!v->len || json_object_get(extra, key)) return NF_OK;
  json_t *s = json_stringn(v->data, v->len);
  if (!s) return NF_OK; /* not UTF-8: cannot happen, the page was decoded */
  return json_object_set_new(extra, key, s) ? NF_ERR_NOMEM : NF_OK;
}

static nf_status make_extra(nf_html_article *ha, nf_article *out) {
  const nf_html_meta *m = &ha->page.meta;
  /* a shallow copy: the line's own values are shared, never changed */
  json_t *extra = out->extra ? json_copy((json_t *)out->extra) : json_object();
  if (!extra) return NF_ERR_NOMEM;
  nf_status s = add_extra(extra, "section", &m->section.value);
  if (!s) s = add_extra(extra, "language", &m->language.value);
  if (!s) s = add_extra(extra, "modified", &m->modified.value);
  const nf_buf *canonical = &m->url.value;
  if (!s && canonical->len &&
      !(out->url.p && out->url.n == canonical->len &&
        memcmp(out->url.p, canonical->data, canonical->len) == 0))
    s = add_extra(extra, "canonical", canonical);
  json_decref(ha->extra);
  ha->extra = NULL;
  if (s == NF_OK && json_object_size(extra)) ha->extra = json_incref(extra);
  json_decref(extra);
  out->extra = ha->extra;
  return s;
}

nf_status nf_html_article_read(nf_html_article *ha, const char *html, size_t n,
                               const nf_page_source *src, nf_article *out, nf_error *err) {
  nf_status s = nf_html_extract(&ha->page, html, n, src->http_charset, err);
  if (s != NF_OK) return s;
  const nf_html_meta *m = &ha->page.meta;
  if (!out->text.p) out->text = str_of(&ha->page.text);
  if (!out->headline.p) out->headline = str_of(&m->headline.value);
  if (!out->author.p) out->author = str_of(&m->author.value);
  if (!out->source.p) out->source = str_of(&m->source.value);
  if (!out->date.p && m->date.value.len) out->date = str_of(&m->date.value);
  if (!out->date.p && src->fallback_date &&
      nf_html_date(src->fallback_date, strlen(src->fallback_date), ha->fallback_date))
    out->date = cstr(ha->fallback_date);
  if (!out->url.p) out->url = src->url ? cstr(src->url) : str_of(&m->url.value);
  if (!out->id.p) {
    const char *id = src->id;
    size_t idn = id ? strlen(id) : 0;
    if (!id && m->url.value.len) id = m->url.value.data, idn = m->url.value.len;
    if (!id && src->fallback_id) id = src->fallback_id, idn = strlen(id);
    if (!id) return nf_error_set(err, NF_ERR_PARSE, "no id: the page names no canonical URL");
    if ((s = set_id(ha, id, idn))) return nf_error_set(err, s, "out of memory");
    out->id = str_of(&ha->id);
  }
  if ((s = make_extra(ha, out))) return nf_error_set(err, s, "out of memory");
  return NF_OK;
}
