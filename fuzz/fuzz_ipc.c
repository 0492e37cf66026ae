/* The IPC framing (rpcclient/ipc.h, rpcclient/jsonscan.h): a node on a Unix
 * socket writes the fuzzer's bytes back, in pieces, and closes.
 *
 * Input: byte 0 picks the answer limit (16 << (b % 12) bytes); the rest is
 * pieces, each a length byte and that many bytes (the last may be short).
 *
 * Invariants: fed piece by piece or whole, the scan ends at the same byte
 * with the same verdict and value count; when what it framed parses, cJSON
 * makes no more values than the scan counted (the bound answers are refused
 * by before parsing). ipc_exchange answers exactly the framed value when it
 * ends within the limit, and otherwise says why: too large, not JSON, or
 * the node closed the socket before the end. */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <unistd.h>

#include "fuzz/node.h"
#include "rpcclient/ipc.h"
#include "rpcclient/jsonscan.h"

static const char REQUEST[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
static char node[128];
static const uint8_t *answer; /* the bytes the node writes, for the current input */
static size_t answer_len;

/* One exchange: reads the request whole, writes the pieces as they are
 * framed in the input (then the connection is closed). */
static void serve(int c)
{
    char req[sizeof REQUEST];
    size_t got = 0;
    while (got < sizeof REQUEST - 1) {
        ssize_t r = read(c, req + got, sizeof REQUEST - 1 - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    pthread_mutex_lock(&fuzz_node_mu);
    const uint8_t *p = answer, *end = answer + answer_len;
    pthread_mutex_unlock(&fuzz_node_mu);
    while (p < end) {
        size_t n = *p++;
        if (n > (size_t)(end - p))
            n = (size_t)(end - p);
        if (n && send(c, p, n, MSG_NOSIGNAL) < 0)
            break;
        p += n;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[] = "/tmp/fuzz-ipc-XXXXXX";
    fuzz_node_listen(dir, serve);
    snprintf(node, sizeof node, "%s/node.ipc", dir);
    return 0;
}

/* The pieces' bytes one after the other, and the scan fed piece by piece. */
static char *join(const uint8_t *p, const uint8_t *end, size_t *len, json_scan *pieces,
                  size_t *taken)
{
    char *all = malloc((size_t)(end - p) + 1);
    if (!all)
        abort();
    *len = 0;
    *taken = 0;
    json_scan_init(pieces);
    while (p < end) {
        size_t n = *p++;
        if (n > (size_t)(end - p))
            n = (size_t)(end - p);
        memcpy(all + *len, p, n);
        if (!pieces->done && !pieces->bad)
            *taken += json_scan_feed(pieces, all + *len, n);
        *len += n;
        p += n;
    }
    return all;
}

static size_t count_values(const cJSON *v)
{
    size_t n = 1;
    for (const cJSON *c = v->child; c; c = c->next)
        n += count_values(c);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t limit = (size_t)16 << (data[0] % 12);
    size_t len, taken;
    json_scan pieces, whole;
    char *all = join(data + 1, data + size, &len, &pieces, &taken);
    json_scan_init(&whole);
    size_t whole_taken = json_scan_feed(&whole, all, len);
    FUZZ_CHECK(whole_taken == taken && whole.done == pieces.done && whole.bad == pieces.bad &&
               whole.values == pieces.values && whole.started == pieces.started);
    FUZZ_CHECK(!(whole.done && whole.bad) && taken <= len);
    FUZZ_CHECK(whole.done || whole.bad || taken == len);
    if (whole.done) {
        cJSON *v = cJSON_ParseWithLength(all, taken);
        FUZZ_CHECK(!v || count_values(v) <= whole.values);
        cJSON_Delete(v);
    }

    pthread_mutex_lock(&fuzz_node_mu);
    answer = data + 1;
    answer_len = size - 1;
    pthread_mutex_unlock(&fuzz_node_mu);
    char *got = NULL, why[256];
    size_t got_len = 0;
    ipc_outcome out = ipc_exchange(node, REQUEST, limit, 10, &got, &got_len, why, sizeof why);
    fuzz_node_idle();

    /* The client reads at most limit + 1 bytes: one more than allowed is
     * how it sees an answer too large. */
    size_t seen = len < limit + 1 ? len : limit + 1;
    json_scan s;
    json_scan_init(&s);
    size_t end = json_scan_feed(&s, all, seen);
    if (s.done && end <= limit)
        FUZZ_CHECK(out == IPC_ANSWERED && got_len == end && memcmp(got, all, end) == 0 &&
                   got[got_len] == '\0');
    else if (s.done || (!s.bad && len > limit))
        FUZZ_CHECK(out == IPC_TOO_LARGE && got == NULL);
    else if (s.bad)
        FUZZ_CHECK(out == IPC_NOT_JSON && got == NULL);
    else
        FUZZ_CHECK(out == IPC_UNREACHABLE && got == NULL && why[0]);
    free(got);
    free(all);
    return 0;
}
