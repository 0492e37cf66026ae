/* The panel's transactions, each from its form to its outcome, as one state
 * machine: tui_actions_step takes an event (a key's meaning, an answer of
 * the worker, the password's check) and says what the shell must do
 * (effects). Pure: no terminal, no worker, no thread, no clock; the shell
 * (tui/flow.h) turns keys and answers into events and carries out the
 * effects. Input thread only.
 *
 *   EDITING      the form is open                  OPEN; a failed prepare or send
 *   PREPARING    the worker fills nonce, gas, fee  SUBMIT (the form's call)
 *   SIMULATING   the node runs it (wallet/         PREPARED
 *                simulate.h)
 *   CONFIRMING   the dialog asks: sign and send?   SIMULATED (with or without
 *                                                  a simulation)
 *   UNLOCKING    the password is asked, then       YES with a locked account
 *                checked (off the input thread)
 *   SENDING      the worker signs and sends        YES; UNLOCKED right
 *   WAITING      the node has it: the receipt      SENT
 *   DONE         mined (Info, Error, revert) or    MINED; a failed SENT
 *                failed on the way
 *   CANCELLED    nothing was sent                  NO before SENDING
 *
 * One action at a time has the person's attention, the front one (EDITING
 * to UNLOCKING): OPEN and SUBMIT are refused while another is there.
 * Those that reached SENDING are this session's transactions, kept (the
 * last TUI_ACTIONS_KEPT) for the pages.
 *
 * The dialog's focus starts on the sign button, but on Cancel when the
 * simulation says the contract would refuse the transaction (an Error
 * event or a revert: wallet_sim_refusal), so that Enter answers No.
 *
 * An action's memory outlives the worker's job: the worker takes its own
 * copy of the call (tui_worker_prepare), so a cancel (which also tells
 * the worker to forget its job) never waits for the node, and an answer
 * that comes for a cancelled action finds no action and changes nothing.
 *
 * A failed prepare brings the form back as typed, with the reason; so
 * does a failed send (as a new action: the failed one stays in the list),
 * unless the person is busy with another form or action, or the
 * transaction may have reached the node (signed, and the node's answer
 * lost): then a second one could be mined beside it. */
#ifndef TUI_ACTION_H
#define TUI_ACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "rpcclient/powerchain.h"
#include "tui/formspec.h"
#include "wallet/engine.h"
#include "wallet/simulate.h"

typedef enum tui_action_state {
    TUI_ACTION_EDITING,
    TUI_ACTION_PREPARING,
    TUI_ACTION_SIMULATING,
    TUI_ACTION_CONFIRMING,
    TUI_ACTION_UNLOCKING,
    TUI_ACTION_SENDING,
    TUI_ACTION_WAITING,
    TUI_ACTION_DONE,
    TUI_ACTION_CANCELLED,
} tui_action_state;

/* A form's call, encoded (tui_form_encode). */
typedef struct tui_call {
    const pc_method *method;
    char description[160];                    /* "transferENT 0x... (dave) 1.5 ENT" */
    char args[PC_MAX_ARGS][200];              /* "LABEL  value as people read it" */
    char encoded[PC_MAX_ARGS][TUI_FIELD_MAX]; /* as encoded: names resolved to addresses */
    size_t nargs;
    bytebuf calldata;                         /* owned */
} tui_call;

typedef struct tui_action {
    tui_action_state state;
    unsigned id;                 /* the worker's jobs for it carry this id */
    bool checking;               /* UNLOCKING: the password typed is being checked */
    bool sign_focused;           /* CONFIRMING: Enter signs (else it cancels) */
    /* The form as the person filled it, to bring it back. */
    tui_form_spec spec;
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX];
    /* From PREPARING on. */
    tui_call call;
    wallet_tx t;                 /* data: call.calldata */
    /* From SIMULATING on: nonce, gas and fee as the dialog shows them. */
    eth_tx tx;
    /* From CONFIRMING on: the node's simulation (owned), or why there is
     * none; refused: it says the contract would refuse the transaction. */
    bool has_sim;
    wallet_sim sim;
    char no_sim[PC_ERROR_MSG_MAX];
    bool refused;
    /* From SENDING on. */
    bool has_hash;
    uint8_t hash[32];
    bool failed;                 /* DONE: an Error event, a revert, or never mined */
    uint64_t block;              /* DONE and mined: its block */
    char outcome[256];           /* DONE: the decoded Info/Error texts, or why it failed */
} tui_action;

#define TUI_ACTIONS_KEPT 64
#define TUI_ACTIONS_MAX (TUI_ACTIONS_KEPT + 8)

/* Start it zeroed. */
typedef struct tui_actions {
    tui_action at[TUI_ACTIONS_MAX]; /* oldest first */
    size_t n;
    unsigned last_id;
} tui_actions;

