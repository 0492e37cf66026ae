/* What the panel's pages (screens/) read and ask of the shell.
 *
 * Layout (tui/chrome.h; at least 80x24): header (chain id, block, node,
 * connection; account and roles), sidebar of pages, the page, a message
 * line with the decoded Info/Error of the last transaction, and a line of
 * key hints (tui/run.h runs it all).
 *
 * Pages never talk to the node. They draw from the latest snapshot and open
 * forms; a form naming a contract method runs the whole signing flow
 * (tui/action.h): field checks -> nonce, gas and fee from the worker ->
 * confirmation (what the call does, its fee and warnings: tui/confirm.h)
 * -> password when the account is locked (checked off this thread) -> send
 * -> spinner until the receipt -> the outcome on the message line and in
 * tui_app_tx_at. A send that cannot be prepared or fails reopens its form
 * as typed, with the reason. */
#ifndef TUI_APP_H
#define TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rpcclient/powerchain.h"
#include "tui/action.h"
#include "tui/formspec.h"
#include "tui/page.h"
#include "tui/wallet.h"
#include "wallet/names.h"
#include "wallet/nodes.h"
#include "wallet/past.h"
#include "wallet/roles.h"
#include "wallet/settle.h"
#include "wallet/state.h"
#include "wallet/waiting.h"

typedef struct tui_app tui_app;

/* ---- what pages ask ---- */

/* Opens a form (the spec is copied) once the page's key or click has been
 * handled. A form naming a method is refused, with a message, while
 * another transaction is being prepared. */
void tui_app_open_form(tui_app *app, const tui_form_spec *spec);
/* Opens a form whose presets already say everything and submits it at once:
 * the confirmation follows as usual. A field that fails its check leaves
 * the form open with the reason next to it. */
void tui_app_submit_form(tui_app *app, const tui_form_spec *spec);

/* Asks the worker for one read; its formatted result comes to the message line. */
void tui_app_read(tui_app *app, pc_fn method, int argc, char *const argv[]);

/* Shows a line on the message line. */
void tui_app_message(tui_app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Sends seq (tui/term.h's sequences) to the terminal after the next
 * refresh, so that it never cuts into ncurses' output. */
void tui_app_term(tui_app *app, const char *seq);

/* Shows page i (as its key would). */
void tui_app_go_page(tui_app *app, size_t i);

/* The account changed (Accounts page): re-read everything as it. */
void tui_app_account_changed(tui_app *app);

/* Ends the panel asking its caller to run it again on network i (see
 * tui_config.switch_to); refused with a message while transactions of this
 * session wait for their receipts. */
void tui_app_switch_network(tui_app *app, size_t i);

/* ---- what pages read ---- */

/* The latest snapshot, or NULL before the first one (and its figures may be
 * a few seconds old while disconnected: see tui_app_connected). */
const wallet_state *tui_app_snapshot(const tui_app *app);
/* What the history index says of the past (unit owners, withdrawal
 * requests, every transaction to the contract), or NULL before it was
 * first read; it may be older than the snapshot. */
const wallet_past *tui_app_past(const tui_app *app);
/* Why the index could not be opened or brought up to date the last time,
 * or "" when it was. */
const char *tui_app_past_problem(const tui_app *app);
/* True while the index catches up, with its progress in blocks. */
bool tui_app_indexing(const tui_app *app, uint64_t *done, uint64_t *total);
/* The WALLET_ROLE_* bits (wallet/roles.h) of the snapshot's account; 0
 * before the first snapshot or without an account. Unit owners come from
 * tui_app_past: before it, the unit-owner bit is clear. */
unsigned tui_app_roles(const tui_app *app);
bool tui_app_connected(const tui_app *app);
/* True while no node has answered and the pages show the history index's
 * past (tui_page.offline); out then receives what the header says of it,
 * "offline, as of block #N (time)". */
bool tui_app_offline(const tui_app *app, char *out, size_t cap);
uint64_t tui_app_chain_id(const tui_app *app);
/* The node the panel reads from now (it changes when the worker fails over). */
const char *tui_app_node(const tui_app *app);
const pc_contract *tui_app_contract(const tui_app *app);
/* The address book of the configuration (may be NULL). */
const names *tui_app_names(const tui_app *app);
tui_wallet *tui_app_wallet(tui_app *app);
/* The same, read only, for drawing. */
const tui_wallet *tui_app_wallet_view(const tui_app *app);
/* The configuration's named networks (tui_config.networks) and the one in
 * use (NULL when none was chosen by name). */
size_t tui_app_network_count(const tui_app *app);
const char *tui_app_network_at(const tui_app *app, size_t i);
const char *tui_app_network(const tui_app *app);
/* What waits for the snapshot's account (wallet/waiting.h, tui/waits.h),
 * or NULL before it is known. */
const waiting *tui_app_waiting(const tui_app *app);
/* The page that acts on items of kind k (other than the one that lists
 * them all), or -1; and "5 Voting", page i's key and title. */
int tui_app_page_for(const tui_app *app, waiting_kind k);
void tui_app_page_label(const tui_app *app, size_t i, char *out, size_t cap);
/* Every configured node's health as last probed (only while a page that
 * shows it, tui_page.shows_nodes, is or was shown), or NULL. */
const nodes_report *tui_app_nodes(const tui_app *app);

/* The contract's word on the snapshot's account settling (burning,
 * unlocking) another account's withdrawal request, simulated on the node
 * (wallet/settle.h) once the account is the banker and such a request is
 * in the index, and again when that request changes; NULL before the
 * answer, or when it could not be asked. */
const wallet_settle *tui_app_settle(const tui_app *app);

/* Milliseconds since the panel started (for spinners). */
unsigned long tui_app_clock_ms(const tui_app *app);

/* This session's transactions (tui/action.h), oldest first: description,
 * hash, state (tui_action_tx_state), block and outcome. */
size_t tui_app_tx_count(const tui_app *app);
const tui_action *tui_app_tx_at(const tui_app *app, size_t i);

#endif
