/* The node answer parsers on recorded answers: a receipt with PowerChain's
 * Info event as anvil 1.7.1 returned it, blocks before and after London,
 * and malformed answers, each of which must be an error, never a crash. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../eth/eth_test_util.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"

/* Recorded from anvil 1.7.1: addVoter on a fresh deployment. */
static const char *receipt_json =
    "{\"type\":\"0x2\",\"status\":\"0x1\",\"cumulativeGasUsed\":\"0x57d3c\",\"logs\":[{\"address\":\"0x5fbdb23"
    "15678afecb367f032d93f642f64180aa3\",\"topics\":[\"0x6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f"
    "0d2ffedd05e76ab2a09b7f8a\"],\"data\":\"0x000000000000000000000000000000000000000000000000000"
    "0000000000020000000000000000000000000000000000000000000000000000000000000003b4e657720766"
    "f746572206164646564203e3e203730393937393730633531383132646333613031306337643031623530653"
    "06431376463373963380000000000\",\"blockHash\":\"0x5064171138289579b6bfdffce84ad00e540bc4252f"
    "ac88504fa26ec8f2313844\",\"blockNumber\":\"0x2\",\"blockTimestamp\":\"0x6b022c03\",\"transactionHa"
    "sh\":\"0x70df820f2e2263cdbcb5492807274c500512c40bf5f3cdfe812de942c433db50\",\"transactionInd"
    "ex\":\"0x0\",\"logIndex\":\"0x0\",\"removed\":false}],\"logsBloom\":\"0x0000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000400000"
    "0000000000000000000000010000000000000000000000000000000000000000000000000002000000000000"
    "0000000000000000000200000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000400000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00000000000000000000000000000000000000200000\",\"transactionHash\":\"0x70df820f2e2263cdbcb54"
    "92807274c500512c40bf5f3cdfe812de942c433db50\",\"transactionIndex\":\"0x0\",\"blockHash\":\"0x506"
    "4171138289579b6bfdffce84ad00e540bc4252fac88504fa26ec8f2313844\",\"blockNumber\":\"0x2\",\"gasU"
    "sed\":\"0x57d3c\",\"effectiveGasPrice\":\"0x3b9aca00\",\"blobGasPrice\":\"0x1\",\"from\":\"0xf39fd6e51"
    "aad88f6f4ce6ab8827279cfffb92266\",\"to\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"cont"
    "ractAddress\":null,\"blockTimestamp\":1795304451}";

static cJSON *parse(const char *text)
{
    cJSON *j = cJSON_Parse(text);
    if (!j)
        abort();
    return j;
}

static void test_receipt(void)
{
    cJSON *j = parse(receipt_json);
    node_receipt r;
    bool found = false;
    pc_error err = { 0 };
    CHECK(node_parse_receipt(j, &r, &found, &err) == PC_OK);
    CHECK(found);
    CHECK(r.status == 1 && r.block == 2 && r.gas_used == 0x57d3c && !r.has_contract_address);
    CHECK(r.nlogs == 1 && r.logs[0].ntopics == 1);

    pc_contract *k = NULL;
    CHECK(pc_contract_from_address("0x5FbDB2315678afecb367f032d93F642f64180aa3", &k, &err) == PC_OK);
    pc_outcome o;
    CHECK(pc_outcome_from_receipt(k, &r, &o, &err) == PC_OK);
    CHECK(o.nevents == 1 && !o.events[0].is_error);
    if (o.nevents == 1)
        CHECK_STR(o.events[0].text, "New voter added >> 70997970c51812dc3a010c7d01b50e0d17dc79c8");
    CHECK(pc_outcome_ok(&o));
    pc_outcome_free(&o);

    /* The same event from another contract is not ours to show. */
    pc_contract *other = NULL;
    CHECK(pc_contract_from_address("0x0000000000000000000000000000000000000001", &other, &err) == PC_OK);
    CHECK(pc_outcome_from_receipt(other, &r, &o, &err) == PC_OK);
    CHECK(o.nevents == 0);
    pc_outcome_free(&o);
    pc_contract_free(other);
    pc_contract_free(k);
    node_receipt_free(&r);
    cJSON_Delete(j);

    j = parse("null");
    CHECK(node_parse_receipt(j, &r, &found, &err) == PC_OK && !found);
    cJSON_Delete(j);
}

