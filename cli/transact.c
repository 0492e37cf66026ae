#include "cli/transact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/book.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/print.h"
#include "cli/signer.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "keystore/password.h"
#include "wallet/effect.h"

static void describe_fee(const eth_tx *tx, char *out, size_t cap)
{
    char a[U256_DEC_MAX], b[U256_DEC_MAX];
    if (tx->type == ETH_TX_EIP1559) {
        u256_to_dec(&tx->max_fee, a);
        u256_to_dec(&tx->max_priority_fee, b);
        snprintf(out, cap, "type 2, max %s wei/gas, priority %s wei/gas", a, b);
    } else {
        u256_to_dec(&tx->gas_price, a);
        snprintf(out, cap, "type 0, %s wei/gas", a);
    }
}

/* What the hooks need to know. */
typedef struct cli_run {
    const cli_ctx *ctx;
    rpc_client *c;
    bool tty;                  /* the spinner is on standard error */
} cli_run;

/* The hash first, so that nothing is lost if the wait is interrupted. */
static void on_job(void *user, wallet_job *j, wallet_job_event ev)
{
    const cli_run *r = user;
    char h[65];
    hex_encode(j->hash, 32, h);
    if (ev == WALLET_JOB_SENT) {
        fprintf(r->ctx->json ? stderr : stdout, "transaction 0x%s sent\n", h);
        fflush(stdout);
    } else if (ev == WALLET_JOB_RESENT) {
        fprintf(stderr, "%spowerchain: %s had not seen the transaction: sent it the same "
                        "signed transaction\n",
                r->tty ? "\r\033[K" : "", rpc_client_url(r->c));
    }
}

static void spinner(void *user, unsigned elapsed_ms)
{
    static const char frames[] = "|/-\\";
    (void)user;
    fprintf(stderr, "\r%c waiting for the receipt (%u s)", frames[(elapsed_ms / 100) % 4],
            elapsed_ms / 1000);
    fflush(stderr);
}

static wallet_tx request_of(const cli_ctx *ctx, const cli_tx *t, const eth_address *from)
{
    return (wallet_tx){ .from = *from, .has_to = t->has_to, .to = t->to, .data = t->data,
                        .data_len = t->data_len, .has_chain_id = ctx->has_chain_id,
                        .chain_id = ctx->chain_id, .wait_s = t->wait_s, .fees = t->fees,
                        .fee_cap = ctx->fee_cap, .skip_simulation = !t->has_to };
}

/* PREPARE, CHECK and SIMULATE: the job stops at CONFIRM, or fails. */
static pc_status run_to_confirm(wallet_engine *e, wallet_job *j, pc_error *err)
{
    while (j->stage < WALLET_STAGE_CONFIRM)
        if (wallet_engine_step(e, j) != PC_OK)
            return pc_error_copy(err, &j->error);
    return PC_OK;
}

/* ---- what the call does, as the panel's dialog says it ---- */

/* wallet/effect.h's lines for the job, against the account's figures now. */
static void effect_of(const cli_ctx *ctx, rpc_client *c, const pc_contract *k, const cli_tx *t,
                      const wallet_job *j, effect_lines *out)
{
    wallet_state *state = NULL;
    wallet_state_query q = { .account = &j->t.from };
    if (k)
        wallet_state_fetch(c, k, &q, &state, NULL);
    names *book = book_for_display(ctx);
    const char *argv[PC_MAX_ARGS];
    for (int i = 0; i < t->argc && i < PC_MAX_ARGS; i++)
        argv[i] = t->argv[i];
    effect_call call = { .method = t->method, .nargs = (size_t)t->argc,
                         .args = argv, .state = state, .book = book, .own = j->t.from,
                         .contract = k ? *pc_contract_address(k) : (eth_address){ { 0 } },
                         .gas_limit = j->tx.gas_limit,
                         .max_fee_per_gas = j->tx.type == ETH_TX_EIP1559 ? j->tx.max_fee
                                                                          : j->tx.gas_price,
                         .sim = j->has_sim ? &j->sim : NULL,
                         .no_sim = j->has_sim ? NULL : j->sim_error.msg };
    out->n = 0;
    out->refused = false;
    if (t->method)
        effect_describe(&call, out);
    names_free(book);
    wallet_state_free(state);
}

