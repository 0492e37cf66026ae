#include "tui/form.h"

#include <stdio.h>
#include <string.h>

#include "keystore/password.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

/* The keys a form takes, under its fields. */
#define FORM_KEYS "Enter next/submit  Tab/arrows move  Ctrl-U clear  Esc cancel"

pc_status tui_form_init(tui_form *f, const tui_form_spec *spec, pc_error *err)
{
    memset(f, 0, sizeof *f);
    f->spec = *spec;
    /* A contract function's form: its fields are the function's arguments,
     * of the kinds the method table gives them. */
    const pc_method *m = pc_method_get(spec->method);
    for (size_t i = 0; m && i < spec->nfields && i < m->nargs; i++)
        if (spec->fields[i].type == TUI_FIELD_ARG)
            f->spec.fields[i].kind = m->args[i];
    for (size_t i = 0; i < spec->nfields; i++) {
        const tui_field_spec *fs = &spec->fields[i];
        f->texts[i] = f->text[i];
        if (fs->preset)
            snprintf(f->text[i], TUI_FIELD_MAX, "%s", fs->preset);
        f->preset[i] = f->text[i][0] && fs->type != TUI_FIELD_SECRET && !fs->hidden;
        if (fs->type == TUI_FIELD_SECRET && secret_new(PASSWORD_MAX, &f->sec[i], err) != PC_OK) {
            tui_form_free(f);
            return err ? err->status : PC_ENOMEM;
        }
    }
    while (f->cur + 1 < spec->nfields && spec->fields[f->cur].hidden)
        f->cur++;
    return PC_OK;
}

void tui_form_set_text(tui_form *f, size_t i, const char *text)
{
    snprintf(f->text[i], sizeof f->text[i], "%s", text);
    f->preset[i] = false;
}

void tui_form_free(tui_form *f)
{
    for (size_t i = 0; i < TUI_FORM_FIELDS; i++) {
        secret_free(f->sec[i]);
        f->sec[i] = NULL;
    }
}

