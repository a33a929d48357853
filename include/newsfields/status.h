/* newsfields — status codes and the caller-supplied error object.
 *
 * Every function that can fail returns an nf_status; results go in
 * out-parameters.  Detail for the user (file, line, cause) goes into an
 * nf_error the caller owns, usually on its stack; pass NULL to ignore it. */
#ifndef NEWSFIELDS_STATUS_H
#define NEWSFIELDS_STATUS_H

#include <stdarg.h>
#include <stddef.h>

#include "newsfields/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nf_status {
  NF_OK = 0,
  NF_ERR_NOMEM,       /* out of memory */
  NF_ERR_INVALID,     /* a bad argument from the calling program */
  NF_ERR_IO,          /* reading or writing a file failed */
  NF_ERR_PARSE,       /* bad input: an article, JSON, a date */
  NF_ERR_SCHEMA,      /* bad schema or gazetteer file */
  NF_ERR_QUERY,       /* the query string cannot be parsed or names an unknown value */
  NF_ERR_NOT_FOUND,   /* no such database, file, field or analyzer */
  NF_ERR_DB,          /* any other database error */
  NF_ERR_DB_LOCKED,   /* the database is being written by another process */
  NF_ERR_DB_CORRUPT,  /* the database is damaged */
  NF_ERR_DB_VERSION,  /* the database format is not supported */
  NF_ERR_DB_MODIFIED, /* the database changed under a reader; reopen and retry */
  NF_ERR_UNSUPPORTED, /* an operation this build or backend cannot do */
  NF_ERR_INTERNAL,    /* a bug: an invariant broke or an unexpected exception */
  NF_ERR_LIMIT,       /* over a configured bound: a query too complex, an input too large */
  NF_ERR_TIMEOUT      /* a time limit ran out before the work was done */
} nf_status;

/* A static, never-NULL message for a status code. */
NF_API const char *nf_strerror(nf_status status);

#define NF_ERROR_WHERE_MAX 512
#define NF_ERROR_MESSAGE_MAX 1024

/* Error detail: where (a "file:line" or a name, may be empty) and why. */
typedef struct nf_error {
  nf_status status;
  char where[NF_ERROR_WHERE_MAX];
  char message[NF_ERROR_MESSAGE_MAX];
} nf_error;

/* Reset to NF_OK with empty texts.  NULL is a no-op. */
NF_API void nf_error_clear(nf_error *err);

/* Fill err (which may be NULL) and return status, so that
 * `return nf_error_set(err, NF_ERR_IO, "...")` reads naturally. */
NF_API nf_status nf_error_set(nf_error *err, nf_status status, const char *fmt, ...)
    NF_PRINTF(3, 4);
NF_API nf_status nf_error_setv(nf_error *err, nf_status status, const char *fmt, va_list ap);

/* As nf_error_set, with a place: file and line (line 0: file alone). */
NF_API nf_status nf_error_set_at(nf_error *err, nf_status status, const char *file,
                                 unsigned long line, const char *fmt, ...) NF_PRINTF(5, 6);

NF_API nf_status nf_error_set_atv(nf_error *err, nf_status status, const char *file,
                                  unsigned long line, const char *fmt, va_list ap);

/* "where: message" (or the message alone) into buf; returns buf. */
NF_API const char *nf_error_format(const nf_error *err, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
