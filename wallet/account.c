#include "wallet/account.h"

#include <stdio.h>

pc_status wallet_only_account(const keystore *ks, const keystore_account **out,
                              pc_error *err)
{
    *out = NULL;
    size_t usable = 0;
    const keystore_account *found = NULL;
    for (size_t i = 0; i < keystore_count(ks); i++) {
        const keystore_account *a = keystore_at(ks, i);
        if (a->problem == PC_OK) {
            usable++;
            found = a;
        }
    }
    if (usable == 1) {
        *out = found;
        return PC_OK;
    }
    if (usable == 0)
        return pc_fail(err, PC_EINPUT, "no usable account in keystore %s; create one with "
                                       "`powerchain account new`", keystore_dir(ks));
    return pc_fail(err, PC_EINPUT, "keystore %s holds %zu accounts; choose one with --account",
                   keystore_dir(ks), usable);
}

pc_status wallet_select_account(const keystore *ks, const char *selector,
                                const keystore_account **out, pc_error *err)
{
    if (!selector)
        return wallet_only_account(ks, out, err);
    pc_status st = keystore_find(ks, selector, out, err);
    if (st == PC_OK && (*out)->problem != PC_OK) {
        st = pc_fail(err, (*out)->problem, "%s", (*out)->problem_msg);
        *out = NULL;
    }
    return st;
}

void wallet_account_selector(const keystore_account *a, char out[WALLET_SELECTOR_MAX])
{
    if (a->has_address) {
        char text[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&a->address, text);
        snprintf(out, WALLET_SELECTOR_MAX, "%s", text);
    } else {
        snprintf(out, WALLET_SELECTOR_MAX, "%s", a->file);
    }
}
