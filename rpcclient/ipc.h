/* JSON-RPC over a node's Unix socket (geth's geth.ipc, anvil --ipc PATH):
 * no HTTP, the request is written to the stream as it is and the answer is
 * the one JSON object or array the node writes back (nodes write answers
 * back to back, some with a newline after each; neither is assumed).
 *
 * A node is named by its socket's path: "ipc:PATH", or a path that starts
 * with "/", "./" or "../". Each exchange opens its own connection: a late
 * answer to a request that timed out can never be taken for the answer to
 * the next one, and connecting to a local socket costs microseconds. */
#ifndef PC_IPC_H
#define PC_IPC_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/error.h"

/* Whether a node as given names a socket rather than an http(s) URL. */
bool ipc_is_node(const char *node);
/* The socket's path in such a node (after "ipc:", if given so). */
const char *ipc_path(const char *node);
/* A path that fits a Unix socket address, of printable ASCII without spaces
 * (like URLs, so that every message can show it whole). */
pc_status ipc_check_node(const char *node, pc_error *err);

typedef enum ipc_outcome {
    IPC_ANSWERED,    /* *data holds one whole JSON object or array */
    IPC_UNREACHABLE, /* no connection, or it broke: `why` says how */
    IPC_TIMED_OUT,   /* not answered whole before the deadline */
    IPC_TOO_LARGE,   /* the answer grew past `limit` bytes */
    IPC_NOT_JSON,    /* the answer does not begin with an object or an array */
    IPC_NO_MEMORY,
} ipc_outcome;

/* Sends `body` to the node's socket and reads one answer of at most
 * `limit` bytes, all within timeout_s seconds (connecting within the
 * smaller of that and 10 s). On IPC_ANSWERED *data (malloc'd, NUL after
 * the *len bytes) is the caller's; otherwise it is NULL. */
ipc_outcome ipc_exchange(const char *node, const char *body, size_t limit, long timeout_s,
                         char **data, size_t *len, char *why, size_t why_cap);

#endif
