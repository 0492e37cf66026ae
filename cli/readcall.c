#include "cli/readcall.h"

#include <stdio.h>

#include "cli/book.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/print.h"
#include "wallet/read.h"

int cli_read_method(const cli_ctx *ctx, const pc_method *m, int argc, char **argv)
{
    pc_error err = { 0 };
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    bytebuf calldata = BYTEBUF_INIT;
    wallet_reading r = { 0 };
    eth_address from;
    bool has_from = false;
    book_args names;
    pc_status st = book_resolve_args(ctx, m, argc, argv, &names, &err);
    if (st == PC_OK)
        st = pc_encode_call(m, argc, argv, &calldata, &err);
    if (st == PC_OK)
        st = cli_open(ctx, &k, &from, &has_from, &c, &err);
    if (st == PC_OK)
        st = wallet_read(c, k, m, has_from ? &from : NULL, calldata.data, calldata.len, &r, &err);
    if (st == PC_OK && ctx->json)
        st = print_json(result_to_json(r.type, &r.value), &err);
    else if (st == PC_OK)
        print_result_human(stdout, m, r.type, &r.value);
    if (st == PC_OK && m->uses_sender && !has_from)
        fprintf(stderr, "powerchain: note: %s depends on the caller; no account was given "
                        "(--account or --private-key-file)\n", m->name);
    wallet_reading_free(&r);
    bytebuf_free(&calldata);
    rpc_client_free(c);
    pc_contract_free(k);
    return st == PC_OK ? 0 : cli_fail(&err);
}

