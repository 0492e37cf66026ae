/* The history index's catch-up (wallet/history.h) against a fake node on a
 * Unix socket that answers from the fuzzer's bytes, the index in a
 * temporary folder.
 *
 * The node plays a short chain: the contract created in one block, then
 * blocks of transactions to it (decoded calls and junk calldata, silent,
 * reverted, with an Info or with an Info and an Error) and to others. Each
 * answer spends a byte on what to do: mostly the truth; else a JSON-RPC
 * error, null, the fuzzer's raw bytes, one field wrong (a block's number
 * or parent, a transaction's place, a log of another block or contract, a
 * receipt of another transaction, a chain id, a head no chain has), a
 * reorg (the chain from some block on replaced, shorter or longer) or new
 * blocks. When the bytes run out, the node tells the truth.
 *
 * Invariants: every sync succeeds or fails with a message; the database
 * stays whole (integrity_check, no record outside the deployment block and
 * the cursor, the cursor's hash kept, records in order); a sync that met
 * only the truth of an unchanging chain holds exactly the chain's
 * transactions to the contract, with outcomes and texts; and whatever
 * happened before, a later sync of a node telling the truth holds exactly
 * that too (unless a lie no client can check was believed: logs, receipts
 * and code are the node's word). */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <dirent.h>
#include <sqlite3.h>
#include <unistd.h>

#include "eth/hex.h"
#include "eth/keccak.h"
#include "eth/rlp.h"
#include "fuzz/node.h"
#include "rpcclient/jsonscan.h"
#include "rpcclient/node.h"
#include "wallet/history.h"

#define SENDER "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"
#define OTHER "0x90f79bf6eb2c4f870365e785982e1f101e93b906"
#define CREATOR_TEXT "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"
#define TEMPLATES 5

static char node_path[128], cache_dir[128], deployment[160];
static eth_address contract;
static char contract_text[ETH_ADDRESS_TEXT_LEN];
static char *calldata[TEMPLATES]; /* "0x..." of decoded PowerChain calls */
static char *info_topic, *error_topic; /* the events' first topics, "0x..." */

/* ---- the chain ---- */

typedef struct chain {
    uint64_t head;
    uint64_t deploy;  /* the creation's block, from 1 */
    uint64_t fork_at; /* blocks from here on are of `epoch` */
    uint8_t epoch;
    uint8_t salt;
} chain;

typedef struct tx_model {
    bool creation;
    bool to_contract;
    int template;     /* -1: junk calldata */
    int events;       /* 0 none, 1 reverted, 2 an Info, 3 an Info and an Error */
} tx_model;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static chain ch;
static const uint8_t *in; /* the input's bytes not spent yet */
static size_t in_len;
static bool truth_only;   /* spend nothing: the truth */
static bool lied;         /* some answer was not the truth */
static bool believed;     /* ... one that no client can check (raw logs, receipts or code) */
static bool changed;      /* the chain changed during the sync */

static unsigned take(unsigned range)
{
    if (truth_only || in_len == 0 || range <= 1)
        return 0;
    in_len--;
    return *in++ % range;
}

static uint64_t mix(uint64_t n, unsigned e, unsigned j, unsigned what)
{
    uint64_t x = n * 0x9e3779b97f4a7c15u ^ ((uint64_t)e << 40) ^ ((uint64_t)j << 20) ^
                 ((uint64_t)what << 8) ^ ch.salt;
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9u;
    return x ^ (x >> 29);
}

static unsigned epoch_of(uint64_t n)
{
    return n >= ch.fork_at ? ch.epoch : 0;
}

static size_t tx_count(uint64_t n)
{
    if (n == 0)
        return 0;
    size_t k = (size_t)(mix(n, epoch_of(n), 0, 1) % 4);
    return n == ch.deploy ? k + 1 : k;
}

static tx_model tx_at(uint64_t n, unsigned j)
{
    tx_model t = { false, false, -1, 0 };
    if (n == ch.deploy && j == 0) {
        t.creation = true;
        return t;
    }
    uint64_t m = mix(n, epoch_of(n), j, 2);
    t.to_contract = m % 4 != 2;
    t.template = m % 4 == 3 ? -1 : (int)((m >> 8) % TEMPLATES);
    t.events = (int)((m >> 16) % 4);
    return t;
}

