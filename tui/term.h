/* What the panel writes to the terminal beside ncurses' drawing: a
 * notification when something new waits for the person (the bell, or a
 * desktop notification by OSC 9 or OSC 777), and text put on the
 * terminal's clipboard by OSC 52 (which reaches the person's own terminal
 * through SSH, and through tmux with `set-clipboard on`).
 *
 * The sequences are made here (pure, tested) and written by
 * tui_term_write, which the shell calls right after refresh(), so that they
 * never land in the middle of ncurses' own output. Text that comes from
 * elsewhere (a node, the contract) never reaches the terminal as a control
 * sequence: a notification's text keeps printable ASCII only. */
#ifndef TUI_TERM_H
#define TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>

/* How the panel tells of a new item (the config file's `notify` key). */
typedef enum tui_notify {
    TUI_NOTIFY_OFF,    /* "off": nothing (the default) */
    TUI_NOTIFY_BELL,   /* "bell": BEL, the terminal's bell */
    TUI_NOTIFY_OSC9,   /* "osc9": ESC ] 9 ; text BEL (iTerm2, kitty, WezTerm, ...) */
    TUI_NOTIFY_OSC777, /* "osc777": ESC ] 777 ; notify ; title ; text BEL (urxvt, foot, ...) */
} tui_notify;

/* The names above, "off, bell, osc9, osc777", for messages. */
#define TUI_NOTIFY_NAMES "off, bell, osc9, osc777"

/* The kind named `name`; false (and *out untouched) for any other text. */
bool tui_notify_parse(const char *name, tui_notify *out);

/* The longest text a sequence carries: a notification's (longer is cut)
 * and the clipboard's (longer is refused). */
#define TUI_TERM_TEXT_MAX 512
/* Room for any sequence made here, its NUL included. */
#define TUI_TERM_SEQ_MAX (64 + 4 * (TUI_TERM_TEXT_MAX / 3 + 1) + TUI_TERM_TEXT_MAX)

/* The sequence that notifies of `text` with kind n into out (cap at least
 * TUI_TERM_SEQ_MAX); "" for TUI_NOTIFY_OFF. */
void tui_notify_sequence(tui_notify n, const char *text, char *out, size_t cap);

/* The OSC 52 sequence that puts `text` (at most TUI_TERM_TEXT_MAX bytes)
 * on the clipboard, base64 as the sequence wants; false when text is
 * longer or cap too small. */
bool tui_clipboard_sequence(const char *text, char *out, size_t cap);

/* Writes seq to the terminal (standard output, which ncurses draws on) and
 * flushes it. Call after refresh(). */
void tui_term_write(const char *seq);

#endif
