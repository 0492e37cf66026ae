#include "wallet/past.h"

#include <stdlib.h>
#include <string.h>

pc_status wallet_past_read(history *h, wallet_past *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    history_filter all = HISTORY_FILTER_ALL;
    pc_status st = history_load(h, &all, &out->txs, &out->ntxs, err);
    if (st == PC_OK)
        st = view_governance_replay(out->txs, out->ntxs, &out->governance, err);
    if (st == PC_OK)
        st = wallet_owners_from_governance(&out->governance, &out->owners, &out->nowners, err);
    if (st == PC_OK)
        st = view_withdrawals_replay(out->txs, out->ntxs, &out->withdrawals, err);
    if (st == PC_OK)
        st = view_market_replay(out->txs, out->ntxs, &out->market, err);
    if (st == PC_OK && !history_head(h, &out->head))
        out->head = 0;
    if (st != PC_OK)
        wallet_past_free(out);
    return st;
}

pc_status wallet_past_series(wallet_past *p, const eth_address *account, pc_error *err)
{
    series_set_free(&p->series);
    pc_status st = series_set_replay(p->txs, p->ntxs, &p->governance, &p->market, account,
                                     &p->series, err);
    p->has_series = st == PC_OK;
    return st;
}

void wallet_past_free(wallet_past *p)
{
    if (!p)
        return;
    history_tx_free_all(p->txs, p->ntxs);
    free(p->owners);
    view_withdrawals_free(&p->withdrawals);
    view_governance_free(&p->governance);
    view_market_free(&p->market);
    series_set_free(&p->series);
    memset(p, 0, sizeof *p);
}
