/* The PowerChain binding without a node: the method table against
 * PROTOCOL.md's selectors, arguments as people write them, units, and
 * deployment files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../eth/eth_test_util.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/units.h"

static const char *calldata(const char *method, int argc, char *const argv[], pc_status *st)
{
    static char out[8192];
    bytebuf b = BYTEBUF_INIT;
    pc_error err = { 0 };
    *st = pc_encode_call(pc_method_find(method), argc, argv, &b, &err);
    snprintf(out, sizeof out, "%s", *st == PC_OK ? tohex(b.data, b.len) : err.msg);
    bytebuf_free(&b);
    return out;
}

/* Selectors are the first bytes of keccak256 of the canonical signatures
 * of PROTOCOL.md (checked against `cast sig` 1.7.1). */
static void test_selectors(void)
{
    static const struct {
        const char *method, *selector;
    } want[] = {
        { "getParameters", "a5ea11da" }, { "balanceENT", "9b5a3dd1" },
        { "transferENT", "468e04a1" },  { "addOrder", "b734eb88" },
        { "getOrders", "2e2dc43e" },    { "setParameter", "1c124e51" },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const pc_method *m = pc_method_find(want[i].method);
        CHECK(m != NULL);
        if (!m || m->nargs)
            continue;
        pc_status st;
        CHECK_STR(calldata(want[i].method, 0, NULL, &st), want[i].selector);
    }
    size_t n;
    pc_methods(&n);
    CHECK(n == 35);
    CHECK(pc_method_find("noSuchThing") == NULL);
}