static void block_hash(uint64_t n, unsigned e, uint8_t h[32])
{
    memset(h, 0x3c, 32);
    for (int i = 0; i < 8; i++)
        h[i] = (uint8_t)(n >> (56 - 8 * i));
    h[8] = (uint8_t)e;
    h[9] = 0xb1;
    h[10] = ch.salt;
}

static void tx_hash(uint64_t n, unsigned e, unsigned j, uint8_t h[32])
{
    block_hash(n, e, h);
    h[9] = 0x7e;
    h[11] = (uint8_t)j;
}

/* The transaction a hash names, when it is on the chain now. */
static bool find_tx(const uint8_t h[32], uint64_t *n, unsigned *j)
{
    uint8_t want[32];
    *n = 0;
    for (int i = 0; i < 8; i++)
        *n = *n << 8 | h[i];
    *j = h[11];
    if (*n > ch.head || *j >= tx_count(*n))
        return false;
    tx_hash(*n, epoch_of(*n), *j, want);
    return memcmp(want, h, 32) == 0;
}

/* ---- answers ---- */

static cJSON *hex_item(const uint8_t *b, size_t n)
{
    char *s = hex_encode_prefixed(b, n);
    cJSON *v = s ? cJSON_CreateString(s) : NULL;
    free(s);
    return v;
}

static cJSON *quantity(uint64_t v)
{
    char s[24];
    snprintf(s, sizeof s, "0x%llx", (unsigned long long)v);
    return cJSON_CreateString(s);
}

/* ABI encoding of one string, as Info and Error carry it. */
static cJSON *abi_string(const char *text)
{
    size_t n = strlen(text), words = 2 + (n + 31) / 32;
    uint8_t *b = calloc(words, 32);
    if (!b)
        abort();
    b[31] = 0x20;
    b[63] = (uint8_t)n;
    memcpy(b + 64, text, n);
    cJSON *v = hex_item(b, words * 32);
    free(b);
    return v;
}

static cJSON *tx_item(uint64_t n, unsigned j)
{
    tx_model t = tx_at(n, j);
    uint8_t h[32], bh[32];
    tx_hash(n, epoch_of(n), j, h);
    block_hash(n, epoch_of(n), bh);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "hash", hex_item(h, 32));
    cJSON_AddItemToObject(o, "transactionIndex", quantity(j));
    cJSON_AddItemToObject(o, "blockNumber", quantity(n));
    cJSON_AddItemToObject(o, "blockHash", hex_item(bh, 32));
    cJSON_AddItemToObject(o, "nonce", quantity(t.creation ? 0 : n * 4 + j));
    cJSON_AddStringToObject(o, "from", t.creation ? CREATOR_TEXT : SENDER);
    if (t.creation)
        cJSON_AddNullToObject(o, "to");
    else
        cJSON_AddStringToObject(o, "to", t.to_contract ? contract_text : OTHER);
    cJSON_AddStringToObject(o, "input", t.creation         ? "0x6080604052"
                                        : t.template < 0   ? "0xdeadbeef"
                                                           : calldata[t.template]);
    return o;
}

static cJSON *block_item(uint64_t n, bool full, unsigned lie)
{
    uint8_t h[32], parent[32] = { 0 };
    block_hash(n, epoch_of(n), h);
    if (n > 0)
        block_hash(n - 1, epoch_of(n - 1), parent);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "number", quantity(lie == 1 ? n + 1 : n));
    cJSON_AddItemToObject(o, "hash", hex_item(h, 32));
    if (lie == 2)
        memset(parent, 0x11, 32);
    cJSON_AddItemToObject(o, "parentHash", hex_item(parent, 32));
    cJSON_AddItemToObject(o, "timestamp", quantity(1700000000 + 12 * n));
    cJSON *txs = cJSON_AddArrayToObject(o, "transactions");
    for (unsigned j = 0; j < tx_count(n); j++) {
        if (!full) {
            uint8_t th[32];
            tx_hash(n, epoch_of(n), j, th);
            cJSON_AddItemToArray(txs, hex_item(th, 32));
            continue;
        }
        cJSON *t = tx_item(n, j);
        if (lie == 3) /* out of place */
            cJSON_ReplaceItemInObject(t, "transactionIndex", quantity(j + 1));
        cJSON_AddItemToArray(txs, t);
    }
    return o;
}

