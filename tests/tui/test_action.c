/* The panel's action machine (tui/action.h), event by event, without a
 * terminal or a worker: the way through (form, prepare, simulate, confirm,
 * password, send, receipt), the simulation kept and a refusal it foresees
 * answered No by default, cancels in each state before sending (the
 * worker told to forget its job, its late answers changing nothing), a
 * second action refused while one is in front, a wrong password then the
 * right one, failed prepares and sends that bring the form back as typed
 * (or not, when the transaction may be out), the outcome recorded, and the
 * number of transactions kept. */
#include <stdlib.h>

#include "../check.h"
#include "tui/action.h"

static const tui_form_spec SPEC = {
    .title = "Send ENT",
    .method = PC_FN_TRANSFER_ENT,
    .nfields = 2,
    .fields = { { .label = "To", .kind = PC_ARG_ADDRESS }, { .label = "Amount", .kind = PC_ARG_ENT } },
};

static tui_effects fx;

static bool feed(tui_actions *m, tui_act_event ev)
{
    return tui_actions_step(m, &ev, &fx);
}

/* Whether the last step asked for `kind`, and its text then. */
static const tui_effect *did(tui_effect_kind kind)
{
    for (size_t i = 0; i < fx.n; i++)
        if (fx.at[i].kind == kind)
            return &fx.at[i];
    return NULL;
}

static const char *message(void)
{
    const tui_effect *e = did(TUI_DO_MESSAGE);
    return e ? e->text : "";
}

/* Opens the form and submits it as typed: the action is PREPARING. */
static unsigned submit(tui_actions *m, const char *to, const char *amount)
{
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX] = { 0 };
    snprintf(text[0], sizeof text[0], "%s", to);
    snprintf(text[1], sizeof text[1], "%s", amount);
    tui_call call = { .method = pc_method_find("transferENT"), .nargs = 2 };
    snprintf(call.description, sizeof call.description, "transferENT %s %s ENT", to, amount);
    bytebuf_append(&call.calldata, (const uint8_t *)"\xa9\x05\x9c\xbb", 4);
    wallet_tx base = { .wait_s = 5 };
    CHECK(feed(m, (tui_act_event){ .kind = TUI_ACT_OPEN, .spec = &SPEC }));
    CHECK(feed(m, (tui_act_event){ .kind = TUI_ACT_SUBMIT, .call = &call, .text = text,
                                   .base = &base }));
    CHECK(call.calldata.data == NULL); /* taken */
    CHECK(did(TUI_DO_CLOSE_FORM) && did(TUI_DO_PREPARE));
    const tui_action *a = tui_actions_front(m);
    CHECK(a && a->state == TUI_ACTION_PREPARING);
    CHECK(a && a->t.data == a->call.calldata.data && a->t.data_len == 4);
    return a ? a->id : 0;
}

/* A simulation as the worker hands it over: its texts (an Error when
 * `error`), owned. */
static wallet_sim simulation(bool error)
{
    wallet_sim sim = { .via = SIM_SIMULATE_V1, .has_texts = true, .ntexts = 1,
                       .outcome = error ? WALLET_SIM_ERROR : WALLET_SIM_OK };
    sim.texts = calloc(1, sizeof *sim.texts);
    sim.texts[0] = (pc_event){ .is_error = error,
                               .text = strdup(error ? "Not enough locked eEuro tokens"
                                                    : "Transfer >> 1.5 ENT") };
    return sim;
}

static void prepared_only(tui_actions *m, unsigned id)
{
    eth_tx tx = { .nonce = 7, .gas_limit = 50000, .chain_id = 4200 };
    CHECK(feed(m, (tui_act_event){ .kind = TUI_ACT_PREPARED, .id = id, .tx = &tx }));
    const tui_action *a = tui_actions_find(m, id);
    CHECK(a && a->state == TUI_ACTION_SIMULATING && a->tx.nonce == 7);
    CHECK(a && a->call.calldata.data == NULL); /* the worker has its own copy */
}

/* Prepared and simulated (the contract says Info): CONFIRMING. */
static void prepared(tui_actions *m, unsigned id)
{
    prepared_only(m, id);
    wallet_sim sim = simulation(false);
    CHECK(feed(m, (tui_act_event){ .kind = TUI_ACT_SIMULATED, .id = id, .sim = &sim }));
    CHECK(sim.texts == NULL); /* taken */
    const tui_action *a = tui_actions_find(m, id);
    CHECK(a && a->state == TUI_ACTION_CONFIRMING && a->has_sim && !a->refused);
    CHECK(a && a->sign_focused);
    CHECK_STR(a ? a->sim.texts[0].text : "", "Transfer >> 1.5 ENT");
}