/* The recorded receipt with its log's first `from` replaced by `to`. */
static cJSON *receipt_with(const char *from, const char *to)
{
    const char *at = strstr(receipt_json, from);
    if (!at || strlen(from) != strlen(to))
        abort();
    char *text = strdup(receipt_json);
    if (!text)
        abort();
    memcpy(text + (at - receipt_json), to, strlen(to));
    cJSON *j = parse(text);
    free(text);
    return j;
}

/* A log naming another transaction or block is not this receipt's. */
static void test_receipt_foreign_log(void)
{
    node_receipt r;
    bool found;
    pc_error err = { 0 };
    /* The log comes first in the recorded text, so the first match is its. */
    cJSON *j = receipt_with("\"transactionHash\":\"0x70df", "\"transactionHash\":\"0x71df");
    CHECK(node_parse_receipt(j, &r, &found, &err) == PC_ENODE);
    CHECK(strstr(err.msg, "log of another transaction") != NULL);
    cJSON_Delete(j);
    j = receipt_with("\"blockNumber\":\"0x2\",\"blockTimestamp\"",
                     "\"blockNumber\":\"0x3\",\"blockTimestamp\"");
    CHECK(node_parse_receipt(j, &r, &found, &err) == PC_ENODE);
    CHECK(strstr(err.msg, "log of another block") != NULL);
    cJSON_Delete(j);
}

/* Each malformed receipt is an error naming what is wrong. */
static void test_bad_receipts(void)
{
    static const struct {
        const char *from, *to, *why;
    } edits[] = {
        { "\"status\":\"0x1\"", "\"status\":\"0x2\"", "status other than 0 or 1" },
        { "\"status\":\"0x1\"", "\"status\":1", "receipt status" },
        { "\"blockNumber\":\"0x2\",\"gasUsed\"", "\"blockNumber\":\"0x1ffffffffffffffff\",\"gasUsed\"",
          "too large for 64 bits" },
        { "\"logs\":[", "\"logs\":\"none\",\"l\":[", "logs list" },
        { "\"topics\":[", "\"topics\":[\"0x12\",", "32 bytes" },
        { "\"data\":\"0x00", "\"data\":\"0xz0", "log data" },
        { "\"address\":\"0x5fbdb", "\"address\":\"0x5fbd", "20 bytes" },
        { "\"transactionHash\":\"0x70df820f2e2263cdbcb5492807274c500512c40bf5f3cdfe812de942c433db50\",\"transactionIndex\":\"0x0\",\"blockHash\"",
          "\"transactionHash\":\"0x69\",\"transactionIndex\":\"0x0\",\"blockHash\"", "receipt hash" },
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        const char *at = strstr(receipt_json, edits[i].from);
        CHECK(at != NULL);
        if (!at)
            continue;
        char text[4096];
        snprintf(text, sizeof text, "%.*s%s%s", (int)(at - receipt_json), receipt_json,
                 edits[i].to, at + strlen(edits[i].from));
        cJSON *j = cJSON_Parse(text);
        CHECK(j != NULL);
        if (!j)
            continue;
        node_receipt r;
        bool found = true;
        pc_error err = { 0 };
        CHECK(node_parse_receipt(j, &r, &found, &err) == PC_ENODE);
        CHECK(!found);
        bool named = strstr(err.msg, edits[i].why) != NULL;
        if (!named)
            fprintf(stderr, "edit %zu: message \"%s\" lacks what it is about\n", i, err.msg);
        CHECK(named);
        cJSON_Delete(j);
    }
}