/* The effect lines, each under its label, into f. */
static void print_effect(FILE *f, const effect_lines *l)
{
    static const char *const LABELS[] = {
        [EFFECT_WHAT] = "what", [EFFECT_FEE] = "cost", [EFFECT_BALANCE] = "cost",
        [EFFECT_WARNING] = "warning", [EFFECT_TEXT] = "emits", [EFFECT_CHANGE] = "changes",
        [EFFECT_NOTE] = "note",
    };
    for (size_t i = 0; i < l->n; i++) {
        const effect_line *e = &l->line[i];
        bool first = i == 0 || strcmp(LABELS[l->line[i - 1].kind], LABELS[e->kind]) != 0;
        fprintf(f, "  %-9s ", first ? LABELS[e->kind] : "");
        text_print(f, e->text);
        fputs(e->basis == EFFECT_ESTIMATE ? " (estimate)\n" : "\n", f);
    }
}

static void print_simulated_by(FILE *f, rpc_client *c, const wallet_job *j)
{
    if (j->has_sim)
        fprintf(f, "simulated with %s on %s\n", sim_method_name(j->sim.via), rpc_client_url(c));
}

/* Without --yes the person confirms on the controlling terminal, even when
 * standard input is a pipe (a script must say --yes); with no terminal at
 * all nothing is signed. */
static pc_status ask(const cli_ctx *ctx, rpc_client *c, const pc_contract *k, const cli_tx *t,
                     const wallet_job *j, const char *refusal, pc_error *err)
{
    effect_lines lines;
    effect_of(ctx, c, k, t, j, &lines);
    char *question = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&question, &len);
    if (!f)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    char from[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN], fee[2 * U256_DEC_MAX + 64];
    char action[256];
    eth_address_to_checksum(&j->t.from, from);
    if (t->has_to)
        eth_address_to_checksum(&t->to, to);
    describe_fee(&j->tx, fee, sizeof fee);
    snprintf(action, sizeof action, "%s", t->description);
    text_sanitize(action);
    print_simulated_by(f, c, j);
    fprintf(f, "  action    %s\n", action);
    print_effect(f, &lines);
    fprintf(f, "  from      %s\n  contract  %s (%s)\n  chain id  %llu\n  nonce     %llu\n"
               "  gas limit %llu\n  fee       %s\n",
            from, t->has_to ? to : "(new contract)", k ? pc_contract_name(k) : "-",
            (unsigned long long)j->tx.chain_id, (unsigned long long)j->tx.nonce,
            (unsigned long long)j->tx.gas_limit, fee);
    if (refusal) {
        fputs("warning: the contract would refuse it: ", f);
        text_print(f, refusal);
        fputs("\nSign and send anyway? [y/N] ", f);
    } else {
        fputs("Sign and send? [y/N] ", f);
    }
    pc_status st = fclose(f) == 0 ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
    bool yes = false;
    if (st == PC_OK)
        st = password_confirm_tty(question, &yes, err);
    free(question);
    if (st == PC_OK && !yes)
        st = pc_fail_cause(err, PC_EINPUT, PC_CAUSE_CANCELLED, "cancelled; nothing was sent");
    return st;
}

/* The confirmation: --yes, or the person's word. */
static pc_status confirm(const cli_ctx *ctx, rpc_client *c, const pc_contract *k,
                         const cli_tx *t, const wallet_job *j, pc_error *err)
{
    char why[PC_ERROR_MSG_MAX - 128];
    const char *refusal = j->has_sim ? wallet_sim_refusal(&j->sim, why, sizeof why) : NULL;
    if (!ctx->yes)
        return ask(ctx, c, k, t, j, refusal, err);
    if (!refusal || t->force)
        return PC_OK;
    return pc_fail_cause(err, PC_ETX,
                         j->sim.outcome == WALLET_SIM_REVERTED ? PC_CAUSE_REVERTED
                                                               : PC_CAUSE_ERROR_EVENT,
                         "the node's simulation says the contract would refuse it: %s; nothing "
                         "signed (--force signs it all the same)",
                         refusal);
}