static const uint8_t HASH[32] = { 0xab, 0xcd, 1, 2, 3 };
static const uint8_t NO_HASH[32];

static void the_way_through(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "1.5");
    prepared(&m, id);
    CHECK(tui_actions_front(&m)->sign_focused);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_YES }));
    CHECK(did(TUI_DO_SEND) && did(TUI_DO_SEND)->id == id);
    CHECK(strstr(message(), "sending") != NULL);
    CHECK(tui_actions_front(&m) == NULL); /* the person may start another */
    CHECK(tui_actions_sent_count(&m) == 1 && tui_actions_pending(&m) == 1);
    CHECK(tui_action_tx_state(tui_actions_sent_at(&m, 0)) == TUI_TX_SIGNING);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .hash = HASH }));
    CHECK_STR(message(), "sent 0xabcd010203000000..., waiting for the receipt");
    CHECK(tui_action_tx_state(tui_actions_sent_at(&m, 0)) == TUI_TX_PENDING);
    CHECK(tui_actions_find(&m, id)->call.calldata.data == NULL); /* the worker copied it */

    pc_event ev = { .is_error = false, .text = "Transfer >> 1.5 ENT" };
    pc_outcome o = { .block = 12, .status = 1, .events = &ev, .nevents = 1 };
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_MINED, .id = id, .outcome = &o }));
    const tui_action *a = tui_actions_sent_at(&m, 0);
    CHECK(a->state == TUI_ACTION_DONE && !a->failed && a->block == 12);
    CHECK(tui_action_tx_state(a) == TUI_TX_MINED);
    CHECK_STR(a->outcome, "Info: Transfer >> 1.5 ENT");
    CHECK(did(TUI_DO_MESSAGE) && !did(TUI_DO_MESSAGE)->error);
    CHECK(tui_actions_pending(&m) == 0);
    /* A second receipt for it changes nothing. */
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_MINED, .id = id, .outcome = &o }));
    tui_actions_free(&m);
}

static void outcomes(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "A", "9");
    prepared(&m, id);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_YES });
    feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .hash = HASH });
    pc_event ev = { .is_error = true, .text = "Not enough ENT tokens" };
    pc_outcome o = { .block = 3, .status = 1, .events = &ev, .nevents = 1 };
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_MINED, .id = id, .outcome = &o }));
    const tui_action *a = tui_actions_find(&m, id);
    CHECK(a->failed && tui_action_tx_state(a) == TUI_TX_FAILED);
    CHECK_STR(a->outcome, "Error: Not enough ENT tokens");
    CHECK(did(TUI_DO_MESSAGE)->error);

    char out[256];
    pc_outcome reverted = { .status = 0, .revert_reason = "Panic(17)" };
    tui_outcome_text(&reverted, out, sizeof out);
    CHECK_STR(out, "reverted: Panic(17)");
    pc_outcome silent = { .status = 1 };
    tui_outcome_text(&silent, out, sizeof out);
    CHECK_STR(out, "mined, no Info or Error event");

    /* A receipt that will never come. */
    id = submit(&m, "A", "1");
    prepared(&m, id);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_YES });
    feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .hash = HASH });
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_MINED, .id = id, .status = PC_ETX,
                                    .msg = "the node refuses it: nonce too low" }));
    CHECK(tui_actions_find(&m, id)->failed);
    CHECK_STR(tui_actions_find(&m, id)->outcome, "the node refuses it: nonce too low");
    tui_actions_free(&m);
}

static void cancel_while_preparing(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "A", "1");
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    CHECK(did(TUI_DO_CANCEL) && did(TUI_DO_CANCEL)->id == id); /* the worker forgets it */
    CHECK_STR(message(), "cancelled; nothing was sent");
    CHECK(tui_actions_front(&m) == NULL && tui_actions_find(&m, id) == NULL);
    /* Another action at once: the worker has its own copy of the first. */
    unsigned second = submit(&m, "B", "2");
    CHECK(second != id);
    /* An answer for the cancelled one, already on its way: nothing changes. */
    eth_tx tx = { .nonce = 1 };
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_PREPARED, .id = id, .tx = &tx }));
    CHECK(fx.n == 0);
    CHECK(tui_actions_front(&m)->id == second);
    CHECK(tui_actions_front(&m)->state == TUI_ACTION_PREPARING);
    CHECK(tui_actions_sent_count(&m) == 0);
    tui_actions_free(&m);
}

