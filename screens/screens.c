#include "screens/screens.h"

#include "screens/common.h"

const tui_page *screens_all(size_t *count)
{
    static tui_page pages[10];
    pages[0] = screen_tokens;
    pages[1] = screen_energy;
    pages[2] = screen_network;
    pages[3] = screen_market;
    pages[4] = screen_voting;
    pages[5] = screen_banker;
    pages[6] = screen_accounts;
    pages[7] = screen_meter;
    pages[8] = screen_activity;
    pages[9] = screen_charts;
    /* Which page acts on which of what waits for the account (its count
     * beside the title); Tokens lists them all. */
    pages[0].waits = (1u << WAITING_KINDS) - 1;
    pages[0].lists_waiting = true;
    pages[1].waits = 1u << WAITING_SESSION | 1u << WAITING_PEG_GAP;
    pages[3].waits = 1u << WAITING_FILL;
    pages[4].waits = 1u << WAITING_VOTE;
    pages[5].waits = 1u << WAITING_WITHDRAWALS;
    pages[2].shows_nodes = true;
    *count = sizeof pages / sizeof pages[0];
    return pages;
}
