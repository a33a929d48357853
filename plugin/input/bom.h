/* What the first bytes of a file say about its encoding.  Internal to the
 * input reader. */
#ifndef NF_INPUT_BOM_H
#define NF_INPUT_BOM_H

#include <stddef.h>
#include <string.h>

/* NULL when the file may be UTF-8 text, with *skip the bytes of a UTF-8
 * byte-order mark to drop (0 or 3); else why it is not (a sentence for an
 * error message).  p holds the first n bytes of the file (n up to 4 is
 * enough; fewer when the file or its first line is shorter). */
static inline const char *nf_bom_problem(const unsigned char *p, size_t n, size_t *skip) {
  *skip = 0;
  if (n == 0) return NULL; /* an empty first line: p may be NULL */
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    *skip = 3;
    return NULL;
  }
  if (n >= 4 && ((p[0] == 0xFF && p[1] == 0xFE && !p[2] && !p[3]) ||
                 (!p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF)))
    return "the file is UTF-32, convert it to UTF-8";
  if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    return "the file is UTF-16, convert it to UTF-8";
  if (memchr(p, '\0', n))
    return "the file starts with NUL bytes: it is not UTF-8 text (UTF-16 without a byte-order "
           "mark, or binary)";
  return NULL;
}

#endif
