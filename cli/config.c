#include "cli/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file's path (malloc'd), or NULL when no home is known. */
static char *config_path(void)
{
    const char *p = getenv("POWERCHAIN_CONFIG");
    if (p && *p)
        return strdup(p);
    const char *base = getenv("XDG_CONFIG_HOME");
    const char *suffix = "/powerchain/config";
    char *out;
    if (base && *base) {
        if ((out = malloc(strlen(base) + strlen(suffix) + 1)))
            sprintf(out, "%s%s", base, suffix);
        return out;
    }
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    if ((out = malloc(strlen(home) + strlen("/.config") + strlen(suffix) + 1)))
        sprintf(out, "%s/.config%s", home, suffix);
    return out;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static pc_status store_value(cli_config *c, const char *key, const char *value, bool *known)
{
    struct { const char *key; char **slot; } KEYS[] = {
        { "rpc", &c->rpc }, { "contract", &c->contract }, { "contract-json", &c->contract_json },
        { "keystore", &c->keystore }, { "account", &c->account },
    };
    *known = false;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        if (strcmp(key, KEYS[i].key) != 0)
            continue;
        *known = true;
        free(*KEYS[i].slot);
        if (!(*KEYS[i].slot = strdup(value)))
            return PC_ENOMEM;
    }
    return PC_OK;
}

static pc_status read_file(const char *path, cli_config *c, pc_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? PC_OK
                               : pc_fail(err, PC_EIO, "%s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
    pc_status st = PC_OK;
    while (st == PC_OK && getline(&line, &cap, f) >= 0) {
        lineno++;
        char *t = trim(line);
        if (!*t || *t == '#')
            continue;
        char *eq = strchr(t, '=');
        if (!eq) {
            st = pc_fail(err, PC_EINPUT, "%s:%u: expected key = value", path, lineno);
            break;
        }
        *eq = '\0';
        bool known;
        char *key = trim(t), *value = trim(eq + 1);
        if ((st = store_value(c, key, value, &known)) != PC_OK)
            pc_fail(err, st, "out of memory");
        else if (!known)
            st = pc_fail(err, PC_EINPUT, "%s:%u: unknown key \"%.40s\" (rpc, contract, "
                                         "contract-json, keystore, account)", path, lineno, key);
    }
    free(line);
    fclose(f);
    return st;
}

pc_status config_apply(cli_ctx *ctx, cli_config *store, pc_error *err)
{
    memset(store, 0, sizeof *store);
    char *path = config_path();
    if (!path)
        return PC_OK;
    pc_status st = read_file(path, store, err);
    free(path);
    if (st != PC_OK) {
        config_free(store);
        return st;
    }
    if (!ctx->rpc_url)
        ctx->rpc_url = store->rpc;
    /* One deployment: a contract given any way wins over every contract key here. */
    if (!ctx->contract_address && !ctx->contract_json) {
        if (store->contract && strncmp(store->contract, "0x", 2) == 0)
            ctx->contract_address = store->contract;
        else if (store->contract)
            ctx->contract_json = store->contract;
        else
            ctx->contract_json = store->contract_json;
    }
    if (!ctx->keystore_dir)
        ctx->keystore_dir = store->keystore;
    if (!ctx->account)
        ctx->account = store->account;
    return PC_OK;
}

void config_free(cli_config *store)
{
    free(store->rpc);
    free(store->contract);
    free(store->contract_json);
    free(store->keystore);
    free(store->account);
    memset(store, 0, sizeof *store);
}
