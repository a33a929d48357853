/* Status codes and the caller-supplied error object. */
#include "newsfields/status.h"

#include <stdio.h>
#include <string.h>

const char *nf_strerror(nf_status status) {
  switch (status) {
    case NF_OK:
      return "success";
    case NF_ERR_NOMEM:
      return "out of memory";
    case NF_ERR_INVALID:
      return "invalid argument";
    case NF_ERR_IO:
      return "input/output error";
    case NF_ERR_PARSE:
      return "bad input";
    case NF_ERR_SCHEMA:
      return "bad schema";
    case NF_ERR_QUERY:
      return "bad query";
    case NF_ERR_NOT_FOUND:
      return "not found";
    case NF_ERR_DB:
      return "database error";
    case NF_ERR_DB_LOCKED:
      return "database locked by another writer";
    case NF_ERR_DB_CORRUPT:
      return "database corrupt";
    case NF_ERR_DB_VERSION:
      return "unsupported database version";
    case NF_ERR_DB_MODIFIED:
      return "database modified while reading";
    case NF_ERR_UNSUPPORTED:
      return "unsupported operation";
    case NF_ERR_INTERNAL:
      return "internal error";
    case NF_ERR_LIMIT:
      return "over a limit";
    case NF_ERR_TIMEOUT:
      return "time limit reached";
  }
  return "unknown status";
}

void nf_error_clear(nf_error *err) {
  if (!err) return;
  err->status = NF_OK;
  err->where[0] = '\0';
  err->message[0] = '\0';
}

nf_status nf_error_setv(nf_error *err, nf_status status, const char *fmt, va_list ap) {
  if (!err) return status;
  err->status = status;
  err->where[0] = '\0';
  if (fmt)
    vsnprintf(err->message, sizeof err->message, fmt, ap);
  else
    snprintf(err->message, sizeof err->message, "%s", nf_strerror(status));
  return status;
}

nf_status nf_error_set(nf_error *err, nf_status status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  nf_error_setv(err, status, fmt, ap);
  va_end(ap);
  return status;
}

nf_status nf_error_set_at(nf_error *err, nf_status status, const char *file, unsigned long line,
                          const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  nf_error_set_atv(err, status, file, line, fmt, ap);
  va_end(ap);
  return status;
}

nf_status nf_error_set_atv(nf_error *err, nf_status status, const char *file, unsigned long line,
                           const char *fmt, va_list ap) {
  nf_error_setv(err, status, fmt, ap);
  if (err && file) {
    if (line)
      snprintf(err->where, sizeof err->where, "%s:%lu", file, line);
    else
      snprintf(err->where, sizeof err->where, "%s", file);
  }
  return status;
}

const char *nf_error_format(const nf_error *err, char *buf, size_t size) {
  if (!buf || size == 0) return buf;
  if (!err) {
    snprintf(buf, size, "%s", nf_strerror(NF_OK));
  } else {
    const char *msg = err->message[0] ? err->message : nf_strerror(err->status);
    if (err->where[0])
      snprintf(buf, size, "%s: %s", err->where, msg);
    else
      snprintf(buf, size, "%s", msg);
  }
  return buf;
}
