/* Rendering a series into cells: a dot bitmap for lines and points, sums
 * per column for bars, then axes and exact labels around them. */
#include "tui/chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "tui/ui.h"

/* What is shown of the series: points [start, end) in the range, and the
 * level before it for steps. */
typedef struct visible {
    size_t start, end;
    bool has_level;
    u256 level;
} visible;

static visible visible_points(const chart_spec *s)
{
    visible v = { 0 };
    v.start = series_since(s->data, s->from);
    v.end = s->to == UINT64_MAX ? s->data->count : series_since(s->data, s->to + 1);
    if (s->style == CHART_STEPS && v.start > 0) {
        v.has_level = true;
        v.level = s->data->points[v.start - 1].value;
    }
    return v;
}

bool chart_has_data(const chart_spec *spec)
{
    visible v = visible_points(spec);
    return v.end > v.start || v.has_level;
}

/* off * steps / span, exactly; 0 when span is 0. */
static unsigned scale(const u256 *off, const u256 *span, unsigned steps)
{
    u256 n = u256_from_u64(steps), q;
    uint64_t r;
    if (u256_is_zero(span) || !u256_mul(&n, &n, off) || !u256_divmod(&q, NULL, &n, span) ||
        !u256_to_u64(&q, &r) || r > steps)
        return 0;
    return (unsigned)r;
}

typedef struct canvas {
    chart_grid *g;
    int plot_rows, plot_cols;     /* cells */
    unsigned sx, sy;              /* dots per cell across and down */
    unsigned dots_w, dots_h;
    bool *dots;                   /* dots_h rows of dots_w */
    uint64_t from, to;
    u256 lo, hi;
} canvas;

static unsigned dot_x(const canvas *c, uint64_t t, unsigned steps)
{
    u256 off = u256_from_u64(t - c->from), span = u256_from_u64(c->to - c->from);
    return scale(&off, &span, steps);
}

/* The dot row from the top; a flat range sits in the middle. */
static unsigned dot_y(const canvas *c, const u256 *v)
{
    u256 off, span;
    unsigned up = (c->dots_h - 1) / 2;
    if (u256_sub(&span, &c->hi, &c->lo) && !u256_is_zero(&span) && u256_sub(&off, v, &c->lo))
        up = scale(&off, &span, c->dots_h - 1);
    return c->dots_h - 1 - up;
}

static void dot(canvas *c, unsigned x, unsigned y)
{
    c->dots[(size_t)y * c->dots_w + x] = true;
}

static void dots_across(canvas *c, unsigned y, unsigned x0, unsigned x1)
{
    for (unsigned x = x0; x <= x1; x++)
        dot(c, x, y);
}

static void dots_down(canvas *c, unsigned x, unsigned y0, unsigned y1)
{
    unsigned a = y0 < y1 ? y0 : y1, b = y0 < y1 ? y1 : y0;
    for (unsigned y = a; y <= b; y++)
        dot(c, x, y);
}

static chart_cell *cell(chart_grid *g, int r, int col)
{
    return &g->cells[(size_t)r * (size_t)g->cols + (size_t)col];
}

static void put(chart_grid *g, int r, int col, const char *text, chart_ink ink)
{
    if (r < 0 || r >= g->rows || col < 0 || col >= g->cols)
        return;
    chart_cell *c = cell(g, r, col);
    snprintf(c->text, sizeof c->text, "%s", text);
    c->ink = ink;
}

/* Labels are ASCII; anything else shows as '?'. */
static void put_text(chart_grid *g, int r, int col, const char *text)
{
    for (size_t i = 0; text[i]; i++) {
        char ch[2] = { text[i] >= 0x20 && text[i] < 0x7f ? text[i] : '?', 0 };
        put(g, r, col + (int)i, ch, CHART_INK_LABEL);
    }
}

/* U+2800 + bits in UTF-8. */
static void braille(unsigned bits, char out[CHART_CELL_BYTES])
{
    out[0] = (char)0xE2;
    out[1] = (char)(0xA0 | (bits >> 6));
    out[2] = (char)(0x80 | (bits & 0x3F));
    out[3] = 0;
}