static void move_field(tui_form *f, int dir)
{
    size_t n = f->spec.nfields, i = f->cur;
    for (size_t step = 0; step < n; step++) {
        i = (i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
        if (!f->spec.fields[i].hidden) {
            f->cur = i;
            return;
        }
    }
}

static bool is_last_visible(const tui_form *f)
{
    for (size_t i = f->cur + 1; i < f->spec.nfields; i++)
        if (!f->spec.fields[i].hidden)
            return false;
    return true;
}

/* Collects the bytes of one typed character (getch gives UTF-8 bytes one by
 * one); returns its length in f->pend once it is complete and printable, 0
 * while incomplete or when refused. */
static size_t take_byte(tui_form *f, int ch)
{
    unsigned char b = (unsigned char)ch;
    if (b < 0x80 || b >= 0xC0)
        f->npend = 0; /* a new character starts */
    else if (f->npend == 0)
        return 0;     /* a stray continuation byte */
    f->pend[f->npend++] = (char)b;
    unsigned char lead = (unsigned char)f->pend[0];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (f->npend < want)
        return 0;
    size_t n = tui_utf8_char(f->pend, f->npend);
    f->npend = 0;
    return n == want ? n : 0;
}

static void field_too_long(tui_form *f, size_t i)
{
    size_t room = f->sec[i] ? PASSWORD_MAX : TUI_FIELD_MAX - 1;
    snprintf(f->why[i], sizeof f->why[i],
             "too long: at most %zu characters; %zu more typed, delete them", room,
             f->excess[i]);
}

/* Appends the character in f->pend (n bytes) to the current field. */
static void insert_char(tui_form *f, size_t n)
{
    size_t i = f->cur;
    char *t = f->text[i];
    if (f->preset[i])
        t[0] = '\0'; /* typed over: the preset was a suggestion */
    f->preset[i] = false;
    size_t len = strlen(t);
    f->why[i][0] = '\0';
    if (f->sec[i]) {
        if (f->excess[i] || f->seclen[i] + n > PASSWORD_MAX) {
            f->excess[i]++;
            field_too_long(f, i);
            return;
        }
        memcpy(secret_open(f->sec[i]) + f->seclen[i], f->pend, n);
        secret_close(f->sec[i]);
        f->seclen[i] += n;
    } else if (!f->excess[i] && len + n < TUI_FIELD_MAX) {
        memcpy(t + len, f->pend, n);
        t[len + n] = '\0';
    } else {
        f->excess[i]++;
        field_too_long(f, i);
    }
}

static void erase_char(tui_form *f)
{
    size_t i = f->cur;
    char *t = f->text[i];
    size_t len = strlen(t);
    f->why[i][0] = '\0';
    f->preset[i] = false;
    if (f->excess[i]) {
        /* The last characters typed are the ones that were not kept. */
        if (--f->excess[i])
            field_too_long(f, i);
        return;
    }
    if (f->sec[i]) {
        /* A whole character, as below: taking one byte would leave half
         * of a UTF-8 character in the password. */
        unsigned char *s = secret_open(f->sec[i]);
        size_t n = f->seclen[i];
        while (n > 0 && (s[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        memset(s + n, 0, f->seclen[i] - n); /* no erased character stays behind */
        secret_close(f->sec[i]);
        f->seclen[i] = n;
    } else {
        while (len > 0 && (t[len - 1] & 0xC0) == 0x80)
            len--; /* the continuation bytes of a UTF-8 character */
        if (len > 0)
            len--;
        t[len] = '\0';
    }
}

static bool is_number_kind(pc_arg_kind k)
{
    return k != PC_ARG_ADDRESS && k != PC_ARG_SIDE && k != PC_ARG_PARAM_NAME;
}

/* Field i is a contract argument written with digits alone. */
static bool takes_number(const tui_form *f, size_t i)
{
    const tui_field_spec *fs = &f->spec.fields[i];
    return fs->type == TUI_FIELD_ARG && is_number_kind(fs->kind);
}

/* The keys line for the field being edited: what typing does to a preset
 * shown (drawn selected), and y where a number is typed. */
static const char *form_keys(const tui_form *f)
{
    bool number = takes_number(f, f->cur);
    if (f->preset[f->cur])
        return number ? "typing replaces the value shown  y submit  " FORM_KEYS
                      : "typing replaces the value shown  " FORM_KEYS;
    return number ? "y submit  " FORM_KEYS : FORM_KEYS;
}

tui_form_result tui_form_key(tui_form *f, int ch)
{
    size_t i = f->cur;
    switch (ch) {
    case 27:
        return TUI_FORM_CANCEL;
    case '\n':
    case '\r':
    case KEY_ENTER:
        if (is_last_visible(f))
            return TUI_FORM_SUBMIT;
        move_field(f, 1);
        return TUI_FORM_EDITING;
    case '\t':
    case KEY_DOWN:
        move_field(f, 1);
        return TUI_FORM_EDITING;
    case KEY_BTAB:
    case KEY_UP:
        move_field(f, -1);
        return TUI_FORM_EDITING;
    case KEY_BACKSPACE:
    case 127:
    case 8:
        erase_char(f);
        return TUI_FORM_EDITING;
    case 21: /* Ctrl-U clears the field, as in a shell */
        f->seclen[i] = 0;
        f->text[i][0] = '\0';
        f->why[i][0] = '\0';
        f->excess[i] = 0;
        f->preset[i] = false;
        return TUI_FORM_EDITING;
    default:
        break;
    }
    if (ch < 0 || ch > 0xFF)
        return TUI_FORM_EDITING; /* a function key this form has no use for */
    if (takes_number(f, i) && (ch == 'y' || ch == 'Y'))
        return TUI_FORM_SUBMIT; /* the answer every dialog takes, never a digit */
    if (takes_number(f, i) && (ch == 'n' || ch == 'N')) {
        snprintf(f->note, sizeof f->note, "%s takes a number: n is not typed; Esc cancels",
                 f->spec.fields[i].label);
        return TUI_FORM_EDITING;
    }
    size_t n = take_byte(f, ch);
    if (n)
        insert_char(f, n);
    return TUI_FORM_EDITING;
}

/* The parameter name a PARAM_VALUE field belongs to: the form's PARAM_NAME field. */
static const char *param_name_of(const tui_form *f)
{
    for (size_t i = 0; i < f->spec.nfields; i++)
        if (f->spec.fields[i].type == TUI_FIELD_ARG &&
            f->spec.fields[i].kind == PC_ARG_PARAM_NAME)
            return f->text[i];
    return NULL;
}

static void check_limit(tui_form *f, size_t i, const abi_value *v, const wallet_state *s)
{
    const tui_field_spec *fs = &f->spec.fields[i];
    char have[PC_UNIT_TEXT_MAX];
    if (fs->limit == TUI_LIMIT_POSITIVE && v->kind == ABI_UINT && u256_is_zero(&v->num)) {
        snprintf(f->why[i], sizeof f->why[i], "must be more than 0");
        return;
    }
    if (fs->limit == TUI_LIMIT_POSITIVE || fs->limit == TUI_LIMIT_NONE)
        return;
    if (u256_is_zero(&v->num)) {
        snprintf(f->why[i], sizeof f->why[i], "must be more than 0");
        return;
    }
    if (!s || (s->missing & WALLET_SEC_BALANCES))
        return; /* no balance known: the contract will say */
    bool ent = fs->limit == TUI_LIMIT_ENT;
    const u256 *avail = ent ? &s->ent_available : &s->eeuro_available;
    if (u256_cmp(&v->num, avail) > 0) {
        pc_format_unit(avail, ent ? PC_UNIT_ENT : PC_UNIT_EEURO, have, sizeof have);
        snprintf(f->why[i], sizeof f->why[i], "more than available (%s)", have);
    }
}

/* The problems every argument may have, named the same way whatever its
 * kind; true when the field has none of them. */
static bool has_non_ascii(const char *t)
{
    for (; *t; t++)
        if ((unsigned char)*t >= 0x80)
            return true;
    return false;
}

/* The problems every argument may have, named the same way whatever its
 * kind; true when the field has none of them. */
static bool precheck_arg(tui_form *f, size_t i)
{
    const char *t = f->text[i];
    const char *why = NULL;
    if (!t[0])
        why = "empty: a value is required";
    else if (has_non_ascii(t))
        why = "non-ASCII character: only ASCII is allowed here";
    else if (t[0] == '-' && is_number_kind(f->spec.fields[i].kind))
        why = "negative: must be 0 or more";
    if (why)
        snprintf(f->why[i], sizeof f->why[i], "%s", why);
    return why == NULL;
}

bool tui_form_validate(tui_form *f, const tui_form_view *view)
{
    bool ok = true;
    f->note[0] = '\0';
    for (size_t i = 0; i < f->spec.nfields; i++) {
        const tui_field_spec *fs = &f->spec.fields[i];
        f->why[i][0] = '\0';
        if (f->excess[i]) {
            field_too_long(f, i);
        } else if (fs->type == TUI_FIELD_SECRET) {
            if (f->seclen[i] == 0)
                snprintf(f->why[i], sizeof f->why[i], "required");
        } else if (fs->type == TUI_FIELD_TEXT) {
            if (!fs->optional && !f->text[i][0])
                snprintf(f->why[i], sizeof f->why[i], "required");
        } else if (precheck_arg(f, i)) {
            abi_value v = { 0 };
            pc_error e = { 0 };
            if (fs->kind == PC_ARG_ADDRESS) {
                v.kind = ABI_ADDRESS;
                if (names_resolve(view->book, f->text[i], &v.addr, NULL, &e) != PC_OK)
                    snprintf(f->why[i], sizeof f->why[i], "%s", e.msg);
            } else if (pc_parse_arg(fs->kind, f->text[i], param_name_of(f), &v, &e) != PC_OK)
                snprintf(f->why[i], sizeof f->why[i], "%s", e.msg);
            else
                check_limit(f, i, &v, view->snap);
            abi_value_free(&v);
        }
        ok &= f->why[i][0] == '\0';
    }
    size_t field = 0;
    char why[sizeof f->why[0]] = "";
    if (ok && f->spec.check && !f->spec.check(view->app, f->texts, &field, why, sizeof why)) {
        if (field < f->spec.nfields)
            snprintf(f->why[field], sizeof f->why[field], "%s", why);
        ok = false;
    }
    /* Put the cursor on the first field to fix. */
    for (size_t i = 0; !ok && i < f->spec.nfields; i++)
        if (f->why[i][0] && !f->spec.fields[i].hidden) {
            f->cur = i;
            break;
        }
    return ok;
}

secret *tui_form_take_secret(tui_form *f, size_t i, pc_error *err)
{
    secret *s = NULL;
    if (!f->sec[i] || secret_new(f->seclen[i], &s, err) != PC_OK)
        return NULL;
    memcpy(secret_open(s), secret_open(f->sec[i]), f->seclen[i]);
    secret_close(f->sec[i]);
    secret_close(s);
    return s;
}

/* How a checked argument reads in a confirmation. */
static void describe_arg(const names *book, pc_arg_kind kind, const char *text, char *out,
                         size_t cap)
{
    eth_address a;
    char cs[ETH_ADDRESS_TEXT_LEN];
    const char *name;
    switch (kind) {
    case PC_ARG_ADDRESS:
        if (names_resolve(book, text, &a, &name, NULL) == PC_OK) {
            eth_address_to_checksum(&a, cs);
            /* A name typed, or the book's name for a typed address. */
            name = name ? name : names_lookup(book, &a);
            snprintf(out, cap, name ? "%s (%s)" : "%s", cs, name);
            return;
        }
        break;
    case PC_ARG_ENT: snprintf(out, cap, "%s ENT", text); return;
    case PC_ARG_EEURO: snprintf(out, cap, "%s eEuro", text); return;
    case PC_ARG_PRICE: snprintf(out, cap, "%s eEuro/ENT", text); return;
    case PC_ARG_WH: snprintf(out, cap, "%s Wh", text); return;
    case PC_ARG_ORDER_ID: snprintf(out, cap, "#%s", text); return;
    default: break;
    }
    snprintf(out, cap, "%s", text);
}

void tui_form_texts(const tui_form *f, const names *book,
                    char resolved[TUI_FORM_FIELDS][ETH_ADDRESS_TEXT_LEN],
                    char *texts[TUI_FORM_FIELDS])
{
    for (size_t i = 0; i < TUI_FORM_FIELDS; i++) {
        eth_address address;
        texts[i] = f->texts[i];
        if (i < f->spec.nfields && f->spec.fields[i].type == TUI_FIELD_ARG &&
            f->spec.fields[i].kind == PC_ARG_ADDRESS &&
            names_resolve(book, f->text[i], &address, NULL, NULL) == PC_OK) {
            eth_address_to_checksum(&address, resolved[i]);
            texts[i] = resolved[i];
        }
    }
}

pc_status tui_form_encode(const tui_form *f, const names *book, tui_call *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    const pc_method *m = pc_method_get(f->spec.method);
    if (!m)
        return pc_fail(err, PC_EINPUT, "the form runs no contract function");
    /* Names typed for addresses go to the binding as the addresses they name. */
    char resolved[TUI_FORM_FIELDS][ETH_ADDRESS_TEXT_LEN];
    char *texts[TUI_FORM_FIELDS];
    tui_form_texts(f, book, resolved, texts);
    pc_status st = pc_encode_call(m, (int)f->spec.nfields, texts, &out->calldata, err);
    if (st != PC_OK)
        return st;
    out->method = m;
    size_t used = (size_t)snprintf(out->description, sizeof out->description, "%s", m->name);
    for (size_t i = 0; i < f->spec.nfields && out->nargs < PC_MAX_ARGS; i++) {
        char v[160];
        describe_arg(book, f->spec.fields[i].kind, f->text[i], v, sizeof v);
        snprintf(out->encoded[out->nargs], sizeof out->encoded[0], "%s", texts[i]);
        snprintf(out->args[out->nargs++], sizeof out->args[0], "%-12s %s",
                 f->spec.fields[i].label, v);
        if (used < sizeof out->description)
            used += (size_t)snprintf(out->description + used, sizeof out->description - used,
                                     " %s", v);
    }
    return PC_OK;
}

/* A field's text as shown: stars for a secret. */
static void shown_text(const tui_form *f, size_t i, char shown[TUI_FIELD_MAX])
{
    if (f->sec[i]) {
        size_t n = f->seclen[i] < TUI_FIELD_MAX - 1 ? f->seclen[i] : TUI_FIELD_MAX - 1;
        memset(shown, '*', n);
        shown[n] = '\0';
    } else {
        snprintf(shown, TUI_FIELD_MAX, "%s", f->text[i]);
    }
}

/* A field's input, whole over as many lines of width columns as it takes
 * (a typed figure is never shown cut), and a line more when the last is
 * full, for the cursor. */
#define INPUT_LINES 8
static int input_lines(const char *shown, int width, table_span spans[INPUT_LINES])
{
    int n = table_wrap(shown, width, width, NULL, spans, INPUT_LINES);
    if (n > INPUT_LINES)
        n = INPUT_LINES;
    if (n == 0 || spans[n - 1].cols >= width) {
        if (n < INPUT_LINES)
            spans[n] = (table_span){ (int)strlen(shown), 0, 0, false };
        n = n < INPUT_LINES ? n + 1 : n;
    }
    return n;
}

/* Where the dialog's parts go. */
typedef struct form_layout {
    int w, label_w, field_w, h;
} form_layout;

/* The reason under field i ("! ..."), wrapped; 0 rows when there is none. */
static int reason_rows(const tui_form *f, size_t i, const form_layout *g, char *text, size_t cap)
{
    if (!f->why[i][0])
        return 0;
    snprintf(text, cap, "! %s", f->why[i]);
    return tui_text_rows(g->field_w, 2, NULL, text);
}

static form_layout form_place(const tui_form *f, WINDOW *win, const char *tail)
{
    form_layout g = { 0 };
    g.w = getmaxx(win) - 4 > 90 ? 90 : getmaxx(win) - 4;
    /* Labels as wide as the longest, and two spaces before the fields. */
    for (size_t i = 0; i < f->spec.nfields; i++)
        if (!f->spec.fields[i].hidden && table_text_width(f->spec.fields[i].label) + 2 > g.label_w)
            g.label_w = table_text_width(f->spec.fields[i].label) + 2;
    g.field_w = g.w - 4 - g.label_w;
    g.h = 2 + 1; /* the frame and a blank line at the top */
    for (size_t i = 0; i < f->spec.nfields; i++) {
        if (f->spec.fields[i].hidden)
            continue;
        char shown[TUI_FIELD_MAX], why[PC_ERROR_MSG_MAX + 4];
        table_span spans[INPUT_LINES];
        shown_text(f, i, shown);
        g.h += input_lines(shown, g.field_w, spans) + reason_rows(f, i, &g, why, sizeof why);
    }
    g.h += (tail[0] ? tui_text_rows(g.w - 4, 2, NULL, tail) : 0) + 1 +
           tui_text_rows(g.w - 4, 0, "  ", form_keys(f)) + 1;
    return g;
}

void tui_form_draw(tui_form *f, const tui_form_view *view, WINDOW *win)
{
    char preview[200] = "";
    if (f->spec.preview)
        f->spec.preview(view->app, f->texts, preview, sizeof preview);
    const char *tail = f->note[0] ? f->note : preview;
    form_layout g = form_place(f, win, tail);
    int y, x;
    tui_box(win, g.h, g.w, f->spec.title, &y, &x);
    int row = y + 2, bottom = y + g.h - 1, fx = x + 2 + g.label_w;
    int cy = -1, cx = -1;
    for (size_t i = 0; i < f->spec.nfields; i++) {
        const tui_field_spec *fs = &f->spec.fields[i];
        if (fs->hidden)
            continue;
        bool cur = i == f->cur;
        tui_print(win, row, x + 2, g.label_w, cur ? TUI_TITLE : TUI_NORMAL, "%s", fs->label);
        char shown[TUI_FIELD_MAX], why[PC_ERROR_MSG_MAX + 4];
        table_span spans[INPUT_LINES];
        shown_text(f, i, shown);
        int n = input_lines(shown, g.field_w, spans);
        wattron(win, A_UNDERLINE);
        for (int k = 0; k < n && row + k < bottom; k++) {
            mvwhline(win, row + k, fx, ' ', g.field_w);
            if (k && spans[k - 1].cont)
                tui_ui_trace_cont(win, row + k - 1, fx + spans[k - 1].cols, g.field_w, row + k,
                                  fx);
            tui_print(win, row + k, fx, g.field_w, f->preset[i] && cur ? TUI_SELECTED : TUI_NORMAL,
                      "%.*s", spans[k].len, shown + spans[k].at);
        }
        wattroff(win, A_UNDERLINE);
        if (cur) {
            cy = row + n - 1;
            cx = fx + spans[n - 1].cols;
        }
        row += n;
        if (reason_rows(f, i, &g, why, sizeof why))
            row += tui_text(win, row, fx, g.field_w, 2, bottom, TUI_BAD, NULL, why);
    }
    if (tail[0])
        row += tui_text(win, row, x + 2, g.w - 4, 2, bottom, f->note[0] ? TUI_BAD : TUI_ACCENT,
                        NULL, tail);
    tui_text(win, row + 1, x + 2, g.w - 4, 0, bottom, TUI_DIM, "  ", form_keys(f));
    if (cy >= 0 && cy < bottom) {
        wmove(win, cy, cx);
        curs_set(1);
    }
}
