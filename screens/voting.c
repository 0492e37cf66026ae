/* 5 Voting (voters only): the account's votes, in favour or against, passed
 * or not; proposals: add/remove a voter, register/remove a storage unit,
 * change the banker, set a parameter. Calling a proposal again turns the
 * account's vote on it around. */
#include "screens/common.h"
#include "tui/ui.h"

static size_t g_cursor;

static void draw(tui_app *app, WINDOW *win)
{
    const tui_snapshot *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Your votes");
    if (!s->is_voter) {
        tui_print(win, 1, 2, 0, TUI_WARN, "This account is not a voter: only voters see and "
                                          "make proposals.");
        return;
    }
    if (screen_missing(win, 1, s, TUI_SEC_VOTES, "votes"))
        return;
    if (s->nvotes == 0)
        tui_print(win, 1, 2, 0, TUI_DIM, "no votes yet");
    g_cursor = screen_cursor_clamp(g_cursor, s->nvotes);
    int rows = getmaxy(win) - 2;
    size_t first = g_cursor >= (size_t)rows ? g_cursor - (size_t)rows + 1 : 0;
    for (size_t i = first; i < s->nvotes && (int)(i - first) < rows; i++) {
        const tui_vote *v = &s->votes[i];
        int y = 1 + (int)(i - first), W = getmaxx(win);
        tui_print(win, y, 0, 1, i == g_cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == g_cursor ? '>' : ' ');
        tui_print(win, y, 2, 10, v->in_favour ? TUI_GOOD : TUI_BAD, "%s",
                  v->in_favour ? "in favour" : "against");
        tui_print(win, y, 12, 8, v->passed ? TUI_GOOD : TUI_DIM, "%s",
                  v->passed ? "passed" : "open");
        tui_print(win, y, 20, W - 20, TUI_NORMAL, "%s", v->text);
    }
}

static bool key(tui_app *app, int ch)
{
    const tui_snapshot *s = tui_app_snapshot(app);
    static const tui_form_spec add_voter = {
        .title = "Vote: add a voter", .method = "addVoter", .nfields = 1,
        .fields = { { .label = "Address", .kind = PC_ARG_ADDRESS } },
    };
    static const tui_form_spec remove_voter = {
        .title = "Vote: remove a voter", .method = "removeVoter", .nfields = 1,
        .fields = { { .label = "Address", .kind = PC_ARG_ADDRESS } },
    };
    static const tui_form_spec add_unit = {
        .title = "Vote: register a storage unit", .method = "registerStorageUnit", .nfields = 2,
        .fields = { { .label = "Unit", .kind = PC_ARG_ADDRESS },
                    { .label = "Owner", .kind = PC_ARG_ADDRESS } },
    };
    static const tui_form_spec remove_unit = {
        .title = "Vote: remove a storage unit", .method = "removeStorageUnit", .nfields = 1,
        .fields = { { .label = "Unit", .kind = PC_ARG_ADDRESS } },
    };
    static const tui_form_spec banker = {
        .title = "Vote: change the banker", .method = "changeBanker", .nfields = 1,
        .fields = { { .label = "New banker", .kind = PC_ARG_ADDRESS } },
    };
    static const tui_form_spec param = {
        .title = "Vote: set a parameter (M, B, C, F fractions; H whole hours)",
        .method = "setParameter", .nfields = 2,
        .fields = { { .label = "Parameter", .kind = PC_ARG_PARAM_NAME },
                    { .label = "Value", .kind = PC_ARG_PARAM_VALUE } },
    };
    static const struct { int key; const tui_form_spec *form; } KEYS[] = {
        { 'a', &add_voter }, { 'd', &remove_voter }, { 'u', &add_unit },
        { 'k', &remove_unit }, { 'b', &banker }, { 'p', &param },
    };
    if (s && s->is_voter && screen_cursor_key(ch, &g_cursor, s->nvotes))
        return true;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        if (ch != KEYS[i].key)
            continue;
        if (s && !s->is_voter)
            tui_app_message(app, true, "only voters can make proposals");
        else
            tui_app_open_form(app, KEYS[i].form);
        return true;
    }
    return false;
}

const tui_page screen_voting = {
    "Voting", "a/d add/remove voter  u/k add/remove unit  b banker  p parameter", draw, key
};
