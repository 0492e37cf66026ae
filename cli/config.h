/* The configuration file: $POWERCHAIN_CONFIG, else
 * $XDG_CONFIG_HOME/powerchain/config, else ~/.config/powerchain/config.
 * Lines of `key = value`; `#` starts a comment line; blank lines are
 * ignored. Keys: rpc (one or more nodes, separated by spaces or commas; a
 * repeated rpc line adds nodes), contract (an address, or a deployment file
 * like POWERCHAIN_CONTRACT), contract-json, chain-id, fee-cap (whole wei:
 * the most one transaction's fee may reach, wallet/engine.h), keystore,
 * account, cacert (a PEM file of CA certificates trusted for https nodes,
 * as --cacert), notify (how the panel tells of something new waiting for
 * the account: off, the default, bell, osc9 or osc777: tui/term.h),
 * peg-gap (ENT: past this gap between ENT in circulation and the stored
 * kWh, the panel lists the gap as waiting; as watch's --peg-gap).
 *
 * A line holding a NUL byte is PC_EINPUT (it would be cut short unseen).
 *
 * Named networks: a line `[network NAME]` starts a section whose keys
 * belong to network NAME (a name as the address book takes it: letters,
 * digits, '.', '_', '-'); the keys before the first section apply to every
 * network. `--network NAME` selects one.
 *
 * Precedence: options, then environment, then the selected network, then
 * the keys outside sections, then defaults: config_apply fills only the
 * fields of ctx that are still unset. A missing file is not an error; an
 * unknown key, a line without `=`, a bad section line, a network named
 * twice, a chain id that is not a whole number from 1, a fee cap that is
 * not whole wei, a notify that is none of its names or a peg-gap that is no
 * amount is PC_EINPUT naming the file and line. */
#ifndef PC_CONFIG_H
#define PC_CONFIG_H

#include "cli/cli.h"
#include "eth/error.h"
#include "tui/term.h"

#define CONFIG_NODES_MAX 8

/* One set of keys: those outside sections, or one network's. */
typedef struct cli_network {
    char *name;                      /* NULL outside sections */
    char *rpc[CONFIG_NODES_MAX];     /* the first, then those to fail over to */
    size_t nrpc;
    char *contract;
    char *contract_json;
    bool has_chain_id;
    uint64_t chain_id;
    bool has_fee_cap;
    u256 fee_cap;
    char *keystore;
    char *account;
    char *cacert;
    bool has_notify;
    tui_notify notify;
    bool has_peg_gap;
    u256 peg_gap;                    /* ENT, 18 decimals */
} cli_network;

/* The whole file; ctx points into it after config_apply: keep it as long
 * as ctx. */
typedef struct cli_config {
    cli_network common;              /* the keys outside sections */
    cli_network *networks;           /* in file order */
    size_t nnetworks;
} cli_config;

/* Reads the file (a missing one is an empty configuration). Anything but a
 * regular file (a FIFO, a device) is refused without waiting on it. */
pc_status config_load(cli_config *store, pc_error *err);

/* Adds the lines of `text` (len bytes; a NUL byte in it is PC_EINPUT) to a
 * zeroed or partly filled store, naming errors "label:line". On failure the
 * store may hold the lines before the bad one: config_free it. */
pc_status config_parse(cli_config *store, const char *label, const char *text, size_t len,
                       pc_error *err);

/* Fills the unset fields of ctx from network `network` (NULL: none) and
 * then from the common keys; a deployment file that names its chain then
 * pins the chain id (PC_EINPUT when another was asked for). An unknown
 * network is PC_EINPUT listing the known ones. */
pc_status config_apply(cli_ctx *ctx, const cli_config *store, const char *network,
                       pc_error *err);

/* The network called name, or NULL. */
const cli_network *config_network(const cli_config *store, const char *name);


void config_free(cli_config *store);

#endif
