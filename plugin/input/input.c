/* Reading articles from files, directories and standard input. */
#include "newsfields/input.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "article_json.h"
#include "article_text.h"
#include "bom.h"
#include "core/buffer.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "pages.h"

typedef enum { FILE_JSONL, FILE_TEXT, FILE_PAGES, FILE_UNREADABLE } file_kind;

typedef struct input_file {
  char *path;
  file_kind kind;
  int error; /* FILE_UNREADABLE: the errno of opening it */
} input_file;

/* A file or directory by identity: two paths to it (links, a symbolic link
 * to a parent) are one. */
typedef struct file_id {
  dev_t dev;
  ino_t ino;
} file_id;

/* The files and directories taken so far: an open-addressing hash set. */
typedef struct id_set {
  file_id *ids;
  unsigned char *used;
  size_t n, cap; /* cap: 0 or a power of two */
} id_set;

struct nf_input {
  input_file *files;
  size_t nfiles, cap;
  size_t next_file; /* index of the next file to open */
  FILE *current;    /* the JSON Lines file being read */
  const char *current_path;
  int current_is_stdin;
  unsigned long line;
  char *linebuf;
  size_t linecap;
  nf_json_article json;
  nf_text_article text;
  nf_pages *pages; /* HTML files and WARC archives */
  int pages_open;
  nf_article article;
  unsigned long long bytes;
  id_set seen;
  int first_line_checked; /* the current file's first bytes are checked */
  size_t limit_line, limit_article;
};

static size_t id_hash(file_id id) {
  unsigned long long h = (unsigned long long)id.dev * 0x9E3779B97F4A7C15ull;
  h ^= (unsigned long long)id.ino + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
  return (size_t)(h ^ (h >> 29));
}

/* 1 when st's file is new (and now taken), 0 when it was taken before, -1
 * when out of memory. */
static int take_once(id_set *set, const struct stat *st) {
  if (set->n * 2 >= set->cap) {
    size_t cap = set->cap ? set->cap * 2 : 64;
    file_id *ids = calloc(cap, sizeof *ids);
    unsigned char *used = calloc(cap, 1);
    if (!ids || !used) {
      free(ids);
      free(used);
      return -1;
    }
    for (size_t i = 0; i < set->cap; i++) {
      if (!set->used[i]) continue;
      size_t j = id_hash(set->ids[i]) & (cap - 1);
      while (used[j]) j = (j + 1) & (cap - 1);
      ids[j] = set->ids[i];
      used[j] = 1;
    }
    free(set->ids);
    free(set->used);
    set->ids = ids;
    set->used = used;
    set->cap = cap;
  }
  file_id id = {st->st_dev, st->st_ino};
  size_t j = id_hash(id) & (set->cap - 1);
  for (; set->used[j]; j = (j + 1) & (set->cap - 1))
    if (set->ids[j].dev == id.dev && set->ids[j].ino == id.ino) return 0;
  set->ids[j] = id;
  set->used[j] = 1;
  set->n++;
  return 1;
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static nf_status add_file(nf_input *in, const char *path, file_kind kind) {
  if (NF_GROW(in->files, in->cap, in->nfiles + 1) != NF_OK) return NF_ERR_NOMEM;
  char *copy = strdup(path);
  if (!copy) return NF_ERR_NOMEM;
  in->files[in->nfiles].path = copy;
  in->files[in->nfiles].kind = kind;
  in->files[in->nfiles].error = 0;
  in->nfiles++;
  return NF_OK;
}

/* A directory that cannot be listed: an error when its turn comes, which
 * --skip-bad skips like an unreadable file. */
static nf_status add_unreadable(nf_input *in, const char *path, int error) {
  nf_status s = add_file(in, path, FILE_UNREADABLE);
  if (s == NF_OK) in->files[in->nfiles - 1].error = error;
  return s;
}

static int byte_order(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the articles files below dir, recursively, in byte order of names;
 * each file and directory once, however many paths lead to it. */
static nf_status add_directory(nf_input *in, const char *dir, nf_error *err) {
  DIR *d = opendir(dir);
  if (!d) return add_unreadable(in, dir, errno);
  char **names = NULL;
  size_t n = 0, cap = 0;
  nf_status s = NF_OK;
  struct dirent *e;
  while (s == NF_OK && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (NF_GROW(names, cap, n + 1) != NF_OK) {
      s = NF_ERR_NOMEM;
      break;
    }
    if (!(names[n] = strdup(e->d_name)))
      s = NF_ERR_NOMEM;
    else
      n++;
  }
  closedir(d);
  if (s == NF_OK && n) qsort(names, n, sizeof *names, byte_order);
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    char *path = nf_path_join(dir, names[i]);
    if (!path) {
      s = NF_ERR_NOMEM;
      break;
    }
    struct stat st;
    int taken = 0;
    if (stat(path, &st) != 0) {
      /* A dangling link or a file removed meanwhile: nothing to read. */
    } else if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
      /* a device, a socket or a FIFO inside a directory: no article file */
    } else if ((taken = take_once(&in->seen, &st)) < 0) {
      s = NF_ERR_NOMEM;
    } else if (!taken) {
      /* read already, under another path (a link or a loop of links) */
    } else if (S_ISDIR(st.st_mode)) {
      s = add_directory(in, path, err);
    } else {
      if (ends_with(path, ".txt"))
        s = add_file(in, path, FILE_TEXT);
      else if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".json"))
        s = add_file(in, path, FILE_JSONL);
      else if (nf_pages_takes(path))
        s = add_file(in, path, FILE_PAGES);
    }
    free(path);
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  if (s == NF_ERR_NOMEM) nf_error_set_at(err, s, dir, 0, "out of memory");
  return s;
}

