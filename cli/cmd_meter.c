/* powerchain meter: what a storage unit's smart meter sends.
 *
 *   meter produce PRODUCER WH | consume CONSUMER WH | report WH
 *                              one reading, sent and waited for like `send`
 *   meter session ADDRESS      Wh left in the session with a consumer
 *   meter run                  readings from standard input, one a line:
 *                              "produce ADDR WH", "consume ADDR WH",
 *                              "report WH"; blank lines and #comments skipped
 *
 * `meter run` estimates each reading's gas (one batch of eth_estimateGas for
 * the readings already waiting on standard input, at most METER_GROUP),
 * signs each with the next nonce and sends it without waiting for the
 * previous receipt, then collects receipts in batches and prints every
 * outcome in input order; a reading that used all its gas is "out of gas".
 * A bad line is reported with its number and skipped. A reading whose sending
 * failed in transport is sent again as the same signed bytes (same nonce,
 * same hash), so it can be mined at most once; a reading whose nonce another
 * signer took is signed again with the next one. When the client fails over
 * to another node, that node gets the pending readings it never saw, as the
 * same signed bytes.
 * The account's nonce lock is held for the whole run, so other powerchain
 * processes signing for the unit wait their turn. */
#include "cli/cmd_meter.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cmd_call.h"
#include "cli/cmd_send.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/signer.h"
#include "cli/transact.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "wallet/txpipe.h"

#define METER_RECEIPT_BATCH 200
#define METER_POLL_EVERY 64
#define METER_RESEND_TRIES 30
#define METER_GROUP 64

/* QUEUED: read, waiting for its gas estimate and its send. */
typedef enum reading_state {
    READING_QUEUED,
    READING_SENT,
    READING_MINED,
    READING_LOST
} reading_state;

typedef struct reading {
    unsigned line;
    char *text;          /* the line as given, for the report */
    uint8_t hash[32];
    uint64_t gas_limit;
    bytebuf raw;         /* READING_SENT: the signed bytes, for a failover */
    reading_state state;
    pc_outcome outcome;
    bool out_of_gas;     /* READING_MINED: failed having used its whole gas limit */
    char *problem;       /* READING_LOST: why */
} reading;

typedef struct meter_run {
    const cli_ctx *ctx;
    rpc_client *c;
    pc_contract *k;
    secret *key;
    eth_address from;
    uint64_t chain_id;           /* the chain of the nonce lock: signed for it only */
    eth_tx base;                 /* chain id, fee fields */
    uint64_t next_nonce;
    sender_fees fees;            /* the person's gas limit and fees */
    u256 fee_cap;
    reading *items;
    size_t count, cap;
    size_t reported;             /* outcomes printed so far, in order */
    unsigned long checked_moves; /* rpc_client_moves when pending readings were last checked */
    unsigned bad_lines;
} meter_run;

static const char *const kinds[] = { "produce", "consume", "report" };
enum { METER_CONSUME = 1 }; /* kinds[METER_CONSUME] */
static const char *const methods_of[] = { "energyProduced", "energyConsumed",
                                          "reportActualEnergy" };

