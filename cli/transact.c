#include "cli/transact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/print.h"
#include "cli/signer.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "keystore/password.h"

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
typedef struct prompt {
    const cli_ctx *ctx;
    const pc_contract *k;
    const cli_tx *t;
    const eth_address *from;
    bool tty;                  /* the spinner is on standard error */
} prompt;

/* Without --yes the person confirms on the controlling terminal, even when
 * standard input is a pipe (a script must say --yes); with no terminal at
 * all nothing is signed. What is asked goes to the terminal with the
 * question, where the person reads it. */
static pc_status confirm(void *user, const eth_tx *tx, pc_error *err)
{
    const prompt *p = user;
    if (p->ctx->yes)
        return PC_OK;
    char f[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN], fee[2 * U256_DEC_MAX + 64];
    eth_address_to_checksum(p->from, f);
    if (p->t->has_to)
        eth_address_to_checksum(&p->t->to, to);
    describe_fee(tx, fee, sizeof fee);
    char action[256];
    snprintf(action, sizeof action, "%s", p->t->description);
    text_sanitize(action);
    char question[1024];
    snprintf(question, sizeof question,
             "  action    %s\n  from      %s\n  contract  %s (%s)\n  chain id  %llu\n"
             "  nonce     %llu\n  gas limit %llu\n  fee       %s\nSign and send? [y/N] ",
             action, f, p->t->has_to ? to : "(new contract)", p->k ? pc_contract_name(p->k) : "-",
             (unsigned long long)tx->chain_id, (unsigned long long)tx->nonce,
             (unsigned long long)tx->gas_limit, fee);
    bool yes = false;
    pc_status st = password_confirm_tty(question, &yes, err);
    if (st == PC_OK && !yes)
        st = pc_fail_cause(err, PC_EINPUT, PC_CAUSE_CANCELLED, "cancelled; nothing was sent");
    return st;
}

/* The hash first, so that nothing is lost if the wait is interrupted. */
static void sent(void *user, const uint8_t hash[32])
{
    const prompt *p = user;
    char h[65];
    hex_encode(hash, 32, h);
    fprintf(p->ctx->json ? stderr : stdout, "transaction 0x%s sent\n", h);
    fflush(stdout);
}

static void spinner(void *user, unsigned elapsed_ms)
{
    static const char frames[] = "|/-\\";
    (void)user;
    fprintf(stderr, "\r%c waiting for the receipt (%u s)", frames[(elapsed_ms / 100) % 4],
            elapsed_ms / 1000);
    fflush(stderr);
}

static void resent_to(void *user, const char *node)
{
    const prompt *p = user;
    fprintf(stderr, "%spowerchain: %s had not seen the transaction: sent it the same signed "
                    "transaction\n",
            p->tty ? "\r\033[K" : "", node);
}

pc_status cli_transact(const cli_ctx *ctx, rpc_client *c, const pc_contract *k,
                       const cli_tx *t, node_receipt *receipt, pc_outcome *outcome,
                       pc_error *err)
{
    memset(receipt, 0, sizeof *receipt);
    memset(outcome, 0, sizeof *outcome);
    wallet_tx w = { .has_to = t->has_to, .to = t->to, .data = t->data, .data_len = t->data_len,
                    .has_chain_id = ctx->has_chain_id, .chain_id = ctx->chain_id,
                    .wait_s = t->wait_s, .fees = t->fees, .fee_cap = ctx->fee_cap };
    if (!ctx->account && !ctx->private_key_file)
        return pc_fail(err, PC_EINPUT, "no account to sign with: give --account or "
                                       "--private-key-file");
    /* Unlock first: a password prompt must not hold the nonce lock, and a
     * key file without an address field has told its address after. */
    secret *key = NULL;
    eth_address signer;
    bool has_from = false;
    pc_status st = signer_unlock(ctx, &key, &signer, err);
    if (st == PC_OK)
        st = signer_address(ctx, &w.from, &has_from, err);
    if (st != PC_OK) {
        secret_free(key);
        return st;
    }
    prompt p = { ctx, k, t, &w.from, isatty(STDERR_FILENO) && !ctx->json };
    wallet_tx_hooks hooks = { .confirm = confirm, .sent = sent,
                              .watch = { .progress = p.tty ? spinner : NULL,
                                         .resent = resent_to, .user = &p },
                              .user = &p };
    st = wallet_tx_run(c, k, &w, key, &hooks, receipt, outcome, err);
    secret_free(key);
    if (p.tty)
        fputs("\r\033[K", stderr);
    return st;
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
