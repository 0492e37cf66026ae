/* The confirmation dialog: what the prepared transaction will do (the
 * sentence of intent, with the node's simulated figures, or marked as an
 * estimate where there are none), what the contract would emit and which
 * figures it would change (wallet/simulate.h), what could not be
 * simulated, what it can cost and what looks like a mistake
 * (wallet/effect.h), its arguments, account, contract, chain, nonce, gas
 * and fee, before anything is signed; two buttons, the focused one taken
 * by Enter (tui_action.sign_focused). The title names the method; when
 * the simulation says the contract would refuse it (an Error or a
 * revert), the title warns, a warning quotes the contract, and the focus
 * is on Cancel.
 * Values wrap at spaces, never cut; the dialog is as high as they need, up
 * to the screen, and scrolls beyond it by whole lines (the buttons' line
 * says how many are out of sight). Drawn on stdscr. Input thread only. */
#ifndef TUI_CONFIRM_H
#define TUI_CONFIRM_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/action.h"
#include "wallet/effect.h"
#include "wallet/names.h"
#include "wallet/past.h"
#include "wallet/state.h"

/* What the dialog reads besides the action; any pointer may be NULL. */
typedef struct tui_confirm_view {
    const wallet_state *snap;    /* the latest snapshot */
    const wallet_past *past;     /* the history index */
    const names *book;           /* names shown beside addresses */
    const char *account_name;    /* the account's keystore name, or "" */
} tui_confirm_view;

/* One line: a label and its value, in the values' column; a label " "
 * continues the group above; "" puts the value across the dialog's width
 * (the fee, the balance, the arguments, the figures that change). */
typedef struct tui_confirm_line {
    const char *label;
    char value[EFFECT_LINE_MAX];
    bool emphasis;               /* what the call does, what the contract says */
    bool warning;                /* looks like a mistake: read before signing */
} tui_confirm_line;

#define TUI_CONFIRM_LINES (PC_MAX_ARGS + 3 + EFFECT_LINES_MAX)

/* The dialog's lines for a CONFIRMING action, in the order shown. */
size_t tui_confirm_lines(const tui_action *a, const tui_confirm_view *v,
                         tui_confirm_line out[TUI_CONFIRM_LINES]);

/* *scroll: the first line of values shown, kept between 0 and the last
 * from which the rest fits; lines are shown whole. */
void tui_confirm_draw(const tui_action *a, const tui_confirm_view *v, int *scroll);

/* What a click at screen position (y, x) hit. */
typedef enum tui_confirm_hit {
    TUI_CONFIRM_NONE,
    TUI_CONFIRM_SIGN,   /* the sign button */
    TUI_CONFIRM_CANCEL, /* the cancel button */
} tui_confirm_hit;
tui_confirm_hit tui_confirm_click(const tui_action *a, const tui_confirm_view *v, int y, int x);

#endif
