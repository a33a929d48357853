/* The record as the index stores it: the document data's first line.
 *
 * Layout 1 (every index before, and nf_document_data today) stores the record
 * as nf_record_to_json writes it.  Layout 2 (what `newsfields index` writes)
 * leaves out what a reader puts back exactly: the record's keys whose value is
 * null or [] (the metadata and the built-in result types), the headline, date
 * and url when Omega's line (caption=, date=, url=) has the same value, the
 * null members of the built-in types' objects, and a member that is the text
 * under the object's span (a quotation's "content").  The line after the
 * record, `newsfields=N`, says which.  A record read back (nf_stored_expand)
 * is the layout 1 record, key for key and byte for byte. */
#ifndef NF_RECORD_STORED_H
#define NF_RECORD_STORED_H

#include <jansson.h>
#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/record.h"
#include "newsfields/status.h"

/* The layout written when the record has the built-in shape. */
#define NF_STORED_LAYOUT 2

/* Appends a record's JSON object with its text, text[0..n) valid UTF-8, to b:
 * in layout 2 when *layout asks for it and the record has its shape, else
 * whole (layout 1, as nf_record_to_json with NF_RECORD_JSON_TEXT writes it);
 * *layout is set to the one written.  lines[0..nlines) are Omega's lines
 * that will follow the record's (each after a '\n').  *whole_len (when not
 * NULL) gets the bytes of the record in layout 1, whichever is written. */
nf_status nf_stored_write(nf_buf *b, const json_t *record, const char *text, size_t n,
                          const char *lines, size_t nlines, int *layout, size_t *whole_len);

/* Appends the record with its text (nf_record_to_json with
 * NF_RECORD_JSON_TEXT) to b in layout 2, and sets *layout to 2; a record of
 * another shape (a pipeline without some built-in analyzer) is appended as
 * it is, *layout 1.  lines as nf_stored_write's.  *json_len gets the bytes
 * nf_record_to_json with NF_RECORD_JSON_TEXT would write, for
 * nf_record_check_size.  NF_ERR_PARSE when the text is not valid UTF-8. */
nf_status nf_record_stored_json(const nf_record *rec, const char *lines, size_t nlines, nf_buf *b,
                                int *layout, size_t *json_len, nf_error *err);

/* nf_record_check_limits for a record of `bytes` bytes as JSON, without
 * the JSON itself. */
nf_status nf_record_check_size(const nf_record *rec, const nf_schema *schema, size_t bytes,
                               nf_error *err);

/* The layout of document data: its `newsfields=N` line, 1 when it has none. */
int nf_stored_layout(const char *data, size_t n);

/* Puts back, in place, what layout 2 left out of a record parsed from the
 * first line of data[0..n), the document data (its other lines are read);
 * nothing for data of another layout. */
nf_status nf_stored_expand(json_t *record, const char *data, size_t n);

/* The record line of document data as layout 1 has it, malloc'd and
 * NUL-terminated: the first line itself, or for layout 2 the record put back
 * and written again.  NF_ERR_DB_CORRUPT when a layout 2 line is no record. */
nf_status nf_stored_record_line(const char *data, size_t n, char **out, size_t *len);

#endif
