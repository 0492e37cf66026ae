#include "tui/run.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/app.h"
#include "tui/chrome.h"
#include "tui/flow.h"
#include "tui/intake.h"
#include "tui/shell.h"
#include "tui/term.h"
#include "tui/table_draw.h"
#include "tui/ui.h"
#include "tui/waits.h"

#define WHEEL_LINES 3

/* ---- drawing ---- */

static tui_chrome chrome_of(const tui_app *app)
{
    return (tui_chrome){
        .snap = app->snap, .connected = app->connected, .chain_id = app->chain_id,
        .node = tui_app_node(app), .wallet = app->wallet, .book = app->cfg->names,
        .roles = app->roles,
        .has_past = app->past != NULL, .past_problem = app->past_problem,
        .past_offline = app->past_offline, .past_head = app->past ? app->past->head : 0,
        .past_as_of = app->past_as_of, .chain_problem = app->chain_problem,
        .pending = tui_actions_pending(&app->acts),
        .pages = app->cfg->pages, .npages = app->cfg->npages, .page = app->page,
        .message = app->message, .message_error = app->message_error,
        .ever_connected = app->ever_connected, .now_ms = tui_app_clock_ms(app),
        .snapshot_ms = app->snapshot_ms, .requests = app->requests,
        .requests_refresh = app->requests_refresh, .first_page_ms = app->first_page_ms,
        .counters = &app->counters, .past_txs = app->past ? app->past->ntxs : 0,
        .waiting = app->waits_known ? app->waits.counts : NULL,
        .hints = app->cfg->pages[app->page].hints_now
                     ? app->cfg->pages[app->page].hints_now(app)
                     : NULL,
    };
}

static void layout(tui_app *app);

static void draw(tui_app *app)
{
    erase();
    curs_set(0);
    if (!tui_chrome_fits()) {
        tui_chrome_too_small();
        refresh();
        return;
    }
    tui_chrome c = chrome_of(app);
    int y, x, h, w;
    tui_chrome_page_area(&c, &y, &x, &h, &w);
    if (!app->page_win || getmaxy(app->page_win) != h)
        layout(app); /* a long message takes rows from the page */
    tui_chrome_header(&c);
    tui_chrome_sidebar(&c);
    if (app->page_win) {
        werase(app->page_win);
        const tui_page *p = &app->cfg->pages[app->page];
        if (!app->snap && !app->ever_connected && !p->offline && app->past_offline)
            tui_text(app->page_win, 1, 1, 0, 1, 0, TUI_WARN, NULL,
                     "offline: this page reads the node, which does not answer yet (retrying). "
                     "Accounts, Market, Voting, Banker, Activity, Charts and Network info show "
                     "what the keystore and the history index hold.");
        else if (!app->snap && !p->offline)
            tui_print(app->page_win, 1, 1, 0, TUI_DIM, "%s reading the chain...",
                      tui_spinner(c.now_ms));
        else {
            unsigned long start = tui_counters_clock_us();
            app->cfg->pages[app->page].draw(app, app->page_state[app->page], app->page_win);
            tui_counters_drew(&app->counters, app->page, tui_counters_clock_us() - start);
        }
    }
    tui_chrome_bottom(&c);
    if (app->modal == TUI_MODAL_HELP)
        tui_chrome_help(&c);
    else
        tui_flow_draw(app);
    refresh();
    /* A notification or the clipboard: after ncurses' output, never in it. */
    tui_term_write(app->term_out);
    app->term_out[0] = '\0';
}

/* The page's window in the area the frame leaves it. */
static void layout(tui_app *app)
{
    if (app->page_win)
        delwin(app->page_win);
    app->page_win = NULL;
    tui_chrome c = chrome_of(app);
    int y, x, h, w;
    tui_chrome_page_area(&c, &y, &x, &h, &w);
    if (tui_chrome_fits())
        app->page_win = derwin(stdscr, h, w, y, x);
}

/* ---- keys and the mouse ---- */

/* The page's address, hash or amount under the cursor (else the
 * account's address) to the terminal's clipboard. */
