#include "tui/form.h"

#include <stdio.h>
#include <string.h>

#include "keystore/password.h"
#include "tui/ui.h"

pc_status tui_form_init(tui_form *f, const tui_form_spec *spec, pc_error *err)
{
    memset(f, 0, sizeof *f);
    f->spec = *spec;
    for (size_t i = 0; i < spec->nfields; i++) {
        const tui_field_spec *fs = &spec->fields[i];
        f->texts[i] = f->text[i];
        if (fs->preset)
            snprintf(f->text[i], TUI_FIELD_MAX, "%s", fs->preset);
        if (fs->type == TUI_FIELD_SECRET && secret_new(PASSWORD_MAX, &f->sec[i], err) != PC_OK) {
            tui_form_free(f);
            return err ? err->status : PC_ENOMEM;
        }
    }
    while (f->cur + 1 < spec->nfields && spec->fields[f->cur].hidden)
        f->cur++;
    return PC_OK;
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

tui_form_result tui_form_key(tui_form *f, int ch)
{
    size_t i = f->cur;
    char *t = f->text[i];
    size_t len = strlen(t);
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
        if (f->sec[i]) {
            if (f->seclen[i])
                f->seclen[i]--;
        } else {
            while (len > 0 && (t[len - 1] & 0xC0) == 0x80)
                len--; /* the continuation bytes of a UTF-8 character */
            if (len > 0)
                len--;
            t[len] = '\0';
        }
        f->why[i][0] = '\0';
        return TUI_FORM_EDITING;
    case 21: /* Ctrl-U clears the field, as in a shell */
        f->seclen[i] = 0;
        t[0] = '\0';
        return TUI_FORM_EDITING;
    default:
        break;
    }
    if (ch < 32 || ch > 255 || ch == 127)
        return TUI_FORM_EDITING;
    if (f->sec[i]) {
        if (f->seclen[i] < PASSWORD_MAX) {
            secret_open(f->sec[i])[f->seclen[i]++] = (uint8_t)ch;
            secret_close(f->sec[i]);
        }
    } else if (len + 1 < TUI_FIELD_MAX) {
        t[len] = (char)ch;
        t[len + 1] = '\0';
    }
    f->why[i][0] = '\0';
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

static void check_limit(tui_form *f, size_t i, const abi_value *v, const tui_snapshot *s)
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
    if (!s || (s->missing & TUI_SEC_BALANCES))
        return; /* no balance known: the contract will say */
    bool ent = fs->limit == TUI_LIMIT_ENT;
    const u256 *avail = ent ? &s->ent_available : &s->eeuro_available;
    if (u256_cmp(&v->num, avail) > 0) {
        pc_format_unit(avail, ent ? PC_UNIT_ENT : PC_UNIT_EEURO, have, sizeof have);
        snprintf(f->why[i], sizeof f->why[i], "more than available (%s)", have);
    }
}

bool tui_form_validate(tui_form *f, const tui_app *app)
{
    bool ok = true;
    f->note[0] = '\0';
    for (size_t i = 0; i < f->spec.nfields; i++) {
        const tui_field_spec *fs = &f->spec.fields[i];
        f->why[i][0] = '\0';
        if (fs->type == TUI_FIELD_SECRET) {
            if (f->seclen[i] == 0)
                snprintf(f->why[i], sizeof f->why[i], "required");
        } else if (fs->type == TUI_FIELD_TEXT) {
            if (!fs->optional && !f->text[i][0])
                snprintf(f->why[i], sizeof f->why[i], "required");
        } else {
            abi_value v = { 0 };
            pc_error e = { 0 };
            if (pc_parse_arg(fs->kind, f->text[i], param_name_of(f), &v, &e) != PC_OK)
                snprintf(f->why[i], sizeof f->why[i], "%.150s", e.msg);
            else
                check_limit(f, i, &v, tui_app_snapshot(app));
            abi_value_free(&v);
        }
        ok &= f->why[i][0] == '\0';
    }
    size_t field = 0;
    char why[160] = "";
    if (ok && f->spec.check && !f->spec.check(app, f->texts, &field, why, sizeof why)) {
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

void tui_form_describe_arg(pc_arg_kind kind, const char *text, char *out, size_t cap)
{
    eth_address a;
    char cs[ETH_ADDRESS_TEXT_LEN];
    switch (kind) {
    case PC_ARG_ADDRESS:
        if (eth_address_parse(text, &a, NULL) == PC_OK) {
            eth_address_to_checksum(&a, cs);
            snprintf(out, cap, "%s", cs);
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

void tui_form_draw(tui_form *f, const tui_app *app, WINDOW *win)
{
    int visible = 0;
    for (size_t i = 0; i < f->spec.nfields; i++)
        visible += !f->spec.fields[i].hidden;
    int h = 7 + 3 * visible, w = getmaxx(win) - 4, y, x;
    if (w > 90)
        w = 90;
    tui_box(win, h, w, f->spec.title, &y, &x);
    int row = y + 2, label_w = 14, field_w = w - label_w - 6;
    int cy = -1, cx = -1;
    for (size_t i = 0; i < f->spec.nfields; i++) {
        const tui_field_spec *fs = &f->spec.fields[i];
        if (fs->hidden)
            continue;
        bool cur = i == f->cur;
        tui_print(win, row, x + 2, label_w, cur ? TUI_TITLE : TUI_NORMAL, "%s", fs->label);
        char shown[TUI_FIELD_MAX];
        if (f->sec[i]) {
            size_t n = f->seclen[i] < sizeof shown - 1 ? f->seclen[i] : sizeof shown - 1;
            memset(shown, '*', n);
            shown[n] = '\0';
        } else {
            snprintf(shown, sizeof shown, "%s", f->text[i]);
        }
        /* Show the end of long texts: that is where the cursor is. */
        int len = (int)strlen(shown);
        const char *tail = len >= field_w ? shown + len - field_w + 1 : shown;
        wattron(win, A_UNDERLINE);
        mvwhline(win, row, x + 2 + label_w, ' ', field_w);
        tui_print(win, row, x + 2 + label_w, field_w, TUI_NORMAL, "%s", tail);
        wattroff(win, A_UNDERLINE);
        if (cur) {
            cy = row;
            cx = x + 2 + label_w + (int)strlen(tail);
        }
        /* A reason may take two lines: addresses in it are long. */
        if (f->why[i][0]) {
            int used = tui_print(win, row + 1, x + 2 + label_w, field_w, TUI_BAD, "! %s",
                                 f->why[i]);
            if ((size_t)used < strlen(f->why[i]) + 2)
                tui_print(win, row + 2, x + 4 + label_w, field_w - 2, TUI_BAD, "%s",
                          f->why[i] + used - 2);
        }
        row += 3;
    }
    char preview[200] = "";
    if (f->spec.preview)
        f->spec.preview(app, f->texts, preview, sizeof preview);
    if (f->note[0])
        tui_print(win, row, x + 2, w - 4, TUI_BAD, "%s", f->note);
    else if (preview[0])
        tui_print(win, row, x + 2, w - 4, TUI_ACCENT, "%s", preview);
    tui_print(win, y + h - 2, x + 2, w - 4, TUI_DIM,
              "Enter next/submit  Tab/arrows move  Ctrl-U clear  Esc cancel");
    if (cy >= 0) {
        wmove(win, cy, cx);
        curs_set(1);
    }
}
