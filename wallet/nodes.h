/* The health of every node of one network, side by side: which answer,
 * which client each runs, which chain each is on (chain id and genesis
 * block), its head and how far it lags behind the best head of the chain
 * most of them agree on, its latency, peers and whether it is syncing.
 * What `powerchain nodes` prints, what `status --json` and the exporter
 * report per node, and what `watch` follows for node_lost / node_back.
 *
 * A nodes_set keeps one client (one kept-alive connection) per node, so
 * that probing it again measures the node and not a new connection. A
 * probe asks every node at once, each on a thread of its own, in one
 * batched request per node; a node that does not answer within the
 * timeout is down. Node URLs are only ever shown as scheme, host and port
 * (rpc_url_shown): they may carry credentials.
 *
 * Which chain is "the" chain (nodes_compare): the one named by the
 * expected chain id when given, else the chain (id and genesis) most
 * answering nodes are on, ties to the one the earlier node in the list is
 * on. A node that answers from another chain is `other_chain`.
 *
 * Ownership: a set owns its clients; a report is a plain struct the caller
 * owns (no pointers). A set is used by one thread at a time. */
#ifndef WALLET_NODES_H
#define WALLET_NODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/error.h"
#include "rpcclient/rpc.h"

#define NODES_MAX RPC_MAX_NODES
#define NODES_SHOWN_MAX 256
#define NODES_CLIENT_MAX 128
#define NODES_WHY_MAX 200

typedef struct node_health {
    char shown[NODES_SHOWN_MAX];   /* scheme://host:port, or the socket's path */
    bool up;                       /* answered its chain id and latest block */
    char why[NODES_WHY_MAX];       /* when down: what failed, for people */
    bool has_client;
    char client[NODES_CLIENT_MAX]; /* web3_clientVersion, made printable */
    uint64_t chain_id;             /* when up */
    bool has_genesis;
    uint8_t genesis[32];           /* block 0's hash */
    uint64_t head, head_time;      /* when up: latest block and its timestamp */
    uint64_t latency_us;           /* when up: the probe's round trip */
    bool has_peers;                /* net_peerCount answered (anvil has none) */
    uint64_t peers;
    bool has_syncing;              /* eth_syncing answered */
    bool syncing;
    /* nodes_compare's verdict: */
    bool other_chain;              /* up, on another chain than the reference */
    uint64_t lag;                  /* up and on the reference chain: best head - head */
} node_health;

typedef struct nodes_report {
    node_health node[NODES_MAX];   /* in the order of the set's URLs */
    size_t count;
    size_t up;                     /* nodes that answered */
    bool has_reference;            /* some node answered from the expected chain */
    uint64_t chain_id;             /* the reference chain */
    uint8_t genesis[32];
    bool has_genesis;
    uint64_t best_head;            /* the highest head on the reference chain */
    uint64_t best_head_time;
} nodes_report;

typedef struct nodes_set nodes_set;

/* A client for each of urls[0..n) (1 to NODES_MAX), with `timeout_s` per
 * probe and, when cacert is not NULL, that CA file for https nodes.
 * Errors: PC_EINPUT (a URL rpc_client_new refuses; the message never
 * repeats it whole), PC_ENOMEM. */
pc_status nodes_open(const char *const *urls, size_t n, long timeout_s, const char *cacert,
                     nodes_set **out, pc_error *err);
void nodes_close(nodes_set *s);
size_t nodes_count(const nodes_set *s);

typedef enum nodes_depth {
    NODES_HEAD,      /* chain id, genesis and latest block: what monitoring follows */
    NODES_FULL,      /* also client version, peers and syncing */
} nodes_depth;

/* Probes every node at once and compares them (nodes_compare). Never
 * fails: a node that cannot be asked is down, with why. */
void nodes_probe(nodes_set *s, nodes_depth depth, bool has_chain_id, uint64_t chain_id,
                 nodes_report *out);

/* Pure: picks the reference chain of r's answering nodes (the expected
 * chain id when has_chain_id, see above) and sets best_head, each node's
 * other_chain and lag. */
void nodes_compare(nodes_report *r, bool has_chain_id, uint64_t chain_id);

/* How the network is, for exit codes: every node up and on the reference
 * chain (NODES_ALL_GOOD), some down or on another chain (NODES_SOME_BAD),
 * none answering (NODES_NONE_UP). */
typedef enum nodes_verdict { NODES_ALL_GOOD, NODES_SOME_BAD, NODES_NONE_UP } nodes_verdict;
nodes_verdict nodes_judge(const nodes_report *r);

#endif
