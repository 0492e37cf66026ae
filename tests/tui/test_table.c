/* The table writer (tui/table.h) without a terminal: widths from the whole
 * list, the order in which columns shrink and hide, rows continued on more
 * lines when the kept columns do not fit, figures never cut or parted from
 * their unit, wrapping at field and word boundaries with a hanging indent,
 * and rows written as text (the command line's tables). */
#include "../check.h"
#include "tui/table.h"

#include <stdlib.h>

/* A market-like table: side, price and quantity kept, the owner in three
 * forms (whole address, short one, hidden), a depth bar that fills. */
enum { SIDE, PRICE, QTY, OWNER, BAR, NCOLS };

static void market_cols(table_col c[NCOLS])
{
    c[SIDE] = (table_col){ .heading = "side", .priority = 9, .keep = true };
    c[PRICE] = (table_col){ .heading = "eEuro/ENT", .align = TABLE_RIGHT, .priority = 8,
                            .keep = true };
    c[QTY] = (table_col){ .heading = "ENT", .align = TABLE_RIGHT, .priority = 8, .keep = true };
    c[OWNER] = (table_col){ .heading = "owner", .priority = 3, .nforms = 2 };
    c[BAR] = (table_col){ .name = "depth", .priority = 1, .fill = true, .min = 8, .max = 30 };
    const char *rows[][4] = {
        { "SELL", "0.000000000000000001", "1.123456789012345678",
          "0x90F79bf6EB2c4f870365E785982E1f101E93b906 u1" },
        { "BUY", "1234567.891234567891234567", "0.000000000000000001", "0xf39F..2266 a" },
        { "BUY", "1", "8.1", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" },
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        table_col_see(&c[SIDE], 0, rows[r][0]);
        table_col_see(&c[PRICE], 0, rows[r][1]);
        table_col_see(&c[QTY], 0, rows[r][2]);
        table_col_see(&c[OWNER], 0, rows[r][3]);
        table_col_see(&c[OWNER], 1, "0x90F7..b906 u1");
    }
}

static void widths_from_the_list(void)
{
    table_col c[NCOLS];
    market_cols(c);
    CHECK(c[PRICE].width[0] == 26 && c[QTY].width[0] == 20 && c[OWNER].width[0] == 45);
    CHECK(c[OWNER].width[1] == 15);
    CHECK(table_text_width("0x90F7…b906") == 11);
    CHECK(table_text_width("") == 0 && table_text_width(NULL) == 0);
    /* A width known without its text only widens. */
    table_col_width(&c[OWNER], 1, 12);
    CHECK(c[OWNER].width[1] == 15);
    table_col_width(&c[OWNER], 2, 12);
    table_col_width(&c[OWNER], TABLE_FORMS, 99);
    CHECK(c[OWNER].width[2] == 12);

    /* Wide: every column in its widest form, the bar filling up to its max. */
    table_layout l;
    table_fit(c, NCOLS, 200, 2, 4, &l);
    CHECK(l.nlines == 1);
    for (size_t i = 0; i < NCOLS; i++)
        CHECK(table_shown(&l, i) && l.form[i] == 0 && l.line[i] == 0);
    CHECK(l.x[SIDE] == 0 && l.w[SIDE] == 4);
    CHECK(l.x[PRICE] == 6 && l.w[PRICE] == 26);
    CHECK(l.x[QTY] == 34 && l.w[QTY] == 20);
    CHECK(l.x[OWNER] == 56 && l.w[OWNER] == 45);
    CHECK(l.x[BAR] == 103 && l.w[BAR] == 30);
    char hidden[64];
    CHECK(table_hidden(c, &l, hidden, sizeof hidden) == 0);
    CHECK_STR(hidden, "");
    /* A column with nothing in it takes no room. */
    table_col empty[2] = { { .priority = 1 }, { .keep = true } };
    table_col_see(&empty[1], 0, "x");
    table_fit(empty, 2, 80, 2, 4, &l);
    CHECK(!table_shown(&l, 0) && l.x[1] == 0);
}

static void lowest_priority_goes_first(void)
{
    table_col c[NCOLS];
    market_cols(c);
    table_layout l;
    char hidden[64];
    /* 4+26+20+45+8 and four gaps of 2: 111. One less and the bar goes. */
    table_fit(c, NCOLS, 111, 2, 4, &l);
    CHECK(table_shown(&l, BAR) && l.w[BAR] == 8 && l.form[OWNER] == 0);
    table_fit(c, NCOLS, 110, 2, 4, &l);
    CHECK(!table_shown(&l, BAR) && l.form[OWNER] == 0);
    CHECK(table_hidden(c, &l, hidden, sizeof hidden) == 1);
    CHECK_STR(hidden, "depth");
    /* Then the owner shortens (a name with a short address)... */
    table_fit(c, NCOLS, 100, 2, 4, &l);
    CHECK(l.form[OWNER] == 1 && l.w[OWNER] == 15 && l.nlines == 1);
    /* ...and goes before any figure is touched. */
    table_fit(c, NCOLS, 60, 2, 4, &l);
    CHECK(!table_shown(&l, OWNER) && l.nlines == 1);
    CHECK(l.w[PRICE] == 26 && l.w[QTY] == 20);
    CHECK(table_hidden(c, &l, hidden, sizeof hidden) == 2);
    CHECK_STR(hidden, "owner, depth");
    /* A column that shortens early but goes late: the depth's bar goes only
     * after the owner has shortened. */
    c[BAR].hide = 5;
    table_fit(c, NCOLS, 100, 2, 4, &l);
    CHECK(l.form[OWNER] == 1 && table_shown(&l, BAR));
    table_fit(c, NCOLS, 80, 2, 4, &l);
    CHECK(!table_shown(&l, OWNER) && table_shown(&l, BAR));
}

static void kept_columns_go_on_the_next_line(void)
{
    table_col c[NCOLS];
    market_cols(c);
    table_layout l;
    /* 4+26+20 and two gaps: 54 does not fit in 40: the quantity moves to a
     * second line, indented. */
    table_fit(c, NCOLS, 40, 2, 4, &l);
    CHECK(l.nlines == 2);
    CHECK(l.line[SIDE] == 0 && l.line[PRICE] == 0 && l.line[QTY] == 1);
    CHECK(l.x[QTY] == 4 && l.w[QTY] == 20);
    /* A figure wider than a whole line gets the line and wraps. */
    table_fit(c, NCOLS, 12, 2, 4, &l);
    CHECK(l.nlines == 3 && l.line[PRICE] == 1 && l.x[PRICE] == 4 && l.w[PRICE] == 8);
    const char *texts[NCOLS] = { "BUY", "1234567.891234567891234567", "8.1", NULL, NULL };
    char out[256];
    table_row_text(&l, texts, out, sizeof out);
    /* A figure broken over lines starts each at the column's left. */
    CHECK_STR(out, "BUY\n    1234567.\n    89123456\n    78912345\n    67\n         8.1\n");
}

static void rows_align(void)
{
    table_col c[NCOLS];
    market_cols(c);
    table_layout l;
    table_fit(c, NCOLS, 100, 2, 4, &l);
    const char *texts[NCOLS] = { "BUY", "1", "8.1", "0xf39F..2266 a", "" };
    char out[256];
    size_t n = table_row_text(&l, texts, out, sizeof out);
    CHECK_STR(out, "BUY                            1                   8.1  0xf39F..2266 a\n");
    CHECK(n == strlen(out));
    /* Too small a buffer: what it needed, and what fitted. */
    char small[8];
    CHECK(table_row_text(&l, texts, small, sizeof small) == n && strlen(small) == 7);
    table_heading(c, &l, NULL, NULL);
    CHECK(table_heading(c, &l, NULL, NULL) == 1);
}

static void fill_wraps_in_its_room(void)
{
    table_col c[2] = { { .heading = "", .keep = true, .priority = 5 },
                       { .heading = "", .fill = true, .min = 10, .keep = true, .priority = 4 } };
    table_col_see(&c[0], 0, "#12");
    table_layout l;
    table_fit(c, 2, 30, 1, 2, &l);
    CHECK(l.x[1] == 4 && l.w[1] == 26);
    const char *texts[2] = { "#12", "transferENT(0xf39F..2266 a, 1.5 ENT)" };
    char out[256];
    CHECK(table_row(&l, texts, NULL, NULL) == 2);
    table_row_text(&l, texts, out, sizeof out);
    CHECK_STR(out, "#12 transferENT(0xf39F..2266\n    a, 1.5 ENT)\n");
}

static void wrapping(void)
{
    table_span s[16];
    /* Field boundaries first, then spaces. */
    const char *hints = "b buy  s sell  x remove own order";
    int n = table_wrap(hints, 16, 16, "  ", s, 16);
    CHECK(n == 3);
    CHECK(s[0].at == 0 && s[0].len == 13 && s[0].cols == 13 && !s[0].cont);
    CHECK(s[1].at == 15 && s[1].len == 12);
    CHECK(strncmp(hints + s[2].at, "order", 5) == 0 && s[2].len == 5);
    /* A separator's mark ends the line, its spaces go. */
    const char *list = "0xf39F..2266 a, 0x7099..79C8 b";
    n = table_wrap(list, 20, 20, ", ", s, 16);
    CHECK(n == 2 && s[0].len == 15 && list[s[0].at + s[0].len - 1] == ',' && s[1].at == 16);
    const char *vote = "register_afe0239c_eac55b88";
    n = table_wrap(vote, 18, 18, "_", s, 16);
    CHECK(n == 2 && s[0].len == 18 && strncmp(vote + s[1].at, "eac55b88", 8) == 0);
    /* A number and its unit stay together. */
    const char *t = "Energy consumed >> 1000 Wh by f39f";
    n = table_wrap(t, 23, 23, NULL, s, 16);
    CHECK(n == 2 && s[0].len == 18 && strncmp(t + s[1].at, "1000 Wh by f39f", 15) == 0);
    /* ...unless they are longer than a line together. */
    const char *figure = "waits 1234567.891234567891234567 eEuro";
    n = table_wrap(figure, 30, 30, NULL, s, 16);
    CHECK(n == 3 && s[0].len == 5 && s[1].len == 26 && !s[1].cont);
    CHECK(strncmp(figure + s[2].at, "eEuro", 5) == 0);
    /* A hanging indent: the lines after the first are narrower. */
    const char *words = "aaa bbb ccc ddd eee";
    n = table_wrap(words, 7, 5, NULL, s, 16);
    CHECK(n == 4 && s[0].len == 7 && s[1].len == 3 && s[2].len == 3 && s[3].len == 3);
    /* A call too long for a line parts after its parenthesis, not inside
     * its first argument. */
    const char *call = "registerStorageUnit(0xdef9..e15f e, 0xEac5..B617 c)";
    n = table_wrap(call, 31, 31, NULL, s, 16);
    CHECK(n == 2 && s[0].len == 20 && !s[0].cont && strncmp(call + s[1].at, "0xdef9", 6) == 0);
    /* ...and a vote's subject after its kind, keeping the sentence's
     * period with it. */
    const char *vote_text = "of: 'changeBankerTo_3c44cdddb6a9'. Execute";
    n = table_wrap(vote_text, 24, 20, NULL, s, 16);
    CHECK(n == 3 && s[0].len == 20 && !s[0].cont &&
          strncmp(vote_text + s[0].at, "of: 'changeBankerTo_", 20) == 0 &&
          strncmp(vote_text + s[1].at, "3c44cdddb6a9'.", 14) == 0 && s[1].len == 14);
    /* A word longer than a line breaks between characters, and says so. */
    const char *hash = "0x0123456789abcdef";
    n = table_wrap(hash, 8, 8, NULL, s, 16);
    CHECK(n == 3 && s[0].cont && s[1].cont && !s[2].cont && s[2].len == 2);
    /* A figure breaks between digits: its unit stays with some. */
    const char *pct = "1234.5678%";
    n = table_wrap(pct, 9, 9, NULL, s, 16);
    CHECK(n == 2 && s[0].len == 8 && s[0].cont && strncmp(pct + s[1].at, "8%", 2) == 0);
    /* Line breaks break; empty texts take no line. */
    n = table_wrap("Info: a\nError: b", 40, 40, NULL, s, 16);
    CHECK(n == 2 && s[0].len == 7 && s[1].at == 8 && s[1].len == 8);
    CHECK(table_wrap("", 10, 10, NULL, s, 16) == 0);
    /* UTF-8 counts characters. */
    n = table_wrap("ééé ééé", 3, 3, NULL, s, 16);
    CHECK(n == 2 && s[0].len == 6 && s[0].cols == 3 && s[1].cols == 3);
    /* More lines than room: counted, not stored. */
    CHECK(table_wrap("a b c d e", 1, 1, NULL, s, 2) == 5);
}

static void units(void)
{
    CHECK(table_unit_at("ENT left") == 3);
    CHECK(table_unit_at("eEuro/ENT") == 9);
    CHECK(table_unit_at("kWh stored") == 3);
    CHECK(table_unit_at("h 5 min") == 1);
    CHECK(table_unit_at("ENTRY") == 0);
    CHECK(table_unit_at("sells") == 0);
    CHECK(table_unit_at("eEuro/") == 0);
}

int main(void)
{
    widths_from_the_list();
    lowest_priority_goes_first();
    kept_columns_go_on_the_next_line();
    rows_align();
    fill_wraps_in_its_room();
    wrapping();
    units();
    return check_summary();
}
