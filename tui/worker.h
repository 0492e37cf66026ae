/* The panel's worker thread: every node call happens here, on its own
 * rpc_client, so the input thread never waits for the network.
 *
 * About once a second it polls eth_blockNumber; on a new block (or when asked
 * with tui_worker_refresh) it reads a whole snapshot in one batch, receipts of
 * pending transactions included, and then brings the history index
 * (wallet/history.h, its own SQLite connection, opened on this thread) up to
 * the node's head and derives the past from it (wallet/past.h; its reader
 * loads only the transactions of the new blocks): a first catch-up reports
 * its progress, and the live snapshot never waits for it. Snapshot and past
 * events say how long their parts took (tui/counters.h shows them).
 * Until a node answers, the pages get the past as the index of the
 * contract last written holds it (offline). The index and the past are
 * tied to the chain's genesis: a node that comes back on the same chain
 * keeps them (only new blocks are read); one on another chain drops them
 * (a PAST event with another_chain). A node that stops answering gives a
 * TUI_EV_CONN event with connected=false and is polled again every second
 * until it answers ("disconnected, retrying").
 * While the nodes are wanted (Network info is shown) it also probes every
 * configured node side by side every TUI_NODES_EVERY_MS (wallet/nodes.h)
 * and hands over the report (TUI_EV_NODES). With each past it reads the
 * account's "last looked" mark from the index (wallet/waiting.h), and it
 * sets the mark when asked (tui_worker_mark_seen).
 *
 * The input thread queues requests (prepare, send, cancel, read) and collects
 * events with tui_worker_poll; the two threads share nothing else.
 * Transactions go through wallet/'s transaction engine (wallet/engine.h),
 * which this thread steps: a prepared transaction is checked and simulated
 * on the node (the contract's texts and the figures before and after:
 * wallet/simulate.h), then waits for the person's word. Asked, it also
 * simulates the banker's settling of another account's withdrawal request
 * (wallet/settle.h: TUI_EV_SETTLE) for the Banker page. The confirmation
 * dialog never holds the nonce lock: the send takes it, re-reads the nonce
 * under it and lets go once the node has the transaction. Reads go through
 * wallet/read.h.
 *
 * The events of one transaction, by the id given to tui_worker_prepare:
 *   TUI_EV_PREPARED   tx (nonce, gas, fee), or status/msg: it failed (gone)
 *   TUI_EV_SIMULATED  sim, or status/msg: why there is no simulation; either
 *                     way it now waits for tui_worker_send or _cancel
 *   TUI_EV_SENT       hash, or status/msg: signing or sending failed (gone)
 *   TUI_EV_RESENT     given again to a node that had not seen it (any number)
 *   TUI_EV_MINED      outcome, or status/msg: lost, or its receipt unreadable
 * A cancelled transaction gets no further event (one already queued may
 * still come: the receiver matches ids). */
#ifndef TUI_WORKER_H
#define TUI_WORKER_H

#include <stdbool.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "keystore/secret.h"
#include "rpcclient/powerchain.h"
#include "wallet/engine.h"
#include "wallet/nodes.h"
#include "wallet/past.h"
#include "wallet/settle.h"
#include "wallet/state.h"

#define TUI_NODES_EVERY_MS 2000u

typedef struct tui_worker tui_worker;

typedef enum tui_ev_kind {
    TUI_EV_CONN,      /* connection state changed: connected, chain_id, msg, node;
                         another_chain: the node serves another chain than the
                         past shown, which is to be dropped (text says so) */
    TUI_EV_SNAPSHOT,  /* snap: a fresh snapshot, now owned by the receiver; node */
    TUI_EV_INDEXING,  /* the history index is catching up: done of total blocks */
    TUI_EV_PAST,      /* the index was brought up to date: past, derived from it and
                         now owned by the receiver, or NULL when no transaction
                         came since the last one; or status/msg: why the index
                         could not be opened or brought up to date */
    TUI_EV_PREPARED,  /* tx filled (nonce, gas, fee), or status/msg */
    TUI_EV_SIMULATED, /* sim (owned by the receiver), or status/msg: not simulated */
    TUI_EV_SENT,      /* hash, or status/msg (hash still set when it may have gone out) */
    TUI_EV_MINED,     /* outcome (owned by the receiver), or status/msg */
    TUI_EV_RESENT,    /* hash went again to node, which had not seen it */
    TUI_EV_READ,      /* text: the formatted result of a read job, or status/msg */
    TUI_EV_NODES,     /* nodes: every configured node's health, owned by the receiver */
    TUI_EV_SETTLE,    /* settle: the contract's word on settling a request, or
                         status/msg: why it could not be asked */
} tui_ev_kind;

#define TUI_READ_TEXT_MAX 256

