/* The peg's series with their points read from the node at each block. */
#include "wallet/series_node.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The figures of the peg's series. A read of WHAT_TOTALS gives the first
 * five; a unit's read (what = 1 + its position in n->units) gives F_UNIT. */
typedef enum figure { F_ENT, F_WH, F_MINT, F_BURN, F_ACCOUNT, F_UNIT, F_COUNT } figure;
#define WHAT_TOTALS 0u
#define TOTALS 5

/* One read the node answered. */
struct series_node_read_item {
    uint64_t block;
    uint32_t what;
};

/* The node's figure after `block` where it differs from the replay's. */
struct series_node_diff {
    uint32_t what;
    uint32_t figure;
    uint64_t block, time;
    u256 value;
};

/* A read wanted: the block (with its time) and what is read there. */
typedef struct want {
    uint64_t block, time;
    uint32_t what;
} want;

void series_node_forget(series_node *n)
{
    free(n->reads);
    free(n->diffs);
    free(n->units);
    memset(n, 0, sizeof *n);
}

static int cmp_u64(uint64_t x, uint64_t y) { return (x > y) - (x < y); }

static int want_order(const void *a, const void *b)
{
    const want *x = a, *y = b;
    int c = cmp_u64(x->block, y->block);
    return c ? c : cmp_u64(x->what, y->what);
}

static int read_order(const void *a, const void *b)
{
    const series_node_read_item *x = a, *y = b;
    int c = cmp_u64(x->block, y->block);
    return c ? c : cmp_u64(x->what, y->what);
}

static int diff_order(const void *a, const void *b)
{
    const series_node_diff *x = a, *y = b;
    int c = cmp_u64(x->what, y->what);
    c = c ? c : cmp_u64(x->figure, y->figure);
    return c ? c : cmp_u64(x->block, y->block);
}

static bool was_read(const series_node *n, uint64_t block, uint32_t what)
{
    series_node_read_item key = { block, what };
    return n->nreads && bsearch(&key, n->reads, n->nreads, sizeof key, read_order);
}

static bool not_kept(const series_node *n, uint64_t block)
{
    return n->has_floor && block <= n->floor;
}

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return false;
    *p = q;
    *cap = c;
    return true;
}

/* The position of `unit` in n->units, added when new; false when out of
 * memory. */
static bool unit_what(series_node *n, const eth_address *unit, uint32_t *what)
{
    for (size_t i = 0; i < n->nunits; i++)
        if (eth_address_equal(&n->units[i], unit)) {
            *what = (uint32_t)i + 1;
            return true;
        }
    if (!grow((void **)&n->units, &n->units_cap, n->nunits + 1, sizeof *n->units))
        return false;
    n->units[n->nunits++] = *unit;
    *what = (uint32_t)n->nunits;
    return true;
}

/* The peg's totals series of e, in the order of the figures. */
static void totals_of(series_energy *e, series *out[TOTALS])
{
    out[F_ENT] = &e->ent;
    out[F_WH] = &e->wh;
    out[F_MINT] = &e->mint_cost;
    out[F_BURN] = &e->burn_cost;
    out[F_ACCOUNT] = &e->account_ent;
}

/* Every read the points of e want, once, by block then what (*out to
 * free); uwhat[i] is unit i's what. False when out of memory. */
static bool wants_of(series_energy *e, const uint32_t *uwhat, want **out, size_t *count)
{
    series *t[TOTALS];
    totals_of(e, t);
    size_t total = 0;
    for (size_t i = 0; i < TOTALS; i++)
        total += t[i]->count;
    for (size_t u = 0; u < e->nunits; u++)
        total += e->units[u].wh.count;
    want *w = malloc((total ? total : 1) * sizeof *w);
    if (!w)
        return false;
    size_t k = 0;
    for (size_t i = 0; i < TOTALS; i++)
        for (size_t j = 0; j < t[i]->count; j++)
            w[k++] = (want){ t[i]->points[j].block, t[i]->points[j].time, WHAT_TOTALS };
    for (size_t u = 0; u < e->nunits; u++)
        for (size_t j = 0; j < e->units[u].wh.count; j++)
            w[k++] = (want){ e->units[u].wh.points[j].block, e->units[u].wh.points[j].time,
                             uwhat[u] };
    qsort(w, k, sizeof *w, want_order);
    size_t m = 0;
    for (size_t i = 0; i < k; i++)
        if (m == 0 || want_order(&w[m - 1], &w[i]) != 0)
            w[m++] = w[i];
    *out = w;
    *count = m;
    return true;
}

