/* An open form: field texts, secrets typed into guarded memory, the reason
 * next to each field that failed its check, editing keys, and the call a
 * checked form names. Used by the shell (tui/flow.h); pages only describe
 * forms (tui/formspec.h). */
#ifndef TUI_FORM_H
#define TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "tui/action.h"
#include "tui/formspec.h"
#include "wallet/names.h"
#include "wallet/state.h"

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
    bool preset[TUI_FORM_FIELDS];     /* still its preset, untouched: the first
                                         character typed replaces it */
    size_t cur;                       /* the field being edited */
    char note[PC_ERROR_MSG_MAX];      /* a message for the whole form */
} tui_form;

/* What a form reads besides its texts, given by the shell. */
typedef struct tui_form_view {
    const tui_app *app;          /* handed to the spec's preview and check */
    const wallet_state *snap;    /* the limits' balances; NULL: not known yet */
    const names *book;           /* names typed for addresses; may be NULL */
} tui_form_view;

typedef enum tui_form_result { TUI_FORM_EDITING, TUI_FORM_SUBMIT, TUI_FORM_CANCEL } tui_form_result;

pc_status tui_form_init(tui_form *f, const tui_form_spec *spec, pc_error *err);
void tui_form_free(tui_form *f);
/* Puts text into field i as typed (a form reopened as the person left
 * it): typing then adds to it rather than replacing it. */
void tui_form_set_text(tui_form *f, size_t i, const char *text);
/* One key from getch: editing keys, or one byte of a character. Only
 * printable characters are taken (whole, valid UTF-8 ones; see
 * tui_utf8_char): control characters never enter a field. The first
 * character typed into a field that still shows its preset replaces the
 * preset (Backspace edits it instead). In a field that takes a number, y
 * submits the form as in every other dialog and n is not typed (the note
 * says that Esc cancels). Characters typed past a field's room are not kept
 * but counted: the field stays too long until as many have been deleted, so
 * a cut value is never taken for the typed one. */
tui_form_result tui_form_key(tui_form *f, int ch);
/* Checks every field (too long, empty, non-ASCII and negative first, then
 * the syntax, then limits against the snapshot, then the spec's own check);
 * fills why[] and returns true when all passed. */
bool tui_form_validate(tui_form *f, const tui_form_view *v);
/* The exact-length secret of field i (new; caller frees), or NULL. */
secret *tui_form_take_secret(tui_form *f, size_t i, pc_error *err);
void tui_form_draw(tui_form *f, const tui_form_view *v, WINDOW *win);

/* The texts a submit takes: names typed into address fields replaced by
 * the checksummed addresses they name through book (may be NULL), which
 * are written to resolved[]; texts[i] points into f or resolved. Fields
 * that do not resolve (not yet checked) are left as typed. */
void tui_form_texts(const tui_form *f, const names *book,
                    char resolved[TUI_FORM_FIELDS][ETH_ADDRESS_TEXT_LEN],
                    char *texts[TUI_FORM_FIELDS]);

/* The call of a checked form naming a method (tui_form_validate passed):
 * names typed for addresses resolved through book (may be NULL), the
 * arguments encoded, and how each reads in a confirmation ("1.5 ENT", the
 * checksummed address with its name when the book has one, "buy"). *out
 * owns its calldata. Errors: PC_EINPUT for a method the binding does not
 * know or arguments that do not encode (pc_encode_call's message),
 * PC_ENOMEM. */
pc_status tui_form_encode(const tui_form *f, const names *book, tui_call *out, pc_error *err);

#endif
