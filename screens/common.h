/* Small helpers the pages share. */
#ifndef SCREENS_COMMON_H
#define SCREENS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "eth/address.h"
#include "tui/app.h"
#include "tui/table.h"
#include "tui/ui.h"

extern const tui_page screen_tokens, screen_energy, screen_network, screen_market,
    screen_voting, screen_banker, screen_accounts, screen_meter, screen_activity, screen_charts;

/* The columns of an address in lists, eth_address_short's "0x90F7..b906". */
#define SCREEN_SHORT_ADDRESS_W 12

/* The columns pc_format_unit_number(v, u) takes, without writing it: for
 * measuring long lists of ENT, eEuro and prices (18 decimals). */
int screen_number_width(const u256 *v, pc_unit u);
/* Moves a list cursor: Up/Down and k/j one row, PgUp/PgDn `page` rows (the
 * list's visible height), Home/g and End/G to the first and last; true when
 * ch was one of those. */
bool screen_cursor_key(int ch, size_t *cursor, size_t count, size_t page);
/* The hint for the keys every list takes (screen_list_key), after a page's own. */
#define SCREEN_LIST_HINTS "Up/Down/j/k PgUp/PgDn g/G/Home/End move  / filter  Esc clears it"

/* Longest filter text typed on a list. */
#define SCREEN_FILTER_MAX 48
/* Rows of a page whose list positions a click can find. */
#define SCREEN_ROWS_MAX 160

/* A list's view state, kept in its page's state: the cursor, the first row
 * shown, the height of the last draw (the PgUp/PgDn step), which list entry
 * each drawn row shows (for clicks), and the `/` filter. Positions count the
 * rows that pass the filter. */
typedef struct screen_list {
    size_t cursor, first, page;
    size_t at_row[SCREEN_ROWS_MAX]; /* entry + 1 drawn on that window row; 0: none */
    char filter[SCREEN_FILTER_MAX];
    bool typing;                    /* the filter's input line takes the keys */
} screen_list;

/* The list's keys: the filter's input line while it is open (text,
 * Backspace, Enter keeps it, Esc clears it), `/` to open it, Esc to clear a
 * kept filter, and screen_cursor_key. True when ch was used. */
bool screen_list_key(screen_list *l, int ch, size_t count);
/* Starts a draw of `count` entries in `rows` rows: keeps the cursor inside
 * and on screen and forgets the rows of the last draw. Returns the first
 * entry to draw. */
size_t screen_list_begin(screen_list *l, size_t count, size_t rows);
/* The same for entries of different heights: entry i takes height(ctx, i)
 * rows (at least 1). Keeps the cursor on screen and no rows empty below
 * while entries are above; *fit receives how many entries fit from the
 * first (at least 1 when count > 0), which PgUp/PgDn then move by. */
size_t screen_list_begin_rows(screen_list *l, size_t count, int rows,
                              int (*height)(void *ctx, size_t i), void *ctx, size_t *fit);
/* The line under a list at row y: the filter's line while it is typed or
 * kept, else "<what> 3 of 120" when there are entries, then `note` (may be
 * NULL) and "hidden: owner, depth" when the table hides columns (hidden:
 * their names, or ""). */
void screen_list_footer(WINDOW *win, int y, const screen_list *l, const char *what, size_t shown,
                        size_t total, const char *note, const char *hidden);
/* Records that window row y shows entry i (for screen_list_click). */
void screen_list_mark(screen_list *l, int y, size_t i);
/* A click on window row y: moves the cursor to the entry drawn there.
 * Returns 0 when no entry is there, 1 when the cursor moved, 2 when the
 * entry was already under the cursor (a second click: act as Enter). */
int screen_list_click(screen_list *l, int y);
/* True when the filter is empty or `text` contains it, case-insensitively. */
bool screen_list_match(const screen_list *l, const char *text);
/* The filter's line at row y while it is typed or kept: "filter: xyz (12 of
 * 300)"; true when it took the row. */
bool screen_list_filter_line(WINDOW *win, int y, const screen_list *l, size_t shown,
                             size_t total);
/* "0x90F7..b906 alice", or the short address alone without a name or with
 * a name wider than name_max, for lists. */
void screen_named_address(const tui_app *app, const eth_address *a, int name_max, char *out,
                          size_t cap);

