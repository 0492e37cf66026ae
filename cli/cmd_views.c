/* powerchain units | proposals | withdrawals | trades: views of the
 * deployment's past. Each brings the history index up to the node's newest
 * block, replays it (wallet/views.h) and prints a table, or with --json an
 * array of objects (amounts as decimal strings of the raw integers, as
 * `--json call` prints them). Reads of the present (units' energy, the
 * order book) are made at the block the index reached, so that the replay
 * and the node speak of the same moment. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/book.h"
#include "cli/commands.h"
#include "cli/opts.h"
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
static pc_status read_at_head(views_run *r, const char *name, abi_value *out, pc_error *err)
{
    const pc_method *m = pc_method_find(name);
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

static pc_status show_units(const cli_ctx *ctx, views_run *r, pc_error *err)
{
    view_governance g;
    abi_value info = { 0 };
    view_head_unit *head = NULL;
    view_unit_row *rows = NULL;
    size_t nhead = 0, nrows = 0;
    pc_status st = view_governance_replay(r->txs, r->n, &g, err);
    if (st != PC_OK)
        return st;
    st = read_at_head(r, "getStorageUnitsInfo", &info, err);
    if (st == PC_OK)
        st = head_units(&info, &head, &nhead, err);
    if (st == PC_OK)
        st = view_units_merge(&g, head, nhead, &rows, &nrows, err);
    if (st == PC_OK && ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < nrows; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(arr, o);
            cJSON_AddItemToObject(o, "unit", json_address(&rows[i].unit));
            cJSON_AddItemToObject(o, "owner", rows[i].owner_known ? json_address(&rows[i].owner)
                                                                  : cJSON_CreateNull());
            cJSON_AddItemToObject(o, "active", cJSON_CreateBool(rows[i].active));
            cJSON_AddItemToObject(o, "wh", json_u256(&rows[i].wh));
        }
        st = print_json_records(arr, 4, err);
    } else if (st == PC_OK) {
        static const table_col COLS[] = { { .heading = "UNIT" }, { .heading = "OWNER" },
                                          { .heading = "STATE" },
                                          { .heading = "ENERGY", .align = TABLE_RIGHT } };
        cli_table *table = cli_table_new(COLS, 4, 0);
        bool ok = table != NULL;
        for (size_t i = 0; ok && i < nrows; i++) {
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
        else
            st = pc_fail(err, PC_ENOMEM, "out of memory");
        cli_table_free(table);
    }
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

static pc_status show_proposals(const cli_ctx *ctx, views_run *r, pc_error *err)
{
    view_governance g;
    pc_status st = view_governance_replay(r->txs, r->n, &g, err);
    if (st != PC_OK)
        return st;
    char what[320], tally[64];
    if (ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < g.nproposals; i++) {
            const view_proposal *p = &g.proposals[i];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(arr, o);
            view_proposal_describe(p, what, sizeof what);
            cJSON_AddItemToObject(o, "vote", cJSON_CreateString(p->vote));
            cJSON_AddItemToObject(o, "description", cJSON_CreateString(what));
            cJSON_AddItemToObject(o, "in_favour", json_addresses(p->in_favour, p->nin_favour));
            cJSON_AddItemToObject(o, "against", json_addresses(p->against, p->nagainst));
            cJSON_AddItemToObject(o, "passed", cJSON_CreateBool(p->passed));
            cJSON_AddItemToObject(o, "block", cJSON_CreateNumber((double)p->first_block));
        }
        st = print_json_records(arr, 6, err);
    } else {
        if (!g.nproposals)
            puts("no proposals");
        for (size_t i = 0; i < g.nproposals; i++) {
            const view_proposal *p = &g.proposals[i];
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
    view_governance_free(&g);
    return st;
}

/* ---- withdrawals ----------------------------------------------------------- */

static pc_status show_withdrawals(const cli_ctx *ctx, views_run *r, pc_error *err)
{
    view_withdrawals w;
    pc_status st = view_withdrawals_replay(r->txs, r->n, &w, err);
    if (st != PC_OK)
        return st;
    if (ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < w.count; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(arr, o);
            cJSON_AddItemToObject(o, "account", json_address(&w.items[i].account));
            cJSON_AddItemToObject(o, "amount", json_u256(&w.items[i].amount));
        }
        st = print_json_records(arr, 2, err);
    } else if (!w.count) {
        puts("no withdrawal requests");
    } else {
        static const table_col COLS[] = { { .heading = "ACCOUNT" },
                                          { .heading = "AMOUNT", .align = TABLE_RIGHT },
                                          { .heading = "REQUESTED" } };
        cli_table *table = cli_table_new(COLS, 3, 0);
        bool ok = table != NULL;
        for (size_t i = 0; ok && i < w.count; i++) {
            char account[BOOK_LABEL_MAX], amount[PC_UNIT_TEXT_MAX], when[PC_UNIT_TEXT_MAX];
            char asked[PC_UNIT_TEXT_MAX + 32];
            book_label(r->book, &w.items[i].account, account, sizeof account);
            pc_format_unit(&w.items[i].amount, PC_UNIT_EEURO, amount, sizeof amount);
            print_time(w.items[i].time, when, sizeof when);
            snprintf(asked, sizeof asked, "%s (block %" PRIu64 ")", when, w.items[i].block);
            const char *cells[] = { account, amount, asked };
            ok = cli_table_add(table, cells, NULL);
        }
        if (ok)
            cli_table_print(table, stdout);
        else
            st = pc_fail(err, PC_ENOMEM, "out of memory");
        cli_table_free(table);
    }
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
    pc_status st = read_at_head(r, "getOrders", &book, err);
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