pc_status cli_transact(const cli_ctx *ctx, rpc_client *c, const pc_contract *k,
                       const cli_tx *t, node_receipt *receipt, pc_outcome *outcome,
                       pc_error *err)
{
    memset(receipt, 0, sizeof *receipt);
    memset(outcome, 0, sizeof *outcome);
    if (!ctx->account && !ctx->private_key_file)
        return pc_fail(err, PC_EINPUT, "no account to sign with: give --account or "
                                       "--private-key-file");
    /* Unlock first: a key file without an address field has told its
     * address after. */
    secret *key = NULL;
    eth_address signer, from = { { 0 } };
    bool has_from = false;
    pc_status st = signer_unlock(ctx, &key, &signer, err);
    if (st == PC_OK)
        st = signer_address(ctx, &from, &has_from, err);
    cli_run run = { ctx, c, isatty(STDERR_FILENO) && !ctx->json };
    wallet_engine *e = NULL;
    wallet_job *j = NULL;
    wallet_tx w = request_of(ctx, t, &from);
    if (st == PC_OK)
        st = wallet_engine_new(c, k, on_job, &run, &e, err);
    if (st == PC_OK)
        st = wallet_engine_add(e, 0, &w, key, &j, err);
    if (st == PC_OK)
        st = run_to_confirm(e, j, err);
    if (st == PC_OK)
        st = confirm(ctx, c, k, t, j, err);
    if (st == PC_OK) {
        wallet_job_confirm(j, key);
        if (wallet_engine_step(e, j) != PC_OK)
            st = pc_error_copy(err, &j->error);
    }
    secret_free(key);
    if (st == PC_OK)
        st = wallet_engine_wait(e, j, t->wait_s * 1000u, run.tty ? spinner : NULL, NULL, err);
    if (run.tty)
        fputs("\r\033[K", stderr);
    if (st == PC_OK && j->stage != WALLET_STAGE_DONE)
        st = pc_error_copy(err, &j->error);
    if (st == PC_OK) {
        *receipt = j->receipt;
        *outcome = j->outcome;
        memset(&j->receipt, 0, sizeof j->receipt);
        memset(&j->outcome, 0, sizeof j->outcome);
    }
    wallet_engine_free(e);
    return st;
}

/* ---- --dry-run ---- */

static const char *outcome_word(const wallet_sim *s)
{
    return s->outcome == WALLET_SIM_OK ? "ok" : s->outcome == WALLET_SIM_ERROR ? "error"
                                                                                : "reverted";
}

static cJSON *amount_or_null(bool has, const u256 *v)
{
    char d[U256_DEC_MAX];
    if (!has)
        return cJSON_CreateNull();
    u256_to_dec(v, d);
    return cJSON_CreateString(d);
}

/* "Info: text", as a real send prints it. */
static void add_text(cJSON *list, const char *kind, const char *text)
{
    size_t n = strlen(kind) + strlen(text) + 3;
    char *line = malloc(n);
    if (!line)
        return;
    snprintf(line, n, "%s: %s", kind, text);
    cJSON_AddItemToArray(list, cJSON_CreateString(line));
    free(line);
}

static void print_dry_run_json(const wallet_sim *s, const eth_address *from)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "outcome", outcome_word(s));
    cJSON *texts = cJSON_AddArrayToObject(o, "texts");
    for (size_t i = 0; i < s->ntexts; i++)
        add_text(texts, s->texts[i].is_error ? "Error" : "Info", s->texts[i].text);
    if (s->outcome == WALLET_SIM_REVERTED)
        add_text(texts, "reverted", s->revert_reason ? s->revert_reason : "no reason given");
    cJSON *changes = cJSON_AddArrayToObject(o, "changes");
    for (size_t i = 0; i < s->nfigures; i++) {
        const wallet_figure *f = &s->figures[i];
        if (!eth_address_equal(&f->account, from) && !wallet_figure_changed(f))
            continue;
        char a[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&f->account, a);
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "account", a);
        cJSON_AddStringToObject(c, "what", wallet_figure_name(f->what));
        cJSON_AddItemToObject(c, "before", amount_or_null(f->has_before, &f->before));
        cJSON_AddItemToObject(c, "after", amount_or_null(f->has_after, &f->after));
        cJSON_AddItemToArray(changes, c);
    }
    cJSON_AddStringToObject(o, "via", sim_method_name(s->via));
    char *text = cJSON_PrintUnformatted(o);
    if (text)
        puts(text);
    free(text);
    cJSON_Delete(o);
}

int cli_dry_run(const cli_ctx *ctx, rpc_client *c, const pc_contract *k, const cli_tx *t)
{
    pc_error err = { 0 };
    eth_address from = { { 0 } };
    bool has_from = false;
    pc_status st = signer_address(ctx, &from, &has_from, &err);
    if (st == PC_OK && !has_from)
        st = pc_fail(&err, PC_EINPUT, "no account to simulate as: give --account or "
                                      "--private-key-file");
    cli_run run = { ctx, c, false };
    wallet_engine *e = NULL;
    wallet_job *j = NULL;
    wallet_tx w = request_of(ctx, t, &from);
    if (st == PC_OK)
        st = wallet_engine_new(c, k, on_job, &run, &e, &err);
    if (st == PC_OK)
        st = wallet_engine_add(e, 0, &w, NULL, &j, &err);
    if (st == PC_OK)
        st = run_to_confirm(e, j, &err);
    if (st == PC_OK && !j->has_sim)
        st = pc_error_copy(&err, &j->sim_error);
    int code = 0;
    if (st == PC_OK && ctx->json) {
        print_dry_run_json(&j->sim, &from);
    } else if (st == PC_OK) {
        effect_lines lines;
        effect_of(ctx, c, k, t, j, &lines);
        print_simulated_by(stdout, c, j);
        char action[256];
        snprintf(action, sizeof action, "%s", t->description);
        text_sanitize(action);
        printf("  action    %s\n", action);
        print_effect(stdout, &lines);
        printf("outcome: %s; nothing was signed (--dry-run)\n", outcome_word(&j->sim));
    }
    if (st == PC_OK)
        code = j->sim.outcome == WALLET_SIM_OK ? 0 : 1;
    else
        code = cli_fail(&err);
    wallet_engine_free(e);
    return code;
}

