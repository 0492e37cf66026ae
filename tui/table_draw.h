/* tui/table.h's layouts put on a window: rows of a table and wrapped
 * texts, every piece through tui_print (so that nothing reaches the
 * terminal unfiltered). Input thread only. */
#ifndef TUI_TABLE_DRAW_H
#define TUI_TABLE_DRAW_H

#include <curses.h>

#include "tui/table.h"
#include "tui/ui.h"

/* Draws one row at window row y, its columns from x0 (the layout's x
 * plus x0), in styles[i] per column, leaving out the lines at or below
 * row `bottom`. Returns the lines the row takes (drawn or not). */
int tui_table_row(WINDOW *win, int y, int x0, int bottom, const table_layout *l,
                  const char *const texts[], const tui_style styles[]);
/* The headings of the shown columns at row y, in style st. */
void tui_table_heading(WINDOW *win, int y, int x0, const table_col *cols, const table_layout *l,
                       tui_style st);
/* The lines table_row would take for these texts. */
int tui_table_rows(const table_layout *l, const char *const texts[]);

/* A text wrapped into `width` columns from (y, x) (width <= 0: to the
 * window's right edge): at '\n', at `sep` (a field boundary; NULL: none)
 * or spaces (table_wrap), the lines after the first indented by `indent`.
 * Draws no line at or below row `bottom` (<= 0: the window's height).
 * Returns the lines the text takes, drawn or not. */
int tui_text(WINDOW *win, int y, int x, int width, int indent, int bottom, tui_style st,
             const char *sep, const char *text);
/* The lines tui_text would take. */
int tui_text_rows(int width, int indent, const char *sep, const char *text);

/* Labels and their values: the labels in a column as wide as the longest
 * and a space, each value wrapped beside its label (at spaces; the lines
 * after the first under the value's start). From (y, x), `width` columns
 * (<= 0: to the window's edge), nothing drawn at or below `bottom` (<= 0:
 * the window's height). Returns the rows they take, drawn or not. */
typedef struct tui_field {
    const char *label;
    const char *value;
    tui_style style;          /* the value's */
} tui_field;
int tui_fields(WINDOW *win, int y, int x, int width, int bottom, tui_style label_style,
               const tui_field *f, size_t n);
/* The rows tui_fields would take. */
int tui_fields_rows(int width, const tui_field *f, size_t n);

#endif
