/* How a page describes a form: its fields, their checks, and what
 * submitting it does (a contract method, or the page's own submit). Types
 * only: the shell opens and runs forms (tui/form.h), the action machine
 * keeps a form's spec and texts to reopen it as typed (tui/action.h), and
 * pages fill these specs (tui/app.h). The callbacks get the app the page
 * reads from (tui/app.h's accessors). */
#ifndef TUI_FORMSPEC_H
#define TUI_FORMSPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/error.h"
#include "keystore/secret.h"
#include "rpcclient/powerchain.h"

typedef struct tui_app tui_app;

typedef enum tui_field_type {
    TUI_FIELD_ARG,    /* a contract argument, checked with pc_parse_arg */
    TUI_FIELD_TEXT,   /* free text (names, paths); may be optional */
    TUI_FIELD_SECRET, /* typed into guarded memory, never shown */
} tui_field_type;

/* Extra checks against the snapshot, beyond the argument's syntax. */
typedef enum tui_limit {
    TUI_LIMIT_NONE,
    TUI_LIMIT_ENT,      /* at most the account's available ENT */
    TUI_LIMIT_EEURO,    /* at most the account's available eEuro */
    TUI_LIMIT_POSITIVE, /* more than zero */
} tui_limit;

#define TUI_FORM_FIELDS 4
#define TUI_FIELD_MAX 128

typedef struct tui_field_spec {
    const char *label;
    tui_field_type type;
    pc_arg_kind kind;      /* TUI_FIELD_ARG of a local form; a contract function's
                              fields take their kinds from the method table */
    const char *preset;    /* initial text, or NULL */
    bool hidden;           /* a fixed argument, not shown (e.g. the side) */
    bool optional;         /* TUI_FIELD_TEXT may stay empty */
    tui_limit limit;
} tui_field_spec;

typedef struct tui_form_spec {
    const char *title;
    pc_fn method;          /* the contract function run with the fields as its
                              arguments; PC_FN_NONE: a local form */
    size_t nfields;
    tui_field_spec fields[TUI_FORM_FIELDS];
    /* A line shown under the fields, recomputed as the person types (e.g.
     * the Wh an ENT amount buys). May be NULL. */
    void (*preview)(const tui_app *app, char *const texts[], char *out, size_t cap);
    /* Checks across fields; returns false with the field to blame and why. */
    bool (*check)(const tui_app *app, char *const texts[], size_t *field, char *why,
                  size_t cap);
    /* Local forms: what to do with the texts and secrets (NULL where a
     * field is not of that type). Secrets are freed by the shell. */
    pc_status (*submit)(tui_app *app, char *const texts[], secret *const secrets[],
                        pc_error *err);
} tui_form_spec;

#endif
