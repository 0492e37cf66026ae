/* Forms and the panel's transactions, as the shell carries them out: the
 * forms pages ask for (tui_app_open_form), their keys and checks, and the
 * action machine (tui/action.h) fed with the keys of its dialogs, the
 * worker's answers and the password's check, whose effects this module
 * does: jobs for the worker, the password dialog, the key for a
 * signature, forms brought back as typed, messages. Draws the open form
 * or the action's dialog. Input thread only. */
#ifndef TUI_FLOW_H
#define TUI_FLOW_H

#include <stdbool.h>

#include "tui/app.h"
#include "tui/worker.h"

/* Opens (and submits, when asked) the form a page asked for meanwhile. */
void tui_flow_asked(tui_app *app);
/* True while a form or one of the action's dialogs has the keyboard. */
bool tui_flow_has_keys(const tui_app *app);
/* A key for the form or the dialog (tui_flow_has_keys). */
void tui_flow_key(tui_app *app, int ch);
/* A mouse event at (y, x): false when neither a form nor a dialog is
 * shown (then it is the page's); a press on a dialog's button presses it. */
bool tui_flow_mouse(tui_app *app, int y, int x, bool press);
/* The worker's answers about transactions (PREPARED, SIMULATED, SENT,
 * MINED); a simulation the action takes is moved out of ev (the caller
 * still clears ev). */
void tui_flow_answer(tui_app *app, tui_ev *ev);
/* Takes the password's check once it ended. Never blocks. */
void tui_flow_poll(tui_app *app);
/* Draws the open form, or the action's dialog (preparing, unlocking, the
 * confirmation), over the page. */
void tui_flow_draw(tui_app *app);
/* Frees the open form and waits for a password's check (the panel ends). */
void tui_flow_end(tui_app *app);

#endif
