/* powerchain exporter [--listen HOST:PORT] [--cache SECONDS]: Prometheus
 * metrics over HTTP, served by libmicrohttpd (one thread of its own that
 * answers one request at a time).
 *
 * GET /metrics answers the page cli/metrics.h writes from one snapshot:
 * the history index brought up to the node's head, the past read from it
 * (wallet/past.h, only the new blocks), the contract's state in one
 * batched request (wallet/state.h) and a probe of every configured node
 * (wallet/nodes.h). A snapshot serves every scrape for --cache seconds
 * (default 2), so that many scrapers cost one read. The exporter runs
 * until SIGINT or SIGTERM, and starts also when no node answers yet
 * (powerchain_up 0 says so). It prints where it listens on stderr, the
 * port read back from the socket (so --listen 127.0.0.1:0 works). */
#ifndef PC_CMD_EXPORTER_H
#define PC_CMD_EXPORTER_H

#include "cli/cli.h"

/* Where it listens, and how long a snapshot serves, unless told. */
#define EXPORTER_DEFAULT_LISTEN "127.0.0.1:9464"
#define EXPORTER_DEFAULT_CACHE_S 2

/* exporter's own options (the command table describes them); listen
 * defaults to EXPORTER_DEFAULT_LISTEN. */
typedef struct exporter_options {
    const char *listen, *cache;
} exporter_options;

/* Handler of the command table (cli/cli.h's cli_handler): returns the exit
 * code (0 after SIGINT or SIGTERM), its errors printed. */
int cmd_exporter(const cli_ctx *ctx, int argc, char **argv);

#endif
