/* The author metadata of an article, split into names. */
#include "record/author.h"

#include <string.h>

#include "record/record_json.h"

/* Length of the separator at p ("," ";" "&" "|" " and "), or 0. */
static size_t separator(const char *p, size_t n) {
  if (*p == ',' || *p == ';' || *p == '&' || *p == '|' || *p == '\n') return 1;
  if (n >= 5 && (memcmp(p, " and ", 5) == 0 || memcmp(p, " AND ", 5) == 0)) return 5;
  return 0;
}

static int space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static nf_status add_name(nf_record *rec, json_t *list, const char *p, size_t n) {
  while (n && space(*p)) p++, n--;
  while (n && space(p[n - 1])) n--;
  if (n == 0) return NF_OK;
  json_t *entry = json_pack("{s:s%,s:n,s:s,s:n}", "name", p, n, "org", "role", "author", "span");
  if (!entry) return NF_ERR_PARSE; /* invalid UTF-8 */
  if (json_array_append_new(list, entry)) return NF_ERR_NOMEM;
  return nf_record_add_value(rec, "byline", p, n);
}

nf_status nf_author_to_record(nf_record *rec, nf_str author, nf_error *err) {
  json_t *list = json_array();
  if (!list || json_object_set_new(nf_record_json(rec), "byline", list))
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (!author.p) return NF_OK;
  const char *p = author.p, *start = p, *end = p + author.n;
  nf_status s = NF_OK;
  while (s == NF_OK && p < end) {
    size_t sep = separator(p, (size_t)(end - p));
    if (sep) {
      s = add_name(rec, list, start, (size_t)(p - start));
      p += sep;
      start = p;
    } else {
      p++;
    }
  }
  if (s == NF_OK) s = add_name(rec, list, start, (size_t)(end - start));
  if (s == NF_ERR_PARSE) return nf_error_set(err, s, "\"author\" is not valid UTF-8");
  if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  return NF_OK;
}
