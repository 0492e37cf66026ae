/* 7 Accounts: the local keystore: list, create, import (a hex key or a V3
 * key file), switch, rename, lock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/common.h"
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

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    accounts_state *st = state;
    const tui_wallet *w = tui_app_wallet_view(app);
    eth_address cur;
    bool has = tui_wallet_address(w, &cur);
    screen_heading(win, 0, "Accounts");
    if (!tui_wallet_has_keystore(w)) {
        char a[ETH_ADDRESS_TEXT_LEN];
        if (has)
            eth_address_to_checksum(&cur, a);
        tui_print(win, 1, 2, 0, TUI_NORMAL, "Signing with a key file (--private-key-file):");
        tui_print(win, 2, 4, 0, TUI_ACCENT, "%s", has ? a : "");
        tui_print(win, 3, 2, 0, TUI_DIM, "Start the panel without it to use the keystore.");
        return;
    }
    size_t total = tui_wallet_count(w), *at, n;
    if (!filter_accounts(&st->list, w, &at, &n)) {
        tui_print(win, 1, 2, 0, TUI_BAD, "out of memory for the accounts");
        return;
    }
    if (total == 0)
        tui_print(win, 1, 2, 0, TUI_DIM, "The keystore is empty: n creates an account, i imports "
                                         "a key.");
    else if (n == 0)
        tui_print(win, 1, 2, 0, TUI_DIM, "no account matches the filter");
    int rows = getmaxy(win) - 3, W = getmaxx(win);
    screen_list_filter_line(win, getmaxy(win) - 2, &st->list, n, total);
    size_t first = screen_list_begin(&st->list, n, rows > 1 ? (size_t)rows : 1);
    /* Names take the room the page has beyond the address. */
    int name_w = W - 46 > 32 ? 32 : W - 46 > 8 ? W - 46 : 8;
    for (size_t i = first; i < n && (int)(i - first) < rows; i++) {
        const keystore_account *a = tui_wallet_at(w, at[i]);
        int y = 1 + (int)(i - first);
        char addr[ETH_ADDRESS_TEXT_LEN] = "(unknown address)";
        if (!a->has_address && a->address_learnt)
            snprintf(addr, sizeof addr, "(address known after unlock)");
        if (a->has_address)
            eth_address_to_checksum(&a->address, addr);
        bool selected = has && a->has_address && eth_address_equal(&a->address, &cur);
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 2, i == st->list.cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == st->list.cursor ? '>' : ' ');
        tui_print(win, y, 2, 1, TUI_GOOD, "%s", selected ? "*" : " ");
        tui_print(win, y, 4, 42, TUI_NORMAL, "%s", addr);
        tui_print(win, y, 47, name_w, TUI_ACCENT, "%s", a->name ? a->name : "");
        if (a->problem != PC_OK)
            tui_print(win, y, 48 + name_w, 0, TUI_BAD, "%s",
                      a->problem_msg ? a->problem_msg : "broken");
    }
    free(at);
    unsigned left = tui_wallet_unlocked_for(w);
    tui_print(win, getmaxy(win) - 1, 0, 0, TUI_DIM, "%s  (* the account in use; unlocked keys "
              "are wiped after %d min)", left ? "unlocked" : "locked", TUI_UNLOCK_SECONDS / 60);
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

const tui_page screen_accounts = {
    .title = "Accounts",
    .hints = "Enter/s switch  n new  i import key  f import file  e rename  l lock  " SCREEN_LIST_HINTS,
    .state_size = sizeof(accounts_state),
    .draw = draw,
    .key = key,
    .click = click,
};
