#include "cli/cmd_watch.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/follow.h"
#include "cli/print.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "rpcclient/node.h"
#include "rpcclient/units.h"
#include "wallet/events.h"

#define WATCH_POLL_MS 500
/* Blocks whose events one step writes at most (a watcher that fell
 * behind catches up in steps of this many). */
#define WATCH_STEP_BLOCKS 256

typedef struct watcher {
    const cli_ctx *ctx;
    cli_follow f;
    events_watch w;
    unsigned mask;               /* (1u << kind) of the events wanted */
    u256 threshold;              /* peg_gap's, ENT */
    bool has_from;
    uint64_t from;
    bool started;                /* the past has been read once */
    uint64_t last;               /* the last block whose events were written */
    uint64_t head_time;          /* that block's time */
} watcher;

static uint64_t wall_clock(void)
{
    time_t t = time(NULL);
    return t > 0 ? (uint64_t)t : 0;
}

static uint64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* ---- Writing events ---------------------------------------------------------- */

static void add_dec(cJSON *o, const char *key, const u256 *v)
{
    char dec[U256_DEC_MAX];
    u256_to_dec(v, dec);
    cJSON_AddStringToObject(o, key, dec);
}

static void add_address(cJSON *o, const char *key, const eth_address *a)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, text);
    cJSON_AddStringToObject(o, key, text);
}

static void add_hash(cJSON *o, const char *key, const uint8_t h[32])
{
    char hex[67] = "0x";
    hex_encode(h, 32, hex + 2);
    cJSON_AddStringToObject(o, key, hex);
}

static void add_order(cJSON *o, const event *e)
{
    cJSON_AddStringToObject(o, "side", e->is_buy ? "buy" : "sell");
    add_dec(o, "id", &e->id);
    add_address(o, "owner", &e->a);
    add_dec(o, "price", &e->price);
}

static cJSON *event_json(const event *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "event", event_name(e->kind));
    cJSON_AddNumberToObject(o, "block", (double)e->block);
    cJSON_AddNumberToObject(o, "time", (double)e->time);
    if (e->has_tx)
        add_hash(o, "tx", e->tx);
    else
        cJSON_AddNullToObject(o, "tx");
    switch (e->kind) {
    case EVENT_BLOCK:
        if (e->has_hash)
            add_hash(o, "hash", e->hash);
        else
            cJSON_AddNullToObject(o, "hash");
        cJSON_AddNumberToObject(o, "transactions", (double)e->count);
        break;
    case EVENT_TRADE:
        add_dec(o, "price", &e->price);
        add_dec(o, "quantity", &e->quantity);
        add_address(o, "buyer", &e->a);
        add_address(o, "seller", &e->b);
        add_dec(o, "buy_id", &e->id);
        add_dec(o, "sell_id", &e->id2);
        break;
    case EVENT_ORDER_ADDED:
        add_order(o, e);
        add_dec(o, "quantity", &e->quantity);
        break;
    case EVENT_ORDER_FILLED:
        add_order(o, e);
        break;
    case EVENT_PROPOSAL_OPENED:
    case EVENT_PROPOSAL_PASSED:
        cJSON_AddStringToObject(o, "vote", e->vote);
        cJSON_AddStringToObject(o, "description", e->text);
        add_address(o, "by", &e->a);
        break;
    case EVENT_SESSION_EXPIRED:
        add_address(o, "consumer", &e->a);
        add_address(o, "unit", &e->b);
        add_dec(o, "ent", &e->quantity);
        add_dec(o, "wh", &e->price);
        cJSON_AddNumberToObject(o, "started", (double)e->count);
        break;
    case EVENT_WITHDRAWAL_REQUESTED:
        add_address(o, "account", &e->a);
        add_dec(o, "amount", &e->quantity);
        break;
    case EVENT_PEG_GAP: {
        char dec[U256_DEC_MAX + 1] = "-";
        u256_to_dec(&e->quantity, dec + 1);
        cJSON_AddStringToObject(o, "gap", e->is_buy ? dec : dec + 1);
        add_dec(o, "threshold", &e->price);
        cJSON_AddBoolToObject(o, "over", e->over);
        break;
    }
    case EVENT_NODE_LOST:
        cJSON_AddStringToObject(o, "node", e->node);
        cJSON_AddStringToObject(o, "error", e->text);
        break;
    case EVENT_NODE_BACK:
        cJSON_AddStringToObject(o, "node", e->node);
        break;
    case EVENT_CHAIN_REPLACED:
        cJSON_AddStringToObject(o, "reason", e->text);
        cJSON_AddNumberToObject(o, "rolled_back", (double)e->count);
        break;
    case EVENT_KINDS:
        break;
    }
    return o;
}

