#include "wallet/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"

/* Receipts asked for in one request. */
#define RECEIPT_BATCH 200
/* Signatures of one job when other signers keep taking its nonce. */
#define MAX_SIGNINGS 3
/* No receipt for this long: is the oldest transaction still in the pool? */
#define STALL_MS 3000
/* Transactions looked up and given again in one stalled round. */
#define RESEND_MAX 256

struct wallet_engine {
    rpc_client *c;
    const pc_contract *k;
    wallet_job_hook hook;
    void *user;
    sim_offers offers;
    wallet_job *jobs, **tail;
    /* A lock held for a run (wallet_engine_lock). */
    bool locked;
    nonce_lock lock;
    eth_address lock_from;
    uint64_t lock_chain;
    bool has_next_nonce;
    uint64_t next_nonce;
    /* The oldest transaction watched without a receipt, and since when:
     * the one every later one of its account waits for. */
    bool stalled_on;
    uint8_t stall_hash[32];
    uint64_t stall_ms;
};

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static void tell(wallet_engine *e, wallet_job *j, wallet_job_event ev)
{
    if (e->hook)
        e->hook(e->user, j, ev);
}

static bool settled(const wallet_job *j)
{
    return j->stage == WALLET_STAGE_DONE || j->stage == WALLET_STAGE_FAILED ||
           j->stage == WALLET_STAGE_CANCELLED;
}

/* The job fails at its stage with j->error already set; returns its status. */
static pc_status fail(wallet_engine *e, wallet_job *j)
{
    j->failed_at = j->stage;
    j->stage = WALLET_STAGE_FAILED;
    j->key = NULL;
    bytebuf_free(&j->raw);
    tell(e, j, WALLET_JOB_SETTLED);
    return j->error.status;
}

/* ---- CHECK ---- */

pc_status wallet_tx_check(const wallet_tx *t, const eth_tx *tx, secret *key, pc_error *err)
{
    if (t->has_chain_id && node_check_chain(tx->chain_id, t->chain_id, err) != PC_OK)
        return PC_ENODE;
    const u256 *per_gas = tx->type == ETH_TX_EIP1559 ? &tx->max_fee : &tx->gas_price;
    u256 fee, limit = u256_from_u64(tx->gas_limit);
    bool fits = u256_mul(&fee, &limit, per_gas);
    if (!fits || u256_cmp(&fee, &t->fee_cap) > 0) {
        char f[U256_DEC_MAX], g[U256_DEC_MAX], c[U256_DEC_MAX];
        u256_to_dec(per_gas, g);
        u256_to_dec(&t->fee_cap, c);
        if (fits)
            u256_to_dec(&fee, f);
        else
            snprintf(f, sizeof f, "more than 2^256");
        return pc_fail(err, PC_EINPUT,
                       "the fee can reach %s wei (%llu gas x %s wei/gas), above the fee cap of "
                       "%s wei; nothing signed: raise the cap with --fee-cap WEI or \"fee-cap = "
                       "WEI\" in the config file",
                       f, (unsigned long long)tx->gas_limit, g, c);
    }
    return key ? sender_key_check(key, &t->from, err) : PC_OK;
}

pc_cause wallet_outcome_cause(const pc_outcome *o)
{
    if (o->status != 1)
        return PC_CAUSE_REVERTED;
    return pc_outcome_ok(o) ? PC_CAUSE_NONE : PC_CAUSE_ERROR_EVENT;
}

/* ---- jobs ---- */

pc_status wallet_engine_new(rpc_client *c, const pc_contract *k, wallet_job_hook hook,
                            void *user, wallet_engine **out, pc_error *err)
{
    wallet_engine *e = calloc(1, sizeof *e);
    if (!e)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    e->c = c;
    e->k = k;
    e->hook = hook;
    e->user = user;
    e->tail = &e->jobs;
    e->lock.fd = -1;
    *out = e;
    return PC_OK;
}

