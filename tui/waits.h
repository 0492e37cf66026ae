/* What waits for the account (wallet/waiting.h), as the shell keeps it:
 * worked out again whenever a snapshot or a past comes, counted beside
 * the pages that act on it (tui_page.waits), told once when new by the
 * config's `notify` (tui/term.h: bell, OSC 9 or OSC 777, written after the
 * next refresh), and marked as looked at in the index when the person
 * leaves the page that lists it (tui_page.lists_waiting): fills up to the
 * block that page showed stop counting. Input thread only. */
#ifndef TUI_WAITS_H
#define TUI_WAITS_H

#include "tui/app.h"
#include "tui/worker.h"

/* Works the items out again from the app's snapshot and past; a new one
 * for the same account as before is told. Before the snapshot, the past
 * and the account's mark have come, there are none. */
void tui_waits_update(tui_app *app);
/* Takes the mark a TUI_EV_PAST carries (before tui_waits_update). A mark
 * older than the one this panel set meanwhile is not taken. */
void tui_waits_take_seen(tui_app *app, const tui_ev *ev);
/* After each key and event: notes the past's head while the listing page
 * is shown, and marks it looked at once that page is left (or `ending`). */
void tui_waits_looking(tui_app *app, bool ending);

#endif
