/* newsfields — reading articles from files.
 *
 * Inputs are files or directories.  A file ending in .txt is one plain-text
 * article: its first non-empty line is the headline, the rest is the text and
 * the path is the id.  Any other file given by name, and files ending in
 * .jsonl, .ndjson or .json inside a directory, are JSON Lines: one article
 * object per line with "id" and "text" (required) and "headline", "date",
 * "url", "author", "source" (optional); other keys are kept.  Directories are
 * walked recursively in byte order of names, skipping hidden entries; "-" is
 * JSON Lines on standard input.  Memory stays bounded: one line or one .txt
 * file at a time.
 *
 * Web pages: a file ending in .html or .htm is one article (its main text
 * and metadata; the id is its canonical URL, else its path), a file ending
 * in .warc or .warc.gz a web archive whose HTML responses are articles (the
 * id is the record's target URI), and a JSON line may give "html" instead of
 * "text" (plugin/input/ says how pages are read).
 *
 * Each file and directory is read once, however many paths lead to it
 * (links, a symbolic link to a parent directory): they are known by device
 * and inode.  A line longer than the line limit, or an article larger than
 * the article limit (newsfields/limits.h), is an NF_ERR_LIMIT naming the
 * file and line; a file that cannot be read, or whose reading fails, an
 * NF_ERR_IO naming it, never the end of the file.  A UTF-8 byte-order mark
 * is dropped; a UTF-16 or UTF-32 file is an error saying so. */
#ifndef NEWSFIELDS_INPUT_H
#define NEWSFIELDS_INPUT_H

#include <stddef.h>

#include "newsfields/article.h"
#include "newsfields/export.h"
#include "newsfields/limits.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_input nf_input;

/* Collects the inputs (directories are listed now, files opened later).
 * A missing input is an error naming it. */
NF_API nf_status nf_input_open(const char *const *paths, size_t n, nf_input **out, nf_error *err);
NF_API void nf_input_free(nf_input *in);

/* The limits on lines and articles (NF_LIMIT_LINE_BYTES,
 * NF_LIMIT_ARTICLE_BYTES; 0 or NULL: the defaults).  Before the first
 * nf_input_next. */
NF_API void nf_input_set_limits(nf_input *in, const nf_limits *limits);

/* The next article in *out (valid until the next call), or *out = NULL at
 * the end.  A bad article gives NF_ERR_PARSE (NF_ERR_LIMIT when it is over
 * a limit) with err->where set to "file:line"; calling again goes on with
 * the next one.  A file that cannot be read gives NF_ERR_IO (NF_ERR_PARSE
 * when it is no UTF-8 text); calling again goes on with the next file. */
NF_API nf_status nf_input_next(nf_input *in, const nf_article **out, nf_error *err);

/* Bytes of input consumed so far (for progress and throughput). */
NF_API unsigned long long nf_input_bytes(const nf_input *in);

/* Records of web archives skipped so far because they are no HTML page
 * (requests, metadata, images, redirects, ...). */
NF_API unsigned long nf_input_skipped(const nf_input *in);

#ifdef __cplusplus
}
#endif
#endif