static void job_free(wallet_job *j)
{
    bytebuf_free(&j->data);
    bytebuf_free(&j->raw);
    wallet_sim_free(&j->sim);
    node_receipt_free(&j->receipt);
    pc_outcome_free(&j->outcome);
    free(j);
}

void wallet_engine_free(wallet_engine *e)
{
    if (!e)
        return;
    wallet_engine_unlock(e);
    while (e->jobs) {
        wallet_job *j = e->jobs;
        e->jobs = j->next;
        job_free(j);
    }
    free(e);
}

static pc_status add(wallet_engine *e, unsigned id, const wallet_tx *t, secret *key,
                     wallet_job **out, pc_error *err)
{
    wallet_job *j = calloc(1, sizeof *j);
    if (!j || bytebuf_append(&j->data, t->data, t->data_len) != PC_OK) {
        free(j);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    j->id = id;
    j->t = *t;
    j->t.data = j->data.data;
    j->key = key;
    *e->tail = j;
    e->tail = &j->next;
    *out = j;
    return PC_OK;
}

pc_status wallet_engine_add(wallet_engine *e, unsigned id, const wallet_tx *t, secret *key,
                            wallet_job **out, pc_error *err)
{
    pc_status st = add(e, id, t, key, out, err);
    if (st == PC_OK)
        (*out)->stage = WALLET_STAGE_PREPARE;
    return st;
}

pc_status wallet_engine_add_prepared(wallet_engine *e, unsigned id, const wallet_tx *t,
                                     const eth_tx *tx, secret *key, wallet_job **out,
                                     pc_error *err)
{
    pc_status st = add(e, id, t, key, out, err);
    if (st == PC_OK) {
        wallet_job *j = *out;
        j->tx = *tx;
        j->tx.has_to = t->has_to;
        j->tx.to = t->to;
        j->tx.data = j->data.data;
        j->tx.data_len = j->data.len;
        j->stage = WALLET_STAGE_CHECK;
    }
    return st;
}

wallet_job *wallet_engine_next(const wallet_engine *e, const wallet_job *j)
{
    return j ? j->next : e->jobs;
}

wallet_job *wallet_engine_find(const wallet_engine *e, unsigned id)
{
    for (wallet_job *j = e->jobs; j; j = j->next)
        if (j->id == id)
            return j;
    return NULL;
}

void wallet_engine_remove(wallet_engine *e, wallet_job *j)
{
    for (wallet_job **p = &e->jobs; *p; p = &(*p)->next) {
        if (*p != j)
            continue;
        *p = j->next;
        if (e->tail == &j->next)
            e->tail = p;
        job_free(j);
        return;
    }
}

void wallet_job_confirm(wallet_job *j, secret *key)
{
    if (j->stage != WALLET_STAGE_CONFIRM)
        return;
    if (key)
        j->key = key;
    j->stage = WALLET_STAGE_SIGN;
}

void wallet_job_cancel(wallet_engine *e, wallet_job *j)
{
    if (j->stage > WALLET_STAGE_CONFIRM)
        return;
    pc_fail_cause(&j->error, PC_EINPUT, PC_CAUSE_CANCELLED, "cancelled; nothing was sent");
    j->stage = WALLET_STAGE_CANCELLED;
    j->key = NULL;
    tell(e, j, WALLET_JOB_SETTLED);
}

/* ---- PREPARE, CHECK, SIMULATE ---- */

static pc_status prepare(wallet_engine *e, wallet_job *j)
{
    sender_request req = { .from = j->t.from, .has_to = j->t.has_to, .to = j->t.to,
                           .data = j->data.data, .data_len = j->data.len, .fees = j->t.fees };
    pc_status st = sender_prepare(e->c, &req, &j->tx, &j->error);
    /* A call that reverts is simulated all the same, to say why; it is
     * never signed (it has no gas limit). */
    if (st == PC_ETX && j->error.cause == PC_CAUSE_REVERTED) {
        j->gas_problem = true;
        st = PC_OK;
    }
    if (st != PC_OK)
        return fail(e, j);
    j->stage = WALLET_STAGE_CHECK;
    return PC_OK;
}

static pc_status check(wallet_engine *e, wallet_job *j)
{
    pc_error err = { 0 };
    if (wallet_tx_check(&j->t, &j->tx, j->key, &err) != PC_OK) {
        j->error = err;
        return fail(e, j);
    }
    j->stage = j->t.skip_simulation ? WALLET_STAGE_CONFIRM : WALLET_STAGE_SIMULATE;
    tell(e, j, WALLET_JOB_PREPARED);
    return PC_OK;
}

static pc_status simulate(wallet_engine *e, wallet_job *j)
{
    pc_status st = wallet_simulate(e->c, e->k, &e->offers, &j->tx, &j->t.from, &j->sim,
                                   &j->sim_error);
    if (st == PC_ENOMEM) {
        j->error = j->sim_error;
        return fail(e, j);
    }
    j->has_sim = st == PC_OK;
    j->stage = WALLET_STAGE_CONFIRM;
    tell(e, j, WALLET_JOB_SIMULATED);
    return PC_OK;
}

/* ---- SIGN and SEND ---- */

/* What a node did with signed bytes. */
typedef enum offer_result { OFFER_TAKEN, OFFER_REFUSED, OFFER_UNREACHED } offer_result;

/* Gives the node in use the signed bytes. A refusal of bytes the node
 * already has ("already known", or "nonce too low" after a try whose
 * answer was lost) is taken: written once, for the send and the resend. */
static offer_result offer(wallet_engine *e, const bytebuf *raw, const uint8_t hash[32],
                          pc_error *err)
{
    uint8_t node_hash[32];
    pc_error sub = { 0 };
    pc_status st = node_send_raw(e->c, raw->data, raw->len, node_hash, &sub);
    if (st == PC_OK && memcmp(node_hash, hash, 32) != 0) {
        pc_fail_cause(err, PC_ENODE, PC_CAUSE_MALFORMED, "%s reported a different transaction "
                                                         "hash",
                      rpc_client_url(e->c));
        return OFFER_REFUSED;
    }
    bool known = false;
    if (st == PC_OK || (sub.cause == PC_CAUSE_REFUSED &&
                        node_tx_known(e->c, hash, &known, NULL) == PC_OK && known))
        return OFFER_TAKEN;
    pc_error_copy(err, &sub);
    return sub.cause == PC_CAUSE_UNREACHABLE || sub.cause == PC_CAUSE_TIMEOUT ? OFFER_UNREACHED
                                                                                : OFFER_REFUSED;
}

static pc_status next_nonce(rpc_client *c, const eth_address *from, uint64_t *nonce,
                            pc_error *err)
{
    cJSON *params = node_params_address_tag(from, "pending");
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    cJSON *res = NULL;
    pc_status st = rpc_call(c, "eth_getTransactionCount", params, true, &res, err);
    if (st == PC_OK)
        st = node_parse_u64(res, "nonce", nonce, err);
    cJSON_Delete(res);
    return st;
}

/* The account's lock on the node's chain (which must be `want` when
 * given); *chain_id receives it. */
static pc_status take_lock(const wallet_tx *t, rpc_client *c, nonce_lock *lock,
                           uint64_t *chain_id, pc_error *err)
{
    uint8_t genesis[32];
    pc_status st = node_chain_identity(c, chain_id, genesis, err);
    if (st == PC_OK && t->has_chain_id)
        st = node_check_chain(*chain_id, t->chain_id, err);
    return st == PC_OK ? nonce_lock_take(*chain_id, genesis, &t->from, t->wait_s, lock, err) : st;
}

pc_status wallet_engine_lock(wallet_engine *e, const wallet_tx *t, uint64_t *chain_id,
                             pc_error *err)
{
    uint64_t chain = 0;
    wallet_engine_unlock(e);
    pc_status st = take_lock(t, e->c, &e->lock, &chain, err);
    if (st != PC_OK)
        return st;
    e->locked = true;
    e->lock_from = t->from;
    e->lock_chain = chain;
    e->has_next_nonce = false;
    if (chain_id)
        *chain_id = chain;
    return PC_OK;
}

void wallet_engine_unlock(wallet_engine *e)
{
    nonce_lock_release(&e->lock);
    e->locked = false;
}

/* The nonce to sign with, under a lock: the engine's own count during a
 * run, else the node's next (the one shown at CONFIRM may be taken now). */
static pc_status nonce_for(wallet_engine *e, wallet_job *j, uint64_t chain, pc_error *err)
{
    if (j->tx.chain_id != chain)
        return node_check_chain(chain, j->tx.chain_id, err);
    if (!e->locked || !e->has_next_nonce) {
        pc_status st = next_nonce(e->c, &j->t.from, &j->tx.nonce, err);
        if (st != PC_OK || !e->locked)
            return st;
        e->next_nonce = j->tx.nonce;
        e->has_next_nonce = true;
    }
    j->tx.nonce = e->next_nonce;
    return PC_OK;
}

/* After a refusal of j's bytes: when another signer took its nonce, j
 * takes the node's next one; false otherwise. During a run, whose own
 * later transactions may wait in the node's pool and count in its pending
 * nonce, only a mined transaction at j's nonce says another signer took
 * it: signing again past a gap would leave every later transaction of the
 * run waiting for a nonce nobody sends. */
static bool take_next_nonce(wallet_engine *e, wallet_job *j)
{
    uint64_t mined = 0, node_next = 0;
    if (e->locked) {
        cJSON *params = node_params_address_tag(&j->t.from, "latest"), *res = NULL;
        bool ok = params && rpc_call(e->c, "eth_getTransactionCount", params, true, &res,
                                     NULL) == PC_OK &&
                  node_parse_u64(res, "nonce", &mined, NULL) == PC_OK;
        cJSON_Delete(res);
        if (!ok || mined <= j->tx.nonce)
            return false;
    }
    if (next_nonce(e->c, &j->t.from, &node_next, NULL) != PC_OK || node_next <= j->tx.nonce)
        return false;
    j->tx.nonce = node_next;
    if (e->locked)
        e->next_nonce = node_next;
    return true;
}

static pc_status sign(wallet_engine *e, wallet_job *j, pc_error *err)
{
    (void)e;
    bytebuf_free(&j->raw);
    pc_status st = sender_sign(&j->tx, j->key, &j->t.from, j->hash, &j->raw, err);
    j->has_hash = st == PC_OK;
    return st;
}

/* Sends j's signed bytes: the same bytes over a failover while the node
 * cannot be reached (up to send_tries); signed again with the node's next
 * nonce when another signer took this one. */
static pc_status send_signed(wallet_engine *e, wallet_job *j, pc_error *err)
{
    unsigned tries = j->t.send_tries ? j->t.send_tries : 1;
    for (int signing = 0; signing < MAX_SIGNINGS; signing++) {
        bool answer_lost = false;
        for (unsigned attempt = 0;; attempt++) {
            offer_result r = offer(e, &j->raw, j->hash, err);
            if (r == OFFER_TAKEN)
                return PC_OK;
            answer_lost = answer_lost || r == OFFER_UNREACHED;
            if (r == OFFER_REFUSED || attempt + 1 >= tries)
                break;
            if (attempt == 0)
                tell(e, j, WALLET_JOB_RETRYING);
            rpc_client_fail_over(e->c);
            sleep_ms(1000);
        }
        pc_status st = err->status;
        if (answer_lost || err->cause != PC_CAUSE_REFUSED || !take_next_nonce(e, j) ||
            (st = sign(e, j, err)) != PC_OK)
            return st;
    }
    return err->status;
}

/* The end of SIGN and SEND for j: sent (WATCH), or failed with the hash
 * in the message when it was signed. */
static pc_status sent_or_failed(wallet_engine *e, wallet_job *j, pc_status st)
{
    j->key = NULL;
    if (st != PC_OK) {
        /* Signed, then refused (the node's reason follows), or the answer
         * was lost: then the hash is all there is. */
        if (j->has_hash && st == PC_ENODE) {
            char hex[65];
            hex_encode(j->hash, 32, hex);
            pc_error_prefix(&j->error,
                            j->error.cause == PC_CAUSE_REFUSED
                                ? "transaction 0x%s was not taken"
                                : "transaction 0x%s may or may not have reached the node",
                            hex);
        }
        return fail(e, j);
    }
    if (e->locked && j->tx.nonce + 1 > e->next_nonce)
        e->next_nonce = j->tx.nonce + 1;
    j->sent = true;
    j->moves = rpc_client_moves(e->c);
    j->stage = WALLET_STAGE_WATCH;
    tell(e, j, WALLET_JOB_SENT);
    return PC_OK;
}

/* What SIGN needs before a nonce: no gas problem, a key. */
static pc_status ready_to_sign(wallet_job *j)
{
    if (j->gas_problem)
        return j->error.status; /* the estimate's revert, kept in error */
    if (!j->key)
        return pc_fail(&j->error, PC_EKEY, "no key to sign with");
    return PC_OK;
}

static pc_status sign_stage(wallet_engine *e, wallet_job *j)
{
    pc_error *err = &j->error;
    if (ready_to_sign(j) != PC_OK)
        return fail(e, j);
    nonce_lock lock = { .fd = -1 };
    uint64_t chain = e->lock_chain;
    pc_status st = PC_OK;
    if (e->locked && !eth_address_equal(&e->lock_from, &j->t.from))
        st = pc_fail(err, PC_EINPUT, "the engine holds another account's nonce lock");
    else if (!e->locked)
        st = take_lock(&j->t, e->c, &lock, &chain, err);
    if (st == PC_OK)
        st = nonce_for(e, j, chain, err);
    j->stage = WALLET_STAGE_SEND;
    if (st == PC_OK)
        st = sign(e, j, err);
    if (st == PC_OK)
        st = send_signed(e, j, err);
    nonce_lock_release(&lock);
    return sent_or_failed(e, j, st);
}

pc_status wallet_engine_step(wallet_engine *e, wallet_job *j)
{
    switch (j->stage) {
    case WALLET_STAGE_PREPARE: return prepare(e, j);
    case WALLET_STAGE_CHECK: return check(e, j);
    case WALLET_STAGE_SIMULATE: return simulate(e, j);
    case WALLET_STAGE_SIGN:
    case WALLET_STAGE_SEND: return sign_stage(e, j);
    case WALLET_STAGE_FAILED: return j->error.status;
    case WALLET_STAGE_CONFIRM:
    case WALLET_STAGE_WATCH:
    case WALLET_STAGE_DONE:
    case WALLET_STAGE_CANCELLED: break;
    }
    return PC_OK;
}

/* ---- gas for a batch ---- */

pc_status wallet_engine_simulates(wallet_engine *e, bool *yes, pc_error *err)
{
    sim_method via = SIM_UNKNOWN;
    pc_status st = sim_probe(e->c, &e->offers, &via, err);
    *yes = st == PC_OK && via == SIM_SIMULATE_V1;
    return st;
}

/* One batch of estimates; identical calldata (a meter repeating itself)
 * shares one: the node's estimates are what slows a batch down. */
static pc_status estimate_batch(wallet_engine *e, const eth_address *from, const bytebuf data[],
                                size_t n, uint64_t gas[], pc_error why[], pc_error *err)
{
    size_t *call_of = calloc(n, sizeof *call_of), ncalls = 0;
    rpc_batch *b = rpc_batch_new();
    pc_status st = call_of && b ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; st == PC_OK && i < n; i++) {
        size_t j = 0;
        while (j < i && !(data[j].len == data[i].len &&
                          memcmp(data[j].data, data[i].data, data[i].len) == 0))
            j++;
        if (j < i) {
            call_of[i] = call_of[j];
            continue;
        }
        call_of[i] = ncalls++;
        if (rpc_batch_add(b, "eth_estimateGas",
                          node_params_call(from, pc_contract_address(e->k), data[i].data,
                                           data[i].len, NULL)) < 0)
            st = pc_fail(err, PC_ENOMEM, "out of memory");
    }
    if (st == PC_OK)
        st = rpc_batch_send(e->c, b, true, err);
    for (size_t i = 0; st == PC_OK && i < n; i++) {
        uint64_t g = 0;
        const cJSON *res = rpc_batch_result(b, call_of[i], &why[i]);
        bool parsed = res && node_parse_u64(res, "gas estimate", &g, &why[i]) == PC_OK;
        if (parsed && g > 0 && g <= UINT64_MAX / 2)
            gas[i] = g * 2;
        else if (parsed)
            pc_fail(&why[i], PC_ENODE, "the node's gas estimate %llu is absurd",
                    (unsigned long long)g);
        else
            pc_error_prefix(&why[i], "cannot estimate gas");
    }
    rpc_batch_free(b);
    free(call_of);
    return st;
}