pc_status cli_encode_method(const cli_ctx *ctx, const pc_method *m, int argc, char **argv,
                            book_args *names, bytebuf *calldata, pc_contract **k,
                            pc_error *err)
{
    *k = NULL;
    pc_status st = book_resolve_args(ctx, m, argc, argv, names, err);
    if (st == PC_OK)
        st = pc_encode_call(m, argc, argv, calldata, err);
    if (st == PC_OK)
        st = cli_load_contract(ctx, k, err);
    return st;
}

/* The call as typed, with the address beside each name, for the confirmation. */
static void describe(const pc_method *m, const book_args *names, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "%s", m->name);
    for (size_t i = 0; i < m->nargs && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, " %s", names->label[i]);
}

int cli_send_method(const cli_ctx *ctx, const pc_method *m, int argc, char **argv,
                    const cli_send_opts *o)
{
    pc_error err = { 0 };
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    bytebuf calldata = BYTEBUF_INIT;
    book_args names;
    pc_status st = cli_encode_method(ctx, m, argc, argv, &names, &calldata, &k, &err);
    if (st == PC_OK)
        st = cli_connect(ctx, &c, &err);
    char description[512];
    int code;
    if (st != PC_OK) {
        code = cli_fail(&err);
    } else {
        describe(m, &names, description, sizeof description);
        cli_tx t = { .description = description, .method = m, .argc = argc, .argv = argv,
                     .has_to = true, .to = *pc_contract_address(k), .data = calldata.data,
                     .data_len = calldata.len, .wait_s = o->wait_s, .fees = o->fees,
                     .force = o->force };
        node_receipt receipt;
        pc_outcome outcome;
        if (o->dry_run) {
            code = cli_dry_run(ctx, c, k, &t);
        } else if (cli_transact(ctx, c, k, &t, &receipt, &outcome, &err) != PC_OK) {
            code = cli_fail(&err);
        } else {
            code = cli_report_outcome(ctx, &outcome, NULL, NULL);
            pc_outcome_free(&outcome);
            node_receipt_free(&receipt);
        }
    }
    bytebuf_free(&calldata);
    rpc_client_free(c);
    pc_contract_free(k);
    return code;
}

int cli_report_outcome(const cli_ctx *ctx, const pc_outcome *o, const char *extra_key,
                       const char *extra_value)
{
    char h[67];
    hex_encode(o->tx_hash, 32, h);
    int code = wallet_outcome_cause(o) == PC_CAUSE_NONE ? 0 : 1;
    if (ctx->json) {
        cJSON *j = cJSON_CreateObject();
        char tx[70];
        snprintf(tx, sizeof tx, "0x%s", h);
        cJSON_AddStringToObject(j, "tx", tx);
        cJSON_AddNumberToObject(j, "block", (double)o->block);
        cJSON_AddNumberToObject(j, "status", (double)o->status);
        if (extra_key)
            cJSON_AddStringToObject(j, extra_key, extra_value);
        cJSON *events = cJSON_AddArrayToObject(j, "events");
        for (size_t i = 0; i < o->nevents; i++) {
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "event", o->events[i].is_error ? "Error" : "Info");
            cJSON_AddStringToObject(e, "text", o->events[i].text);
            cJSON_AddItemToArray(events, e);
        }
        if (o->revert_reason)
            cJSON_AddStringToObject(j, "revert", o->revert_reason);
        char *text = cJSON_PrintUnformatted(j);
        if (text)
            puts(text);
        free(text);
        cJSON_Delete(j);
        return code;
    }
    printf("mined in block %llu, status %llu\n", (unsigned long long)o->block,
           (unsigned long long)o->status);
    if (extra_key)
        printf("%s %s\n", extra_key, extra_value);
    for (size_t i = 0; i < o->nevents; i++)
        printf("%s: %s\n", o->events[i].is_error ? "Error" : "Info", o->events[i].text);
    if (wallet_outcome_cause(o) == PC_CAUSE_REVERTED) {
        fputs("reverted: ", stdout);
        text_print(stdout, o->revert_reason ? o->revert_reason : "no reason given");
        putchar('\n');
    }
    return code;
}
