/* The screen checker's stand-in for the panel's shell: a tui_app and a
 * tui_wallet (tui/app.h, tui/wallet.h) that hold a state built in the test
 * instead of one read from a node, so that the real pages (screens/) and
 * the real frame (tui/chrome.c) draw it. What the pages ask of the shell
 * (a form opened, a message) is recorded, not carried out. */
#ifndef SCREEN_FAKE_H
#define SCREEN_FAKE_H

#include "tui/app.h"
#include "tui/wallet.h"

#define FAKE_MESSAGE_MAX 512

struct tui_wallet {
    bool has_account;
    eth_address account;
    const char *name;          /* "" when none */
    unsigned unlocked_for;
    bool keystore;             /* false: a key file (--private-key-file) */
    const keystore_account *accounts;
    size_t naccounts;
};

struct tui_app {
    const wallet_state *snap;  /* NULL: not read yet */
    const wallet_past *past;   /* NULL: not read yet */
    const char *past_problem;
    bool indexing;
    uint64_t indexed, to_index;
    unsigned roles;
    bool connected;
    uint64_t chain_id;
    const char *node;
    const pc_contract *contract;
    const names *book;
    struct tui_wallet wallet;
    const char *const *networks;
    size_t nnetworks;
    const char *network;
    const tui_action *txs;     /* this session's */
    size_t ntxs;
    unsigned long clock_ms;
    const waiting *waits;      /* NULL: not known */
    const nodes_report *nodes; /* NULL: not probed */
    const wallet_settle *settle; /* NULL: not asked */
    const char *offline;       /* NULL: a node answered; else the header's "offline, as of" */
    /* What the pages asked for. */
    size_t page;               /* tui_app_go_page's */
    bool form_open;
    tui_form_spec form;
    char message[FAKE_MESSAGE_MAX];
    bool message_error;
};

#endif