pc_status wallet_engine_gas(wallet_engine *e, const eth_address *from, const bytebuf data[],
                            size_t n, uint64_t gas[], pc_error why[], pc_error *err)
{
    bool simulated = false;
    pc_status st = wallet_sim_gas(e->c, e->k, &e->offers, from, data, n, gas, why, &simulated,
                                  err);
    /* A node may refuse a batch it offers to simulate (its own limit on
     * calls, say): its estimates still serve. */
    bool refused = st == PC_ENODE && err && err->cause == PC_CAUSE_REFUSED;
    if ((st == PC_OK && !simulated) || refused)
        st = estimate_batch(e, from, data, n, gas, why, err);
    return st;
}

/* ---- WATCH ---- */

size_t wallet_engine_watching(const wallet_engine *e)
{
    size_t n = 0;
    for (const wallet_job *j = e->jobs; j; j = j->next)
        n += j->stage == WALLET_STAGE_WATCH;
    return n;
}

size_t wallet_engine_receipt_queries(const wallet_engine *e, wallet_receipt_query *q,
                                     size_t max)
{
    size_t n = 0;
    for (const wallet_job *j = e->jobs; j && n < max; j = j->next)
        if (j->stage == WALLET_STAGE_WATCH) {
            memset(&q[n], 0, sizeof q[n]);
            memcpy(q[n++].hash, j->hash, 32);
        }
    return n;
}

