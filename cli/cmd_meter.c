/* powerchain meter: what a storage unit's smart meter sends.
 *
 *   meter produce PRODUCER WH | consume CONSUMER WH | report WH
 *                              one reading, sent and waited for like `send`
 *                              (cli/transact.h: simulated, confirmed;
 *                              --dry-run, --force)
 *   meter session ADDRESS      Wh left in the session with a consumer
 *   meter run                  readings from standard input, one a line:
 *                              "produce ADDR WH", "consume ADDR WH",
 *                              "report WH"; blank lines and #comments skipped
 *
 * `meter run` drives the transaction engine (wallet/engine.h) in bulk. Each
 * group of readings already waiting on standard input (at most METER_GROUP)
 * gets its gas from ONE simulation of the whole group in one block, each
 * reading its own gas used, so a reading an earlier one makes dearer (a
 * consumption beyond its session costs about three times a plain one)
 * gets its own; where the node offers no eth_simulateV1, from one batch of
 * estimates, and then a consumption for a consumer already in the group
 * waits for the next group. Each reading is added to the engine prepared
 * (the run's chain and fees, its own gas limit), checked against the fee
 * cap, signed with the next nonce under the account's nonce lock, held for
 * the whole run (other powerchain processes signing for the unit wait
 * their turn), and sent without waiting for the previous receipt; the
 * engine then watches the receipts in batches, and every outcome is
 * printed in input order; a reading that used all its gas is "out of
 * gas". A bad line is reported with its number and skipped. A reading
 * whose sending failed in transport is sent again as the same signed bytes
 * (same nonce, same hash), so it can be mined at most once; a reading
 * whose nonce another signer took is signed again with the next one. When
 * the client fails over to another node, that node gets the pending
 * readings it never saw, as the same signed bytes. */
#include "cli/cmd_meter.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/readcall.h"
#include "cli/signer.h"
#include "cli/transact.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "wallet/engine.h"

#define METER_POLL_EVERY 64
#define METER_RESEND_TRIES 30
#define METER_GROUP 64

/* QUEUED: read, waiting for its gas and its send. */
typedef enum reading_state {
    READING_QUEUED,
    READING_SENT,
    READING_SETTLED,
} reading_state;

typedef struct reading {
    unsigned line;
    char *text;          /* the line as given, for the report */
    reading_state state;
    wallet_job *job;     /* SENT and SETTLED until reported; NULL when never added */
    char *problem;       /* SETTLED without a job: why it was not sent */
} reading;

typedef struct meter_run {
    const cli_ctx *ctx;
    rpc_client *c;
    pc_contract *k;
    wallet_engine *engine;
    secret *key;
    eth_address from;
    uint64_t chain_id;           /* the chain of the nonce lock: signed for it only */
    bool has_base;               /* base holds the run's chain id and fee fields */
    eth_tx base;
    sender_fees fees;            /* the person's gas limit and fees */
    unsigned wait_s;
    reading *items;
    size_t count, cap;
    size_t reported;             /* outcomes printed so far, in order */
    unsigned ok, failed, not_sent, bad_lines;
    struct timespec watched;     /* when the receipts were last asked for */
} meter_run;

static const char *const kinds[] = { "produce", "consume", "report" };
enum { METER_CONSUME = 1 }; /* kinds[METER_CONSUME] */
static const pc_fn methods_of[] = { PC_FN_ENERGY_PRODUCED, PC_FN_ENERGY_CONSUMED,
                                    PC_FN_REPORT_ACTUAL_ENERGY };

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
        return pc_encode_call(pc_method_get(methods_of[i]), n - 1, w + 1, data, err);
    }
    return pc_fail(err, PC_EINPUT, "a reading starts with produce, consume or report");
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
 * estimate taken before the group is sent cannot see (a simulation of the
 * whole group can): this one waits for the next group. */
static bool group_has_consumer(const meter_group *g, const bytebuf *data)
{
    const size_t head = 4 + 32;
    for (size_t i = 0; i < g->n; i++)
        if (g->kind[i] == METER_CONSUME && data->len >= head && g->data[i].len >= head &&
            memcmp(g->data[i].data, data->data, head) == 0)
            return true;
    return false;
}

/* A node's words, kept to be printed later: through the one sanitizer. */
static char *sanitized_dup(const char *text)
{
    char *copy = strdup(text);
    if (copy)
        text_sanitize(copy);
    return copy;
}

