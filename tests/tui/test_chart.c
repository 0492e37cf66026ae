/* The chart renderer cell by cell: steps and bars in ASCII, points and
 * bars in Braille and block characters, labels exact from u256. */
#include <stdlib.h>

#include "../check.h"
#include "tui/chart.h"

static series_point pts[8];
static series data = { pts, 0 };

static void point(uint64_t time, const char *ent)
{
    u256 v;
    if (u256_parse_fixed(ent, 18, &v, NULL) != PC_OK)
        abort();
    pts[data.count++] = (series_point){ 0, time, v };
}

static chart_grid render(chart_style style, bool utf8, int rows, int cols, uint64_t to)
{
    chart_spec s = { &data, style, PC_UNIT_ENT, 0, to, "a", "b", utf8, rows, cols };
    chart_grid g;
    CHECK(chart_render(&s, &g, NULL) == PC_OK);
    return g;
}

static void check_rows(const chart_grid *g, const char *const want[])
{
    char row[256];
    for (int r = 0; r < g->rows; r++) {
        chart_grid_row(g, r, row, sizeof row);
        CHECK_STR(row, want[r]);
    }
}

static void test_steps_ascii(void)
{
    data.count = 0;
    point(0, "0");
    point(5, "1");
    chart_grid g = render(CHART_STEPS, false, 5, 9, 10);
    /* 8 x 2 dots: the level 0 from x 0 to 5 * 7 / 10 = 3, up, 1 until the end. */
    const char *const want[] = { "1 ENT    ", "|   *****", "|****    ", "+ 0 ENT -",
                                 "a       b" };
    check_rows(&g, want);
    CHECK(g.cells[1 * 9 + 4].ink == CHART_INK_PLOT && g.cells[0].ink == CHART_INK_LABEL);
    chart_grid_free(&g);

    /* A range that starts after the last point: its level, flat, across. */
    chart_spec late = { &data, CHART_STEPS, PC_UNIT_ENT, 6, 10, "a", "b", false, 5, 9 };
    CHECK(chart_has_data(&late));
    CHECK(chart_render(&late, &g, NULL) == PC_OK);
    /* A flat range sits in the middle dot row, (2 - 1) / 2 = 0 from the bottom. */
    const char *const flat[] = { "1 ENT    ", "|        ", "|********", "+ 1 ENT -", "a       b" };
    check_rows(&g, flat);
    chart_grid_free(&g);
}

static void test_points_braille(void)
{
    data.count = 0;
    point(0, "1");
    point(13, "3.25");
    chart_grid g = render(CHART_POINTS, true, 4, 8, 13);
    /* 14 x 4 dots: (0, bottom) is dot 7 of the first cell, (13, top) dot 4
     * of the last. */
    const char *const want[] = { "3.25 ENT", "\u2502\u2840     \u2808",
                                 "\u2514 1 ENT ", "a      b" };
    check_rows(&g, want);
    chart_grid_free(&g);
}

static void test_bars(void)
{
    data.count = 0;
    point(0, "1");
    point(0, "1");
    point(5, "0.25");
    point(10, "1");
    chart_grid g = render(CHART_BARS, true, 5, 9, 10);
    /* 16 eighths high against the column sum 2: 16, 2 and 8 eighths. */
    const char *const want[] = { "2 ENT    ", "\u2502\u2588       ",
                                 "\u2502\u2588  \u2582   \u2588",
                                 "\u2514 0 ENT \u2500", "a       b" };
    check_rows(&g, want);
    chart_grid_free(&g);
    g = render(CHART_BARS, false, 5, 9, 10);
    const char *const ascii[] = { "2 ENT    ", "|#       ", "|#  #   #", "+ 0 ENT -",
                                  "a       b" };
    check_rows(&g, ascii);
    chart_grid_free(&g);
}

static void test_limits(void)
{
    data.count = 0;
    chart_spec s = { &data, CHART_POINTS, PC_UNIT_ENT, 0, 10, "a", "b", true, 3, 9 };
    chart_grid g;
    CHECK(!chart_has_data(&s));
    CHECK(chart_render(&s, &g, NULL) == PC_EINPUT && g.cells == NULL);
    s.rows = 4;
    s.from = 11;
    CHECK(chart_render(&s, &g, NULL) == PC_EINPUT);
    /* Labels too long for the width are cut; the end label gives way; a
     * range of one instant puts everything on the left. */
    point(0, "123456789.123456789");
    chart_spec wide = { &data, CHART_POINTS, PC_UNIT_ENT, 0, 0, "start", "end", false, 4, 8 };
    CHECK(chart_render(&wide, &g, NULL) == PC_OK);
    const char *const want[] = { "12345678", "|*      ", "+ 123456", "start   " };
    check_rows(&g, want);
    chart_grid_free(&g);
}

int main(void)
{
    test_steps_ascii();
    test_points_braille();
    test_bars();
    test_limits();
    return check_summary();
}
