/* A web page's bytes as valid UTF-8: the charset as browsers choose it,
 * iconv to convert, uchardet to guess when nothing is declared. */
#include "html_charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet.h>

#include "newsfields/text.h"

#define PRESCAN 8192      /* bytes searched for a <meta> charset */
#define DETECT 65536      /* bytes given to uchardet */
#define BINARY_PROBE 4096 /* bytes looked at for binary data */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int ieq(const char *a, const char *b) {
  while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) a++, b++;
  return *a == '\0' && *b == '\0';
}

/* Case-insensitive search of the lower-case needle in p[0..n). */
static const char *ifind(const char *p, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++) {
    if (lower((unsigned char)p[i]) != needle[0]) continue;
    size_t k = 1;
    while (k < m && lower((unsigned char)p[i + k]) == needle[k]) k++;
    if (k == m) return p + i;
  }
  return NULL;
}

static int label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

/* The label after "charset" at p (p points past the word): "=", optional
 * quotes and spaces, then the label's characters. */
static void read_label(const char *p, const char *end, char *out) {
  out[0] = '\0';
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  if (p == end || *p != '=') return;
  p++;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')) p++;
  size_t n = 0;
  while (p < end && label_char(*p) && n + 1 < NF_CHARSET_MAX) out[n++] = *p++;
  out[n] = '\0';
}

void nf_content_type_charset(const char *p, size_t n, char *charset) {
  charset[0] = '\0';
  const char *at = ifind(p, n, "charset");
  if (at) read_label(at + 7, p + n, charset);
}

/* A <meta> charset or an XML declaration's encoding in the page's start. */
static void prescan(const char *p, size_t n, char *charset) {
  charset[0] = '\0';
  if (n > PRESCAN) n = PRESCAN;
  const char *end = p + n;
  if (n > 5 && memcmp(p, "<?xml", 5) == 0) {
    const char *close = memchr(p, '>', n);
    const char *enc = close ? ifind(p, (size_t)(close - p), "encoding") : NULL;
    if (enc) read_label(enc + 8, close, charset);
    if (charset[0]) return;
  }
  const char *at = p;
  while ((at = ifind(at, (size_t)(end - at), "<meta")) != NULL) {
    at += 5;
    const char *close = memchr(at, '>', (size_t)(end - at));
    if (!close) return;
    const char *cs = ifind(at, (size_t)(close - at), "charset");
    if (cs) {
      read_label(cs + 7, close, charset);
      if (charset[0]) return;
    }
    at = close;
  }
}

/* The iconv name for a label, as browsers read labels. */
static void canonical(const char *label, char *out) {
  static const struct {
    const char *label, *name;
  } map[] = {
      {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"},
      {"utf-16", "UTF-8"}, /* a <meta> cannot declare UTF-16: what it reads is ASCII */
      {"utf-16le", "UTF-8"},
      {"utf-16be", "UTF-8"},
      {"iso-8859-1", "WINDOWS-1252"},
      {"iso8859-1", "WINDOWS-1252"},
      {"iso_8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"l1", "WINDOWS-1252"},
      {"us-ascii", "WINDOWS-1252"},
      {"ascii", "WINDOWS-1252"},
      {"cp1252", "WINDOWS-1252"},
      {"x-cp1252", "WINDOWS-1252"},
      {"iso-8859-9", "WINDOWS-1254"},
      {"latin5", "WINDOWS-1254"},
      {"gb2312", "GBK"},
      {"x-gbk", "GBK"},
      {"x-sjis", "SHIFT_JIS"},
      {"sjis", "SHIFT_JIS"},
      {"ms_kanji", "SHIFT_JIS"},
      {"x-euc-jp", "EUC-JP"},
      {"ks_c_5601-1987", "EUC-KR"},
      {"tis-620", "WINDOWS-874"},
      {"iso-8859-11", "WINDOWS-874"},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (ieq(label, map[i].label)) {
      snprintf(out, NF_CHARSET_MAX, "%s", map[i].name);
      return;
    }
  size_t i = 0;
  for (; label[i] && i + 1 < NF_CHARSET_MAX; i++)
    out[i] = (char)(label[i] >= 'a' && label[i] <= 'z' ? label[i] - 32 : label[i]);
  out[i] = '\0';
}

static int binary(const char *p, size_t n) {
  static const struct {
    const char *magic;
    size_t n;
  } sigs[] = {{"\x89PNG", 4},    {"GIF8", 4},     {"\xff\xd8\xff", 3}, {"%PDF-", 5},
              {"PK\x03\x04", 4}, {"\x1f\x8b", 2}, {"\0\0\0", 3},       {"RIFF", 4}};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    if (n >= sigs[i].n && memcmp(p, sigs[i].magic, sigs[i].n) == 0) return 1;
  size_t probe = n < BINARY_PROBE ? n : BINARY_PROBE, controls = 0;
  for (size_t i = 0; i < probe; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) controls++;
  }
  return controls > 8 && controls * 20 > probe;
}

/* Appends p[0..n) (valid UTF-8) without the C0 controls that HTML forbids,
 * in runs: most pages have none. */
static nf_status append_clean(nf_buf *out, const char *p, size_t n) {
  nf_status s = nf_buf_reserve(out, n);
  if (s != NF_OK) return s;
  char *d = out->data + out->len;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    memcpy(d, p + run, i - run);
    d += i - run;
    run = i + 1;
  }
  memcpy(d, p + run, n - run);
  d += n - run;
  out->len = (size_t)(d - out->data);
  out->data[out->len] = '\0';
  return NF_OK;
}

static nf_status from_utf8(const char *p, size_t n, nf_buf *out) {
  if (nf_utf8_validate(p, n, NULL) == NF_OK) return append_clean(out, p, n);
  char *clean;
  size_t len;
  nf_status s = nf_utf8_sanitize(p, n, &clean, &len, NULL);
  if (s != NF_OK) return s;
  s = append_clean(out, clean, len);
  free(clean);
  return s;
}

/* Converts with iconv; NF_ERR_UNSUPPORTED when iconv does not know it. */
static nf_status convert(const char *p, size_t n, const char *charset, nf_buf *out) {
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == (iconv_t)-1) return NF_ERR_UNSUPPORTED;
  nf_buf tmp = NF_BUF_INIT;
  nf_status s = nf_buf_reserve(&tmp, n + n / 2 + 16);
  char *in = (char *)p;
  size_t left = n;
  while (s == NF_OK && left) {
    if (tmp.cap - tmp.len < 16) s = nf_buf_reserve(&tmp, tmp.cap);
    if (s != NF_OK) break;
    char *o = tmp.data + tmp.len;
    size_t room = tmp.cap - tmp.len - 1;
    size_t r = iconv(cd, &in, &left, &o, &room);
    tmp.len = (size_t)(o - tmp.data);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) {
      s = nf_buf_reserve(&tmp, tmp.cap);
    } else { /* EILSEQ, or EINVAL at the end: one replacement, go on */
      s = nf_buf_append(&tmp, "\xef\xbf\xbd", 3);
      in++, left--;
    }
  }
  iconv_close(cd);
  if (s == NF_OK) s = from_utf8(tmp.data ? tmp.data : "", tmp.len, out);
  nf_buf_free(&tmp);
  return s;
}