static const char *amount(const u256 *v, pc_unit u, char *out, size_t cap)
{
    pc_format_unit(v, u, out, cap);
    return out;
}

static void event_line(const event *e, char *line, size_t cap)
{
    char a[ETH_ADDRESS_TEXT_LEN], b[ETH_ADDRESS_TEXT_LEN], x[PC_UNIT_TEXT_MAX],
        y[PC_UNIT_TEXT_MAX], id[U256_DEC_MAX], id2[U256_DEC_MAX], hash[67] = "0x";
    eth_address_to_checksum(&e->a, a);
    eth_address_to_checksum(&e->b, b);
    u256_to_dec(&e->id, id);
    u256_to_dec(&e->id2, id2);
    hex_encode(e->kind == EVENT_BLOCK ? e->hash : e->tx, 32, hash + 2);
    const char *side = e->is_buy ? "buy" : "sell";
    switch (e->kind) {
    case EVENT_BLOCK:
        snprintf(line, cap, "block%s%s, %" PRIu64 " contract transaction%s",
                 e->has_hash ? " " : "", e->has_hash ? hash : "", e->count,
                 e->count == 1 ? "" : "s");
        break;
    case EVENT_TRADE:
        snprintf(line, cap, "trade: %s at %s, %s buys (buy #%s) from %s (sell #%s)",
                 amount(&e->quantity, PC_UNIT_ENT, x, sizeof x),
                 amount(&e->price, PC_UNIT_PRICE, y, sizeof y), a, id, b, id2);
        break;
    case EVENT_ORDER_ADDED:
        snprintf(line, cap, "order added: %s #%s by %s, %s at %s", side, id, a,
                 amount(&e->quantity, PC_UNIT_ENT, x, sizeof x),
                 amount(&e->price, PC_UNIT_PRICE, y, sizeof y));
        break;
    case EVENT_ORDER_FILLED:
        snprintf(line, cap, "order filled: %s #%s by %s at %s", side, id, a,
                 amount(&e->price, PC_UNIT_PRICE, y, sizeof y));
        break;
    case EVENT_PROPOSAL_OPENED:
    case EVENT_PROPOSAL_PASSED:
        snprintf(line, cap, "proposal %s by %s: %s (%s)",
                 e->kind == EVENT_PROPOSAL_OPENED ? "opened" : "passed", a, e->text, e->vote);
        break;
    case EVENT_SESSION_EXPIRED:
        snprintf(line, cap, "session expired: %s with unit %s, %s still locked (%s left)", a, b,
                 amount(&e->quantity, PC_UNIT_ENT, x, sizeof x),
                 amount(&e->price, PC_UNIT_WH, y, sizeof y));
        break;
    case EVENT_WITHDRAWAL_REQUESTED:
        snprintf(line, cap, "withdrawal requested: %s locked %s", a,
                 amount(&e->quantity, PC_UNIT_EEURO, x, sizeof x));
        break;
    case EVENT_PEG_GAP:
        snprintf(line, cap, "peg gap %s%s (%s energy than ENT), %s the threshold %s",
                 e->is_buy ? "-" : "", amount(&e->quantity, PC_UNIT_ENT, x, sizeof x),
                 e->is_buy ? "more" : "less", e->over ? "past" : "back within",
                 amount(&e->price, PC_UNIT_ENT, y, sizeof y));
        break;
    case EVENT_NODE_LOST:
        snprintf(line, cap, "node lost: %s: %s", e->node, e->text);
        break;
    case EVENT_NODE_BACK:
        snprintf(line, cap, "node back: %s", e->node);
        break;
    case EVENT_CHAIN_REPLACED:
        snprintf(line, cap, "chain replaced (%s): %" PRIu64 " transactions rolled back",
                 strcmp(e->text, "genesis") == 0 ? "another genesis block" : "a reorg",
                 e->count);
        break;
    case EVENT_KINDS:
        line[0] = '\0';
        break;
    }
    size_t n = strlen(line);
    if (e->has_tx && n + 80 < cap)
        snprintf(line + n, cap - n, " (tx %s)", hash);
}

