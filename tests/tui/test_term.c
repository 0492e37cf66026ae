/* What the panel writes to the terminal beside ncurses (tui/term.h): the
 * config's notify names, the bell and the OSC 9 / OSC 777 notifications
 * with text from elsewhere made harmless, and OSC 52's base64 (RFC 4648
 * section 10's vectors). */
#include "../check.h"
#include "tui/term.h"

#include <string.h>

static void notify_names(void)
{
    tui_notify n = TUI_NOTIFY_OSC777;
    CHECK(tui_notify_parse("off", &n) && n == TUI_NOTIFY_OFF);
    CHECK(tui_notify_parse("bell", &n) && n == TUI_NOTIFY_BELL);
    CHECK(tui_notify_parse("osc9", &n) && n == TUI_NOTIFY_OSC9);
    CHECK(tui_notify_parse("osc777", &n) && n == TUI_NOTIFY_OSC777);
    CHECK(!tui_notify_parse("OSC9", &n) && n == TUI_NOTIFY_OSC777);
    CHECK(!tui_notify_parse("", &n));
}

static void notifications(void)
{
    char seq[TUI_TERM_SEQ_MAX];
    tui_notify_sequence(TUI_NOTIFY_OFF, "vote", seq, sizeof seq);
    CHECK_STR(seq, "");
    tui_notify_sequence(TUI_NOTIFY_BELL, "vote", seq, sizeof seq);
    CHECK_STR(seq, "\a");
    tui_notify_sequence(TUI_NOTIFY_OSC9, "vote on: Add voter", seq, sizeof seq);
    CHECK_STR(seq, "\033]9;vote on: Add voter\a");
    tui_notify_sequence(TUI_NOTIFY_OSC777, "a;b", seq, sizeof seq);
    CHECK_STR(seq, "\033]777;notify;powerchain;a,b\a");
    /* A contract's text cannot end the sequence or start another. */
    tui_notify_sequence(TUI_NOTIFY_OSC9, "x\a\033]52;c;aGk=\a\xc3\xa9", seq, sizeof seq);
    CHECK_STR(seq, "\033]9;x??]52,c,aGk=???\a");
    char long_text[2 * TUI_TERM_TEXT_MAX];
    memset(long_text, 'v', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    tui_notify_sequence(TUI_NOTIFY_OSC9, long_text, seq, sizeof seq);
    CHECK(strlen(seq) == 4 + TUI_TERM_TEXT_MAX + 1);
}

static void clipboard(void)
{
    static const char *const V[][2] = {
        { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
        { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
    };
    char seq[TUI_TERM_SEQ_MAX], want[64];
    for (size_t i = 0; i < sizeof V / sizeof V[0]; i++) {
        CHECK(tui_clipboard_sequence(V[i][0], seq, sizeof seq));
        snprintf(want, sizeof want, "\033]52;c;%s\a", V[i][1]);
        CHECK_STR(seq, want);
    }
    CHECK(!tui_clipboard_sequence("foobar", seq, 16)); /* 8 + 8 + 1 + NUL */
    CHECK(tui_clipboard_sequence("foobar", seq, 18));
    char big[TUI_TERM_TEXT_MAX + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK(!tui_clipboard_sequence(big, seq, sizeof seq));
    big[TUI_TERM_TEXT_MAX] = '\0';
    CHECK(tui_clipboard_sequence(big, seq, sizeof seq));
}

int main(void)
{
    notify_names();
    notifications();
    clipboard();
    return check_summary();
}
