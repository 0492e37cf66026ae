#include "rpcclient/jsonscan.h"

void json_scan_init(json_scan *s)
{
    *s = (json_scan){ 0 };
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t json_scan_feed(json_scan *s, const char *p, size_t n)
{
    size_t i = 0;
    for (; i < n && !s->done && !s->bad; i++) {
        char c = p[i];
        if (!s->started) {
            if (is_space(c))
                continue;
            if (c != '{' && c != '[') {
                s->bad = true;
                break;
            }
            s->started = true;
            s->depth = 1;
            s->values = 2; /* the root, and its first member */
            continue;
        }
        if (s->in_string) {
            if (s->escaped)
                s->escaped = false;
            else if (c == '\\')
                s->escaped = true;
            else if (c == '"')
                s->in_string = false;
            continue;
        }
        switch (c) {
        case '"':
            s->in_string = true;
            break;
        case '{':
        case '[':
            s->depth++;
            s->values++;
            break;
        case ',':
            s->values++;
            break;
        case '}':
        case ']':
            if (--s->depth == 0)
                s->done = true;
            break;
        default:
            break;
        }
    }
    return i;
}