static void sleep_ms(unsigned ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* Splits a reading line into words (at most 4); returns the count. */
static int split_words(char *line, char *words[4])
{
    int n = 0;
    for (char *tok = strtok(line, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
        if (n == 4)
            return 5;
        words[n++] = tok;
    }
    return n;
}

/* Parses one line into a method index and its calldata. */
static pc_status parse_reading(char *line, int *kind, bytebuf *data, pc_error *err)
{
    char *w[4];
    int n = split_words(line, w);
    for (int i = 0; i < 3; i++) {
        if (strcmp(w[0], kinds[i]) != 0)
            continue;
        int want = i == 2 ? 2 : 3;
        if (n != want)
            return pc_fail(err, PC_EINPUT, "\"%s\" takes %s", kinds[i],
                           i == 2 ? "one argument: WH" : "two arguments: ADDRESS WH");
        *kind = i;
        return pc_encode_call(pc_method_find(methods_of[i]), n - 1, w + 1, data, err);
    }
    return pc_fail(err, PC_EINPUT, "a reading starts with produce, consume or report");
}

/* The run's chain, fee fields and first nonce, from the node (and the
 * person's fees) with the first reading to send. */
static pc_status prepare_base(meter_run *r, const bytebuf *data, pc_error *err)
{
    if (r->base.chain_id)
        return PC_OK;
    wallet_tx t = { .from = r->from, .has_to = true, .to = *pc_contract_address(r->k),
                    .data = data->data, .data_len = data->len, .has_chain_id = true,
                    .chain_id = r->chain_id, .fees = r->fees, .fee_cap = r->fee_cap };
    eth_tx tx;
    pc_status st = wallet_tx_prepare(r->c, &t, &tx, err);
    if (st == PC_OK) {
        r->base = tx;
        r->next_nonce = tx.nonce;
    }
    return st;
}

/* Readings read and parsed, not yet sent: indexes into the run's items and
 * their calldata. */
typedef struct meter_group {
    size_t item[METER_GROUP];
    int kind[METER_GROUP];
    bytebuf data[METER_GROUP];
    size_t n;
} meter_group;

/* Whether the group holds a consumption reading for the same consumer as
 * data (same selector and first argument). Such a reading can use up the
 * session and make this one the dear kind that exceeds it, which an
 * estimate taken before the group is sent cannot see: this one waits for
 * the next group, estimated once the first is mined. */
static bool group_has_consumer(const meter_group *g, const bytebuf *data)
{
    const size_t head = 4 + 32;
    for (size_t i = 0; i < g->n; i++)
        if (g->kind[i] == METER_CONSUME && data->len >= head && g->data[i].len >= head &&
            memcmp(g->data[i].data, data->data, head) == 0)
            return true;
    return false;
}

/* Each reading's own gas limit (PROTOCOL.md: a consumption reading that
 * exceeds its session costs about three times a plain one): the person's
 * --gas-limit, else one batch of estimates for the group. The estimates see
 * the state before the group is sent, so a reading that an earlier one of
 * its group makes dearer gets twice its estimate. gas[i] stays 0 when
 * reading i could not be estimated; why[i] says why. */
static pc_status estimate_group(meter_run *r, const meter_group *g, uint64_t gas[],
                                pc_error why[], pc_error *err)
{
    if (r->fees.has_gas_limit) {
        for (size_t i = 0; i < g->n; i++)
            gas[i] = r->fees.gas_limit;
        return PC_OK;
    }
    /* Readings with the same calldata (a meter repeating itself) share one
     * estimate: the node's estimates are what slows a run down. */
    size_t call_of[METER_GROUP], ncalls = 0;
    rpc_batch *b = rpc_batch_new();
    for (size_t i = 0; i < g->n; i++) {
        size_t j = 0;
        while (j < i && !(g->data[j].len == g->data[i].len &&
                          memcmp(g->data[j].data, g->data[i].data, g->data[i].len) == 0))
            j++;
        if (j < i) {
            call_of[i] = call_of[j];
            continue;
        }
        call_of[i] = ncalls++;
        if (!b || rpc_batch_add(b, "eth_estimateGas",
                                node_params_call(&r->from, pc_contract_address(r->k),
                                                 g->data[i].data, g->data[i].len, NULL)) < 0) {
            rpc_batch_free(b);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
    }
    /* A node that is away is waited for, as a send is. */
    pc_status st;
    for (unsigned attempt = 0;; attempt++) {
        st = rpc_batch_send(r->c, b, true, err);
        bool transport = st != PC_OK && (err->cause == PC_CAUSE_UNREACHABLE ||
                                         err->cause == PC_CAUSE_TIMEOUT);
        if (!transport || attempt + 1 >= METER_RESEND_TRIES)
            break;
        if (attempt == 0) {
            fprintf(stderr, "powerchain: line %u: ", r->items[g->item[0]].line);
            text_print(stderr, err->msg);
            fputs("; asking for the gas estimate again every second\n", stderr);
        }
        rpc_client_fail_over(r->c);
        sleep_ms(1000);
    }
    for (size_t i = 0; st == PC_OK && i < g->n; i++) {
        uint64_t e = 0;
        const cJSON *res = rpc_batch_result(b, call_of[i], &why[i]);
        bool parsed = res && node_parse_u64(res, "gas estimate", &e, &why[i]) == PC_OK;
        if (parsed && e > 0 && e <= UINT64_MAX / 2)
            gas[i] = e * 2;
        else if (parsed)
            pc_fail(&why[i], PC_ENODE, "the node's gas estimate %llu is absurd",
                    (unsigned long long)e);
        else
            pc_error_prefix(&why[i], "cannot estimate gas");
    }
    rpc_batch_free(b);
    return st;
}

/* A node's words, kept to be printed later: through the one sanitizer. */
static char *sanitized_dup(const char *text)
{
    char *copy = strdup(text);
    if (copy)
        text_sanitize(copy);
    return copy;
}

static void retrying(void *user, const pc_error *why)
{
    fprintf(stderr, "powerchain: line %u: ", *(const unsigned *)user);
    text_print(stderr, why->msg);
    fputs("; sending the same transaction again every second\n", stderr);
}

/* Signs one reading with the next nonce and sends it. When the node refuses
 * it and its next nonce has moved past ours (another signer outside this
 * machine took it), the reading is signed again with the node's next one. */
static pc_status send_reading(meter_run *r, uint64_t gas, const bytebuf *data, reading *it,
                              pc_error *err)
{
    eth_tx tx = r->base;
    tx.gas_limit = it->gas_limit = gas;
    tx.has_to = true;
    tx.to = *pc_contract_address(r->k);
    tx.data = data->data;
    tx.data_len = data->len;
    pc_status st = wallet_tx_check_fee(&tx, &r->fee_cap, err);
    for (int signing = 0; st == PC_OK && signing < 3; signing++) {
        tx.nonce = r->next_nonce;
        bytebuf raw = BYTEBUF_INIT;
        st = sender_sign(&tx, r->key, &r->from, it->hash, &raw, err);
        bool answer_lost = false;
        if (st == PC_OK)
            st = wallet_tx_send_signed(r->c, &raw, it->hash, METER_RESEND_TRIES, retrying,
                                       &it->line, &answer_lost, err);
        if (st == PC_OK) {
            it->raw = raw;
            r->next_nonce++;
            return PC_OK;
        }
        bytebuf_free(&raw);
        uint64_t node_next = 0;
        if (answer_lost || err->cause != PC_CAUSE_REFUSED ||
            wallet_tx_next_nonce(r->c, &r->from, &node_next, NULL) != PC_OK ||
            node_next <= tx.nonce)
            break;
        r->next_nonce = node_next;
    }
    return st;
}

static void print_outcome(const reading *it)
{
    printf("line %u: %s: ", it->line, it->text);
    if (it->state == READING_LOST) {
        printf("not sent: %s\n", it->problem ? it->problem : "out of memory");
        return;
    }
    char h[65];
    hex_encode(it->hash, 32, h);
    printf("block %llu, tx 0x%s", (unsigned long long)it->outcome.block, h);
    if (it->out_of_gas)
        printf(", out of gas (all %llu gas used)", (unsigned long long)it->gas_limit);
    else if (wallet_outcome_cause(&it->outcome) == PC_CAUSE_REVERTED)
        fputs(", reverted", stdout);
    for (size_t i = 0; i < it->outcome.nevents; i++)
        printf(", %s: %s", it->outcome.events[i].is_error ? "Error" : "Info",
               it->outcome.events[i].text);
    putchar('\n');
}

static void report_ready(meter_run *r)
{
    while (r->reported < r->count && (r->items[r->reported].state == READING_MINED ||
                                      r->items[r->reported].state == READING_LOST))
        print_outcome(&r->items[r->reported++]);
    fflush(stdout);
}

static void reading_settled(reading *it, reading_state state)
{
    it->state = state;
    bytebuf_free(&it->raw);
}

/* After a failover, the node in use gets, in nonce order, the pending
 * readings it never saw. One it refuses is lost (its nonce is used there). */
static void resend_after_failover(meter_run *r)
{
    unsigned long moves = rpc_client_moves(r->c);
    if (moves == r->checked_moves)
        return;
    for (size_t i = r->reported; i < r->count; i++) {
        reading *it = &r->items[i];
        if (it->state != READING_SENT)
            continue;
        pc_error e;
        bool resent = false;
        pc_status st = sender_resend_if_unknown(r->c, it->hash, &it->raw, &resent, &e);
        if (st == PC_ETX) {
            it->problem = sanitized_dup(e.msg);
            reading_settled(it, READING_LOST);
        } else if (st != PC_OK) {
            return; /* unreachable again: the next round tries anew */
        } else if (resent) {
            fprintf(stderr, "powerchain: line %u: %s had not seen the reading: sent it the "
                            "same signed transaction\n",
                    it->line, rpc_client_url(r->c));
        }
    }
    r->checked_moves = moves;
}

/* One round of receipt polling for everything still pending. */
static pc_status poll_receipts(meter_run *r, pc_error *err)
{
    size_t i = r->reported;
    while (i < r->count) {
        rpc_batch *b = rpc_batch_new();
        size_t idx[METER_RECEIPT_BATCH], n = 0;
        for (; i < r->count && n < METER_RECEIPT_BATCH; i++) {
            if (r->items[i].state != READING_SENT)
                continue;
            if (!b || rpc_batch_add(b, "eth_getTransactionReceipt",
                                    node_params_hash(r->items[i].hash)) < 0) {
                rpc_batch_free(b);
                return pc_fail(err, PC_ENOMEM, "out of memory");
            }
            idx[n++] = i;
        }
        pc_status st = n ? rpc_batch_send(r->c, b, true, err) : PC_OK;
        for (size_t j = 0; st == PC_OK && j < n; j++) {
            reading *it = &r->items[idx[j]];
            node_receipt rc;
            bool found = false;
            st = node_parse_receipt(rpc_batch_result(b, j, err), &rc, &found, err);
            if (st == PC_OK && found) {
                /* Events only: a reading's report has no room for a revert reason. */
                st = pc_outcome_from_receipt(r->k, &rc, &it->outcome, err);
                it->out_of_gas = rc.status == 0 && rc.gas_used == it->gas_limit;
                reading_settled(it, READING_MINED);
                node_receipt_free(&rc);
            }
        }
        rpc_batch_free(b);
        if (st != PC_OK)
            return st;
    }
    resend_after_failover(r);
    report_ready(r);
    return PC_OK;
}

static pc_status add_reading(meter_run *r, unsigned line, const char *text, reading **out)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        reading *p = realloc(r->items, cap * sizeof *p);
        if (!p)
            return PC_ENOMEM;
        r->items = p;
        r->cap = cap;
    }
    reading *it = &r->items[r->count];
    memset(it, 0, sizeof *it);
    it->line = line;
    it->text = strdup(text);
    if (!it->text)
        return PC_ENOMEM;
    r->count++;
    *out = it;
    return PC_OK;
}

static void trim_line(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
}

static void reading_not_sent(reading *it, const char *why, unsigned *not_sent)
{
    it->state = READING_LOST;
    it->problem = sanitized_dup(why);
    (*not_sent)++;
}

/* Estimates, signs and sends the group's readings, in order; empties it.
 * Returns PC_OK, or the status of a failure that later readings would meet
 * too (then *err says it and the group's rest is not sent). */
static pc_status send_group(meter_run *r, meter_group *g, unsigned *not_sent, pc_error *err)
{
    uint64_t gas[METER_GROUP] = { 0 };
    pc_error why[METER_GROUP] = { { 0 } };
    pc_status fatal = PC_OK;
    pc_status st = g->n ? prepare_base(r, &g->data[0], err) : PC_OK;
    if (st == PC_OK)
        st = estimate_group(r, g, gas, why, err);
    for (size_t i = 0; i < g->n; i++) {
        reading *it = &r->items[g->item[i]];
        pc_error e = *err;
        pc_status sent = fatal ? fatal : st;
        if (sent == PC_OK && !gas[i]) {
            e = why[i];
            sent = e.status;
        }
        if (sent == PC_OK)
            sent = send_reading(r, gas[i], &g->data[i], it, &e);
        bytebuf_free(&g->data[i]);
        if (sent == PC_OK) {
            it->state = READING_SENT;
            continue;
        }
        reading_not_sent(it, e.msg, not_sent);
        /* Without a node, a valid chain or the unit's key, later readings
         * fare no better. */
        if (!fatal && ((e.status == PC_ENODE && !r->base.chain_id) || e.cause == PC_CAUSE_KEY)) {
            fatal = e.status;
            *err = e;
        }
    }
    g->n = 0;
    return fatal;
}

/* Whether more input can be read at once: the group waits for it. */
static bool input_waiting(void)
{
    struct pollfd p = { .fd = 0, .events = POLLIN };
    return poll(&p, 1, 0) > 0;
}

/* Reads, sends and reports; returns the exit code. */
static int run_readings(meter_run *r, unsigned wait_s)
{
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0, not_sent = 0;
    pc_error err = { 0 };
    pc_status fatal = PC_OK;
    meter_group group = { .n = 0 };
    while (fatal == PC_OK && getline(&line, &cap, stdin) > 0) {
        lineno++;
        trim_line(line);
        char *text = line + strspn(line, " \t");
        if (!*text || *text == '#')
            continue;
        char shown[160];
        snprintf(shown, sizeof shown, "%s", text);
        text_sanitize(shown);
        bytebuf data = BYTEBUF_INIT;
        int kind = 0;
        reading *it;
        if (parse_reading(text, &kind, &data, &err) != PC_OK) {
            fprintf(stderr, "powerchain: line %u: ", lineno);
            text_print(stderr, err.msg);
            fputs("; skipped\n", stderr);
            r->bad_lines++;
            bytebuf_free(&data);
        } else if (add_reading(r, lineno, shown, &it) != PC_OK) {
            bytebuf_free(&data);
            fatal = pc_fail(&err, PC_ENOMEM, "out of memory");
        } else {
            if (kind == METER_CONSUME && group_has_consumer(&group, &data))
                fatal = send_group(r, &group, &not_sent, &err);
            group.item[group.n] = r->count - 1;
            group.kind[group.n] = kind;
            group.data[group.n++] = data;
        }
        if (fatal == PC_OK && group.n && (group.n == METER_GROUP || !input_waiting()))
            fatal = send_group(r, &group, &not_sent, &err);
        if (fatal == PC_OK && r->count % METER_POLL_EVERY == 0)
            poll_receipts(r, NULL);
    }
    if (fatal == PC_OK)
        fatal = send_group(r, &group, &not_sent, &err);
    for (size_t i = 0; i < group.n; i++) { /* what a failure for all left unsent */
        reading_not_sent(&r->items[group.item[i]], err.msg, &not_sent);
        bytebuf_free(&group.data[i]);
    }
    free(line);
    uint64_t waited = 0;
    while (fatal == PC_OK && r->reported < r->count && waited < (uint64_t)wait_s * 1000) {
        if (poll_receipts(r, &err) != PC_OK) {
            fputs("powerchain: while waiting for receipts: ", stderr);
            text_print(stderr, err.msg);
            fputc('\n', stderr);
        }
        if (r->reported < r->count) {
            sleep_ms(200);
            waited += 200;
        }
    }
    unsigned ok = 0, failed = 0, pending = 0;
    for (size_t i = 0; i < r->count; i++) {
        if (r->items[i].state == READING_SENT)
            pending++;
        else if (r->items[i].state == READING_MINED &&
                 wallet_outcome_cause(&r->items[i].outcome) == PC_CAUSE_NONE)
            ok++;
        else if (r->items[i].state == READING_MINED)
            failed++;
    }
    for (size_t i = r->reported; i < r->count; i++) {
        char h[65];
        hex_encode(r->items[i].hash, 32, h);
        if (r->items[i].state != READING_SENT)
            print_outcome(&r->items[i]);
        else
            printf("line %u: %s: no receipt yet, tx 0x%s\n", r->items[i].line, r->items[i].text,
                   h);
    }
    fprintf(stderr, "meter: %zu readings: %u mined without error, %u failed on chain, "
                    "%u not sent, %u still pending, %u bad lines\n",
            r->count, ok, failed, not_sent, pending, r->bad_lines);
    if (fatal != PC_OK)
        return cli_fail(&err);
    if (not_sent || pending)
        return 3;
    if (failed)
        return 1;
    return r->bad_lines ? 2 : 0;
}

static int meter_run_cmd(const cli_ctx *ctx, unsigned wait_s, const sender_fees *fees)
{
    meter_run r = { .ctx = ctx, .fees = *fees, .fee_cap = ctx->fee_cap };
    pc_error err = { 0 };
    if (!ctx->account && !ctx->private_key_file) {
        pc_fail(&err, PC_EINPUT, "no storage-unit account: give --account or --private-key-file");
        return cli_fail(&err);
    }
    /* Unlock first, as cli_transact does: a key file without an address
     * field has told its address after, so its password is asked once. */
    eth_address unlocked;
    bool has = false;
    pc_status st = signer_unlock(ctx, &r.key, &unlocked, &err);
    if (st == PC_OK)
        st = cli_open(ctx, &r.k, &r.from, &has, &r.c, &err);
    if (st == PC_OK)
        r.checked_moves = rpc_client_moves(r.c);
    nonce_lock lock = { .fd = -1 };
    if (st == PC_OK) {
        /* The whole run holds the lock: readings take consecutive nonces. */
        wallet_tx t = { .from = r.from, .has_chain_id = ctx->has_chain_id,
                        .chain_id = ctx->chain_id, .wait_s = wait_s };
        st = wallet_tx_lock(r.c, &t, &lock, &r.chain_id, &err);
    }
    int code = st == PC_OK ? run_readings(&r, wait_s) : cli_fail(&err);
    nonce_lock_release(&lock);
    for (size_t i = 0; i < r.count; i++) {
        free(r.items[i].text);
        free(r.items[i].problem);
        bytebuf_free(&r.items[i].raw);
        pc_outcome_free(&r.items[i].outcome);
    }
    free(r.items);
    secret_free(r.key);
    rpc_client_free(r.c);
    pc_contract_free(r.k);
    return code;
}

int cmd_meter_run(const cli_ctx *ctx, int argc, char **argv)
{
    meter_options o = { 0 };
    unsigned long long wait_s = CLI_DEFAULT_WAIT_S;
    sender_fees fees;
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    if ((o.wait && cli_parse_u64("wait", o.wait, 86400, &wait_s, &err) != PC_OK) ||
        cli_fee_parse(&o.fees, &fees, &err) != PC_OK)
        return cli_fail(&err);
    return meter_run_cmd(ctx, (unsigned)wait_s, &fees);
}

int cmd_meter_session(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    cli_args args;
    if (cli_command_args(ctx, argc, argv, NULL, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    char *words[] = { "getConsumptionSessionEnergy", args.word[0] };
    int code = cli_call(ctx, 2, words);
    cli_args_free(&args);
    return code;
}

int cmd_meter_reading(const cli_ctx *ctx, int argc, char **argv)
{
    int kind = 0;
    while (kind < 2 && strcmp(argv[0], kinds[kind]) != 0)
        kind++;
    meter_options o = { 0 };
    cli_args args;
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, &o, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    /* One reading is a send of the matching contract function, with the
     * options given here. */
    send_options send = { .wait = o.wait, .fees = o.fees };
    char *words[3] = { (char *)methods_of[kind], args.word[0], args.word[1] };
    int code = cli_send(ctx, &send, args.count + 1, words);
    cli_args_free(&args);
    return code;
}
