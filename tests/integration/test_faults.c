/* Faults while indexing, on generated articles in /tmp: a SIGKILL in the
 * middle (the database checks clean, holds whole batches, and a rerun
 * completes without duplicates), a full disk (a file-size limit on the
 * child: the error names the database and the input position, the summary
 * claims no more than was committed; with two shards too), two writers at once (the second is
 * told the database is locked), and readers searching while commits go on. */
#define _GNU_SOURCE
#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "newsfields/index.h"
#include "newsfields/schema.h"
#include "testutil.h"

#define ARTICLES 3000
#define BATCH 100

static char *dir, *input, *db;

static void setup(void) {
  dir = nf_test_tmpdir();
  ck_assert_int_ge(asprintf(&input, "%s/big.jsonl", dir), 0);
  ck_assert_int_ge(asprintf(&db, "%s/db", dir), 0);
  FILE *f = fopen(input, "w");
  ck_assert_ptr_nonnull(f);
  for (int i = 0; i < ARTICLES; i++) {
    fprintf(f, "{\"id\":\"a%d\",\"headline\":\"Story %d\",\"date\":\"2021-12-20\",\"text\":\"", i,
            i);
    for (int k = 0; k < 6; k++)
      fputs(
          "Defense Minister Lloyd Austin said in Vilnius, Lithuania, on Monday that the talks "
          "with Moscow would go on. ",
          f);
    fprintf(f, "Number %d.\"}\n", i);
  }
  ck_assert_int_eq(fclose(f), 0);
}

static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir), free(input), free(db);
}

/* Documents in the database (xapian-delve), -1 when it cannot be read. */
static long doccount(void) {
  char *cmd, *out = NULL;
  long n = -1;
  if (asprintf(&cmd, "xapian-delve '%s' 2>/dev/null", db) < 0) return -1;
  if (nf_test_run(cmd, 0, &out) == 0) {
    const char *p = strstr(out, "number of documents = ");
    if (p) n = strtol(p + 22, NULL, 10);
  }
  free(cmd);
  free(out);
  return n;
}

static int xapian_check(void) {
  char *cmd;
  ck_assert_int_ge(asprintf(&cmd, "xapian-check '%s' >/dev/null 2>&1", db), 0);
  int rc = system(cmd);
  free(cmd);
  return rc;
}

/* Starts `newsfields index -q --db DB --batch BATCH INPUT` (with extra
 * arguments) writing its output to dir/out and dir/err; fsize > 0 limits
 * the size of the files it writes (SIGXFSZ ignored: writes fail with
 * EFBIG, as on a full disk). */
static pid_t start_index(long fsize, const char *extra) {
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    char path[4096];
    snprintf(path, sizeof path, "%s/out", dir);
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    snprintf(path, sizeof path, "%s/err", dir);
    int err = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    if (chdir(dir) != 0) _exit(127);
    if (fsize > 0) {
      signal(SIGXFSZ, SIG_IGN);
      struct rlimit rl = {(rlim_t)fsize, (rlim_t)fsize};
      setrlimit(RLIMIT_FSIZE, &rl);
    }
    char batch[16];
    snprintf(batch, sizeof batch, "%d", BATCH);
    if (extra)
      execl(NF_TEST_COMMAND, "newsfields", "index", "--db", "db", "--batch", batch, extra,
            "big.jsonl", (char *)NULL);
    else
      execl(NF_TEST_COMMAND, "newsfields", "index", "--db", "db", "--batch", batch, "big.jsonl",
            (char *)NULL);
    _exit(127);
  }
  return pid;
}