/* A creation's address follows from its sender and nonce: a node whose
 * receipt names another would have the deployment file point anywhere. */
static pc_status check_created_address(const wallet_job *j, pc_error *err)
{
    eth_address want;
    pc_status st = eth_tx_create_address(&j->t.from, j->tx.nonce, &want, err);
    if (st == PC_OK && !eth_address_equal(&want, &j->receipt.contract_address)) {
        char said[ETH_ADDRESS_TEXT_LEN], made[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&j->receipt.contract_address, said);
        eth_address_to_checksum(&want, made);
        st = pc_fail(err, PC_ENODE,
                     "the node's receipt names contract %s, but this creation (nonce %llu) made "
                     "%s: do not trust this node",
                     said, (unsigned long long)j->tx.nonce, made);
    }
    return st;
}

/* A receipt came: the outcome (Info/Error texts, status, revert reason). */
static void settle_mined(wallet_engine *e, wallet_job *j, node_receipt *r)
{
    j->receipt = *r;
    memset(r, 0, sizeof *r);
    pc_status st = PC_OK;
    if (!j->t.has_to && j->receipt.has_contract_address)
        st = check_created_address(j, &j->error);
    if (st == PC_OK)
        st = pc_outcome_from_receipt(e->k, &j->receipt, &j->outcome, &j->error);
    if (st != PC_OK) {
        node_receipt_free(&j->receipt);
        fail(e, j);
        return;
    }
    if (j->receipt.status == 0 && !j->t.events_only)
        j->outcome.revert_reason = sender_revert_reason(e->c, &j->t.from,
                                                        j->t.has_to ? &j->t.to : NULL,
                                                        j->data.data, j->data.len,
                                                        j->receipt.block);
    j->out_of_gas = j->receipt.status == 0 && j->receipt.gas_used == j->tx.gas_limit;
    bytebuf_free(&j->raw);
    j->stage = WALLET_STAGE_DONE;
    tell(e, j, WALLET_JOB_SETTLED);
}