/* Writes the wanted events of l and empties it; false when out of memory. */
static bool write_events(const watcher *x, events_list *l)
{
    bool ok = true;
    for (size_t i = 0; i < l->count; i++) {
        const event *e = &l->items[i];
        if (!(x->mask & (1u << e->kind)))
            continue;
        if (x->ctx->json) {
            pc_error err = { 0 };
            ok &= print_json(event_json(e), &err) == PC_OK;
            continue;
        }
        char when[PC_UNIT_TEXT_MAX], line[1024];
        u256 t = u256_from_u64(e->time);
        pc_format_unit(&t, PC_UNIT_TIMESTAMP, when, sizeof when);
        event_line(e, line, sizeof line);
        printf("#%-6" PRIu64 " %s  ", e->block, when);
        text_print(stdout, line);
        putchar('\n');
    }
    fflush(stdout);
    l->count = 0;
    return ok;
}

/* ---- Following the chain ---------------------------------------------------- */

/* Block events for (after, upto] from the blocks' headers, in one batch. */
static pc_status block_events(watcher *x, uint64_t after, uint64_t upto, events_list *out,
                              pc_error *err)
{
    rpc_batch *b = rpc_batch_new();
    pc_status st = b ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
    for (uint64_t n = after + 1; st == PC_OK && n <= upto; n++)
        if (rpc_batch_add(b, "eth_getBlockByNumber", node_params_block_number(n, false)) < 0)
            st = pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = rpc_batch_send(x->f.c, b, true, err);
    for (size_t i = 0; st == PC_OK && i < upto - after; i++) {
        const cJSON *r = rpc_batch_result(b, i, err);
        node_block blk;
        uint8_t hash[32];
        if (!r || node_parse_block(r, &blk, err) != PC_OK ||
            node_parse_hash(cJSON_GetObjectItemCaseSensitive(r, "hash"), "block hash", hash,
                            err) != PC_OK) {
            st = PC_ENODE;
            break;
        }
        event *e = events_push(out, EVENT_BLOCK, blk.number, blk.timestamp);
        if (!e) {
            st = pc_fail(err, PC_ENOMEM, "out of memory");
            break;
        }
        memcpy(e->hash, hash, 32);
        e->has_hash = true;
    }
    rpc_batch_free(b);
    return st;
}

static pc_status append(events_list *out, const event *e, pc_error *err)
{
    event *slot = events_push(out, e->kind, e->block, e->time);
    if (!slot)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    *slot = *e;
    return PC_OK;
}

/* Each block's header event, with the number of the contract's
 * transactions in it, then that block's events, in block order. */
static pc_status merge(const events_list *blocks, const events_list *txs,
                       const wallet_past *p, events_list *out, pc_error *err)
{
    size_t j = 0, t = 0;
    pc_status st = PC_OK;
    for (size_t i = 0; st == PC_OK && i < blocks->count; i++) {
        event b = blocks->items[i];
        for (; t < p->ntxs && p->txs[t].block < b.block; t++)
            ;
        for (; t < p->ntxs && p->txs[t].block == b.block; t++)
            b.count++;
        for (; st == PC_OK && j < txs->count && txs->items[j].block < b.block; j++)
            st = append(out, &txs->items[j], err);
        if (st == PC_OK)
            st = append(out, &b, err);
        for (; st == PC_OK && j < txs->count && txs->items[j].block == b.block; j++)
            st = append(out, &txs->items[j], err);
    }
    for (; st == PC_OK && j < txs->count; j++)
        st = append(out, &txs->items[j], err);
    return st;
}

