/* What a page of the panel is to the shell: its title and keys for the
 * frame (tui/chrome.h), its view state, and the hooks the loop calls.
 * Pages read the app through tui/app.h. */
#ifndef TUI_PAGE_H
#define TUI_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

typedef struct tui_app tui_app;

/* A page: its view state (cursor, scroll, filter) is a struct of
 * state_size bytes the shell allocates zeroed at start and passes back to
 * every call; pages keep no statics. */
typedef struct tui_page {
    const char *title;
    const char *hints;   /* the page's own keys, for the hint line */
    /* The keys it offers now, when they depend on the account's roles or
     * what the deployment lets it do ("": none); NULL: `hints` always. */
    const char *(*hints_now)(const tui_app *app);
    size_t state_size;   /* 0: the page keeps no view state (state is NULL) */
    bool shows_series;   /* draws the charts' series (wallet_past.series): the worker
                            replays them only while such a page is shown */
    bool shows_nodes;    /* draws every node's health (tui_app_nodes): the worker
                            probes them only while such a page is shown */
    unsigned waits;      /* the wallet/waiting.h kinds (bits 1u << kind) whose items
                            the sidebar counts beside the title: those acted on here */
    bool lists_waiting;  /* lists what waits (tui_app_waiting): leaving the page
                            marks it looked at (tui/waits.h) */
    bool offline;        /* draws without a snapshot (the keystore, the index, the
                            configuration): shown before any node answered */
    /* win: the page's area. Drawing reads the app (snapshot, past, wallet)
     * and changes nothing but the page's own view state. */
    void (*draw)(const tui_app *app, void *state, WINDOW *win);
    /* True when the key was used. NULL: the page takes no keys. */
    bool (*key)(tui_app *app, void *state, int ch);
    /* A mouse click at (y, x) inside the page's area; true when used. NULL:
     * clicks do nothing there. */
    bool (*click)(tui_app *app, void *state, int y, int x);
    /* The address, hash or amount under the cursor, for the clipboard:
     * its text and, for the message line, what it is ("the sender's
     * address"); false when the cursor is on none. NULL: the page has
     * none, and the account's address is copied. */
    bool (*copy)(const tui_app *app, void *state, char *text, size_t cap, char *what,
                 size_t what_cap);
} tui_page;

#endif
