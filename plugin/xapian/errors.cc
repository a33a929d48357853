/* Exceptions to status codes: the only catch-everything in the project. */
#include "errors.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>

#include <xapian.h>

#include "newsfields/version.h"

namespace nfx {

static nf_status from_xapian(nf_error *err, nf_status status, const Xapian::Error &e) {
  const char *why = e.get_error_string();  // may be NULL
  if (why && *why) return nf_error_set(err, status, "%s (%s)", e.get_msg().c_str(), why);
  return nf_error_set(err, status, "%s", e.get_msg().c_str());
}

nf_status status_from_current_exception(nf_error *err) noexcept {
  try {
    throw;
  } catch (const Xapian::DatabaseLockError &e) {
    return from_xapian(err, NF_ERR_DB_LOCKED, e);
  } catch (const Xapian::DatabaseVersionError &e) {  // a DatabaseOpeningError
    return from_xapian(err, NF_ERR_DB_VERSION, e);
  } catch (const Xapian::DatabaseNotFoundError &e) {
    return from_xapian(err, NF_ERR_NOT_FOUND, e);
  } catch (const Xapian::DatabaseOpeningError &e) {
    return from_xapian(err, NF_ERR_NOT_FOUND, e);
  } catch (const Xapian::DatabaseCorruptError &e) {
    return from_xapian(err, NF_ERR_DB_CORRUPT, e);
  } catch (const Xapian::DatabaseModifiedError &e) {
    return from_xapian(err, NF_ERR_DB_MODIFIED, e);
  } catch (const Xapian::QueryParserError &e) {
    return from_xapian(err, NF_ERR_QUERY, e);
  } catch (const Xapian::InvalidArgumentError &e) {
    return from_xapian(err, NF_ERR_INVALID, e);
  } catch (const Xapian::UnimplementedError &e) {
    return from_xapian(err, NF_ERR_UNSUPPORTED, e);
  } catch (const Xapian::Error &e) {
    return from_xapian(err, NF_ERR_DB, e);
  } catch (const TimeLimitExceeded &e) {
    return nf_error_set(err, NF_ERR_TIMEOUT, "the search took longer than its time limit (%g s)",
                        e.seconds());
  } catch (const std::bad_alloc &) {
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory in Xapian");
  } catch (const std::exception &e) {
    return nf_error_set(err, NF_ERR_INTERNAL, "unexpected exception: %s", e.what());
  } catch (...) {
    return nf_error_set(err, NF_ERR_INTERNAL, "unexpected exception of unknown type");
  }
}

char *dup_string(const std::string &s) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

bool needs_colon(const std::string &prefix, const char *value, size_t n) {
  if (prefix.size() < 2 || prefix.back() == ':' || n == 0) return false;
  char c = value[0];
  return (c >= 'A' && c <= 'Z') || c == ':';
}

std::string make_term(const char *prefix, const char *value, size_t n) {
  std::string term = prefix ? prefix : "";
  if (needs_colon(term, value, n)) term += ':';
  if (n) term.append(value, n);
  return term;
}

}  // namespace nfx

const char *nf_xapian_version(void) { return Xapian::version_string(); }