static void plot_dots(canvas *c)
{
    /* Braille dot numbering: left column 1 2 3 7, right column 4 5 6 8. */
    static const unsigned bit[4][2] = { { 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 },
                                        { 0x40, 0x80 } };
    for (int r = 0; r < c->plot_rows; r++)
        for (int col = 0; col < c->plot_cols; col++) {
            unsigned bits = 0;
            for (unsigned dy = 0; dy < c->sy; dy++)
                for (unsigned dx = 0; dx < c->sx; dx++)
                    if (c->dots[((size_t)r * c->sy + dy) * c->dots_w + (size_t)col * c->sx + dx])
                        bits |= c->sy == 4 ? bit[dy][dx] : 1;
            if (!bits)
                continue;
            char text[CHART_CELL_BYTES] = "*";
            if (c->sy == 4)
                braille(bits, text);
            put(c->g, 1 + r, 1 + col, text, CHART_INK_PLOT);
        }
}

static void draw_line(canvas *c, const chart_spec *s, const visible *v)
{
    const series_point *p = s->data->points;
    if (s->style == CHART_POINTS) {
        for (size_t i = v->start; i < v->end; i++)
            dot(c, dot_x(c, p[i].time, c->dots_w - 1), dot_y(c, &p[i].value));
        return;
    }
    size_t i = v->start;
    unsigned x = 0, y;
    if (v->has_level) {
        y = dot_y(c, &v->level);
    } else {
        x = dot_x(c, p[i].time, c->dots_w - 1);
        y = dot_y(c, &p[i].value);
    }
    for (; i < v->end; i++) {
        unsigned nx = dot_x(c, p[i].time, c->dots_w - 1), ny = dot_y(c, &p[i].value);
        dots_across(c, y, x, nx);
        dots_down(c, nx, y, ny);
        x = nx;
        y = ny;
    }
    dots_across(c, y, x, c->dots_w - 1);
}

/* Column sums into sums[plot_cols]; the highest into c->hi. */
static void sum_columns(canvas *c, const chart_spec *s, const visible *v, u256 *sums)
{
    for (size_t i = v->start; i < v->end; i++) {
        const series_point *p = &s->data->points[i];
        unsigned col = dot_x(c, p->time, (unsigned)c->plot_cols - 1);
        u256 sum;
        if (u256_add(&sum, &sums[col], &p->value))
            sums[col] = sum;
        if (u256_cmp(&sums[col], &c->hi) > 0)
            c->hi = sums[col];
    }
}

static void draw_bars(canvas *c, const u256 *sums, bool utf8)
{
    unsigned eighths_max = (unsigned)c->plot_rows * 8;
    for (int col = 0; col < c->plot_cols; col++) {
        if (u256_is_zero(&sums[col]))
            continue;
        unsigned e = scale(&sums[col], &c->hi, eighths_max);
        if (e == 0)
            e = 1; /* a trade too small to scale still shows */
        for (int k = 0; k < c->plot_rows; k++) {
            unsigned fill = e > (unsigned)k * 8 ? e - (unsigned)k * 8 : 0;
            if (fill == 0)
                break;
            char text[CHART_CELL_BYTES] = "#";
            if (utf8) {
                /* U+2581..U+2588: one to eight eighths. */
                text[0] = (char)0xE2;
                text[1] = (char)0x96;
                text[2] = (char)(0x80 + (fill > 8 ? 8 : fill));
                text[3] = 0;
            }
            put(c->g, c->plot_rows - k, 1 + col, text, CHART_INK_PLOT);
        }
    }
}

static void draw_frame(const canvas *c, const chart_spec *s)
{
    chart_grid *g = c->g;
    char label[PC_UNIT_TEXT_MAX + 2];
    for (int r = 1; r <= c->plot_rows; r++)
        put(g, r, 0, s->utf8 ? "\u2502" : "|", CHART_INK_AXIS);
    int axis = g->rows - 2;
    put(g, axis, 0, s->utf8 ? "\u2514" : "+", CHART_INK_AXIS);
    for (int col = 1; col < g->cols; col++)
        put(g, axis, col, s->utf8 ? "\u2500" : "-", CHART_INK_AXIS);
    pc_format_unit(&c->hi, s->unit, label, sizeof label);
    put_text(g, 0, 0, label);
    char low[PC_UNIT_TEXT_MAX];
    pc_format_unit(&c->lo, s->unit, low, sizeof low);
    snprintf(label, sizeof label, " %s ", low);
    put_text(g, axis, 1, label);
    int bottom = g->rows - 1;
    put_text(g, bottom, 0, s->from_label);
    int right = g->cols - (int)strlen(s->to_label);
    if (right > (int)strlen(s->from_label))
        put_text(g, bottom, right, s->to_label);
}

