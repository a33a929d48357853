/* Field names in a query, checked: Xapian's parser reads an unknown field
 * (`speakr:Baker`) and an empty one (`speaker:`) as words and finds nothing
 * or the wrong thing, silently; here they are errors naming the fields. */
#include "fieldrefs.h"

#include <string.h>

#include "core/buffer.h"
#include "text/distance.h"

static int letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int name_char(char c) { return letter(c) || (c >= '0' && c <= '9') || c == '_'; }
static int space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Where a word may start: Xapian reads a field there. */
static int word_start(const char *q, size_t i) {
  return i == 0 || space(q[i - 1]) || q[i - 1] == '(' || q[i - 1] == '+' || q[i - 1] == '-';
}

static const nf_field *find(const nf_schema *schema, const char *p, size_t n) {
  for (size_t i = 0; i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    if (strlen(f->name) == n && memcmp(f->name, p, n) == 0) return f;
  }
  return NULL;
}

/* The field closest to a name written wrong: the same in other capitals,
 * else within nf_suggest_limit; NULL when none is close. */
static const nf_field *closest(const nf_schema *schema, const char *p, size_t n) {
  char lower[64];
  if (n >= sizeof lower) return NULL;
  for (size_t i = 0; i < n; i++)
    lower[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] - 'A' + 'a') : p[i];
  size_t limit = nf_suggest_limit(n), best_d = limit + 1;
  const nf_field *best = NULL;
  for (size_t i = 0; i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    size_t d = nf_edit_distance(lower, n, f->name, strlen(f->name), limit);
    if (d < best_d) best_d = d, best = f;
  }
  return best;
}

static void list_fields(const nf_schema *schema, nf_buf *out) {
  nf_buf_printf(out, "; the fields are ");
  for (size_t i = 0; i < nf_schema_field_count(schema); i++)
    nf_buf_printf(out, "%s%s:", i ? ", " : "", nf_schema_field(schema, i)->name);
}

static nf_status unknown(const nf_schema *schema, const char *p, size_t n, nf_error *err) {
  nf_buf msg = NF_BUF_INIT;
  const nf_field *near = closest(schema, p, n);
  nf_buf_printf(&msg, "%.*s: is not a field", (int)n, p);
  if (near) nf_buf_printf(&msg, " (did you mean %s:?)", near->name);
  list_fields(schema, &msg);
  nf_status s = nf_error_set(err, NF_ERR_QUERY, "%s", nf_buf_str(&msg));
  nf_buf_free(&msg);
  return s;
}

static nf_status empty(const nf_schema *schema, const nf_field *f, nf_error *err) {
  nf_buf msg = NF_BUF_INIT;
  nf_buf_printf(&msg,
                "%s: has no value: write it right after the colon, %s:VALUE or %s:\"two words\"",
                f->name, f->name, f->name);
  list_fields(schema, &msg);
  nf_status s = nf_error_set(err, NF_ERR_QUERY, "%s", nf_buf_str(&msg));
  nf_buf_free(&msg);
  return s;
}

/* The three bytes of a curly quote, opening (“) or closing (”). */
static int curly(const char *q, size_t n, size_t i, char last) {
  return i + 2 < n && q[i] == '\xe2' && q[i + 1] == '\x80' && q[i + 2] == last;
}

nf_status nf_query_check_fields(const nf_schema *schema, const char *q, size_t n, nf_error *err) {
  int quoted = 0;
  for (size_t i = 0; i < n; i++) {
    if (q[i] == '"' || curly(q, n, i, '\x9c') || curly(q, n, i, '\x9d')) {
      quoted = q[i] == '"' ? !quoted : q[i + 2] == '\x9c';
      continue;
    }
    if (quoted || !letter(q[i]) || !word_start(q, i)) continue;
    size_t j = i;
    while (j < n && name_char(q[j])) j++;
    if (j < n && q[j] == ':') {
      const nf_field *f = find(schema, q + i, j - i);
      char next = j + 1 < n ? q[j + 1] : '\0';
      int blank = space(next) || next == ')';
      if (f && (!next || blank)) return empty(schema, f, err);
      /* "Note: ..." is text, and so is a URL */
      if (!f && !blank && next != '/') return unknown(schema, q + i, j - i, err);
    }
    i = j - 1;
  }
  return NF_OK;
}
