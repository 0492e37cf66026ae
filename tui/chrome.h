/* The panel's frame around the pages, drawn on stdscr: the header (node,
 * chain, block, connection; account and roles), the sidebar of pages, the
 * message line, the hint line, the help dialog, the waiting and
 * confirmation dialogs, and the notice shown instead of all that when the
 * terminal is smaller than TUI_MIN_W x TUI_MIN_H. Also says what a mouse
 * click at a screen position means to the frame. Input thread only. */
#ifndef TUI_CHROME_H
#define TUI_CHROME_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/action.h"
#include "tui/app.h"
#include "tui/counters.h"

#define TUI_MIN_W 80
#define TUI_MIN_H 24
#define TUI_HEADER_H 3
#define TUI_SIDEBAR_W 16

/* What the frame shows beyond the tui_app_* accessors. */
typedef struct tui_chrome {
    const tui_page *pages;
    size_t npages;
    size_t page;                    /* the current one */
    const char *message;
    bool message_error;
    bool ever_connected;
    unsigned long now_ms;           /* tui_app_clock_ms now */
    unsigned long snapshot_ms;      /* when the last snapshot came */
    unsigned long requests;         /* the worker's HTTP requests so far */
    unsigned long requests_refresh; /* HTTP requests the last snapshot took */
    unsigned long first_page_ms;    /* when the first snapshot was shown */
    const tui_counters *counters;   /* draw and refresh times, for bench/ */
    size_t past_txs;                /* transactions in the past the pages show */
    size_t pending;                 /* this session's transactions still under way */
} tui_chrome;

/* True when the terminal has room for the panel. */
bool tui_chrome_fits(void);
/* The only thing drawn when it has not: what size is needed, what it is,
 * and how to quit, wrapped to whatever room there is. */
void tui_chrome_too_small(void);

/* The page that key picks: '1'..'9' the first nine, '0' the tenth; -1 for
 * another key. */
int tui_chrome_page_key(int ch);

/* The header's two lines, each laid out by the table writer
 * (tui/table.h): the connection's state on the right of the first is never
 * cut or covered; the title, the node and then the rest shorten or go
 * first. */
void tui_chrome_header(tui_app *app, const tui_chrome *c);
void tui_chrome_sidebar(const tui_chrome *c);
/* The message lines and the hint line: the pending count and the message,
 * wrapped over as many lines as it needs (up to a third of the screen
 * below the header); then the shell's keys, the page's hints as many whole
 * ones as fit, and "F1 more" when some do not. */
void tui_chrome_bottom(const tui_app *app, const tui_chrome *c);
/* The rows tui_chrome_bottom takes now (2 or more). */
int tui_chrome_bottom_rows(const tui_chrome *c);
/* The page's area between the header, the sidebar and the bottom rows. */
void tui_chrome_page_area(const tui_chrome *c, int *y, int *x, int *h, int *w);
/* Every key: the shell's and the current page's, wrapped to the dialog. */
void tui_chrome_help(const tui_chrome *c);
/* A small box with a spinner while the panel waits (the node's answer, the
 * password's check). */
void tui_chrome_waiting(const char *title, const char *what, unsigned long now_ms);
/* The confirmation dialog around the action's lines (tui_action_lines):
 * values wrapped at spaces, the dialog as high as they need, and two
 * buttons. */
void tui_chrome_confirm(const tui_action_line *lines, size_t n);

/* What a click at screen position (y, x) hit. */
typedef enum tui_hit {
    TUI_HIT_NONE,
    TUI_HIT_SIGN,   /* the confirmation's sign button */
    TUI_HIT_CANCEL, /* its cancel button */
} tui_hit;
tui_hit tui_chrome_confirm_hit(const tui_action_line *lines, size_t n, int y, int x);
/* The page whose sidebar entry is at (y, x), or -1. */
int tui_chrome_sidebar_hit(const tui_chrome *c, int y, int x);

#endif
