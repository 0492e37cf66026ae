/* 5 Voting (voters only): the account's votes, in favour or against, passed
 * or not; proposals: add/remove a voter, register/remove a storage unit,
 * change the banker, set a parameter. Calling a proposal again turns the
 * account's vote on it around: `v` does that for the vote under the cursor,
 * reading the method and its arguments back from the vote string. */
#include <stdio.h>
#include <string.h>

#include "screens/common.h"
#include "tui/ui.h"

static size_t g_cursor;

static void draw(tui_app *app, WINDOW *win)
{
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Your votes");
    if (!s->is_voter) {
        tui_print(win, 1, 2, 0, TUI_WARN, "This account is not a voter: only voters see and "
                                          "make proposals.");
        return;
    }
    if (screen_missing(win, 1, s, WALLET_SEC_VOTES, "votes"))
        return;
    if (s->nvotes == 0)
        tui_print(win, 1, 2, 0, TUI_DIM, "no votes yet");
    g_cursor = screen_cursor_clamp(g_cursor, s->nvotes);
    int rows = getmaxy(win) - 2;
    size_t first = g_cursor >= (size_t)rows ? g_cursor - (size_t)rows + 1 : 0;
    for (size_t i = first; i < s->nvotes && (int)(i - first) < rows; i++) {
        const wallet_vote *v = &s->votes[i];
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

/* How vote strings begin, the method each records a vote for, and how many
 * '_'-separated arguments follow (PROTOCOL.md, Voting). */
static const struct {
    const char *prefix;
    const char *method;
    size_t nargs;
    const char *labels[2];
} VOTES[] = {
    { "Add_Voter_", "addVoter", 1, { "Address" } },
    { "Remove_Voter_", "removeVoter", 1, { "Address" } },
    { "register_", "registerStorageUnit", 2, { "Unit", "Owner" } },
    { "remove_", "removeStorageUnit", 1, { "Unit" } },
    { "changeBankerTo_", "changeBanker", 1, { "New banker" } },
    { "setParameter_", "setParameter", 2, { "Parameter", "Value" } },
    { "destroy_contract", "destroy", 0, { NULL } },
};

#define VOTE_PART_MAX (U256_DEC_MAX + 2)

/* Splits `rest` at '_' into at most `max` parts; false when a part is empty
 * or too long, or there are more. */
static bool split_parts(const char *rest, char parts[][VOTE_PART_MAX], size_t max, size_t *n)
{
    *n = 0;
    if (!*rest)
        return true;
    for (;;) {
        size_t len = strcspn(rest, "_");
        if (*n == max || len == 0 || len >= VOTE_PART_MAX)
            return false;
        memcpy(parts[*n], rest, len);
        parts[(*n)++][len] = '\0';
        if (!rest[len])
            return true;
        rest += len + 1;
    }
}

static bool all_digits(const char *t)
{
    return *t && strspn(t, "0123456789") == strlen(t);
}

/* An argument of a vote string as the form takes it: addresses get their
 * 0x; a parameter value is the raw uint256, which the form writes as whole
 * hours for H and as an 18-decimal fraction for the others. */
static bool form_text(const char *method, size_t i, const char *part, const char *param,
                      char out[VOTE_PART_MAX])
{
    if (strcmp(method, "setParameter") != 0) {
        snprintf(out, VOTE_PART_MAX, "0x%.40s", part);
        return strlen(part) == 40;
    }
    if (i == 0 || strcmp(param, "H") == 0) {
        snprintf(out, VOTE_PART_MAX, "%s", part);
        return true;
    }
    u256 raw;
    if (u256_parse_dec(part, strlen(part), &raw, NULL) != PC_OK)
        return false;
    char fixed[U256_DEC_MAX];
    u256_format_fixed(&raw, 18, fixed);
    snprintf(out, VOTE_PART_MAX, "%s", fixed);
    return true;
}

/* Votes again on `text` (the account's vote turns around), through the
 * usual confirmation. */
static void revote(tui_app *app, const char *text)
{
    char values[2][VOTE_PART_MAX];
    char parts[3][VOTE_PART_MAX];
    for (size_t v = 0; v < sizeof VOTES / sizeof VOTES[0]; v++) {
        size_t plen = strlen(VOTES[v].prefix), n;
        if (strncmp(text, VOTES[v].prefix, plen) != 0)
            continue;
        const char *rest = text + plen;
        if (VOTES[v].nargs == 0 && *rest == '_')
            rest++; /* destroy_contract_<n> */
        if (!split_parts(rest, parts, VOTES[v].nargs + 1, &n))
            break;
        /* A vote that passed before is recorded again as <vote>_<times passed>. */
        if (n == VOTES[v].nargs + 1 && all_digits(parts[n - 1]))
            n--;
        if (n != VOTES[v].nargs)
            break;
        tui_form_spec spec = { .title = "Vote again (your vote turns around)",
                               .method = VOTES[v].method, .nfields = n };
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) {
            ok = form_text(VOTES[v].method, i, parts[i], parts[0], values[i]);
            spec.fields[i] = (tui_field_spec){ .label = VOTES[v].labels[i], .preset = values[i],
                                               .kind = pc_method_find(VOTES[v].method)->args[i] };
        }
        if (!ok)
            break;
        tui_app_submit_form(app, &spec);
        return;
    }
    tui_app_message(app, true, "cannot read the vote \"%.60s\" back into a proposal", text);
}

static bool key(tui_app *app, int ch)
{
    const wallet_state *s = tui_app_snapshot(app);
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
    if (ch == 'v' && s && s->is_voter && !(s->missing & WALLET_SEC_VOTES)) {
        if (g_cursor < s->nvotes)
            revote(app, s->votes[g_cursor].text);
        else
            tui_app_message(app, true, "no vote to vote on again");
        return true;
    }
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
    "Voting",
    "Up/Down choose  v vote again  a/d add/remove voter  u/k add/remove unit  b banker  "
    "p parameter",
    draw, key
};
