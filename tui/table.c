#include "tui/table.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* A UTF-8 character starts at every byte that is not a continuation byte;
 * a stray byte shows as one '?' cell (tui_print), so it counts as one too. */
static bool starts_char(unsigned char b) { return (b & 0xC0) != 0x80; }

int table_text_width_n(const char *text, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len && text[i]; i++)
        n += starts_char((unsigned char)text[i]);
    return n;
}

int table_text_width(const char *text) { return text ? table_text_width_n(text, strlen(text)) : 0; }

void table_col_width(table_col *c, int form, int width)
{
    if (form >= 0 && form < TABLE_FORMS && width > c->width[form])
        c->width[form] = width;
}

void table_col_see(table_col *c, int form, const char *text)
{
    table_col_width(c, form, table_text_width(text));
}

static int nforms(const table_col *c) { return c->nforms < 1 ? 1 : c->nforms > TABLE_FORMS ? TABLE_FORMS : c->nforms; }

/* The width column c takes in form f. */
static int col_width(const table_col *c, int f)
{
    int w = c->min > 0 ? c->min : 0, h = table_text_width(c->heading);
    if (h > w)
        w = h;
    if (!c->fill && c->width[f] > w)
        w = c->width[f];
    return w;
}

bool table_shown(const table_layout *l, size_t i) { return i < l->ncols && l->form[i] >= 0; }

/* The row's width on one line with the forms chosen so far. */
static int total_width(const table_col *cols, const table_layout *l, int gap)
{
    int total = 0, shown = 0;
    for (size_t i = 0; i < l->ncols; i++)
        if (table_shown(l, i)) {
            total += col_width(&cols[i], l->form[i]);
            shown++;
        }
    return total + (shown > 1 ? (shown - 1) * gap : 0);
}

/* The column to shrink next: the one whose next step (its next form, or
 * hiding it) has the lowest priority, the later of equals; -1 when none can
 * shrink or go. */
static int victim(const table_col *cols, const table_layout *l)
{
    int best = -1, best_priority = 0;
    for (size_t i = 0; i < l->ncols; i++) {
        if (!table_shown(l, i))
            continue;
        const table_col *c = &cols[i];
        bool step = l->form[i] < nforms(c) - 1;
        if (!step && c->keep)
            continue;
        int priority = step || !c->hide ? c->priority : c->hide;
        if (best < 0 || priority <= best_priority) {
            best = (int)i;
            best_priority = priority;
        }
    }
    return best;
}

/* Places the shown columns on lines, left to right, starting a new line
 * (at indent) when the next one does not fit on the current one; a column
 * wider than the rest of its line gets that rest, and its text wraps. */
static void place(const table_col *cols, int gap, int indent, table_layout *l)
{
    int line = 0, x = 0;
    bool first = true;
    if (indent >= l->room)
        indent = 0;
    for (size_t i = 0; i < l->ncols; i++) {
        if (!table_shown(l, i))
            continue;
        int w = col_width(&cols[i], l->form[i]);
        if (!first && x + gap + w > l->room) {
            line++;
            x = indent;
            first = true;
        }
        if (!first)
            x += gap;
        if (w > l->room - x)
            w = l->room - x > 1 ? l->room - x : 1;
        l->line[i] = line;
        l->x[i] = x;
        l->w[i] = w;
        l->align[i] = cols[i].align;
        x += w;
        first = false;
    }
    l->nlines = line + 1;
}

/* Gives the fill column the room its line has left (up to its max); the
 * columns after it on that line move right. */
static void widen_fill(const table_col *cols, table_layout *l)
{
    for (size_t i = 0; i < l->ncols; i++) {
        if (!table_shown(l, i) || !cols[i].fill)
            continue;
        int end = 0;
        for (size_t j = 0; j < l->ncols; j++)
            if (table_shown(l, j) && l->line[j] == l->line[i] && l->x[j] + l->w[j] > end)
                end = l->x[j] + l->w[j];
        int extra = l->room - end;
        if (cols[i].max > 0 && l->w[i] + extra > cols[i].max)
            extra = cols[i].max - l->w[i];
        if (extra <= 0)
            return;
        l->w[i] += extra;
        for (size_t j = i + 1; j < l->ncols; j++)
            if (table_shown(l, j) && l->line[j] == l->line[i])
                l->x[j] += extra;
        return;
    }
}