/* The replay's value of s after `block`: its last point at or before it
 * (0 before its first). */
static u256 replay_at(const series *s, uint64_t block)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->points[mid].block <= block)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? s->points[lo - 1].value : u256_zero();
}

/* The tuple's field `at` of a read's answer (and the next one into
 * *second), if it decodes. */
static bool take(const rpc_batch *b, int index, pc_fn fn, u256 *out, u256 *second)
{
    abi_value v;
    pc_error e = { 0 };
    if (index < 0 || pc_batch_decode(b, index, pc_method_get(fn), &v, &e) != PC_OK)
        return false;
    bool ok = v.kind == ABI_TUPLE && v.count >= 1u + (second != NULL);
    if (ok) {
        *out = v.items[0].num;
        if (second)
            *second = v.items[1].num;
    }
    abi_value_free(&v);
    return ok;
}

/* Calls a read of `what` makes. */
static size_t calls_of(const series_node *n, uint32_t what)
{
    return what == WHAT_TOTALS ? 3u + n->has_account : 1u;
}

/* Adds the calls of read w to b; the index of its first. */
static int add_read(rpc_batch *b, const series_node *n, const pc_contract *k, const want *w)
{
    char tag[24];
    snprintf(tag, sizeof tag, "0x%" PRIx64, w->block);
    pc_error e = { 0 };
    if (w->what != WHAT_TOTALS) {
        char addr[ETH_ADDRESS_TEXT_LEN];
        char *argv[1] = { addr };
        eth_address_to_checksum(&n->units[w->what - 1], addr);
        return pc_batch_add_read_at(b, k, pc_method_get(PC_FN_GET_STORAGE_UNIT_ENERGY), NULL, 1,
                                    argv, tag, &e);
    }
    int first = pc_batch_add_read_at(b, k, pc_method_get(PC_FN_GET_TOTAL_ENT), NULL, 0, NULL,
                                     tag, &e);
    bool ok = first >= 0 &&
              pc_batch_add_read_at(b, k, pc_method_get(PC_FN_GET_TOTAL_ENERGY), NULL, 0, NULL,
                                   tag, &e) >= 0 &&
              pc_batch_add_read_at(b, k, pc_method_get(PC_FN_GET_ENERGY_COSTS), NULL, 0, NULL,
                                   tag, &e) >= 0 &&
              (!n->has_account || pc_batch_add_read_at(b, k, pc_method_get(PC_FN_BALANCE_ENT),
                                                       &n->account, 0, NULL, tag, &e) >= 0);
    return ok ? first : -1;
}

/* The node's figures of read w (the batch's calls from `at`) into v: false
 * when a call failed (the node keeps no state of the block). */
static bool take_read(const rpc_batch *b, int at, const series_node *n, const want *w,
                      u256 v[F_COUNT])
{
    if (w->what != WHAT_TOTALS)
        return take(b, at, PC_FN_GET_STORAGE_UNIT_ENERGY, &v[F_UNIT], NULL);
    u256 available, locked;
    return take(b, at, PC_FN_GET_TOTAL_ENT, &v[F_ENT], NULL) &&
           take(b, at + 1, PC_FN_GET_TOTAL_ENERGY, &v[F_WH], NULL) &&
           take(b, at + 2, PC_FN_GET_ENERGY_COSTS, &v[F_MINT], &v[F_BURN]) &&
           (!n->has_account || (take(b, at + 3, PC_FN_BALANCE_ENT, &available, &locked) &&
                                u256_add(&v[F_ACCOUNT], &available, &locked)));
}

/* Keeps read w and, where the node's figures v differ from the replay's,
 * the node's; false when out of memory. */
