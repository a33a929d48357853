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
#include "core/buffer.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "pages.h"

typedef enum { FILE_JSONL, FILE_TEXT, FILE_PAGES } file_kind;

typedef struct input_file {
  char *path;
  file_kind kind;
} input_file;

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
};

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
  in->nfiles++;
  return NF_OK;
}

static int byte_order(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the articles files below dir, recursively, in byte order of names. */
static nf_status add_directory(nf_input *in, const char *dir, nf_error *err) {
  DIR *d = opendir(dir);
  if (!d)
    return nf_error_set_at(err, NF_ERR_IO, dir, 0, "cannot open directory: %s", strerror(errno));
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
  if (s == NF_OK) qsort(names, n, sizeof *names, byte_order);
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    char *path = nf_path_join(dir, names[i]);
    if (!path) {
      s = NF_ERR_NOMEM;
      break;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
      /* A dangling link or a file removed meanwhile: nothing to read. */
    } else if (S_ISDIR(st.st_mode)) {
      s = add_directory(in, path, err);
    } else if (S_ISREG(st.st_mode)) {
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
  nf_status s = nf_pages_new(&in->pages) ? nf_error_set(err, NF_ERR_NOMEM, "out of memory") : NF_OK;
  if (s == NF_OK && n == 0) s = nf_error_set(err, NF_ERR_INVALID, "no input given");
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    const char *p = paths[i];
    struct stat st;
    if (strcmp(p, "-") == 0)
      s = add_file(in, p, FILE_JSONL);
    else if (stat(p, &st) != 0)
      s = nf_error_set_at(err, NF_ERR_NOT_FOUND, p, 0, "no such file or directory");
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
  nf_json_article_free(&in->json);
  nf_text_article_free(&in->text);
  nf_pages_free(in->pages);
  free(in);
}

unsigned long long nf_input_bytes(const nf_input *in) {
  return in->bytes + nf_pages_bytes(in->pages);
}

unsigned long nf_input_skipped(const nf_input *in) { return nf_pages_skipped(in->pages); }

/* The next non-blank line of the current JSON Lines file as an article;
 * *done = 1 at the end of the file. */
static nf_status next_json_line(nf_input *in, const nf_article **out, int *done, nf_error *err) {
  for (;;) {
    errno = 0;
    ssize_t got = getline(&in->linebuf, &in->linecap, in->current);
    if (got < 0) {
      if (ferror(in->current)) {
        nf_status s = nf_error_set_at(err, NF_ERR_IO, in->current_path, in->line + 1,
                                      "cannot read: %s", strerror(errno ? errno : EIO));
        close_current(in);
        return s;
      }
      *done = 1;
      return NF_OK;
    }
    in->line++;
    in->bytes += (unsigned long long)got;
    size_t n = (size_t)got;
    while (n && (in->linebuf[n - 1] == '\n' || in->linebuf[n - 1] == '\r')) n--;
    size_t start = 0;
    while (start < n && (in->linebuf[start] == ' ' || in->linebuf[start] == '\t')) start++;
    if (start == n) continue; /* blank line */
    nf_status s = nf_json_article_parse(&in->json, in->linebuf, n, &in->article, err);
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

nf_status nf_input_next(nf_input *in, const nf_article **out, nf_error *err) {
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
