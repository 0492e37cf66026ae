/* The binding's table by id, the vote-string codec (written from decoded
 * calls, read back from what a node lists, malformed strings from outside
 * included), a decoded call as people read it, and the sentences of
 * intent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "rpcclient/calltext.h"
#include "rpcclient/vote.h"

#define ALICE "f39fd6e51aad88f6f4ce6ab8827279cfffb92266"
#define BOB "70997970c51812dc3a010c7d01b50e0d17dc79c8"

/* Every id names its own entry, every entry has its id, and names are one
 * per function. */
static void test_ids(void)
{
    size_t n;
    const pc_method *all = pc_methods(&n);
    CHECK(n == PC_FN_COUNT - 1);
    for (size_t i = 0; i < n; i++) {
        CHECK(all[i].name != NULL && all[i].id != PC_FN_NONE);
        CHECK(pc_method_get(all[i].id) == &all[i]);
        CHECK(pc_method_find(all[i].name) == &all[i]);
        /* Exactly the vote functions have a vote string. */
        CHECK((all[i].kind == PC_VOTE) == (all[i].vote != NULL));
    }
    CHECK(pc_method_get(PC_FN_NONE) == NULL);
    CHECK(pc_method_get(PC_FN_COUNT) == NULL);
    CHECK_STR(pc_method_get(PC_FN_BALANCE_EEURO)->name, "balanceeEuro");
    CHECK_STR(pc_method_get(PC_FN_REMOVE_ORDER)->name, "removeOrder");
    CHECK(pc_method_get(PC_FN_TRANSFER_ENT)->args[1] == PC_ARG_ENT);
}

/* The decoded arguments of a call, as pc_decode_calldata gives them. */
static abi_value encoded_args(pc_fn id, int argc, char *const argv[])
{
    const pc_method *m = pc_method_get(id), *back = NULL;
    bytebuf b = BYTEBUF_INIT;
    abi_value args = { .kind = ABI_TUPLE };
    CHECK(pc_encode_call(m, argc, argv, &b, NULL) == PC_OK);
    CHECK(pc_decode_calldata(b.data, b.len, &back, &args, NULL) == PC_OK && back == m);
    bytebuf_free(&b);
    return args;
}

static const char *written(pc_fn id, int argc, char *const argv[], uint64_t round)
{
    static char out[PC_VOTE_TEXT_MAX];
    abi_value args = encoded_args(id, argc, argv);
    pc_error err = { 0 };
    if (pc_vote_write(pc_method_get(id), &args, round, out, sizeof out, &err) != PC_OK)
        snprintf(out, sizeof out, "error: %.120s", err.msg);
    abi_value_free(&args);
    return out;
}

static void test_write(void)
{
    char *bob[] = { "0x" BOB };
    char *unit[] = { "0x" BOB, "0x" ALICE };
    char *param_c[] = { "C", "0.05" };
    char *param_h[] = { "H", "3" };
    CHECK_STR(written(PC_FN_ADD_VOTER, 1, bob, 0), "Add_Voter_" BOB);
    CHECK_STR(written(PC_FN_ADD_VOTER, 1, bob, 2), "Add_Voter_" BOB "_2");
    CHECK_STR(written(PC_FN_REMOVE_VOTER, 1, bob, 0), "Remove_Voter_" BOB);
    CHECK_STR(written(PC_FN_REGISTER_STORAGE_UNIT, 2, unit, 0), "register_" BOB "_" ALICE);
    CHECK_STR(written(PC_FN_REMOVE_STORAGE_UNIT, 1, bob, 0), "remove_" BOB);
    CHECK_STR(written(PC_FN_CHANGE_BANKER, 1, bob, 1), "changeBankerTo_" BOB "_1");
    CHECK_STR(written(PC_FN_SET_PARAMETER, 2, param_c, 0), "setParameter_C_50000000000000000");
    CHECK_STR(written(PC_FN_SET_PARAMETER, 2, param_h, 0), "setParameter_H_3");
    CHECK_STR(written(PC_FN_DESTROY, 0, NULL, 0), "destroy_contract");
    CHECK_STR(written(PC_FN_DESTROY, 0, NULL, 1), "destroy_contract_1");

    /* Not a vote, arguments that are not the function's, no room. */
    char out[16] = "x";
    abi_value none = { .kind = ABI_TUPLE };
    CHECK(pc_vote_write(pc_method_get(PC_FN_TRANSFER_ENT), &none, 0, out, sizeof out, NULL) ==
          PC_EINPUT);
    CHECK(pc_vote_write(pc_method_get(PC_FN_ADD_VOTER), &none, 0, out, sizeof out, NULL) ==
          PC_EINPUT);
    abi_value args = encoded_args(PC_FN_ADD_VOTER, 1, bob);
    CHECK(pc_vote_write(pc_method_get(PC_FN_ADD_VOTER), &args, 0, out, sizeof out, NULL) ==
          PC_EINPUT);
    CHECK_STR(out, "");
    abi_value_free(&args);
}

