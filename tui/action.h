/* The transaction the panel is building, from a checked form to the send,
 * as a state machine the shell drives:
 *
 *   IDLE -> PREPARING      tui_action_start: the call is encoded and the
 *                          worker asked for nonce, gas and fee; it reads the
 *                          calldata the action holds
 *   PREPARING -> CONFIRMING  the worker's prepared event, when it succeeded
 *   PREPARING -> IDLE      the prepared event with an error
 *   PREPARING -> CANCELLING  Esc: the worker still reads the calldata, so it
 *                          is kept until the prepared event, then freed
 *   CANCELLING -> IDLE     the prepared event (whatever it says)
 *   CONFIRMING -> PASSWORD  y with a locked account: the password is asked
 *   PASSWORD -> UNLOCKING  the password is being checked (off the input
 *                          thread; tui/unlock.h); back to PASSWORD when wrong
 *   CONFIRMING/UNLOCKING -> IDLE  the send (the worker copies what it needs)
 *   CONFIRMING/PASSWORD -> IDLE  a cancel
 *
 * No new action starts unless IDLE. Input thread only. */
#ifndef TUI_ACTION_H
#define TUI_ACTION_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/bytes.h"
#include "eth/tx.h"
#include "rpcclient/powerchain.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/worker.h"
#include "wallet/effect.h"
#include "wallet/engine.h"

typedef enum tui_action_state {
    TUI_ACTION_IDLE,
    TUI_ACTION_PREPARING,
    TUI_ACTION_CANCELLING,
    TUI_ACTION_CONFIRMING,
    TUI_ACTION_PASSWORD,
    TUI_ACTION_UNLOCKING,
} tui_action_state;

typedef struct tui_action {
    tui_action_state state;
    unsigned id;
    const pc_method *method;
    char description[160];
    char args[PC_MAX_ARGS][200]; /* "LABEL  value as people read it" */
    char encoded[PC_MAX_ARGS][TUI_FIELD_MAX]; /* as encoded: names resolved to addresses */
    size_t nargs;
    bytebuf calldata;
    wallet_tx t;
    eth_tx tx;
    /* The form as the person filled it, to reopen it when the send fails. */
    tui_form_spec spec;
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX];
} tui_action;

/* Encodes the checked form's call into a copy of base (sender, contract,
 * chain, wait; its data is the call) and asks the worker to prepare it
 * under `id`. False, with why, when it cannot start (not IDLE, or the call
 * does not encode); the action is unchanged then. */
bool tui_action_start(tui_action *a, const tui_app *app, const tui_form *f, unsigned id,
                      const wallet_tx *base, tui_worker *w, char *why, size_t cap);

/* What a prepared event did to the action. */
typedef enum tui_prepared {
    TUI_PREPARED_OTHER,     /* not this action's event: nothing changed */
    TUI_PREPARED_CONFIRM,   /* ready: now CONFIRMING */
    TUI_PREPARED_FAILED,    /* the node could not prepare it: IDLE; spec and text
                               kept to reopen the form */
    TUI_PREPARED_CANCELLED, /* it had been cancelled: IDLE, nothing was sent */
} tui_prepared;
tui_prepared tui_action_prepared(tui_action *a, const tui_ev *ev);

/* Esc or n: from PREPARING to CANCELLING (true: wait for the worker), from
 * CONFIRMING or PASSWORD to IDLE (false: done now). */
bool tui_action_cancel(tui_action *a);

/* Signs and sends with key (taken) and goes IDLE; the worker copies the
 * transaction. id, spec and text stay until the next start, to reopen the
 * form if the send fails. Only from CONFIRMING or UNLOCKING. */
void tui_action_send(tui_action *a, tui_worker *w, secret *key);

/* Forgets everything and goes IDLE (never while PREPARING or CANCELLING:
 * the worker reads the calldata). */
void tui_action_clear(tui_action *a);

/* The confirmation dialog's lines, as account_name (may be "") signs them:
 * a label ("" for an argument line) and its value, in the order shown.
 * What the call does, its most fee, the coin balance and the warnings come
 * from wallet/effect.h, against the app's snapshot, past and address book. */
typedef struct tui_action_line {
    const char *label;
    char value[256];
    bool emphasis;               /* what the call does, the method */
    bool warning;                /* looks like a mistake: read before signing */
} tui_action_line;
#define TUI_ACTION_LINES (PC_MAX_ARGS + 8 + EFFECT_LINES_MAX)
size_t tui_action_lines(const tui_action *a, const tui_app *app, const char *account_name,
                        tui_action_line out[TUI_ACTION_LINES]);

#endif
