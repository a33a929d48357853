/* The one exception boundary of the shim, and small helpers shared by its files.
 * (Not named error.h: plugin/ is on the include path and <xapian/error.h> exists.) */
#ifndef NF_XAPIAN_ERRORS_H
#define NF_XAPIAN_ERRORS_H

#include <exception>
#include <string>

#include "shim.h"

namespace nfx {

/* Thrown from inside a match (a match decider, a facet count) when the
 * enquire's time limit has run out: it unwinds Xapian's matcher, and
 * guarded() turns it into NF_ERR_TIMEOUT. */
class TimeLimitExceeded : public std::exception {
 public:
  explicit TimeLimitExceeded(double seconds) : seconds_(seconds) {}
  const char *what() const noexcept override { return "time limit reached"; }
  double seconds() const { return seconds_; }

 private:
  double seconds_;
};

/* Call only inside a catch block: rethrows the current exception, maps it to a
 * status with its message in err, and returns the status. */
nf_status status_from_current_exception(nf_error *err) noexcept;

/* Run f (which returns nf_status) with every exception turned into a status.
 * Every extern "C" entry point that can fail goes through here. */
template <class F>
nf_status guarded(nf_error *err, F &&f) noexcept {
  try {
    return f();
  } catch (...) {
    return status_from_current_exception(err);
  }
}

/* A malloc'd, NUL-terminated copy of s; throws std::bad_alloc on failure. */
char *dup_string(const std::string &s);

/* The ':' rule of the QueryParser: a multi-letter prefix not ending in ':'
 * gets a ':' before a value that starts with an ASCII capital or a ':'. */
bool needs_colon(const std::string &prefix, const char *value, size_t n);
std::string make_term(const char *prefix, const char *value, size_t n);

}  // namespace nfx

#endif
