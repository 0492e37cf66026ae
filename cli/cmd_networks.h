/* powerchain networks: the configuration file's named networks, one a
 * line (or a JSON array with --json), the one in use (--network) marked;
 * a key a network leaves out shows the common one it takes. Nodes are
 * shown by scheme, host and port only: their addresses may carry
 * credentials and API keys. */
#ifndef PC_CMD_NETWORKS_H
#define PC_CMD_NETWORKS_H

#include "cli/cli.h"

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_networks(const cli_ctx *ctx, int argc, char **argv);

#endif
