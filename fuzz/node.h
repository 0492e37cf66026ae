/* For the targets that play a node (fuzz_ipc, fuzz_sync): a Unix socket
 * in a temporary folder, served by a thread, one connection at a time.
 * Needs _GNU_SOURCE (or _XOPEN_SOURCE 500) for nftw. */
#ifndef PC_FUZZ_NODE_H
#define PC_FUZZ_NODE_H

#include <ftw.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "fuzz/fuzz.h"

/* Connections are served with handle(fd) (which must not close fd). */
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

static char fuzz_node_dir[128];

static inline int fuzz_node_remove_one(const char *path, const struct stat *st, int flag,
                                       struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* The folder and what the target left in it (its socket, an index) go
 * when the fuzzer exits; a crash leaves them for a look. */
static inline void fuzz_node_cleanup(void)
{
    nftw(fuzz_node_dir, fuzz_node_remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Makes a folder from `dir_template` (mkdtemp, which turns it into the
 * folder's path), removed at exit, and listens on its socket "node.ipc". */
static inline void fuzz_node_listen(char *dir_template, void (*handle)(int fd))
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    if (!mkdtemp(dir_template) ||
        snprintf(fuzz_node_dir, sizeof fuzz_node_dir, "%s", dir_template) < 0 ||
        atexit(fuzz_node_cleanup) != 0)
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