static bool keep(series_node *n, const want *w, const u256 v[F_COUNT], series_energy *e,
                 const uint32_t *uwhat)
{
    series *t[TOTALS];
    totals_of(e, t);
    size_t lo = w->what == WHAT_TOTALS ? 0 : F_UNIT, hi = w->what == WHAT_TOTALS ? TOTALS : F_COUNT;
    for (size_t f = lo; f < hi; f++) {
        if (f == F_ACCOUNT && !n->has_account)
            continue;
        const series *s = NULL;
        for (size_t u = 0; f == F_UNIT && u < e->nunits; u++)
            if (uwhat[u] == w->what)
                s = &e->units[u].wh;
        if (f != F_UNIT)
            s = t[f];
        u256 replayed = s ? replay_at(s, w->block) : u256_zero();
        if (u256_cmp(&replayed, &v[f]) == 0)
            continue;
        if (!grow((void **)&n->diffs, &n->diffs_cap, n->ndiffs + 1, sizeof *n->diffs))
            return false;
        n->diffs[n->ndiffs++] =
            (series_node_diff){ w->what, (uint32_t)f, w->block, w->time, v[f] };
    }
    if (!grow((void **)&n->reads, &n->reads_cap, n->nreads + 1, sizeof *n->reads))
        return false;
    n->reads[n->nreads++] = (series_node_read_item){ w->block, w->what };
    return true;
}

/* Reads the newest wants[] not read yet, in one batch of at most
 * max_calls calls. PC_ENOMEM; the node not answering leaves them unread. */
static pc_status read_new(series_node *n, rpc_client *c, const pc_contract *k, series_energy *e,
                          const uint32_t *uwhat, const want *wants, size_t nwants,
                          size_t max_calls, pc_error *err)
{
    rpc_batch *b = rpc_batch_new();
    size_t *picked = malloc((nwants ? nwants : 1) * sizeof *picked);
    int *first = malloc((nwants ? nwants : 1) * sizeof *first);
    size_t npicked = 0, calls = 0;
    bool ok = b && picked && first;
    for (size_t i = nwants; ok && i-- > 0;) {
        const want *w = &wants[i];
        if (not_kept(n, w->block))
            break; /* nor any older one */
        if (was_read(n, w->block, w->what))
            continue;
        if (calls + calls_of(n, w->what) > max_calls)
            break;
        calls += calls_of(n, w->what);
        first[npicked] = add_read(b, n, k, w);
        ok = first[npicked] >= 0;
        picked[npicked++] = i;
    }
    pc_status st = ok ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
    pc_error e_send = { 0 };
    if (st == PC_OK && npicked && rpc_batch_send(c, b, true, &e_send) != PC_OK) {
        if (e_send.status == PC_ENOMEM)
            st = pc_fail(err, PC_ENOMEM, "out of memory");
        npicked = 0; /* the node did not answer: they stay unread */
    }
    for (size_t i = 0; st == PC_OK && i < npicked; i++) {
        const want *w = &wants[picked[i]];
        u256 v[F_COUNT] = { 0 };
        if (take_read(b, first[i], n, w, v)) {
            if (!keep(n, w, v, e, uwhat))
                st = pc_fail(err, PC_ENOMEM, "out of memory");
        } else if (!n->has_floor || w->block > n->floor) {
            /* The node keeps no state of this block, nor of any older one. */
            n->floor = w->block;
            n->has_floor = true;
        }
    }
    if (n->nreads)
        qsort(n->reads, n->nreads, sizeof *n->reads, read_order);
    if (n->ndiffs)
        qsort(n->diffs, n->ndiffs, sizeof *n->diffs, diff_order);
    rpc_batch_free(b);
    free(picked);
    free(first);
    return st;
}