static void test_blocks(void)
{
    node_block b;
    pc_error err = { 0 };
    cJSON *london = parse("{\"number\":\"0x10\",\"timestamp\":\"0x6560a0b0\",\"baseFeePerGas\":\"0x0\"}");
    CHECK(node_parse_block(london, &b, &err) == PC_OK);
    CHECK(b.number == 16 && b.timestamp == 0x6560a0b0 && b.has_base_fee && u256_is_zero(&b.base_fee));
    cJSON_Delete(london);
    cJSON *istanbul = parse("{\"number\":\"0x10\",\"timestamp\":\"0x1\"}");
    CHECK(node_parse_block(istanbul, &b, &err) == PC_OK && !b.has_base_fee);
    cJSON_Delete(istanbul);
    cJSON *bad = parse("{\"number\":\"16\",\"timestamp\":\"0x1\"}");
    CHECK(node_parse_block(bad, &b, &err) == PC_ENODE && strstr(err.msg, "block number"));
    cJSON_Delete(bad);
    bad = parse("[1]");
    CHECK(node_parse_block(bad, &b, &err) == PC_ENODE);
    cJSON_Delete(bad);
}

/* Recorded from anvil 1.7.1: the deployment block and the next one
 * (addVoter), fetched with eth_getBlockByNumber(n, true); header fields the
 * parser does not read, and the init code after its first 8 bytes, cut. */
static const char *block1_json =
    "{\"hash\":\"0x061623f50d97d81bb45942bbd12c33ed69cb478621bc2d84a263cb0d2a0a9951\",\"parentHa"
    "sh\":\"0xd321c2412d8af0ab5acd9476d243a56c98a259fdc1584a9fb2ab6cb2819c1188\",\"number\":\"0x1\","
    "\"gasUsed\":\"0x5054ad\",\"timestamp\":\"0x6b0dc221\",\"baseFeePerGas\":\"0x0\",\"uncles\":[],"
    "\"transactions\":[{\"type\":\"0x2\",\"chainId\":\"0x1068\",\"nonce\":\"0x0\",\"gas\":\"0x6469d8\","
    "\"maxFeePerGas\":\"0x3b9aca00\",\"maxPriorityFeePerGas\":\"0x3b9aca00\",\"to\":null,\"value\":"
    "\"0x0\",\"accessList\":[],\"input\":\"0x60806040526706f05b\",\"r\":\"0xfe55572f29567929ae24dc7e"
    "b90c9ff82e6dbf5a5c2993f91a8e2a2576c48710\",\"s\":\"0x4dc8d941b9b4f84d26f1a2d2fd15ce5271c4a9d5"
    "9b90d26e6110f99e409c0ae9\",\"yParity\":\"0x0\",\"v\":\"0x0\",\"hash\":\"0x496bc33aa2ddbf1f86c0b6f"
    "21dde7f8f6a51bb19c10fdab712636d4fc97a9929\",\"blockHash\":\"0x061623f50d97d81bb45942bbd12c33e"
    "d69cb478621bc2d84a263cb0d2a0a9951\",\"blockNumber\":\"0x1\",\"transactionIndex\":\"0x0\",\"from"
    "\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"gasPrice\":\"0x3b9aca00\",\"blockTimestamp"
    "\":\"0x6b0dc221\"}],\"withdrawals\":[]}";

