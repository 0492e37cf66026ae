#include "wallet/history_tx.h"

#include <stdlib.h>

void history_tx_clear(history_tx *t)
{
    if (!t)
        return;
    abi_value_free(&t->args);
    free(t->text);
    t->text = NULL;
}

void history_tx_free_all(history_tx *txs, size_t n)
{
    if (!txs)
        return;
    for (size_t i = 0; i < n; i++)
        history_tx_clear(&txs[i]);
    free(txs);
}
