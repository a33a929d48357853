/* Text from the input (ids, headlines, snippets, file names, queries) on a
 * terminal: nothing in it may reach the terminal as a control sequence. */
#include <utf8proc.h>

#include "cli.h"

/* Controls that reorder what a terminal shows (Trojan Source): ALM, LRM,
 * RLM, the embeddings and overrides, the isolates. */
static int bidi_control(utf8proc_int32_t c) {
  return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

void nf_cli_put_text(FILE *f, const char *p, size_t n, int flatten) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)p;
  size_t i = 0;
  while (i < n) {
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &c);
    if (len <= 0) { /* not UTF-8: the byte, shown as such */
      fprintf(f, "\\x%02x", s[i]);
      i++;
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
      if (flatten)
        fputc(' ', f);
      else
        fputs(c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r", f);
    } else if (c < 0x20 || c == 0x7f) {
      fprintf(f, "\\x%02x", (unsigned)c);
    } else if ((c >= 0x80 && c <= 0x9f) || bidi_control(c)) {
      fprintf(f, "\\u%04x", (unsigned)c);
    } else {
      fwrite(s + i, 1, (size_t)len, f);
    }
    i += (size_t)len;
  }
}

void nf_cli_put(FILE *f, const char *s, int flatten) { nf_cli_put_text(f, s, strlen(s), flatten); }

void nf_cli_put_json(FILE *f, const char *json) {
  /* JSON escapes C0 itself; C1 and the bidirectional controls can only be
   * inside strings, where \uXXXX means the same character.  ASCII, most of
   * the text, is written in runs. */
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)json;
  size_t n = strlen(json), i = 0, run = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &c);
    if (len <= 0) len = 1, c = -1; /* jansson writes UTF-8 only: cannot happen */
    if ((c >= 0x80 && c <= 0x9f) || bidi_control(c)) {
      fwrite(s + run, 1, i - run, f);
      fprintf(f, "\\u%04x", (unsigned)c);
      run = i + (size_t)len;
    }
    i += (size_t)len;
  }
  fwrite(s + run, 1, n - run, f);
}
