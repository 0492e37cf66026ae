#include "cli/transact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/nonce_lock.h"
#include "cli/print.h"
#include "cli/signer.h"
#include "eth/hex.h"
#include "keystore/password.h"
#include "rpcclient/sender.h"

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

static pc_status confirm(const cli_ctx *ctx, const pc_contract *k, const cli_tx *t,
                         const eth_address *from, const eth_tx *tx, pc_error *err)
{
    if (ctx->yes || !isatty(STDIN_FILENO))
        return PC_OK;
    char f[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN], fee[2 * U256_DEC_MAX + 64];
    eth_address_to_checksum(from, f);
    if (t->has_to)
        eth_address_to_checksum(&t->to, to);
    describe_fee(tx, fee, sizeof fee);
    fprintf(stderr, "  action    ");
    print_sanitized(stderr, t->description);
    fprintf(stderr, "\n  from      %s\n  contract  %s (%s)\n  chain id  %llu\n"
                    "  nonce     %llu\n  gas limit %llu\n  fee       %s\n",
            f, t->has_to ? to : "(new contract)", k ? pc_contract_name(k) : "-",
            (unsigned long long)tx->chain_id, (unsigned long long)tx->nonce,
            (unsigned long long)tx->gas_limit, fee);
    bool yes = false;
    pc_status st = password_confirm_tty("Sign and send? [y/N] ", &yes, err);
    if (st == PC_OK && !yes)
        st = pc_fail(err, PC_EINPUT, "cancelled; nothing was sent");
    return st;
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
    bool tty = *(const bool *)user;
    fprintf(stderr, "%spowerchain: %s had not seen the transaction: sent it the same signed "
                    "transaction\n",
            tty ? "\r\033[K" : "", node);
}

pc_status cli_take_nonce_lock(const cli_ctx *ctx, rpc_client *c, const eth_address *from,
                              unsigned wait_s, nonce_lock *lock, uint64_t *chain_id,
                              pc_error *err)
{
    lock->fd = -1;
    uint8_t genesis[32];
    pc_status st = node_chain_identity(c, chain_id, genesis, err);
    if (st == PC_OK && ctx->has_chain_id)
        st = node_check_chain(*chain_id, ctx->chain_id, err);
    return st == PC_OK ? nonce_lock_take(*chain_id, genesis, from, wait_s, lock, err) : st;
}

pc_status cli_transact(const cli_ctx *ctx, rpc_client *c, const pc_contract *k,
                       const cli_tx *t, node_receipt *receipt, pc_outcome *outcome,
                       pc_error *err)
{
    memset(receipt, 0, sizeof *receipt);
    memset(outcome, 0, sizeof *outcome);
    sender_request req = { 0 };
    bool has_from = false;
    pc_status st = signer_address(ctx, &req.from, &has_from, err);
    if (st == PC_OK && !has_from)
        st = pc_fail(err, PC_EINPUT, "no account to sign with: give --account or "
                                     "--private-key-file");
    if (st != PC_OK)
        return st;
    req.has_to = t->has_to;
    req.to = t->to;
    req.data = t->data;
    req.data_len = t->data_len;
    /* Unlock first: a password prompt must not hold the nonce lock. */
    secret *key = NULL;
    eth_address signer;
    if ((st = signer_unlock(ctx, &key, &signer, err)) != PC_OK)
        return st;
    nonce_lock lock;
    eth_tx tx;
    uint8_t hash[32] = { 0 };
    bytebuf raw = BYTEBUF_INIT;
    st = cli_take_nonce_lock(ctx, c, &req.from, t->wait_s, &lock, &req.chain_id, err);
    req.has_chain_id = true;
    if (st == PC_OK)
        st = sender_prepare(c, &req, &tx, err);
    if (st == PC_OK)
        st = confirm(ctx, k, t, &req.from, &tx, err);
    if (st == PC_OK)
        st = sender_send(c, &tx, key, &req.from, hash, &raw, err);
    nonce_lock_release(&lock);
    secret_free(key);
    char h[67];
    hex_encode(hash, 32, h);
    if (st != PC_OK) {
        /* Signed but the node's answer was lost: the hash is all there is. */
        if (st == PC_ENODE && memcmp(hash, (uint8_t[32]){ 0 }, 32) != 0)
            pc_error_prefix(err, "transaction 0x%s may or may not have reached the node", h);
        bytebuf_free(&raw);
        return st;
    }
    /* The hash first, so that nothing is lost if the wait is interrupted. */
    fprintf(ctx->json ? stderr : stdout, "transaction 0x%s sent\n", h);
    fflush(stdout);
    bool tty = isatty(STDERR_FILENO) && !ctx->json;
    sender_watch watch = { .progress = tty ? spinner : NULL, .resent = resent_to, .user = &tty };
    st = sender_wait(c, hash, &raw, t->wait_s * 1000u, &watch, receipt, err);
    bytebuf_free(&raw);
    if (tty)
        fputs("\r\033[K", stderr);
    if (st != PC_OK)
        return st;
    st = pc_outcome_from_receipt(k, receipt, outcome, err);
    if (st == PC_OK && receipt->status == 0)
        outcome->revert_reason = sender_revert_reason(c, &req.from, t->has_to ? &t->to : NULL,
                                                      t->data, t->data_len, receipt->block);
    if (st != PC_OK)
        node_receipt_free(receipt);
    return st;
}

int cli_report_outcome(const cli_ctx *ctx, const pc_outcome *o, const char *extra_key,
                       const char *extra_value)
{
    char h[67];
    hex_encode(o->tx_hash, 32, h);
    int code = pc_outcome_ok(o) ? 0 : 1;
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
    if (o->status == 0) {
        fputs("reverted: ", stdout);
        print_sanitized(stdout, o->revert_reason ? o->revert_reason : "no reason given");
        putchar('\n');
    }
    return code;
}
