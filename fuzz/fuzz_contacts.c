/* The contacts file (`name = address` lines) through names_parse_contacts,
 * into a book that already holds one contact: all or nothing, names as
 * keystore_check_name takes them, each resolving to its address and that
 * address back to a name of the same entry; the same text parsed again
 * into the same book is refused (every name is then taken). */
#include <strings.h>

#include "fuzz/fuzz.h"
#include "keystore/keystore.h"
#include "wallet/names.h"

static const eth_address KEPT = { { 0xaa, 0xbb } };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    names *b = NULL;
    pc_error err = { 0 };
    FUZZ_CHECK(names_new(&b, &err) == PC_OK);
    FUZZ_CHECK(names_add_contact(b, "kept", &KEPT, &err) == PC_OK);
    pc_status st = names_parse_contacts(b, "contacts", (const char *)data, size, &err);
    size_t n = names_contact_count(b);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(strncmp(err.msg, "contacts:", 9) == 0);
        FUZZ_CHECK(n == 1); /* nothing added */
    }
    FUZZ_CHECK(n >= 1 && n <= NAMES_CONTACTS_MAX);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        eth_address a, back;
        names_contact_at(b, i, &name, &a);
        pc_error e = { 0 };
        FUZZ_CHECK(keystore_check_name(name, &e) == PC_OK);
        const char *spelled = NULL;
        FUZZ_CHECK(names_resolve(b, name, &back, &spelled, &e) == PC_OK);
        FUZZ_CHECK(eth_address_equal(&a, &back) && spelled && strcasecmp(spelled, name) == 0);
        const char *shown = names_lookup(b, &a);
        FUZZ_CHECK(shown != NULL && names_resolve(b, shown, &back, NULL, &e) == PC_OK &&
                   eth_address_equal(&a, &back));
        FUZZ_CHECK(strlen(name) <= names_longest(b));
    }
    if (st == PC_OK && n > 1) {
        pc_error again = { 0 };
        st = names_parse_contacts(b, "contacts", (const char *)data, size, &again);
        fuzz_check_error(st, &again);
        FUZZ_CHECK(names_contact_count(b) == n);
    }
    names_free(b);
    return 0;
}