static pc_status show_trades(const cli_ctx *ctx, bool csv, views_run *r, pc_error *err)
{
    view_market m;
    pc_status st = view_market_replay(r->txs, r->n, &m, err);
    if (st != PC_OK)
        return st;
    st = check_book(r, &m, err);
    char price[U256_DEC_MAX], quantity[U256_DEC_MAX], tx[67];
    char buyer[BOOK_LABEL_MAX], seller[BOOK_LABEL_MAX], when[PC_UNIT_TEXT_MAX];
    if (st == PC_OK && ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < m.nfills; i++) {
            const view_fill *f = &m.fills[i];
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
        st = print_json_records(arr, 7, err);
    } else if (st == PC_OK && csv) {
        puts("block,time,tx,price_eeuro_per_ent,quantity_ent,buyer,seller");
        for (size_t i = 0; i < m.nfills; i++) {
            const view_fill *f = &m.fills[i];
            trade_fields(NULL, f, false, price, quantity, buyer, seller, tx);
            printf("%" PRIu64 ",%" PRIu64 ",%s,%s,%s,%s,%s\n", f->block, f->time, tx, price,
                   quantity, buyer, seller);
        }
    } else if (st == PC_OK) {
        static const table_col COLS[] = {
            { .heading = "TIME" }, { .heading = "BLOCK" },
            { .heading = "PRICE eEuro/ENT", .align = TABLE_RIGHT },
            { .heading = "ENT", .align = TABLE_RIGHT }, { .heading = "BUYER" },
            { .heading = "SELLER" },
        };
        cli_table *table = cli_table_new(COLS, 6, 0);
        bool ok = table != NULL;
        for (size_t i = 0; ok && i < m.nfills; i++) {
            const view_fill *f = &m.fills[i];
            char block[24];
            trade_fields(r->book, f, false, price, quantity, buyer, seller, tx);
            print_time(f->time, when, sizeof when);
            snprintf(block, sizeof block, "%" PRIu64, f->block);
            const char *cells[] = { when, block, price, quantity, buyer, seller };
            ok = cli_table_add(table, cells, NULL);
        }
        if (!ok)
            st = pc_fail(err, PC_ENOMEM, "out of memory");
        else if (!m.nfills)
            puts("no trades");
        else
            cli_table_print(table, stdout);
        cli_table_free(table);
        if (ok)
            printf("open orders: %zu buy, %zu sell (the node agrees)\n", m.nbuys, m.nsells);
    }
    view_market_free(&m);
    return st;
}

/* ---- The commands ---------------------------------------------------------- */

typedef enum views_kind { UNITS, PROPOSALS, WITHDRAWALS, TRADES } views_kind;

static int run(const cli_ctx *ctx, views_kind kind, bool csv)
{
    pc_error err = { 0 };
    views_run r;
    pc_status st = run_open(ctx, &r, &err);
    if (st != PC_OK)
        return cli_fail(&err);
    if (!ctx->json && !csv)
        r.book = book_for_display(ctx);
    switch (kind) {
    case UNITS: st = show_units(ctx, &r, &err); break;
    case PROPOSALS: st = show_proposals(ctx, &r, &err); break;
    case WITHDRAWALS: st = show_withdrawals(ctx, &r, &err); break;
    case TRADES: st = show_trades(ctx, csv, &r, &err); break;
    }
    run_close(&r);
    return st == PC_OK ? 0 : cli_fail(&err);
}

static int no_arguments(const cli_ctx *ctx, int argc, char **argv, views_kind kind)
{
    if (argc > 1) {
        cli_error("usage: powerchain %s", argv[0]);
        return 2;
    }
    return run(ctx, kind, false);
}

int cmd_units(const cli_ctx *ctx, int argc, char **argv)
{
    return no_arguments(ctx, argc, argv, UNITS);
}

int cmd_proposals(const cli_ctx *ctx, int argc, char **argv)
{
    return no_arguments(ctx, argc, argv, PROPOSALS);
}

int cmd_withdrawals(const cli_ctx *ctx, int argc, char **argv)
{
    return no_arguments(ctx, argc, argv, WITHDRAWALS);
}

int cmd_trades(const cli_ctx *ctx, int argc, char **argv)
{
    bool csv = false;
    const cli_opt opts[] = { CLI_OPT_FLAG("csv", 0, &csv), CLI_OPT_END };
    char **rest = calloc((size_t)argc, sizeof *rest);
    int nrest = 0;
    pc_error err = { 0 };
    if (!rest) {
        pc_fail(&err, PC_ENOMEM, "out of memory");
        return cli_fail(&err);
    }
    pc_status st = cli_parse_opts(argc - 1, argv + 1, opts, false, rest, &nrest, &err);
    free(rest);
    if (st != PC_OK)
        return cli_fail(&err);
    if (nrest) {
        cli_error("usage: powerchain trades [--csv]");
        return 2;
    }
    if (csv && ctx->json) {
        cli_error("trades: --csv and --json exclude each other");
        return 2;
    }
    return run(ctx, TRADES, csv);
}
