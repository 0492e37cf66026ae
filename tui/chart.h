/* Charts of a time series (wallet/series.h) rendered into a grid of cells
 * without ncurses, so that the rendering is testable cell by cell; one
 * thin function draws a grid into a window.
 *
 * A grid of rows x cols (at least CHART_MIN_ROWS x CHART_MIN_COLS):
 *
 *   row 0            the top of the y range, exact, with its unit
 *   rows 1..rows-3   the axis in column 0, the plot in the others
 *   row rows-2       the corner and the time axis, with the bottom of the
 *                    y range written over it
 *   row rows-1       the start time label on the left, the end on the right
 *
 * The plot uses Braille (U+2800..U+28FF, 2 x 4 dots a cell) for lines and
 * points and the block characters U+2581..U+2588 for bars when `utf8` is
 * set; otherwise ASCII alone: '*' for dots, '#' for bars, '|', '-' and '+'
 * for the axes. Scaling is exact integer arithmetic on u256: a value v in
 * [lo, hi] lands on dot row (v - lo) * (dots - 1) / (hi - lo) from the
 * bottom, a time t in [from, to] on dot column (t - from) * (dots - 1) /
 * (to - from). */
#ifndef TUI_CHART_H
#define TUI_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "wallet/series.h"

#define CHART_MIN_ROWS 4
#define CHART_MIN_COLS 8
/* One UTF-8 character (at most 3 bytes here) and its NUL. */
#define CHART_CELL_BYTES 4

typedef enum chart_ink {
    CHART_INK_BLANK,
    CHART_INK_AXIS,
    CHART_INK_LABEL,
    CHART_INK_PLOT,
} chart_ink;

typedef struct chart_cell {
    char text[CHART_CELL_BYTES];
    chart_ink ink;
} chart_cell;

typedef struct chart_grid {
    int rows, cols;
    chart_cell *cells;          /* owned: rows * cols, row by row */
} chart_grid;

typedef enum chart_style {
    CHART_POINTS, /* a dot per point: each fill at its price */
    CHART_STEPS,  /* a level held from each point until the next, and from
                     the last one until `to` */
    CHART_BARS,   /* per column, the sum of its points' values, as a bar from 0 */
} chart_style;

typedef struct chart_spec {
    const series *data;
    chart_style style;
    pc_unit unit;               /* of the values, for the y labels */
    uint64_t from, to;          /* the time range shown, from <= to */
    const char *from_label;     /* text under the left and right ends */
    const char *to_label;
    bool utf8;
    int rows, cols;
} chart_spec;

/* True when the series has something to draw in the range: a point in it,
 * or for CHART_STEPS a point before it (the level the range starts at). */
bool chart_has_data(const chart_spec *spec);

/* Renders spec into a new grid. The y range is the lowest and highest
 * value shown (for bars, 0 and the highest column). Points outside
 * [from, to] are not drawn; for CHART_STEPS the last point before `from`
 * gives the level at the left edge. Errors: PC_EINPUT when the size is
 * below the minimum or from > to, PC_ENOMEM. */
pc_status chart_render(const chart_spec *spec, chart_grid *out, pc_error *err);
void chart_grid_free(chart_grid *g);

/* Row r's characters, joined, into out (truncated to cap). */
void chart_grid_row(const chart_grid *g, int r, char *out, size_t cap);

/* Draws the grid at (y, x) in win: axes and labels dim, the plot in the
 * accent colour; what falls outside the window is left out. */
void chart_draw(WINDOW *win, int y, int x, const chart_grid *g);

#endif