/* The engine's news of a reading (its job's id is the reading's index). */
static void on_job(void *user, wallet_job *j, wallet_job_event ev)
{
    meter_run *r = user;
    reading *it = &r->items[j->id];
    switch (ev) {
    case WALLET_JOB_SENT:
        it->state = READING_SENT;
        break;
    case WALLET_JOB_RETRYING:
        fprintf(stderr, "powerchain: line %u: ", it->line);
        text_print(stderr, j->error.msg);
        fputs("; sending the same transaction again every second\n", stderr);
        break;
    case WALLET_JOB_RESENT:
        fprintf(stderr, "powerchain: line %u: %s had not seen the reading: sent it the same "
                        "signed transaction\n",
                it->line, rpc_client_url(r->c));
        break;
    case WALLET_JOB_SETTLED:
        it->state = READING_SETTLED;
        break;
    case WALLET_JOB_PREPARED:
    case WALLET_JOB_SIMULATED:
        break;
    }
}

static void print_outcome(meter_run *r, reading *it)
{
    const wallet_job *j = it->job;
    printf("line %u: %s: ", it->line, it->text);
    if (!j || j->stage != WALLET_STAGE_DONE) {
        const char *why = j ? j->error.msg : it->problem;
        fputs("not sent: ", stdout);
        text_print(stdout, why ? why : "out of memory"); /* a node's words among them */
        putchar('\n');
        if (j && j->sent) /* lost after it was sent */
            r->failed++;
        else
            r->not_sent++;
        return;
    }
    char h[65];
    hex_encode(j->hash, 32, h);
    printf("block %llu, tx 0x%s", (unsigned long long)j->outcome.block, h);
    pc_cause cause = wallet_outcome_cause(&j->outcome);
    if (j->out_of_gas)
        printf(", out of gas (all %llu gas used)", (unsigned long long)j->tx.gas_limit);
    else if (cause == PC_CAUSE_REVERTED)
        fputs(", reverted", stdout);
    for (size_t i = 0; i < j->outcome.nevents; i++)
        printf(", %s: %s", j->outcome.events[i].is_error ? "Error" : "Info",
               j->outcome.events[i].text);
    putchar('\n');
    if (cause == PC_CAUSE_NONE)
        r->ok++;
    else
        r->failed++;
}

/* Prints the settled readings at the head of the input, in order, and
 * forgets their jobs. */
static void report_ready(meter_run *r)
{
    while (r->reported < r->count && r->items[r->reported].state == READING_SETTLED) {
        reading *it = &r->items[r->reported++];
        print_outcome(r, it);
        if (it->job)
            wallet_engine_remove(r->engine, it->job);
        it->job = NULL;
    }
    fflush(stdout);
}

static pc_status add_reading(meter_run *r, unsigned line, const char *text)
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
    return PC_OK;
}

static void trim_line(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
}

static void reading_not_sent(reading *it, const char *why)
{
    it->state = READING_SETTLED;
    free(it->problem);
    it->problem = sanitized_dup(why);
}

/* Each reading's own gas limit: the person's --gas-limit, else the
 * engine's for the whole group (one simulation, or estimates). A node that
 * is away is waited for, as a send is. */
static pc_status group_gas(meter_run *r, const meter_group *g, uint64_t gas[], pc_error why[],
                           pc_error *err)
{
    if (r->fees.has_gas_limit) {
        for (size_t i = 0; i < g->n; i++)
            gas[i] = r->fees.gas_limit;
        return PC_OK;
    }
    for (unsigned attempt = 0;; attempt++) {
        pc_status st = wallet_engine_gas(r->engine, &r->from, g->data, g->n, gas, why, err);
        bool transport = st != PC_OK && (err->cause == PC_CAUSE_UNREACHABLE ||
                                         err->cause == PC_CAUSE_TIMEOUT);
        if (!transport || attempt + 1 >= METER_RESEND_TRIES)
            return st;
        if (attempt == 0) {
            fprintf(stderr, "powerchain: line %u: ", r->items[g->item[0]].line);
            text_print(stderr, err->msg);
            fputs("; asking for the gas again every second\n", stderr);
        }
        rpc_client_fail_over(r->c);
        sleep_ms(1000);
    }
}

