/* Databases: open, write inside a transaction, commit, metadata. */
#include <sys/stat.h>
#include <cstring>

#include <fstream>
#include <new>
#include <sstream>
#include <string>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace {

nf_status need_writable(const nf_xdb *db, nf_error *err) {
  if (!db) return nf_error_set(err, NF_ERR_INVALID, "no database");
  if (!db->writable) return nf_error_set(err, NF_ERR_INVALID, "database is open read-only");
  return NF_OK;
}

/* Xapian commits pending changes on close() and in the destructor; a change
 * made inside a transaction is instead dropped unless the transaction is
 * committed.  So every change starts one (flushed: its commit writes to disk). */
void begin_changes(nf_xdb *db) {
  if (db->failed)
    throw Xapian::DatabaseError("an earlier commit failed: nothing more is written to it");
  if (db->in_txn) return;
  db->wdb.begin_transaction(true);
  db->in_txn = true;
}

/* True when the database at path is a stub file naming a remote database
 * (a "remote" or "tcp" line, or "prog"), or an "auto" stub pointing to one. */
bool names_remote(const std::string &path, int depth) {
  struct stat st;
  if (depth > 8 || stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::ifstream in(path);
  std::string line;
  std::string dir = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string type, target;
    words >> type >> target;
    if (type == "remote" || type == "tcp" || type == "prog") return true;
    if (type == "auto" && !target.empty() &&
        names_remote(target[0] == '/' ? target : dir + target, depth + 1))
      return true;
  }
  return false;
}

}  // namespace

extern "C" {

nf_status nf_xdb_open(const char *path, nf_xdb **out, nf_error *err) {
  return nf_xdb_open_many(&path, 1, out, err);
}

nf_status nf_xdb_open_many(const char *const *paths, size_t n, nf_xdb **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!paths || n == 0) return nf_error_set(err, NF_ERR_INVALID, "no database paths");
  return guarded(err, [&] {
    std::unique_ptr<nf_xdb> db(new nf_xdb);
    for (size_t i = 0; i < n; i++) {
      if (!paths[i]) return nf_error_set(err, NF_ERR_INVALID, "database path %zu is NULL", i);
      db->db.add_database(Xapian::Database(paths[i]));  // a directory or a stub file
      if (names_remote(paths[i], 0)) db->remote = true;
    }
    *out = db.release();
    return NF_OK;
  });
}

nf_status nf_xdb_open_writable(const char *path, nf_xdb **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!path) return nf_error_set(err, NF_ERR_INVALID, "no database path");
  return guarded(err, [&] {
    std::unique_ptr<nf_xdb> db(new nf_xdb);
    try {
      db->wdb = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error &e) {
      if (!names_remote(path, 0)) throw;
      const char *why = e.get_msg().c_str();
      return nf_error_set(err, NF_ERR_DB,
                          "%s names a remote database, which cannot be indexed into: %s (a "
                          "remote takes changes only from an xapian-tcpsrv started with "
                          "--writable on that one database; else index the database itself)",
                          path, *why ? why : e.get_type());
    }
    db->db = db->wdb;
    db->writable = true;
    *out = db.release();
    return NF_OK;
  });
}

nf_status nf_xdb_reopen(nf_xdb *db, nf_error *err) {
  if (!db) return nf_error_set(err, NF_ERR_INVALID, "no database");
  return guarded(err, [&] {
    if (db->db.reopen() && db->facet_terms) db->facet_terms->clear();  // another revision
    return NF_OK;
  });
}

void nf_xdb_free(nf_xdb *db) {
  if (!db) return;
  if (db->writable) {
    // Drop uncommitted changes, then release the lock now rather than when the
    // last enquire or mset using this database goes away.
    try {
      if (db->in_txn) db->wdb.cancel_transaction();
    } catch (...) {
    }
    try {
      db->wdb.close();
    } catch (...) {
    }
  }
  delete db;
}

nf_status nf_xdb_doccount(nf_xdb *db, unsigned long *out, nf_error *err) {
  if (!db || !out) return nf_error_set(err, NF_ERR_INVALID, "no database or output");
  *out = 0;
  return guarded(err, [&] {
    *out = db->db.get_doccount();
    return NF_OK;
  });
}

nf_status nf_xdb_replace(nf_xdb *db, const char *uid_term, size_t n, const nf_xdoc *doc,
                         nf_error *err) {
  nf_status s = need_writable(db, err);
  if (s != NF_OK) return s;
  if (!doc || !uid_term || n == 0)
    return nf_error_set(err, NF_ERR_INVALID, "no document or unique term");
  return guarded(err, [&] {
    std::string term(uid_term, n);
    // Without its unique term the document could never be replaced later.
    Xapian::TermIterator t = doc->doc.termlist_begin();
    t.skip_to(term);
    if (t == doc->doc.termlist_end() || *t != term)
      return nf_error_set(err, NF_ERR_INVALID, "the document lacks its unique term '%s'",
                          term.c_str());
    begin_changes(db);
    db->wdb.replace_document(term, doc->doc);
    return NF_OK;
  });
}