static void test_parse(void)
{
    pc_vote v;
    CHECK(pc_vote_parse("Add_Voter_" BOB, &v, NULL) == PC_OK);
    CHECK(v.method == pc_method_get(PC_FN_ADD_VOTER) && v.nargs == 1 && v.round == 0);
    CHECK_STR(v.args[0], "0x" BOB);
    CHECK(pc_vote_parse("register_" BOB "_" ALICE "_3", &v, NULL) == PC_OK);
    CHECK(v.method == pc_method_get(PC_FN_REGISTER_STORAGE_UNIT) && v.nargs == 2 &&
          v.round == 3);
    CHECK_STR(v.args[1], "0x" ALICE);
    CHECK(pc_vote_parse("remove_" BOB, &v, NULL) == PC_OK);
    CHECK(v.method == pc_method_get(PC_FN_REMOVE_STORAGE_UNIT));
    CHECK(pc_vote_parse("Remove_Voter_" BOB "_1", &v, NULL) == PC_OK);
    CHECK(v.method == pc_method_get(PC_FN_REMOVE_VOTER) && v.round == 1);
    CHECK(pc_vote_parse("changeBankerTo_" BOB, &v, NULL) == PC_OK);
    CHECK(v.method == pc_method_get(PC_FN_CHANGE_BANKER));
    /* Any case is read, and given back in lowercase (no checksum to fail). */
    CHECK(pc_vote_parse("remove_70997970C51812dc3A010C7d01b50e0d17dc79C8", &v, NULL) == PC_OK);
    CHECK_STR(v.args[0], "0x" BOB);
    /* Values come back as the form takes them: fractions in decimals, H in hours. */
    CHECK(pc_vote_parse("setParameter_C_50000000000000000", &v, NULL) == PC_OK);
    CHECK_STR(v.args[0], "C");
    CHECK_STR(v.args[1], "0.05");
    CHECK(pc_vote_parse("setParameter_H_3_2", &v, NULL) == PC_OK);
    CHECK_STR(v.args[1], "3");
    CHECK(v.round == 2);
    /* Leading zeros are the same number (found by fuzz_vote). */
    CHECK(pc_vote_parse("setParameter_H_050", &v, NULL) == PC_OK);
    CHECK_STR(v.args[1], "50");
    CHECK(pc_vote_parse("setParameter_H_3_2", &v, NULL) == PC_OK);
    CHECK(v.round == 2);
    CHECK(pc_vote_parse("destroy_contract", &v, NULL) == PC_OK);
    CHECK(v.method == pc_method_get(PC_FN_DESTROY) && v.nargs == 0 && v.round == 0);
    CHECK(pc_vote_parse("destroy_contract_1", &v, NULL) == PC_OK && v.round == 1);

    /* Malformed strings, as a hostile or broken node could list them. */
    static const char *const bad[] = {
        "",
        "Add_Voter_",
        "Add_Voter",
        "add_voter_" BOB,
        "Add_Voter_" BOB "_",
        "Add_Voter_" BOB "_x",
        "Add_Voter_" BOB "_1_2",
        "Add_Voter_" BOB "__1",
        "Add_Voter_0x" BOB,
        "Add_Voter_" BOB "0",
        "Add_Voter_zz997970c51812dc3a010c7d01b50e0d17dc79c8",
        "register_" BOB,
        "register_" BOB "__" ALICE,
        "setParameter_X_1",
        "setParameter_CC_1",
        "setParameter_C_0.05",
        "setParameter_C_-1",
        "setParameter_C",
        "setParameter_H_3_18446744073709551616",
        "setParameter_C_1000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000",
        "destroy_contract_",
        "destroy_contractX",
        "destroy_contract_1_2",
        "changeBankerTo_" BOB "\n",
        "transferENT_" BOB,
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pc_error err = { 0 };
        v.round = 7;
        pc_status st = pc_vote_parse(bad[i], &v, &err);
        CHECK(st == PC_EDATA);
        CHECK(v.method == NULL && v.nargs == 0 && v.round == 0);
        CHECK(strncmp(err.msg, "not a vote string", 17) == 0);
        if (st != PC_EDATA)
            fprintf(stderr, "  accepted \"%s\"\n", bad[i]);
    }
    /* Longer than any vote string. */
    char longer[PC_VOTE_TEXT_MAX + 8];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    memcpy(longer, "Add_Voter_", 10);
    CHECK(pc_vote_parse(longer, &v, NULL) == PC_EDATA);

    /* What is written reads back to the same call. */
    char *unit[] = { "0x" BOB, "0x" ALICE };
    CHECK(pc_vote_parse(written(PC_FN_REGISTER_STORAGE_UNIT, 2, unit, 4), &v, NULL) == PC_OK);
    CHECK(v.round == 4);
    CHECK_STR(v.args[0], unit[0]);
    CHECK_STR(v.args[1], unit[1]);
}