nf_status nf_input_open(const char *const *paths, size_t n, nf_input **out, nf_error *err) {
  *out = NULL;
  nf_input *in = calloc(1, sizeof *in);
  if (!in) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_json_article_init(&in->json);
  nf_text_article_init(&in->text);
  in->limit_line = NF_DEFAULT_MAX_LINE_BYTES;
  in->limit_article = NF_DEFAULT_MAX_ARTICLE_BYTES;
  nf_status s = nf_pages_new(&in->pages) ? nf_error_set(err, NF_ERR_NOMEM, "out of memory") : NF_OK;
  if (s == NF_OK && n == 0) s = nf_error_set(err, NF_ERR_INVALID, "no input given");
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    const char *p = paths[i];
    struct stat st;
    int taken = 1;
    if (strcmp(p, "-") == 0)
      s = add_file(in, p, FILE_JSONL);
    else if (stat(p, &st) != 0)
      s = nf_error_set_at(err, NF_ERR_NOT_FOUND, p, 0, "no such file or directory");
    else if ((S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)) &&
             (taken = take_once(&in->seen, &st)) < 0)
      s = NF_ERR_NOMEM;
    else if (!taken)
      continue; /* given twice, or inside a directory given before */
    else if (S_ISDIR(st.st_mode))
      s = add_directory(in, p, err);
    else
      s = add_file(in, p,
                   nf_pages_takes(p)      ? FILE_PAGES
                   : ends_with(p, ".txt") ? FILE_TEXT
                                          : FILE_JSONL);
    if (s == NF_ERR_NOMEM) nf_error_set(err, s, "out of memory");
  }
  if (s != NF_OK) {
    nf_input_free(in);
    return s;
  }
  *out = in;
  return NF_OK;
}

static void close_current(nf_input *in) {
  if (in->current && !in->current_is_stdin) fclose(in->current);
  in->current = NULL;
  in->current_path = NULL;
}

void nf_input_free(nf_input *in) {
  if (!in) return;
  close_current(in);
  for (size_t i = 0; i < in->nfiles; i++) free(in->files[i].path);
  free(in->files);
  free(in->linebuf);
  free(in->seen.ids);
  free(in->seen.used);
  nf_json_article_free(&in->json);
  nf_text_article_free(&in->text);
  nf_pages_free(in->pages);
  free(in);
}

unsigned long long nf_input_bytes(const nf_input *in) {
  return in->bytes + nf_pages_bytes(in->pages);
}

unsigned long nf_input_skipped(const nf_input *in) { return nf_pages_skipped(in->pages); }

void nf_input_set_limits(nf_input *in, const nf_limits *limits) {
  size_t line = limits ? limits->max[NF_LIMIT_LINE_BYTES] : 0;
  size_t article = limits ? limits->max[NF_LIMIT_ARTICLE_BYTES] : 0;
  in->limit_line = line ? line : NF_DEFAULT_MAX_LINE_BYTES;
  in->limit_article = article ? article : NF_DEFAULT_MAX_ARTICLE_BYTES;
}