typedef enum tui_act_event_kind {
    TUI_ACT_OPEN,      /* a page opened a form naming a method: spec */
    TUI_ACT_SUBMIT,    /* that form passed its checks: call (taken), text, base */
    TUI_ACT_PREPARED,  /* the worker's answer: status, tx or msg */
    TUI_ACT_SIMULATED, /* the worker's answer: status, sim (taken) or msg: why none */
    TUI_ACT_YES,       /* sign and send (y, the button); locked: a password is needed */
    TUI_ACT_NO,        /* n, Esc, the cancel button; Esc in the form or the password dialog */
    TUI_ACT_ENTER,     /* Enter in the dialog: the focused button */
    TUI_ACT_FOCUS,     /* Tab or an arrow in the dialog: the other button */
    TUI_ACT_PASSWORD,  /* the password was typed and its check started */
    TUI_ACT_UNLOCKED,  /* the check ended: status, msg */
    TUI_ACT_SENT,      /* the worker's answer: status, hash or msg; busy */
    TUI_ACT_MINED,     /* status and outcome, or msg: why it will never be */
} tui_act_event_kind;

typedef struct tui_act_event {
    tui_act_event_kind kind;
    unsigned id;                       /* PREPARED, SENT, MINED, UNLOCKED: the action */
    const tui_form_spec *spec;         /* OPEN */
    tui_call *call;                    /* SUBMIT: its calldata moves into the action */
    char (*text)[TUI_FIELD_MAX];       /* SUBMIT: TUI_FORM_FIELDS texts as typed */
    const wallet_tx *base;             /* SUBMIT: sender, contract, chain, wait, fee cap */
    bool locked;                       /* YES, ENTER */
    pc_status status;                  /* answers: PC_OK or the failure */
    const char *msg;                   /* answers that failed: why */
    const eth_tx *tx;                  /* PREPARED */
    wallet_sim *sim;                   /* SIMULATED with PC_OK: moved into the action
                                          (left zeroed) when it is taken */
    const uint8_t *hash;               /* SENT: 32 bytes, all zero when never signed */
    bool busy;                         /* SENT: another form is open */
    const pc_outcome *outcome;         /* MINED with PC_OK */
} tui_act_event;

typedef enum tui_effect_kind {
    TUI_DO_PREPARE,      /* have the worker prepare, check and simulate the action's t
                            (answers PREPARED, then SIMULATED) */
    TUI_DO_CANCEL,       /* have the worker forget the action's job: nothing is sent */
    TUI_DO_ASK_PASSWORD, /* open the password dialog; text: why it is asked again, or "" */
    TUI_DO_SEND,         /* a copy of the key, and the worker signs and sends the action's
                            tx (answer SENT; without a key, a failed SENT at once) */
    TUI_DO_EDIT,         /* open the action's form with its texts; text: why it is back */
    TUI_DO_CLOSE_FORM,   /* the action's form was taken: close it */
    TUI_DO_MESSAGE,      /* show text on the message line (error: as a problem) */
} tui_effect_kind;

typedef struct tui_effect {
    tui_effect_kind kind;
    unsigned id;         /* the action (tui_actions_find) */
    bool error;
    char text[PC_ERROR_MSG_MAX];
} tui_effect;

#define TUI_EFFECTS_MAX 4
typedef struct tui_effects {
    tui_effect at[TUI_EFFECTS_MAX];
    size_t n;
} tui_effects;

/* Applies one event; *out (cleared first) receives what the shell must do,
 * in order. Returns false when the event was refused or concerned no
 * action (an answer for an id it does not know, a key with nothing in
 * front): nothing changed then, but for an explaining message among the
 * effects (OPEN or SUBMIT while another action is in front). */
bool tui_actions_step(tui_actions *m, const tui_act_event *ev, tui_effects *out);

/* The action with the person's attention (EDITING to UNLOCKING), or NULL. */
const tui_action *tui_actions_front(const tui_actions *m);
/* The action with this id, or NULL (forgotten, or never). */
const tui_action *tui_actions_find(const tui_actions *m, unsigned id);
/* This session's transactions (the actions that reached SENDING), oldest
 * first. */
size_t tui_actions_sent_count(const tui_actions *m);
const tui_action *tui_actions_sent_at(const tui_actions *m, size_t i);
/* How many are SENDING or WAITING. */
size_t tui_actions_pending(const tui_actions *m);
/* Frees every action's memory. */
void tui_actions_free(tui_actions *m);

/* How a sent action reads in the session's list. */
typedef enum tui_tx_state { TUI_TX_SIGNING, TUI_TX_PENDING, TUI_TX_MINED, TUI_TX_FAILED } tui_tx_state;
tui_tx_state tui_action_tx_state(const tui_action *a);

/* The outcome of a mined transaction in words: its Info/Error texts, the
 * revert, or that it left none. */
void tui_outcome_text(const pc_outcome *o, char *out, size_t cap);

#endif
