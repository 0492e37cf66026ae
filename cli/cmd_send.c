#include "cli/cmd_send.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/book.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/signer.h"
#include "cli/transact.h"
#include "eth/hex.h"
#include "eth/tx.h"

/* Every field of an offline transaction comes from the command line. */
static pc_status build_raw_tx(const cli_ctx *ctx, const send_options *o, eth_tx *tx, pc_error *err)
{
    memset(tx, 0, sizeof *tx);
    const cli_fee_opts *f = &o->fees;
    if (!ctx->has_chain_id || !o->nonce || !f->gas_limit)
        return pc_fail(err, PC_EINPUT, "--raw needs --chain-id, --nonce and --gas-limit");
    bool legacy = f->gas_price != NULL;
    if (!legacy && !(f->max_fee && f->priority_fee))
        return pc_fail(err, PC_EINPUT, "--raw needs either --gas-price (type 0) or both "
                                       "--max-fee and --priority-fee (type 2)");
    sender_fees given;
    unsigned long long n;
    pc_status st = cli_fee_parse(f, &given, err);
    if (st == PC_OK)
        st = cli_parse_u64("nonce", o->nonce, UINT64_MAX - 1, &n, err);
    if (st != PC_OK)
        return st;
    tx->nonce = n;
    tx->gas_limit = given.gas_limit;
    tx->chain_id = ctx->chain_id;
    tx->type = legacy ? ETH_TX_LEGACY : ETH_TX_EIP1559;
    tx->gas_price = given.gas_price;
    tx->max_fee = given.max_fee;
    tx->max_priority_fee = given.priority_fee;
    return PC_OK;
}

/* Offline: every field from the command line, checked as an online
 * transaction is (wallet_tx_check: the fee cap) before the key is even
 * unlocked, and signed by the selected account's key (sender_sign checks
 * it is that account's). */
static int send_raw(const cli_ctx *ctx, const send_options *o, const pc_contract *k,
                    const bytebuf *calldata)
{
    pc_error err = { 0 };
    eth_tx tx;
    if (build_raw_tx(ctx, o, &tx, &err) != PC_OK)
        return cli_fail(&err);
    tx.has_to = true;
    tx.to = *pc_contract_address(k);
    tx.data = calldata->data;
    tx.data_len = calldata->len;
    wallet_tx w = { .has_to = true, .to = tx.to, .data = tx.data, .data_len = tx.data_len,
                    .has_chain_id = true, .chain_id = ctx->chain_id, .fee_cap = ctx->fee_cap };
    secret *key = NULL;
    bytebuf raw = BYTEBUF_INIT;
    pc_status st = wallet_tx_check(&w, &tx, NULL, &err);
    if (st == PC_OK)
        st = signer_unlock(ctx, &key, &w.from, &err);
    if (st == PC_OK)
        st = sender_sign(&tx, key, &w.from, NULL, &raw, &err);
    secret_free(key);
    if (st == PC_OK) {
        char *hex = hex_encode_prefixed(raw.data, raw.len);
        if (hex)
            puts(hex);
        else
            st = pc_fail(&err, PC_ENOMEM, "out of memory");
        free(hex);
    }
    bytebuf_free(&raw);
    return st == PC_OK ? 0 : cli_fail(&err);
}

int cmd_send(const cli_ctx *ctx, int argc, char **argv)
{
    send_options o = { 0 };
    pc_error err = { 0 };
    cli_args args;
    if (cli_command_args(ctx, argc, argv, &o, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    int code = cli_send(ctx, &o, args.count, args.word);
    cli_args_free(&args);
    return code;
}

int cli_send(const cli_ctx *ctx, const send_options *o, int nrest, char **rest)
{
    pc_error err = { 0 };
    int code;
    unsigned long long wait_s = CLI_DEFAULT_WAIT_S;
    cli_send_opts send = { 0 };
    const pc_method *m = pc_method_find(rest[0]);
    pc_status st = m ? PC_OK
                     : pc_fail(&err, PC_EINPUT, "unknown method \"%s\" (see powerchain methods)",
                               rest[0]);
    if (st == PC_OK && m->kind == PC_READ)
        st = pc_fail(&err, PC_EINPUT, "%s only reads: use powerchain call %s", m->name, m->name);
    if (st == PC_OK && o->wait)
        st = cli_parse_u64("wait", o->wait, 86400, &wait_s, &err);
    if (st == PC_OK && o->raw && (o->dry_run || o->force))
        st = pc_fail(&err, PC_EINPUT, "--raw signs offline: --dry-run and --force need a node");
    if (st == PC_OK && !o->raw && o->nonce)
        st = pc_fail(&err, PC_EINPUT, "--nonce is for --raw; online sends take the account's "
                                      "next nonce");
    if (st == PC_OK && !o->raw)
        st = cli_fee_parse(&o->fees, &send.fees, &err);
    if (st != PC_OK) {
        code = cli_fail(&err);
    } else if (o->raw) {
        book_args names;
        bytebuf calldata = BYTEBUF_INIT;
        pc_contract *k = NULL;
        if (cli_encode_method(ctx, m, nrest - 1, rest + 1, &names, &calldata, &k, &err) != PC_OK)
            code = cli_fail(&err);
        else
            code = send_raw(ctx, o, k, &calldata);
        bytebuf_free(&calldata);
        pc_contract_free(k);
    } else {
        send.wait_s = (unsigned)wait_s;
        send.dry_run = o->dry_run;
        send.force = o->force;
        code = cli_send_method(ctx, m, nrest - 1, rest + 1, &send);
    }
    return code;
}
