/* The one transaction engine under the command line, the panel and the
 * meter: one set of pending transactions (jobs) on one node client, each
 * going through the same stages, each rule written once here.
 *
 *   PREPARE   nonce, gas limit and fees from the node (rpcclient/sender.h),
 *             or none for a job added prepared (wallet_engine_add_prepared).
 *             An estimate that fails because the call reverts does not stop
 *             the job: the simulation says why, and signing it is refused.
 *   CHECK     wallet_tx_check: the chain the person pinned, the fee cap,
 *             and the key (when given already) is the sending account's.
 *   SIMULATE  wallet/simulate.h: the node runs it (eth_simulateV1, else
 *             debug_traceCall, else eth_call); skipped with skip_simulation.
 *             A simulation the node could not give (sim_error) does not stop
 *             the job: the confirmation says so.
 *   CONFIRM   waits for the front end: wallet_job_confirm (with the key) or
 *             wallet_job_cancel. Nothing below is done without it.
 *   SIGN      the account's nonce lock (one per account and chain, so two
 *             processes never take the same nonce) and the nonce read under
 *             it -- or, while the engine holds the lock for a run, the next
 *             of its own count -- then the signature, refused when the key
 *             is not the account's or the node is on another chain.
 *   SEND      eth_sendRawTransaction, tried up to send_tries times over a
 *             failover (the same bytes: mined at most once); a refusal of
 *             bytes the node already knows is success; a refusal because
 *             another signer took the nonce signs again with the next one.
 *             The lock is released once the node has the transaction.
 *   WATCH     receipts (wallet_engine_watch, or a caller's own batch with
 *             wallet_engine_receipt_queries and wallet_engine_take_receipts);
 *             the node in use is given the same signed bytes when it does
 *             not know them: after a failover (it never saw them), and when
 *             no receipt came for 3 s (it dropped them: a restart, an
 *             eviction), the oldest transaction first; a node that refuses
 *             them makes the job lost (cause PC_CAUSE_LOST).
 *   DONE      mined: receipt and outcome (Info/Error texts, status, revert
 *             reason); a creation's address checked against sender and
 *             nonce. Whether it succeeded is wallet_outcome_cause's to say.
 *   FAILED    error says why (and the hash when it was signed).
 *   CANCELLED the front end said no at CONFIRM; nothing was signed.
 *
 * Drivers: the command line steps one job in a blocking loop (cli/
 * transact.c, wallet_engine_wait), the panel's worker steps its jobs a stage
 * at a time between the panel's requests and watches them with each
 * snapshot (tui/worker.c), `meter run` adds prepared jobs in bulk under a
 * lock held for the run (cli/cmd_meter.c). Each stage's work happens on the
 * caller's thread; an engine is used by one thread at a time.
 *
 * Events: the hook hears every job's progress (below). Ownership: the
 * engine owns its jobs (wallet_engine_remove frees one, wallet_engine_free
 * all); a job copies the calldata it is given; a key given to a job is
 * borrowed and forgotten when the step that signs returns. */
#ifndef WALLET_ENGINE_H
#define WALLET_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "keystore/secret.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "rpcclient/sender.h"
#include "rpcclient/simulate.h"
#include "wallet/nonce_lock.h"
#include "wallet/simulate.h"
#include "wallet/state.h"

#define WALLET_DEFAULT_WAIT_S 120

/* One transaction to make. data is copied when the job is added. */
typedef struct wallet_tx {
    eth_address from;
    bool has_to;              /* false: contract creation */
    eth_address to;
    const uint8_t *data;
    size_t data_len;
    bool has_chain_id;        /* the chain the person expects (else the node's) */
    uint64_t chain_id;
    unsigned wait_s;          /* longest wait for the nonce lock, and for the receipt */
    sender_fees fees;         /* the person's gas limit and fees, else the node's */
    u256 fee_cap;             /* the most, in wei, the fee may reach (wallet_tx_check) */
    bool skip_simulation;     /* SIMULATE does nothing (a meter's batch has its own) */
    unsigned send_tries;      /* SEND's tries over failovers, 1 second apart; 0 means 1 */
    bool events_only;         /* DONE: no revert reason asked of the node for status 0 */
} wallet_tx;

/* CHECK, on its own for what signs without a node (send --raw): tx must be
 * for the chain t pins (PC_ENODE, cause PC_CAUSE_WRONG_CHAIN), its highest
 * possible fee -- gas limit x max fee per gas, or x gas price -- within
 * t->fee_cap (PC_EINPUT saying the fee, the cap and how to raise it: the
 * total, not the price, because a node can inflate either factor and the
 * total is what the account can lose; 0, the default, suits PowerChain's
 * zero-fee chains), and key, when not NULL, t->from's (PC_EKEY). Nothing
 * is signed when it fails. */
pc_status wallet_tx_check(const wallet_tx *t, const eth_tx *tx, secret *key, pc_error *err);

