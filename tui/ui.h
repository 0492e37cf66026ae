/* Drawing helpers shared by the shell and the pages: colours that follow the
 * terminal (use_default_colors; none at all under NO_COLOR), text clipped to
 * a width, bars and gauges with an ASCII fallback when the locale is not
 * UTF-8, a spinner, and boxed dialogs. Input thread only. */
#ifndef TUI_UI_H
#define TUI_UI_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "eth/u256.h"
#include "rpcclient/units.h"

typedef enum tui_style {
    TUI_NORMAL,
    TUI_TITLE,    /* headings */
    TUI_DIM,      /* explanations, units */
    TUI_GOOD,     /* connected, mined, in favour, buy side */
    TUI_BAD,      /* errors, disconnected, against, sell side */
    TUI_WARN,     /* pending, locked */
    TUI_ACCENT,   /* figures the eye looks for, own orders */
    TUI_SELECTED, /* the cursor line, the current page */
} tui_style;

/* After initscr: colours (unless NO_COLOR is set or the terminal has none)
 * and whether bars may use UTF-8 block characters. */
void tui_ui_init(void);
bool tui_ui_utf8(void);

/* The length in bytes (1 to 4) of the character s starts with when it may
 * reach the terminal (eth/text.h's rule: no C0 or C1 control, no bidi
 * formatting, well-formed UTF-8 only); 0 otherwise. Reads at most `avail`
 * bytes. */
size_t tui_utf8_char(const char *s, size_t avail);

/* Applies a style to win until tui_style_off. */
void tui_style_on(WINDOW *win, tui_style s);
void tui_style_off(WINDOW *win, tui_style s);

/* Prints at (y, x), clipped to `width` columns (<= 0: to the window's edge),
 * in style s. Returns the columns used. Anything but printable characters
 * (see tui_utf8_char; ASCII alone when the locale is not UTF-8) shows as
 * '?', so no text, whoever wrote it, reaches the terminal as a control
 * sequence. */
int tui_print(WINDOW *win, int y, int x, int width, tui_style s, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Lines and frames: line drawing characters in a UTF-8 locale, '-', '|'
 * and '+' otherwise (the terminal's alternate character set would come out
 * as non-ASCII bytes). */
void tui_hline(WINDOW *win, int y, int x, int n);
void tui_vline(WINDOW *win, int y, int x, int n);
/* A horizontal bar of `cells` filled cells out of `width`. */
void tui_bar(WINDOW *win, int y, int x, unsigned cells, unsigned width, tui_style s);
/* Scales v to 0..width cells against max (integer division; 0 when max is 0). */
unsigned tui_scale(const u256 *v, const u256 *max, unsigned width);
/* A gauge of `width` cells: the marker at `pos` (0..width) against a centre
 * line (the balanced point). */
void tui_gauge(WINDOW *win, int y, int x, unsigned pos, unsigned width);
/* The spinner frame for a time in milliseconds. */
const char *tui_spinner(unsigned long ms);
/* Clears and frames a centred box of h x w (clamped to the screen); returns
 * its top-left corner through y, x. */
void tui_box(WINDOW *win, int h, int w, const char *title, int *y, int *x);

/* What the screen checker (tests/tui/screencheck.c) learns of each draw:
 * where every tui_print drew (window row and column, in screen
 * coordinates), the text it was given, and how many of its characters did
 * not fit (`lost`: a cut); where a word too long for its line breaks
 * between characters and goes on (from the end of one piece, on a line
 * `width` wide, to the start of the next); and where a box or an overlay
 * covers what was drawn before (tui_clear). NULL (the panel's case):
 * nothing is reported. */
typedef struct tui_trace {
    void (*print)(void *ctx, int y, int x, int cols, int lost, const char *text);
    void (*cont)(void *ctx, int y, int x_end, int width, int next_y, int next_x);
    void (*cover)(void *ctx, int y, int x, int h, int w);
    void *ctx;
} tui_trace;
void tui_ui_trace(const tui_trace *t);
/* Reports a continuation to the trace (tui/table_draw.c). */
void tui_ui_trace_cont(WINDOW *win, int y, int x_end, int width, int next_y, int next_x);
/* Blanks h rows of w columns from (y, x) of win: what a box or an overlay
 * puts over what was there. */
void tui_clear(WINDOW *win, int y, int x, int h, int w);

#endif
