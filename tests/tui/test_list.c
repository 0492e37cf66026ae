/* The pages' list keys and filter (screens/common.h): Up/Down and j/k,
 * PgUp/PgDn by the list's height, g/G and Home/End, the `/` input line
 * (typing, Backspace, Enter keeps, Esc clears, other keys kept from the
 * shell), case-insensitive matching, scrolling that keeps the cursor on
 * screen, and clicks found by row. */
#include "../check.h"
#include "screens/common.h"

static void type(screen_list *l, const char *text, size_t count)
{
    for (; *text; text++)
        CHECK(screen_list_key(l, (unsigned char)*text, count));
}

static void cursor_keys(void)
{
    size_t c = 0;
    CHECK(screen_cursor_key(KEY_DOWN, &c, 300, 20) && c == 1);
    CHECK(screen_cursor_key('j', &c, 300, 20) && c == 2);
    CHECK(screen_cursor_key('k', &c, 300, 20) && c == 1);
    CHECK(screen_cursor_key(KEY_UP, &c, 300, 20) && c == 0);
    CHECK(screen_cursor_key(KEY_UP, &c, 300, 20) && c == 0);
    CHECK(screen_cursor_key(KEY_NPAGE, &c, 300, 20) && c == 20);
    CHECK(screen_cursor_key(KEY_PPAGE, &c, 300, 20) && c == 0);
    CHECK(screen_cursor_key('G', &c, 300, 20) && c == 299);
    CHECK(screen_cursor_key(KEY_NPAGE, &c, 300, 20) && c == 299);
    CHECK(screen_cursor_key(KEY_DOWN, &c, 300, 20) && c == 299);
    CHECK(screen_cursor_key(KEY_PPAGE, &c, 300, 20) && c == 279);
    CHECK(screen_cursor_key(KEY_HOME, &c, 300, 20) && c == 0);
    CHECK(screen_cursor_key(KEY_END, &c, 300, 20) && c == 299);
    CHECK(screen_cursor_key('g', &c, 300, 20) && c == 0);
    CHECK(screen_cursor_key(KEY_NPAGE, &c, 5, 20) && c == 4);
    CHECK(screen_cursor_key(KEY_END, &c, 0, 20) && c == 0);
    CHECK(!screen_cursor_key('x', &c, 300, 20));
}

static void scrolling(void)
{
    screen_list l = { 0 };
    CHECK(screen_list_begin(&l, 300, 10) == 0 && l.page == 10);
    l.cursor = 299;
    CHECK(screen_list_begin(&l, 300, 10) == 290);
    l.cursor = 280;
    CHECK(screen_list_begin(&l, 300, 10) == 280);
    /* The list shrank under the cursor: both come back inside. */
    CHECK(screen_list_begin(&l, 4, 10) == 0 && l.cursor == 3);
    CHECK(screen_list_begin(&l, 0, 10) == 0 && l.cursor == 0);
}

static void clicks(void)
{
    screen_list l = { 0 };
    screen_list_begin(&l, 50, 10);
    screen_list_mark(&l, 4, 0);
    screen_list_mark(&l, 6, 1);
    CHECK(screen_list_click(&l, 5) == 0);
    CHECK(screen_list_click(&l, 6) == 1 && l.cursor == 1);
    CHECK(screen_list_click(&l, 6) == 2 && l.cursor == 1);
    CHECK(screen_list_click(&l, 4) == 1 && l.cursor == 0);
    CHECK(screen_list_click(&l, -1) == 0 && screen_list_click(&l, SCREEN_ROWS_MAX) == 0);
    screen_list_begin(&l, 50, 10); /* a new draw forgets the rows */
    CHECK(screen_list_click(&l, 6) == 0);
}

static void filter_line(void)
{
    screen_list l = { 0 };
    CHECK(screen_list_match(&l, "anything"));
    CHECK(!screen_list_key(&l, 27, 10)); /* Esc without a filter: the shell's */
    l.cursor = 7;
    CHECK(screen_list_key(&l, '/', 10) && l.typing);
    /* Digits, q and j are text while typing, never page or quit keys. */
    type(&l, "Alice q1j", 10);
    CHECK_STR(l.filter, "Alice q1j");
    CHECK(l.cursor == 0);
    CHECK(screen_list_key(&l, KEY_BACKSPACE, 10) && screen_list_key(&l, 127, 10));
    CHECK_STR(l.filter, "Alice q");
    CHECK(screen_list_key(&l, KEY_BACKSPACE, 10));
    CHECK(screen_list_key(&l, KEY_BACKSPACE, 10));
    CHECK(screen_list_key(&l, KEY_F(5), 10)); /* taken, so the shell never sees it */
    CHECK(screen_list_key(&l, KEY_DOWN, 10) && l.cursor == 1 && l.typing);
    CHECK(screen_list_key(&l, '\n', 10) && !l.typing);
    CHECK_STR(l.filter, "Alice");
    CHECK(screen_list_match(&l, "0x90F7..b906 ALICE 3 ENT"));
    CHECK(screen_list_match(&l, "malice"));
    CHECK(!screen_list_match(&l, "Alic e"));
    CHECK(screen_list_key(&l, 'j', 10) && l.cursor == 1); /* kept: j moves again */
    CHECK(screen_list_key(&l, 27, 10));
    CHECK_STR(l.filter, "");
    CHECK(l.cursor == 0);
    /* Esc while typing clears too; the text has a bound. */
    CHECK(screen_list_key(&l, '/', 10));
    for (int i = 0; i < 2 * SCREEN_FILTER_MAX; i++)
        CHECK(screen_list_key(&l, 'x', 10));
    CHECK(strlen(l.filter) == SCREEN_FILTER_MAX - 1);
    CHECK(screen_list_key(&l, 27, 10) && !l.typing && l.filter[0] == '\0');
}

int main(void)
{
    cursor_keys();
    scrolling();
    clicks();
    filter_line();
    return check_summary();
}
