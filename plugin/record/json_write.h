/* Compact JSON of a jansson value, as json_dumps(v, JSON_COMPACT) writes it
 * byte for byte, several times faster: jansson's dump checks and copies a
 * string a code point at a time, and each record (the text within it) is
 * dumped once per article indexed. */
#ifndef NF_RECORD_JSON_WRITE_H
#define NF_RECORD_JSON_WRITE_H

#include <jansson.h>
#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/status.h"

/* Appends v to b.  Its strings are jansson's, so valid UTF-8. */
nf_status nf_json_write(nf_buf *b, const json_t *v);

/* Appends p[0..n), valid UTF-8, as a JSON string (quotes included). */
nf_status nf_json_write_string(nf_buf *b, const char *p, size_t n);

/* The bytes nf_json_write and nf_json_write_string would append, without
 * writing them: the size of a record's layout 1 (record/stored.h) from
 * what its layout 2 leaves out. */
size_t nf_json_length(const json_t *v);
size_t nf_json_string_length(const char *p, size_t n);

#endif
