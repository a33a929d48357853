/* Compaction of an index: one database made smaller, or its shards merged
 * into one database (Xapian's Compactor). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fileutil.h"
#include "layout.h"
#include "newsfields/index.h"
#include "xapian/shim.h"

/* Hold the writers' lock of each database of the index (so no indexer
 * writes to what is being replaced); the handles go to locks. */
static nf_status lock_index(const char *db_path, unsigned shards, nf_xdb **locks, nf_error *err) {
  nf_status s = NF_OK;
  for (unsigned k = 0; s == NF_OK && k < (shards > 1 ? shards : 1); k++) {
    char *path = shards > 1 ? nf_layout_shard_path(db_path, k) : strdup(db_path);
    if (!path) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    s = nf_xdb_open_writable(path, &locks[k], err);
    if (s == NF_ERR_DB_LOCKED)
      nf_error_set_at(err, s, path, 0,
                      "the database is locked: another process is writing to it (wait for it "
                      "to finish, then run again)");
    free(path);
  }
  return s;
}

/* path + suffix, malloc'd. */
static char *suffixed(const char *path, const char *suffix) {
  size_t n = strlen(path), m = strlen(suffix);
  char *out = malloc(n + m + 1);
  if (out) memcpy(out, path, n), memcpy(out + n, suffix, m + 1);
  return out;
}

/* Compact into a new directory beside the index, then swap it in. */
static nf_status compact_in_place(const char *db_path, unsigned shards, nf_compact_progress fn,
                                  void *ctx, nf_error *err) {
  nf_xdb *locks[NF_LAYOUT_MAX_SHARDS] = {NULL};
  char *tmp = suffixed(db_path, ".compacting"), *old = suffixed(db_path, ".before-compact");
  nf_status s = tmp && old ? NF_OK : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK && !nf_path_is_dir(db_path))
    s = nf_error_set_at(err, NF_ERR_INVALID, db_path, 0,
                        "a stub file is compacted into a new database only: give --output");
  if (s == NF_OK) s = lock_index(db_path, shards, locks, err);
  /* what a compaction that was killed left */
  if (s == NF_OK && nf_path_exists(tmp)) s = nf_layout_remove_tree(tmp, err);
  if (s == NF_OK && nf_path_exists(old)) s = nf_layout_remove_tree(old, err);
  if (s == NF_OK) s = nf_xdb_compact(&db_path, 1, tmp, fn, ctx, err);
  if (s == NF_OK && rename(db_path, old) != 0)
    s = nf_error_set_at(err, NF_ERR_IO, db_path, 0, "cannot move it aside: %s", strerror(errno));
  if (s == NF_OK && rename(tmp, db_path) != 0) {
    s = nf_error_set_at(err, NF_ERR_IO, db_path, 0,
                        "cannot put the compacted database in its place: %s (the index is at %s)",
                        strerror(errno), old);
  }
  for (unsigned k = 0; k < NF_LAYOUT_MAX_SHARDS; k++) nf_xdb_free(locks[k]);
  if (s == NF_OK) s = nf_layout_remove_tree(old, err);
  if (s != NF_OK && tmp && nf_path_exists(tmp)) {
    nf_error ignored;
    nf_layout_remove_tree(tmp, &ignored);
  }
  free(tmp);
  free(old);
  return s;
}

nf_status nf_index_compact(const char *db_path, const char *output, nf_compact_progress fn,
                           void *ctx, nf_error *err) {
  unsigned shards;
  nf_status s = nf_layout_shards(db_path, &shards, err);
  if (s != NF_OK) return s;
  if (shards == 0) return nf_error_set_at(err, NF_ERR_NOT_FOUND, db_path, 0, "no index there");
  if (!output) return compact_in_place(db_path, shards, fn, ctx, err);
  if (nf_path_exists(output))
    return nf_error_set_at(err, NF_ERR_INVALID, output, 0,
                           "already exists: the compacted database goes to a new path");
  return nf_xdb_compact(&db_path, 1, output, fn, ctx, err);
}
