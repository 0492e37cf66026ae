/* The panel's pages, in the order of the sidebar and the number keys:
 * 1 Tokens, 2 Energy, 3 Network info, 4 Market, 5 Voting, 6 Banker,
 * 7 Accounts, 8 Meter, 9 Activity, 0 Charts. Pages draw from the snapshot and open
 * forms through tui/app.h; they hold no JSON, RPC or key material. */
#ifndef SCREENS_H
#define SCREENS_H

#include <stddef.h>

#include "tui/app.h"

const tui_page *screens_all(size_t *count);

#endif