void table_fit(const table_col *cols, size_t n, int room, int gap, int indent,
               table_layout *out)
{
    memset(out, 0, sizeof *out);
    out->ncols = n > TABLE_COLS ? TABLE_COLS : n;
    out->room = room > 1 ? room : 1;
    for (size_t i = 0; i < out->ncols; i++) {
        /* A column with nothing in it, and no heading or least width, takes
         * no room. */
        bool empty = !cols[i].fill && cols[i].min <= 0 && !table_text_width(cols[i].heading);
        for (int f = 0; f < nforms(&cols[i]); f++)
            empty &= cols[i].width[f] == 0;
        out->form[i] = empty ? -1 : 0;
    }
    while (total_width(cols, out, gap) > out->room) {
        int v = victim(cols, out);
        if (v < 0)
            break;
        if (out->form[v] < nforms(&cols[v]) - 1)
            out->form[v]++;
        else
            out->form[v] = -1;
    }
    place(cols, gap, indent, out);
    widen_fill(cols, out);
}

size_t table_hidden(const table_col *cols, const table_layout *l, char *out, size_t cap)
{
    size_t n = 0, used = 0;
    if (cap)
        out[0] = '\0';
    for (size_t i = 0; i < l->ncols; i++) {
        if (table_shown(l, i))
            continue;
        const char *name = cols[i].name ? cols[i].name : cols[i].heading ? cols[i].heading : "";
        if (!name[0])
            continue;
        if (used < cap)
            used += (size_t)snprintf(out + used, cap - used, "%s%s", n ? ", " : "", name);
        n++;
    }
    return n;
}

/* ---- wrapping ---- */

size_t table_unit_at(const char *p)
{
    static const char *const UNITS[] = { "eEuro/ENT", "ENT/kWh", "eEuro", "ENT", "kWh", "Wh",
                                         "min", "wei", "h", "s", "%" };
    for (size_t i = 0; i < sizeof UNITS / sizeof UNITS[0]; i++) {
        size_t n = strlen(UNITS[i]);
        if (strncmp(p, UNITS[i], n) == 0 && !isalnum((unsigned char)p[n]) && p[n] != '/')
            return n;
    }
    return 0;
}

/* May the line break at the space at text[s]? Not between a number and
 * its unit. */
static bool breakable(const char *text, int s)
{
    return !(s > 0 && isdigit((unsigned char)text[s - 1]) && table_unit_at(text + s + 1));
}

/* The byte offset after `cols` characters from `at`, stopping at '\n' or
 * the end; *nl tells whether a '\n' stopped it. */
static int advance(const char *text, int at, int cols, bool *nl)
{
    int p = at, n = 0;
    *nl = false;
    while (text[p]) {
        if (text[p] == '\n') {
            *nl = true;
            return p;
        }
        if (starts_char((unsigned char)text[p])) {
            if (n == cols)
                return p;
            n++;
        }
        p++;
    }
    return p;
}

int table_wrap(const char *text, int width, int next_width, const char *sep, table_span *out,
               int max)
{
    int n = 0, at = 0, w = width < 1 ? 1 : width;
    size_t seplen = sep ? strlen(sep) : 0;
    if (!text)
        return 0;
    while (text[at]) {
        bool nl;
        int end = advance(text, at, w, &nl), next = end;
        bool cont = false;
        if (!nl && text[end] && text[end] != '\n') {
            /* Too long: the last field boundary that fits, else the last
             * space, else between characters. */
            int cut = -1, after = -1;
            /* The separator's own mark (the comma of ", ", the '_' of "_")
             * ends the line; its spaces go. */
            int mark = (int)seplen;
            while (mark > 0 && sep[mark - 1] == ' ')
                mark--;
            for (int p = at + 1; seplen && p + mark <= end; p++)
                if (strncmp(text + p, sep, seplen) == 0)
                    cut = p + mark, after = p + (int)seplen;
            bool by_sep = cut >= 0;
            for (int p = end; cut < 0 && p > at; p--)
                if (text[p] == ' ' && breakable(text, p))
                    cut = p, after = p + 1;
            /* A number and its unit longer than a line part rather than
             * break inside a word. */
            for (int p = end; cut < 0 && p > at; p--)
                if (text[p] == ' ')
                    cut = p, after = p + 1;
            /* A word that no line holds whole parts after its last '(' or
             * '_' that fits on this line, rather than anywhere inside it: a
             * call's name from its first argument ("registerStorageUnit("
             * | "0xdef9..e15f e, ..."), a vote's kind from its subject
             * ("...favor of: 'changeBankerTo_" | "3c44...'. Execute"). */
            int w0 = cut > at && !by_sep ? after : cut > at ? -1 : at, w1 = w0;
            while (w0 >= 0 && text[w1] && text[w1] != ' ' && text[w1] != '\n')
                w1++;
            if (w0 >= 0 && table_text_width_n(text + w0, (size_t)(w1 - w0)) >
                               (next_width < 1 ? 1 : next_width))
                for (int p = end; p > (w0 > at ? w0 : at + 1); p--)
                    if (text[p - 1] == '(' || text[p - 1] == '_') {
                        cut = after = p;
                        break;
                    }
            if (cut > at) {
                end = cut;
                next = after;
            } else {
                /* A figure's unit ("%") keeps a digit with it. */
                int d = end;
                if (isdigit((unsigned char)text[d - 1]) && !isdigit((unsigned char)text[d]) &&
                    text[d] != '.')
                    while (d > at + 1 && !(isdigit((unsigned char)text[d - 1]) &&
                                           isdigit((unsigned char)text[d])))
                        d--;
                if (d > at + 1)
                    end = next = d;
                cont = true;
            }
        }
        if (n < max)
            out[n] = (table_span){ at, end - at, table_text_width_n(text + at, (size_t)(end - at)),
                                   cont };
        n++;
        at = next;
        if (text[at] == '\n' && !cont && (nl || at == end))
            at++;
        else if (!cont)
            while (text[at] == ' ')
                at++;
        w = next_width < 1 ? 1 : next_width;
    }
    return n;
}

