/* wallet/text_amounts.h: the thesis's raw amounts decoded beside its words
 * when they are the call's own arguments, and nothing else touched (our
 * decimals, order ids, Wh, hours, hex addresses, numbers of other calls). */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "eth/bytes.h"
#include "wallet/text_amounts.h"

/* The text as shown for the call NAME with ARGS as people write them. */
static const char *shown(const char *name, int argc, char *const argv[], const char *text)
{
    static char out[400];
    bytebuf cd = BYTEBUF_INIT;
    const pc_method *m = NULL;
    abi_value args = { 0 };
    if (pc_encode_call(pc_method_find(name), argc, argv, &cd, NULL) != PC_OK ||
        pc_decode_calldata(cd.data, cd.len, &m, &args, NULL) != PC_OK)
        abort();
    wallet_text_amounts(text, m, &args, out, sizeof out);
    abi_value_free(&args);
    bytebuf_free(&cd);
    return out;
}

int main(void)
{
    char *lock[] = { "0.1" };
    CHECK_STR(shown("lockeEuro", 1, lock, "100000000000000000 eEuro locked"),
              "100000000000000000 eEuro locked (0.1 eEuro)");
    char *b[] = { "B", "0.01" };
    CHECK_STR(shown("setParameter", 2, b, "Parameter B set to 10000000000000000"),
              "Parameter B set to 10000000000000000 (0.01 ENT/kWh)");
    char *c[] = { "C", "0.2" };
    CHECK_STR(shown("setParameter", 2, c, "Parameter C set to 200000000000000000"),
              "Parameter C set to 200000000000000000 (20%)");
    char *h[] = { "H", "2400" };
    CHECK_STR(shown("setParameter", 2, h, "Parameter H set to 2400"), "Parameter H set to 2400");
    char *mint[] = { "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "10" };
    CHECK_STR(shown("minteEuro", 2, mint,
                    "10000000000000000000 eEuro minted into f39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
              "10000000000000000000 eEuro minted into f39fd6e51aad88f6f4ce6ab8827279cfffb92266 "
              "(10 eEuro)");
    /* Each line of a record's texts on its own. */
    CHECK_STR(shown("lockeEuro", 1, lock, "Info one\n100000000000000000 eEuro locked\nthird"),
              "Info one\n100000000000000000 eEuro locked (0.1 eEuro)\nthird");
    /* The project's contract: decimals already; nothing added. */
    CHECK_STR(shown("minteEuro", 2, mint,
                    "eEuro minted >> 10 to f39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
              "eEuro minted >> 10 to f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    /* An order id equal to a raw price, and a decimal with the same digits. */
    char *order[] = { "0.000000000000001000", "1.5", "sell" };
    CHECK_STR(shown("addOrder", 3, order, "Order added >> sell #1000: 1000.5 ENT at 1000 wei"),
              "Order added >> sell #1000: 1000.5 ENT at 1000 wei (0.000000000000001 eEuro/ENT)");
    /* Short numbers are never taken for wei. */
    char *tiny[] = { "0.000000000000000008" };
    CHECK_STR(shown("lockeEuro", 1, tiny, "8 eEuro locked"), "8 eEuro locked");
    /* No call: as it is; a small buffer: cut, terminated. */
    char out[8];
    wallet_text_amounts("123456789 eEuro", NULL, NULL, out, sizeof out);
    CHECK_STR(out, "1234567");
    return check_summary();
}
