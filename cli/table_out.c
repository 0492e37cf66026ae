#include "cli/table_out.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "eth/text.h"

/* A command line's lines have no end to fit in. */
#define NO_WIDTH (INT_MAX / 4)

typedef struct row {
    char *cells[TABLE_COLS];
    char *under;
} row;

struct cli_table {
    table_col cols[TABLE_COLS];
    size_t ncols;
    int indent;
    row *rows;
    size_t n, cap;
};

cli_table *cli_table_new(const table_col *cols, size_t n, int indent)
{
    cli_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = n > TABLE_COLS ? TABLE_COLS : n;
    t->indent = indent;
    for (size_t i = 0; i < t->ncols; i++) {
        t->cols[i] = (table_col){ .heading = cols[i].heading, .align = cols[i].align,
                                  .keep = true };
    }
    return t;
}

static char *clean_copy(const char *s)
{
    char *c = strdup(s ? s : "");
    if (c)
        text_sanitize(c);
    return c;
}

bool cli_table_add(cli_table *t, const char *const cells[], const char *under)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        row *rows = realloc(t->rows, cap * sizeof *rows);
        if (!rows)
            return false;
        t->rows = rows;
        t->cap = cap;
    }
    row r = { { NULL }, NULL };
    bool ok = true;
    for (size_t i = 0; i < t->ncols && ok; i++)
        ok = (r.cells[i] = clean_copy(cells[i])) != NULL;
    if (ok && under)
        ok = (r.under = clean_copy(under)) != NULL;
    if (!ok) {
        for (size_t i = 0; i < t->ncols; i++)
            free(r.cells[i]);
        free(r.under);
        return false;
    }
    for (size_t i = 0; i < t->ncols; i++)
        table_col_see(&t->cols[i], 0, r.cells[i]);
    t->rows[t->n++] = r;
    return true;
}

/* A row's lines, which table_row_text writes into a buffer as large as it
 * says it needs. */
static void print_row(const table_layout *l, const char *const texts[], FILE *out)
{
    char small[512];
    size_t need = table_row_text(l, texts, small, sizeof small);
    if (need < sizeof small) {
        fputs(small, out);
        return;
    }
    char *big = malloc(need + 1);
    if (!big) {
        fputs(small, out); /* what fitted, rather than nothing */
        fputc('\n', out);
        return;
    }
    table_row_text(l, texts, big, need + 1);
    fputs(big, out);
    free(big);
}

void cli_table_print(const cli_table *t, FILE *out)
{
    table_layout l;
    table_fit(t->cols, t->ncols, NO_WIDTH, 2, 0, &l);
    const char *texts[TABLE_COLS];
    bool headed = false;
    for (size_t i = 0; i < t->ncols; i++)
        headed |= (texts[i] = t->cols[i].heading) && texts[i][0];
    if (headed)
        print_row(&l, texts, out);
    for (size_t r = 0; r < t->n; r++) {
        for (size_t i = 0; i < t->ncols; i++)
            texts[i] = t->rows[r].cells[i];
        print_row(&l, texts, out);
        for (const char *p = t->rows[r].under; p && *p;) {
            size_t len = strcspn(p, "\n");
            fprintf(out, "%*s%.*s\n", t->indent, "", (int)len, p);
            p += len + (p[len] == '\n');
        }
    }
}

void cli_table_free(cli_table *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->n; r++) {
        for (size_t i = 0; i < t->ncols; i++)
            free(t->rows[r].cells[i]);
        free(t->rows[r].under);
    }
    free(t->rows);
    free(t);
}