/* Gives the node in use j's signed bytes when it does not know them: after
 * a failover (it never saw them), or when receipts stopped coming (it
 * dropped them from its pool: anvil loses one now and then among a batch
 * of sends). A node that refuses them (their nonce is used there) means
 * the transaction can never be mined: lost. False when the node could not
 * be asked. */
static bool give_again_if_unknown(wallet_engine *e, wallet_job *j, bool moved)
{
    bool known = false;
    if (node_tx_known(e->c, j->hash, &known, NULL) != PC_OK)
        return false;
    if (!known) {
        pc_error err = { 0 };
        offer_result r = offer(e, &j->raw, j->hash, &err);
        if (r == OFFER_UNREACHED)
            return false;
        if (r == OFFER_REFUSED) {
            char h[67];
            hex_encode(j->hash, 32, h);
            pc_fail_cause(&j->error, PC_ETX, PC_CAUSE_LOST,
                          moved ? "transaction 0x%s was lost with the node that took it, and "
                                  "the next node refuses it: %s"
                                : "transaction 0x%s was dropped by the node, which refuses it "
                                  "again: %s",
                          h, err.msg);
            fail(e, j);
            return true;
        }
        tell(e, j, WALLET_JOB_RESENT);
    }
    j->moves = rpc_client_moves(e->c);
    return true;
}

