/* Index layouts: one database, or shards joined by a stub (layout.h). */
#define _XOPEN_SOURCE 700
#include "layout.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buffer.h"
#include "core/fileutil.h"

char *nf_layout_shard_path(const char *path, unsigned k) {
  char name[32];
  snprintf(name, sizeof name, "shard%u", k);
  return nf_path_join(path, name);
}

unsigned nf_layout_shard_of(const char *id, size_t len, unsigned n) {
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)id[i];
    h *= 1099511628211ull;
  }
  return n ? (unsigned)(h % n) : 0;
}

static int dir_is_empty(const char *path) {
  DIR *d = opendir(path);
  if (!d) return 0;
  const struct dirent *e;
  int empty = 1;
  while (empty && (e = readdir(d)))
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) empty = 0;
  closedir(d);
  return empty;
}

/* The number of shards the stub text names, when it is exactly
 * "auto shard0\n" ... "auto shardK-1\n"; else 0. */
static unsigned stub_shards(const char *text) {
  unsigned n = 0;
  char want[40];
  size_t at = 0, len = strlen(text);
  while (at < len && n < NF_LAYOUT_MAX_SHARDS) {
    int w = snprintf(want, sizeof want, "auto shard%u\n", n);
    if (strncmp(text + at, want, (size_t)w) != 0) return 0;
    at += (size_t)w;
    n++;
  }
  return at == len ? n : 0;
}

nf_status nf_layout_shards(const char *path, unsigned *out, nf_error *err) {
  *out = 0;
  if (!nf_path_exists(path)) return NF_OK;
  if (!nf_path_is_dir(path)) {
    *out = 1;
    return NF_OK;
  }
  char *stub = nf_path_join(path, NF_LAYOUT_STUB);
  if (!stub) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = NF_OK;
  if (nf_path_exists(stub)) {
    char *text = NULL;
    size_t len;
    s = nf_read_file(stub, &text, &len, err);
    if (s == NF_OK && !(*out = stub_shards(text)))
      s = nf_error_set_at(err, NF_ERR_INVALID, stub, 0,
                          "not a list of shards written by newsfields (\"auto shard0\", \"auto "
                          "shard1\", ... one a line): index the databases it names one by one");
    free(text);
  } else if (!dir_is_empty(path)) {
    *out = 1;
  }
  free(stub);
  return s;
}

nf_status nf_layout_make_dir(const char *path, nf_error *err) {
  if (mkdir(path, 0777) == 0 || (errno == EEXIST && nf_path_is_dir(path))) return NF_OK;
  return nf_error_set_at(err, NF_ERR_IO, path, 0, "cannot make the directory: %s", strerror(errno));
}

nf_status nf_layout_write_stub(const char *path, unsigned n, nf_error *err) {
  nf_buf text = NF_BUF_INIT;
  for (unsigned k = 0; k < n; k++) nf_buf_printf(&text, "auto shard%u\n", k);
  char *stub = nf_path_join(path, NF_LAYOUT_STUB);
  char *tmp = stub ? nf_path_join(path, NF_LAYOUT_STUB ".tmp") : NULL;
  nf_status s = NF_OK;
  if (!tmp || !text.data) {
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  } else {
    FILE *f = fopen(tmp, "w");
    int ok = f && fwrite(text.data, 1, text.len, f) == text.len;
    if (f && fclose(f) != 0) ok = 0;
    if (!ok || rename(tmp, stub) != 0) {
      s = nf_error_set_at(err, NF_ERR_IO, stub, 0, "cannot write the list of shards: %s",
                          strerror(errno));
      unlink(tmp);
    }
  }
  nf_buf_free(&text);
  free(stub);
  free(tmp);
  return s;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

nf_status nf_layout_remove_tree(const char *path, nf_error *err) {
  if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) == 0) return NF_OK;
  return nf_error_set_at(err, NF_ERR_IO, path, 0, "cannot remove: %s", strerror(errno));
}