/* The lowest and highest value shown. */
static void value_range(canvas *c, const chart_spec *s, const visible *v)
{
    bool any = v->has_level;
    if (any)
        c->lo = c->hi = v->level;
    for (size_t i = v->start; i < v->end; i++) {
        const u256 *x = &s->data->points[i].value;
        if (!any || u256_cmp(x, &c->lo) < 0)
            c->lo = *x;
        if (!any || u256_cmp(x, &c->hi) > 0)
            c->hi = *x;
        any = true;
    }
}

pc_status chart_render(const chart_spec *s, chart_grid *out, pc_error *err)
{
    *out = (chart_grid){ 0 };
    if (s->rows < CHART_MIN_ROWS || s->cols < CHART_MIN_COLS)
        return pc_fail(err, PC_EINPUT, "a chart needs at least %d rows and %d columns",
                       CHART_MIN_ROWS, CHART_MIN_COLS);
    if (s->from > s->to)
        return pc_fail(err, PC_EINPUT, "a chart's time range must not end before it starts");
    canvas c = { .g = out, .plot_rows = s->rows - 3, .plot_cols = s->cols - 1,
                 .sx = s->utf8 ? 2 : 1, .sy = s->utf8 ? 4 : 1, .from = s->from, .to = s->to };
    c.dots_w = (unsigned)c.plot_cols * c.sx;
    c.dots_h = (unsigned)c.plot_rows * c.sy;
    c.lo = c.hi = u256_zero();
    out->cells = calloc((size_t)s->rows * (size_t)s->cols, sizeof *out->cells);
    c.dots = calloc((size_t)c.dots_w * c.dots_h, sizeof *c.dots);
    u256 *sums = calloc((size_t)c.plot_cols, sizeof *sums);
    if (!out->cells || !c.dots || !sums) {
        free(out->cells);
        free(c.dots);
        free(sums);
        *out = (chart_grid){ 0 };
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    out->rows = s->rows;
    out->cols = s->cols;
    for (size_t i = 0; i < (size_t)s->rows * (size_t)s->cols; i++)
        strcpy(out->cells[i].text, " ");
    visible v = visible_points(s);
    if (s->style == CHART_BARS) {
        sum_columns(&c, s, &v, sums);
        draw_bars(&c, sums, s->utf8);
    } else if (v.end > v.start || v.has_level) {
        value_range(&c, s, &v);
        draw_line(&c, s, &v);
        plot_dots(&c);
    }
    draw_frame(&c, s);
    free(c.dots);
    free(sums);
    return PC_OK;
}

void chart_grid_free(chart_grid *g)
{
    if (!g)
        return;
    free(g->cells);
    *g = (chart_grid){ 0 };
}

void chart_grid_row(const chart_grid *g, int r, char *out, size_t cap)
{
    size_t used = 0;
    if (cap == 0)
        return;
    out[0] = '\0';
    for (int col = 0; r >= 0 && r < g->rows && col < g->cols; col++) {
        const char *t = g->cells[(size_t)r * (size_t)g->cols + (size_t)col].text;
        size_t n = strlen(t);
        if (used + n >= cap)
            break;
        memcpy(out + used, t, n + 1);
        used += n;
    }
}

void chart_draw(WINDOW *win, int y, int x, const chart_grid *g)
{
    static const tui_style style[] = { [CHART_INK_BLANK] = TUI_NORMAL,
                                       [CHART_INK_AXIS] = TUI_DIM,
                                       [CHART_INK_LABEL] = TUI_DIM,
                                       [CHART_INK_PLOT] = TUI_ACCENT };
    int h, w;
    getmaxyx(win, h, w);
    for (int r = 0; r < g->rows && y + r < h; r++)
        for (int col = 0; col < g->cols && x + col < w; col++) {
            const chart_cell *c = &g->cells[(size_t)r * (size_t)g->cols + (size_t)col];
            if (c->ink == CHART_INK_BLANK)
                continue;
            tui_style_on(win, style[c->ink]);
            mvwaddstr(win, y + r, x + col, c->text);
            tui_style_off(win, style[c->ink]);
        }
}