static void copy(tui_app *app)
{
    const tui_page *p = &app->cfg->pages[app->page];
    char text[TUI_TERM_TEXT_MAX + 1], what[64], seq[TUI_TERM_SEQ_MAX];
    eth_address a;
    if (!p->copy ||
        !p->copy(app, app->page_state[app->page], text, sizeof text, what, sizeof what)) {
        if (!tui_wallet_address(app->wallet, &a)) {
            tui_app_message(app, true, "nothing to copy here");
            return;
        }
        eth_address_to_checksum(&a, text);
        snprintf(what, sizeof what, "your address");
    }
    if (!tui_clipboard_sequence(text, seq, sizeof seq)) {
        tui_app_message(app, true, "%s is too long to copy", what);
        return;
    }
    tui_app_term(app, seq);
    tui_app_message(app, false, "copied %s: %s", what, text);
}

static bool page_key(tui_app *app, int ch)
{
    const tui_page *p = &app->cfg->pages[app->page];
    return p->key && p->key(app, app->page_state[app->page], ch);
}

static void on_mouse_event(tui_app *app, MEVENT m)
{
    bool click = m.bstate & BUTTON1_PRESSED;
    if (app->modal == TUI_MODAL_HELP) {
        app->modal = click ? TUI_MODAL_NONE : app->modal;
        return;
    }
    if (tui_flow_mouse(app, m.y, m.x, click))
        return;
    if (m.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        for (int i = 0; i < WHEEL_LINES; i++)
            page_key(app, m.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN);
        return;
    }
    if (!click)
        return;
    tui_chrome c = chrome_of(app);
    int page = tui_chrome_sidebar_hit(&c, m.y, m.x);
    const tui_page *p = &app->cfg->pages[app->page];
    int y = m.y, x = m.x;
    if (page >= 0)
        app->page = (size_t)page;
    else if (p->click && app->page_win && wmouse_trafo(app->page_win, &y, &x, FALSE))
        p->click(app, app->page_state[app->page], y, x);
}

/* One KEY_MOUSE stands for every event read together, as a press and its
 * release: getmouse hands them out newest first, each once. */
static void on_mouse(tui_app *app)
{
    MEVENT got[8];
    size_t n = 0;
    while (n < sizeof got / sizeof got[0] && getmouse(&got[n]) == OK)
        n++;
    while (n > 0)
        on_mouse_event(app, got[--n]);
}

static void on_key(tui_app *app, int ch)
{
    bool quit_key = ch == 'q' || ch == 'Q' || ch == KEY_F(10);
    if (ch == KEY_RESIZE) {
        layout(app);
        return;
    }
    if (!tui_chrome_fits()) {
        app->quit = quit_key;
        return;
    }
    if (ch == KEY_MOUSE) {
        on_mouse(app);
        return;
    }
    if (app->modal == TUI_MODAL_HELP) {
        app->modal = TUI_MODAL_NONE;
        return;
    }
    if (tui_flow_has_keys(app)) {
        tui_flow_key(app, ch);
        return;
    }
    size_t n = app->cfg->npages;
    if (page_key(app, ch))
        return;
    int pick = tui_chrome_page_key(ch);
    if (pick >= 0 && (size_t)pick < n)
        app->page = (size_t)pick;
    else if (ch == KEY_RIGHT || ch == '\t' || ch == ']')
        app->page = (app->page + 1) % n;
    else if (ch == KEY_LEFT || ch == KEY_BTAB || ch == '[')
        app->page = (app->page + n - 1) % n;
    else if (ch == '?' || ch == KEY_F(1))
        app->modal = TUI_MODAL_HELP;
    else if (quit_key)
        app->quit = true;
    else if (ch == TUI_COPY_KEY)
        copy(app);
    else if (ch == 'r' || ch == 12) /* r or Ctrl-L: read again and redraw */
        tui_worker_refresh(app->worker), clearok(curscr, TRUE);
}

/* ---- running ---- */

static void free_page_states(tui_app *app)
{
    for (size_t i = 0; app->page_state && i < app->cfg->npages; i++)
        free(app->page_state[i]);
    free(app->page_state);
}