/* The job at WATCH with this hash, looked for from `from` on (queries come
 * in the jobs' order, so the next one is usually the one after the last),
 * then from the start. */
static wallet_job *watched_by_hash(wallet_engine *e, wallet_job *from, const uint8_t hash[32])
{
    for (int pass = 0; pass < 2; pass++) {
        for (wallet_job *j = pass ? e->jobs : from; j; j = j->next)
            if (j->stage == WALLET_STAGE_WATCH && memcmp(j->hash, hash, 32) == 0)
                return j;
        if (!from)
            break;
    }
    return NULL;
}

/* Gives the node again every watched transaction it does not know, in
 * the order they were sent (nonce order for an account), at most
 * RESEND_MAX a round, until the node cannot be asked. */
static void give_again_unknown(wallet_engine *e)
{
    size_t given = 0;
    for (wallet_job *j = e->jobs; j && given < RESEND_MAX; j = j->next) {
        if (j->stage != WALLET_STAGE_WATCH)
            continue;
        if (!give_again_if_unknown(e, j, false))
            return;
        given++;
    }
}

void wallet_engine_take_receipts(wallet_engine *e, wallet_receipt_query *q, size_t n)
{
    bool reachable = true, settled_one = false;
    wallet_job *cursor = e->jobs, *oldest = NULL;
    for (size_t i = 0; i < n; i++) {
        wallet_job *j = watched_by_hash(e, cursor, q[i].hash);
        if (j)
            cursor = j->next;
        /* A receipt of another transaction than asked for is no answer. */
        if (q[i].found && j && memcmp(q[i].receipt.tx_hash, q[i].hash, 32) == 0) {
            settle_mined(e, j, &q[i].receipt);
            settled_one = true;
        } else if (j && reachable && rpc_client_moves(e->c) != j->moves) {
            reachable = give_again_if_unknown(e, j, true);
        } else if (j && (!oldest || j->tx.nonce < oldest->tx.nonce)) {
            oldest = j;
        }
        if (q[i].found)
            node_receipt_free(&q[i].receipt);
    }
    /* The oldest without a receipt for a while: it, and what waits behind
     * it, may be gone from the node's pool (a restart without its pool
     * drops every pending transaction). Sends that go on meanwhile do not
     * count as progress: they queue behind the missing nonce. */
    uint64_t now = now_ms();
    if (settled_one || !oldest || !e->stalled_on ||
        memcmp(e->stall_hash, oldest->hash, 32) != 0) {
        e->stalled_on = oldest != NULL;
        if (oldest)
            memcpy(e->stall_hash, oldest->hash, 32);
        e->stall_ms = now;
    } else if (now - e->stall_ms >= STALL_MS && reachable) {
        give_again_unknown(e);
        e->stall_ms = now;
    }
}

