/* Compact JSON, as jansson's json_dumps writes it (see json_write.h). */
#include "json_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What jansson writes for a byte it escapes; 0: the byte as it is. */
static char short_escape(unsigned char c) {
  switch (c) {
    case '"':
      return '"';
    case '\\':
      return '\\';
    case '\b':
      return 'b';
    case '\f':
      return 'f';
    case '\n':
      return 'n';
    case '\r':
      return 'r';
    case '\t':
      return 't';
    default:
      return 0;
  }
}

nf_status nf_json_write_string(nf_buf *b, const char *p, size_t n) {
  nf_status s = nf_buf_reserve(b, n + 2);
  if (s == NF_OK) s = nf_buf_append_char(b, '"');
  size_t run = 0; /* bytes from p + run on are not written yet */
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    s = nf_buf_append(b, p + run, i - run);
    run = i + 1;
    char e = short_escape(c);
    if (s == NF_OK && e) {
      char two[2] = {'\\', e};
      s = nf_buf_append(b, two, 2);
    } else if (s == NF_OK) {
      char u[8];
      snprintf(u, sizeof u, "\\u%04X", c); /* jansson's upper-case hex */
      s = nf_buf_append(b, u, 6);
    }
  }
  if (s == NF_OK) s = nf_buf_append(b, p + run, n - run);
  if (s == NF_OK) s = nf_buf_append_char(b, '"');
  return s;
}

size_t nf_json_string_length(const char *p, size_t n) {
  size_t len = n + 2;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    len += short_escape(c) ? 1 : 5; /* a backslash and a letter, or \u and 4 digits */
  }
  return len;
}

/* An integer in decimal (snprintf's cost, for the many spans of a record,
 * shows in indexing). */
static nf_status write_integer(nf_buf *b, json_int_t v) {
  char digits[24];
  size_t at = sizeof digits;
  unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do {
    digits[--at] = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  if (v < 0) digits[--at] = '-';
  return nf_buf_append(b, digits + at, sizeof digits - at);
}

/* A value jansson writes in a way of its own (a real's shortest digits):
 * its own dump. */
static nf_status write_by_jansson(nf_buf *b, const json_t *v) {
  char *own = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
  if (!own) return NF_ERR_NOMEM;
  nf_status s = nf_buf_append_str(b, own);
  free(own);
  return s;
}

static size_t integer_length(json_int_t v) {
  unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  size_t len = v < 0;
  do {
    len++;
    m /= 10;
  } while (m);
  return len;
}

size_t nf_json_length(const json_t *v) {
  size_t len = 0;
  switch (json_typeof(v)) {
    case JSON_OBJECT: {
      const char *key;
      size_t key_len;
      json_t *member;
      json_object_keylen_foreach((json_t *)v, key, key_len, member) {
        len += (len ? 1 : 0) + nf_json_string_length(key, key_len) + 1 + nf_json_length(member);
      }
      return len + 2;
    }
    case JSON_ARRAY:
      for (size_t i = 0; i < json_array_size(v); i++)
        len += (i ? 1 : 0) + nf_json_length(json_array_get(v, i));
      return len + 2;
    case JSON_STRING:
      return nf_json_string_length(json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
      return integer_length(json_integer_value(v));
    case JSON_TRUE:
      return 4;
    case JSON_FALSE:
      return 5;
    case JSON_NULL:
      return 4;
    case JSON_REAL: {
      char *own = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
      len = own ? strlen(own) : 0;
      free(own);
      return len;
    }
  }
  return 0;
}

nf_status nf_json_write(nf_buf *b, const json_t *v) {
  nf_status s = NF_OK;
  switch (json_typeof(v)) {
    case JSON_OBJECT: {
      s = nf_buf_append_char(b, '{');
      const char *key;
      size_t key_len;
      json_t *member;
      int first = 1;
      json_object_keylen_foreach((json_t *)v, key, key_len, member) {
        if (s == NF_OK && !first) s = nf_buf_append_char(b, ',');
        first = 0;
        if (s == NF_OK) s = nf_json_write_string(b, key, key_len);
        if (s == NF_OK) s = nf_buf_append_char(b, ':');
        if (s == NF_OK) s = nf_json_write(b, member);
      }
      return s == NF_OK ? nf_buf_append_char(b, '}') : s;
    }
    case JSON_ARRAY:
      s = nf_buf_append_char(b, '[');
      for (size_t i = 0; s == NF_OK && i < json_array_size(v); i++) {
        if (i) s = nf_buf_append_char(b, ',');
        if (s == NF_OK) s = nf_json_write(b, json_array_get(v, i));
      }
      return s == NF_OK ? nf_buf_append_char(b, ']') : s;
    case JSON_STRING:
      return nf_json_write_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
      return write_integer(b, json_integer_value(v));
    case JSON_TRUE:
      return nf_buf_append(b, "true", 4);
    case JSON_FALSE:
      return nf_buf_append(b, "false", 5);
    case JSON_NULL:
      return nf_buf_append(b, "null", 4);
    case JSON_REAL:
      return write_by_jansson(b, v);
  }
  return NF_ERR_INVALID;
}
