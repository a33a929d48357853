/* Case and accent folding.  Internal. */
#ifndef NF_TEXT_FOLD_H
#define NF_TEXT_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/buffer.h"

/* The most bytes nf_fold_cp writes for one code point. */
#define NF_FOLD_CP_MAX 128

/* Fold one code point into dst (room for NF_FOLD_CP_MAX bytes); returns the
 * number of bytes written (0 for ignorable characters and lone marks). */
size_t nf_fold_cp(int32_t cp, char *dst);

/* Append the folded form of valid UTF-8 p[0..n) to b, then a NUL that is
 * counted in b->len (the arena keeps one NUL after each form). */
nf_status nf_fold_into(nf_buf *b, const unsigned char *p, size_t n);

#endif