static void cancel_while_simulating(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "A", "1");
    prepared_only(&m, id);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    CHECK(did(TUI_DO_CANCEL) && did(TUI_DO_CANCEL)->id == id);
    CHECK_STR(message(), "cancelled; nothing was sent");
    CHECK(tui_actions_find(&m, id) == NULL);
    /* Its simulation comes after all: not taken (the shell frees it). */
    wallet_sim sim = simulation(false);
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_SIMULATED, .id = id, .sim = &sim }));
    CHECK(sim.texts != NULL);
    wallet_sim_free(&sim);
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_YES }));
    CHECK(!did(TUI_DO_SEND));
    tui_actions_free(&m);
}

static void simulations(void)
{
    tui_actions m = { 0 };
    /* The contract would refuse it: Enter answers No. */
    unsigned id = submit(&m, "A", "0.3");
    prepared_only(&m, id);
    wallet_sim sim = simulation(true);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SIMULATED, .id = id, .sim = &sim }));
    const tui_action *a = tui_actions_front(&m);
    CHECK(a && a->state == TUI_ACTION_CONFIRMING && a->refused && !a->sign_focused);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_ENTER }));
    CHECK(!did(TUI_DO_SEND) && did(TUI_DO_CANCEL));
    CHECK_STR(message(), "cancelled; nothing was sent");
    /* ... but y signs all the same: the person decides. */
    id = submit(&m, "A", "0.3");
    prepared_only(&m, id);
    sim = simulation(true);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_SIMULATED, .id = id, .sim = &sim });
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_YES }));
    CHECK(did(TUI_DO_SEND) && did(TUI_DO_SEND)->id == id);
    /* No simulation: why is kept for the dialog, and the focus on sign. */
    id = submit(&m, "A", "1");
    prepared_only(&m, id);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SIMULATED, .id = id, .status = PC_ENODE,
                                    .msg = "the node offers no simulation" }));
    a = tui_actions_front(&m);
    CHECK(a && a->state == TUI_ACTION_CONFIRMING && !a->has_sim && !a->refused);
    CHECK(a && a->sign_focused);
    CHECK_STR(a ? a->no_sim : "", "the node offers no simulation");
    /* Answers out of turn change nothing. */
    eth_tx tx = { 0 };
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_PREPARED, .id = id, .tx = &tx }));
    tui_actions_free(&m);
}

static void cancel_while_editing_or_confirming(void)
{
    tui_actions m = { 0 };
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_OPEN, .spec = &SPEC }));
    CHECK(tui_actions_front(&m)->state == TUI_ACTION_EDITING);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    CHECK(!did(TUI_DO_CANCEL)); /* no job yet */
    CHECK(tui_actions_front(&m) == NULL && m.n == 0);

    unsigned id = submit(&m, "A", "1");
    prepared(&m, id);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    CHECK_STR(message(), "cancelled; nothing was sent");
    CHECK(did(TUI_DO_CANCEL) != NULL);
    CHECK(m.n == 0 && tui_actions_sent_count(&m) == 0);
    /* Keys with nothing in front. */
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_YES }));
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    tui_actions_free(&m);
}

static void the_focused_button(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "A", "1");
    prepared(&m, id);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_FOCUS }));
    CHECK(!tui_actions_front(&m)->sign_focused);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_ENTER }));
    CHECK_STR(message(), "cancelled; nothing was sent");
    CHECK(!did(TUI_DO_SEND));

    id = submit(&m, "A", "1");
    prepared(&m, id);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_ENTER }));
    CHECK(did(TUI_DO_SEND));
    /* Focus moves only in the dialog. */
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_FOCUS }));
    tui_actions_free(&m);
}