static void event_text(char *out, size_t cap, bool error, uint64_t n, unsigned j)
{
    snprintf(out, cap, "%s %llu.%u", error ? "error" : "info", (unsigned long long)n, j);
}

/* The contract's logs of transaction j of block n (events 2 and 3). */
static void add_logs(cJSON *list, uint64_t n, unsigned j, const char *address)
{
    tx_model t = tx_at(n, j);
    if (t.creation || !t.to_contract || t.events < 2)
        return;
    uint8_t h[32], bh[32];
    tx_hash(n, epoch_of(n), j, h);
    block_hash(n, epoch_of(n), bh);
    for (int e = 0; e < t.events - 1; e++) {
        char text[48];
        event_text(text, sizeof text, e == 1, n, j);
        cJSON *l = cJSON_CreateObject();
        cJSON_AddStringToObject(l, "address", address);
        cJSON *topics = cJSON_AddArrayToObject(l, "topics");
        cJSON_AddItemToArray(topics, cJSON_CreateString(e == 1 ? error_topic : info_topic));
        cJSON_AddItemToObject(l, "data", abi_string(text));
        cJSON_AddItemToObject(l, "blockNumber", quantity(n));
        cJSON_AddItemToObject(l, "blockHash", hex_item(bh, 32));
        cJSON_AddItemToObject(l, "transactionHash", hex_item(h, 32));
        cJSON_AddItemToObject(l, "transactionIndex", quantity(j));
        cJSON_AddItemToArray(list, l);
    }
}

static bool block_param(const cJSON *v, uint64_t *n)
{
    pc_error e = { 0 };
    return node_parse_u64(v, "block", n, &e) == PC_OK;
}

static cJSON *logs_answer(const cJSON *params, unsigned lie)
{
    const cJSON *f = cJSON_GetArrayItem(params, 0);
    uint64_t from, to;
    if (!block_param(cJSON_GetObjectItemCaseSensitive(f, "fromBlock"), &from) ||
        !block_param(cJSON_GetObjectItemCaseSensitive(f, "toBlock"), &to))
        return NULL;
    cJSON *list = cJSON_CreateArray();
    for (uint64_t n = from; n <= to && n <= ch.head; n++)
        for (unsigned j = 0; j < tx_count(n); j++)
            add_logs(list, n, j, contract_text);
    if (lie == 1 && to < ch.head)
        add_logs(list, to + 1, 0, contract_text); /* a block outside the range */
    if (lie == 2)
        for (unsigned j = 0; j < tx_count(from); j++)
            add_logs(list, from, j, OTHER); /* another contract's */
    return list;
}

static cJSON *receipt_answer(const cJSON *params, unsigned lie)
{
    uint8_t h[32];
    pc_error e = { 0 };
    uint64_t n;
    unsigned j;
    if (node_parse_hash(cJSON_GetArrayItem(params, 0), "hash", h, &e) != PC_OK ||
        !find_tx(h, &n, &j))
        return cJSON_CreateNull();
    tx_model t = tx_at(n, j);
    if (lie == 1)
        h[31] ^= 1; /* another transaction's */
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "transactionHash", hex_item(h, 32));
    cJSON_AddItemToObject(o, "status", quantity(lie == 2 ? 2 : t.events == 1 ? 0 : 1));
    cJSON_AddItemToObject(o, "blockNumber", quantity(n));
    cJSON_AddItemToObject(o, "gasUsed", quantity(21000));
    cJSON_AddNullToObject(o, "contractAddress");
    cJSON *logs = cJSON_AddArrayToObject(o, "logs");
    if (t.to_contract)
        add_logs(logs, n, j, contract_text);
    return o;
}

/* The chain changes under the client: replaced from some block on (a
 * reorg, perhaps shorter or longer), or new blocks mined. */
static void change_chain(void)
{
    changed = true;
    if (take(2)) {
        ch.head += 1 + take(4);
        return;
    }
    ch.fork_at = ch.deploy + 1 + take((unsigned)(ch.head - ch.deploy + 1));
    ch.epoch++;
    uint64_t head = ch.fork_at - 1 + take(8);
    ch.head = head > ch.deploy ? head : ch.deploy;
}

