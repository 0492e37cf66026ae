#include "wallet/settle.h"

#include <stdio.h>
#include <string.h>

#include "eth/u256.h"
#include "wallet/simulate.h"

/* One settlement's simulation: its refusal into `refusal` ("" for none). */
static pc_status try_one(rpc_client *c, const pc_contract *k, sim_offers *offers, pc_fn fn,
                         const eth_address *sender, const view_withdrawal *request,
                         char refusal[WALLET_SETTLE_TEXT_MAX], pc_error *err)
{
    char account[ETH_ADDRESS_TEXT_LEN], amount[U256_DEC_MAX];
    eth_address_to_checksum(&request->account, account);
    u256_format_fixed(&request->amount, 18, amount);
    char *argv[] = { account, amount };
    bytebuf data = BYTEBUF_INIT;
    pc_status st = pc_encode_call(pc_method_get(fn), 2, argv, &data, err);
    if (st != PC_OK) {
        bytebuf_free(&data);
        return st;
    }
    /* No nonce or fee of the sender's matters: the simulation runs
     * without validation (rpcclient/simulate.h), and the node's default
     * gas (a limit of 0). */
    eth_tx tx = { .type = ETH_TX_LEGACY, .has_to = true, .to = *pc_contract_address(k),
                  .data = data.data, .data_len = data.len };
    wallet_sim sim;
    st = wallet_simulate(c, k, offers, &tx, sender, &sim, err);
    bytebuf_free(&data);
    if (st != PC_OK)
        return st;
    char buf[WALLET_SETTLE_TEXT_MAX];
    const char *why = wallet_sim_refusal(&sim, buf, sizeof buf);
    snprintf(refusal, WALLET_SETTLE_TEXT_MAX, "%s", why ? why : "");
    wallet_sim_free(&sim);
    return PC_OK;
}

pc_status wallet_settle_try(rpc_client *c, const pc_contract *k, sim_offers *offers,
                            const eth_address *sender, const view_withdrawal *request,
                            wallet_settle *out, pc_error *err)
{
    *out = (wallet_settle){ .sender = *sender, .request = *request };
    pc_status st = try_one(c, k, offers, PC_FN_BURN_EEURO, sender, request, out->burn, err);
    if (st == PC_OK)
        st = try_one(c, k, offers, PC_FN_UNLOCK_EEURO, sender, request, out->unlock, err);
    if (st != PC_OK)
        out->burn[0] = out->unlock[0] = '\0';
    return st;
}
