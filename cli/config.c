#include "cli/config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/fees.h"
#include "cli/opts.h"
#include "keystore/keystore.h"
#include "keystore/safefile.h"
#include "rpcclient/powerchain.h"

/* The file's path (malloc'd), or NULL when no home is known. */
#define CONFIG_MAX_BYTES (1024u * 1024u)

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

/* Where an error in the file is: "path:line". */
typedef struct place {
    const char *path;
    unsigned line;
} place;

/* rpc: every word separated by spaces or commas is one more node. */
static pc_status add_nodes(cli_network *n, char *value, place at, pc_error *err)
{
    for (char *w = strtok(value, " \t,"); w; w = strtok(NULL, " \t,")) {
        if (n->nrpc == CONFIG_NODES_MAX)
            return pc_fail(err, PC_EINPUT, "%s:%u: more than %d nodes", at.path, at.line,
                           CONFIG_NODES_MAX);
        if (!(n->rpc[n->nrpc] = strdup(w)))
            return pc_fail(err, PC_ENOMEM, "out of memory");
        n->nrpc++;
    }
    return PC_OK;
}

static pc_status store_value(cli_network *n, const char *key, char *value, place at,
                             pc_error *err)
{
    struct { const char *key; char **slot; } TEXTS[] = {
        { "contract", &n->contract }, { "contract-json", &n->contract_json },
        { "keystore", &n->keystore }, { "account", &n->account }, { "cacert", &n->cacert },
    };
    if (strcmp(key, "rpc") == 0)
        return add_nodes(n, value, at, err);
    if (strcmp(key, "chain-id") == 0) {
        unsigned long long id;
        pc_error e = { 0 };
        if (cli_parse_u64("chain-id", value, UINT64_MAX, &id, &e) != PC_OK || id == 0)
            return pc_fail(err, PC_EINPUT, "%s:%u: chain-id must be a whole number from 1, "
                                           "not \"%.40s\"", at.path, at.line, value);
        n->has_chain_id = true;
        n->chain_id = id;
        return PC_OK;
    }
    if (strcmp(key, "fee-cap") == 0) {
        if (cli_parse_wei("fee-cap", value, &n->fee_cap, NULL) != PC_OK)
            return pc_fail(err, PC_EINPUT, "%s:%u: fee-cap must be whole wei (digits only), "
                                           "not \"%.40s\"", at.path, at.line, value);
        n->has_fee_cap = true;
        return PC_OK;
    }
    if (strcmp(key, "notify") == 0) {
        if (!tui_notify_parse(value, &n->notify))
            return pc_fail(err, PC_EINPUT, "%s:%u: notify is one of " TUI_NOTIFY_NAMES
                                           ", not \"%.40s\"", at.path, at.line, value);
        n->has_notify = true;
        return PC_OK;
    }
    if (strcmp(key, "peg-gap") == 0) {
        pc_error e = { 0 };
        if (u256_parse_fixed(value, 18, &n->peg_gap, &e) != PC_OK)
            return pc_fail(err, PC_EINPUT, "%s:%u: peg-gap must be an amount of ENT such as 1 "
                                           "or 0.5, not \"%.40s\"", at.path, at.line, value);
        n->has_peg_gap = true;
        return PC_OK;
    }
    for (size_t i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        if (strcmp(key, TEXTS[i].key) != 0)
            continue;
        free(*TEXTS[i].slot);
        if (!(*TEXTS[i].slot = strdup(value)))
            return pc_fail(err, PC_ENOMEM, "out of memory");
        return PC_OK;
    }
    return pc_fail(err, PC_EINPUT, "%s:%u: unknown key \"%.40s\" (rpc, contract, contract-json, "
                                   "chain-id, fee-cap, keystore, account, cacert, notify, peg-gap)",
                 at.path, at.line,
                 key);
}

