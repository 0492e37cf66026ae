/* The panel's shell and the small API its pages (screens/) use.
 *
 * Layout (tui/chrome.h; at least 80x24): header (chain id, block, node,
 * connection; account and roles), sidebar of pages, the page, a message
 * line with the decoded Info/Error of the last transaction, and a line of
 * key hints. Keys go to the page first (PgUp/PgDn too); those it leaves
 * pick pages (1-9 and 0, Tab/Shift-Tab, ] [, Right/Left), open help (F1,
 * ?), read again (r, Ctrl-L) or quit (F10, q). The mouse: a click on the
 * sidebar picks a page, one in the page goes to its click hook, the wheel
 * comes to the page as Up/Down keys.
 *
 * Pages never talk to the node. They draw from the latest snapshot and open
 * forms; a form naming a contract method runs the whole signing flow: field
 * checks -> nonce, gas and fee from the worker -> confirmation (what the call
 * does, its fee and warnings: wallet/effect.h) -> password when the account
 * is locked (checked off this thread) -> send -> spinner until the receipt
 * -> the outcome on the message line and in tui_app_tx_at (tui/action.h). A
 * send that cannot be prepared or fails reopens its form as typed, with the
 * reason. */
#ifndef TUI_APP_H
#define TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "eth/error.h"
#include "eth/u256.h"
#include "keystore/secret.h"
#include "rpcclient/powerchain.h"
#include "wallet/names.h"
#include "wallet/past.h"
#include "wallet/roles.h"
#include "wallet/state.h"
#include "tui/wallet.h"

typedef struct tui_app tui_app;

/* A page: its view state (cursor, scroll, filter) is a struct of
 * state_size bytes the shell allocates zeroed at start and passes back to
 * every call; pages keep no statics. */
typedef struct tui_page {
    const char *title;
    const char *hints;   /* the page's own keys, for the hint line */
    size_t state_size;   /* 0: the page keeps no view state (state is NULL) */
    bool shows_series;   /* draws the charts' series (wallet_past.series): the worker
                            replays them only while such a page is shown */
    /* win: the page's area. Drawing reads the app (snapshot, past, wallet)
     * and changes nothing but the page's own view state. */
    void (*draw)(const tui_app *app, void *state, WINDOW *win);
    /* True when the key was used. NULL: the page takes no keys. */
    bool (*key)(tui_app *app, void *state, int ch);
    /* A mouse click at (y, x) inside the page's area; true when used. NULL:
     * clicks do nothing there. */
    bool (*click)(tui_app *app, void *state, int y, int x);
} tui_page;

/* ---- forms ---- */

typedef enum tui_field_type {
    TUI_FIELD_ARG,    /* a contract argument, checked with pc_parse_arg */
    TUI_FIELD_TEXT,   /* free text (names, paths); may be optional */
    TUI_FIELD_SECRET, /* typed into guarded memory, never shown */
} tui_field_type;

/* Extra checks against the snapshot, beyond the argument's syntax. */
typedef enum tui_limit {
    TUI_LIMIT_NONE,
    TUI_LIMIT_ENT,      /* at most the account's available ENT */
    TUI_LIMIT_EEURO,    /* at most the account's available eEuro */
    TUI_LIMIT_POSITIVE, /* more than zero */
} tui_limit;

#define TUI_FORM_FIELDS 4
#define TUI_FIELD_MAX 128

typedef struct tui_field_spec {
    const char *label;
    tui_field_type type;
    pc_arg_kind kind;      /* TUI_FIELD_ARG */
    const char *preset;    /* initial text, or NULL */
    bool hidden;           /* a fixed argument, not shown (e.g. the side) */
    bool optional;         /* TUI_FIELD_TEXT may stay empty */
    tui_limit limit;
} tui_field_spec;

typedef struct tui_form_spec {
    const char *title;
    const char *method;    /* contract method run with the fields as arguments; NULL: local */
    size_t nfields;
    tui_field_spec fields[TUI_FORM_FIELDS];
    /* A line shown under the fields, recomputed as the person types (e.g.
     * the Wh an ENT amount buys). May be NULL. */
    void (*preview)(const tui_app *app, char *const texts[], char *out, size_t cap);
    /* Checks across fields; returns false with the field to blame and why. */
    bool (*check)(const tui_app *app, char *const texts[], size_t *field, char *why,
                  size_t cap);
    /* Local forms: what to do with the texts and secrets (NULL where a
     * field is not of that type). Secrets are freed by the shell. */
    pc_status (*submit)(tui_app *app, char *const texts[], secret *const secrets[],
                        pc_error *err);
} tui_form_spec;

