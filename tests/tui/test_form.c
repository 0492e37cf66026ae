/* A form that runs a contract function takes its fields' kinds from the
 * binding's method table, whatever the page declares; a local form keeps
 * the kinds it declares. */
#include <string.h>

#include "../check.h"
#include "tui/form.h"

static bool valid(const tui_form_spec *spec, const char *const texts[])
{
    tui_form f;
    if (tui_form_init(&f, spec, NULL) != PC_OK)
        return false;
    for (size_t i = 0; i < spec->nfields; i++)
        snprintf(f.text[i], sizeof f.text[i], "%s", texts[i]);
    tui_form_view view = { 0 };
    bool ok = tui_form_validate(&f, &view);
    tui_form_free(&f);
    return ok;
}

int main(void)
{
    /* No kinds declared: both fields would be addresses (the zero kind). */
    static const tui_form_spec order = {
        .title = "Sell", .method = PC_FN_ADD_ORDER, .nfields = 3,
        .fields = { { .label = "Price" }, { .label = "Amount" },
                    { .label = "Side", .preset = "sell", .hidden = true } },
    };
    tui_form f;
    CHECK(tui_form_init(&f, &order, NULL) == PC_OK);
    CHECK(f.spec.fields[0].kind == PC_ARG_PRICE);
    CHECK(f.spec.fields[1].kind == PC_ARG_ENT);
    CHECK(f.spec.fields[2].kind == PC_ARG_SIDE);
    tui_form_free(&f);
    CHECK(valid(&order, (const char *const[]){ "0.12", "2", "sell" }));
    CHECK(!valid(&order, (const char *const[]){ "0.12", "2", "sideways" }));
    CHECK(!valid(&order, (const char *const[]){ "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                                                "2", "sell" }));

    /* A kind the page got wrong is the table's all the same. */
    static const tui_form_spec produced = {
        .title = "Produced", .method = PC_FN_ENERGY_PRODUCED, .nfields = 2,
        .fields = { { .label = "Producer", .kind = PC_ARG_ENT }, { .label = "Wh" } },
    };
    CHECK(valid(&produced, (const char *const[]){ "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                                                  "1500" }));
    CHECK(!valid(&produced, (const char *const[]){ "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                                                   "1.5" }));

    /* A local form keeps its own kinds. */
    static const tui_form_spec local = {
        .title = "Amount", .nfields = 1, .fields = { { .label = "ENT", .kind = PC_ARG_ENT } },
    };
    CHECK(tui_form_init(&f, &local, NULL) == PC_OK);
    CHECK(f.spec.fields[0].kind == PC_ARG_ENT);
    tui_form_free(&f);
    return check_summary();
}
