#include "cli/cmd_statement.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/book.h"
#include "cli/cmd_history.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "cli/signer.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "rpcclient/units.h"
#include "wallet/statement.h"

static const char *const PART_KEY[LEDGER_PARTS] = { "ent_available", "ent_locked",
                                                    "eeuro_available", "eeuro_locked" };
static const char *const PART_LABEL[LEDGER_PARTS] = { "ENT available", "ENT locked",
                                                      "eEuro available", "eEuro locked" };
static const pc_unit PART_UNIT[LEDGER_PARTS] = { PC_UNIT_ENT, PC_UNIT_ENT, PC_UNIT_EEURO,
                                                 PC_UNIT_EEURO };
static const char *const SOURCE[] = { [STATEMENT_CALL] = "call", [STATEMENT_REPLAY] = "replay",
                                      [STATEMENT_NODE] = "node" };

/* ---- Bounds ----------------------------------------------------------------- */

/* A whole block number, or a date (UTC): YYYY-MM-DD, a day, or
 * YYYY-MM-DDTHH:MM:SS (a space for the T too). */
static pc_status parse_bound(const char *option, const char *text, bool end,
                             statement_bound *out, pc_error *err)
{
    if (strchr(text, '-') == NULL) {
        unsigned long long n;
        if (cli_parse_u64(option, text, INT64_MAX, &n, err) != PC_OK)
            return PC_EINPUT;
        *out = (statement_bound){ false, n };
        return PC_OK;
    }
    struct tm tm = { 0 };
    int y, mo, d, h = 0, mi = 0, s = 0, used = 0;
    size_t len = strlen(text);
    bool day = sscanf(text, "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3 && (size_t)used == len;
    bool moment = !day && sscanf(text, "%4d-%2d-%2d%*1[T ]%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s,
                                 &used) == 6 &&
                  (size_t)used == len;
    if (day || moment) {
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = s;
    }
    time_t t = day || moment ? timegm(&tm) : (time_t)-1;
    /* timegm normalises 2026-02-31 into March: a date must come back as typed. */
    if (t < 0 || tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d ||
        tm.tm_hour != h || tm.tm_min != mi || tm.tm_sec != s)
        return pc_fail(err, PC_EINPUT, "--%s: give a block number or a date, YYYY-MM-DD or "
                                       "YYYY-MM-DDTHH:MM:SS (UTC)",
                       option);
    *out = (statement_bound){ true, (uint64_t)t + (day && end ? 86399u : 0u) };
    return PC_OK;
}

/* ---- Output ----------------------------------------------------------------- */

static void signed_dec(const ledger_amount *a, char *out)
{
    out[0] = '-';
    u256_to_dec(&a->value, out + 1);
    if (!a->negative)
        memmove(out, out + 1, strlen(out + 1) + 1);
}

/* An amount in its unit, with a sign when it is a change. */
static void shown(const u256 *v, pc_unit u, bool negative, bool sign, char *out, size_t cap)
{
    size_t lead = sign && cap > 1;
    if (lead)
        out[0] = negative ? '-' : '+';
    pc_format_unit_number(v, u, out + lead, cap - lead);
}

static cJSON *parts_json(const u256 *v)
{
    cJSON *o = cJSON_CreateObject();
    for (int p = 0; o && p < LEDGER_PARTS; p++) {
        char dec[U256_DEC_MAX];
        u256_to_dec(&v[p], dec);
        cJSON_AddStringToObject(o, PART_KEY[p], dec);
    }
    return o;
}

static cJSON *changes_json(const ledger_amount *c)
{
    cJSON *o = cJSON_CreateObject();
    for (int p = 0; o && p < LEDGER_PARTS; p++) {
        char dec[U256_DEC_MAX + 1];
        signed_dec(&c[p], dec);
        cJSON_AddStringToObject(o, PART_KEY[p], dec);
    }
    return o;
}

static void tx_hex(const uint8_t tx[32], char out[67])
{
    out[0] = '0';
    out[1] = 'x';
    hex_encode(tx, 32, out + 2);
}

static cJSON *statement_json(const statement *s)
{
    char addr[ETH_ADDRESS_TEXT_LEN], tx[67];
    cJSON *o = cJSON_CreateObject(), *rows = cJSON_CreateArray();
    if (!o || !rows) {
        cJSON_Delete(o);
        cJSON_Delete(rows);
        return NULL;
    }
    eth_address_to_checksum(&s->account, addr);
    cJSON_AddStringToObject(o, "account", addr);
    cJSON_AddNumberToObject(o, "first_block", (double)s->first_block);
    cJSON_AddNumberToObject(o, "last_block", (double)s->last_block);
    cJSON_AddItemToObject(o, "opening", parts_json(s->opening));
    for (size_t i = 0; i < s->count; i++) {
        const statement_row *r = &s->rows[i];
        cJSON *row = cJSON_CreateObject();
        if (!row || !cJSON_AddItemToArray(rows, row)) {
            cJSON_Delete(row);
            cJSON_Delete(rows);
            cJSON_Delete(o);
            return NULL;
        }
        tx_hex(r->tx, tx);
        eth_address_to_checksum(&r->from, addr);
        cJSON_AddNumberToObject(row, "block", (double)r->block);
        cJSON_AddNumberToObject(row, "time", (double)r->time);
        cJSON_AddStringToObject(row, "tx", tx);
        cJSON_AddStringToObject(row, "method", r->method ? r->method->name : "");
        cJSON_AddStringToObject(row, "from", addr);
        cJSON_AddItemToObject(row, "change", changes_json(r->change));
        cJSON_AddItemToObject(row, "balance", parts_json(r->balance));
        cJSON_AddStringToObject(row, "source", SOURCE[r->source]);
    }
    cJSON_AddItemToObject(o, "rows", rows);
    cJSON_AddItemToObject(o, "closing", parts_json(s->closing));
    cJSON_AddItemToObject(o, "chain", s->checked ? parts_json(s->chain) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "agrees", s->checked ? cJSON_CreateBool(s->agrees)
                                                  : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "why", s->checked ? cJSON_CreateNull() : cJSON_CreateString(s->why));
    return o;
}

static void print_csv(const statement *s)
{
    fputs("block,time,tx,method", stdout);
    for (int p = 0; p < LEDGER_PARTS; p++)
        printf(",%s_change", PART_KEY[p]);
    for (int p = 0; p < LEDGER_PARTS; p++)
        printf(",%s", PART_KEY[p]);
    puts(",source");
    for (size_t i = 0; i < s->count; i++) {
        const statement_row *r = &s->rows[i];
        char tx[67], v[PC_UNIT_TEXT_MAX];
        tx_hex(r->tx, tx);
        printf("%" PRIu64 ",%" PRIu64 ",%s,%s", r->block, r->time, tx,
               r->method ? r->method->name : "");
        for (int p = 0; p < LEDGER_PARTS; p++) {
            shown(&r->change[p].value, PART_UNIT[p], r->change[p].negative, false, v, sizeof v);
            printf(",%s%s", r->change[p].negative ? "-" : "", v);
        }
        for (int p = 0; p < LEDGER_PARTS; p++) {
            shown(&r->balance[p], PART_UNIT[p], false, false, v, sizeof v);
            printf(",%s", v);
        }
        printf(",%s\n", SOURCE[r->source]);
    }
}

static void print_parts(const char *label, const u256 *v)
{
    char x[LEDGER_PARTS][PC_UNIT_TEXT_MAX];
    for (int p = 0; p < LEDGER_PARTS; p++)
        pc_format_unit_number(&v[p], PART_UNIT[p], x[p], sizeof x[p]);
    printf("%-8s ENT %s available, %s locked; eEuro %s available, %s locked\n", label, x[0],
           x[1], x[2], x[3]);
}

static const char *source_words(statement_source s)
{
    switch (s) {
    case STATEMENT_CALL:
        return "";
    case STATEMENT_REPLAY:
        return " (replayed: the node keeps no state that old)";
    case STATEMENT_NODE:
        return " (the node's state)";
    }
    return "";
}

static void print_table(const cli_ctx *ctx, const statement *s)
{
    names *book = book_for_display(ctx);
    char who[BOOK_LABEL_MAX];
    book_label(book, &s->account, who, sizeof who);
    printf("statement of %s, blocks %" PRIu64 " to %" PRIu64 "\n", who, s->first_block,
           s->last_block);
    print_parts("opening", s->opening);
    for (size_t i = 0; i < s->count; i++) {
        const statement_row *r = &s->rows[i];
        char when[PC_UNIT_TEXT_MAX], tx[67], line[600];
        u256 t = u256_from_u64(r->time);
        pc_format_unit(&t, PC_UNIT_TIMESTAMP, when, sizeof when);
        tx_hex(r->tx, tx);
        book_label(book, &r->from, who, sizeof who);
        snprintf(line, sizeof line, "#%" PRIu64 " %s  %s by %s  %s%s", r->block, when,
                 r->method ? r->method->name : "?", who, tx, source_words(r->source));
        text_print(stdout, line);
        putchar('\n');
        for (int p = 0; p < LEDGER_PARTS; p++) {
            if (u256_is_zero(&r->change[p].value))
                continue;
            char c[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX];
            shown(&r->change[p].value, PART_UNIT[p], r->change[p].negative, true, c, sizeof c);
            pc_format_unit(&r->balance[p], PART_UNIT[p], b, sizeof b);
            printf("    %-16s %24s  -> %s\n", PART_LABEL[p], c, b);
        }
    }
    print_parts("closing", s->closing);
    if (!s->checked)
        printf("not checked: the chain's balances at block %" PRIu64 " could not be read: %s\n",
               s->last_block, s->why);
    else if (s->agrees)
        printf("agrees with the chain's balances at block %" PRIu64 "\n", s->last_block);
    else {
        printf("DIFFERS from the chain's balances at block %" PRIu64 ":\n", s->last_block);
        print_parts("chain", s->chain);
    }
    names_free(book);
}

/* ---- The command ------------------------------------------------------------ */

int cmd_statement(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    statement_options o = { 0 };
    cli_args args = { 0 };
    statement_bound lo, hi;
    eth_address account;
    bool has_account = false;
    if (cli_command_args(ctx, argc, argv, &o, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    pc_status st = PC_OK;
    if (o.from)
        st = parse_bound("from", o.from, false, &lo, &err);
    if (st == PC_OK && o.to)
        st = parse_bound("to", o.to, true, &hi, &err);
    if (st == PC_OK && args.count == 1) {
        has_account = (st = book_resolve_word(ctx, args.word[0], &account, &err)) == PC_OK;
        if (st != PC_OK)
            pc_error_prefix(&err, "ACCOUNT");
    } else if (st == PC_OK) {
        st = signer_address(ctx, &account, &has_account, &err);
        if (st == PC_OK && !has_account)
            st = pc_fail(&err, PC_EINPUT, "whose statement? Name an ACCOUNT, or select one "
                                          "with --account");
    }
    cli_args_free(&args);
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    history *h = NULL;
    statement s = { 0 };
    if (st == PC_OK)
        st = open_and_sync(ctx, &k, &c, &h, NULL, &err);
    if (st == PC_OK)
        st = statement_build(c, k, h, &account, o.from ? &lo : NULL, o.to ? &hi : NULL, &s,
                             &err);
    if (st == PC_OK && ctx->json)
        st = print_json(statement_json(&s), &err);
    else if (st == PC_OK && o.csv)
        print_csv(&s);
    else if (st == PC_OK)
        print_table(ctx, &s);
    int code = st != PC_OK ? cli_fail(&err) : !s.checked ? 3 : s.agrees ? 0 : 1;
    if (st == PC_OK && !s.checked && (ctx->json || o.csv))
        cli_error("not checked: the chain's balances at block %" PRIu64 " could not be read: %s",
                  s.last_block, s.why);
    else if (st == PC_OK && s.checked && !s.agrees && (ctx->json || o.csv))
        cli_error("the statement differs from the chain's balances at block %" PRIu64,
                  s.last_block);
    statement_free(&s);
    history_close(h);
    rpc_client_free(c);
    pc_contract_free(k);
    return code;
}
