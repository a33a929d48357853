/* How an index lies on disk: one Xapian database, or N shards under a
 * directory joined by a stub file Xapian opens as one database.
 *
 *   news.db/XAPIANDB   "auto shard0\nauto shard1\n..."
 *   news.db/shard0 ... news.db/shardN-1   one Xapian database each
 *
 * Xapian opens a directory holding a file XAPIANDB as that stub, so
 * `search`, `serve`, the embed API, Python, quest and xapian-delve open
 * news.db as they open one database.  An article goes to shard
 * nf_layout_shard_of(id): a stable hash of its id, so re-indexing it
 * replaces it in the shard that holds it.  Internal to the index layer. */
#ifndef NF_INDEX_LAYOUT_H
#define NF_INDEX_LAYOUT_H

#include <stddef.h>

#include "newsfields/status.h"

#define NF_LAYOUT_STUB "XAPIANDB"
#define NF_LAYOUT_MAX_SHARDS 64

/* The shards of the index at path: 0 when there is none yet (no such path,
 * or an empty directory), 1 for one database (or a stub file newsfields did
 * not write), K for a directory of K shards with the stub newsfields
 * writes.  A stub in the directory that is not one is NF_ERR_INVALID. */
nf_status nf_layout_shards(const char *path, unsigned *out, nf_error *err);
/* path/shardK (malloc'd; NULL when out of memory). */
char *nf_layout_shard_path(const char *path, unsigned k);
/* Make the directory path (if missing); nothing else. */
nf_status nf_layout_make_dir(const char *path, nf_error *err);
/* Write path/XAPIANDB naming shards 0..n-1 (replacing it atomically). */
nf_status nf_layout_write_stub(const char *path, unsigned n, nf_error *err);
/* The shard of an article id among n (FNV-1a 64 of the id's bytes, mod n):
 * fixed for ever, since it says where an indexed article is. */
unsigned nf_layout_shard_of(const char *id, size_t len, unsigned n);
/* Remove the directory tree at path (files and directories, no links
 * followed). */
nf_status nf_layout_remove_tree(const char *path, nf_error *err);

#endif
