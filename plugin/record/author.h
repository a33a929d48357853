/* The author metadata of an article as bylines.  Internal. */
#ifndef NF_RECORD_AUTHOR_H
#define NF_RECORD_AUTHOR_H

#include "newsfields/article.h"
#include "newsfields/record.h"

/* Split author metadata ("Jane Doe, John Roe and Ann Poe") into names; add
 * each as a "byline" index value and to the record's "byline" list with
 * role "author" and no span (it is not in the text). */
nf_status nf_author_to_record(nf_record *rec, nf_str author, nf_error *err);

#endif