/* What the state says at the new head (peg_gap), and the sessions the
 * peg's replay holds open that have expired by then. A read that fails
 * is tried again at the next block. */
static pc_status look_at_state(watcher *x, const wallet_past *p, uint64_t block, uint64_t time,
                               bool quiet, events_list *out, pc_error *err)
{
    wallet_state *s = NULL;
    wallet_state_query q = { 0 };
    pc_error ignored = { 0 };
    pc_status st = PC_OK;
    if (wallet_state_fetch(x->f.c, x->f.k, &q, &s, &ignored) == PC_OK &&
        !(s->missing & WALLET_SEC_TOTALS))
        st = events_peg(&x->w, s, &x->threshold, out, err);
    wallet_state_free(s);
    series_peg_detail d;
    if (st == PC_OK)
        st = series_peg_details(p->txs, p->ntxs, &p->governance, &p->market, NULL, &d, err);
    if (st == PC_OK) {
        st = events_sessions(&x->w, &d, block, time, quiet, out, err);
        series_peg_detail_free(&d);
    }
    return st;
}

/* The first look: the index's events from --from, written in steps, then
 * the state. */
static pc_status first_look(watcher *x, const wallet_past *p, uint64_t head, events_list *out,
                            pc_error *err)
{
    pc_status st = PC_OK;
    for (uint64_t after = x->from ? x->from - 1 : 0; st == PC_OK && x->has_from && after < head;
         after = after + WATCH_STEP_BLOCKS < head ? after + WATCH_STEP_BLOCKS : head) {
        uint64_t upto = after + WATCH_STEP_BLOCKS < head ? after + WATCH_STEP_BLOCKS : head;
        st = events_from_past(p, after, upto, true, out, err);
        if (st == PC_OK && !write_events(x, out))
            st = pc_fail(err, PC_ENOMEM, "out of memory");
    }
    uint64_t time = p->ntxs ? p->txs[p->ntxs - 1].time : 0;
    if (st == PC_OK)
        st = look_at_state(x, p, head, time, !x->has_from, out, err);
    x->last = x->has_from && x->from > head ? x->from - 1 : head;
    x->started = true;
    return st;
}

/* The events of the blocks after the last written, up to WATCH_STEP_BLOCKS
 * of them. */
static pc_status next_blocks(watcher *x, const wallet_past *p, uint64_t head, events_list *out,
                             pc_error *err)
{
    uint64_t upto = head - x->last > WATCH_STEP_BLOCKS ? x->last + WATCH_STEP_BLOCKS : head;
    events_list blocks = { 0 }, txs = { 0 };
    pc_status st = block_events(x, x->last, upto, &blocks, err);
    if (st == PC_OK)
        st = events_from_past(p, x->last, upto, false, &txs, err);
    if (st == PC_OK)
        st = merge(&blocks, &txs, p, out, err);
    uint64_t time = blocks.count ? blocks.items[blocks.count - 1].time : 0;
    events_list_free(&blocks);
    events_list_free(&txs);
    if (st == PC_OK)
        st = look_at_state(x, p, upto, time, false, out, err);
    if (st == PC_OK)
        x->last = upto;
    return st;
}

/* One step of the index: brought up to the head, its new blocks' events
 * into out. PC_ENOMEM is the only failure that ends the watch; a node
 * that fails now is asked again at the next step. */