/* An error of the current file as a whole: it is closed, and the next call
 * goes on with the next file. */
static nf_status file_error(nf_input *in, nf_status s, unsigned long line, const char *fmt,
                            const char *detail, nf_error *err) {
  s = nf_error_set_at(err, s, in->current_path, line, fmt, detail);
  close_current(in);
  return s;
}

/* The first bytes of the current file: a UTF-8 byte-order mark is dropped
 * from the line; UTF-16, UTF-32 and binary files are an error. */
static nf_status check_first_bytes(nf_input *in, size_t *n, nf_error *err) {
  in->first_line_checked = 1;
  size_t skip;
  const char *why = nf_bom_problem((const unsigned char *)in->linebuf, *n, &skip);
  if (why) return file_error(in, NF_ERR_PARSE, 1, "%s", why, err);
  if (skip) memmove(in->linebuf, in->linebuf + skip, *n -= skip);
  return NF_OK;
}

/* The next line of the current file in linebuf (without its newline), at
 * most limit_line bytes, checked as it is read: a longer line is an
 * NF_ERR_LIMIT naming it, its rest is skipped and the file goes on.  A read
 * error is an error naming the file and the line, never the end of the
 * file: *eof = 1 only at the true end. */
static nf_status read_line(nf_input *in, size_t *len, int *eof, nf_error *err) {
  FILE *f = in->current;
  size_t n = 0, limit = in->limit_line;
  int c;
  *eof = 0;
  while ((c = getc_unlocked(f)) != EOF && c != '\n') {
    if (n == limit) {
      unsigned long long total = (unsigned long long)n + 1;
      while ((c = getc_unlocked(f)) != EOF && c != '\n') total++;
      in->bytes += total + (c == '\n');
      if (c == EOF && ferror(f))
        return file_error(in, NF_ERR_IO, in->line + 1, "cannot read: %s",
                          strerror(errno ? errno : EIO), err);
      in->line++;
      return nf_error_set_at(err, NF_ERR_LIMIT, in->current_path, in->line,
                             "the line is longer than %zu bytes, the limit (max_line_bytes in "
                             "the schema, --max-line-bytes)",
                             limit);
    }
    if (n + 1 >= in->linecap) {
      size_t cap = in->linecap ? in->linecap * 2 : 4096;
      if (cap > limit + 1) cap = limit + 1;
      if (cap < n + 2) cap = n + 2;
      char *p = realloc(in->linebuf, cap);
      if (!p)
        return file_error(in, NF_ERR_NOMEM, in->line + 1, "%s", "out of memory reading the line",
                          err);
      in->linebuf = p;
      in->linecap = cap;
    }
    in->linebuf[n++] = (char)c;
    if (n == 4 && !in->first_line_checked) {
      nf_status s = check_first_bytes(in, &n, err);
      if (s != NF_OK) return s;
    }
  }
  if (c == EOF && ferror(f))
    return file_error(in, NF_ERR_IO, in->line + 1, "cannot read: %s", strerror(errno ? errno : EIO),
                      err);
  if (c == EOF && n == 0) {
    *eof = 1;
    return NF_OK;
  }
  if (!in->first_line_checked) {
    nf_status s = check_first_bytes(in, &n, err);
    if (s != NF_OK) return s;
  }
  in->line++;
  in->bytes += n + (c == '\n');
  *len = n;
  return NF_OK;
}

/* The next non-blank line of the current JSON Lines file as an article;
 * *done = 1 at the end of the file. */
static nf_status next_json_line(nf_input *in, const nf_article **out, int *done, nf_error *err) {
  for (;;) {
    size_t n = 0;
    int eof;
    errno = 0;
    nf_status s = read_line(in, &n, &eof, err);
    if (s != NF_OK) return s;
    if (eof) {
      *done = 1;
      return NF_OK;
    }
    while (n && in->linebuf[n - 1] == '\r') n--;
    size_t start = 0;
    while (start < n && (in->linebuf[start] == ' ' || in->linebuf[start] == '\t')) start++;
    if (start == n) continue; /* blank line */
    const char *nul = memchr(in->linebuf, '\0', n);
    if (nul)
      return nf_error_set_at(err, NF_ERR_PARSE, in->current_path, in->line,
                             "a NUL byte at column %zu: JSON Lines are text, with none",
                             (size_t)(nul - in->linebuf) + 1);
    s = nf_json_article_parse(&in->json, in->linebuf, n, &in->article, err);
    if (s != NF_OK) {
      if (err) snprintf(err->where, sizeof err->where, "%s:%lu", in->current_path, in->line);
      return s;
    }
    in->article.origin = in->current_path;
    in->article.line = in->line;
    *out = &in->article;
    return NF_OK;
  }
}

