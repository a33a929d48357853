/* One plain-text article: headline line, then the text; the path is the id. */
#include "article_text.h"

#include <stdlib.h>
#include <string.h>

#include "bom.h"
#include "core/fileutil.h"
#include "newsfields/text.h"

void nf_text_article_init(nf_text_article *ta) { memset(ta, 0, sizeof *ta); }

void nf_text_article_free(nf_text_article *ta) {
  free(ta->content);
  ta->content = NULL;
}

static int blank(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
  return 1;
}

nf_status nf_text_article_read(nf_text_article *ta, const char *path, nf_article *out,
                               nf_error *err) {
  memset(out, 0, sizeof *out);
  nf_text_article_free(ta);
  char *raw;
  size_t n;
  nf_status s = nf_read_file(path, &raw, &n, err);
  if (s != NF_OK) return s;
  ta->size = n;
  ta->content = raw;
  size_t skip;
  const char *why = nf_bom_problem((const unsigned char *)raw, n < 4 ? n : 4, &skip);
  if (why) return nf_error_set_at(err, NF_ERR_PARSE, path, 0, "%s", why);
  if (skip) memmove(raw, raw + skip, (n -= skip) + 1); /* a UTF-8 byte-order mark */
  if (memchr(raw, '\0', n))
    return nf_error_set_at(err, NF_ERR_PARSE, path, 0, "a NUL byte: this is not a text file");
  if (nf_utf8_validate(raw, n, NULL) != NF_OK) {
    /* Old files are often Latin-1: keep what can be read, mark the rest. */
    char *clean;
    size_t clean_len;
    if (nf_utf8_sanitize(raw, n, &clean, &clean_len, NULL) != NF_OK)
      return nf_error_set_at(err, NF_ERR_NOMEM, path, 0, "out of memory");
    free(raw);
    ta->content = clean;
    n = clean_len;
  }
  /* The headline: the first line that is not blank. */
  const char *p = ta->content, *end = ta->content + n;
  unsigned long line = 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    line++;
    if (!blank(p, (size_t)(stop - p))) {
      size_t hn = (size_t)(stop - p);
      while (hn && (p[hn - 1] == '\r' || p[hn - 1] == ' ' || p[hn - 1] == '\t')) hn--;
      while (hn && (*p == ' ' || *p == '\t')) p++, hn--;
      out->headline.p = p;
      out->headline.n = hn;
      const char *body = nl ? nl + 1 : end;
      while (body < end && (*body == '\n' || *body == '\r')) body++;
      out->text.p = body;
      out->text.n = (size_t)(end - body);
      out->id.p = path;
      out->id.n = strlen(path);
      out->origin = path;
      out->line = 0;
      return NF_OK;
    }
    p = nl ? nl + 1 : end;
  }
  return nf_error_set_at(err, NF_ERR_PARSE, path, 0, "empty file: no headline and no text");
}