typedef struct tui_ev {
    tui_ev_kind kind;
    unsigned id;            /* the job's id (0 for CONN and SNAPSHOT) */
    pc_status status;
    char msg[PC_ERROR_MSG_MAX];
    bool connected;
    uint64_t chain_id;
    wallet_state *snap;
    wallet_past *past;
    uint64_t done, total;   /* INDEXING */
    /* CONN and SNAPSHOT: the node the worker's client uses now (it fails
     * over between nodes by itself), owned by the receiver. The input thread
     * learns it only this way, never by touching the client. RESENT: the
     * node that was given the transaction again. */
    char *node;
    eth_tx tx;              /* PREPARED; data NULL (the calldata stays the worker's) */
    wallet_sim sim;         /* SIMULATED with status PC_OK */
    uint8_t hash[32];
    pc_outcome outcome;
    char text[TUI_READ_TEXT_MAX];   /* READ; CONN and PAST with another_chain */
    unsigned long requests;         /* SNAPSHOT: HTTP requests of the worker so far */
    unsigned long refresh_requests; /* SNAPSHOT: of which this snapshot took */
    unsigned long snapshot_us;      /* SNAPSHOT: how long its read took */
    unsigned long index_us;         /* PAST: how long the index step took */
    unsigned long past_us;          /* PAST: deriving the past; 0 when it stood */
    uint64_t past_head;             /* PAST without a past: the indexed block the last
                                       past stands for now (no transaction since) */
    bool has_seen;                  /* PAST: the mark of seen_account was read: */
    eth_address seen_account;
    uint64_t seen_block;            /* the block up to which it looked (0: never) */
    nodes_report *nodes;            /* NODES */
    wallet_settle settle;           /* SETTLE: what was asked, and the answer */
    bool offline;                   /* PAST: read from the index before any node
                                       answered, as the index stood at as_of */
    uint64_t as_of;                 /* PAST offline: when the index was last written
                                       (seconds since the epoch) */
    bool another_chain;             /* CONN, PAST: the node serves another chain than
                                       the past shown: drop it (text says so in a
                                       line for the header; PAST: msg says more) */
    bool whole;                     /* PAST: the whole index was read, not only the
                                       blocks new since the last past */
} tui_ev;

/* Starts the thread with its own client for urls[0], failing over to the
 * others in order (at most RPC_MAX_NODES). k must outlive the worker. */
pc_status tui_worker_start(const char *const urls[], size_t nurls, long timeout_s,
                           const char *cacert, const pc_contract *k, tui_worker **out,
                           pc_error *err);
/* Stops the thread (waits for the request in flight) and frees everything. */
void tui_worker_stop(tui_worker *w);

/* The account whose figures snapshots read; NULL for none. Triggers a refresh. */
void tui_worker_set_account(tui_worker *w, const eth_address *account);
/* Whether the charts' series (wallet_past_reader_series) are wanted in the
 * pasts handed over: the first replay runs over the whole history (tens of
 * milliseconds on a long one) and the next ones over the new transactions
 * only, and the replay's state takes memory, so only while they are shown
 * (turning them off drops it). Turning them on triggers a refresh. */
void tui_worker_want_series(tui_worker *w, bool want);
/* Whether the nodes' health is wanted (TUI_EV_NODES): probing every node
 * costs requests of each, so only while it is shown. Turning it on probes
 * at the next chance. */
void tui_worker_want_nodes(tui_worker *w, bool want);
/* Keeps in the index that `account` has looked at what waits for it up to
 * `block` (its WAITING_MARK). Lost when the index is not open. */
void tui_worker_mark_seen(tui_worker *w, const eth_address *account, uint64_t block);
/* Reads a snapshot at the next chance even without a new block. */
void tui_worker_refresh(tui_worker *w);

/* A transaction for the engine under `id` (the caller's, unique): the
 * worker prepares, checks and simulates it (TUI_EV_PREPARED, then
 * TUI_EV_SIMULATED) and keeps it until tui_worker_send or
 * tui_worker_cancel. t->data is copied before this returns. */
void tui_worker_prepare(tui_worker *w, unsigned id, const wallet_tx *t);
/* The person confirmed transaction `id`: signed with key (taken; freed
 * once signed) and sent (TUI_EV_SENT), then watched (TUI_EV_MINED). One
 * not waiting for confirmation (failed, cancelled, unknown) gets a
 * TUI_EV_SENT with an error. */
void tui_worker_send(tui_worker *w, unsigned id, secret *key);
/* Forgets transaction `id` unless it is signed already: whatever stage
 * it is at (preparing, simulating, waiting), nothing is sent. */
void tui_worker_cancel(tui_worker *w, unsigned id);
/* One read of method m with arguments as people write them, as `from`
 * (may be NULL); the result comes formatted with units. */
void tui_worker_read(tui_worker *w, unsigned id, const pc_method *m, const eth_address *from,
                     int argc, char *const argv[]);

/* Whether the contract lets `sender` settle (burn or unlock) `request`,
 * another account's withdrawal request: both simulated, nothing signed
 * (wallet/settle.h); the answer comes as TUI_EV_SETTLE. */
void tui_worker_try_settle(tui_worker *w, const eth_address *sender,
                           const view_withdrawal *request);

/* Takes the oldest event, if any, without blocking. */
bool tui_worker_poll(tui_worker *w, tui_ev *ev);
/* Frees what an event owns (snapshot, past, node, nodes, simulation, outcome). */
void tui_ev_clear(tui_ev *ev);

#endif