/* Adds one reading to the engine with its gas, signs it with the run's
 * next nonce and sends it. The first reading of the run is prepared by the
 * node (chain id, fees); the others are added prepared like it. One
 * request a reading: a batch of sends is faster on anvil, but anvil 1.7.1
 * then now and then leaves a transaction queued behind a nonce it has
 * already mined, and every later one waits for it. */
static pc_status send_reading(meter_run *r, size_t index, uint64_t gas, const bytebuf *data,
                              pc_error *err)
{
    reading *it = &r->items[index];
    wallet_tx t = { .from = r->from, .has_to = true, .to = *pc_contract_address(r->k),
                    .data = data->data, .data_len = data->len, .has_chain_id = true,
                    .chain_id = r->chain_id, .wait_s = r->wait_s, .fees = r->fees,
                    .fee_cap = r->ctx->fee_cap, .skip_simulation = true,
                    .send_tries = METER_RESEND_TRIES, .events_only = true };
    t.fees.has_gas_limit = true;
    t.fees.gas_limit = gas;
    eth_tx tx = r->base;
    tx.gas_limit = gas;
    /* The key comes with the word to sign: signing checks it is the unit's,
     * so CHECK need not check it again for every reading. */
    pc_status st = r->has_base
                       ? wallet_engine_add_prepared(r->engine, (unsigned)index, &t, &tx, NULL,
                                                    &it->job, err)
                       : wallet_engine_add(r->engine, (unsigned)index, &t, NULL, &it->job, err);
    wallet_job *j = it->job;
    while (st == PC_OK && j->stage < WALLET_STAGE_CONFIRM)
        st = wallet_engine_step(r->engine, j);
    if (st == PC_OK) {
        wallet_job_confirm(j, r->key);
        st = wallet_engine_step(r->engine, j);
    }
    if (st == PC_OK && !r->has_base) {
        r->base = j->tx;
        r->has_base = true;
    }
    if (st != PC_OK && j)
        pc_error_copy(err, &j->error);
    return st;
}

/* Gets the group's gas, then signs and sends its readings in order;
 * empties it. Returns PC_OK, or the status of a failure that later
 * readings would meet too (then *err says it and the group's rest is not
 * sent). */
