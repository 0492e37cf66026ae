/* Runs the panel: the terminal, the worker thread and the loop that hands
 * keys, clicks and the worker's answers to the shell's parts (tui/flow.h,
 * tui/intake.h) and draws the frame (tui/chrome.h), the page and the
 * dialogs. At least 80x24; a smaller terminal shows only what size is
 * needed. Keys go to the page first (PgUp/PgDn too); those it leaves
 * pick pages (1-9 and 0, Tab/Shift-Tab, ] [, Right/Left), open help (F1,
 * ?), read again (r, Ctrl-L), copy what is under the cursor to the
 * terminal's clipboard (TUI_COPY_KEY: tui_page.copy, by OSC 52) or quit
 * (F10, q). The mouse: a click on the
 * sidebar picks a page, one in the page goes to its click hook, the wheel
 * comes to the page as Up/Down keys. */
#ifndef TUI_RUN_H
#define TUI_RUN_H

#include "eth/error.h"
#include "tui/config.h"

/* The key that copies (Y: y is Voting's "join"). */
#define TUI_COPY_KEY 'Y'

/* Runs the panel until the person quits or picks another network (then
 * cfg->switch_to names it: the caller runs the panel again with that
 * network's configuration). The caller has called setlocale, secret_init
 * and rpc_global_init. Returns PC_OK, or why it could not start (the
 * wallet's or the worker's errors). */
pc_status tui_run(const tui_config *cfg, pc_error *err);

#endif
