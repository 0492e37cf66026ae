/* Reads of the present (units' energy, the order book) are made at the
 * block the index reached, so that the replay and the node speak of the
 * same moment. */
#include "cli/cmd_views.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/book.h"
#include "cli/cmd_history.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "cli/table_out.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "rpcclient/units.h"
#include "wallet/history.h"
#include "wallet/views.h"

typedef struct views_run {
    pc_contract *k;
    rpc_client *c;
    history *h;
    history_tx *txs;
    size_t n;
    char tag[24];                /* the indexed head, as a block tag */
    bool json, csv;              /* the form: --json, --csv, else a table */
    names *book;                 /* names beside addresses in tables; NULL for --json, --csv */
} views_run;

static void run_close(views_run *r)
{
    names_free(r->book);
    history_tx_free_all(r->txs, r->n);
    history_close(r->h);
    rpc_client_free(r->c);
    pc_contract_free(r->k);
    memset(r, 0, sizeof *r);
}

static pc_status run_open(const cli_ctx *ctx, views_run *r, pc_error *err)
{
    memset(r, 0, sizeof *r);
    history_filter all = HISTORY_FILTER_ALL;
    uint64_t head;
    pc_status st = open_and_sync(ctx, &r->k, &r->c, &r->h, NULL, err);
    if (st == PC_OK)
        st = history_load(r->h, &all, &r->txs, &r->n, err);
    if (st == PC_OK && history_head(r->h, &head))
        snprintf(r->tag, sizeof r->tag, "0x%" PRIx64, head);
    else
        snprintf(r->tag, sizeof r->tag, "latest");
    if (st != PC_OK)
        run_close(r);
    return st;
}

/* A read without arguments at the indexed head. */
static pc_status read_at_head(views_run *r, pc_fn fn, abi_value *out, pc_error *err)
{
    const pc_method *m = pc_method_get(fn);
    bytebuf call = BYTEBUF_INIT, ret = BYTEBUF_INIT;
    pc_status st = pc_encode_call(m, 0, NULL, &call, err);
    if (st == PC_OK)
        st = node_call(r->c, NULL, pc_contract_address(r->k), call.data, call.len, r->tag, &ret,
                       err);
    if (st == PC_OK)
        st = pc_decode_result(m, ret.data, ret.len, out, NULL, err);
    bytebuf_free(&call);
    bytebuf_free(&ret);
    return st;
}

/* ---- JSON ------------------------------------------------------------------ */

static cJSON *json_u256(const u256 *v)
{
    char dec[U256_DEC_MAX];
    u256_to_dec(v, dec);
    return cJSON_CreateString(dec);
}

static cJSON *json_address(const eth_address *a)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, text);
    return cJSON_CreateString(text);
}

static cJSON *json_addresses(const eth_address *a, size_t n)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < n; i++)
        cJSON_AddItemToArray(arr, json_address(&a[i]));
    return arr;
}

static void print_time(uint64_t time, char *out, size_t cap)
{
    u256 t = u256_from_u64(time);
    pc_format_unit(&t, PC_UNIT_TIMESTAMP, out, cap);
}

/* ---- units ----------------------------------------------------------------- */

static pc_status head_units(const abi_value *info, view_head_unit **out, size_t *n,
                            pc_error *err)
{
    const abi_value *list = &info->items[0];
    *n = 0;
    *out = calloc(list->count + 1, sizeof **out);
    if (!*out)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < list->count; i++) {
        const abi_value *u = list->items[i].items; /* state, owner (the unit), wh */
        (*out)[(*n)++] = (view_head_unit){ u[1].addr, u[0].boolean, u[2].num };
    }
    return PC_OK;
}

static void units_csv(const view_unit_row *rows, size_t n)
{
    static const char *const head[] = { "unit", "owner", "active", "energy_wh" };
    print_csv_row(head, 4);
    for (size_t i = 0; i < n; i++) {
        char unit[ETH_ADDRESS_TEXT_LEN], owner[ETH_ADDRESS_TEXT_LEN] = "", wh[U256_DEC_MAX];
        eth_address_to_checksum(&rows[i].unit, unit);
        if (rows[i].owner_known)
            eth_address_to_checksum(&rows[i].owner, owner);
        u256_to_dec(&rows[i].wh, wh);
        const char *row[] = { unit, owner, rows[i].active ? "true" : "false", wh };
        print_csv_row(row, 4);
    }
}

