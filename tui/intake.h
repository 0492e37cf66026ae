/* The worker's news of the chain, taken into the shell's state: the
 * connection and the node in use, snapshots, the history index's progress
 * and its past (with what waits for the account: tui/waits.h), every
 * node's health, transactions sent again after a failover, and the answers
 * of reads (to the message line). Answers about the panel's own
 * transactions go to tui/flow.h instead. Input thread only. */
#ifndef TUI_INTAKE_H
#define TUI_INTAKE_H

#include <stdbool.h>

#include "tui/app.h"
#include "tui/worker.h"

/* True for the events tui_intake takes. */
bool tui_intake_takes(const tui_ev *ev);
/* Takes what ev carries (its snapshot, past and node move into the app;
 * the caller still clears ev) and says what happened on the message line
 * where the person should know (connected, disconnected, failed over). */
void tui_intake(tui_app *app, tui_ev *ev);

#endif
