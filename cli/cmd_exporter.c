#include "cli/cmd_exporter.h"

#include <inttypes.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/follow.h"
#include "cli/metrics.h"

typedef struct exporter {
    const cli_ctx *ctx;
    cli_follow f;
    uint64_t cache_ms;
    char *page;                  /* the last snapshot's page, or NULL */
    uint64_t page_at_ms;
} exporter;

static uint64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* A new page from a new snapshot; false when out of memory. */
static bool snapshot(exporter *x)
{
    pc_error e = { 0 };
    wallet_past past;
    cli_follow *f = &x->f;
    cli_follow_sync(f, NULL);
    bool has_past = f->h && wallet_past_reader_read(&f->reader, f->h, &past, &e) == PC_OK;
    wallet_state *s = NULL;
    wallet_state_query q = { 0 };
    if (wallet_state_fetch(f->c, f->k, &q, &s, &e) != PC_OK)
        s = NULL;
    nodes_report nodes;
    nodes_probe(f->nodes, NODES_HEAD, x->ctx->has_chain_id, x->ctx->chain_id, &nodes);
    metrics_input in = { .state = s, .past = has_past ? &past : NULL, .nodes = &nodes,
                         .failovers = rpc_client_moves(f->c) };
    in.has_index_head = f->h && history_head(f->h, &in.index_head);
    char *page = NULL;
    bool ok = metrics_render(&in, &page, &e) == PC_OK;
    if (has_past)
        wallet_past_free(&past);
    wallet_state_free(s);
    if (ok) {
        free(x->page);
        x->page = page;
        x->page_at_ms = now_ms();
    }
    return ok;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, const char *text,
                             const char *type)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    enum MHD_Result ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    if (ok == MHD_YES)
        ok = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **req_cls)
{
    (void)version, (void)upload_data, (void)upload_data_size, (void)req_cls;
    exporter *x = cls;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET\n", "text/plain");
    if (strcmp(url, "/") == 0)
        return reply(conn, MHD_HTTP_OK, "powerchain exporter: the metrics are at /metrics\n",
                     "text/plain; charset=utf-8");
    if (strcmp(url, "/metrics") != 0)
        return reply(conn, MHD_HTTP_NOT_FOUND, "not found: the metrics are at /metrics\n",
                     "text/plain; charset=utf-8");
    if (!x->page || now_ms() - x->page_at_ms >= x->cache_ms)
        if (!snapshot(x) && !x->page)
            return reply(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory\n", "text/plain");
    return reply(conn, MHD_HTTP_OK, x->page, "text/plain; version=0.0.4; charset=utf-8");
}

/* HOST:PORT, [V6]:PORT; the port may be 0 (any free one). */
static pc_status parse_listen(const char *text, struct addrinfo **out, pc_error *err)
{
    char host[256];
    const char *colon = strrchr(text, ':');
    size_t hlen = colon ? (size_t)(colon - text) : 0;
    if (!colon || hlen == 0 || hlen >= sizeof host || !colon[1])
        return pc_fail(err, PC_EINPUT, "--listen: give HOST:PORT, e.g. %s",
                       EXPORTER_DEFAULT_LISTEN);
    memcpy(host, text, hlen);
    host[hlen] = '\0';
    if (host[0] == '[' && host[hlen - 1] == ']') {
        memmove(host, host + 1, hlen - 2);
        host[hlen - 2] = '\0';
    }
    unsigned long long port;
    if (cli_parse_u64("listen's port", colon + 1, 65535, &port, err) != PC_OK)
        return PC_EINPUT;
    struct addrinfo hints = { .ai_flags = AI_PASSIVE | AI_NUMERICSERV,
                              .ai_socktype = SOCK_STREAM };
    char service[8];
    snprintf(service, sizeof service, "%llu", port);
    int rc = getaddrinfo(host, service, &hints, out);
    if (rc != 0)
        return pc_fail(err, PC_EINPUT, "--listen: %s: %s", host, gai_strerror(rc));
    return PC_OK;
}

static pc_status serve(exporter *x, const struct addrinfo *where, pc_error *err)
{
    /* SIGINT and SIGTERM wait for sigwait below, also in the server's
     * thread, which inherits this mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG |
                     (where->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d =
        MHD_start_daemon(flags, 0, NULL, NULL, answer, x, MHD_OPTION_SOCK_ADDR, where->ai_addr,
                         MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
    if (!d)
        return pc_fail(err, PC_EIO, "cannot listen there (in use, or not this machine's "
                                    "address?)");
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    char host[NI_MAXHOST] = "?";
    getnameinfo(where->ai_addr, where->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST);
    fprintf(stderr, "powerchain exporter: listening on http://%s%s%s:%u/metrics\n",
            where->ai_family == AF_INET6 ? "[" : "", host, where->ai_family == AF_INET6 ? "]" : "",
            info ? info->port : 0);
    int sig;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    return PC_OK;
}

int cmd_exporter(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    exporter_options o = { .listen = EXPORTER_DEFAULT_LISTEN };
    unsigned long long cache_s = EXPORTER_DEFAULT_CACHE_S;
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    if (o.cache && cli_parse_u64("cache", o.cache, 3600, &cache_s, &err) != PC_OK)
        return cli_fail(&err);
    struct addrinfo *where = NULL;
    exporter x = { .ctx = ctx, .cache_ms = cache_s * 1000 };
    pc_status st = parse_listen(o.listen, &where, &err);
    if (st == PC_OK && (st = cli_follow_open(ctx, &x.f, &err)) == PC_OK) {
        st = serve(&x, where, &err);
        cli_follow_close(&x.f);
    }
    if (where)
        freeaddrinfo(where);
    free(x.page);
    return st == PC_OK ? 0 : cli_fail(&err);
}
