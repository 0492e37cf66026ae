#include "wallet/nodes.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/text.h"
#include "rpcclient/node.h"

struct nodes_set {
    rpc_client *client[NODES_MAX];
    char shown[NODES_MAX][NODES_SHOWN_MAX];
    size_t count;
};

pc_status nodes_open(const char *const *urls, size_t n, long timeout_s, const char *cacert,
                     nodes_set **out, pc_error *err)
{
    *out = NULL;
    if (n == 0 || n > NODES_MAX)
        return pc_fail(err, PC_EINPUT, "between 1 and %d nodes can be checked", NODES_MAX);
    nodes_set *s = calloc(1, sizeof *s);
    if (!s)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = PC_OK;
    for (size_t i = 0; st == PC_OK && i < n; i++) {
        rpc_url_shown(urls[i], s->shown[i], sizeof s->shown[i]);
        st = rpc_client_new(urls[i], timeout_s, &s->client[i], err);
        if (st == PC_OK && cacert)
            st = rpc_client_set_cacert(s->client[i], cacert, err);
        if (st == PC_OK || s->client[i])
            s->count = i + 1;
    }
    if (st != PC_OK) {
        nodes_close(s);
        return st;
    }
    *out = s;
    return PC_OK;
}

void nodes_close(nodes_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++)
        rpc_client_free(s->client[i]);
    free(s);
}

size_t nodes_count(const nodes_set *s)
{
    return s->count;
}

static uint64_t now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_nsec / 1000u;
}

static cJSON *block_params(const char *tag)
{
    cJSON *p = cJSON_CreateArray();
    if (p && (!cJSON_AddItemToArray(p, cJSON_CreateString(tag)) ||
              !cJSON_AddItemToArray(p, cJSON_CreateFalse()))) {
        cJSON_Delete(p);
        return NULL;
    }
    return p;
}

/* The optional answers: a node may lack the method (anvil has no
 * net_peerCount); then the field stays unknown. */
static void take_extras(const rpc_batch *b, int i_client, int i_peers, int i_sync,
                        node_health *h)
{
    pc_error e = { 0 };
    const cJSON *r = i_client < 0 ? NULL : rpc_batch_result(b, (size_t)i_client, &e);
    if (cJSON_IsString(r)) {
        snprintf(h->client, sizeof h->client, "%s", r->valuestring);
        text_sanitize(h->client);
        h->has_client = true;
    }
    r = i_peers < 0 ? NULL : rpc_batch_result(b, (size_t)i_peers, &e);
    h->has_peers = r && node_parse_u64(r, "peer count", &h->peers, &e) == PC_OK;
    r = i_sync < 0 ? NULL : rpc_batch_result(b, (size_t)i_sync, &e);
    /* false, or an object with the sync's progress. */
    if (cJSON_IsBool(r) || cJSON_IsObject(r)) {
        h->has_syncing = true;
        h->syncing = cJSON_IsObject(r);
    }
}

static void probe_one(rpc_client *c, nodes_depth depth, node_health *h)
{
    pc_error e = { 0 };
    rpc_batch *b = rpc_batch_new();
    int i_chain = -1, i_genesis = -1, i_latest = -1, i_client = -1, i_peers = -1, i_sync = -1;
    if (b) {
        i_chain = rpc_batch_add(b, "eth_chainId", NULL);
        i_genesis = rpc_batch_add(b, "eth_getBlockByNumber", block_params("0x0"));
        i_latest = rpc_batch_add(b, "eth_getBlockByNumber", block_params("latest"));
        if (depth == NODES_FULL) {
            i_client = rpc_batch_add(b, "web3_clientVersion", NULL);
            i_peers = rpc_batch_add(b, "net_peerCount", NULL);
            i_sync = rpc_batch_add(b, "eth_syncing", NULL);
        }
    }
    pc_status st = PC_OK;
    if (!b || i_chain < 0 || i_genesis < 0 || i_latest < 0 ||
        (depth == NODES_FULL && (i_client < 0 || i_peers < 0 || i_sync < 0)))
        st = pc_fail(&e, PC_ENOMEM, "out of memory");
    uint64_t start = now_us();
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, &e);
    uint64_t took = now_us() - start;
    const cJSON *r = NULL;
    node_block latest;
    if (st == PC_OK && !(r = rpc_batch_result(b, (size_t)i_chain, &e)))
        st = PC_ENODE;
    if (st == PC_OK)
        st = node_parse_u64(r, "chain id", &h->chain_id, &e);
    if (st == PC_OK && !(r = rpc_batch_result(b, (size_t)i_latest, &e)))
        st = PC_ENODE;
    if (st == PC_OK)
        st = node_parse_block(r, &latest, &e);
    if (st == PC_OK) {
        h->up = true;
        h->head = latest.number;
        h->head_time = latest.timestamp;
        h->latency_us = took;
        r = rpc_batch_result(b, (size_t)i_genesis, &e);
        h->has_genesis = r && node_parse_hash(cJSON_GetObjectItemCaseSensitive(r, "hash"),
                                              "genesis block hash", h->genesis, &e) == PC_OK;
        take_extras(b, i_client, i_peers, i_sync, h);
    } else {
        snprintf(h->why, sizeof h->why, "%.*s", (int)sizeof h->why - 1, e.msg);
        text_sanitize(h->why);
    }
    rpc_batch_free(b);
}

