/* RLP from outside (signed transactions read back, raw data): the whole
 * input is walked as a sequence of items, lists recursively, checking that
 * every item the decoder returns lies inside the buffer it was given, and
 * that each accepted item is canonical: encoding its payload again gives
 * back exactly the bytes it was decoded from. */
#include "eth/rlp.h"
#include "fuzz/fuzz.h"

/* Deep enough for any transaction; the fuzzer may nest deeper, which only
 * stops the walk, not the decoder. */
#define WALK_DEPTH_MAX 64

static void walk(const uint8_t *in, size_t len, int depth)
{
    while (len > 0) {
        rlp_item item;
        size_t consumed = 0;
        pc_error err = { 0 };
        pc_status st = rlp_decode_item(in, len, &item, &consumed, &err);
        if (st != PC_OK) {
            fuzz_check_error(st, &err);
            FUZZ_CHECK(st == PC_EDATA);
            return;
        }
        FUZZ_CHECK(consumed >= 1 && consumed <= len);
        FUZZ_CHECK(item.payload >= in && item.payload_len <= consumed);
        FUZZ_CHECK(item.payload + item.payload_len == in + consumed);
        bytebuf again = BYTEBUF_INIT;
        if (item.is_list) {
            size_t begin = rlp_list_begin(&again);
            FUZZ_CHECK(bytebuf_append(&again, item.payload, item.payload_len) == PC_OK);
            FUZZ_CHECK(rlp_list_end(&again, begin) == PC_OK);
        } else {
            FUZZ_CHECK(rlp_encode_bytes(&again, item.payload, item.payload_len) == PC_OK);
        }
        FUZZ_CHECK(again.len == consumed && memcmp(again.data, in, consumed) == 0);
        bytebuf_free(&again);
        if (item.is_list && depth < WALK_DEPTH_MAX)
            walk(item.payload, item.payload_len, depth + 1);
        in += consumed;
        len -= consumed;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    walk(data, size, 0);
    return 0;
}