static pc_status units_json(const view_unit_row *rows, size_t n, pc_error *err)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        cJSON_AddItemToObject(o, "unit", json_address(&rows[i].unit));
        cJSON_AddItemToObject(o, "owner", rows[i].owner_known ? json_address(&rows[i].owner)
                                                              : cJSON_CreateNull());
        cJSON_AddItemToObject(o, "active", cJSON_CreateBool(rows[i].active));
        cJSON_AddItemToObject(o, "wh", json_u256(&rows[i].wh));
    }
    return print_json_records(arr, 4, err);
}

static pc_status units_table(const views_run *r, const view_unit_row *rows, size_t n,
                             pc_error *err)
{
    static const table_col COLS[] = { { .heading = "UNIT" }, { .heading = "OWNER" },
                                      { .heading = "STATE" },
                                      { .heading = "ENERGY", .align = TABLE_RIGHT } };
    cli_table *table = cli_table_new(COLS, 4, 0);
    bool ok = table != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        char unit[BOOK_LABEL_MAX], owner[BOOK_LABEL_MAX] = "unknown";
        char wh[PC_UNIT_TEXT_MAX];
        book_label(r->book, &rows[i].unit, unit, sizeof unit);
        if (rows[i].owner_known)
            book_label(r->book, &rows[i].owner, owner, sizeof owner);
        pc_format_unit(&rows[i].wh, PC_UNIT_WH, wh, sizeof wh);
        const char *cells[] = { unit, owner, rows[i].active ? "active" : "removed", wh };
        ok = cli_table_add(table, cells, NULL);
    }
    if (ok)
        cli_table_print(table, stdout);
    cli_table_free(table);
    return ok ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
}

static pc_status show_units(views_run *r, pc_error *err)
{
    view_governance g;
    abi_value info = { 0 };
    view_head_unit *head = NULL;
    view_unit_row *rows = NULL;
    size_t nhead = 0, nrows = 0;
    pc_status st = view_governance_replay(r->txs, r->n, &g, err);
    if (st != PC_OK)
        return st;
    st = read_at_head(r, PC_FN_GET_STORAGE_UNITS_INFO, &info, err);
    if (st == PC_OK)
        st = head_units(&info, &head, &nhead, err);
    if (st == PC_OK)
        st = view_units_merge(&g, head, nhead, &rows, &nrows, err);
    if (st == PC_OK && r->json)
        st = units_json(rows, nrows, err);
    else if (st == PC_OK && r->csv)
        units_csv(rows, nrows);
    else if (st == PC_OK)
        st = units_table(r, rows, nrows, err);
    free(rows);
    free(head);
    abi_value_free(&info);
    view_governance_free(&g);
    return st;
}

/* ---- proposals ------------------------------------------------------------- */

static void print_list(const names *b, const char *label, const eth_address *a, size_t n)
{
    printf("  %-10s", label);
    for (size_t i = 0; i < n; i++) {
        char text[BOOK_LABEL_MAX];
        book_label(b, &a[i], text, sizeof text);
        printf("%s%s", i ? ", " : " ", text);
    }
    puts(n ? "" : " nobody");
}

/* "0x.. 0x..": addresses in one CSV field. */
static void addresses_text(const eth_address *a, size_t n, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && used + ETH_ADDRESS_TEXT_LEN + 1 <= cap; i++) {
        if (i)
            out[used++] = ' ';
        eth_address_to_checksum(&a[i], out + used);
        used += ETH_ADDRESS_TEXT_LEN - 1;
    }
}

