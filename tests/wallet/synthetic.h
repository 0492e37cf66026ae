/* Synthetic histories for the replays' unit tests: records built as the
 * index stores them (arguments parsed by the binding the way people write
 * them), one transaction per block, and the thesis's chapter 6 scenario. */
#ifndef TESTS_WALLET_SYNTHETIC_H
#define TESTS_WALLET_SYNTHETIC_H

#include <stdlib.h>
#include <string.h>

#include "wallet/history_tx.h"

#define A "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
#define B "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
#define C "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"
#define D "0x90F79bf6EB2c4f870365E785982E1f101E93b906"
#define U1 "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"
#define U2 "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"
#define U3 "0x976EA74026E726554dB657fA54763abd0C3a0aa9"

static history_tx txs[64];
static size_t ntx;

static inline eth_address addr(const char *text)
{
    eth_address a;
    if (eth_address_parse(text, &a, NULL) != PC_OK)
        abort();
    return a;
}

static inline u256 amount(const char *text)
{
    u256 v;
    if (u256_parse_fixed(text, 18, &v, NULL) != PC_OK)
        abort();
    return v;
}

static inline const char *fixed(const u256 *v)
{
    static char out[U256_DEC_MAX];
    u256_format_fixed(v, 18, out);
    return out;
}

static inline const char *hexaddr(const eth_address *a)
{
    static char out[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, out);
    return out;
}

static inline void reset(void)
{
    for (size_t i = 0; i < ntx; i++)
        history_tx_clear(&txs[i]);
    memset(txs, 0, sizeof txs);
    ntx = 0;
}

/* Appends a record: one transaction per block, block = position + 1. */
static inline history_tx *tx_with(history_outcome outcome, const char *from, const char *method,
                           int argc, char *argv[])
{
    if (ntx == sizeof txs / sizeof txs[0])
        abort();
    history_tx *t = &txs[ntx++];
    t->block = ntx;
    t->time = 1700000000 + ntx * 5;
    t->hash[0] = (uint8_t)ntx;
    t->from = addr(from);
    t->outcome = outcome;
    t->text = strdup("");
    t->args.kind = ABI_TUPLE;
    if (!method) {
        t->is_creation = true;
        return t;
    }
    t->method = pc_method_find(method);
    if (!t->method || (size_t)argc != t->method->nargs)
        abort();
    t->args.items = calloc(PC_MAX_ARGS, sizeof *t->args.items);
    t->args.count = (size_t)argc;
    for (int i = 0; i < argc; i++)
        if (pc_parse_arg(t->method->args[i], argv[i], argv[0], &t->args.items[i], NULL) != PC_OK)
            abort();
    return t;
}

#define TX(from, method, ...) \
    tx_with(HISTORY_OK, from, method, (int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)), \
            (char *[]){ __VA_ARGS__ })
#define TX0(from, method) tx_with(HISTORY_OK, from, method, 0, NULL)

static inline void deploy(const char *by)
{
    tx_with(HISTORY_OK, by, NULL, 0, NULL);
}

/* The governance of chapter 6: voters A and B, units U1 and U2 of C
 * (blocks 1 to 6). */
static inline void chapter6_governance(void)
{
    deploy(A);
    TX(A, "addVoter", B);
    TX(A, "registerStorageUnit", U1, C);
    TX(B, "registerStorageUnit", U1, C);
    TX(B, "registerStorageUnit", U2, C);
    TX(A, "registerStorageUnit", U2, C);
}

/* Thesis chapter 6, figure 8, with the governance before it. */
static inline void chapter6(void)
{
    chapter6_governance();
    TX(A, "changeBanker", C);
    TX(B, "changeBanker", C);
    TX(C, "minteEuro", A, "10");
    TX(C, "addOrder", "0.5", "1.9", "sell");
    TX(A, "addOrder", "1", "10", "buy");
}

/* PROTOCOL.md's worked figures 1 to 7, with two voters A and B. */
static inline void worked_figures(void)
{
    chapter6_governance();
    TX(U1, "energyProduced", A, "10000");       /* 1: block 7 */
    TX(C, "startConsumptionSession", U1, "2");  /* 2 */
    TX(U1, "energyConsumed", C, "1000");
    TX(U1, "energyConsumed", C, "2000");        /* 3: block 10 */
    TX(U2, "energyProduced", B, "10000");       /* 4 */
    TX(B, "transferENT", A, "7.6");             /* 5 */
    TX(A, "startConsumptionSession", U1, "7.35");
    TX(A, "startConsumptionSession", U2, "8.25");
    TX(U1, "energyConsumed", A, "7000");        /* 6: block 15 */
    TX(U2, "energyConsumed", A, "7857");        /* 7 */
}

#endif
