/* A vote string as a node lists it (getVotes) through pc_vote_parse.
 *
 * Invariants beyond memory safety: a failure is PC_EDATA with a message
 * and leaves nothing behind; what parses is a vote function's call whose
 * arguments the binding encodes (pc_encode_call takes them as given), and
 * writing that call back (pc_vote_write, from the decoded calldata, in the
 * same round) gives a string that parses to the same call. */
#include "fuzz/fuzz.h"
#include "rpcclient/vote.h"

static bool same(const pc_vote *a, const pc_vote *b)
{
    if (a->method != b->method || a->nargs != b->nargs || a->round != b->round)
        return false;
    for (size_t i = 0; i < a->nargs; i++)
        if (strcmp(a->args[i], b->args[i]) != 0)
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size);
    pc_vote v, again;
    pc_error err = { 0 };
    pc_status st = pc_vote_parse(text, &v, &err);
    free(text);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(st == PC_EDATA && v.method == NULL && v.nargs == 0 && v.round == 0);
        return 0;
    }
    FUZZ_CHECK(v.method && v.method->kind == PC_VOTE && v.nargs == v.method->nargs);
    char *argv[PC_MAX_ARGS];
    for (size_t i = 0; i < v.nargs; i++)
        argv[i] = v.args[i];
    bytebuf call = BYTEBUF_INIT;
    FUZZ_CHECK(pc_encode_call(v.method, (int)v.nargs, argv, &call, &err) == PC_OK);
    const pc_method *m;
    abi_value args;
    FUZZ_CHECK(pc_decode_calldata(call.data, call.len, &m, &args, &err) == PC_OK &&
               m == v.method);
    char written[PC_VOTE_TEXT_MAX + 1];
    FUZZ_CHECK(pc_vote_write(m, &args, v.round, written, sizeof written, &err) == PC_OK);
    FUZZ_CHECK(pc_vote_parse(written, &again, &err) == PC_OK && same(&v, &again));
    abi_value_free(&args);
    bytebuf_free(&call);
    return 0;
}
