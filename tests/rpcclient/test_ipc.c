/* The IPC transport against a canned node on a Unix socket: answers of
 * every size around the reader's buffer steps arrive whole, with or without
 * what follows them; an answer past the limit, one that is not JSON and a
 * node that closes early are told apart. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "../check.h"
#include "rpcclient/ipc.h"

typedef struct canned {
    int listen_fd;
    const char *answer; /* written after the request has come, then the connection stays
                           open until the client closes it */
} canned;

static void *serve_once(void *arg)
{
    canned *c = arg;
    int fd = accept(c->listen_fd, NULL, NULL);
    if (fd < 0)
        return NULL;
    char req[4096];
    if (read(fd, req, sizeof req) > 0 && write(fd, c->answer, strlen(c->answer)) < 0)
        perror("write");
    while (read(fd, req, sizeof req) > 0)
        ;
    close(fd);
    return NULL;
}

static char sock_path[108];

/* One exchange with a node answering `answer`. */
static ipc_outcome exchange_with(const char *answer, size_t limit, char **data, size_t *len,
                                 char *why, size_t cap)
{
    unlink(sock_path);
    int lfd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, sock_path);
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 1) != 0)
        abort();
    canned c = { lfd, answer };
    pthread_t t;
    pthread_create(&t, NULL, serve_once, &c);
    ipc_outcome out = ipc_exchange(sock_path, "{\"id\":1}", limit, 5, data, len, why, cap);
    pthread_join(t, NULL);
    close(lfd);
    return out;
}

/* {"r":"xxxx..."} of exactly n bytes, then `tail`. */
static char *answer_of(size_t n, const char *tail)
{
    char *s = malloc(n + strlen(tail) + 1);
    memcpy(s, "{\"r\":\"", 6);
    memset(s + 6, 'x', n - 8);
    memcpy(s + n - 2, "\"}", 2);
    strcpy(s + n, tail);
    return s;
}

static void test_sizes(void)
{
    const size_t sizes[] = { 10, 4094, 4095, 4096, 4097, 8191, 65535, 65536, 65537, 200000 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (int with_tail = 0; with_tail < 2; with_tail++) {
            char *answer = answer_of(sizes[i], with_tail ? "\n{\"r\":2}" : "");
            char *data = NULL, why[128];
            size_t len = 0;
            CHECK(exchange_with(answer, 1 << 20, &data, &len, why, sizeof why) == IPC_ANSWERED);
            CHECK(len == sizes[i] && data && memcmp(data, answer, len) == 0 && data[len] == '\0');
            free(data);
            free(answer);
        }
    }
}

static void test_failures(void)
{
    char *data = NULL, why[128];
    size_t len;
    char *big = answer_of(5000, "");
    CHECK(exchange_with(big, 4999, &data, &len, why, sizeof why) == IPC_TOO_LARGE && !data);
    CHECK(exchange_with(big, 5000, &data, &len, why, sizeof why) == IPC_ANSWERED && len == 5000);
    free(data);
    free(big);
    CHECK(exchange_with("hello", 1000, &data, &len, why, sizeof why) == IPC_NOT_JSON);
    unlink(sock_path);
    CHECK(ipc_exchange(sock_path, "{}", 1000, 2, &data, &len, why, sizeof why) ==
          IPC_UNREACHABLE);
    CHECK(strstr(why, "No such file") != NULL);
}

static void test_names(void)
{
    CHECK(ipc_is_node("/run/geth.ipc") && ipc_is_node("./a.ipc") && ipc_is_node("../a.ipc"));
    CHECK(ipc_is_node("ipc:geth.ipc") && strcmp(ipc_path("ipc:geth.ipc"), "geth.ipc") == 0);
    CHECK(!ipc_is_node("http://127.0.0.1:8545") && !ipc_is_node("geth.ipc"));
    CHECK(ipc_check_node("ipc:", NULL) == PC_EINPUT);
    CHECK(ipc_check_node("/a b.ipc", NULL) == PC_EINPUT);
}

int main(void)
{
    char dir[] = "/tmp/pc-ipc-test.XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    snprintf(sock_path, sizeof sock_path, "%s/node.ipc", dir);
    test_sizes();
    test_failures();
    test_names();
    unlink(sock_path);
    rmdir(dir);
    return check_summary();
}
