/* Remote shards: two databases served by Debian's xapian-tcpsrv on loopback
 * ports, searched through stub files (both remote; one remote and one local)
 * by `newsfields search --json` with facets and the histogram and by
 * `newsfields serve`: the answers are byte for byte those of the same two
 * shards searched locally.  A read-only remote told to index says so. */
#define _GNU_SOURCE /* asprintf */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve_client.h"
#include "testutil.h"

#define SCHEMA NF_TEST_SCHEMA_DIR "/newsfields.schema"

static char *dir;
static pid_t servers[2];
static unsigned ports[2];

/* A port nobody listens on now (the kernel's pick for port 0). */
static unsigned free_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(fd, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
  socklen_t len = sizeof a;
  ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
  close(fd);
  return ntohs(a.sin_port);
}

static void run_ok(const char *cmd) {
  char *out = NULL;
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_msg(rc == 0, "%s: exit %d\n%s", cmd, rc, out ? out : "");
  free(out);
}

/* xapian-tcpsrv serving db on 127.0.0.1:port, once it answers. */
static pid_t start_server(const char *db, unsigned port) {
  char portarg[16];
  snprintf(portarg, sizeof portarg, "%u", port);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    /* its own process group: on SIGTERM xapian-tcpsrv signals its whole
     * group (its connections' processes), which must not include us */
    setpgid(0, 0);
    /* quiet: it reports each probe of ours below as a broken connection */
    if (!freopen("/dev/null", "w", stderr)) _exit(126);
    execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
           portarg, db, (char *)NULL);
    _exit(127);
  }
  for (double until = nf_tc_now() + 20; nf_tc_now() < until; usleep(50000)) {
    int fd = nf_tc_connect(port, NULL);
    if (fd >= 0) {
      close(fd);
      return pid;
    }
  }
  ck_abort_msg("xapian-tcpsrv on port %u did not start", port);
  return pid;
}

static void stub(const char *name, const char *text) {
  char *path;
  ck_assert(asprintf(&path, "%s/%s", dir, name) > 0);
  ck_assert_int_eq(nf_test_write(path, text), 0);
  free(path);
}

/* The sample corpus in two shards (articles 1-18, 19-36), each served by
 * its own xapian-tcpsrv; stubs for the three ways of searching them. */
static void setup(void) {
  dir = nf_test_tmpdir();
  char *cmd;
  ck_assert(asprintf(&cmd,
                     "cd '%s' && head -n 18 '%s/sample.jsonl' > a.jsonl && tail -n +19 "
                     "'%s/sample.jsonl' > b.jsonl && '%s' index -q --schema '%s' --db a.db "
                     "a.jsonl && '%s' index -q --schema '%s' --db b.db b.jsonl",
                     dir, NF_TEST_CORPUS, NF_TEST_CORPUS, NF_TEST_COMMAND, SCHEMA, NF_TEST_COMMAND,
                     SCHEMA) > 0);
  run_ok(cmd);
  free(cmd);
  char *text;
  for (int i = 0; i < 2; i++) {
    ports[i] = free_port();
    ck_assert(asprintf(&text, "%s/%s", dir, i ? "b.db" : "a.db") > 0);
    servers[i] = start_server(text, ports[i]);
    free(text);
  }
  stub("local.stub", "auto a.db\nauto b.db\n");
  ck_assert(asprintf(&text, "remote 127.0.0.1:%u\nremote 127.0.0.1:%u\n", ports[0], ports[1]) > 0);
  stub("remote.stub", text);
  free(text);
  ck_assert(asprintf(&text, "remote 127.0.0.1:%u\nauto b.db\n", ports[0]) > 0);
  stub("mixed.stub", text);
  free(text);
  ck_assert(asprintf(&text, "remote 127.0.0.1:%u\n", ports[0]) > 0);
  stub("one.stub", text);
  free(text);
}

static void teardown(void) {
  for (int i = 0; i < 2; i++) {
    if (servers[i] <= 0) continue;
    kill(servers[i], SIGTERM);
    waitpid(servers[i], NULL, 0);
  }
  nf_test_rmtree(dir);
  free(dir);
}

static const char *const queries[] = {
    "speaker:Austin country:Lithuania",      "minister",        "title:\"Defense Secretary\"",
    "country:Ukraine NOT speaker:Zelenskiy", "date:2021..2022", "",
};

static char *search(const char *db, const char *query, const char *extra) {
  char *cmd, *out = NULL;
  ck_assert(asprintf(&cmd,
                     "cd '%s' && '%s' search --schema '%s' --db %s --json -n 5 %s "
                     "-f country,speaker,official,title,dateline,date --histogram '%s'",
                     dir, NF_TEST_COMMAND, SCHEMA, db, extra, query) > 0);
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_msg(rc == 0, "%s: exit %d\n%s", cmd, rc, out);
  free(cmd);
  return out;
}