static const char *block2_json =
    "{\"hash\":\"0xf1b46267922414e23110975767af36831b9df3ff69bfd288e67da1bc4f0e3a1f\",\"parentHa"
    "sh\":\"0x061623f50d97d81bb45942bbd12c33ed69cb478621bc2d84a263cb0d2a0a9951\",\"number\":\"0x2\","
    "\"gasUsed\":\"0x57d3c\",\"timestamp\":\"0x6b0dc221\",\"baseFeePerGas\":\"0x0\",\"uncles\":[],"
    "\"transactions\":[{\"type\":\"0x2\",\"chainId\":\"0x1068\",\"nonce\":\"0x1\",\"gas\":\"0x6dc8b\","
    "\"maxFeePerGas\":\"0x3b9aca00\",\"maxPriorityFeePerGas\":\"0x3b9aca00\",\"to\":\"0x5fbdb231567"
    "8afecb367f032d93f642f64180aa3\",\"value\":\"0x0\",\"accessList\":[],\"input\":\"0xf4ab9adf0000"
    "0000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8\",\"r\":\"0x295f2c24221a17289dbf"
    "ed5843f97962c395984fb3eeef63f18b7cbc3504af79\",\"s\":\"0x33ea98965fedf87c77c0b260be3a835c685c"
    "5ec891391ca7fcc50abe075fa728\",\"yParity\":\"0x1\",\"v\":\"0x1\",\"hash\":\"0x70df820f2e2263cdbc"
    "b5492807274c500512c40bf5f3cdfe812de942c433db50\",\"blockHash\":\"0xf1b46267922414e23110975767"
    "af36831b9df3ff69bfd288e67da1bc4f0e3a1f\",\"blockNumber\":\"0x2\",\"transactionIndex\":\"0x0\","
    "\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"gasPrice\":\"0x3b9aca00\",\"blockTim"
    "estamp\":\"0x6b0dc221\"}],\"withdrawals\":[]}";

/* text with the first `from` replaced by `to`, parsed. */
static cJSON *parse_edited(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at)
        abort();
    size_t head = (size_t)(at - text), n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *edited = malloc(n);
    if (!edited)
        abort();
    snprintf(edited, n, "%.*s%s%s", (int)head, text, to, at + strlen(from));
    cJSON *j = cJSON_Parse(edited);
    free(edited);
    return j;
}

