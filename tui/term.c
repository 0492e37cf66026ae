#include "tui/term.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

static const struct {
    const char *name;
    tui_notify kind;
} NOTIFY[] = {
    { "off", TUI_NOTIFY_OFF },
    { "bell", TUI_NOTIFY_BELL },
    { "osc9", TUI_NOTIFY_OSC9 },
    { "osc777", TUI_NOTIFY_OSC777 },
};

bool tui_notify_parse(const char *name, tui_notify *out)
{
    for (size_t i = 0; i < sizeof NOTIFY / sizeof NOTIFY[0]; i++)
        if (strcmp(name, NOTIFY[i].name) == 0) {
            *out = NOTIFY[i].kind;
            return true;
        }
    return false;
}

/* Printable ASCII of text, cut to the room: no byte of it can end the
 * sequence or start another (';' would split OSC 777's fields: a ','). */
static void plain(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 1 < cap && n < TUI_TERM_TEXT_MAX; p++) {
        unsigned char c = (unsigned char)*p;
        out[n++] = c == ';' ? ',' : c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    out[n] = '\0';
}

void tui_notify_sequence(tui_notify n, const char *text, char *out, size_t cap)
{
    char t[TUI_TERM_TEXT_MAX + 1];
    plain(text, t, sizeof t);
    switch (n) {
    case TUI_NOTIFY_OFF: snprintf(out, cap, "%s", ""); break;
    case TUI_NOTIFY_BELL: snprintf(out, cap, "\a"); break;
    case TUI_NOTIFY_OSC9: snprintf(out, cap, "\033]9;%s\a", t); break;
    case TUI_NOTIFY_OSC777: snprintf(out, cap, "\033]777;notify;powerchain;%s\a", t); break;
    }
}

bool tui_clipboard_sequence(const char *text, char *out, size_t cap)
{
    static const char HEAD[] = "\033]52;c;", TAIL[] = "\a";
    size_t len = strlen(text);
    if (len > TUI_TERM_TEXT_MAX)
        return false;
    size_t b64 = sodium_base64_encoded_len(len, sodium_base64_VARIANT_ORIGINAL);
    if (cap < sizeof HEAD - 1 + b64 + sizeof TAIL - 1)
        return false;
    memcpy(out, HEAD, sizeof HEAD - 1);
    sodium_bin2base64(out + sizeof HEAD - 1, b64, (const unsigned char *)text, len,
                      sodium_base64_VARIANT_ORIGINAL);
    strcat(out, TAIL);
    return true;
}

void tui_term_write(const char *seq)
{
    if (!seq[0])
        return;
    fputs(seq, stdout);
    fflush(stdout);
}
