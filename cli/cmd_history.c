#include "cli/cmd_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/book.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/opts.h"
#include "cli/print.h"
#include "cli/table_out.h"
#include "eth/hex.h"
#include "rpcclient/calltext.h"
#include "rpcclient/units.h"
#include "wallet/history.h"

/* The progress bar waits this long before showing, so that a catch-up of
 * a few blocks prints nothing. */
#define PROGRESS_DELAY_S 0.5

typedef struct progress {
    bool tty;
    bool shown;
    double start;
} progress;

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void on_progress(uint64_t done, uint64_t total, void *user)
{
    progress *p = user;
    double elapsed = now_seconds() - p->start;
    if (!p->tty || elapsed < PROGRESS_DELAY_S || total == 0)
        return;
    double rate = (double)done / elapsed;
    double left = rate > 0 ? (double)(total - done) / rate : 0;
    double percent = 100.0 * (double)done / (double)total;
    fprintf(stderr, "\rindexing blocks %llu/%llu  %3.0f%%  %.0f blocks/s  %d:%02d left ",
            (unsigned long long)done, (unsigned long long)total, percent, rate, (int)(left / 60),
            (int)left % 60);
    p->shown = true;
}

pc_status cli_index_sync(rpc_client *c, const pc_contract *k, history **h,
                         history_sync_stats *stats, pc_error *err)
{
    progress p = { isatty(STDERR_FILENO) != 0, false, now_seconds() };
    pc_status st = history_open(c, k, h, err);
    if (st == PC_OK)
        st = history_sync(*h, c, on_progress, &p, stats, err);
    if (p.shown)
        fputc('\n', stderr);
    return st;
}

pc_status open_and_sync(const cli_ctx *ctx, pc_contract **k, rpc_client **c, history **h,
                        history_sync_stats *stats, pc_error *err)
{
    *k = NULL;
    *c = NULL;
    *h = NULL;
    pc_status st = cli_load_contract(ctx, k, err);
    if (st == PC_OK)
        st = cli_connect(ctx, c, err);
    return st == PC_OK ? cli_index_sync(*c, *k, h, stats, err) : st;
}

static void close_all(pc_contract *k, rpc_client *c, history *h)
{
    history_close(h);
    rpc_client_free(c);
    pc_contract_free(k);
}

int cmd_sync(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, NULL, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    pc_contract *k;
    rpc_client *c;
    history *h;
    history_sync_stats s;
    pc_status st = open_and_sync(ctx, &k, &c, &h, &s, &err);
    if (st == PC_OK && ctx->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "blocks", (double)s.blocks);
        cJSON_AddNumberToObject(o, "transactions", (double)s.txs);
        cJSON_AddNumberToObject(o, "rolled_back", (double)s.rolled_back);
        cJSON_AddNumberToObject(o, "head", (double)s.head);
        st = print_json(cJSON_GetArraySize(o) == 4 ? o : (cJSON_Delete(o), NULL), &err);
    } else if (st == PC_OK)
        printf("indexed %llu blocks, %llu transactions%s; head block %llu\n",
               (unsigned long long)s.blocks, (unsigned long long)s.txs,
               s.rolled_back ? " (after a reorg)" : "", (unsigned long long)s.head);
    close_all(k, c, h);
    return st == PC_OK ? 0 : cli_fail(&err);
}

/* ---- printing records ---- */

static const char *outcome_word(history_outcome o)
{
    switch (o) {
    case HISTORY_OK: return "ok";
    case HISTORY_ERROR: return "error";
    case HISTORY_REVERTED: return "reverted";
    }
    return "";
}

static const char *method_word(const history_tx *t)
{
    return t->is_creation ? "constructor" : t->method ? t->method->name : NULL;
}

static void labelled_address(const eth_address *a, const void *book, char *out, size_t cap)
{
    book_label(book, a, out, cap);
}

/* "addOrder(1 eEuro/ENT, 10 ENT, buy)": the call with its arguments as
 * people read them (cli/table_out.h sanitizes it). */
static void call_text(const names *b, const history_tx *t, char *out, size_t cap)
{
    if (!t->is_creation && t->method)
        pc_call_text(t->method, &t->args, labelled_address, b, out, cap);
    else
        snprintf(out, cap, "%s", t->is_creation ? "constructor" : "(unknown call)");
}

static void format_time(uint64_t unix_s, char out[32])
{
    time_t t = (time_t)unix_s;
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm);
    else
        snprintf(out, 32, "%llu", (unsigned long long)unix_s);
}

/* Block, time, sender with its name, outcome and call, each column as wide
 * as its widest; each Info/Error text on a line of its own under its row. */
static pc_status print_table(const names *b, const history_tx *txs, size_t n, pc_error *err)
{
    static const table_col COLS[] = {
        { .heading = "BLOCK" }, { .heading = "TIME (UTC)" }, { .heading = "FROM" },
        { .heading = "OUTCOME" }, { .heading = "CALL" },
    };
    cli_table *table = cli_table_new(COLS, 5, 10);
    bool ok = table != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const history_tx *t = &txs[i];
        char block[24], time_text[32], from[BOOK_LABEL_MAX], call[1024];
        snprintf(block, sizeof block, "%llu", (unsigned long long)t->block);
        format_time(t->time, time_text);
        book_label(b, &t->from, from, sizeof from);
        call_text(b, t, call, sizeof call);
        const char *cells[] = { block, time_text, from, outcome_word(t->outcome), call };
        ok = cli_table_add(table, cells, t->text);
    }
    if (ok && n)
        cli_table_print(table, stdout);
    cli_table_free(table);
    if (!ok)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    if (n == 0)
        puts("(no transactions)");
    return PC_OK;
}

