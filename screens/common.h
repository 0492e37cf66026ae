/* Small helpers the pages share. */
#ifndef SCREENS_COMMON_H
#define SCREENS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "eth/address.h"
#include "tui/app.h"

extern const tui_page screen_tokens, screen_energy, screen_network, screen_market,
    screen_voting, screen_banker, screen_accounts, screen_meter, screen_activity, screen_charts;

/* "0x90F7...b906": an address in 13 columns, for lists. */
void screen_short_address(const eth_address *a, char out[16]);
/* Moves a list cursor for Up/Down/Home/End; true when ch was one of those. */
bool screen_cursor_key(int ch, size_t *cursor, size_t count);
/* Keeps a cursor inside a list that may have shrunk. */
size_t screen_cursor_clamp(size_t cursor, size_t count);
/* A section heading at row y. */
void screen_heading(WINDOW *win, int y, const char *title);
/* "2026-11-30 18:05" (UTC) from unix seconds. */
void screen_time(uint64_t unix_s, char out[24]);
/* When the history index has not been read yet, the one line that says
 * why (catching up, with its progress, or the index's problem) at row y,
 * and true. With a past that is not up to date, a line saying so, y moved
 * past it, and false. */
bool screen_past_missing(WINDOW *win, int *y, const tui_app *app);
/* The one line shown when a section could not be read, with the reason. */
bool screen_missing(WINDOW *win, int y, const wallet_state *s, unsigned section,
                    const char *what);

#endif
