/* A small HTTP/1.1 client over loopback sockets, and the server as a child
 * process (serve_client.h). */
#define _GNU_SOURCE /* strcasestr, memmem */
#include "serve_client.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

double nf_tc_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int nf_tc_connect(unsigned port, const char *src) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  if (src) {
    if (inet_pton(AF_INET, src, &a.sin_addr) != 1 || (ntohl(a.sin_addr.s_addr) >> 24) != 127 ||
        bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
      close(fd);
      return -1;
    }
  }
  a.sin_port = htons((uint16_t)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

void nf_tc_reply_free(nf_tc_reply *r) {
  free(r->head);
  free(r->body);
  r->head = r->body = NULL;
}

/* Waits for fd to be readable until the deadline; 1 ready, 0 timed out. */
static int wait_readable(int fd, double deadline) {
  for (;;) {
    double left = deadline - nf_tc_now();
    if (left <= 0) return 0;
    struct pollfd p = {fd, POLLIN, 0};
    int rc = poll(&p, 1, (int)(left * 1000) + 1);
    if (rc > 0) return 1;
    if (rc < 0 && errno != EINTR) return 0;
  }
}

static int send_all(int fd, const char *p, size_t n, double deadline) {
  while (n) {
    struct pollfd w = {fd, POLLOUT, 0};
    double left = deadline - nf_tc_now();
    if (left <= 0 || poll(&w, 1, (int)(left * 1000) + 1) <= 0) return -1;
    ssize_t sent = send(fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (sent <= 0) return -1;
    p += sent;
    n -= (size_t)sent;
  }
  return 0;
}

/* Splits what came into head and body; the body's expected length in
 * *want (-1: to the end). */
static int split(const char *buf, size_t len, int head_only, nf_tc_reply *r, long *want) {
  const char *end = memmem(buf, len, "\r\n\r\n", 4);
  if (!end) return 0;
  free(r->head);
  r->head = strndup(buf, (size_t)(end - buf));
  if (!r->head) return 0;
  if (sscanf(buf, "HTTP/1.%*d %d", &r->status) != 1) r->status = 0;
  *want = -1;
  const char *cl = strcasestr(r->head, "\r\nContent-Length:");
  if (cl) *want = strtol(cl + 17, NULL, 10);
  if (head_only) *want = 0;
  return 1;
}

int nf_tc_exchange(int fd, const char *req, size_t n, int head, double timeout, nf_tc_reply *r) {
  memset(r, 0, sizeof *r);
  double deadline = nf_tc_now() + timeout;
  if (send_all(fd, req, n, deadline) != 0) return -1;
  size_t len = 0, size = 16384;
  char *buf = malloc(size);
  if (!buf) return -1;
  long want = -2; /* unknown until the headers are in */
  size_t body_at = 0;
  int ok = -1;
  for (;;) {
    if (want >= 0 && len - body_at >= (size_t)want) {
      ok = 0;
      break;
    }
    if (!wait_readable(fd, deadline)) break;
    if (len + 1 >= size) {
      char *bigger = realloc(buf, size * 2);
      if (!bigger) break;
      buf = bigger;
      size *= 2;
    }
    ssize_t got = recv(fd, buf + len, size - len - 1, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      r->closed = 1;
      if (want == -1) ok = 0; /* no Content-Length: the body ends at close */
      break;
    }
    len += (size_t)got;
    if (want == -2 && split(buf, len, head, r, &want)) {
      const char *end = memmem(buf, len, "\r\n\r\n", 4);
      body_at = (size_t)(end + 4 - buf);
    }
  }
  if (want != -2) {
    size_t blen = len - body_at;
    if (want >= 0 && blen > (size_t)want) blen = (size_t)want;
    r->body = malloc(blen + 1);
    if (r->body) {
      memcpy(r->body, buf + body_at, blen);
      r->body[blen] = '\0';
      r->len = blen;
    }
  } else {
    r->body = strdup("");
  }
  if (!r->head) r->head = strdup("");
  free(buf);
  if (ok == 0 && r->status == 0) ok = -1;
  /* Whether the server closes after the reply: look without waiting long. */
  if (ok == 0 && !r->closed) r->closed = nf_tc_closed(fd, 0.05);
  return ok;
}

int nf_tc_request(unsigned port, const char *src, const char *method, const char *path,
                  const char *headers, double timeout, nf_tc_reply *r) {
  memset(r, 0, sizeof *r);
  int fd = nf_tc_connect(port, src);
  if (fd < 0) return -1;
  char dflt[128];
  if (!headers) {
    snprintf(dflt, sizeof dflt, "Host: 127.0.0.1:%u\r\nConnection: close\r\n", port);
    headers = dflt;
  }
  size_t cap = strlen(method) + strlen(path) + strlen(headers) + 32;
  char *req = malloc(cap);
  if (!req) {
    close(fd);
    return -1;
  }
  int n = snprintf(req, cap, "%s %s HTTP/1.1\r\n%s\r\n", method, path, headers);
  int rc = nf_tc_exchange(fd, req, (size_t)n, strcmp(method, "HEAD") == 0, timeout, r);
  free(req);
  close(fd);
  return rc;
}

int nf_tc_get(unsigned port, const char *path, double timeout, nf_tc_reply *r) {
  return nf_tc_request(port, NULL, "GET", path, NULL, timeout, r);
}

const char *nf_tc_header(const nf_tc_reply *r, const char *name, char *buf, size_t size) {
  char key[128];
  snprintf(key, sizeof key, "\r\n%s:", name);
  const char *at = r->head ? strcasestr(r->head, key) : NULL;
  if (!at) return NULL;
  at += strlen(key);
  while (*at == ' ') at++;
  size_t n = strcspn(at, "\r");
  snprintf(buf, size, "%.*s", (int)n, at);
  return buf;
}

int nf_tc_closed(int fd, double timeout) {
  double deadline = nf_tc_now() + timeout;
  char drop[4096];
  for (;;) {
    double left = deadline - nf_tc_now();
    struct pollfd p = {fd, POLLIN, 0};
    int rc = poll(&p, 1, left > 0 ? (int)(left * 1000) : 0);
    if (rc < 0 && errno == EINTR) continue;
    if (rc <= 0) return 0;
    ssize_t got = recv(fd, drop, sizeof drop, MSG_DONTWAIT);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) return 1;
  }
}

/* The first line of fd within the deadline, into buf; 0 on success. */
static int read_line(int fd, char *buf, size_t size, double deadline) {
  size_t n = 0;
  while (n + 1 < size) {
    if (!wait_readable(fd, deadline)) return -1;
    ssize_t got = read(fd, buf + n, 1);
    if (got <= 0) return -1;
    if (buf[n] == '\n') break;
    n++;
  }
  buf[n] = '\0';
  return 0;
}

unsigned nf_tc_spawn(const char *command, const char *const *args, const char *errfile,
                     double timeout, pid_t *pid, int *out_fd) {
  const char *argv[64];
  size_t n = 0;
  argv[n++] = "newsfields";
  argv[n++] = "serve";
  for (size_t i = 0; args[i] && n < 58; i++) argv[n++] = args[i];
  argv[n++] = "--port";
  argv[n++] = "0";
  argv[n++] = "--bind";
  argv[n++] = "127.0.0.1";
  argv[n] = NULL;
  int fds[2];
  if (pipe(fds) != 0) return 0;
  *pid = fork();
  if (*pid < 0) return 0;
  if (*pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    int e = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (e >= 0) dup2(e, STDERR_FILENO);
    close(fds[0]);
    close(fds[1]);
    execv(command, (char *const *)argv);
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  char line[512];
  if (read_line(*out_fd, line, sizeof line, nf_tc_now() + timeout) != 0) return 0;
  const char *at = strstr(line, "http://127.0.0.1:");
  if (!at) return 0;
  return (unsigned)strtoul(at + strlen("http://127.0.0.1:"), NULL, 10);
}

int nf_tc_stop(pid_t pid, int out_fd) {
  int status = 0;
  if (pid > 0) {
    kill(pid, SIGTERM);
    if (waitpid(pid, &status, 0) != pid) status = -1;
  }
  if (out_fd >= 0) close(out_fd);
  return status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