static pc_status send_group(meter_run *r, meter_group *g, pc_error *err)
{
    uint64_t gas[METER_GROUP] = { 0 };
    pc_error why[METER_GROUP] = { { 0 } };
    pc_status fatal = PC_OK;
    pc_status st = g->n ? group_gas(r, g, gas, why, err) : PC_OK;
    for (size_t i = 0; i < g->n; i++) {
        reading *it = &r->items[g->item[i]];
        pc_error e = *err;
        pc_status sent = fatal ? fatal : st;
        if (sent == PC_OK && !gas[i]) {
            e = why[i];
            sent = e.status;
        }
        if (sent == PC_OK)
            sent = send_reading(r, g->item[i], gas[i], &g->data[i], &e);
        bytebuf_free(&g->data[i]);
        if (sent == PC_OK)
            continue;
        if (!it->job)
            reading_not_sent(it, e.msg);
        /* Without a node, a valid chain or the unit's key, later readings
         * fare no better. */
        if (!fatal && ((e.status == PC_ENODE && !r->has_base) || e.cause == PC_CAUSE_KEY)) {
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

/* Whether a consumption reading must wait for the next group: only when
 * the group's gas comes from estimates (no simulation on this node). */
static bool must_wait(meter_run *r, const meter_group *g, int kind, const bytebuf *data)
{
    bool simulates = false;
    return kind == METER_CONSUME && !r->fees.has_gas_limit && group_has_consumer(g, data) &&
           !(wallet_engine_simulates(r->engine, &simulates, NULL) == PC_OK && simulates);
}

/* Receipts are asked for every METER_POLL_EVERY readings, and at least
 * every second while readings trickle in: a run fed for hours must see,
 * and give again, what a restarted node lost. */
static bool watch_due(meter_run *r)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    bool due = r->count % METER_POLL_EVERY == 0 || now.tv_sec > r->watched.tv_sec;
    if (due)
        r->watched = now;
    return due;
}

/* Reads, sends and reports; returns the exit code. */
static int run_readings(meter_run *r)
{
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
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
        if (parse_reading(text, &kind, &data, &err) != PC_OK) {
            fprintf(stderr, "powerchain: line %u: ", lineno);
            text_print(stderr, err.msg);
            fputs("; skipped\n", stderr);
            r->bad_lines++;
            bytebuf_free(&data);
        } else if (add_reading(r, lineno, shown) != PC_OK) {
            bytebuf_free(&data);
            fatal = pc_fail(&err, PC_ENOMEM, "out of memory");
        } else {
            if (must_wait(r, &group, kind, &data))
                fatal = send_group(r, &group, &err);
            group.item[group.n] = r->count - 1;
            group.kind[group.n] = kind;
            group.data[group.n++] = data;
        }
        if (fatal == PC_OK && group.n && (group.n == METER_GROUP || !input_waiting()))
            fatal = send_group(r, &group, &err);
        if (fatal == PC_OK && watch_due(r)) {
            wallet_engine_watch(r->engine, NULL);
            report_ready(r);
        }
    }
    if (fatal == PC_OK)
        fatal = send_group(r, &group, &err);
    for (size_t i = 0; i < group.n; i++) { /* what a failure for all left unsent */
        reading_not_sent(&r->items[group.item[i]], err.msg);
        bytebuf_free(&group.data[i]);
    }
    free(line);
    if (fatal == PC_OK) {
        pc_error w = { 0 };
        if (wallet_engine_wait(r->engine, NULL, r->wait_s * 1000u, NULL, NULL, &w) != PC_OK &&
            w.status != PC_ETIMEOUT) {
            fputs("powerchain: while waiting for receipts: ", stderr);
            text_print(stderr, w.msg);
            fputc('\n', stderr);
        }
    }
    report_ready(r);
    unsigned pending = 0;
    for (size_t i = r->reported; i < r->count; i++) {
        reading *it = &r->items[i];
        if (it->state == READING_SENT) {
            char h[65];
            hex_encode(it->job->hash, 32, h);
            printf("line %u: %s: no receipt yet, tx 0x%s\n", it->line, it->text, h);
            pending++;
        } else {
            it->state = READING_SETTLED;
            print_outcome(r, it);
        }
    }
    fprintf(stderr, "meter: %zu readings: %u mined without error, %u failed on chain, "
                    "%u not sent, %u still pending, %u bad lines\n",
            r->count, r->ok, r->failed, r->not_sent, pending, r->bad_lines);
    if (fatal != PC_OK)
        return cli_fail(&err);
    if (r->not_sent || pending)
        return 3;
    if (r->failed)
        return 1;
    return r->bad_lines ? 2 : 0;
}

static int meter_run_cmd(const cli_ctx *ctx, unsigned wait_s, const sender_fees *fees)
{
    meter_run r = { .ctx = ctx, .fees = *fees, .wait_s = wait_s };
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
        st = wallet_engine_new(r.c, r.k, on_job, &r, &r.engine, &err);
    if (st == PC_OK) {
        /* The whole run holds the lock: readings take consecutive nonces. */
        wallet_tx t = { .from = r.from, .has_chain_id = ctx->has_chain_id,
                        .chain_id = ctx->chain_id, .wait_s = wait_s };
        st = wallet_engine_lock(r.engine, &t, &r.chain_id, &err);
    }
    int code = st == PC_OK ? run_readings(&r) : cli_fail(&err);
    wallet_engine_free(r.engine);
    for (size_t i = 0; i < r.count; i++) {
        free(r.items[i].text);
        free(r.items[i].problem);
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
    int code = cli_read_method(ctx, pc_method_get(PC_FN_GET_CONSUMPTION_SESSION_ENERGY), 1,
                               args.word);
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
    /* One reading is a send of the matching contract function. */
    unsigned long long wait_s = CLI_DEFAULT_WAIT_S;
    cli_send_opts send = { .dry_run = o.dry_run, .force = o.force };
    int code;
    if ((o.wait && cli_parse_u64("wait", o.wait, 86400, &wait_s, &err) != PC_OK) ||
        cli_fee_parse(&o.fees, &send.fees, &err) != PC_OK) {
        code = cli_fail(&err);
    } else {
        send.wait_s = (unsigned)wait_s;
        code = cli_send_method(ctx, pc_method_get(methods_of[kind]), args.count, args.word,
                               &send);
    }
    cli_args_free(&args);
    return code;
}