static int wait_exit(pid_t pid) {
  int status;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *read_text(const char *name) {
  char *path, *text = NULL;
  ck_assert_int_ge(asprintf(&path, "%s/%s", dir, name), 0);
  FILE *f = fopen(path, "r");
  if (f) {
    size_t cap = 0;
    ssize_t n = getdelim(&text, &cap, '\0', f);
    if (n < 0) {
      free(text);
      text = strdup("");
    }
    fclose(f);
  }
  free(path);
  return text ? text : strdup("");
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* A rerun indexes everything: each article once. */
static void rerun_completes(void) {
  ck_assert_int_eq(wait_exit(start_index(0, "-q")), 0);
  ck_assert_int_eq(doccount(), ARTICLES);
  ck_assert_int_eq(xapian_check(), 0);
}

/* kill -9 at three points of the run, each after a different number of
 * commits. */
START_TEST(sigkill_during_indexing) {
  for (int round = 0; round < 3; round++) {
    char *cmd;
    ck_assert_int_ge(asprintf(&cmd, "rm -rf '%s'", db), 0);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    pid_t pid = start_index(0, "-q");
    long want = (long)BATCH * (2 * round + 1), n = -1;
    for (int polls = 0; polls < 2000 && (n = doccount()) < want; polls++) sleep_ms(10);
    ck_assert_int_eq(kill(pid, SIGKILL), 0);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                  "round %d: the run ended before it was killed (%ld documents seen)", round, n);
    ck_assert_int_eq(xapian_check(), 0);
    long after = doccount();
    ck_assert_msg(after >= want && after < ARTICLES && after % BATCH == 0,
                  "round %d: %ld documents after the kill", round, after);
    rerun_completes();
  }
}
END_TEST

/* Files limited to 300 KB: a commit fails with EFBIG. */
START_TEST(full_disk) {
  ck_assert_int_eq(wait_exit(start_index(300 * 1024, NULL)), 1);
  char *out = read_text("out"), *err = read_text("err");
  unsigned long first, last, kept, line, committed, skipped;
  char tail[512] = "";
  ck_assert_msg(sscanf(err,
                       "newsfields: db: cannot commit articles %lu to %lu (input read up to "
                       "big.jsonl:%lu): %511[^;]; the database keeps the %lu articles committed "
                       "before\n",
                       &first, &last, &line, tail, &kept) == 5,
                "stderr: %s", err);
  ck_assert_msg(
      strncmp(tail, "Error writing block ", 20) == 0 && nf_test_contains(tail, " (File too large)"),
      "%s", tail);
  ck_assert_msg(sscanf(out,
                       "committed %lu articles (%lu skipped) before the database failed; db has "
                       "what was committed before\n",
                       &committed, &skipped) == 2,
                "stdout: %s", out);
  ck_assert_uint_eq(committed, kept);
  ck_assert_uint_eq(first, kept + 1);
  ck_assert_uint_ge(last, first);
  ck_assert_uint_ge(line, last);
  ck_assert_uint_eq(skipped, 0);
  ck_assert_uint_eq(kept % BATCH, 0);
  ck_assert_int_eq(xapian_check(), 0);
  ck_assert_int_eq(doccount(), (long)kept);
  rerun_completes();
  free(out);
  free(err);
}
END_TEST

/* xapian-check of shard k of db: 0 when it is sound. */
static int shard_check(unsigned k) {
  char *cmd;
  ck_assert_int_ge(asprintf(&cmd, "xapian-check '%s/shard%u' >/dev/null 2>&1", db, k), 0);
  int rc = system(cmd);
  free(cmd);
  return rc;
}

/* Two shards, files limited to 300 KB: a shard's commit fails; the error
 * names the shard, the summary claims what the shards hold, each shard
 * holds whole batches, and a rerun completes without duplicates. */
START_TEST(full_disk_shards) {
  ck_assert_int_eq(wait_exit(start_index(300 * 1024, "--jobs=2")), 1);
  char *out = read_text("out"), *err = read_text("err");
  unsigned long first, last, kept, line, committed, skipped;
  unsigned shard;
  char tail[512] = "";
  ck_assert_msg(sscanf(err,
                       "newsfields: db/shard%u: cannot commit articles %lu to %lu of this shard "
                       "(input read up to big.jsonl:%lu): %511[^;]; the shard keeps the %lu "
                       "articles committed before\n",
                       &shard, &first, &last, &line, tail, &kept) == 6,
                "stderr: %s", err);
  ck_assert_msg(
      strncmp(tail, "Error writing block ", 20) == 0 && nf_test_contains(tail, " (File too large)"),
      "%s", tail);
  ck_assert_msg(sscanf(out,
                       "committed %lu articles (%lu skipped) before the database failed; db has "
                       "what was committed before\n",
                       &committed, &skipped) == 2,
                "stdout: %s", out);
  ck_assert_uint_le(shard, 1);
  ck_assert_uint_eq(first, kept + 1);
  ck_assert_uint_ge(last, first);
  ck_assert_uint_eq(kept % BATCH, 0);
  ck_assert_uint_eq(committed % BATCH, 0);
  ck_assert_uint_ge(committed, kept);
  ck_assert_int_eq(shard_check(0), 0);
  ck_assert_int_eq(shard_check(1), 0);
  ck_assert_int_eq(doccount(), (long)committed);
  ck_assert_int_eq(wait_exit(start_index(0, "--jobs=2")), 0);
  ck_assert_int_eq(doccount(), ARTICLES);
  ck_assert_int_eq(shard_check(0), 0);
  ck_assert_int_eq(shard_check(1), 0);
  free(out);
  free(err);
}
END_TEST

/* While one indexer holds the database, a second is told it is locked. */
START_TEST(two_writers) {
  nf_schema *schema;
  nf_error err;
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", NULL, &schema, &err),
                   NF_OK);
  nf_index_options io = {NULL, 0, NULL, 1, 0};
  nf_indexer *ix;
  ck_assert_int_eq(nf_indexer_open(db, schema, &io, &ix, &err), NF_OK);
  ck_assert_int_eq(wait_exit(start_index(0, "-q")), 1);
  char *out = read_text("out"), *errtext = read_text("err");
  ck_assert_str_eq(out, "");
  ck_assert_str_eq(errtext,
                   "newsfields: db: the database is locked: another process is writing to it "
                   "(wait for it to finish, then run again)\n");
  nf_indexer_free(ix);
  nf_schema_free(schema);
  free(out);
  free(errtext);
  rerun_completes();
}
END_TEST