static void passwords(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "A", "1");
    prepared(&m, id);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_YES, .locked = true }));
    CHECK(did(TUI_DO_ASK_PASSWORD) && !did(TUI_DO_ASK_PASSWORD)->text[0]);
    CHECK(!did(TUI_DO_SEND));
    CHECK(tui_actions_front(&m)->state == TUI_ACTION_UNLOCKING);
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_PASSWORD }));
    CHECK(tui_actions_front(&m)->checking);
    /* Wrong: asked again, saying why. */
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_UNLOCKED, .id = id, .status = PC_EKEY,
                                    .msg = "wrong password" }));
    CHECK(did(TUI_DO_ASK_PASSWORD));
    CHECK_STR(did(TUI_DO_ASK_PASSWORD)->text, "wrong password");
    CHECK(did(TUI_DO_MESSAGE)->error);
    CHECK(!tui_actions_front(&m)->checking && !did(TUI_DO_SEND));
    /* Right: sent. */
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_PASSWORD }));
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_UNLOCKED, .id = id }));
    CHECK(did(TUI_DO_SEND) && did(TUI_DO_SEND)->id == id);
    CHECK(tui_actions_find(&m, id)->state == TUI_ACTION_SENDING);
    tui_actions_free(&m);
}

static void cancel_while_unlocking(void)
{
    tui_actions m = { 0 };
    /* In the password dialog. */
    unsigned id = submit(&m, "A", "1");
    prepared(&m, id);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_YES, .locked = true });
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    CHECK_STR(message(), "cancelled; nothing was sent");
    CHECK(did(TUI_DO_CANCEL) != NULL);
    CHECK(tui_actions_find(&m, id) == NULL);
    /* While the password is checked: the check's end sends nothing. */
    id = submit(&m, "A", "1");
    prepared(&m, id);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_YES, .locked = true });
    feed(&m, (tui_act_event){ .kind = TUI_ACT_PASSWORD });
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_NO }));
    CHECK_STR(message(), "cancelled; nothing was sent");
    CHECK(did(TUI_DO_CANCEL) != NULL);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_UNLOCKED, .id = id });
    CHECK(!did(TUI_DO_SEND));
    CHECK(tui_actions_sent_count(&m) == 0 && tui_actions_front(&m) == NULL);
    tui_actions_free(&m);
}

static void one_at_a_time(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "A", "1");
    /* While one is prepared, another form naming a method is refused. */
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_OPEN, .spec = &SPEC }));
    CHECK(did(TUI_DO_MESSAGE) && did(TUI_DO_MESSAGE)->error);
    CHECK(strstr(message(), "another transaction") != NULL);
    tui_call call = { .method = pc_method_find("transferENT") };
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX] = { 0 };
    wallet_tx base = { 0 };
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_SUBMIT, .call = &call, .text = text,
                                    .base = &base }));
    CHECK(tui_actions_front(&m)->id == id && tui_actions_front(&m)->state == TUI_ACTION_PREPARING);
    /* And while one is confirmed. */
    prepared(&m, id);
    CHECK(!feed(&m, (tui_act_event){ .kind = TUI_ACT_OPEN, .spec = &SPEC }));
    /* Once it is sent, the next may start while it waits for its receipt. */
    feed(&m, (tui_act_event){ .kind = TUI_ACT_YES });
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_OPEN, .spec = &SPEC }));
    tui_actions_free(&m);
}

static void failed_prepare(void)
{
    tui_actions m = { 0 };
    unsigned id = submit(&m, "dave", "1.5");
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_PREPARED, .id = id, .status = PC_EINPUT,
                                    .msg = "the fee can reach 1 ETH" }));
    const tui_action *a = tui_actions_front(&m);
    CHECK(a && a->id == id && a->state == TUI_ACTION_EDITING && a->call.calldata.data == NULL);
    CHECK(!did(TUI_DO_CANCEL)); /* the worker dropped it */
    CHECK(did(TUI_DO_EDIT) && did(TUI_DO_EDIT)->id == id);
    CHECK_STR(did(TUI_DO_EDIT)->text, "not sent: the fee can reach 1 ETH");
    CHECK_STR(a->text[0], "dave");
    CHECK_STR(a->text[1], "1.5");
    /* Submitted again from the form brought back. */
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX] = { "dave", "1" };
    tui_call call = { .method = pc_method_find("transferENT") };
    bytebuf_append(&call.calldata, (const uint8_t *)"\x01", 1);
    wallet_tx base = { 0 };
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SUBMIT, .call = &call, .text = text,
                                   .base = &base }));
    CHECK(tui_actions_front(&m)->state == TUI_ACTION_PREPARING);
    CHECK_STR(tui_actions_front(&m)->text[1], "1");
    tui_actions_free(&m);
}

