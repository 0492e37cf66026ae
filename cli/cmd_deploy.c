#include "cli/cmd_deploy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/transact.h"
#include "eth/hex.h"
#include "keystore/safefile.h"

/* Compiled contracts are far below this; larger files are not bytecode. */
#define DEPLOY_FILE_MAX (8u * 1024u * 1024u)

static pc_status read_bytecode(const char *path, bytebuf *out, pc_error *err)
{
    char *text = NULL;
    size_t len = 0;
    pc_status st = safefile_read(path, DEPLOY_FILE_MAX, &text, &len, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    size_t b = 0, e = len;
    while (b < e && strchr(" \t\r\n", text[b]))
        b++;
    while (e > b && strchr(" \t\r\n", text[e - 1]))
        e--;
    if (e - b >= 2 && text[b] == '0' && (text[b + 1] == 'x' || text[b + 1] == 'X'))
        b += 2;
    if (e == b)
        st = pc_fail(err, PC_EINPUT, "%s holds no bytecode", path);
    else if (hex_decode_buf(text + b, e - b, out, err) != PC_OK)
        st = pc_error_prefix(err, "%s is not hex bytecode", path);
    if (st != PC_OK && err) {
        err->status = PC_EINPUT;
        err->cause = PC_CAUSE_INPUT;
    }
    free(text);
    return st;
}

static pc_status read_abi(const char *path, cJSON **out, pc_error *err)
{
    char *text = NULL;
    size_t len = 0;
    pc_status st = safefile_read(path, DEPLOY_FILE_MAX, &text, &len, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    *out = cJSON_ParseWithLength(text, len);
    free(text);
    if (!cJSON_IsArray(*out)) {
        cJSON_Delete(*out);
        *out = NULL;
        return pc_fail(err, PC_EINPUT, "%s is not a JSON ABI (a list of entries)", path);
    }
    return PC_OK;
}

/* Splits "dir/name" for the atomic write; "name" alone is in ".". */
static pc_status write_deployment(const char *path, const char *name, const eth_address *a,
                                  cJSON *abi, const uint64_t *block, uint64_t chain_id,
                                  pc_error *err)
{
    char addr[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, addr);
    cJSON *doc = cJSON_CreateObject();
    if (!doc)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    cJSON_AddStringToObject(doc, "name", name);
    cJSON_AddStringToObject(doc, "address", addr);
    cJSON_AddItemReferenceToObject(doc, "abi", abi);
    if (block) {
        cJSON_AddNumberToObject(doc, "block", (double)*block);
        cJSON_AddNumberToObject(doc, "chain_id", (double)chain_id);
    }
    char *text = cJSON_Print(doc);
    cJSON_Delete(doc);
    char *copy = strdup(path);
    if (!text || !copy) {
        free(text);
        free(copy);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    char *slash = strrchr(copy, '/');
    const char *dir = ".", *file = copy;
    if (slash) {
        *slash = '\0';
        dir = slash == copy ? "/" : copy;
        file = slash + 1;
    }
    pc_status st = safefile_write_atomic(dir, file, text, strlen(text), true, err);
    free(text);
    free(copy);
    return st;
}

int cmd_deploy(const cli_ctx *ctx, int argc, char **argv)
{
    deploy_options o = { .name = "PowerChain" };
    pc_error err = { 0 };
    pc_status st = cli_command_args(ctx, argc, argv, &o, NULL, &err);
    if (st == PC_OK && (!o.bytecode || !o.abi))
        st = pc_fail(&err, PC_EINPUT, "deploy needs --bytecode FILE and --abi FILE");
    if (st != PC_OK)
        return cli_fail_usage(ctx, &err);
    const char *name = o.name, *out = o.out;
    int code = 0;
    bytebuf code_bytes = BYTEBUF_INIT;
    cJSON *abi = NULL;
    rpc_client *c = NULL;
    unsigned long long wait_s = CLI_DEFAULT_WAIT_S;
    if (!pc_contract_name_ok(name))
        st = pc_fail(&err, PC_EINPUT, "--name must be 1 to %d printable ASCII characters",
                     PC_CONTRACT_NAME_MAX);
    if (st == PC_OK && o.wait)
        st = cli_parse_u64("wait", o.wait, 86400, &wait_s, &err);
    sender_fees given;
    if (st == PC_OK)
        st = cli_fee_parse(&o.fees, &given, &err);
    if (st == PC_OK)
        st = read_bytecode(o.bytecode, &code_bytes, &err);
    if (st == PC_OK)
        st = read_abi(o.abi, &abi, &err);
    if (st == PC_OK)
        st = cli_connect(ctx, &c, &err);
    node_receipt receipt = { 0 };
    pc_outcome outcome = { 0 };
    if (st == PC_OK) {
        char description[160];
        snprintf(description, sizeof description, "deploy %s (%zu bytes of code)", name,
                 code_bytes.len);
        cli_tx t = { .description = description, .data = code_bytes.data,
                     .data_len = code_bytes.len, .wait_s = (unsigned)wait_s, .fees = given };
        st = cli_transact(ctx, c, NULL, &t, &receipt, &outcome, &err);
    }
    if (st == PC_OK && (wallet_outcome_cause(&outcome) == PC_CAUSE_REVERTED ||
                        !receipt.has_contract_address)) {
        code = cli_report_outcome(ctx, &outcome, NULL, NULL);
        cli_error("the deployment failed: no contract was created");
        code = code ? code : 1;
    } else if (st == PC_OK) {
        char addr[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&receipt.contract_address, addr);
        /* Without the chain id (the node went away after the receipt) the
         * file still names the deployment; the index then finds its block. */
        uint64_t chain_id = 0;
        bool placed = out && node_chain_id(c, &chain_id, NULL) == PC_OK;
        if (out)
            st = write_deployment(out, name, &receipt.contract_address, abi,
                                  placed ? &receipt.block : NULL, chain_id, &err);
        if (st == PC_OK)
            code = cli_report_outcome(ctx, &outcome, "contract", addr);
    }
    if (st != PC_OK)
        code = cli_fail(&err);
    pc_outcome_free(&outcome);
    node_receipt_free(&receipt);
    rpc_client_free(c);
    cJSON_Delete(abi);
    bytebuf_free(&code_bytes);
    return code;
}