pc_status wallet_engine_watch(wallet_engine *e, pc_error *err)
{
    size_t m = wallet_engine_watching(e);
    if (m == 0)
        return PC_OK;
    wallet_receipt_query *q = calloc(m, sizeof *q);
    if (!q)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    m = wallet_engine_receipt_queries(e, q, m);
    pc_status st = PC_OK;
    /* Every query is asked before any is taken: taking settles jobs, and
     * a resend after a failover needs the answers of the round. */
    for (size_t at = 0; st == PC_OK && at < m; at += RECEIPT_BATCH) {
        size_t n = m - at < RECEIPT_BATCH ? m - at : RECEIPT_BATCH;
        rpc_batch *b = rpc_batch_new();
        st = b ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
        for (size_t i = 0; st == PC_OK && i < n; i++)
            if (rpc_batch_add(b, "eth_getTransactionReceipt", node_params_hash(q[at + i].hash)) <
                0)
                st = pc_fail(err, PC_ENOMEM, "out of memory");
        if (st == PC_OK)
            st = rpc_batch_send(e->c, b, true, err);
        for (size_t i = 0; st == PC_OK && i < n; i++) {
            const cJSON *res = rpc_batch_result(b, i, NULL);
            /* An answer that does not parse is asked again next round. */
            if (!res || node_parse_receipt(res, &q[at + i].receipt, &q[at + i].found, NULL) !=
                            PC_OK)
                q[at + i].found = false;
        }
        rpc_batch_free(b);
    }
    if (st == PC_OK)
        wallet_engine_take_receipts(e, q, m);
    else
        for (size_t i = 0; i < m; i++)
            if (q[i].found)
                node_receipt_free(&q[i].receipt);
    free(q);
    return st;
}