/* The node's figures of (what, figure), by block: d[0..*count). */
static const series_node_diff *diffs_of(const series_node *n, uint32_t what, figure f,
                                        size_t *count)
{
    size_t lo = 0, hi = n->ndiffs;
    series_node_diff key = { .what = what, .figure = (uint32_t)f };
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (diff_order(&n->diffs[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n->ndiffs && n->diffs[end].what == what && n->diffs[end].figure == (uint32_t)f)
        end++;
    *count = end - lo;
    return n->diffs + lo;
}

/* The replayed series *s with the node's figures d[0..nd) in place of its
 * points at their blocks (a block's figure from the node stands for the
 * replay's points of that block). Without any, *s stays as it is (its
 * points shared with the replay). False when out of memory, *s unchanged. */
static bool merge(series *s, const series_node_diff *d, size_t nd)
{
    if (nd == 0)
        return true;
    series out = { 0 };
    series_builder b = { &out, false };
    size_t i = 0, j = 0;
    while (i < s->count || j < nd) {
        uint64_t block = j < nd && (i == s->count || d[j].block <= s->points[i].block)
                             ? d[j].block
                             : s->points[i].block;
        if (j < nd && d[j].block == block) {
            series_push_change(&b, block, d[j].time, &d[j].value);
            j++;
            while (i < s->count && s->points[i].block == block)
                i++;
        } else {
            for (; i < s->count && s->points[i].block == block; i++)
                series_push_change(&b, block, s->points[i].time, &s->points[i].value);
        }
    }
    if (b.failed) {
        series_free(&out);
        return false;
    }
    series_free(s);
    *s = out;
    return true;
}

/* Where the wants' blocks' figures come from. */
static series_origin origin_of(const series_node *n, const want *wants, size_t nwants)
{
    series_origin o = { .asked = true };
    for (size_t i = 0; i < nwants;) {
        size_t end = i;
        bool all_read = true;
        for (; end < nwants && wants[end].block == wants[i].block; end++)
            all_read = all_read && was_read(n, wants[end].block, wants[end].what);
        o.blocks++;
        if (all_read)
            o.from_node++;
        else if (not_kept(n, wants[i].block))
            o.not_kept++;
        else
            o.unread++;
        i = end;
    }
    return o;
}

pc_status series_node_read(series_node *n, rpc_client *c, const pc_contract *k, series_set *set,
                           size_t max_calls, pc_error *err)
{
    series_energy *e = &set->energy;
    if (n->has_account != set->has_account ||
        (set->has_account && !eth_address_equal(&n->account, &set->account))) {
        series_node_forget(n);
        n->has_account = set->has_account;
        n->account = set->account;
    }
    uint32_t *uwhat = malloc((e->nunits ? e->nunits : 1) * sizeof *uwhat);
    want *wants = NULL;
    size_t nwants = 0;
    bool ok = uwhat != NULL;
    for (size_t u = 0; ok && u < e->nunits; u++)
        ok = unit_what(n, &e->units[u].unit, &uwhat[u]);
    ok = ok && wants_of(e, uwhat, &wants, &nwants);
    pc_status st = ok ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK && max_calls)
        st = read_new(n, c, k, e, uwhat, wants, nwants, max_calls, err);
    /* Copies first, so that running out of memory leaves set as it was. */
    series merged[TOTALS], *t[TOTALS];
    series *units = calloc(e->nunits ? e->nunits : 1, sizeof *units);
    totals_of(e, t);
    for (size_t f = 0; f < TOTALS; f++)
        merged[f] = series_share(t[f]);
    for (size_t u = 0; units && u < e->nunits; u++)
        units[u] = series_share(&e->units[u].wh);
    if (st == PC_OK && !units)
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t f = 0; st == PC_OK && f < TOTALS; f++) {
        size_t nd;
        const series_node_diff *d = diffs_of(n, WHAT_TOTALS, (figure)f, &nd);
        if (!merge(&merged[f], d, nd))
            st = pc_fail(err, PC_ENOMEM, "out of memory");
    }
    for (size_t u = 0; st == PC_OK && u < e->nunits; u++) {
        size_t nd;
        const series_node_diff *d = diffs_of(n, uwhat[u], F_UNIT, &nd);
        if (!merge(&units[u], d, nd))
            st = pc_fail(err, PC_ENOMEM, "out of memory");
    }
    for (size_t f = 0; f < TOTALS; f++) {
        series *keep_one = st == PC_OK ? t[f] : &merged[f];
        series_free(keep_one);
        if (st == PC_OK)
            *t[f] = merged[f];
    }
    for (size_t u = 0; units && u < e->nunits; u++) {
        series *keep_one = st == PC_OK ? &e->units[u].wh : &units[u];
        series_free(keep_one);
        if (st == PC_OK)
            e->units[u].wh = units[u];
    }
    if (st == PC_OK)
        set->origin = origin_of(n, wants, nwants);
    free(units);
    free(wants);
    free(uwhat);
    return st;
}
