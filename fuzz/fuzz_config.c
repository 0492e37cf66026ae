/* The config file's text through config_parse (what config_load does after
 * reading and checking the file): every failure names "config:LINE"; what
 * is accepted holds no more nodes than allowed, each a word without spaces
 * or commas, no value spans two lines, networks have valid, distinct
 * names; the same text parsed again into a fresh store gives the same. */
#include "cli/config.h"
#include "fuzz/fuzz.h"
#include "keystore/keystore.h"

static void check_network(const cli_network *n)
{
    FUZZ_CHECK(n->nrpc <= CONFIG_NODES_MAX);
    for (size_t i = 0; i < n->nrpc; i++)
        FUZZ_CHECK(n->rpc[i][0] && !strpbrk(n->rpc[i], " \t,\n"));
    const char *texts[] = { n->contract, n->contract_json, n->keystore, n->account, n->cacert };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        FUZZ_CHECK(!texts[i] || !strchr(texts[i], '\n'));
    FUZZ_CHECK(!n->has_chain_id || n->chain_id >= 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cli_config c;
    memset(&c, 0, sizeof c);
    pc_error err = { 0 };
    pc_status st = config_parse(&c, "config", (const char *)data, size, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(strncmp(err.msg, "config:", 7) == 0 || st == PC_ENOMEM);
        config_free(&c);
        return 0;
    }
    FUZZ_CHECK(!memchr(data, '\0', size));
    check_network(&c.common);
    FUZZ_CHECK(c.common.name == NULL);
    for (size_t i = 0; i < c.nnetworks; i++) {
        pc_error e = { 0 };
        FUZZ_CHECK(keystore_check_name(c.networks[i].name, &e) == PC_OK);
        FUZZ_CHECK(config_network(&c, c.networks[i].name) == &c.networks[i]);
        check_network(&c.networks[i]);
    }
    cli_config again;
    memset(&again, 0, sizeof again);
    st = config_parse(&again, "config", (const char *)data, size, &err);
    FUZZ_CHECK(st == PC_OK && again.nnetworks == c.nnetworks &&
               again.common.nrpc == c.common.nrpc);
    config_free(&again);
    config_free(&c);
    return 0;
}
