/* Tables and texts laid out for a width, in character columns: the one
 * writer of the panel's pages, its header, status line and dialogs, and the
 * command line's text tables. Pure functions, no ncurses (tui/table_draw.h
 * puts the result on a window).
 *
 * A table is a row of declared columns (table_col): each has a priority,
 * a minimum width, an alignment, and one to TABLE_FORMS texts per cell,
 * from wide to narrow (a name with a whole address, a name with a short
 * address, ...). The caller measures every form over the WHOLE list
 * (table_col_see for each row, or a bound it knows), so that the widths
 * never change with the rows in view. table_fit then lays the columns out
 * in the room there is:
 *
 *   1. every column in its widest form;
 *   2. while the row is too wide, the lowest-priority column (the later one
 *      of equals) steps to its next form, and after its last one is hidden
 *      (unless `keep`; hiding counts at `hide` when that is set);
 *   3. if the kept columns still do not fit, the row continues on more
 *      lines, broken between columns, each continuation line indented;
 *   4. a column wider than a whole line (a 78-digit figure) gets the line
 *      and its text goes on over the next lines, broken between characters.
 *
 * No text is ever cut: a cell is drawn whole, over several lines when its
 * column says so (a `fill` column wraps its text at word boundaries in the
 * room left over). A figure and its unit stay together: wrapping never
 * breaks between a number and the unit after it.
 *
 * Widths count characters (one column each, as tui_print draws them);
 * texts are UTF-8. */
#ifndef TUI_TABLE_H
#define TUI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#define TABLE_COLS 12
#define TABLE_FORMS 3
/* Lines one row may take (wrapped cells included); more are left out. */
#define TABLE_ROW_LINES 24

typedef enum table_align { TABLE_LEFT, TABLE_RIGHT } table_align;

typedef struct table_col {
    const char *heading;       /* drawn above it ("" or NULL: none); counts in its width */
    const char *name;          /* names it when hidden (NULL: the heading) */
    table_align align;
    int priority;              /* the higher, the later it shrinks */
    int hide;                  /* the priority of hiding it, when not its priority
                                  (0): a time that shortens early but goes late */
    int min;                   /* never narrower than this while shown; a fill column's
                                  least width */
    bool keep;                 /* never hidden: a figure the row is about */
    bool fill;                 /* takes the room left over (one column at most) and wraps
                                  its text in it; at most `max` wide when max > 0 */
    int max;
    int nforms;                /* texts a cell may take, 1 (0 counts as 1) to TABLE_FORMS */
    int width[TABLE_FORMS];    /* the widest text of each form over the whole list */
} table_col;

/* Widens form `form` of column c to hold `text`. */
void table_col_see(table_col *c, int form, const char *text);
/* Widens form `form` of column c to `width` columns (a width known without
 * the text: an address is 42 characters). */
void table_col_width(table_col *c, int form, int width);

/* Where each column goes: its line within a row (0 first), x and width,
 * and the form of its texts; hidden columns have form -1. */
typedef struct table_layout {
    size_t ncols;
    int line[TABLE_COLS];
    int x[TABLE_COLS];
    int w[TABLE_COLS];
    int form[TABLE_COLS];
    table_align align[TABLE_COLS];
    int nlines;                /* lines of a row before any cell wraps (at least 1) */
    int room;
} table_layout;

/* Lays out n (at most TABLE_COLS) columns in `room` character columns with
 * `gap` spaces between neighbours; continuation lines start at `indent`. */
void table_fit(const table_col *cols, size_t n, int room, int gap, int indent,
               table_layout *out);

/* True when column i is shown. */
bool table_shown(const table_layout *l, size_t i);

/* "owner, depth" (the names of the hidden columns) into out; returns how
 * many are hidden (0 leaves out ""). */
size_t table_hidden(const table_col *cols, const table_layout *l, char *out, size_t cap);

/* The number of characters of a UTF-8 text (its width on screen). */
int table_text_width(const char *text);
/* Of its first `len` bytes. */
int table_text_width_n(const char *text, size_t len);

/* ---- wrapping ---- */

/* One line of a wrapped text: `len` bytes from byte `at`, `cols` wide;
 * `cont` when a word too long for a line goes on in the next span (it was
 * broken between characters). */
typedef struct table_span {
    int at, len, cols;
    bool cont;
} table_span;

/* Breaks text into lines, the first `width` columns wide and the others
 * `next_width` (a hanging indent is width - next_width): at '\n'; else at
 * the last `sep` that fits (a field boundary, e.g. "  ", ", " or "_"; its
 * spaces are dropped at the break, its mark ends the line; NULL: none),
 * else the last space, never between a number
 * and its unit (table_unit_at); a word longer than a whole line parts
 * after its last '(' or '_' that fits (a call's name from its arguments, a
 * vote's kind from its subject), else between characters. Spaces at a break are dropped. Stores at most max
 * spans and returns how many lines the text needs (0 for ""). */
int table_wrap(const char *text, int width, int next_width, const char *sep, table_span *out,
               int max);

/* The length of the unit word at p ("ENT", "eEuro", "eEuro/ENT",
 * "ENT/kWh", "kWh", "Wh", "h", "min", "s", "wei", "%"), when one starts
 * there and ends at a word's end; else 0. */
size_t table_unit_at(const char *p);

/* ---- rows ---- */

/* One piece of a row: `len` bytes of text for column `col`, at line `line`
 * of the row and character column x; `cont` when the text goes on at the
 * start of the next piece of the same column. */
typedef struct table_piece {
    size_t col;
    int line, x;
    const char *text;
    int len, cols;
    bool cont;
} table_piece;

typedef void (*table_emit)(void *ctx, const table_piece *p);

/* Lays out one row whose cells are texts[i] (in form l->form[i]; NULL or
 * "" for an empty cell, and unread for hidden columns) and gives each
 * piece to emit (NULL: only counts). Returns the row's lines. */
int table_row(const table_layout *l, const char *const texts[], table_emit emit, void *ctx);

/* The headings, as a row: the columns' names. */
int table_heading(const table_col *cols, const table_layout *l, table_emit emit, void *ctx);

/* ---- a row into a string (the command line) ---- */

/* Writes the row as text lines into out: pieces at their columns, padded
 * with spaces, lines ended by '\n', trailing spaces dropped. Returns the
 * bytes written, or how many it needed when cap was too small (out then
 * holds what fitted). */
size_t table_row_text(const table_layout *l, const char *const texts[], char *out, size_t cap);

#endif
