/* An open form: field texts, secrets typed into guarded memory, the reason
 * next to each field that failed its check, and editing keys. Used by the
 * shell (tui/app.c); pages only describe forms (tui_form_spec). */
#ifndef TUI_FORM_H
#define TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "tui/app.h"

typedef struct tui_form {
    tui_form_spec spec;
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX];
    char *texts[TUI_FORM_FIELDS];     /* pointers into text, as specs' callbacks take */
    secret *sec[TUI_FORM_FIELDS];     /* TUI_FIELD_SECRET: PASSWORD_MAX bytes of room */
    size_t seclen[TUI_FORM_FIELDS];
    size_t excess[TUI_FORM_FIELDS];   /* characters typed past the field's room, not
                                         kept; Backspace takes these first */
    char why[TUI_FORM_FIELDS][PC_ERROR_MSG_MAX]; /* empty when the field passed */
    char pend[4];                     /* bytes of a UTF-8 character being typed */
    size_t npend;
    size_t cur;                       /* the field being edited */
    char note[PC_ERROR_MSG_MAX];      /* a message for the whole form */
} tui_form;

typedef enum tui_form_result { TUI_FORM_EDITING, TUI_FORM_SUBMIT, TUI_FORM_CANCEL } tui_form_result;

pc_status tui_form_init(tui_form *f, const tui_form_spec *spec, pc_error *err);
void tui_form_free(tui_form *f);
/* One key from getch: editing keys, or one byte of a character. Only
 * printable characters are taken (whole, valid UTF-8 ones; see
 * tui_utf8_char): control characters never enter a field. Characters typed
 * past a field's room are not kept but counted: the field stays too long
 * until as many have been deleted, so a cut value is never taken for the
 * typed one. */
tui_form_result tui_form_key(tui_form *f, int ch);
/* Checks every field (too long, empty, non-ASCII and negative first, then
 * the syntax, then limits against the snapshot, then the spec's own check);
 * fills why[] and returns true when all passed. */
bool tui_form_validate(tui_form *f, const tui_app *app);
/* The exact-length secret of field i (new; caller frees), or NULL. */
secret *tui_form_take_secret(tui_form *f, size_t i, pc_error *err);
void tui_form_draw(tui_form *f, const tui_app *app, WINDOW *win);

/* The address typed in an address field: "0x" + 40 hex digits, or a name
 * of the panel's address book (tui_app_names; names_resolve's errors).
 * *name (may be NULL) receives the book's name, NULL for an address. */
pc_status tui_form_resolve_address(const tui_app *app, const char *text, eth_address *out,
                                   const char **name, pc_error *err);

/* How a checked argument reads in a confirmation: "1.5 ENT", the
 * checksummed address with its name when the book has one
 * ("0x3C44...93BC (C)"), "buy". */
void tui_form_describe_arg(const tui_app *app, pc_arg_kind kind, const char *text, char *out,
                           size_t cap);

#endif
