/* ABI data from a node: the return data of every PowerChain read (its
 * output shape from the binding), Info/Error event data and revert data.
 * The first input byte picks the shape, the rest is the data.
 *
 * Invariant beyond memory safety: whatever decodes re-encodes to canonical
 * data that decodes again to the same encoding (decode and encode agree). */
#include "eth/abi.h"
#include "fuzz/fuzz.h"
#include "rpcclient/powerchain.h"

static const pc_method *reads[64];
static size_t nreads;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    size_t n;
    const pc_method *all = pc_methods(&n);
    for (size_t i = 0; i < n && nreads < sizeof reads / sizeof reads[0]; i++)
        if (all[i].kind == PC_READ)
            reads[nreads++] = &all[i];
    return 0;
}

static void check_roundtrip(const abi_type *t, const abi_value *v)
{
    bytebuf once = BYTEBUF_INIT, twice = BYTEBUF_INIT;
    pc_error err = { 0 };
    FUZZ_CHECK(abi_encode(t, v, &once, &err) == PC_OK);
    abi_value again;
    FUZZ_CHECK(abi_decode(t, once.data, once.len, &again, &err) == PC_OK);
    FUZZ_CHECK(abi_encode(t, &again, &twice, &err) == PC_OK);
    FUZZ_CHECK(once.len == twice.len && memcmp(once.data, twice.data, once.len) == 0);
    abi_value_free(&again);
    bytebuf_free(&once);
    bytebuf_free(&twice);
}

static void check_text(pc_status st, const pc_error *err, char *text, size_t len)
{
    if (st != PC_OK) {
        fuzz_check_error(st, err);
        FUZZ_CHECK(text == NULL);
        return;
    }
    FUZZ_CHECK(text != NULL && strlen(text) <= len);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t pick = data[0] % (nreads + 2);
    data++;
    size--;
    pc_error err = { 0 };
    char *text = NULL;
    if (pick == nreads) {
        pc_status st = abi_decode_event_string(data, size, &text, &err);
        check_text(st, &err, text, size);
        return 0;
    }
    if (pick == nreads + 1) {
        pc_status st = abi_decode_revert(data, size, &text, &err);
        FUZZ_CHECK(st == PC_OK && text != NULL); /* always gives a text */
        free(text);
        return 0;
    }
    const pc_method *m = reads[pick];
    abi_value v;
    const abi_type *units = NULL;
    pc_status st = pc_decode_result(m, data, size, &v, &units, &err);
    if (st == PC_OK) {
        FUZZ_CHECK(units != NULL && v.kind == ABI_TUPLE);
        FUZZ_CHECK(v.count == units->nfields);
        check_roundtrip(units, &v);
    } else {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(v.count == 0 && v.items == NULL);
    }
    abi_value_free(&v);
    return 0;
}
