/* A node for unit tests: a canned HTTP server on 127.0.0.1, in a thread of
 * its own, answering one request per connection with the bodies given, in
 * turn, whatever was asked; and a client of it. Header only, as check.h. */
#ifndef PC_TEST_FAKE_NODE_H
#define PC_TEST_FAKE_NODE_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rpcclient/rpc.h"

#define FAKE_NODE_ANSWERS 8

typedef struct canned {
    int listen_fd;
    const char *bodies[FAKE_NODE_ANSWERS]; /* the JSON the node answers, in turn */
    size_t n;
} canned;

/* Answers one request with body, whatever was asked. */
static inline void serve_one(int listen_fd, const char *body)
{
    int fd = accept(listen_fd, NULL, NULL);
    if (fd < 0)
        return;
    char req[8192];
    size_t got = 0;
    /* Enough to have read the headers and the small body of one call. */
    while (got < sizeof req - 1) {
        ssize_t n = read(fd, req + got, sizeof req - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        req[got] = '\0';
        char *end = strstr(req, "\r\n\r\n");
        const char *cl = strstr(req, "Content-Length: ");
        if (end && cl && got >= (size_t)(end + 4 - req) + strtoul(cl + 16, NULL, 10))
            break;
    }
    char head[200];
    int hn = snprintf(head, sizeof head,
                      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                      strlen(body));
    if (write(fd, head, (size_t)hn) < 0 || write(fd, body, strlen(body)) < 0)
        perror("write");
    close(fd);
}

static inline void *serve(void *arg)
{
    canned *c = arg;
    for (size_t i = 0; i < c->n; i++)
        serve_one(c->listen_fd, c->bodies[i]);
    return NULL;
}

/* A listening socket on a free port; *port receives it. */
static inline int listen_any(unsigned *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 4) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0)
        abort();
    *port = ntohs(a.sin_port);
    return fd;
}

/* A node answering the n bodies in turn (at most FAKE_NODE_ANSWERS), in
 * its own thread, and a client of it. */
typedef struct fake_node {
    canned answer;
    pthread_t thread;
    rpc_client *client;
} fake_node;

static inline void fake_node_start_n(fake_node *n, const char *const bodies[], size_t count)
{
    unsigned port;
    if (count > FAKE_NODE_ANSWERS)
        abort();
    n->answer = (canned){ listen_any(&port), { NULL }, count };
    for (size_t i = 0; i < count; i++)
        n->answer.bodies[i] = bodies[i];
    pthread_create(&n->thread, NULL, serve, &n->answer);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%u", port);
    if (rpc_client_new(url, 5, &n->client, NULL) != PC_OK)
        abort();
}

static inline void fake_node_start(fake_node *n, const char *body)
{
    fake_node_start_n(n, &body, 1);
}

/* An answer the client never asked for is dropped: accept fails once the
 * listening socket is shut down. */
static inline void fake_node_stop(fake_node *n)
{
    shutdown(n->answer.listen_fd, SHUT_RDWR);
    pthread_join(n->thread, NULL);
    close(n->answer.listen_fd);
    rpc_client_free(n->client);
}

#endif