/* Signed and handed to the worker, which answers with `status`. */
static unsigned sending(tui_actions *m, const char *amount)
{
    unsigned id = submit(m, "dave", amount);
    prepared(m, id);
    feed(m, (tui_act_event){ .kind = TUI_ACT_YES });
    return id;
}

static void failed_send(void)
{
    tui_actions m = { 0 };
    /* Refused before anything was signed: the form comes back as typed. */
    unsigned id = sending(&m, "2.5");
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .status = PC_EKEY,
                                    .msg = "the key is locked", .hash = NO_HASH }));
    const tui_action *a = tui_actions_find(&m, id);
    CHECK(a->state == TUI_ACTION_DONE && a->failed && !a->has_hash);
    CHECK_STR(a->outcome, "the key is locked");
    CHECK(tui_action_tx_state(a) == TUI_TX_FAILED);
    const tui_action *again = tui_actions_front(&m);
    CHECK(again && again->id != id && again->state == TUI_ACTION_EDITING);
    CHECK(did(TUI_DO_EDIT) && did(TUI_DO_EDIT)->id == again->id);
    CHECK_STR(did(TUI_DO_EDIT)->text, "not sent: the key is locked");
    CHECK_STR(again->text[0], "dave");
    CHECK_STR(again->text[1], "2.5");
    CHECK(again->spec.method == PC_FN_TRANSFER_ENT);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_NO });

    /* The person is busy with another form: the message only. */
    id = sending(&m, "3");
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .status = PC_ENODE,
                                    .msg = "refused", .hash = NO_HASH, .busy = true }));
    CHECK(!did(TUI_DO_EDIT) && tui_actions_front(&m) == NULL);
    CHECK(strstr(message(), "refused") != NULL);
    tui_actions_free(&m);
}

static void node_lost_while_sending(void)
{
    tui_actions m = { 0 };
    /* Lost before signing: nothing went out, the form comes back. */
    unsigned id = sending(&m, "1");
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .status = PC_ENODE,
                                    .msg = "cannot reach the node", .hash = NO_HASH }));
    CHECK(did(TUI_DO_EDIT) != NULL);
    CHECK(tui_actions_find(&m, id)->failed);
    feed(&m, (tui_act_event){ .kind = TUI_ACT_NO });
    /* Lost after signing: the node may have it, so it is not offered
     * again (a second one could be mined beside it). */
    id = sending(&m, "1");
    CHECK(feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .status = PC_ENODE,
                                    .msg = "the node did not answer", .hash = HASH }));
    CHECK(!did(TUI_DO_EDIT) && tui_actions_front(&m) == NULL);
    const tui_action *a = tui_actions_find(&m, id);
    CHECK(a->failed && a->has_hash && memcmp(a->hash, HASH, 32) == 0);
    CHECK(strstr(message(), "0xabcd010203000000") != NULL);
    CHECK(strstr(message(), "not offered again") != NULL);
    tui_actions_free(&m);
}

static void kept(void)
{
    tui_actions m = { 0 };
    unsigned first = 0;
    for (int i = 0; i < TUI_ACTIONS_KEPT + 5; i++) {
        unsigned id = sending(&m, "1");
        first = first ? first : id;
        feed(&m, (tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .hash = HASH });
        pc_outcome o = { .block = (uint64_t)i, .status = 1 };
        feed(&m, (tui_act_event){ .kind = TUI_ACT_MINED, .id = id, .outcome = &o });
    }
    CHECK(tui_actions_sent_count(&m) == TUI_ACTIONS_KEPT);
    CHECK(tui_actions_find(&m, first) == NULL);
    CHECK(tui_actions_sent_at(&m, 0)->block == 5);
    CHECK(tui_actions_sent_at(&m, TUI_ACTIONS_KEPT - 1)->block == TUI_ACTIONS_KEPT + 4);
    CHECK(tui_actions_sent_at(&m, TUI_ACTIONS_KEPT) == NULL);
    tui_actions_free(&m);
}

int main(void)
{
    the_way_through();
    outcomes();
    cancel_while_preparing();
    cancel_while_simulating();
    simulations();
    cancel_while_editing_or_confirming();
    the_focused_button();
    passwords();
    cancel_while_unlocking();
    one_at_a_time();
    failed_prepare();
    failed_send();
    node_lost_while_sending();
    kept();
    return check_summary();
}
