/* Shared helpers of the libFuzzer targets. A broken invariant aborts, which
 * libFuzzer reports as a crash together with the input that caused it. */
#ifndef PC_FUZZ_H
#define PC_FUZZ_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "eth/error.h"

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

/* Every failure must say what went wrong in words: a status other than OK
 * and a non-empty, NUL-terminated message. */
static inline void fuzz_check_error(pc_status st, const pc_error *err)
{
    FUZZ_CHECK(st != PC_OK);
    FUZZ_CHECK(err->status == st);
    FUZZ_CHECK(memchr(err->msg, '\0', sizeof err->msg) != NULL);
    FUZZ_CHECK(err->msg[0] != '\0');
}

/* The input as a NUL-terminated string (parsers of typed text take C
 * strings); caller frees. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* For targets that play a node on a Unix socket: connections are served
 * one at a time, by a thread, with handle(fd) (which must not close fd). */
static pthread_mutex_t fuzz_node_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fuzz_node_cv = PTHREAD_COND_INITIALIZER;
static unsigned fuzz_node_busy; /* connections taken and not yet closed */
static void (*fuzz_node_handle)(int fd);

static inline void *fuzz_node_serve(void *arg)
{
    int listener = (int)(intptr_t)arg;
    for (;;) {
        int c = accept(listener, NULL, NULL);
        if (c < 0)
            continue;
        pthread_mutex_lock(&fuzz_node_mu);
        fuzz_node_busy++;
        pthread_mutex_unlock(&fuzz_node_mu);
        fuzz_node_handle(c);
        close(c);
        pthread_mutex_lock(&fuzz_node_mu);
        fuzz_node_busy--;
        pthread_cond_broadcast(&fuzz_node_cv);
        pthread_mutex_unlock(&fuzz_node_mu);
    }
    return NULL;
}

/* Makes a folder from `dir_template` (mkdtemp, which turns it into the
 * folder's path) and listens on its socket "node.ipc". */
static inline void fuzz_node_listen(char *dir_template, void (*handle)(int fd))
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    if (!mkdtemp(dir_template))
        abort();
    snprintf(a.sun_path, sizeof a.sun_path, "%s/node.ipc", dir_template);
    fuzz_node_handle = handle;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    pthread_t t;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 8) != 0 ||
        pthread_create(&t, NULL, fuzz_node_serve, (void *)(intptr_t)fd) != 0)
        abort();
}

/* Waits until the node has closed every connection it took: what it still
 * writes comes from the input, which is gone after the test returns. */
static inline void fuzz_node_idle(void)
{
    pthread_mutex_lock(&fuzz_node_mu);
    while (fuzz_node_busy)
        pthread_cond_wait(&fuzz_node_cv, &fuzz_node_mu);
    pthread_mutex_unlock(&fuzz_node_mu);
}

#endif
