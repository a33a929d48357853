/* A small HTTP/1.1 client over loopback sockets, and the server under test
 * started as a child process: for the hostile-request tests of `newsfields
 * serve` and its benchmark.  Plain C, no Check: every call reports failure
 * by its return value and bounds its waiting by a timeout. */
#ifndef NF_SERVE_CLIENT_H
#define NF_SERVE_CLIENT_H

#include <stddef.h>
#include <sys/types.h>

typedef struct nf_tc_reply {
  int status; /* from the status line; 0 when none came */
  char *head; /* status line and headers, NUL-terminated */
  char *body;
  size_t len;
  int closed; /* the server closed the connection after the reply */
} nf_tc_reply;

/* Seconds on a monotonic clock. */
double nf_tc_now(void);

/* A TCP connection to 127.0.0.1:port from the loopback address src (NULL:
 * 127.0.0.1), e.g. "127.0.0.2" to be another client address.  -1 on error. */
int nf_tc_connect(unsigned port, const char *src);

/* Send req[0..n) on fd and read one reply, for at most timeout seconds in
 * all.  The reply ends at its Content-Length (or at close when it has none;
 * after a HEAD, at the headers).  0 when a whole reply came, else -1 (r
 * holds what came).  fd stays open. */
int nf_tc_exchange(int fd, const char *req, size_t n, int head, double timeout, nf_tc_reply *r);

/* One request on a new connection from src: method, path, and headers
 * ("Name: value\r\n" lines, NULL: Host 127.0.0.1:port and Connection:
 * close).  As nf_tc_exchange. */
int nf_tc_request(unsigned port, const char *src, const char *method, const char *path,
                  const char *headers, double timeout, nf_tc_reply *r);

/* GET path from 127.0.0.1. */
int nf_tc_get(unsigned port, const char *path, double timeout, nf_tc_reply *r);

/* A header's value (its first occurrence) into buf; NULL if absent. */
const char *nf_tc_header(const nf_tc_reply *r, const char *name, char *buf, size_t size);

void nf_tc_reply_free(nf_tc_reply *r);

/* 1 when the server closed fd (end of file or reset) within timeout
 * seconds, 0 when it is still open, reading and dropping whatever came. */
int nf_tc_closed(int fd, double timeout);

/* Start `command serve ARGS... --port 0 --bind 127.0.0.1` (args ends with
 * NULL), its standard error to errfile, and wait up to timeout seconds for
 * the line with its address.  The port, or 0 on failure; *pid and *out_fd
 * (its standard output) to stop it with nf_tc_stop. */
unsigned nf_tc_spawn(const char *command, const char *const *args, const char *errfile,
                     double timeout, pid_t *pid, int *out_fd);
/* SIGTERM, wait; its exit status (-1 if it did not exit normally). */
int nf_tc_stop(pid_t pid, int out_fd);

#endif