static pc_status proposals_csv(const view_governance *g, pc_error *err)
{
    static const char *const head[] = { "vote", "description", "in_favour", "against",
                                        "passed", "first_block", "passed_block" };
    print_csv_row(head, 7);
    for (size_t i = 0; i < g->nproposals; i++) {
        const view_proposal *p = &g->proposals[i];
        char what[320], first[24], passed[24] = "";
        char *favour = malloc(p->nin_favour * ETH_ADDRESS_TEXT_LEN + 1);
        char *against = malloc(p->nagainst * ETH_ADDRESS_TEXT_LEN + 1);
        if (!favour || !against) {
            free(favour);
            free(against);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
        view_proposal_describe(p, what, sizeof what);
        addresses_text(p->in_favour, p->nin_favour, favour, p->nin_favour * ETH_ADDRESS_TEXT_LEN + 1);
        addresses_text(p->against, p->nagainst, against, p->nagainst * ETH_ADDRESS_TEXT_LEN + 1);
        snprintf(first, sizeof first, "%" PRIu64, p->first_block);
        if (p->passed)
            snprintf(passed, sizeof passed, "%" PRIu64, p->passed_block);
        const char *row[] = { p->vote, what, favour, against, p->passed ? "true" : "false",
                              first, passed };
        print_csv_row(row, 7);
        free(favour);
        free(against);
    }
    return PC_OK;
}

/* The block a proposal passed in is the one the table says: its first
 * vote's block is another fact, under another name. */
static pc_status proposals_json(const view_governance *g, pc_error *err)
{
    char what[320];
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < g->nproposals; i++) {
        const view_proposal *p = &g->proposals[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        view_proposal_describe(p, what, sizeof what);
        cJSON_AddItemToObject(o, "vote", cJSON_CreateString(p->vote));
        cJSON_AddItemToObject(o, "description", cJSON_CreateString(what));
        cJSON_AddItemToObject(o, "in_favour", json_addresses(p->in_favour, p->nin_favour));
        cJSON_AddItemToObject(o, "against", json_addresses(p->against, p->nagainst));
        cJSON_AddItemToObject(o, "passed", cJSON_CreateBool(p->passed));
        cJSON_AddItemToObject(o, "first_block", cJSON_CreateNumber((double)p->first_block));
        cJSON_AddItemToObject(o, "passed_block", p->passed
                                                     ? cJSON_CreateNumber((double)p->passed_block)
                                                     : cJSON_CreateNull());
    }
    return print_json_records(arr, 7, err);
}

static void proposals_table(const views_run *r, const view_governance *g)
{
    char what[320], tally[64];
    if (!g->nproposals)
        puts("no proposals");
    for (size_t i = 0; i < g->nproposals; i++) {
        const view_proposal *p = &g->proposals[i];
        view_proposal_describe(p, what, sizeof what);
        view_proposal_tally(p, tally, sizeof tally);
        text_print(stdout, p->vote);
        printf("\n  %s\n  %s, ", what, tally);
        if (p->passed)
            printf("passed in block %" PRIu64 "\n", p->passed_block);
        else
            printf("open since block %" PRIu64 "\n", p->first_block);
        print_list(r->book, "in favour:", p->in_favour, p->nin_favour);
        print_list(r->book, "against:", p->against, p->nagainst);
    }
}

static pc_status show_proposals(views_run *r, pc_error *err)
{
    view_governance g;
    pc_status st = view_governance_replay(r->txs, r->n, &g, err);
    if (st != PC_OK)
        return st;
    if (r->json)
        st = proposals_json(&g, err);
    else if (r->csv)
        st = proposals_csv(&g, err);
    else
        proposals_table(r, &g);
    view_governance_free(&g);
    return st;
}

/* ---- withdrawals ----------------------------------------------------------- */

static pc_status withdrawals_json(const view_withdrawals *w, pc_error *err)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < w->count; i++) {
        const view_withdrawal *it = &w->items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        cJSON_AddItemToObject(o, "account", json_address(&it->account));
        cJSON_AddItemToObject(o, "amount", json_u256(&it->amount));
        cJSON_AddItemToObject(o, "block", cJSON_CreateNumber((double)it->block));
        cJSON_AddItemToObject(o, "time", cJSON_CreateNumber((double)it->time));
    }
    return print_json_records(arr, 4, err);
}

/* The same text the panel's Banker page exports (view_withdrawals_csv). */
static pc_status withdrawals_csv(const view_withdrawals *w, pc_error *err)
{
    char *text = NULL;
    pc_status st = view_withdrawals_csv(w, &text, err);
    if (st == PC_OK && fputs(text, stdout) == EOF)
        st = pc_fail(err, PC_EIO, "cannot write the CSV to standard output");
    free(text);
    return st;
}