/* How a mined transaction ended, as a code: PC_CAUSE_NONE (status 1, no
 * Error event), PC_CAUSE_REVERTED (status 0) or PC_CAUSE_ERROR_EVENT. */
pc_cause wallet_outcome_cause(const pc_outcome *o);

typedef enum wallet_stage {
    WALLET_STAGE_PREPARE,
    WALLET_STAGE_CHECK,
    WALLET_STAGE_SIMULATE,
    WALLET_STAGE_CONFIRM,
    WALLET_STAGE_SIGN,        /* SIGN and SEND run in one step, under the lock */
    WALLET_STAGE_SEND,
    WALLET_STAGE_WATCH,
    WALLET_STAGE_DONE,
    WALLET_STAGE_FAILED,
    WALLET_STAGE_CANCELLED,
} wallet_stage;

/* A job. Read-only for callers: the engine alone changes it. */
typedef struct wallet_job {
    unsigned id;              /* the caller's */
    wallet_stage stage;
    wallet_tx t;              /* t.data points into data */
    bytebuf data;
    eth_tx tx;                /* after PREPARE; tx.data points into data */
    bool has_sim;             /* after SIMULATE, unless skipped or it failed */
    wallet_sim sim;
    pc_error sim_error;       /* why SIMULATE failed (the job goes on to CONFIRM without
                                 a simulation); status PC_OK when it did not */
    bool has_hash;            /* signed: hash and (until settled) raw */
    uint8_t hash[32];
    bytebuf raw;
    bool sent;                /* a node has it (SEND succeeded) */
    node_receipt receipt;     /* DONE */
    pc_outcome outcome;       /* DONE */
    bool out_of_gas;          /* DONE: status 0 with every gas unit used */
    pc_error error;           /* FAILED, CANCELLED: why; also a prepare problem kept
                                 for SIGN (gas_problem) */
    wallet_stage failed_at;   /* FAILED: the stage that failed */
    /* The engine's own bookkeeping. */
    bool gas_problem;         /* PREPARE could not estimate gas: error says why */
    secret *key;              /* borrowed until the signing step returns */
    unsigned long moves;      /* rpc_client_moves when the node in use last had it */
    struct wallet_job *next;
} wallet_job;

/* What the hook hears, for one job. */
typedef enum wallet_job_event {
    WALLET_JOB_PREPARED,   /* CHECK passed: tx is what will be signed (its nonce may
                              still move: SIGN reads it again under the lock) */
    WALLET_JOB_SIMULATED,  /* sim holds the simulation */
    WALLET_JOB_RETRYING,   /* a send went unanswered: the same bytes go again every
                              second; error says why */
    WALLET_JOB_SENT,       /* a node has the transaction: hash */
    WALLET_JOB_RESENT,     /* after a failover the node in use had not seen it and was
                              given the same bytes (rpc_client_url names it) */
    WALLET_JOB_SETTLED,    /* DONE, FAILED or CANCELLED */
} wallet_job_event;

/* Called on the stepping thread. The hook may take j->sim (at SIMULATED)
 * or j->outcome (at SETTLED) for itself, leaving zeroed structs behind;
 * it must not add, remove or step jobs. */
typedef void (*wallet_job_hook)(void *user, wallet_job *j, wallet_job_event ev);

typedef struct wallet_engine wallet_engine;

/* An engine for transactions to k (NULL: creations only) through c, both
 * borrowed for the engine's life. hook may be NULL. PC_ENOMEM. */
pc_status wallet_engine_new(rpc_client *c, const pc_contract *k, wallet_job_hook hook,
                            void *user, wallet_engine **out, pc_error *err);
/* Releases a lock held for a run and frees every job (a job sent and not
 * mined is forgotten, not cancelled: the node has it). */
void wallet_engine_free(wallet_engine *e);

/* A new job at PREPARE, under the caller's id; key (may be NULL) is
 * borrowed for CHECK and signing, and may be given at CONFIRM instead.
 * PC_ENOMEM. */
pc_status wallet_engine_add(wallet_engine *e, unsigned id, const wallet_tx *t, secret *key,
                            wallet_job **out, pc_error *err);
/* A new job at CHECK with tx already prepared (chain id, fees, gas limit;
 * the nonce is SIGN's). PC_ENOMEM. */
pc_status wallet_engine_add_prepared(wallet_engine *e, unsigned id, const wallet_tx *t,
                                     const eth_tx *tx, secret *key, wallet_job **out,
                                     pc_error *err);
/* The job after j (NULL: the first), in the order they were added; NULL
 * after the last. */
wallet_job *wallet_engine_next(const wallet_engine *e, const wallet_job *j);
/* The job with the caller's id, or NULL. */
wallet_job *wallet_engine_find(const wallet_engine *e, unsigned id);
/* Forgets a job (at any stage: a job being watched stops being watched). */
void wallet_engine_remove(wallet_engine *e, wallet_job *j);

