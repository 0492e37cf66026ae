/* Deployment files ({"name","address","abi"}), which people get from
 * whoever deployed the contract: pc_contract_load_json reads a path, so the
 * input is put in an in-memory file and read through /proc/self/fd. A
 * loaded deployment then decodes getParameters' return data, which uses the
 * file's output names when their shape matches. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz/fuzz.h"
#include "rpcclient/powerchain.h"

static int fd = -1;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fd = memfd_create("deployment", 0);
    if (fd < 0)
        abort();
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    pc_contract *k = NULL;
    pc_error err = { 0 };
    pc_status st = pc_contract_load_json(path, &k, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(k == NULL);
        return 0;
    }
    FUZZ_CHECK(k != NULL && pc_contract_name(k) != NULL);
    uint8_t ret[5 * 32] = { 0 };
    abi_value v;
    const abi_type *type = NULL;
    FUZZ_CHECK(pc_decode_result(pc_method_find("getParameters"), ret, sizeof ret, &v, &type,
                                &err) == PC_OK);
    FUZZ_CHECK(type->kind == ABI_TUPLE && type->nfields == 5);
    abi_value_free(&v);
    pc_contract_free(k);
    return 0;
}