static pc_status withdrawals_table(const views_run *r, const view_withdrawals *w,
                                   pc_error *err)
{
    if (!w->count) {
        puts("no withdrawal requests");
        return PC_OK;
    }
    static const table_col COLS[] = { { .heading = "ACCOUNT" },
                                      { .heading = "AMOUNT", .align = TABLE_RIGHT },
                                      { .heading = "REQUESTED" } };
    cli_table *table = cli_table_new(COLS, 3, 0);
    bool ok = table != NULL;
    for (size_t i = 0; ok && i < w->count; i++) {
        char account[BOOK_LABEL_MAX], amount[PC_UNIT_TEXT_MAX], when[PC_UNIT_TEXT_MAX];
        char asked[PC_UNIT_TEXT_MAX + 32];
        book_label(r->book, &w->items[i].account, account, sizeof account);
        pc_format_unit(&w->items[i].amount, PC_UNIT_EEURO, amount, sizeof amount);
        print_time(w->items[i].time, when, sizeof when);
        snprintf(asked, sizeof asked, "%s (block %" PRIu64 ")", when, w->items[i].block);
        const char *cells[] = { account, amount, asked };
        ok = cli_table_add(table, cells, NULL);
    }
    if (ok)
        cli_table_print(table, stdout);
    cli_table_free(table);
    if (!ok)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    u256 total;
    if (view_withdrawals_total(w, &total)) {
        char amount[PC_UNIT_TEXT_MAX];
        pc_format_unit(&total, PC_UNIT_EEURO, amount, sizeof amount);
        printf("%zu request%s, %s in all\n", w->count, w->count == 1 ? "" : "s", amount);
    }
    return PC_OK;
}

static pc_status show_withdrawals(views_run *r, pc_error *err)
{
    view_withdrawals w;
    pc_status st = view_withdrawals_replay(r->txs, r->n, &w, err);
    if (st != PC_OK)
        return st;
    if (r->json)
        st = withdrawals_json(&w, err);
    else if (r->csv)
        st = withdrawals_csv(&w, err);
    else
        st = withdrawals_table(r, &w, err);
    view_withdrawals_free(&w);
    return st;
}

/* ---- trades ---------------------------------------------------------------- */

static pc_status check_book(views_run *r, const view_market *m, pc_error *err)
{
    abi_value book = { 0 };
    wallet_order *buys = NULL, *sells = NULL;
    size_t nbuys = 0, nsells = 0;
    char why[PC_ERROR_MSG_MAX - 128];
    pc_status st = read_at_head(r, PC_FN_GET_ORDERS, &book, err);
    if (st == PC_OK && (!wallet_orders_take(&book.items[0], &buys, &nbuys) ||
                        !wallet_orders_take(&book.items[1], &sells, &nsells)))
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK && !view_book_equal(m, buys, nbuys, sells, nsells, why, sizeof why))
        st = pc_fail(err, PC_EDATA,
                     "the order book replayed from the history differs from getOrders at "
                     "block %s: %s",
                     r->tag, why);
    free(buys);
    free(sells);
    abi_value_free(&book);
    return st;
}

/* Addresses come with names when the book (may be NULL) has them. */
static void trade_fields(const names *b, const view_fill *f, bool exact, char *price,
                         char *quantity, char *buyer, char *seller, char *tx)
{
    if (exact) {
        u256_to_dec(&f->price, price);
        u256_to_dec(&f->quantity, quantity);
    } else {
        u256_format_fixed(&f->price, 18, price);
        u256_format_fixed(&f->quantity, 18, quantity);
    }
    book_label(b, &f->buyer, buyer, BOOK_LABEL_MAX);
    book_label(b, &f->seller, seller, BOOK_LABEL_MAX);
    tx[0] = '0';
    tx[1] = 'x';
    hex_encode(f->tx, sizeof f->tx, tx + 2);
}

static pc_status trades_json(const view_market *m, pc_error *err)
{
    char price[U256_DEC_MAX], quantity[U256_DEC_MAX], tx[67];
    char buyer[BOOK_LABEL_MAX], seller[BOOK_LABEL_MAX];
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < m->nfills; i++) {
        const view_fill *f = &m->fills[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        trade_fields(NULL, f, true, price, quantity, buyer, seller, tx);
        cJSON_AddItemToObject(o, "block", cJSON_CreateNumber((double)f->block));
        cJSON_AddItemToObject(o, "time", cJSON_CreateNumber((double)f->time));
        cJSON_AddItemToObject(o, "tx", cJSON_CreateString(tx));
        cJSON_AddItemToObject(o, "price", cJSON_CreateString(price));
        cJSON_AddItemToObject(o, "quantity", cJSON_CreateString(quantity));
        cJSON_AddItemToObject(o, "buyer", cJSON_CreateString(buyer));
        cJSON_AddItemToObject(o, "seller", cJSON_CreateString(seller));
    }
    return print_json_records(arr, 7, err);
}

