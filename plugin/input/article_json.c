/* One JSON Lines article: parsed by jansson, checked, turned into nf_article. */
#include "article_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/date.h"

void nf_json_article_init(nf_json_article *ja) { memset(ja, 0, sizeof *ja); }

void nf_json_article_clear(nf_json_article *ja) {
  json_decref(ja->root);
  ja->root = NULL;
  json_decref(ja->extra);
  ja->extra = NULL;
  nf_buf_clear(&ja->scratch);
}

void nf_json_article_free(nf_json_article *ja) {
  nf_json_article_clear(ja);
  nf_buf_free(&ja->scratch);
  if (ja->html) nf_html_article_free(ja->html);
  free(ja->html);
  ja->html = NULL;
}

static const char *const known_keys[] = {"id",  "text",   "headline", "date",
                                         "url", "author", "source",   "html"};

static int is_known(const char *key) {
  for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++)
    if (strcmp(key, known_keys[i]) == 0) return 1;
  return 0;
}

/* An optional string member; null counts as absent. */
static nf_status optional_string(json_t *root, const char *key, nf_str *out, nf_error *err) {
  json_t *v = json_object_get(root, key);
  out->p = NULL;
  out->n = 0;
  if (!v || json_is_null(v)) return NF_OK;
  if (!json_is_string(v)) return nf_error_set(err, NF_ERR_PARSE, "\"%s\" must be a string", key);
  out->p = json_string_value(v);
  out->n = json_string_length(v);
  return NF_OK;
}

/* "author": a string, or an array of strings joined with ", ". */
static nf_status author_member(nf_json_article *ja, nf_str *out, nf_error *err) {
  json_t *v = json_object_get(ja->root, "author");
  if (!json_is_array(v)) return optional_string(ja->root, "author", out, err);
  size_t i;
  json_t *item;
  json_array_foreach(v, i, item) {
    if (!json_is_string(item))
      return nf_error_set(err, NF_ERR_PARSE, "\"author\" must be a string or an array of strings");
    if (ja->scratch.len && nf_buf_append_str(&ja->scratch, ", ")) return NF_ERR_NOMEM;
    if (nf_buf_append(&ja->scratch, json_string_value(item), json_string_length(item)))
      return NF_ERR_NOMEM;
  }
  out->p = ja->scratch.len ? nf_buf_str(&ja->scratch) : NULL;
  out->n = ja->scratch.len;
  return NF_OK;
}

/* "id": a non-empty string or an integer (kept as its decimal text). */
static nf_status id_member(nf_json_article *ja, nf_str *out, nf_error *err) {
  json_t *v = json_object_get(ja->root, "id");
  if (!v) return nf_error_set(err, NF_ERR_PARSE, "missing \"id\"");
  if (json_is_integer(v)) {
    snprintf(ja->id_number, sizeof ja->id_number, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    out->p = ja->id_number;
    out->n = strlen(ja->id_number);
    return NF_OK;
  }
  if (!json_is_string(v)) return nf_error_set(err, NF_ERR_PARSE, "\"id\" must be a string");
  out->p = json_string_value(v);
  out->n = json_string_length(v);
  if (out->n == 0) return nf_error_set(err, NF_ERR_PARSE, "\"id\" is empty");
  if (memchr(out->p, '\0', out->n) || memchr(out->p, '\n', out->n))
    return nf_error_set(err, NF_ERR_PARSE, "\"id\" contains a NUL or newline");
  return NF_OK;
}

/* The keys the indexer does not interpret, kept as a JSON object. */
static nf_status extra_members(nf_json_article *ja, const struct json_t **out) {
  const char *key;
  json_t *v;
  json_t *extra = NULL;
  json_object_foreach(ja->root, key, v) {
    if (is_known(key)) continue;
    if (!extra && !(extra = json_object())) return NF_ERR_NOMEM;
    if (json_object_set(extra, key, v)) {
      json_decref(extra);
      return NF_ERR_NOMEM;
    }
  }
  ja->extra = extra;
  *out = extra;
  return NF_OK;
}

nf_status nf_json_article_parse(nf_json_article *ja, const char *line, size_t n, nf_article *out,
                                nf_error *err) {
  nf_json_article_clear(ja);
  memset(out, 0, sizeof *out);
  json_error_t jerr;
  ja->root = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr);
  if (!ja->root)
    return nf_error_set(err, NF_ERR_PARSE, "invalid JSON at column %d: %s", jerr.column, jerr.text);
  if (!json_is_object(ja->root))
    return nf_error_set(err, NF_ERR_PARSE, "expected a JSON object, one article per line");
  nf_status s;
  /* "html": a web page, whose text and metadata fill what the line lacks */
  nf_str html;
  if ((s = optional_string(ja->root, "html", &html, err))) return s;
  if ((!html.p || json_object_get(ja->root, "id")) && (s = id_member(ja, &out->id, err))) return s;
  json_t *text = json_object_get(ja->root, "text");
  if (!text && !html.p) return nf_error_set(err, NF_ERR_PARSE, "missing \"text\"");
  if ((s = optional_string(ja->root, "text", &out->text, err))) return s;
  if (!out->text.p && !html.p) return nf_error_set(err, NF_ERR_PARSE, "\"text\" must be a string");
  if ((s = optional_string(ja->root, "headline", &out->headline, err))) return s;
  if ((s = optional_string(ja->root, "date", &out->date, err))) return s;
  if ((s = optional_string(ja->root, "url", &out->url, err))) return s;
  if ((s = optional_string(ja->root, "source", &out->source, err))) return s;
  if ((s = author_member(ja, &out->author, err))) return s;
  if ((s = extra_members(ja, &out->extra))) return nf_error_set(err, s, "out of memory");
  if (!html.p) return NF_OK;
  if (!ja->html && (ja->html = malloc(sizeof *ja->html))) nf_html_article_init(ja->html);
  if (!ja->html) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_page_source src = {"UTF-8", NULL, NULL, NULL, NULL};
  src.fallback_id = out->url.p; /* NUL-terminated: jansson's string */
  return nf_html_article_read(ja->html, html.p, html.n, &src, out, err);
}