static void detect(const char *p, size_t n, char *charset) {
  if (nf_utf8_validate(p, n, NULL) == NF_OK) {
    snprintf(charset, NF_CHARSET_MAX, "UTF-8");
    return;
  }
  charset[0] = '\0';
  uchardet_t ud = uchardet_new();
  if (ud) {
    if (uchardet_handle_data(ud, p, n < DETECT ? n : DETECT) == 0) {
      uchardet_data_end(ud);
      const char *got = uchardet_get_charset(ud);
      if (got && *got && !ieq(got, "ascii")) canonical(got, charset);
    }
    uchardet_delete(ud);
  }
  if (!charset[0]) snprintf(charset, NF_CHARSET_MAX, "WINDOWS-1252");
}

nf_status nf_html_decode(const char *p, size_t n, const char *http_charset, nf_buf *out,
                         char *charset, nf_error *err) {
  nf_buf_clear(out);
  char label[NF_CHARSET_MAX] = "";
  int bom = 0;
  if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
    snprintf(label, sizeof label, "UTF-8"), bom = 3;
  } else if (n >= 2 && memcmp(p, "\xff\xfe", 2) == 0) {
    snprintf(label, sizeof label, "UTF-16LE"), bom = 2;
  } else if (n >= 2 && memcmp(p, "\xfe\xff", 2) == 0) {
    snprintf(label, sizeof label, "UTF-16BE"), bom = 2;
  }
  p += bom, n -= (size_t)bom;
  if (!bom && binary(p, n)) return nf_error_set(err, NF_ERR_PARSE, "binary data, not HTML");
  if (!label[0] && http_charset && *http_charset) canonical(http_charset, label);
  if (!label[0]) {
    char meta[NF_CHARSET_MAX];
    prescan(p, n, meta);
    if (meta[0]) canonical(meta, label);
  }
  /* A page declared UTF-8 that is not: the declaration is wrong more often
   * than the bytes, so detection decides. */
  if (!bom && ieq(label, "UTF-8") && nf_utf8_validate(p, n, NULL) != NF_OK) detect(p, n, label);
  if (!label[0]) detect(p, n, label);
  nf_status s = ieq(label, "UTF-8") ? from_utf8(p, n, out) : convert(p, n, label, out);
  if (s == NF_ERR_UNSUPPORTED) { /* a label iconv does not know */
    detect(p, n, label);
    s = ieq(label, "UTF-8") ? from_utf8(p, n, out) : convert(p, n, label, out);
  }
  if (s == NF_ERR_UNSUPPORTED) {
    snprintf(label, sizeof label, "WINDOWS-1252");
    s = convert(p, n, label, out);
  }
  if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  snprintf(charset, NF_CHARSET_MAX, "%s", label);
  return NF_OK;
}
