/* 7 Accounts: the local keystore: list, create, import (a hex key or a V3
 * key file), switch, rename, lock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

typedef struct accounts_state {
    screen_list list;
    char selected[ETH_ADDRESS_TEXT_LEN]; /* the account e renames (the form's preset) */
    char file[TUI_FIELD_MAX]; /* the key file the unlock form selects (its preset) */
} accounts_state;

/* The keystore's accounts that pass the filter, as positions; false when
 * out of memory. */
static bool filter_accounts(const screen_list *l, const tui_wallet *w, size_t **at, size_t *n)
{
    size_t count = tui_wallet_count(w);
    *n = 0;
    *at = NULL;
    if (count == 0)
        return true;
    if (!(*at = malloc(count * sizeof **at)))
        return false;
    for (size_t i = 0; i < count; i++) {
        const keystore_account *a = tui_wallet_at(w, i);
        char addr[ETH_ADDRESS_TEXT_LEN] = "", text[128];
        if (a->has_address)
            eth_address_to_checksum(&a->address, addr);
        snprintf(text, sizeof text, "%s %s", a->name ? a->name : "", addr);
        if (screen_list_match(l, text))
            (*at)[(*n)++] = i;
    }
    return true;
}

/* The keystore's table: the mark of the account in use, its address (whole,
 * then short) and its name; what is wrong with a file goes under its row,
 * wrapped across the page. */
enum { COL_MARK, COL_ADDRESS, COL_NAME, NCOLS };

/* Indent of a problem under its account's row. */
#define PROBLEM_X 4

typedef struct account_text {
    char address[2][ETH_ADDRESS_TEXT_LEN];
} account_text;

static void account_texts(const keystore_account *a, account_text *t)
{
    snprintf(t->address[0], sizeof t->address[0], "(unknown address)");
    if (!a->has_address && a->address_learnt)
        snprintf(t->address[0], sizeof t->address[0], "(address known after unlock)");
    if (a->has_address)
        eth_address_to_checksum(&a->address, t->address[0]);
    snprintf(t->address[1], sizeof t->address[1], "%s", t->address[0]);
    if (a->has_address)
        eth_address_short(&a->address, t->address[1]);
}

typedef struct account_rows {
    const tui_wallet *w;
    const size_t *at;
    const table_layout *l;
} account_rows;

static void row_texts(const table_layout *l, const keystore_account *a, const account_text *t,
                      bool selected, const char *texts[NCOLS])
{
    texts[COL_MARK] = selected ? "*" : "";
    texts[COL_ADDRESS] = t->address[l->form[COL_ADDRESS]];
    texts[COL_NAME] = table_shown(l, COL_NAME) && a->name ? a->name : "";
}

static const char *problem_of(const keystore_account *a)
{
    return a->problem == PC_OK ? "" : a->problem_msg ? a->problem_msg : "broken";
}