nf_status nf_xdb_delete(nf_xdb *db, const char *uid_term, size_t n, nf_error *err) {
  nf_status s = need_writable(db, err);
  if (s != NF_OK) return s;
  if (!uid_term || n == 0) return nf_error_set(err, NF_ERR_INVALID, "no unique term");
  return guarded(err, [&] {
    begin_changes(db);
    db->wdb.delete_document(std::string(uid_term, n));
    return NF_OK;
  });
}

nf_status nf_xdb_commit(nf_xdb *db, nf_error *err) {
  nf_status s = need_writable(db, err);
  if (s != NF_OK) return s;
  return guarded(err, [&] {
    if (db->failed)
      throw Xapian::DatabaseError("an earlier commit failed: nothing more is written to it");
    if (db->in_txn) {
      db->in_txn = false;  // over after commit_transaction, even when it throws
      try {
        db->wdb.commit_transaction();
      } catch (...) {
        // The failed batch's changes stay pending, and Xapian would commit
        // them when the database is closed: an unflushed transaction holds
        // them instead, and closing cancels it, which drops them.  So the
        // database keeps exactly the batches committed before.
        db->failed = true;
        try {
          db->wdb.begin_transaction(false);
          db->in_txn = true;
        } catch (...) {
        }
        throw;
      }
    }
    return NF_OK;
  });
}

nf_status nf_xdb_termfreq(nf_xdb *db, const char *term, size_t n, unsigned long *out,
                          nf_error *err) {
  if (!db || !out || (!term && n)) return nf_error_set(err, NF_ERR_INVALID, "bad argument");
  *out = 0;
  return guarded(err, [&] {
    *out = db->db.get_termfreq(std::string(term ? term : "", n));
    return NF_OK;
  });
}

nf_status nf_xdb_each_term(nf_xdb *db, const char *prefix, nf_xprefix_fn fn, void *ctx,
                           nf_error *err) {
  if (!db || !prefix || !fn) return nf_error_set(err, NF_ERR_INVALID, "bad argument");
  nf_status stopped = NF_OK;
  nf_status s = guarded(err, [&] {
    size_t skip = std::strlen(prefix);
    for (Xapian::TermIterator t = db->db.allterms_begin(prefix); t != db->db.allterms_end(prefix);
         ++t) {
      const std::string &term = *t;
      stopped = fn(ctx, term.data() + skip, term.size() - skip, t.get_termfreq());
      if (stopped != NF_OK) break;
    }
    return NF_OK;
  });
  if (s == NF_OK && stopped != NF_OK) return nf_error_set(err, stopped, "%s", nf_strerror(stopped));
  return s;
}

nf_status nf_xdb_get_metadata(nf_xdb *db, const char *key, char **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output");
  *out = nullptr;
  if (!db || !key) return nf_error_set(err, NF_ERR_INVALID, "no database or key");
  return guarded(err, [&] {
    *out = nfx::dup_string(db->db.get_metadata(key));
    return NF_OK;
  });
}

nf_status nf_xdb_set_metadata(nf_xdb *db, const char *key, const char *value, nf_error *err) {
  nf_status s = need_writable(db, err);
  if (s != NF_OK) return s;
  if (!key || !value) return nf_error_set(err, NF_ERR_INVALID, "no key or value");
  return guarded(err, [&] {
    begin_changes(db);
    db->wdb.set_metadata(key, value);
    return NF_OK;
  });
}

nf_status nf_xdb_get_data_by_term(nf_xdb *db, const char *uid_term, size_t n, char **out,
                                  size_t *out_len, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output");
  *out = nullptr;
  if (out_len) *out_len = 0;
  if (!db || !uid_term) return nf_error_set(err, NF_ERR_INVALID, "no database or term");
  return guarded(err, [&] {
    std::string term(uid_term, n);
    if (term.empty()) return nf_error_set(err, NF_ERR_INVALID, "empty unique term");
    Xapian::PostingIterator p = db->db.postlist_begin(term);
    if (p == db->db.postlist_end(term))
      return nf_error_set(err, NF_ERR_NOT_FOUND, "no document with term '%s'", term.c_str());
    std::string data = db->db.get_document(*p).get_data();
    *out = nfx::dup_string(data);
    if (out_len) *out_len = data.size();
    return NF_OK;
  });
}

}  // extern "C"