static cJSON *truth(const char *method, const cJSON *params, unsigned lie)
{
    uint64_t n;
    if (strcmp(method, "eth_chainId") == 0)
        return quantity(lie ? 1 : 4200);
    if (strcmp(method, "eth_blockNumber") == 0) {
        static const uint64_t impossible[] = { (uint64_t)INT64_MAX, (uint64_t)INT64_MAX + 1,
                                               UINT64_MAX };
        return quantity(lie ? impossible[lie % 3] : ch.head);
    }
    if (strcmp(method, "eth_getBlockByNumber") == 0) {
        if (!block_param(cJSON_GetArrayItem(params, 0), &n))
            return NULL;
        return n > ch.head ? cJSON_CreateNull()
                           : block_item(n, cJSON_IsTrue(cJSON_GetArrayItem(params, 1)), lie % 4);
    }
    if (strcmp(method, "eth_getCode") == 0) {
        /* A block the node does not have is an error, as nodes answer. */
        if (!block_param(cJSON_GetArrayItem(params, 1), &n) || n > ch.head)
            return NULL;
        return cJSON_CreateString(n >= ch.deploy ? "0x6080" : "0x");
    }
    if (strcmp(method, "eth_getLogs") == 0)
        return logs_answer(params, lie % 3);
    if (strcmp(method, "eth_getTransactionReceipt") == 0)
        return receipt_answer(params, lie % 3);
    return NULL;
}

static cJSON *raw_result(void)
{
    size_t n = take(64);
    if (n > in_len)
        n = in_len;
    cJSON *v = cJSON_ParseWithLength((const char *)in, n);
    if (!v) {
        char *s = malloc(n + 1);
        if (!s)
            abort();
        memcpy(s, in, n);
        s[n] = '\0';
        v = cJSON_CreateString(s);
        free(s);
    }
    in += n;
    in_len -= n;
    return v;
}

static cJSON *answer_one(const cJSON *call)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(call, "id");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(call, "method");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(call, "params");
    const char *method = cJSON_IsString(m) ? m->valuestring : "";
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "jsonrpc", "2.0");
    cJSON_AddItemToObject(a, "id", id ? cJSON_Duplicate(id, true) : cJSON_CreateNull());
    bool unchecked = strcmp(method, "eth_getLogs") == 0 ||
                     strcmp(method, "eth_getTransactionReceipt") == 0 ||
                     strcmp(method, "eth_getCode") == 0;
    unsigned what = take(32), lie = 0;
    cJSON *result = NULL;
    if (what == 24 || what == 25 || what == 26 || what == 27)
        lied = true;
    if (what == 28 || what == 29)
        change_chain();
    if (what == 25) {
        result = cJSON_CreateNull();
    } else if (what == 26) {
        believed = believed || unchecked;
        result = raw_result();
    } else if (what != 24) {
        if (what == 27)
            lie = 1 + take(6);
        result = truth(method, params, lie);
    }
    if (result) {
        cJSON_AddItemToObject(a, "result", result);
    } else {
        cJSON *e = cJSON_AddObjectToObject(a, "error");
        cJSON_AddNumberToObject(e, "code", -32000);
        cJSON_AddStringToObject(e, "message", what == 24 ? "refused" : "method not found");
    }
    return a;
}

/* One connection: the request whole, then the answer (then it is closed). */
static void serve(int c)
{
    char buf[1 << 16];
    size_t len = 0;
    json_scan scan;
    json_scan_init(&scan);
    while (!scan.done && !scan.bad && len < sizeof buf) {
        ssize_t r = read(c, buf + len, sizeof buf - len);
        if (r <= 0)
            return;
        len += json_scan_feed(&scan, buf + len, (size_t)r);
    }
    cJSON *req = scan.done ? cJSON_ParseWithLength(buf, len) : NULL;
    if (!req)
        return;
    pthread_mutex_lock(&mu);
    cJSON *out;
    if (cJSON_IsArray(req)) {
        out = cJSON_CreateArray();
        const cJSON *call;
        cJSON_ArrayForEach(call, req) cJSON_AddItemToArray(out, answer_one(call));
    } else {
        out = answer_one(req);
    }
    pthread_mutex_unlock(&mu);
    char *text = cJSON_PrintUnformatted(out);
    for (size_t sent = 0, n = text ? strlen(text) : 0; sent < n;) {
        ssize_t w = send(c, text + sent, n - sent, MSG_NOSIGNAL);
        if (w <= 0)
            break;
        sent += (size_t)w;
    }
    free(text);
    cJSON_Delete(out);
    cJSON_Delete(req);
}

