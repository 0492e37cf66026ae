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
 * The index is opened again after the node came back, in case it is another
 * chain now. A node that stops answering gives a
 * TUI_EV_CONN event with connected=false and is polled again every second
 * until it answers ("disconnected, retrying").
 *
 * The input thread queues jobs (prepare, send, read) and collects events with
 * tui_worker_poll; the two threads share nothing else. Jobs go through
 * wallet/: the transaction pipeline (wallet/txpipe.h) and the read
 * (wallet/read.h). A prepare takes no nonce lock, so the confirmation dialog
 * never holds it; the send takes it, re-reads the nonce under it and lets
 * go once the node has the transaction. */
#ifndef TUI_WORKER_H
#define TUI_WORKER_H

#include <stdbool.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "keystore/secret.h"
#include "rpcclient/powerchain.h"
#include "wallet/past.h"
#include "wallet/state.h"
#include "wallet/txpipe.h"

typedef struct tui_worker tui_worker;

typedef enum tui_ev_kind {
    TUI_EV_CONN,      /* connection state changed: connected, chain_id, msg, node */
    TUI_EV_SNAPSHOT,  /* snap: a fresh snapshot, now owned by the receiver; node */
    TUI_EV_INDEXING,  /* the history index is catching up: done of total blocks */
    TUI_EV_PAST,      /* the index was brought up to date: past, derived from it and
                         now owned by the receiver, or NULL when no transaction
                         came since the last one; or status/msg: why the index
                         could not be opened or brought up to date */
    TUI_EV_PREPARED,  /* tx filled (nonce, gas, fee), or status/msg */
    TUI_EV_SENT,      /* hash, or status/msg (hash still set when it may have gone out) */
    TUI_EV_MINED,     /* outcome (owned by the receiver), or status/msg */
    TUI_EV_RESENT,    /* hash went again to node, which had not seen it */
    TUI_EV_READ,      /* text: the formatted result of a read job, or status/msg */
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
    eth_tx tx;              /* its data points into the request the caller keeps */
    uint8_t hash[32];
    pc_outcome outcome;
    char text[TUI_READ_TEXT_MAX];
    unsigned long requests;         /* SNAPSHOT: HTTP requests of the worker so far */
    unsigned long refresh_requests; /* SNAPSHOT: of which this snapshot took */
    unsigned long snapshot_us;      /* SNAPSHOT: how long its read took */
    unsigned long index_us;         /* PAST: how long the index step took */
    unsigned long past_us;          /* PAST: deriving the past; 0 when it stood */
    uint64_t past_head;             /* PAST without a past: the indexed block the last
                                       past stands for now (no transaction since) */
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
/* Whether the charts' series (wallet_past_series) are wanted in the pasts
 * handed over: replaying them costs tens of milliseconds per new
 * transaction on a long history, so only while they are shown. Turning
 * them on triggers a refresh. */
void tui_worker_want_series(tui_worker *w, bool want);
/* Reads a snapshot at the next chance even without a new block. */
void tui_worker_refresh(tui_worker *w);

/* wallet_tx_prepare on the worker (no lock); t->data must stay valid until
 * the TUI_EV_PREPARED event with this id has been handled. */
void tui_worker_prepare(tui_worker *w, unsigned id, const wallet_tx *t);
/* wallet_tx_send_prepared of tx (as prepared for t, data copied) on the
 * worker, then watches for its receipt. Takes ownership of key, which is
 * freed once the transaction is signed. */
void tui_worker_send(tui_worker *w, unsigned id, const wallet_tx *t, const eth_tx *tx,
                     secret *key);
/* One read of method m with arguments as people write them, as `from`
 * (may be NULL); the result comes formatted with units. */
void tui_worker_read(tui_worker *w, unsigned id, const pc_method *m, const eth_address *from,
                     int argc, char *const argv[]);

/* Takes the oldest event, if any, without blocking. */
bool tui_worker_poll(tui_worker *w, tui_ev *ev);
/* Frees what an event owns (snapshot, past, node, outcome). */
void tui_ev_clear(tui_ev *ev);

#endif