/* Opens a form (the spec is copied). */
void tui_app_open_form(tui_app *app, const tui_form_spec *spec);
/* Opens a form whose presets already say everything and submits it at once:
 * the confirmation follows as usual. A field that fails its check leaves
 * the form open with the reason next to it. */
void tui_app_submit_form(tui_app *app, const tui_form_spec *spec);

/* Asks the worker for one read; its formatted result comes to the message line. */
void tui_app_read(tui_app *app, const char *method, int argc, char *const argv[]);

/* ---- what pages read ---- */

/* The latest snapshot, or NULL before the first one (and its figures may be
 * a few seconds old while disconnected: see tui_app_connected). */
const wallet_state *tui_app_snapshot(const tui_app *app);
/* What the history index says of the past (unit owners, withdrawal
 * requests, every transaction to the contract), or NULL before it was
 * first read; it may be older than the snapshot. */
const wallet_past *tui_app_past(const tui_app *app);
/* Why the index could not be opened or brought up to date the last time,
 * or "" when it was. */
const char *tui_app_past_problem(const tui_app *app);
/* True while the index catches up, with its progress in blocks. */
bool tui_app_indexing(const tui_app *app, uint64_t *done, uint64_t *total);
/* The WALLET_ROLE_* bits (wallet/roles.h) of the snapshot's account; 0
 * before the first snapshot or without an account. Unit owners come from
 * tui_app_past: before it, the unit-owner bit is clear. */
unsigned tui_app_roles(const tui_app *app);
bool tui_app_connected(const tui_app *app);
uint64_t tui_app_chain_id(const tui_app *app);
/* The node the panel reads from now (it changes when the worker fails over). */
const char *tui_app_node(const tui_app *app);
const pc_contract *tui_app_contract(const tui_app *app);
/* The address book of the configuration (may be NULL). */
const names *tui_app_names(const tui_app *app);
tui_wallet *tui_app_wallet(tui_app *app);
/* The same, read only, for drawing. */
const tui_wallet *tui_app_wallet_view(const tui_app *app);
/* The account changed (Accounts page): re-read everything as it. */
void tui_app_account_changed(tui_app *app);
/* The configuration's named networks (tui_config.networks) and the one in
 * use (NULL when none was chosen by name). */
size_t tui_app_network_count(const tui_app *app);
const char *tui_app_network_at(const tui_app *app, size_t i);
const char *tui_app_network(const tui_app *app);
/* Ends the panel asking its caller to run it again on network i (see
 * tui_config.switch_to); refused with a message while transactions of this
 * session wait for their receipts. */
void tui_app_switch_network(tui_app *app, size_t i);
/* Milliseconds since the panel started (for spinners). */
unsigned long tui_app_clock_ms(const tui_app *app);

/* Shows a line on the message line. */
void tui_app_message(tui_app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* This session's transactions, oldest first. */
typedef enum tui_tx_state { TUI_TX_SIGNING, TUI_TX_PENDING, TUI_TX_MINED, TUI_TX_FAILED } tui_tx_state;
typedef struct tui_tx_record {
    unsigned id;
    char description[160];
    bool has_hash;
    uint8_t hash[32];
    tui_tx_state state;
    uint64_t block;
    char outcome[256];     /* decoded Info/Error text, or why it failed */
} tui_tx_record;
size_t tui_app_tx_count(const tui_app *app);
const tui_tx_record *tui_app_tx_at(const tui_app *app, size_t i);

/* ---- running ---- */

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
} tui_config;

/* Runs the panel until the person quits or picks another network (then
 * cfg->switch_to names it: the caller runs the panel again with that
 * network's configuration). The caller has called setlocale, secret_init
 * and rpc_global_init. Returns PC_OK, or why it could not start. */
pc_status tui_run(const tui_config *cfg, pc_error *err);

#endif