/* Everything but the terminal; the app is freed when it fails. */
static pc_status start(tui_app *app, const tui_config *cfg, pc_error *err)
{
    app->cfg = cfg;
    if (cfg->switch_to)
        cfg->switch_to->network[0] = '\0';
    app->page = cfg->first_page >= 0 && (size_t)cfg->first_page < cfg->npages
                    ? (size_t)cfg->first_page : 0;
    clock_gettime(CLOCK_MONOTONIC, &app->started);
    app->page_state = calloc(cfg->npages, sizeof *app->page_state);
    bool states_ok = app->page_state != NULL;
    for (size_t i = 0; states_ok && i < cfg->npages; i++)
        if (cfg->pages[i].state_size &&
            !(app->page_state[i] = calloc(1, cfg->pages[i].state_size)))
            states_ok = false;
    pc_status st = states_ok ? tui_wallet_open(&cfg->wallet, &app->wallet, err)
                             : pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = tui_worker_start(cfg->rpc_urls, cfg->nrpc_urls, cfg->timeout_s, cfg->cacert,
                              cfg->contract, &app->worker, err);
    if (st != PC_OK) {
        tui_wallet_close(app->wallet);
        free_page_states(app);
        free(app);
        return st;
    }
    tui_app_account_changed(app);
    /* Shown without credentials, paths or queries, as the worker names it later. */
    char shown[256];
    rpc_url_shown(cfg->rpc_urls[0], shown, sizeof shown);
    app->node = strdup(shown);
    tui_app_message(app, false, "connecting to %s", tui_app_node(app));
    return PC_OK;
}

static void terminal_on(void)
{
    initscr();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    /* Every press and release a terminal reports, though only presses act
     * (a press counts at once, so no click waits): an event outside the
     * mask, read alone, makes ncurses' wgetch read on, blocking, past our
     * timeout. A person's release comes apart from the press, and froze
     * the panel until the next key. */
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED |
                  BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON4_RELEASED |
                  BUTTON5_PRESSED | BUTTON5_RELEASED,
              NULL);
    mouseinterval(0);
    timeout(100); /* redraw spinners and take worker events ten times a second */
    tui_ui_init();
}

static void loop(tui_app *app)
{
    while (!app->quit) {
        bool series = app->cfg->pages[app->page].shows_series;
        if (series != app->series_wanted) {
            app->series_wanted = series;
            tui_worker_want_series(app->worker, series);
        }
        bool nodes = app->cfg->pages[app->page].shows_nodes;
        if (nodes != app->nodes_wanted) {
            app->nodes_wanted = nodes;
            tui_worker_want_nodes(app->worker, nodes);
        }
        tui_ev ev;
        while (tui_worker_poll(app->worker, &ev)) {
            if (tui_intake_takes(&ev))
                tui_intake(app, &ev);
            else
                tui_flow_answer(app, &ev);
            tui_ev_clear(&ev);
        }
        tui_flow_poll(app);
        draw(app);
        int ch = getch();
        if (ch != ERR)
            on_key(app, ch);
        tui_flow_asked(app); /* the forms the page's key asked for */
        tui_waits_looking(app, false);
    }
    tui_waits_looking(app, true);
}

pc_status tui_run(const tui_config *cfg, pc_error *err)
{
    tui_app *app = calloc(1, sizeof *app);
    if (!app)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = start(app, cfg, err);
    if (st != PC_OK)
        return st;
    terminal_on();
    layout(app);
    loop(app);
    tui_flow_end(app);
    if (app->page_win)
        delwin(app->page_win);
    endwin();
    /* The worker has stopped: no job reads an action's call now. */
    tui_worker_stop(app->worker);
    tui_actions_free(&app->acts);
    wallet_state_free(app->snap);
    wallet_past_free(app->past);
    free(app->past);
    waiting_free(&app->waits);
    free(app->nodes);
    tui_wallet_close(app->wallet);
    free(app->node);
    free_page_states(app);
    free(app);
    return PC_OK;
}
