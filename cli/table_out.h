/* The command line's text tables through the panel's table writer
 * (tui/table.h): every row collected first, then each column as wide as its
 * widest cell in the whole table and its heading, so that no figure is cut
 * or pushed out of line whatever its width; figures right-aligned where
 * their column says so. A command line has no width to fit: nothing
 * shortens or hides (a column's priority and forms are not used).
 *
 * Cells are outside text (names, contract texts): each is copied and
 * sanitized (eth/text.h) before it is measured. */
#ifndef PC_TABLE_OUT_H
#define PC_TABLE_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "tui/table.h"

typedef struct cli_table cli_table;

/* A table of n (at most TABLE_COLS) columns, their headings (NULL or ""
 * for none: a table whose headings are all empty prints none) and
 * alignments taken from cols. Lines under a row (cli_table_add's `under`)
 * start at column `indent`. NULL when out of memory. */
cli_table *cli_table_new(const table_col *cols, size_t n, int indent);
/* Adds a row of the table's n cells (NULL for an empty one), and lines to
 * print under it (NULL: none; '\n' parts them). False when out of memory. */
bool cli_table_add(cli_table *t, const char *const cells[], const char *under);
/* Prints the headings and every row. */
void cli_table_print(const cli_table *t, FILE *out);
void cli_table_free(cli_table *t);

#endif