typedef struct probe_job {
    rpc_client *c;
    nodes_depth depth;
    node_health *h;
} probe_job;

static void *probe_thread(void *arg)
{
    probe_job *j = arg;
    probe_one(j->c, j->depth, j->h);
    return NULL;
}

void nodes_probe(nodes_set *s, nodes_depth depth, bool has_chain_id, uint64_t chain_id,
                 nodes_report *out)
{
    memset(out, 0, sizeof *out);
    out->count = s->count;
    probe_job jobs[NODES_MAX];
    pthread_t threads[NODES_MAX];
    bool started[NODES_MAX] = { false };
    for (size_t i = 0; i < s->count; i++) {
        memcpy(out->node[i].shown, s->shown[i], sizeof out->node[i].shown);
        jobs[i] = (probe_job){ s->client[i], depth, &out->node[i] };
        /* The last node, and any whose thread cannot start, on this one. */
        started[i] = i + 1 < s->count &&
                     pthread_create(&threads[i], NULL, probe_thread, &jobs[i]) == 0;
        if (!started[i] && i + 1 < s->count)
            probe_one(s->client[i], depth, &out->node[i]);
    }
    if (s->count)
        probe_one(s->client[s->count - 1], depth, &out->node[s->count - 1]);
    for (size_t i = 0; i < s->count; i++)
        if (started[i])
            pthread_join(threads[i], NULL);
    nodes_compare(out, has_chain_id, chain_id);
}

static bool same_chain(const node_health *a, const node_health *b)
{
    return a->chain_id == b->chain_id && a->has_genesis == b->has_genesis &&
           (!a->has_genesis || memcmp(a->genesis, b->genesis, 32) == 0);
}

void nodes_compare(nodes_report *r, bool has_chain_id, uint64_t chain_id)
{
    size_t best = r->count, best_votes = 0;
    r->up = 0;
    for (size_t i = 0; i < r->count; i++) {
        const node_health *h = &r->node[i];
        if (!h->up)
            continue;
        r->up++;
        if (has_chain_id && h->chain_id != chain_id)
            continue;
        size_t votes = 0;
        for (size_t j = 0; j < r->count; j++)
            votes += r->node[j].up && same_chain(h, &r->node[j]);
        if (votes > best_votes) {
            best = i;
            best_votes = votes;
        }
    }
    r->has_reference = best < r->count;
    r->best_head = r->best_head_time = 0;
    if (r->has_reference) {
        const node_health *ref = &r->node[best];
        r->chain_id = ref->chain_id;
        r->has_genesis = ref->has_genesis;
        memcpy(r->genesis, ref->genesis, 32);
    }
    for (size_t i = 0; i < r->count; i++) {
        node_health *h = &r->node[i];
        h->other_chain = h->up && (!r->has_reference || !same_chain(h, &r->node[best]));
        if (h->up && !h->other_chain && h->head >= r->best_head) {
            r->best_head = h->head;
            r->best_head_time = h->head_time;
        }
    }
    for (size_t i = 0; i < r->count; i++) {
        node_health *h = &r->node[i];
        h->lag = h->up && !h->other_chain ? r->best_head - h->head : 0;
    }
}

nodes_verdict nodes_judge(const nodes_report *r)
{
    if (r->up == 0)
        return NODES_NONE_UP;
    for (size_t i = 0; i < r->count; i++)
        if (!r->node[i].up || r->node[i].other_chain)
            return NODES_SOME_BAD;
    return NODES_ALL_GOOD;
}