static void short_address(const eth_address *a, const void *ctx, char *out, size_t cap)
{
    char hex[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, hex);
    snprintf(out, cap, "%s%.6s", (const char *)ctx, hex);
}

/* A call of id in words, by pc_call_text or pc_intent_text. */
typedef void (*words_fn)(const pc_method *, const abi_value *, pc_address_writer, const void *,
                         char *, size_t);

static const char *words(words_fn fn, pc_fn id, int argc, char *const argv[])
{
    static char out[256];
    abi_value args = encoded_args(id, argc, argv);
    fn(pc_method_get(id), &args, short_address, "@", out, sizeof out);
    abi_value_free(&args);
    return out;
}

#define shown(...) words(pc_call_text, __VA_ARGS__)
#define intended(...) words(pc_intent_text, __VA_ARGS__)

static void test_call_text(void)
{
    char *order[] = { "0.12", "2", "sell" };
    char *removal[] = { "7", "buy" };
    char *transfer[] = { "0x" BOB, "1.5" };
    char *produced[] = { "0x" BOB, "1500" };
    char *param_c[] = { "C", "0.05" };
    char *param_h[] = { "H", "3" };
    CHECK_STR(shown(PC_FN_ADD_ORDER, 3, order), "addOrder(0.12 eEuro/ENT, 2 ENT, sell)");
    CHECK_STR(shown(PC_FN_REMOVE_ORDER, 2, removal), "removeOrder(7, buy)");
    CHECK_STR(shown(PC_FN_TRANSFER_ENT, 2, transfer), "transferENT(@0x7099, 1.5 ENT)");
    CHECK_STR(shown(PC_FN_ENERGY_PRODUCED, 2, produced), "energyProduced(@0x7099, 1.5 kWh)");
    CHECK_STR(shown(PC_FN_SET_PARAMETER, 2, param_c), "setParameter(C, 0.05)");
    CHECK_STR(shown(PC_FN_SET_PARAMETER, 2, param_h), "setParameter(H, 3)");
    CHECK_STR(shown(PC_FN_CLEAR_OLD_SESSIONS, 0, NULL), "clearOldSessions()");
}

/* Every call that acts has a sentence, every read none; a sentence's
 * figures are as a sentence shows them. */
static void test_intent(void)
{
    size_t n;
    const pc_method *all = pc_methods(&n);
    for (size_t i = 0; i < n; i++)
        CHECK((all[i].kind == PC_READ) == (all[i].intent == NULL));
    char *buy[] = { "0.5", "1", "buy" };
    char *sell[] = { "0.12", "2", "sell" };
    char *removal[] = { "7", "buy" };
    char *unit[] = { "0x" BOB, "0x" ALICE };
    char *consumed[] = { "0x" BOB, "1500" };
    char *param_c[] = { "C", "0.1" };
    char *param_h[] = { "H", "3" };
    CHECK_STR(intended(PC_FN_ADD_ORDER, 3, buy), "buys 1 ENT at up to 0.5 eEuro/ENT");
    CHECK_STR(intended(PC_FN_ADD_ORDER, 3, sell), "sells 2 ENT at 0.12 eEuro/ENT");
    CHECK_STR(intended(PC_FN_REMOVE_ORDER, 2, removal), "removes your buy order #7");
    CHECK_STR(intended(PC_FN_REGISTER_STORAGE_UNIT, 2, unit),
              "register @0x7099 as a storage unit owned by @0xf39F");
    CHECK_STR(intended(PC_FN_ENERGY_CONSUMED, 2, consumed),
              "burns @0x7099's locked ENT for 1500 Wh consumed");
    CHECK_STR(intended(PC_FN_SET_PARAMETER, 2, param_c), "set C to 10%");
    CHECK_STR(intended(PC_FN_SET_PARAMETER, 2, param_h), "set H to 3 h");
    CHECK_STR(intended(PC_FN_DESTROY, 0, NULL), "retire the contract");
    CHECK_STR(intended(PC_FN_GET_ORDERS, 0, NULL), "");
    /* Cut to the room given, never past it. */
    char small[8];
    abi_value args = encoded_args(PC_FN_ADD_ORDER, 3, buy);
    pc_intent_text(pc_method_get(PC_FN_ADD_ORDER), &args, short_address, "@", small,
                   sizeof small);
    CHECK_STR(small, "buys 1 ");
    abi_value_free(&args);
}

int main(void)
{
    test_ids();
    test_write();
    test_parse();
    test_call_text();
    test_intent();
    return check_summary();
}