/* The columns a name takes after an address (a space and the name), or 0
 * for an address without one, for measuring lists of many rows: the last
 * addresses looked up are kept in `cache` (zeroed before the first call),
 * as the same senders come back row after row. */
typedef struct screen_name_cache {
    struct {
        eth_address a;
        int width;
        bool used;
    } slot[256];
} screen_name_cache;
int screen_name_width(const tui_app *app, screen_name_cache *cache, const eth_address *a);

/* The whole address, with its name after it when the name fits whole on
 * a line `width` columns wide (a wrapped value shows it on the next);
 * else the address alone. */
void screen_address_fitted(const tui_app *app, const eth_address *a, int width, char *out,
                           size_t cap);

/* `text` with every "0x" + 40 hex digits in it followed by its name from
 * the address book, unless the name is wider than name_max (a line's
 * width: a name never breaks); whole, or short as screen_named_address
 * writes it (for narrow pages). */
void screen_text_addresses(const tui_app *app, const char *text, bool whole, int name_max,
                           char *out, size_t cap);
/* "energyProduced(0x90F7..b906 alice, 10 kWh)": a recorded call with its
 * decoded arguments in their units, "constructor", or "(unknown call)".
 * whole: addresses in full, for a detail view; names no wider than
 * name_max (the line they are drawn on: a name never breaks). */
void screen_call_text(const tui_app *app, const history_tx *t, bool whole, int name_max,
                      char *out, size_t cap);
/* The owner of storage unit `unit` from the history index; false when the
 * index is not read or does not list it. */
bool screen_unit_owner(const tui_app *app, const eth_address *unit, eth_address *owner);
/* A storage unit's readings and sessions from the history index, newest
 * first: the successful energyProduced, energyConsumed and
 * reportActualEnergy it sent, and startConsumptionSession calls on it. Fills
 * at most `max` of them into out (NULL: counts only); returns how many
 * there are. */
size_t screen_unit_events(const wallet_past *p, const eth_address *unit, const history_tx **out,
                          size_t max);

/* A unit's reading or session (screen_unit_events) as a row of `width`
 * columns: when it was (the day too when there is room, else the time
 * alone) and the call, wrapped at its arguments in the room left; a call
 * someone other than the unit sent (a consumer's session, a voter's
 * registration) names its sender first. Fills the layout once per draw;
 * screen_event_row draws one event of `unit` from (y, x) above `bottom`
 * (win NULL: only counts) and returns its rows. */
void screen_event_layout(int width, table_layout *l);
int screen_event_row(const tui_app *app, WINDOW *win, int y, int x, int bottom,
                     const table_layout *l, const eth_address *unit, const history_tx *t);


/* A page drawn top to bottom in blocks, on a window that may be too short
 * for all of them: each block asks for its rows first, and the first that
 * does not fit (with a row left for the note) is left out, with every
 * block after it, and a line says what a taller terminal shows. */
typedef struct screen_flow {
    WINDOW *win;
    int y, bottom;
    bool full;                  /* a block was left out */
} screen_flow;
/* From row y to the window's bottom. */
screen_flow screen_flow_start(WINDOW *win, int y);
/* True when `rows` more rows fit below f->y, with a row left under them
 * unless the block is the last (then draw them there and add them to
 * f->y); else false, and the first time a dim line at f->y says "more
 * below: a taller terminal shows <what>" (keep `what` short: one line). */
bool screen_flow_fits(screen_flow *f, int rows, bool last, const char *what);

/* A section heading at row y. */
void screen_heading(WINDOW *win, int y, const char *title);
/* "2026-11-30 18:05" (UTC) from unix seconds. */
void screen_time(uint64_t unix_s, char out[24]);
/* When the history index has not been read yet, the one line that says
 * why (catching up, with its progress, or the index's problem) at row y,
 * and true. With a past that is not up to date, a line saying so, y moved
 * past it, and false. */
bool screen_past_missing(WINDOW *win, int *y, const tui_app *app);
/* The rows screen_past_missing takes on a page `width` wide (0 when the
 * history is read and up to date). */
int screen_past_missing_rows(const tui_app *app, int width);
/* The one line shown when a section could not be read, with the reason. */
bool screen_missing(WINDOW *win, int y, const wallet_state *s, unsigned section,
                    const char *what);

#endif
