/* Web pages as input: *.html and *.htm files (one article each) and WARC
 * archives, *.warc and *.warc.gz (one article per HTML response).  The one
 * entry point of plugin/input for the file reader (index/input.c).
 *
 * An HTML file's id is its canonical URL, else its path; a WARC response's
 * id and url are its target URI and its WARC-Date is the date when the page
 * gives none. */
#ifndef NF_INPUT_PAGES_H
#define NF_INPUT_PAGES_H

#include "newsfields/article.h"
#include "newsfields/status.h"

typedef struct nf_pages nf_pages;

/* 1 when the path names a file this reader takes (by its ending). */
int nf_pages_takes(const char *path);

nf_status nf_pages_new(nf_pages **out);
void nf_pages_free(nf_pages *p);

/* Starts reading a file (an HTML file is read whole, a WARC opened). */
nf_status nf_pages_open(nf_pages *p, const char *path, nf_error *err);

/* The next article of the file in *out, or *out = NULL when the file is
 * done.  Errors as nf_input_next's: NF_ERR_PARSE for a bad page or record
 * (calling again goes on), NF_ERR_IO when the file cannot be read. */
nf_status nf_pages_next(nf_pages *p, nf_article *out, int *done, nf_error *err);

/* Bytes read (uncompressed) and archive records skipped, over all files. */
unsigned long long nf_pages_bytes(const nf_pages *p);
unsigned long nf_pages_skipped(const nf_pages *p);

#endif
