/* What waits for an account, against a node (run by on_demo.sh on
 * a demo devnet): "since it last looked" is a mark per account in the
 * chain's index (history_mark_get/set), kept across processes and apart
 * for each account; the demo's fill waits for A until A's mark passes its
 * block, and waits for C (the seller) all the while.
 * Usage: test_waiting_marks RPC_URL CONTRACT_JSON */
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "rpcclient/rpc.h"
#include "wallet/history.h"
#include "wallet/past.h"
#include "wallet/waiting.h"

static eth_address account(const char *text)
{
    eth_address a;
    eth_address_parse(text, &a, NULL);
    return a;
}

/* The fills waiting for `who` with its mark as it is in the index. */
static size_t fills_waiting(rpc_client *c, const pc_contract *k, history *h,
                            const eth_address *who)
{
    wallet_past past;
    wallet_state *s = NULL;
    wallet_state_query q = { .account = who };
    uint64_t seen = 0;
    bool found;
    waiting w = { 0 };
    CHECK(history_mark_get(h, who, WAITING_MARK, &seen, &found, NULL) == PC_OK);
    CHECK(wallet_past_read(h, &past, NULL) == PC_OK);
    CHECK(wallet_state_fetch(c, k, &q, &s, NULL) == PC_OK);
    waiting_input in = { .state = s, .past = &past, .account = *who,
                         .seen_block = found ? seen : 0 };
    CHECK(waiting_compute(&in, &w, NULL) == PC_OK);
    size_t n = w.counts[WAITING_FILL];
    waiting_free(&w);
    wallet_state_free(s);
    wallet_past_free(&past);
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_waiting_marks RPC_URL CONTRACT_JSON\n");
        return 2;
    }
    pc_error err = { 0 };
    rpc_client *c = NULL;
    pc_contract *k = NULL;
    history *h = NULL;
    if (rpc_global_init(&err) != PC_OK || rpc_client_new(argv[1], 30, &c, &err) != PC_OK ||
        pc_contract_load_json(argv[2], &k, &err) != PC_OK ||
        history_open(c, k, &h, &err) != PC_OK || history_sync(h, c, NULL, NULL, NULL, &err) != PC_OK) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return 1;
    }
    eth_address a = account("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    eth_address cc = account("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    uint64_t head = 0, got = 0;
    bool found = true;
    CHECK(history_head(h, &head) && head > 0);
    CHECK(history_mark_get(h, &a, WAITING_MARK, &got, &found, NULL) == PC_OK && !found);
    CHECK(fills_waiting(c, k, h, &a) == 1);   /* A's buy filled in the demo */
    CHECK(history_mark_set(h, &a, WAITING_MARK, head, NULL) == PC_OK);
    CHECK(history_mark_get(h, &a, WAITING_MARK, &got, &found, NULL) == PC_OK && found &&
          got == head);
    CHECK(history_mark_get(h, &cc, WAITING_MARK, &got, &found, NULL) == PC_OK && !found);
    CHECK(fills_waiting(c, k, h, &a) == 0);   /* A has looked */
    CHECK(fills_waiting(c, k, h, &cc) == 1);  /* C has not */
    CHECK(history_mark_set(h, &cc, WAITING_MARK, 3, NULL) == PC_OK);
    history_close(h);
    h = NULL;
    /* Another handle, as another run would open it. */
    CHECK(history_open(c, k, &h, &err) == PC_OK);
    if (h) {
        CHECK(history_mark_get(h, &a, WAITING_MARK, &got, &found, NULL) == PC_OK && found &&
              got == head);
        CHECK(history_mark_get(h, &cc, WAITING_MARK, &got, &found, NULL) == PC_OK && found &&
              got == 3);
        CHECK(history_mark_set(h, &a, WAITING_MARK, head - 1, NULL) == PC_OK);
        CHECK(history_mark_get(h, &a, WAITING_MARK, &got, &found, NULL) == PC_OK && got == head - 1);
        CHECK(fills_waiting(c, k, h, &cc) == 1);
    }
    history_close(h);
    pc_contract_free(k);
    rpc_client_free(c);
    rpc_global_cleanup();
    return check_summary();
}