/* ---- rows ---- */

/* Emits one cell's pieces from line `line` of the row; returns the lines
 * it took (1 for an empty cell). */
static int cell(const table_layout *l, size_t i, const char *text, int line, table_emit emit,
                void *ctx)
{
    if (!text || !text[0])
        return 1;
    table_span spans[TABLE_ROW_LINES];
    int w = l->w[i], cols = table_text_width(text), n;
    if (cols <= w && !strchr(text, '\n')) {
        n = 1;
        spans[0] = (table_span){ 0, (int)strlen(text), cols, false };
    } else {
        n = table_wrap(text, w, w, NULL, spans, TABLE_ROW_LINES);
        if (n > TABLE_ROW_LINES)
            n = TABLE_ROW_LINES;
    }
    for (int k = 0; k < n && emit; k++) {
        int x = l->x[i];
        if (l->align[i] == TABLE_RIGHT && n == 1 && spans[k].cols < w)
            x += w - spans[k].cols;
        table_piece p = { i, line + k, x, text + spans[k].at, spans[k].len, spans[k].cols,
                          spans[k].cont };
        emit(ctx, &p);
    }
    return n;
}

int table_row(const table_layout *l, const char *const texts[], table_emit emit, void *ctx)
{
    int y = 0;
    for (int line = 0; line < l->nlines; line++) {
        int h = 1;
        for (size_t i = 0; i < l->ncols; i++) {
            if (!table_shown(l, i) || l->line[i] != line)
                continue;
            int k = cell(l, i, texts[i], y, emit, ctx);
            if (k > h)
                h = k;
        }
        y += h;
    }
    return y;
}

int table_heading(const table_col *cols, const table_layout *l, table_emit emit, void *ctx)
{
    const char *texts[TABLE_COLS] = { 0 };
    for (size_t i = 0; i < l->ncols; i++)
        texts[i] = cols[i].heading;
    return table_row(l, texts, emit, ctx);
}

/* ---- a row into a string ---- */

typedef struct text_row {
    table_piece pieces[TABLE_COLS * TABLE_ROW_LINES];
    size_t n;
} text_row;

static void collect(void *ctx, const table_piece *p)
{
    text_row *r = ctx;
    if (r->n < sizeof r->pieces / sizeof r->pieces[0])
        r->pieces[r->n++] = *p;
}

/* Appends n copies of c, or the bytes of s, counting what it needed. */
static void put(char *out, size_t cap, size_t *used, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, (*used)++)
        if (*used + 1 < cap)
            out[*used] = s[i];
}

size_t table_row_text(const table_layout *l, const char *const texts[], char *out, size_t cap)
{
    text_row r = { .n = 0 };
    size_t used = 0;
    int lines = table_row(l, texts, collect, &r);
    for (int line = 0; line < lines; line++) {
        int x = 0;
        for (;;) {
            /* The leftmost piece of this line at or right of x. */
            const table_piece *next = NULL;
            for (size_t k = 0; k < r.n; k++)
                if (r.pieces[k].line == line && r.pieces[k].x >= x &&
                    (!next || r.pieces[k].x < next->x))
                    next = &r.pieces[k];
            if (!next)
                break;
            for (; x < next->x; x++)
                put(out, cap, &used, " ", 1);
            put(out, cap, &used, next->text, (size_t)next->len);
            x += next->cols;
        }
        put(out, cap, &used, "\n", 1);
    }
    if (cap)
        out[used < cap ? used : cap - 1] = '\0';
    return used;
}