static void trades_csv(const view_market *m)
{
    static const char *const head[] = { "block", "time", "tx", "price_eeuro_per_ent",
                                        "quantity_ent", "buyer", "seller" };
    char price[U256_DEC_MAX], quantity[U256_DEC_MAX], tx[67], block[24], time[24];
    char buyer[BOOK_LABEL_MAX], seller[BOOK_LABEL_MAX];
    print_csv_row(head, 7);
    for (size_t i = 0; i < m->nfills; i++) {
        const view_fill *f = &m->fills[i];
        trade_fields(NULL, f, false, price, quantity, buyer, seller, tx);
        snprintf(block, sizeof block, "%" PRIu64, f->block);
        snprintf(time, sizeof time, "%" PRIu64, f->time);
        const char *row[] = { block, time, tx, price, quantity, buyer, seller };
        print_csv_row(row, 7);
    }
}

static pc_status trades_table(const views_run *r, const view_market *m, pc_error *err)
{
    if (!m->nfills)
        puts("no trades");
    static const table_col COLS[] = {
        { .heading = "TIME" }, { .heading = "BLOCK" },
        { .heading = "PRICE eEuro/ENT", .align = TABLE_RIGHT },
        { .heading = "ENT", .align = TABLE_RIGHT }, { .heading = "BUYER" },
        { .heading = "SELLER" },
    };
    cli_table *table = m->nfills ? cli_table_new(COLS, 6, 0) : NULL;
    bool ok = table != NULL || !m->nfills;
    for (size_t i = 0; ok && i < m->nfills; i++) {
        const view_fill *f = &m->fills[i];
        char price[U256_DEC_MAX], quantity[U256_DEC_MAX], tx[67], block[24];
        char buyer[BOOK_LABEL_MAX], seller[BOOK_LABEL_MAX], when[PC_UNIT_TEXT_MAX];
        trade_fields(r->book, f, false, price, quantity, buyer, seller, tx);
        print_time(f->time, when, sizeof when);
        snprintf(block, sizeof block, "%" PRIu64, f->block);
        const char *cells[] = { when, block, price, quantity, buyer, seller };
        ok = cli_table_add(table, cells, NULL);
    }
    if (ok && table)
        cli_table_print(table, stdout);
    cli_table_free(table);
    if (!ok)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    printf("open orders: %zu buy, %zu sell (the node agrees)\n", m->nbuys, m->nsells);
    return PC_OK;
}

static pc_status show_trades(views_run *r, pc_error *err)
{
    view_market m;
    pc_status st = view_market_replay(r->txs, r->n, &m, err);
    if (st != PC_OK)
        return st;
    st = check_book(r, &m, err);
    if (st == PC_OK && r->json)
        st = trades_json(&m, err);
    else if (st == PC_OK && r->csv)
        trades_csv(&m);
    else if (st == PC_OK)
        st = trades_table(r, &m, err);
    view_market_free(&m);
    return st;
}

/* ---- The commands ---------------------------------------------------------- */

typedef pc_status (*view_show)(views_run *r, pc_error *err);

/* Every view: no arguments, --csv or --json or a table. */
static int run(const cli_ctx *ctx, int argc, char **argv, view_show show)
{
    views_options o = { 0 };
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    views_run r;
    pc_status st = run_open(ctx, &r, &err);
    if (st != PC_OK)
        return cli_fail(&err);
    r.json = ctx->json;
    r.csv = o.csv;
    if (!r.json && !r.csv)
        r.book = book_for_display(ctx);
    st = show(&r, &err);
    run_close(&r);
    return st == PC_OK ? 0 : cli_fail(&err);
}

int cmd_units(const cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, show_units);
}

int cmd_proposals(const cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, show_proposals);
}

int cmd_withdrawals(const cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, show_withdrawals);
}

int cmd_trades(const cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, show_trades);
}