START_TEST(search_identical) {
  const char *const sorts[] = {"", "--sort date"};
  for (size_t s = 0; s < 2; s++)
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
      char *local = search("local.stub", queries[i], sorts[s]);
      char *remote = search("remote.stub", queries[i], sorts[s]);
      char *mixed = search("mixed.stub", queries[i], sorts[s]);
      ck_assert_msg(strcmp(local, remote) == 0, "%s: local\n%s\nremote\n%s", queries[i], local,
                    remote);
      ck_assert_msg(strcmp(local, mixed) == 0, "%s: local\n%s\nmixed\n%s", queries[i], local,
                    mixed);
      free(local);
      free(remote);
      free(mixed);
    }
  /* and what they agree on is the right answer */
  char *out = search("remote.stub", queries[0], "");
  ck_assert_msg(nf_test_contains(out, "\"total\":3,") &&
                    nf_test_contains(out, "\"histogram\":[{\"month\":\"2021-12\",\"count\":1}"),
                "%s", out);
  free(out);
}
END_TEST

/* The README's command ("Shards and remote databases") on its stub, one
 * remote and one local shard, as the same shards named by repeated --db. */
static char *readme_search(const char *dbs) {
  char *cmd, *out = NULL;
  ck_assert(asprintf(&cmd,
                     "cd '%s' && '%s' search --schema '%s' %s --json -f country,speaker "
                     "--histogram 'speaker:Austin country:Lithuania'",
                     dir, NF_TEST_COMMAND, SCHEMA, dbs) > 0);
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_msg(rc == 0, "%s: exit %d\n%s", cmd, rc, out);
  free(cmd);
  return out;
}

START_TEST(readme_command) {
  char *text;
  ck_assert(asprintf(&text, "remote 127.0.0.1:%u\nauto b.db\n", ports[0]) > 0);
  stub("news.stub", text);
  free(text);
  char *stubbed = readme_search("--db news.stub");
  char *repeated = readme_search("--db a.db --db b.db");
  ck_assert_str_eq(stubbed, repeated);
  ck_assert_msg(nf_test_contains(stubbed, "\"total\":3,") &&
                    nf_test_contains(stubbed, "\"histogram\":[{\"month\":\"2021-12\",\"count\":1}"),
                "%s", stubbed);
  free(stubbed);
  free(repeated);
}
END_TEST

/* The page's API over each stub, with its time limit (serve sets one). */
static char *serve_answer(const char *db) {
  char *path;
  ck_assert(asprintf(&path, "%s/%s", dir, db) > 0);
  const char *args[] = {"--schema", SCHEMA, "--db", path, NULL};
  char *errfile;
  ck_assert(asprintf(&errfile, "%s/serve.err", dir) > 0);
  pid_t pid;
  int fd;
  unsigned port = nf_tc_spawn(NF_TEST_COMMAND, args, errfile, 20, &pid, &fd);
  ck_assert_msg(port != 0, "serve did not start on %s", db);
  nf_tc_reply r;
  ck_assert_int_eq(nf_tc_get(port,
                             "/api/search?q=speaker:Austin%20country:Lithuania"
                             "&facets=country,speaker,date&limit=5",
                             20, &r),
                   0);
  ck_assert_msg(r.status == 200, "%s: %d %s", db, r.status, r.body);
  char *body = strdup(r.body);
  nf_tc_reply_free(&r);
  nf_tc_stop(pid, fd);
  free(errfile);
  free(path);
  return body;
}

START_TEST(serve_identical) {
  char *local = serve_answer("local.stub");
  char *remote = serve_answer("remote.stub");
  char *mixed = serve_answer("mixed.stub");
  ck_assert_msg(nf_test_contains(local, "\"total\":3,"), "%s", local);
  ck_assert_str_eq(local, remote);
  ck_assert_str_eq(local, mixed);
  free(local);
  free(remote);
  free(mixed);
}
END_TEST

START_TEST(read_only_remote_refuses_to_index) {
  char *cmd, *out = NULL;
  ck_assert(asprintf(&cmd, "cd '%s' && '%s' index --schema '%s' --db one.stub a.jsonl", dir,
                     NF_TEST_COMMAND, SCHEMA) > 0);
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_int_eq(rc, 1);
  ck_assert_str_eq(out,
                   "newsfields: one.stub names a remote database, which cannot be indexed into: "
                   "REMOTE:Server is read-only (a remote takes changes only from an xapian-tcpsrv "
                   "started with --writable on that one database; else index the database "
                   "itself)\n");
  free(out);
  free(cmd);
}
END_TEST

int main(void) {
  Suite *s = suite_create("remote");
  TCase *tc = tcase_create("xapian-tcpsrv");
  tcase_add_unchecked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, search_identical);
  tcase_add_test(tc, readme_command);
  tcase_add_test(tc, serve_identical);
  tcase_add_test(tc, read_only_remote_refuses_to_index);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
