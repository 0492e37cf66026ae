/* wallet/past.h's reader against a node (run by on_demo.sh on a demo
 * devnet): a past read again after a new block loads only that block and
 * comes out as a full read would; the pasts read before keep their records
 * while the reader appends, and after it lets go of them. The same for the
 * charts' series and the open sessions, which the reader replays only over
 * the new block, and again from the start after a reset; and a store
 * filled past its room continues in a bigger one without loading again.
 * Usage: test_past_reader RPC_URL CONTRACT_JSON */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../check.h"
#include "series_same.h"
#include "rpcclient/rpc.h"
#include "wallet/history.h"
#include "wallet/past.h"

/* addVoter(0x...00b0): a new proposal (or, again, an Error), sent from
 * anvil's unlocked account 0, the demo's voter A; with `mined`, once it is
 * mined. 0xf4ab9adf is the selector of addVoter(address). */
static pc_status propose_voter(rpc_client *c, const pc_contract *k, bool mined, pc_error *err)
{
    char to[43];
    const eth_address *a = pc_contract_address(k);
    to[0] = '0';
    to[1] = 'x';
    for (int i = 0; i < 20; i++)
        snprintf(&to[2 + 2 * i], 3, "%02x", a->b[i]);
    cJSON *tx = cJSON_CreateObject();
    cJSON_AddStringToObject(tx, "from", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    cJSON_AddStringToObject(tx, "to", to);
    cJSON_AddStringToObject(tx, "data", "0xf4ab9adf"
                                        "00000000000000000000000000000000000000000000000000000000000000b0");
    cJSON *params = cJSON_CreateArray();
    cJSON_AddItemToArray(params, tx);
    cJSON *hash = NULL, *receipt = NULL;
    pc_status st = rpc_call(c, "eth_sendTransaction", params, false, &hash, err);
    for (int i = 0; mined && st == PC_OK && i < 100 && (!receipt || cJSON_IsNull(receipt)); i++) {
        cJSON_Delete(receipt);
        receipt = NULL;
        cJSON *q = cJSON_CreateArray();
        cJSON_AddItemToArray(q, cJSON_Duplicate(hash, true));
        st = rpc_call(c, "eth_getTransactionReceipt", q, false, &receipt, err);
        if (st == PC_OK && cJSON_IsNull(receipt))
            nanosleep(&(struct timespec){ .tv_nsec = 100000000L }, NULL);
    }
    if (mined && st == PC_OK && (!receipt || cJSON_IsNull(receipt)))
        st = pc_fail(err, PC_ENODE, "the proposal was not mined in 10 s");
    cJSON_Delete(receipt);
    cJSON_Delete(hash);
    return st;
}

static bool same_sessions(const wallet_past *a, const wallet_past *b)
{
    if (a->nsessions != b->nsessions)
        return false;
    for (size_t i = 0; i < a->nsessions; i++) {
        const series_session *x = &a->sessions[i], *y = &b->sessions[i];
        if (!eth_address_equal(&x->unit, &y->unit) ||
            !eth_address_equal(&x->consumer, &y->consumer) || u256_cmp(&x->ent, &y->ent) ||
            u256_cmp(&x->wh, &y->wh) || x->start != y->start)
            return false;
    }
    return true;
}

static bool same_records(const wallet_past *a, const wallet_past *b)
{
    if (a->ntxs != b->ntxs)
        return false;
    for (size_t i = 0; i < a->ntxs; i++)
        if (memcmp(a->txs[i].hash, b->txs[i].hash, 32) != 0 || a->txs[i].method != b->txs[i].method)
            return false;
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_past_reader RPC_URL CONTRACT_JSON\n");
        return 2;
    }
    pc_error err = { 0 };
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    history *h = NULL;
    if (rpc_global_init(&err) != PC_OK || pc_contract_load_json(argv[2], &k, &err) != PC_OK ||
        rpc_client_new(argv[1], 30, &c, &err) != PC_OK || history_open(c, k, &h, &err) != PC_OK ||
        history_sync(h, c, NULL, NULL, NULL, &err) != PC_OK) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return 1;
    }

    wallet_past_reader r = { 0 };
    wallet_past before, after, full, again;
    CHECK(wallet_past_reader_read(&r, h, &before, &err) == PC_OK);
    CHECK(before.ntxs > 0);
    uint8_t last[32];
    memcpy(last, before.txs[before.ntxs - 1].hash, 32);
    size_t ntxs = before.ntxs, nproposals = before.governance.nproposals;
    eth_address me;
    CHECK(eth_address_parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", &me, NULL) == PC_OK);
    CHECK(wallet_past_reader_series(&r, &before, &me, &err) == PC_OK && before.has_series);
    CHECK(before.series.energy.nunits > 0 && before.series.energy.ent.count > 0);

    CHECK(propose_voter(c, k, true, &err) == PC_OK);
    history_sync_stats stats = { 0 };
    CHECK(history_sync(h, c, NULL, NULL, &stats, &err) == PC_OK);
    CHECK(stats.txs == 1);
    CHECK(wallet_past_reader_read(&r, h, &after, &err) == PC_OK);
    CHECK(after.head == stats.head);
    CHECK(after.ntxs == ntxs + 1);
    CHECK(after.ntxs > ntxs && after.txs[ntxs].method &&
          strcmp(after.txs[ntxs].method->name, "addVoter") == 0);
    CHECK(after.governance.nproposals == nproposals + 1);
    CHECK(wallet_past_reader_series(&r, &after, &me, &err) == PC_OK && after.has_series);
    /* The past read before still sees what it saw, its series too. */
    CHECK(before.ntxs == ntxs && memcmp(before.txs[ntxs - 1].hash, last, 32) == 0);
    series_set whole;
    CHECK(series_set_replay(before.txs, before.ntxs, &before.governance, &before.market, &me,
                            &whole, &err) == PC_OK);
    CHECK(same_set(&before.series, &whole));
    series_set_free(&whole);

    CHECK(wallet_past_read(h, &full, &err) == PC_OK);
    CHECK(same_records(&after, &full));
    CHECK(after.governance.nproposals == full.governance.nproposals);
    CHECK(after.market.nfills == full.market.nfills);
    CHECK(after.withdrawals.count == full.withdrawals.count);
    CHECK(after.nowners == full.nowners);
    CHECK(same_sessions(&after, &full));
    CHECK(wallet_past_series(&full, &me, &err) == PC_OK);
    CHECK(same_set(&after.series, &full.series));

    /* A reset reader loads everything again; the pasts it handed out stay. */
    wallet_past_reader_reset(&r);
    CHECK(wallet_past_reader_read(&r, h, &again, &err) == PC_OK);
    CHECK(same_records(&again, &full));
    CHECK(same_sessions(&again, &full));
    CHECK(wallet_past_reader_series(&r, &again, &me, &err) == PC_OK);
    CHECK(same_set(&again.series, &full.series));
    wallet_past_reader_reset(&r);
    CHECK(memcmp(before.txs[ntxs - 1].hash, last, 32) == 0);
    CHECK(same_records(&after, &again));
    wallet_past_free(&before);
    wallet_past_free(&after);
    wallet_past_free(&full);

    /* More records than the store has room for (as many again as its
     * first read, and 1024): the reader continues in a bigger store
     * without loading the records again (the texts are the same, not
     * copies), the series replay only the new ones, and the pasts read
     * from the full store keep theirs after the bigger one is let go. */
    wallet_past start;
    CHECK(wallet_past_reader_read(&r, h, &start, &err) == PC_OK);
    CHECK(wallet_past_reader_series(&r, &start, &me, &err) == PC_OK);
    const series_replay *replay = r.series;
    size_t more = start.ntxs + 1025;
    for (size_t i = 0; i < more && err.msg[0] == '\0'; i++)
        CHECK(propose_voter(c, k, i + 1 == more, &err) == PC_OK);
    CHECK(history_sync(h, c, NULL, NULL, &stats, &err) == PC_OK);
    CHECK(stats.txs == more);
    wallet_past grown;
    CHECK(wallet_past_reader_read(&r, h, &grown, &err) == PC_OK);
    CHECK(grown.ntxs == start.ntxs + more);
    CHECK(grown.log != start.log);
    if (grown.ntxs == start.ntxs + more) {
        CHECK(grown.txs[0].text == start.txs[0].text);
        CHECK(grown.txs[start.ntxs - 1].args.items == start.txs[start.ntxs - 1].args.items);
    }
    CHECK(wallet_past_reader_series(&r, &grown, &me, &err) == PC_OK && grown.has_series);
    CHECK(r.series == replay); /* fed on, not replayed from the start */
    CHECK(wallet_past_read(h, &full, &err) == PC_OK);
    CHECK(same_records(&grown, &full));
    CHECK(grown.governance.nproposals == full.governance.nproposals);
    CHECK(wallet_past_series(&full, &me, &err) == PC_OK);
    CHECK(same_set(&grown.series, &full.series));
    wallet_past_reader_reset(&r);
    wallet_past_free(&grown);
    CHECK(start.ntxs + more == full.ntxs);
    for (size_t i = 0; i < start.ntxs && i < full.ntxs; i++)
        CHECK(memcmp(start.txs[i].hash, full.txs[i].hash, 32) == 0 &&
              strcmp(start.txs[i].text, full.txs[i].text) == 0);

    wallet_past_free(&full);
    wallet_past_free(&again);
    wallet_past_free(&start);
    history_close(h);
    rpc_client_free(c);
    pc_contract_free(k);
    rpc_global_cleanup();
    return check_summary();
}