/* A whole-file article is checked before the file is read: a .txt file is
 * no larger than the article limit, an HTML page (mostly markup) no larger
 * than the line limit, as a JSON line holding it would be. */
static nf_status check_file_size(const nf_input *in, const char *path, int page, nf_error *err) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return NF_OK; /* opening will say */
  size_t limit = page ? in->limit_line : in->limit_article;
  if ((unsigned long long)st.st_size <= limit) return NF_OK;
  return nf_error_set_at(err, NF_ERR_LIMIT, path, 0, "the file is %llu bytes, more than %zu, %s",
                         (unsigned long long)st.st_size, limit,
                         page ? "the limit of a page (max_line_bytes in the schema, "
                                "--max-line-bytes)"
                              : "the article limit (max_article_bytes in the schema, "
                                "--max-article-bytes)");
}

/* An article's headline and text are within the article limit. */
static nf_status check_article(const nf_input *in, const nf_article *a, nf_error *err) {
  size_t n = a->headline.n + a->text.n;
  if (n <= in->limit_article) return NF_OK;
  nf_status s = nf_error_set(err, NF_ERR_LIMIT,
                             "the article is %zu bytes (headline and text), more than %zu, the "
                             "article limit (max_article_bytes in the schema, --max-article-bytes)",
                             n, in->limit_article);
  if (err && a->origin && a->line)
    snprintf(err->where, sizeof err->where, "%s:%lu", a->origin, a->line);
  else if (err && a->origin)
    snprintf(err->where, sizeof err->where, "%s", a->origin);
  return s;
}

static nf_status next_article(nf_input *in, const nf_article **out, nf_error *err);

nf_status nf_input_next(nf_input *in, const nf_article **out, nf_error *err) {
  nf_status s = next_article(in, out, err);
  if (s == NF_OK && *out) s = check_article(in, *out, err);
  if (s != NF_OK) *out = NULL;
  return s;
}

static nf_status next_article(nf_input *in, const nf_article **out, nf_error *err) {
  *out = NULL;
  for (;;) {
    if (in->current) {
      int done = 0;
      nf_status s = next_json_line(in, out, &done, err);
      if (s != NF_OK || !done) return s;
      close_current(in);
    }
    if (in->pages_open) {
      int done = 0;
      nf_status s = nf_pages_next(in->pages, &in->article, &done, err);
      if (s == NF_OK && !done) *out = &in->article;
      if (s != NF_OK || !done) return s;
      in->pages_open = 0;
    }
    if (in->next_file == in->nfiles) return NF_OK;
    input_file *f = &in->files[in->next_file++];
    if (f->kind == FILE_UNREADABLE)
      return nf_error_set_at(err, NF_ERR_IO, f->path, 0, "cannot open directory: %s",
                             strerror(f->error));
    int page = f->kind == FILE_PAGES;
    if (f->kind == FILE_TEXT ||
        (page && !ends_with(f->path, ".warc") && !ends_with(f->path, ".gz"))) {
      nf_status s = check_file_size(in, f->path, page, err);
      if (s != NF_OK) return s;
    }
    if (f->kind == FILE_TEXT) {
      nf_status s = nf_text_article_read(&in->text, f->path, &in->article, err);
      if (s != NF_OK) return s;
      in->bytes += in->text.size;
      *out = &in->article;
      return NF_OK;
    }
    if (f->kind == FILE_PAGES) {
      nf_status s = nf_pages_open(in->pages, f->path, err);
      if (s != NF_OK) return s;
      in->pages_open = 1;
      continue;
    }
    in->line = 0;
    in->first_line_checked = 0;
    in->current_path = f->path;
    if (strcmp(f->path, "-") == 0) {
      in->current = stdin;
      in->current_is_stdin = 1;
      in->current_path = "(stdin)";
    } else {
      in->current_is_stdin = 0;
      in->current = fopen(f->path, "rb");
      if (!in->current)
        return nf_error_set_at(err, NF_ERR_IO, f->path, 0, "cannot open: %s", strerror(errno));
    }
  }
}