static pc_status step(watcher *x, events_list *out, pc_error *err)
{
    pc_error e = { 0 };
    uint64_t head, rolled_back;
    if (!cli_follow_sync(&x->f, &rolled_back) || !history_head(x->f.h, &head))
        return PC_OK;
    pc_status st = PC_OK;
    if (rolled_back || (x->started && head < x->last)) {
        if (x->last > head)
            x->last = head;
        st = events_chain(&x->w, NULL, rolled_back, head, wall_clock(), out, err);
    }
    wallet_past p;
    if (st != PC_OK || (x->started && head <= x->last))
        return st;
    if (wallet_past_reader_read(&x->f.reader, x->f.h, &p, &e) != PC_OK)
        return e.status == PC_ENOMEM ? pc_fail(err, PC_ENOMEM, "%s", e.msg) : PC_OK;
    st = x->started ? next_blocks(x, &p, head, out, err) : first_look(x, &p, head, out, err);
    wallet_past_free(&p);
    /* A node that failed mid-step is asked again; memory is not. */
    return st == PC_ENOMEM ? st : PC_OK;
}

/* The chain under the node was replaced by another (a new genesis): the
 * index of that chain is another one; the watch starts again there. */
static void start_again(watcher *x)
{
    cli_follow_forget_index(&x->f);
    x->started = false;
    x->has_from = false;
}

static pc_status watch(watcher *x, pc_error *err)
{
    events_list out = { 0 };
    pc_status st = PC_OK;
    uint64_t answered = now_ms();
    for (;;) {
        uint64_t t0 = now_ms();
        nodes_report r;
        nodes_probe(x->f.nodes, NODES_HEAD, x->ctx->has_chain_id, x->ctx->chain_id, &r);
        size_t before = out.count;
        st = events_nodes(&x->w, &r, x->last, wall_clock(), &out, err);
        if (st == PC_OK && r.up) {
            answered = t0;
            st = events_chain(&x->w, &r, 0, x->last, wall_clock(), &out, err);
            if (st == PC_OK && out.count > before &&
                out.items[out.count - 1].kind == EVENT_CHAIN_REPLACED)
                start_again(x);
            if (st == PC_OK)
                st = step(x, &out, err);
        }
        if (st == PC_OK && !write_events(x, &out))
            st = pc_fail(err, PC_ENOMEM, "out of memory");
        if (st != PC_OK)
            break;
        if (!r.up && t0 - answered >= (uint64_t)x->ctx->timeout_s * 1000u) {
            st = pc_fail(err, PC_ENODE, "no node has answered for %ld s", x->ctx->timeout_s);
            break;
        }
        uint64_t spent = now_ms() - t0;
        if (spent < WATCH_POLL_MS) {
            uint64_t left = WATCH_POLL_MS - spent;
            struct timespec pause = { (time_t)(left / 1000), (long)(left % 1000) * 1000000L };
            nanosleep(&pause, NULL);
        }
    }
    events_list_free(&out);
    return st;
}

int cmd_watch(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    watch_options o = { 0 };
    watcher x = { .ctx = ctx, .mask = (1u << EVENT_KINDS) - 1 };
    unsigned long long from_block = 0;
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    pc_status st = PC_OK;
    if (o.from)
        st = cli_parse_u64("from", o.from, UINT64_MAX, &from_block, &err);
    if (st == PC_OK && o.events)
        st = event_parse_list(o.events, &x.mask, &err);
    /* The option, else the config file's peg-gap, else 1 ENT. */
    if (st == PC_OK && !o.peg_gap && ctx->has_peg_gap)
        x.threshold = ctx->peg_gap;
    else if (st == PC_OK &&
             u256_parse_fixed(o.peg_gap ? o.peg_gap : "1", 18, &x.threshold, &err) != PC_OK)
        st = pc_error_prefix(&err, "--peg-gap");
    x.has_from = o.from != NULL;
    x.from = from_block;
    if (st == PC_OK && (st = cli_follow_open(ctx, &x.f, &err)) == PC_OK) {
        st = watch(&x, &err);
        cli_follow_close(&x.f);
    }
    events_watch_free(&x.w);
    return st == PC_OK ? 0 : cli_fail(&err);
}