static void test_full_blocks(void)
{
    pc_error err = { 0 };
    node_full_block b;
    bool found = false;
    cJSON *j = parse(block1_json);
    CHECK(node_parse_full_block(j, &b, &found, &err) == PC_OK && found);
    CHECK(b.number == 1 && b.timestamp == 0x6b0dc221 && b.ntxs == 1);
    CHECK(b.hash[0] == 0x06 && b.parent_hash[0] == 0xd3 && b.parent_hash[31] == 0x88);
    if (b.ntxs == 1) {
        CHECK(!b.txs[0].has_to && b.txs[0].nonce == 0 && b.txs[0].index == 0);
        CHECK(b.txs[0].input_len == 9 && b.txs[0].input[0] == 0x60);
        CHECK(b.txs[0].from.b[0] == 0xf3 && b.txs[0].hash[0] == 0x49);
    }
    node_full_block_free(&b);
    cJSON_Delete(j);

    j = parse(block2_json);
    CHECK(node_parse_full_block(j, &b, &found, &err) == PC_OK && found && b.ntxs == 1);
    if (b.ntxs == 1) {
        const node_tx *t = &b.txs[0];
        CHECK(t->has_to && t->to.b[0] == 0x5f && t->nonce == 1 && t->input_len == 36);
        /* The binding names the function by its selector and decodes it. */
        const pc_method *m = NULL;
        abi_value args;
        CHECK(pc_decode_calldata(t->input, t->input_len, &m, &args, &err) == PC_OK);
        CHECK(m && strcmp(m->name, "addVoter") == 0);
        CHECK(args.kind == ABI_TUPLE && args.count == 1 && args.items[0].addr.b[0] == 0x70);
        abi_value_free(&args);
        CHECK(pc_decode_calldata(t->input, 35, &m, &args, &err) == PC_EDATA && !m);
        CHECK(strstr(err.msg, "addVoter") != NULL);
        abi_value_free(&args);
        const uint8_t unknown[4] = { 0xde, 0xad, 0xbe, 0xef };
        CHECK(pc_decode_calldata(unknown, 4, &m, &args, &err) == PC_OK && !m && args.count == 0);
        CHECK(pc_decode_calldata(unknown, 3, &m, &args, &err) == PC_EDATA);
        CHECK(pc_method_by_selector(t->input) == pc_method_find("addVoter"));
    }
    node_full_block_free(&b);
    cJSON_Delete(j);

    j = parse("null");
    CHECK(node_parse_full_block(j, &b, &found, &err) == PC_OK && !found);
    cJSON_Delete(j);

    /* Each of these must be refused, naming what is wrong. */
    static const struct {
        const char *from, *to, *says;
    } edits[] = {
        { "\"transactionIndex\":\"0x0\"", "\"transactionIndex\":\"0x1\"", "index" },
        { "\"input\":\"0xf4ab", "\"input\":\"0xg4ab", "input" },
        { "\"input\":\"0xf4ab9adf", "\"input\":\"0xf4ab9ad", "input" },
        { "\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\"",
          "\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb922\"", "sender" },
        { "\"to\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",", "", "to" },
        { "\"blockNumber\":\"0x2\"", "\"blockNumber\":\"0x3\"", "another block" },
        { "\"blockHash\":\"0xf1b4", "\"blockHash\":\"0xf1b5", "another block" },
        { "\"nonce\":\"0x1\"", "\"nonce\":1", "nonce" },
        { "\"hash\":\"0xf1b46267922414e23110975767af36831b9df3ff69bfd288e67da1bc4f0e3a1f\",",
          "", "block hash" },
        { "\"parentHash\":\"0x0616", "\"parentHash\":\"0x06", "parent hash" },
        { "\"transactions\":[{", "\"transactions\":0,\"x\":[{", "transactions" },
        { "\"transactions\":[{", "\"transactions\":[7,{", "not an object" },
        { "\"timestamp\":\"0x6b0dc221\",\"base", "\"timestamp\":\"-1\",\"base", "timestamp" },
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        j = parse_edited(block2_json, edits[i].from, edits[i].to);
        if (!j) {
            /* The edit broke the JSON itself: the test's mistake. */
            fprintf(stderr, "edit %zu does not parse\n", i);
            CHECK(j != NULL);
            continue;
        }
        memset(&err, 0, sizeof err);
        pc_status st = node_parse_full_block(j, &b, &found, &err);
        CHECK(st == PC_ENODE && !found && b.txs == NULL);
        bool named = strstr(err.msg, edits[i].says) != NULL;
        if (!named)
            fprintf(stderr, "edit %zu: message \"%s\" lacks what it is about\n", i, err.msg);
        CHECK(named);
        cJSON_Delete(j);
    }
}

static void test_values(void)
{
    pc_error err = { 0 };
    uint64_t v;
    u256 big;
    bytebuf data = BYTEBUF_INIT;
    cJSON *j = parse("[\"0x1068\",\"0x\",\"0x0\",\"0xg\",\"1068\",4200,null,"
                     "\"0x10000000000000000000000000000000000000000000000000000000000000000\","
                     "\"0xabc\",\"0xabcd\"]");
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 0), "chain id", &v, &err) == PC_OK && v == 4200);
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 1), "chain id", &v, &err) == PC_ENODE);
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 2), "chain id", &v, &err) == PC_OK && v == 0);
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 3), "chain id", &v, &err) == PC_ENODE);
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 4), "chain id", &v, &err) == PC_ENODE);
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 5), "chain id", &v, &err) == PC_ENODE);
    CHECK(strstr(err.msg, "chain id") != NULL);
    CHECK(node_parse_u64(cJSON_GetArrayItem(j, 6), "chain id", &v, &err) == PC_ENODE);
    CHECK(node_parse_u256(cJSON_GetArrayItem(j, 7), "balance", &big, &err) == PC_ENODE);
    CHECK(node_parse_data(cJSON_GetArrayItem(j, 8), "call result", &data, &err) == PC_ENODE);
    CHECK(node_parse_data(cJSON_GetArrayItem(j, 9), "call result", &data, &err) == PC_OK);
    CHECK(data.len == 2 && data.data[0] == 0xab && data.data[1] == 0xcd);
    bytebuf_free(&data);
    cJSON_Delete(j);
}

int main(void)
{
    test_receipt();
    test_receipt_foreign_log();
    test_bad_receipts();
    test_blocks();
    test_values();
    test_full_blocks();
    return check_summary();
}
