/* The bytes of a web page as valid UTF-8.  Internal to the HTML reader.
 *
 * The charset is chosen as browsers choose it (WHATWG "encoding sniffing"):
 * a byte order mark, else the HTTP header's charset (a WARC response), else
 * a <meta charset> or <meta http-equiv=Content-Type> (or an XML declaration)
 * in the first 8 KiB, else detection: UTF-8 when the bytes are valid UTF-8,
 * else what uchardet guesses, else windows-1252.  Labels are mapped as
 * browsers map them (ISO-8859-1 and US-ASCII are windows-1252, GB2312 is
 * GBK).  iconv converts; a byte that does not decode becomes U+FFFD.  NUL and
 * the other C0 controls but tab, newline, carriage return and form feed are
 * dropped, so the HTML parser never stops on them. */
#ifndef NF_INPUT_HTML_CHARSET_H
#define NF_INPUT_HTML_CHARSET_H

#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/status.h"

#define NF_CHARSET_MAX 40

/* Decodes p[0..n) into out (cleared first); http_charset may be NULL.  The
 * charset used, upper-case, goes into charset (NF_CHARSET_MAX bytes).
 * Bytes that look like an image, an archive or other binary data are
 * NF_ERR_PARSE ("binary data, not HTML"). */
nf_status nf_html_decode(const char *p, size_t n, const char *http_charset, nf_buf *out,
                         char *charset, nf_error *err);

/* The charset named by a Content-Type value ("text/html; charset=UTF-8")
 * into charset (NF_CHARSET_MAX bytes, "" when it names none). */
void nf_content_type_charset(const char *p, size_t n, char *charset);

#endif
