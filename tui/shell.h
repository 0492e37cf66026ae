/* The shell's state, shared by the files of the shell: the page API
 * (tui/app.c), the chain's news from the worker (tui/intake.c), forms and
 * transactions (tui/flow.c) and the loop (tui/run.c). Pages see it only
 * through tui/app.h. Input thread only. */
#ifndef TUI_SHELL_H
#define TUI_SHELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <curses.h>

#include "tui/action.h"
#include "tui/config.h"
#include "tui/counters.h"
#include "tui/form.h"
#include "tui/term.h"
#include "tui/unlock.h"
#include "tui/wallet.h"
#include "tui/worker.h"
#include "wallet/nodes.h"
#include "wallet/past.h"
#include "wallet/state.h"
#include "wallet/waiting.h"

/* What has the keyboard besides the page; the action's own dialogs
 * (Preparing, the confirmation) come from its state. */
typedef enum tui_modal {
    TUI_MODAL_NONE,
    TUI_MODAL_FORM,      /* a page's form, or the password prompt */
    TUI_MODAL_HELP,
} tui_modal;

struct tui_app {
    const tui_config *cfg;
    tui_worker *worker;
    tui_wallet *wallet;

    /* The chain, as the worker last told it (tui/intake.h). */
    wallet_state *snap;
    wallet_past *past;              /* from the history index; NULL before the first */
    char past_problem[PC_ERROR_MSG_MAX]; /* why the last catch-up failed; "" when it did not */
    bool indexing;                  /* a catch-up reported progress and has not ended */
    bool past_offline;              /* past was read before any node answered ... */
    uint64_t past_as_of;            /* ... from the index as written then (epoch s) */
    char chain_problem[PC_ERROR_MSG_MAX]; /* the node serves another chain than the
                                       index's: why the past was dropped; or "" */
    uint64_t indexed, to_index;     /* its blocks done and in all */
    unsigned roles;                 /* WALLET_ROLE_* of the snapshot's account */
    bool connected;
    bool ever_connected;
    uint64_t chain_id;
    char *node;                     /* the worker's node now, as it last said */
    unsigned long snapshot_ms;      /* when the last snapshot came */
    unsigned long first_page_ms;    /* when the first snapshot was shown */
    unsigned long requests;         /* the worker's HTTP requests so far */
    unsigned long requests_refresh; /* HTTP requests the last snapshot took */
    unsigned long snapshots;
    tui_counters counters;          /* speed figures for bench/, shown in the help */
    nodes_report *nodes;            /* every node's health, as last probed; or NULL */
    bool settle_asked;              /* the worker was asked whether settle_ask.sender may
                                       settle settle_ask.request (tui/intake.c) ... */
    wallet_settle settle_ask;
    bool settle_known;              /* ... and answered: settle */
    wallet_settle settle;

    /* What waits for the account (tui/waits.h). */
    waiting waits;                  /* worked out from snap and past; empty before */
    bool waits_known;               /* waits holds waits_account's items: a new one
                                       is news */
    eth_address waits_account;
    bool has_seen;                  /* the index's mark of seen_account came: */
    eth_address seen_account;
    uint64_t seen_block;            /* fills up to it were looked at */
    bool looking;                   /* the page that lists them is shown ... */
    uint64_t looked_head;           /* ... with the past up to this block */
    char term_out[2 * TUI_TERM_SEQ_MAX]; /* sequences for after the next refresh */

    /* Pages. */
    size_t page;
    void **page_state;              /* each page's view state (tui_page.state_size) */
    WINDOW *page_win;
    bool series_wanted;             /* told the worker to replay the charts' series */
    bool nodes_wanted;              /* told the worker to probe the nodes */

    /* Forms and transactions (tui/flow.h). */
    tui_modal modal;
    tui_form form;
    bool form_is_password;
    bool asked;                     /* a page asked for asked_spec's form ... */
    bool asked_submit;              /* ... submitted at once */
    tui_form_spec asked_spec;
    char asked_presets[TUI_FORM_FIELDS][TUI_FIELD_MAX]; /* asked_spec's presets point here */
    tui_actions acts;
    unsigned confirm_id;            /* the action the confirmation shows ... */
    int confirm_scroll;             /* ... scrolled down by this many lines */
    tui_unlock *unlock;             /* the password being tried, off this thread ... */
    unsigned unlock_id;             /* ... for this action */
    unsigned last_read;             /* the id of the last read asked of the worker */

    char message[PC_ERROR_MSG_MAX];
    bool message_error;
    struct timespec started;
    bool quit;
};

#endif
