#include "rpcclient/ipc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "rpcclient/jsonscan.h"

#define IPC_PREFIX "ipc:"
#define IPC_CONNECT_MAX_MS 10000L
#define IPC_READ_CHUNK 65536u

bool ipc_is_node(const char *node)
{
    return strncmp(node, IPC_PREFIX, strlen(IPC_PREFIX)) == 0 || node[0] == '/' ||
           strncmp(node, "./", 2) == 0 || strncmp(node, "../", 3) == 0;
}

const char *ipc_path(const char *node)
{
    return strncmp(node, IPC_PREFIX, strlen(IPC_PREFIX)) == 0 ? node + strlen(IPC_PREFIX)
                                                              : node;
}

pc_status ipc_check_node(const char *node, pc_error *err)
{
    const char *path = ipc_path(node);
    size_t n = strnlen(path, sizeof(((struct sockaddr_un *)0)->sun_path));
    if (n == 0)
        return pc_fail(err, PC_EINPUT, "--rpc: \"ipc:\" needs the path of the node's socket");
    if (n >= sizeof(((struct sockaddr_un *)0)->sun_path))
        return pc_fail(err, PC_EINPUT, "--rpc: a socket path may be at most %zu characters",
                       sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f)
            return pc_fail(err, PC_EINPUT, "--rpc: a socket path may hold only printable ASCII "
                                           "without spaces");
    return PC_OK;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Milliseconds left before `deadline`, for poll: 0 when past it. */
static int left_ms(long long deadline)
{
    long long left = deadline - now_ms();
    return left <= 0 ? 0 : left > 1000000 ? 1000000 : (int)left;
}

/* Waits until fd is ready for `events`; false at the deadline. */
static bool wait_for(int fd, short events, long long deadline)
{
    for (;;) {
        struct pollfd p = { fd, events, 0 };
        int left = left_ms(deadline);
        if (left == 0)
            return false;
        int r = poll(&p, 1, left);
        if (r > 0)
            return true; /* ready, or an error the next call reports */
        if (r < 0 && errno != EINTR)
            return true;
    }
}

static ipc_outcome broke(char *why, size_t cap, const char *what, int e)
{
    snprintf(why, cap, "%s: %s", what, strerror(e));
    return IPC_UNREACHABLE;
}

/* A connected non-blocking socket in *fd. A listener whose queue is full
 * refuses with EAGAIN until it accepts: asked again until the deadline. */
static ipc_outcome connect_socket(const char *path, long long deadline, int *fd, char *why,
                                  size_t cap)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    memcpy(a.sun_path, path, strlen(path) + 1); /* fits: ipc_check_node */
    *fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (*fd < 0)
        return broke(why, cap, "cannot open a socket", errno);
    for (;;) {
        if (connect(*fd, (struct sockaddr *)&a, sizeof a) == 0)
            return IPC_ANSWERED;
        if (errno == EINTR)
            continue;
        if (errno == EINPROGRESS) {
            int e = 0;
            socklen_t elen = sizeof e;
            if (!wait_for(*fd, POLLOUT, deadline))
                return IPC_TIMED_OUT;
            getsockopt(*fd, SOL_SOCKET, SO_ERROR, &e, &elen);
            return e ? broke(why, cap, "cannot connect to the socket", e) : IPC_ANSWERED;
        }
        if (errno != EAGAIN)
            return broke(why, cap, "cannot connect to the socket", errno);
        if (left_ms(deadline) == 0)
            return IPC_TIMED_OUT;
        poll(NULL, 0, 20);
    }
}

static ipc_outcome write_all(int fd, const char *body, long long deadline, char *why, size_t cap)
{
    size_t n = strlen(body), sent = 0;
    while (sent < n) {
        /* MSG_NOSIGNAL: a node that closes the socket is an error, not SIGPIPE. */
        ssize_t w = send(fd, body + sent, n - sent, MSG_NOSIGNAL);
        if (w > 0) {
            sent += (size_t)w;
        } else if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
            if (!wait_for(fd, POLLOUT, deadline))
                return IPC_TIMED_OUT;
        } else {
            return broke(why, cap, "cannot write the request", errno);
        }
    }
    return IPC_ANSWERED;
}

typedef struct answer_buf {
    char *data;
    size_t len, cap, limit;
} answer_buf;

/* Room for at least one more byte after len and a NUL after that, up to
 * limit + 1 bytes: one more than the limit is how an answer too large is
 * seen. */
static bool grow(answer_buf *b)
{
    if (b->len + 1 < b->cap)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 4096;
    if (cap > b->limit + 2)
        cap = b->limit + 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return false;
    b->data = p;
    b->cap = cap;
    return true;
}

/* Reads until the scan finds the end of one JSON value. */
static ipc_outcome read_answer(int fd, answer_buf *b, long long deadline, char *why, size_t cap)
{
    json_scan scan;
    json_scan_init(&scan);
    for (;;) {
        if (!grow(b))
            return IPC_NO_MEMORY;
        size_t room = b->cap - 1 - b->len;
        ssize_t r = recv(fd, b->data + b->len, room < IPC_READ_CHUNK ? room : IPC_READ_CHUNK, 0);
        if (r < 0 && (errno == EAGAIN || errno == EINTR)) {
            if (!wait_for(fd, POLLIN, deadline))
                return IPC_TIMED_OUT;
            continue;
        }
        if (r < 0)
            return broke(why, cap, "cannot read the answer", errno);
        if (r == 0) {
            snprintf(why, cap, "the node closed the socket %s",
                     scan.started ? "in the middle of its answer" : "without answering");
            return IPC_UNREACHABLE;
        }
        size_t taken = json_scan_feed(&scan, b->data + b->len, (size_t)r);
        b->len += taken;
        if (scan.bad)
            return IPC_NOT_JSON;
        if (b->len > b->limit)
            return IPC_TOO_LARGE;
        if (scan.done) {
            b->data[b->len] = '\0';
            return IPC_ANSWERED;
        }
    }
}

ipc_outcome ipc_exchange(const char *node, const char *body, size_t limit, long timeout_s,
                         char **data, size_t *len, char *why, size_t why_cap)
{
    *data = NULL;
    *len = 0;
    why[0] = '\0';
    long long start = now_ms(), deadline = start + timeout_s * 1000L;
    long long connect_deadline = start + (timeout_s * 1000L < IPC_CONNECT_MAX_MS
                                              ? timeout_s * 1000L
                                              : IPC_CONNECT_MAX_MS);
    int fd = -1;
    answer_buf b = { NULL, 0, 0, limit };
    ipc_outcome out = connect_socket(ipc_path(node), connect_deadline, &fd, why, why_cap);
    if (out == IPC_ANSWERED)
        out = write_all(fd, body, deadline, why, why_cap);
    if (out == IPC_ANSWERED)
        out = read_answer(fd, &b, deadline, why, why_cap);
    if (fd >= 0)
        close(fd);
    if (out != IPC_ANSWERED) {
        free(b.data);
        return out;
    }
    *data = b.data;
    *len = b.len;
    return IPC_ANSWERED;
}