pc_status wallet_engine_wait(wallet_engine *e, wallet_job *j, unsigned timeout_ms,
                             void (*progress)(void *user, unsigned elapsed_ms), void *user,
                             pc_error *err)
{
    enum { FIRST_POLL_MS = 25, LAST_POLL_MS = 1000, TICK_MS = 100 };
    uint64_t start = now_ms(), next_poll = start;
    unsigned poll_ms = FIRST_POLL_MS;
    for (;;) {
        size_t watching = wallet_engine_watching(e);
        if (j ? settled(j) : watching == 0)
            return PC_OK;
        uint64_t now = now_ms();
        if (now >= next_poll) {
            pc_error sub = { 0 };
            /* A node away meanwhile is asked again until the deadline. */
            if (wallet_engine_watch(e, &sub) == PC_ENOMEM)
                return pc_error_copy(err, &sub);
            size_t left = wallet_engine_watching(e);
            if (j ? settled(j) : left == 0)
                return PC_OK;
            /* Quickly while receipts come (automining devnets, a batch being
             * mined), then less and less often, up to every second. */
            poll_ms = left < watching ? FIRST_POLL_MS
                                      : (poll_ms < LAST_POLL_MS ? poll_ms * 2 : LAST_POLL_MS);
            now = now_ms();
            next_poll = now + poll_ms;
        }
        unsigned elapsed = (unsigned)(now - start);
        if (elapsed >= timeout_ms) {
            if (!j)
                return pc_fail(err, PC_ETIMEOUT, "%zu transactions have no receipt after %u s; "
                                                 "they may still be mined",
                               wallet_engine_watching(e), timeout_ms / 1000);
            char h[67];
            hex_encode(j->hash, 32, h);
            return pc_fail(err, PC_ETIMEOUT, "no receipt for 0x%s after %u s; it may still be "
                                             "mined",
                           h, timeout_ms / 1000);
        }
        if (progress)
            progress(user, elapsed);
        uint64_t until = next_poll - now < TICK_MS ? next_poll - now : TICK_MS;
        sleep_ms((unsigned)until);
    }
}