static int account_height(void *ctx, size_t i)
{
    const account_rows *c = ctx;
    const keystore_account *a = tui_wallet_at(c->w, c->at[i]);
    account_text t;
    const char *texts[NCOLS];
    account_texts(a, &t);
    row_texts(c->l, a, &t, false, texts);
    return tui_table_rows(c->l, texts) +
           tui_text_rows(c->l->room + 2 - PROBLEM_X, 2, NULL, problem_of(a));
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    accounts_state *st = state;
    const tui_wallet *w = tui_app_wallet_view(app);
    eth_address cur;
    bool has = tui_wallet_address(w, &cur);
    int W = getmaxx(win), H = getmaxy(win);
    screen_heading(win, 0, "Accounts");
    if (!tui_wallet_has_keystore(w)) {
        char a[ETH_ADDRESS_TEXT_LEN];
        if (has)
            eth_address_to_checksum(&cur, a);
        tui_text(win, 1, 2, 0, 2, 0, TUI_NORMAL, NULL,
                 "Signing with a key file (--private-key-file):");
        tui_print(win, 2, 4, 0, TUI_ACCENT, "%s", has ? a : "");
        tui_text(win, 3, 2, 0, 2, 0, TUI_DIM, NULL,
                 "Start the panel without it to use the keystore.");
        return;
    }
    size_t total = tui_wallet_count(w), *at, n;
    if (!filter_accounts(&st->list, w, &at, &n)) {
        tui_print(win, 1, 2, 0, TUI_BAD, "out of memory for the accounts");
        return;
    }
    /* The footer first: what the mark means and how long keys stay. */
    char footer[160];
    unsigned left = tui_wallet_unlocked_for(w);
    snprintf(footer, sizeof footer,
             "%s  (* the account in use; unlocked keys are wiped after %d min)",
             left ? "unlocked" : "locked", TUI_UNLOCK_SECONDS / 60);
    int footer_rows = tui_text_rows(W, 2, "; ", footer);
    int bottom = H - footer_rows - 1; /* the list's line above the footer */
    tui_text(win, H - footer_rows, 0, W, 2, 0, TUI_DIM, "; ", footer);
    table_col cols[NCOLS] = {
        [COL_MARK] = { .priority = 9, .keep = true, .width = { 1 } },
        [COL_ADDRESS] = { .priority = 5, .keep = true, .nforms = 2 },
        [COL_NAME] = { .name = "names", .priority = 3 },
    };
    for (size_t i = 0; i < total; i++) {
        const keystore_account *a = tui_wallet_at(w, i);
        account_text t;
        account_texts(a, &t);
        table_col_see(&cols[COL_ADDRESS], 0, t.address[0]);
        table_col_see(&cols[COL_ADDRESS], 1, t.address[1]);
        table_col_see(&cols[COL_NAME], 0, a->name);
    }
    table_layout l;
    table_fit(cols, NCOLS, W - 2, 1, 4, &l);
    char hidden[32];
    table_hidden(cols, &l, hidden, sizeof hidden);
    screen_list_footer(win, bottom, &st->list, "account", n, total, NULL, hidden);
    if (total == 0)
        tui_text(win, 1, 2, 0, 2, bottom, TUI_DIM, NULL,
                 "The keystore is empty: n creates an account, i imports a key.");
    else if (n == 0)
        tui_print(win, 1, 2, 0, TUI_DIM, "no account matches the filter");
    account_rows c = { w, at, &l };
    size_t fit = 0, first = n ? screen_list_begin_rows(&st->list, n, bottom - 1, account_height,
                                                       &c, &fit)
                              : 0;
    static const tui_style STYLES[NCOLS] = { TUI_GOOD, TUI_NORMAL, TUI_ACCENT };
    int y = 1;
    for (size_t i = first; i < first + fit; i++) {
        const keystore_account *a = tui_wallet_at(w, at[i]);
        account_text t;
        const char *texts[NCOLS];
        account_texts(a, &t);
        bool selected = has && a->has_address && eth_address_equal(&a->address, &cur);
        row_texts(&l, a, &t, selected, texts);
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 1, i == st->list.cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == st->list.cursor ? '>' : ' ');
        y += tui_table_row(win, y, 2, bottom, &l, texts, STYLES);
        y += tui_text(win, y, PROBLEM_X, W - PROBLEM_X, 2, bottom, TUI_BAD, NULL, problem_of(a));
    }
    free(at);
}

static pc_status same_password(secret *a, secret *b, pc_error *err)
{
    bool same = secret_len(a) == secret_len(b) &&
                memcmp(secret_open(a), secret_open(b), secret_len(a)) == 0;
    secret_close(a);
    secret_close(b);
    return same ? PC_OK : pc_fail(err, PC_EINPUT, "the two passwords differ");
}

static pc_status do_create(tui_app *app, char *const t[], secret *const s[], pc_error *err)
{
    pc_status st = same_password(s[1], s[2], err);
    if (st == PC_OK)
        st = tui_wallet_create(tui_app_wallet(app), s[1], t[0][0] ? t[0] : NULL, err);
    if (st == PC_OK)
        tui_app_account_changed(app);
    return st;
}

static pc_status do_import_key(tui_app *app, char *const t[], secret *const s[], pc_error *err)
{
    pc_status st = same_password(s[2], s[3], err);
    if (st == PC_OK)
        st = tui_wallet_import_key(tui_app_wallet(app), s[1], s[2], t[0][0] ? t[0] : NULL, err);
    if (st == PC_OK)
        tui_app_account_changed(app);
    return st;
}

static pc_status do_import_file(tui_app *app, char *const t[], secret *const s[], pc_error *err)
{
    pc_status st = tui_wallet_import_file(tui_app_wallet(app), t[1], s[2],
                                          t[0][0] ? t[0] : NULL, err);
    if (st == PC_OK)
        tui_app_account_changed(app);
    return st;
}

/* t[1]: the key file, a hidden field. */
static pc_status do_unlock_select(tui_app *app, char *const t[], secret *const s[],
                                  pc_error *err)
{
    pc_status st = tui_wallet_switch_unlock(tui_app_wallet(app), t[1], s[0], err);
    if (st == PC_OK)
        tui_app_account_changed(app);
    return st;
}

/* t[1]: the account renamed, a hidden field. */
static pc_status do_rename(tui_app *app, char *const t[], secret *const s[], pc_error *err)
{
    (void)s;
    return tui_wallet_rename(tui_app_wallet(app), t[1], t[0], err);
}