static void test_arguments(void)
{
    pc_status st;
    char *transfer[] = { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "1.5" };
    CHECK_STR(calldata("transferENT", 2, transfer, &st),
              "468e04a100000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000"
              "0000000000000000000000000000000000000000000014d1120d7b160000");
    char *order[] = { "0.5", "1.9", "sell" };
    CHECK_STR(calldata("addOrder", 3, order, &st),
              "b734eb8800000000000000000000000000000000000000000000000006f05b59d3b200000000"
              "000000000000000000000000000000000000000000001a5e27eef13e00000000000000000000"
              "000000000000000000000000000000000000000000000000");
    char *hours[] = { "H", "3" };
    CHECK_STR(calldata("setParameter", 2, hours, &st),
              "1c124e5100000000000000000000000000000000000000000000000000000000000000400000"
              "0000000000000000000000000000000000000000000000000000000000030000000000000000"
              "0000000000000000000000000000000000000000000000014800000000000000000000000000"
              "000000000000000000000000000000000000");

    static const struct {
        const char *method;
        int argc;
        char *argv[3];
        const char *message;
    } bad[] = {
        { "transferENT", 1, { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" },
          "transferENT takes 2 arguments: TO ENT, 1 given" },
        { "transferENT", 2, { "0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "1" },
          "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" },
        { "transferENT", 2, { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "1.0000000000000000001" },
          "ENT: ENT amount" },
        { "transferENT", 2, { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "-1" }, "ENT: " },
        { "addOrder", 3, { "1", "1", "hold" }, "buy|sell: side must be \"buy\" or \"sell\"" },
        { "setParameter", 2, { "X", "1" }, "NAME: parameter name must be one of M, B, C, H, F" },
        { "setParameter", 2, { "H", "1.5" }, "VALUE: H (hours) must be a whole number" },
        { "energyProduced", 2, { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "1.5" },
          "WH: energy in Wh must be a whole number" },
        { "removeOrder", 2, { "", "buy" }, "ID: order id must be a whole number" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *msg = calldata(bad[i].method, bad[i].argc, bad[i].argv, &st);
        CHECK(st == PC_EINPUT);
        if (!strstr(msg, bad[i].message))
            fprintf(stderr, "case %zu: \"%s\" lacks \"%s\"\n", i, msg, bad[i].message);
        CHECK(strstr(msg, bad[i].message) != NULL);
    }
}

static void test_units(void)
{
    const pc_method *p = pc_method_find("getParameters");
    CHECK(pc_method_unit(p, "M") == PC_UNIT_COST);
    CHECK(pc_method_unit(p, "C") == PC_UNIT_FRACTION);
    CHECK(pc_method_unit(p, "H") == PC_UNIT_SECONDS);
    CHECK(pc_method_unit(p, "nothing") == PC_UNIT_RAW);
    CHECK(pc_method_unit(pc_method_find("getOrders"), "quantity") == PC_UNIT_ENT);

    static const struct {
        uint64_t value;
        pc_unit unit;
        const char *text;
    } shown[] = {
        { 1900000000000000000ull, PC_UNIT_ENT, "1.9 ENT" },
        { 950000000000000000ull, PC_UNIT_EEURO, "0.95 eEuro" },
        { 50000000000000000ull, PC_UNIT_COST, "0.05 ENT/kWh" },
        { 50000000000000000ull, PC_UNIT_FRACTION, "5%" },
        { 200000000000000000ull, PC_UNIT_FRACTION, "20%" },
        { 7857, PC_UNIT_WH, "7.857 kWh" },
        { 0, PC_UNIT_WH, "0 kWh" },
        { 7200, PC_UNIT_SECONDS, "2 h" },
        { 5430, PC_UNIT_SECONDS, "1 h 30 min 30 s" },
        { 0, PC_UNIT_SECONDS, "0 s" },
        { 0, PC_UNIT_TIMESTAMP, "1970-01-01 00:00:00 UTC" },
        { 1, PC_UNIT_ENT, "0.000000000000000001 ENT" },
        { 12345, PC_UNIT_RAW, "12345" },
    };
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        char text[PC_UNIT_TEXT_MAX];
        u256 v = u256_from_u64(shown[i].value);
        pc_format_unit(&v, shown[i].unit, text, sizeof text);
        CHECK_STR(text, shown[i].text);
    }
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        abort();
    fputs(text, f);
    fclose(f);
}

/* Results keep PROTOCOL.md's names whatever ABI the deployment file carries. */
static void test_deployment_files(void)
{
    char dir[] = "/tmp/pc-binding-XXXXXX";
    if (!mkdtemp(dir))
        abort();
    char path[128];
    snprintf(path, sizeof path, "%s/d.json", dir);
    pc_contract *k = NULL;
    pc_error err = { 0 };

    write_file(path, "{\"name\":\"Village\",\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\","
                     "\"abi\":[{\"type\":\"function\",\"name\":\"getEnergyCosts\",\"inputs\":[],"
                     "\"outputs\":[{\"name\":\"mintCost\",\"type\":\"uint256\"},"
                     "{\"name\":\"burnCost\",\"type\":\"uint256\"}]},"
                     "{\"type\":\"function\",\"name\":\"getTotalENT\",\"inputs\":[],"
                     "\"outputs\":[{\"name\":\"a\",\"type\":\"uint256\"},{\"name\":\"b\",\"type\":\"uint256\"}]}]}");
    CHECK(pc_contract_load_json(path, &k, &err) == PC_OK);
    if (k) {
        CHECK_STR(pc_contract_name(k), "Village");
        uint8_t ret[64] = { 0 };
        ret[31] = 5;
        abi_value v;
        const abi_type *type;
        CHECK(pc_decode_result(pc_method_find("getEnergyCosts"), ret, 64, &v, &type, &err) ==
              PC_OK);
        CHECK_STR(type->fields[0].name, "mint");
        CHECK_STR(type->fields[1].name, "burn");
        abi_value_free(&v);
        CHECK(pc_decode_result(pc_method_find("getTotalENT"), ret, 32, &v, &type, &err) == PC_OK);
        CHECK_STR(type->fields[0].name, "amnt");
        abi_value_free(&v);
        uint64_t block = 1, chain_id = 1;
        CHECK(!pc_contract_deployment(k, &block, &chain_id)); /* older files say nowhere */
        /* Return data too short for the shape is an error. */
        CHECK(pc_decode_result(pc_method_find("getEnergyCosts"), ret, 40, &v, &type, &err) !=
              PC_OK);
        CHECK(v.count == 0 && v.items == NULL);
        /* No data at all (an address without code) says where to look, and
         * leaves the value empty like every failure. */
        v = (abi_value){ .count = 7 };
        CHECK(pc_decode_result(pc_method_find("getEnergyCosts"), ret, 0, &v, &type, &err) ==
              PC_ENODE);
        CHECK(strstr(err.msg, "answered getEnergyCosts with no data") != NULL);
        CHECK(v.count == 0 && v.items == NULL);
        pc_contract_free(k);
    }

    /* Where the deployment is, as deploy writes it. */
    write_file(path, "{\"name\":\"Village\",\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\","
                     "\"abi\":[],\"block\":1234,\"chain_id\":4200}");
    CHECK(pc_contract_load_json(path, &k, &err) == PC_OK);
    if (k) {
        uint64_t block = 0, chain_id = 0;
        CHECK(pc_contract_deployment(k, &block, &chain_id) && block == 1234 && chain_id == 4200);
        /* A copy (main's deployment, handed to a command) stands on its own. */
        pc_contract *copy = NULL;
        CHECK(pc_contract_copy(k, &copy, &err) == PC_OK);
        pc_contract_free(k);
        if (copy) {
            block = chain_id = 0;
            CHECK(pc_contract_deployment(copy, &block, &chain_id) && block == 1234 &&
                  chain_id == 4200);
            CHECK_STR(pc_contract_name(copy), "Village");
            CHECK(pc_contract_address(copy)->b[19] == 0xa3);
            pc_contract_free(copy);
        }
    }

    static const char *bad[] = {
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"block\":1}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"chain_id\":1}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"block\":\"1\","
        "\"chain_id\":1}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"block\":1.5,"
        "\"chain_id\":1}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"block\":-1,"
        "\"chain_id\":1}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"block\":1,"
        "\"chain_id\":1e300}",
        "not json",
        "[]",
        "{\"abi\":[]}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa\",\"abi\":[]}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"abi\":{}}",
        /* Names a terminal would act on, or that could push the real
         * address off the confirmation. */
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"name\":\"P\\r0xdead\"}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"name\":\"\\u001b[2J\"}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"name\":\"\\u009b2J\"}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"name\":\"\"}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"name\":7}",
        "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"name\":\"AAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file(path, bad[i]);
        CHECK(pc_contract_load_json(path, &k, &err) == PC_EINPUT);
        CHECK(k == NULL);
        CHECK(strstr(err.msg, path) != NULL || strstr(err.msg, "address") != NULL);
    }
    CHECK(pc_contract_load_json("/nonexistent/d.json", &k, &err) == PC_EINPUT);
    remove(path);
    remove(dir);
}

int main(void)
{
    test_selectors();
    test_arguments();
    test_units();
    test_deployment_files();
    return check_summary();
}
