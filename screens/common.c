#include "screens/common.h"

#include <stdio.h>

#include "tui/ui.h"

void screen_short_address(const eth_address *a, char out[16])
{
    char full[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, full);
    snprintf(out, 16, "%.6s..%s", full, full + 38);
}

bool screen_cursor_key(int ch, size_t *cursor, size_t count)
{
    switch (ch) {
    case KEY_UP:
        if (*cursor > 0)
            (*cursor)--;
        return true;
    case KEY_DOWN:
        if (*cursor + 1 < count)
            (*cursor)++;
        return true;
    case KEY_HOME:
        *cursor = 0;
        return true;
    case KEY_END:
        *cursor = count ? count - 1 : 0;
        return true;
    default:
        return false;
    }
}

size_t screen_cursor_clamp(size_t cursor, size_t count)
{
    return count == 0 ? 0 : cursor >= count ? count - 1 : cursor;
}

void screen_heading(WINDOW *win, int y, const char *title)
{
    tui_print(win, y, 0, 0, TUI_TITLE, "%s", title);
}

bool screen_missing(WINDOW *win, int y, const wallet_state *s, unsigned section,
                    const char *what)
{
    if (!(s->missing & section))
        return false;
    tui_print(win, y, 2, 0, TUI_DIM, "%s: not available from this node or contract", what);
    return true;
}
