#include "tui/table_draw.h"

/* Where the pieces of a row go. */
typedef struct row_ctx {
    WINDOW *win;
    const table_layout *l;
    int y, x0, bottom;
    const tui_style *styles;
    tui_style style;                /* for every piece when styles is NULL */
    bool pending[TABLE_COLS];       /* a piece of this column goes on in the next */
    int pend_y[TABLE_COLS], pend_x[TABLE_COLS];
} row_ctx;

static void draw_piece(void *ctx, const table_piece *p)
{
    row_ctx *r = ctx;
    int y = r->y + p->line, x = r->x0 + p->x;
    size_t c = p->col < TABLE_COLS ? p->col : 0;
    if (y >= r->bottom) {
        /* Past the room the caller gave: the trace hears of it as lost. */
        tui_print(r->win, getmaxy(r->win), x, 0, TUI_NORMAL, "%.*s", p->len, p->text);
        return;
    }
    if (r->pending[c])
        tui_ui_trace_cont(r->win, r->pend_y[c], r->pend_x[c], r->l->w[c], y, x);
    r->pending[c] = p->cont;
    r->pend_y[c] = y;
    r->pend_x[c] = x + p->cols;
    tui_print(r->win, y, x, p->cols, r->styles ? r->styles[c] : r->style, "%.*s", p->len,
              p->text);
}

static int bottom_of(WINDOW *win, int bottom)
{
    return bottom <= 0 || bottom > getmaxy(win) ? getmaxy(win) : bottom;
}

int tui_table_row(WINDOW *win, int y, int x0, int bottom, const table_layout *l,
                  const char *const texts[], const tui_style styles[])
{
    row_ctx r = { .win = win, .l = l, .y = y, .x0 = x0, .bottom = bottom_of(win, bottom),
                  .styles = styles };
    return table_row(l, texts, draw_piece, &r);
}

void tui_table_heading(WINDOW *win, int y, int x0, const table_col *cols, const table_layout *l,
                       tui_style st)
{
    row_ctx r = { .win = win, .l = l, .y = y, .x0 = x0, .bottom = bottom_of(win, 0), .style = st };
    table_heading(cols, l, draw_piece, &r);
}

int tui_table_rows(const table_layout *l, const char *const texts[])
{
    return table_row(l, texts, NULL, NULL);
}

int tui_text_rows(int width, int indent, const char *sep, const char *text)
{
    table_span spans[1];
    return table_wrap(text, width, width - indent, sep, spans, 0);
}

int tui_text(WINDOW *win, int y, int x, int width, int indent, int bottom, tui_style st,
             const char *sep, const char *text)
{
    enum { MAX_LINES = 64 };
    table_span spans[MAX_LINES];
    if (width <= 0)
        width = getmaxx(win) - x;
    bottom = bottom_of(win, bottom);
    int n = table_wrap(text, width, width - indent, sep, spans, MAX_LINES);
    for (int k = 0; k < n && k < MAX_LINES; k++) {
        int at = k ? x + indent : x;
        if (k && spans[k - 1].cont && y + k < bottom)
            tui_ui_trace_cont(win, y + k - 1, (k > 1 ? x + indent : x) + spans[k - 1].cols,
                              k > 1 ? width - indent : width, y + k, at);
        if (y + k >= bottom) {
            /* Told to the trace as lost: the caller left too little room. */
            tui_print(win, getmaxy(win), at, 0, st, "%.*s", spans[k].len, text + spans[k].at);
            continue;
        }
        tui_print(win, y + k, at, spans[k].cols, st, "%.*s", spans[k].len, text + spans[k].at);
    }
    return n;
}

/* The labels' column: the longest label and a space. */
static int label_width(const tui_field *f, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (table_text_width(f[i].label) + 1 > w)
            w = table_text_width(f[i].label) + 1;
    return w;
}

int tui_fields_rows(int width, const tui_field *f, size_t n)
{
    int lw = label_width(f, n), rows = 0;
    for (size_t i = 0; i < n; i++) {
        int k = tui_text_rows(width - lw, 0, NULL, f[i].value);
        rows += k > 0 ? k : 1;
    }
    return rows;
}

int tui_fields(WINDOW *win, int y, int x, int width, int bottom, tui_style label_style,
               const tui_field *f, size_t n)
{
    if (width <= 0)
        width = getmaxx(win) - x;
    bottom = bottom_of(win, bottom);
    int lw = label_width(f, n), y0 = y;
    for (size_t i = 0; i < n; i++) {
        if (y < bottom)
            tui_print(win, y, x, lw, label_style, "%s", f[i].label);
        else
            tui_print(win, getmaxy(win), x, 0, label_style, "%s", f[i].label);
        int k = tui_text(win, y, x + lw, width - lw, 0, bottom, f[i].style, NULL, f[i].value);
        y += k > 0 ? k : 1;
    }
    return y - y0;
}
