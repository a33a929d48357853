/* newsfields — the size limits on input, with their defaults.
 *
 * Each limit is set in the schema's [index] section (max_line_bytes,
 * max_article_bytes, max_record_bytes, max_quotes) and overridden by the commands'
 * options of the same name (--max-line-bytes, ...).  Going over one is an
 * error naming the file and line (NF_ERR_LIMIT), which --skip-bad skips;
 * nothing is ever truncated silently.
 *
 *   line bytes     one line of JSON Lines, checked while the line is read
 *                  (before it is all in memory)
 *   article bytes  an article's headline and text together; a .txt or
 *                  HTML file's size
 *   record bytes   the record of one article as JSON, with its text (what
 *                  the index stores and the API returns)
 *   quotes         the quotations one article's record may hold (news has
 *                  tens; tens of thousands is a list or an attack, and each
 *                  quote costs its record and the index) */
#ifndef NEWSFIELDS_LIMITS_H
#define NEWSFIELDS_LIMITS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nf_limit {
  NF_LIMIT_LINE_BYTES,
  NF_LIMIT_ARTICLE_BYTES,
  NF_LIMIT_RECORD_BYTES,
  NF_LIMIT_QUOTES,
  NF_LIMIT_COUNT
} nf_limit;

#define NF_DEFAULT_MAX_LINE_BYTES ((size_t)32 << 20)   /* 32 MiB */
#define NF_DEFAULT_MAX_ARTICLE_BYTES ((size_t)8 << 20) /* 8 MiB */
#define NF_DEFAULT_MAX_RECORD_BYTES ((size_t)32 << 20) /* 32 MiB */
#define NF_DEFAULT_MAX_QUOTES ((size_t)20000)

/* Every limit at once; 0 in a member means its default. */
typedef struct nf_limits {
  size_t max[NF_LIMIT_COUNT];
} nf_limits;

/* A limit's default (0 for no such limit). */
static inline size_t nf_limit_default(nf_limit which) {
  switch (which) {
    case NF_LIMIT_LINE_BYTES:
      return NF_DEFAULT_MAX_LINE_BYTES;
    case NF_LIMIT_ARTICLE_BYTES:
      return NF_DEFAULT_MAX_ARTICLE_BYTES;
    case NF_LIMIT_RECORD_BYTES:
      return NF_DEFAULT_MAX_RECORD_BYTES;
    case NF_LIMIT_QUOTES:
      return NF_DEFAULT_MAX_QUOTES;
    default:
      return 0;
  }
}

/* The limit in force: limits' own, else the default. */
static inline size_t nf_limit_of(const nf_limits *limits, nf_limit which) {
  size_t v = limits && (unsigned)which < NF_LIMIT_COUNT ? limits->max[which] : 0;
  return v ? v : nf_limit_default(which);
}

#ifdef __cplusplus
}
#endif
#endif
