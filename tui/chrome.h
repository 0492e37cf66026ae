/* The panel's frame around the pages, drawn on stdscr from the values the
 * shell gives (tui_chrome): the header (node, chain, block, connection;
 * account and roles), the sidebar of pages, the message line, the hint
 * line, the help dialog, the waiting dialog, and the notice shown instead
 * of all that when the terminal is smaller than TUI_MIN_W x TUI_MIN_H.
 * Also says which page a click on the sidebar picks. Input thread only. */
#ifndef TUI_CHROME_H
#define TUI_CHROME_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/counters.h"
#include "tui/page.h"
#include "tui/wallet.h"
#include "wallet/names.h"
#include "wallet/state.h"
#include "wallet/waiting.h"

#define TUI_MIN_W 80
#define TUI_MIN_H 24
#define TUI_HEADER_H 3
#define TUI_SIDEBAR_W 16

/* What the frame shows. */
typedef struct tui_chrome {
    const wallet_state *snap;       /* the latest snapshot, or NULL */
    bool connected;
    uint64_t chain_id;              /* 0 before the node said */
    const char *node;               /* the node in use, as shown */
    const tui_wallet *wallet;       /* the account, its name and unlocked time */
    const names *book;              /* the account's name when the wallet has none
                                       (a key file): a contact's; may be NULL */
    unsigned roles;                 /* WALLET_ROLE_* of the snapshot's account */
    bool has_past;                  /* the history index was read (unit owners) */
    bool past_offline;              /* ... before any node answered: as of ... */
    uint64_t past_head;             /* ... this block ... */
    uint64_t past_as_of;            /* ... as the index was written then (epoch s) */
    const char *chain_problem;      /* the node serves another chain than the index's,
                                       in a line for the header; or "" */
    const char *past_problem;       /* why it could not be, or "" */
    size_t pending;                 /* this session's transactions still under way */
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
    const size_t *waiting;          /* items waiting per wallet/waiting.h kind, counted
                                       beside the pages (tui_page.waits); NULL: none known */
    const char *hints;              /* the current page's keys now (tui_page.hints_now);
                                       NULL: its hints */
} tui_chrome;

/* True when the terminal has room for the panel. */
bool tui_chrome_fits(void);
/* The only thing drawn when it has not: what size is needed, what it is,
 * and how to quit, wrapped to whatever room there is. */
void tui_chrome_too_small(void);

/* The page that key picks: '1'..'9' the first nine, '0' the tenth; -1 for
 * another key. */
int tui_chrome_page_key(int ch);
/* The key that picks page i, as the sidebar shows it ('1'..'9', '0', ' '). */
char tui_chrome_page_char(size_t i);

/* "offline, as of block #N (2026-12-06 11:42)": what the header says of
 * the index's past before any node answered (as_of: epoch seconds, shown
 * in local time). */
void tui_chrome_offline_text(uint64_t head, uint64_t as_of, char *out, size_t cap);

/* The header's two lines, each laid out by the table writer
 * (tui/table.h): the connection's state on the right of the first is never
 * cut or covered; the title, the node and then the rest shorten or go
 * first. */
void tui_chrome_header(const tui_chrome *c);
void tui_chrome_sidebar(const tui_chrome *c);
/* The message lines and the hint line: the pending count and the message,
 * wrapped over as many lines as it needs (up to a third of the screen
 * below the header); then the shell's keys, the page's hints as many whole
 * ones as fit, and "F1 more" when some do not. */
void tui_chrome_bottom(const tui_chrome *c);
/* The rows tui_chrome_bottom takes now (2 or more). */
int tui_chrome_bottom_rows(const tui_chrome *c);
/* The page's area between the header, the sidebar and the bottom rows. */
void tui_chrome_page_area(const tui_chrome *c, int *y, int *x, int *h, int *w);
/* Every key: the shell's and the current page's, wrapped to the dialog. */
void tui_chrome_help(const tui_chrome *c);
/* A small box with a spinner while the panel waits (the node's answer, the
 * password's check). */
void tui_chrome_waiting(const char *title, const char *what, unsigned long now_ms);
/* The page whose sidebar entry is at (y, x), or -1. */
int tui_chrome_sidebar_hit(const tui_chrome *c, int y, int x);

#endif
