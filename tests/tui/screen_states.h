/* States the screen checker draws, built in C without a node: a
 * demo-like one, an adversarial one (amounts of 1 wei and 2^256 - 1 wei,
 * 18 decimals everywhere, 2,000 orders of mixed widths, 64-character
 * names, texts of 200 characters, long lists) and an empty one; with every
 * figure they hold, as the pages may show it, in a figure set. */
#ifndef SCREEN_STATES_H
#define SCREEN_STATES_H

#include "screen_fake.h"
#include "screen_figures.h"
#include "wallet/nodes.h"
#include "wallet/waiting.h"

typedef enum world_kind { WORLD_DEMO, WORLD_ADVERSARIAL, WORLD_EMPTY, WORLD_COUNT } world_kind;

typedef struct world {
    const char *name;
    tui_app app;               /* points into what follows */
    wallet_state *snap;
    wallet_past past;
    history_tx *txs;
    size_t ntxs, txs_cap;
    names *book;
    pc_contract *contract;
    keystore_account *accounts;
    size_t naccounts;
    tui_action *session;
    size_t nsession;
    char **strings;            /* owned texts the above point into */
    size_t nstrings, strings_cap;
    figures *figs;
    waiting waits;             /* what waits for the account (Tokens, the sidebar) */
    nodes_report nodes;        /* Network info's nodes: one up, one down */
} world;

/* Builds the world of that kind; false when out of memory (or a record
 * the test wrote does not parse: a bug of the test, said on stderr). */
bool world_build(world *w, world_kind kind);
void world_free(world *w);

/* The figures a text on screen may hold beyond the state's: what the app
 * was told to show (message line), added by the checker as it goes. */
void world_see(world *w, const char *text);

#endif