/* "[network NAME]": a new section, which the following keys fill. */
static pc_status open_section(cli_config *c, char *line, place at, cli_network **cur,
                              pc_error *err)
{
    size_t n = strlen(line);
    char *inner = line + 1;
    if (n < 2 || line[n - 1] != ']')
        return pc_fail(err, PC_EINPUT, "%s:%u: a section line reads [network NAME]", at.path,
                       at.line);
    line[n - 1] = '\0';
    inner = trim(inner);
    if (strncmp(inner, "network", 7) != 0 || (inner[7] != ' ' && inner[7] != '\t'))
        return pc_fail(err, PC_EINPUT, "%s:%u: a section line reads [network NAME]", at.path,
                       at.line);
    const char *name = trim(inner + 7);
    pc_error e = { 0 };
    if (keystore_check_name(name, &e) != PC_OK)
        return pc_fail(err, PC_EINPUT, "%s:%u: network name: %s", at.path, at.line, e.msg);
    if (config_network(c, name))
        return pc_fail(err, PC_EINPUT, "%s:%u: network \"%s\" is named twice", at.path, at.line,
                       name);
    cli_network *grown = realloc(c->networks, (c->nnetworks + 1) * sizeof *grown);
    if (!grown)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    c->networks = grown;
    *cur = &c->networks[c->nnetworks];
    memset(*cur, 0, sizeof **cur);
    if (!((*cur)->name = strdup(name)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    c->nnetworks++;
    return PC_OK;
}

/* The file chooses the node and the contract people sign for: only its
 * owner (or root) may be able to change it. Checked on the open file, so
 * that it is the file read. */
static pc_status check_file(const char *path, const struct stat *sb, pc_error *err)
{
    if (!S_ISREG(sb->st_mode))
        return pc_fail(err, PC_EINPUT, "config file %s is not a regular file", path);
    if (sb->st_uid != geteuid() && sb->st_uid != 0)
        return pc_fail(err, PC_EIO, "config file %s belongs to another user; refusing it", path);
    if (sb->st_mode & 022)
        return pc_fail(err, PC_EIO,
                       "config file %s can be changed by group/others (mode %03o); refusing it: "
                       "run chmod go-w %s",
                       path, (unsigned)(sb->st_mode & 0777), path);
    if (sb->st_size > CONFIG_MAX_BYTES)
        return pc_fail(err, PC_EINPUT, "config file %s is larger than %u KiB", path,
                       CONFIG_MAX_BYTES / 1024);
    return PC_OK;
}

/* One line (not yet trimmed, NUL-terminated) into the current section. */
static pc_status parse_line(cli_config *c, char *line, place at, cli_network **cur,
                            pc_error *err)
{
    char *t = trim(line);
    if (!*t || *t == '#')
        return PC_OK;
    if (*t == '[')
        return open_section(c, t, at, cur, err);
    char *eq = strchr(t, '=');
    if (!eq)
        return pc_fail(err, PC_EINPUT, "%s:%u: expected key = value", at.path, at.line);
    *eq = '\0';
    return store_value(*cur, trim(t), trim(eq + 1), at, err);
}

pc_status config_parse(cli_config *c, const char *label, const char *text, size_t len,
                       pc_error *err)
{
    place at = { label, 0 };
    cli_network *cur = &c->common;
    pc_status st = PC_OK;
    const char *p = text, *end = text + len;
    while (st == PC_OK && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        at.line++;
        /* C strings from here on: a NUL would cut the rest of the line unseen. */
        if (memchr(p, '\0', n))
            return pc_fail(err, PC_EINPUT, "%s:%u: the line holds a NUL byte", label, at.line);
        char *line = malloc(n + 1);
        if (!line)
            return pc_fail(err, PC_ENOMEM, "out of memory");
        memcpy(line, p, n);
        line[n] = '\0';
        st = parse_line(c, line, at, &cur, err);
        free(line);
        p = nl ? nl + 1 : end;
    }
    return st;
}

/* O_NONBLOCK: opening a FIFO (or a device) for reading would wait for a
 * writer; it is opened at once and refused by the check on what it is. */
static pc_status read_file(const char *path, cli_config *c, pc_error *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? PC_OK
                               : pc_fail(err, PC_EIO, "%s: %s", path, strerror(errno));
    struct stat sb;
    pc_status st = fstat(fd, &sb) == 0 ? check_file(path, &sb, err)
                                       : pc_fail(err, PC_EIO, "%s: %s", path, strerror(errno));
    char *text = NULL;
    size_t len = 0;
    pc_error e = { 0 };
    /* It may have grown since it was checked: read at most the limit. */
    pc_status got = st == PC_OK ? safefile_read_fd(fd, path, CONFIG_MAX_BYTES, &text, &len, &e)
                                : st;
    close(fd);
    if (got == PC_EDATA)
        st = pc_fail(err, PC_EINPUT, "config file %s is larger than %u KiB", path,
                     CONFIG_MAX_BYTES / 1024);
    else if (st == PC_OK && got != PC_OK)
        st = pc_fail(err, got, "%s", e.msg);
    if (st == PC_OK)
        st = config_parse(c, path, text, len, err);
    free(text);
    return st;
}

pc_status config_load(cli_config *store, pc_error *err)
{
    memset(store, 0, sizeof *store);
    char *path = config_path();
    if (!path)
        return PC_OK;
    pc_status st = read_file(path, store, err);
    free(path);
    if (st != PC_OK)
        config_free(store);
    return st;
}

const cli_network *config_network(const cli_config *store, const char *name)
{
    for (size_t i = 0; i < store->nnetworks; i++)
        if (strcmp(store->networks[i].name, name) == 0)
            return &store->networks[i];
    return NULL;
}

/* Fills what ctx still lacks from one set of keys. */
static void fill(cli_ctx *ctx, const cli_network *n)
{
/* A value with its "given" flag, when ctx has none yet. */
#define TAKE(has, field)                                                                     \
    do {                                                                                    \
        if (!ctx->has && n->has) {                                                          \
            ctx->has = true;                                                                \
            ctx->field = n->field;                                                          \
        }                                                                                   \
    } while (0)
    if (!ctx->rpc_url && n->nrpc) {
        ctx->rpc_url = n->rpc[0];
        for (size_t i = 1; i < n->nrpc; i++)
            ctx->rpc_fallbacks[ctx->n_rpc_fallbacks++] = n->rpc[i];
    }
    /* One deployment: a contract given any way wins over every contract key here. */
    if (!ctx->contract_address && !ctx->contract_json) {
        if (n->contract && strncmp(n->contract, "0x", 2) == 0)
            ctx->contract_address = n->contract;
        else if (n->contract)
            ctx->contract_json = n->contract;
        else
            ctx->contract_json = n->contract_json;
    }
    TAKE(has_chain_id, chain_id);
    TAKE(has_fee_cap, fee_cap);
    if (!ctx->keystore_dir)
        ctx->keystore_dir = n->keystore;
    if (!ctx->account)
        ctx->account = n->account;
    if (!ctx->cacert)
        ctx->cacert = n->cacert;
    TAKE(has_notify, notify);
    TAKE(has_peg_gap, peg_gap);
#undef TAKE
}

/* A deployment file that says its chain (deploy writes it) pins what is
 * signed to that chain, as --chain-id would; one that disagrees with the
 * chain asked for is refused. A file that cannot be read is left to the
 * command that needs it, which says why. One that can is kept in ctx, so
 * that the command does not read and parse it again. */
static pc_status pin_deployment_chain(cli_ctx *ctx, pc_error *err)
{
    pc_contract *k = NULL;
    uint64_t block, chain_id;
    if (ctx->contract_address || !ctx->contract_json ||
        pc_contract_load_json(ctx->contract_json, &k, NULL) != PC_OK)
        return PC_OK;
    pc_status st = PC_OK;
    ctx->deployment = k;
    if (pc_contract_deployment(k, &block, &chain_id)) {
        if (ctx->has_chain_id && ctx->chain_id != chain_id)
            st = pc_fail(err, PC_EINPUT,
                         "%s was deployed on chain %llu, but chain %llu is asked for "
                         "(--chain-id, POWERCHAIN_CHAIN_ID or the config file)",
                         ctx->contract_json, (unsigned long long)chain_id,
                         (unsigned long long)ctx->chain_id);
        ctx->has_chain_id = true;
        ctx->chain_id = chain_id;
    }
    return st;
}

pc_status config_apply(cli_ctx *ctx, const cli_config *store, const char *network,
                       pc_error *err)
{
    if (network) {
        const cli_network *n = config_network(store, network);
        if (!n) {
            char known[256] = "none in the configuration file";
            size_t used = 0;
            for (size_t i = 0; i < store->nnetworks && used < sizeof known; i++)
                used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                         i ? ", " : "", store->networks[i].name);
            return pc_fail(err, PC_EINPUT, "unknown network \"%.40s\" (known: %s)", network,
                           known);
        }
        fill(ctx, n);
    }
    fill(ctx, &store->common);
    ctx->network = network;
    ctx->config = store;
    return pin_deployment_chain(ctx, err);
}

static void network_free(cli_network *n)
{
    free(n->name);
    for (size_t i = 0; i < n->nrpc; i++)
        free(n->rpc[i]);
    free(n->contract);
    free(n->contract_json);
    free(n->keystore);
    free(n->account);
    free(n->cacert);
}

void config_free(cli_config *store)
{
    network_free(&store->common);
    for (size_t i = 0; i < store->nnetworks; i++)
        network_free(&store->networks[i]);
    free(store->networks);
    memset(store, 0, sizeof *store);
}
