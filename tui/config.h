/* What the panel is started with (tui/run.h), and what it asks its caller
 * when it ends to run it again on another network. Types only. */
#ifndef TUI_CONFIG_H
#define TUI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/u256.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "tui/page.h"
#include "tui/term.h"
#include "tui/wallet.h"
#include "wallet/names.h"

#define TUI_NETWORK_MAX 64

/* What the panel asks its caller when it ends to change networks. */
typedef struct tui_switch {
    char network[TUI_NETWORK_MAX]; /* the network to run on next; "" when the person quit */
    int page;                      /* the page to open there */
} tui_switch;

typedef struct tui_config {
    const char *rpc_urls[RPC_MAX_NODES]; /* the first, then those to fail over to */
    size_t nrpc_urls;
    long timeout_s;
    const char *cacert;      /* CA file for https nodes, or NULL: the system's */
    const pc_contract *contract;
    bool has_chain_id;       /* refuse to sign for another chain */
    uint64_t chain_id;
    u256 fee_cap;            /* refuse a fee that can exceed it (wallet_tx_check_fee) */
    tui_wallet_config wallet;
    const tui_page *pages;
    size_t npages;
    int first_page;          /* index into pages */
    const names *names;      /* names typed for addresses and shown beside them; may be
                                NULL (then addresses only) */
    const char *const *networks; /* named networks to switch to (none: NULL, 0) */
    size_t nnetworks;
    const char *network;     /* the one in use, or NULL */
    tui_switch *switch_to;   /* out, when networks are given: what tui_run's return asks */
    tui_notify notify;       /* how a new waiting item is told (tui/term.h) */
    bool has_peg_gap;        /* the peg gap past peg_gap ENT waits for everyone */
    u256 peg_gap;
} tui_config;

#endif