static cJSON *record_json(const history_tx *t)
{
    char from[ETH_ADDRESS_TEXT_LEN];
    char *hash = hex_encode_prefixed(t->hash, 32);
    cJSON *o = cJSON_CreateObject();
    const char *word = method_word(t);
    cJSON *args = t->method ? result_to_json(pc_method_input_type(t->method), &t->args)
                            : cJSON_CreateObject();
    if (!o || !hash || !args) {
        free(hash);
        cJSON_Delete(o);
        cJSON_Delete(args);
        return NULL;
    }
    eth_address_to_checksum(&t->from, from);
    cJSON_AddNumberToObject(o, "block", (double)t->block);
    cJSON_AddNumberToObject(o, "time", (double)t->time);
    cJSON_AddStringToObject(o, "tx", hash);
    cJSON_AddStringToObject(o, "from", from);
    cJSON_AddItemToObject(o, "method", word ? cJSON_CreateString(word) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "args", args);
    cJSON_AddStringToObject(o, "outcome", outcome_word(t->outcome));
    cJSON_AddStringToObject(o, "text", t->text);
    free(hash);
    return o;
}

static pc_status print_records_json(const history_tx *txs, size_t n, pc_error *err)
{
    /* One record at a time, so that a long history is never one big tree. */
    fputc('[', stdout);
    for (size_t i = 0; i < n; i++) {
        cJSON *o = record_json(&txs[i]);
        fputs(i ? "," : "", stdout);
        pc_status st = print_json_part(o, err);
        cJSON_Delete(o);
        if (st != PC_OK)
            return st;
    }
    puts("]");
    return PC_OK;
}

static pc_status print_records_csv(const history_tx *txs, size_t n, pc_error *err)
{
    static const char *const head[] = { "block", "time", "tx", "from", "method", "args",
                                        "outcome", "text" };
    print_csv_row(head, 8);
    for (size_t i = 0; i < n; i++) {
        const history_tx *t = &txs[i];
        cJSON *o = record_json(t);
        char *args = o ? cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(o, "args"))
                       : NULL;
        if (!args) {
            cJSON_Delete(o);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
        char block[24], time[24];
        snprintf(block, sizeof block, "%llu", (unsigned long long)t->block);
        snprintf(time, sizeof time, "%llu", (unsigned long long)t->time);
        const char *word = method_word(t);
        const char *row[] = { block, time,
                              cJSON_GetObjectItemCaseSensitive(o, "tx")->valuestring,
                              cJSON_GetObjectItemCaseSensitive(o, "from")->valuestring,
                              word ? word : "", args, outcome_word(t->outcome), t->text };
        print_csv_row(row, 8);
        free(args);
        cJSON_Delete(o);
    }
    return PC_OK;
}

/* ---- powerchain history ---- */

static pc_status parse_filter(const cli_ctx *ctx, const char *method, const char *from,
                              const char *to, history_filter *f, pc_error *err)
{
    static const history_filter all = HISTORY_FILTER_ALL;
    *f = all;
    pc_status st = PC_OK;
    unsigned long long n;
    if (ctx->account_given) {
        /* --account names whose history to show, as an address, a
         * keystore name or a contact; a key file given for signing does
         * not count. */
        if ((st = book_resolve_word(ctx, ctx->account, &f->account, err)) != PC_OK)
            pc_error_prefix(err, "--account");
        f->has_account = st == PC_OK;
    }
    if (st == PC_OK && method && !(f->method = pc_method_find(method)))
        st = pc_fail(err, PC_EINPUT, "--method: unknown method \"%s\" (see powerchain methods)",
                     method);
    if (st == PC_OK && from && (st = cli_parse_u64("from-block", from, INT64_MAX, &n, err)) ==
                                   PC_OK)
        f->from_block = n;
    if (st == PC_OK && to && (st = cli_parse_u64("to-block", to, INT64_MAX, &n, err)) == PC_OK)
        f->to_block = n;
    if (st == PC_OK && f->from_block > f->to_block)
        st = pc_fail(err, PC_EINPUT, "--from-block is after --to-block");
    return st;
}

int cmd_history(const cli_ctx *ctx, int argc, char **argv)
{
    history_options o = { 0 };
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    history_filter f;
    pc_status st = parse_filter(ctx, o.method, o.from_block, o.to_block, &f, &err);
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    history *h = NULL;
    history_tx *txs = NULL;
    size_t n = 0;
    if (st == PC_OK)
        st = open_and_sync(ctx, &k, &c, &h, NULL, &err);
    if (st == PC_OK)
        st = history_load(h, &f, &txs, &n, &err);
    if (st == PC_OK && ctx->json)
        st = print_records_json(txs, n, &err);
    else if (st == PC_OK && o.csv)
        st = print_records_csv(txs, n, &err);
    else if (st == PC_OK) {
        names *b = book_for_display(ctx);
        st = print_table(b, txs, n, &err);
        names_free(b);
    }
    history_tx_free_all(txs, n);
    close_all(k, c, h);
    return st == PC_OK ? 0 : cli_fail(&err);
}