/* Runs j's next stage: PREPARE, CHECK or SIMULATE one at a time, SIGN and
 * SEND together; nothing at CONFIRM (until confirmed), WATCH (that is
 * wallet_engine_watch's) or a settled stage. Returns PC_OK while the job
 * goes on (or waits), else the failure, which j->error holds too and j is
 * FAILED: PC_EINPUT (fee cap, a gas limit that could not be had), PC_EKEY,
 * PC_ENODE (the node: unreachable, refused -- cause PC_CAUSE_REFUSED --,
 * another chain), PC_ETX (the call reverts, so no gas limit: nothing
 * signed), PC_ETIMEOUT (the nonce lock), PC_EIO, PC_ENOMEM. A send whose
 * answer was lost names the hash. */
pc_status wallet_engine_step(wallet_engine *e, wallet_job *j);

/* CONFIRM -> SIGN with key (borrowed until the next step returns; NULL
 * keeps the one given at add). Ignored at other stages. */
void wallet_job_confirm(wallet_job *j, secret *key);
/* Before SIGN: CANCELLED, error set to why (PC_EINPUT, cause
 * PC_CAUSE_CANCELLED, "cancelled; nothing was sent"), the hook told.
 * Ignored from SIGN on. */
void wallet_job_cancel(wallet_engine *e, wallet_job *j);

/* Holds t->from's nonce lock on the node's chain (chain id and genesis
 * block, one request; the chain must be t->chain_id when pinned) until
 * wallet_engine_unlock: jobs signed meanwhile take consecutive nonces from
 * the node's next one without asking again. *chain_id (may be NULL)
 * receives the chain. PC_ENODE, PC_ETIMEOUT (another process holds it),
 * PC_EIO. */
pc_status wallet_engine_lock(wallet_engine *e, const wallet_tx *t, uint64_t *chain_id,
                             pc_error *err);
void wallet_engine_unlock(wallet_engine *e);

/* Whether the node in use offers eth_simulateV1 (probed once per node).
 * PC_ENODE when it could not be asked. */
pc_status wallet_engine_simulates(wallet_engine *e, bool *yes, pc_error *err);

/* Gas limits for n (at most SIM_MAX_CALLS) transactions from `from` to
 * the engine's contract, to be sent in this order (a meter's batch): from
 * ONE eth_simulateV1 of them all in one block where the node offers it (and
 * does not refuse this one),
 * each one's own gas used made a limit by wallet_gas_limit (so a
 * transaction an earlier one of the batch makes dearer gets its own,
 * dearer, gas); else one batch of eth_estimateGas, identical calldata
 * sharing one estimate, each doubled -- an estimate sees the state before
 * the batch, so the caller must not batch transactions that change each
 * other's cost (wallet_engine_simulates tells when it must not). gas[i]
 * stays 0 for a transaction that has none (why[i] says why: it would
 * revert, or the node refused its estimate). PC_ENODE when the node could
 * not be asked at all (nothing filled), PC_ENOMEM. */
pc_status wallet_engine_gas(wallet_engine *e, const eth_address *from, const bytebuf data[],
                            size_t n, uint64_t gas[], pc_error why[], pc_error *err);

/* Jobs at WATCH. */
size_t wallet_engine_watching(const wallet_engine *e);
/* The receipt queries of every job at WATCH (at most max), for a caller
 * that asks for them in a batch of its own (wallet_state_query). Fills q;
 * returns how many. */
size_t wallet_engine_receipt_queries(const wallet_engine *e, wallet_receipt_query *q,
                                     size_t max);
/* Takes the answers to those queries: found receipts settle their jobs
 * (DONE, or FAILED when the outcome cannot be read); for the others, after
 * a failover, the node in use is given the bytes it never saw. Frees the
 * receipts it took. */
void wallet_engine_take_receipts(wallet_engine *e, wallet_receipt_query *q, size_t n);
/* One round of both for every job at WATCH: batches of receipt queries,
 * then wallet_engine_take_receipts. PC_ENODE when the node could not be
 * asked (the jobs stay at WATCH), PC_ENOMEM. */
pc_status wallet_engine_watch(wallet_engine *e, pc_error *err);

/* Watches until j (NULL: every job) is settled or timeout_ms passes:
 * quickly at first (automining devnets), then every second; node failures
 * meanwhile are retried until the deadline. progress (may be NULL) hears
 * the time waited about every 100 ms. PC_OK when settled (see j->stage),
 * PC_ETIMEOUT naming the hash of j ("it may still be mined"), PC_ENOMEM. */
pc_status wallet_engine_wait(wallet_engine *e, wallet_job *j, unsigned timeout_ms,
                             void (*progress)(void *user, unsigned elapsed_ms), void *user,
                             pc_error *err);

#endif