static bool key(tui_app *app, void *state, int ch)
{
    accounts_state *st = state;
    tui_wallet *w = tui_app_wallet(app);
    static const tui_form_spec create = {
        .title = "New account", .nfields = 3,
        .fields = { { .label = "Name", .type = TUI_FIELD_TEXT, .optional = true },
                    { .label = "Password", .type = TUI_FIELD_SECRET },
                    { .label = "Again", .type = TUI_FIELD_SECRET } },
        .submit = do_create,
    };
    static const tui_form_spec import_key = {
        .title = "Import a private key (64 hex digits)", .nfields = 4,
        .fields = { { .label = "Name", .type = TUI_FIELD_TEXT, .optional = true },
                    { .label = "Private key", .type = TUI_FIELD_SECRET },
                    { .label = "Password", .type = TUI_FIELD_SECRET },
                    { .label = "Again", .type = TUI_FIELD_SECRET } },
        .submit = do_import_key,
    };
    static const tui_form_spec import_file = {
        .title = "Import a V3 key file", .nfields = 3,
        .fields = { { .label = "Name", .type = TUI_FIELD_TEXT, .optional = true },
                    { .label = "Key file", .type = TUI_FIELD_TEXT },
                    { .label = "Its password", .type = TUI_FIELD_SECRET } },
        .submit = do_import_file,
    };
    tui_form_spec rename = {
        .title = "Rename (empty removes the name)", .nfields = 2,
        .fields = { { .label = "New name", .type = TUI_FIELD_TEXT, .optional = true },
                    { .label = "Account", .type = TUI_FIELD_TEXT, .hidden = true,
                      .preset = st->selected } },
        .submit = do_rename,
    };
    tui_form_spec unlock = {
        .title = "Unlock the key file: its address is learnt then", .nfields = 2,
        .fields = { { .label = "Password", .type = TUI_FIELD_SECRET },
                    { .label = "Key file", .type = TUI_FIELD_TEXT, .hidden = true,
                      .preset = st->file } },
        .submit = do_unlock_select,
    };
    size_t *at, n;
    if (!filter_accounts(&st->list, w, &at, &n)) {
        tui_app_message(app, true, "out of memory for the accounts");
        return true;
    }
    const keystore_account *a = st->list.cursor < n ? tui_wallet_at(w, at[st->list.cursor]) : NULL;
    free(at);
    if (screen_list_key(&st->list, ch, n))
        return true;
    pc_error e = { 0 };
    switch (ch) {
    case 'n': tui_app_open_form(app, &create); return true;
    case 'i': tui_app_open_form(app, &import_key); return true;
    case 'f': tui_app_open_form(app, &import_file); return true;
    case 'l':
        tui_wallet_lock(w);
        tui_app_message(app, false, "key wiped; the password will be asked again");
        return true;
    case 's':
    case '\r':
    case '\n':
    case 'e':
        if (a && !a->has_address && a->address_learnt && a->problem == PC_OK && ch != 'e') {
            if (strlen(a->file) >= sizeof st->file)
                tui_app_message(app, true, "the file name is too long to select here; "
                                           "start the panel with --account");
            else
                snprintf(st->file, sizeof st->file, "%s", a->file);
            if (strlen(a->file) < sizeof st->file)
                tui_app_open_form(app, &unlock);
            return true;
        }
        if (!a || !a->has_address)
            return true;
        eth_address_to_checksum(&a->address, st->selected);
        if (ch == 'e') {
            tui_app_open_form(app, &rename);
        } else if (tui_wallet_switch(w, st->selected, &e) != PC_OK) {
            tui_app_message(app, true, "%s", e.msg);
        } else {
            tui_app_account_changed(app);
            tui_app_message(app, false, "now acting as %s", st->selected);
        }
        return true;
    default:
        return false;
    }
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)x;
    accounts_state *st = state;
    int hit = screen_list_click(&st->list, y);
    return hit == 2 ? key(app, state, '\n') : hit != 0;
}

/* The address of the account under the cursor. */
static bool copy(const tui_app *app, void *state, char *text, size_t cap, char *what,
                 size_t what_cap)
{
    accounts_state *st = state;
    const tui_wallet *w = tui_app_wallet_view(app);
    size_t *at, n;
    if (!filter_accounts(&st->list, w, &at, &n))
        return false;
    const keystore_account *a = st->list.cursor < n ? tui_wallet_at(w, at[st->list.cursor]) : NULL;
    free(at);
    if (!a || !a->has_address || cap < ETH_ADDRESS_TEXT_LEN)
        return false;
    eth_address_to_checksum(&a->address, text);
    snprintf(what, what_cap, "the account's address");
    return true;
}

const tui_page screen_accounts = {
    .title = "Accounts",
    .hints = "Enter/s switch  n new  i import key  f import file  e rename  l lock  " SCREEN_LIST_HINTS,
    .state_size = sizeof(accounts_state),
    .offline = true,
    .draw = draw,
    .key = key,
    .click = click,
    .copy = copy,
};