/* Searches while an indexer commits every 20 articles: each answers. */
START_TEST(readers_during_commits) {
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    if (chdir(dir) != 0) _exit(127);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    execl(NF_TEST_COMMAND, "newsfields", "index", "-q", "--db", "db", "--batch", "20", "big.jsonl",
          (char *)NULL);
    _exit(127);
  }
  while (doccount() < 20) sleep_ms(10);
  int searches = 0;
  for (int i = 0; i < 30; i++) {
    char *cmd, *out, *errtext;
    ck_assert_int_ge(
        asprintf(&cmd, "'%s' search --db '%s' --json 'country:Lithuania'", NF_TEST_COMMAND, db), 0);
    int rc = nf_test_run2(cmd, &out, &errtext);
    ck_assert_msg(rc == 0, "search %d: exit %d: %s", i, rc, errtext);
    ck_assert_str_eq(errtext, "");
    ck_assert(nf_test_contains(out, "\"total\""));
    searches++;
    free(cmd), free(out), free(errtext);
  }
  int status;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ck_assert_int_eq(searches, 30);
  ck_assert_int_eq(doccount(), ARTICLES);
}
END_TEST

int main(void) {
  Suite *s = suite_create("faults");
  TCase *tc = tcase_create("faults");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, full_disk);
  tcase_add_test(tc, full_disk_shards);
  tcase_add_test(tc, two_writers);
  tcase_add_test(tc, readers_during_commits);
  tcase_add_test(tc, sigkill_during_indexing);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