/* ---- setup ---- */

static void make_calldata(void)
{
    static const char *const calls[TEMPLATES][3] = {
        { "transferENT", SENDER, "1.5" },
        { "addVoter", OTHER, NULL },
        { "clearOldSessions", NULL, NULL },
        { "lockeEuro", "2", NULL },
        { "registerStorageUnit", OTHER, SENDER },
    };
    for (int i = 0; i < TEMPLATES; i++) {
        char *argv[2] = { (char *)calls[i][1], (char *)calls[i][2] };
        int argc = calls[i][1] ? calls[i][2] ? 2 : 1 : 0;
        bytebuf b = BYTEBUF_INIT;
        pc_error err = { 0 };
        if (pc_encode_call(pc_method_find(calls[i][0]), argc, argv, &b, &err) != PC_OK ||
            !(calldata[i] = hex_encode_prefixed(b.data, b.len)))
            abort();
        bytebuf_free(&b);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* Memory, not disk: SQLite writes there for every input. */
    char dir[] = "/dev/shm/fuzz-sync-XXXXXX";
    fuzz_node_listen(dir, serve);
    snprintf(node_path, sizeof node_path, "ipc:%s/node.ipc", dir);
    snprintf(cache_dir, sizeof cache_dir, "%s/cache/powerchain", dir);
    snprintf(deployment, sizeof deployment, "%s/deployment.json", dir);
    char cache[128];
    snprintf(cache, sizeof cache, "%s/cache", dir);
    setenv("XDG_CACHE_HOME", cache, 1);
    /* The contract the creator's first transaction makes (the CREATE rule). */
    eth_address creator;
    pc_error err = { 0 };
    bytebuf b = BYTEBUF_INIT;
    size_t list = rlp_list_begin(&b);
    uint8_t h[32];
    if (eth_address_parse(CREATOR_TEXT, &creator, &err) != PC_OK ||
        rlp_encode_bytes(&b, creator.b, 20) != PC_OK || rlp_encode_u64(&b, 0) != PC_OK ||
        rlp_list_end(&b, list) != PC_OK)
        abort();
    keccak256(b.data, b.len, h);
    bytebuf_free(&b);
    memcpy(contract.b, h + 12, 20);
    eth_address_to_checksum(&contract, contract_text);
    make_calldata();
    keccak256("Info(string)", 12, h);
    info_topic = hex_encode_prefixed(h, 32);
    keccak256("Error(string)", 13, h);
    error_topic = hex_encode_prefixed(h, 32);
    if (!info_topic || !error_topic)
        abort();
    return 0;
}

/* Each input starts from no index at all. */
static void clear_cache(void)
{
    DIR *d = opendir(cache_dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            char p[512];
            snprintf(p, sizeof p, "%s/%s", cache_dir, e->d_name);
            unlink(p);
        }
    closedir(d);
}

static pc_contract *the_contract(bool by_address)
{
    pc_contract *k = NULL;
    pc_error err = { 0 };
    if (by_address) {
        FUZZ_CHECK(pc_contract_from_address(contract_text, &k, &err) == PC_OK);
        return k;
    }
    FILE *f = fopen(deployment, "w");
    FUZZ_CHECK(f != NULL);
    fprintf(f, "{\"name\":\"PowerChain\",\"address\":\"%s\",\"abi\":[],\"block\":%llu,"
               "\"chain_id\":4200}\n", contract_text, (unsigned long long)ch.deploy);
    fclose(f);
    FUZZ_CHECK(pc_contract_load_json(deployment, &k, &err) == PC_OK);
    return k;
}

/* ---- checks ---- */

static sqlite3_int64 one_number(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = NULL;
    FUZZ_CHECK(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
               sqlite3_step(s) == SQLITE_ROW);
    sqlite3_int64 v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The database as another process sees it. */
static void check_whole(const char *path)
{
    sqlite3 *db = NULL;
    FUZZ_CHECK(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
    sqlite3_stmt *s = NULL;
    FUZZ_CHECK(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK &&
               sqlite3_step(s) == SQLITE_ROW &&
               strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0);
    sqlite3_finalize(s);
    if (one_number(db, "SELECT count(*) FROM meta WHERE cursor IS NOT NULL") == 1) {
        FUZZ_CHECK(one_number(db, "SELECT count(*) FROM txs WHERE block > (SELECT cursor FROM "
                                  "meta) OR block < (SELECT first_block FROM meta)") == 0);
        FUZZ_CHECK(one_number(db, "SELECT count(*) FROM blocks WHERE number = (SELECT cursor "
                                  "FROM meta)") == 1);
    } else {
        FUZZ_CHECK(one_number(db, "SELECT count(*) FROM txs") == 0);
    }
    sqlite3_close(db);
}

/* Exactly the chain's transactions to the contract, up to its head. */
static void check_truth(history *h)
{
    history_tx *txs = NULL;
    size_t n = 0, k = 0;
    pc_error err = { 0 };
    FUZZ_CHECK(history_load(h, NULL, &txs, &n, &err) == PC_OK);
    for (uint64_t b = ch.deploy; b <= ch.head; b++)
        for (unsigned j = 0; j < tx_count(b); j++) {
            tx_model t = tx_at(b, j);
            if (!t.creation && !t.to_contract)
                continue;
            FUZZ_CHECK(k < n);
            const history_tx *r = &txs[k++];
            uint8_t hash[32];
            tx_hash(b, epoch_of(b), j, hash);
            FUZZ_CHECK(r->block == b && r->index == j && memcmp(r->hash, hash, 32) == 0 &&
                       r->is_creation == t.creation && r->time == 1700000000 + 12 * b);
            FUZZ_CHECK((r->method != NULL) == (!t.creation && t.template >= 0));
            history_outcome want = t.events == 1 ? HISTORY_REVERTED
                                   : t.events == 3 ? HISTORY_ERROR
                                                   : HISTORY_OK;
            FUZZ_CHECK(t.creation ? r->outcome == HISTORY_OK : r->outcome == want);
            char text[100] = "", info[48], error[48];
            event_text(info, sizeof info, false, b, j);
            event_text(error, sizeof error, true, b, j);
            if (!t.creation && t.events >= 2)
                snprintf(text, sizeof text, t.events == 3 ? "%s\n%s" : "%s", info, error);
            FUZZ_CHECK(strcmp(r->text, text) == 0);
        }
    FUZZ_CHECK(k == n);
    uint64_t head;
    FUZZ_CHECK(history_head(h, &head) && head == ch.head);
    history_tx_free_all(txs, n);
}

/* One sync as a process would run it: connect, open, sync, close. A sync
 * that met only the truth must hold it; once the node tells only the truth,
 * so must the next, unless a lie no client can check was believed. */
static void run_sync(const pc_contract *k)
{
    rpc_client *c = NULL;
    history *h = NULL;
    pc_error err = { 0 };
    FUZZ_CHECK(rpc_client_new(node_path, 10, &c, &err) == PC_OK);
    pc_status st = history_open(c, k, &h, &err);
    if (st == PC_OK)
        st = history_sync(h, c, NULL, NULL, NULL, &err);
    if (st != PC_OK)
        fuzz_check_error(st, &err);
    pthread_mutex_lock(&mu);
    bool truthful = truth_only ? !believed : !lied && !changed;
    pthread_mutex_unlock(&mu);
    if (truth_only && truthful)
        FUZZ_CHECK(st == PC_OK);
    if (h) {
        check_whole(history_path(h));
        if (truthful && st == PC_OK)
            check_truth(h);
    }
    history_close(h);
    rpc_client_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clear_cache();
    pthread_mutex_lock(&mu);
    in = data;
    in_len = size;
    truth_only = lied = believed = changed = false;
    ch = (chain){ 0 };
    ch.salt = (uint8_t)take(256);
    ch.deploy = 1 + take(4);
    ch.head = ch.deploy + take(24);
    ch.fork_at = UINT64_MAX;
    bool by_address = take(2);
    pthread_mutex_unlock(&mu);
    pc_contract *k = the_contract(by_address);
    run_sync(k);
    pthread_mutex_lock(&mu);
    truth_only = true;
    pthread_mutex_unlock(&mu);
    run_sync(k);
    fuzz_node_idle();
    pc_contract_free(k);
    return 0;
}
