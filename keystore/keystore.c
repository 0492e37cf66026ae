#include "keystore/keystore.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "eth/hex.h"
#include "eth/secp.h"
#include "keystore/password.h"
#include "keystore/safefile.h"

#define NAMES_FILE "names.json"
#define INDEX_FILE_MAX (1u << 20) /* names.json and the learnt addresses */
#define TRASH_DIR "trash"

typedef struct name_entry {
    eth_address address;
    char *name;
} name_entry;

/* An address learnt at a first unlock, for the key file `file`. */
typedef struct learnt_entry {
    char *file;
    eth_address address;
} learnt_entry;

struct keystore {
    char *dir;
    char *learnt_dir; /* dir/KEYSTORE_LEARNT_DIR */
    keystore_account *accounts;
    size_t count;
    name_entry *names; /* as in names.json, which may name absent accounts */
    size_t n_names;
    learnt_entry *learnt; /* as in the learnt addresses file */
    size_t n_learnt;
};

/* ---- small helpers ---- */

/* "0x" + 40 hex digits in any case. */
static bool parse_address_text(const char *text, eth_address *out)
{
    size_t n = 0;
    return strlen(text) == 42 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') &&
           hex_decode(text, 42, out->b, sizeof out->b, &n, NULL) == PC_OK && n == sizeof out->b;
}

static void address_key(const eth_address *a, char out[43])
{
    out[0] = '0';
    out[1] = 'x';
    eth_address_to_lower_nopfx(a, out + 2);
}

/* geth's key file name: UTC--2006-01-02T15-04-05.999999999Z--<address>. */
static void key_file_name(const eth_address *a, char *out, size_t cap)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char addr[41];
    eth_address_to_lower_nopfx(a, addr);
    snprintf(out, cap, "UTC--%04d-%02d-%02dT%02d-%02d-%02d.%09ldZ--%s", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (long)ts.tv_nsec, addr);
}

/* The address at the end of a geth-style file name, for files too broken
 * to say it themselves. */
static bool address_from_file_name(const char *file, eth_address *out)
{
    size_t len = strlen(file), n = 0;
    return len >= 42 && file[len - 42] == '-' && file[len - 41] == '-' &&
           hex_decode(file + len - 40, 40, out->b, sizeof out->b, &n, NULL) == PC_OK &&
           n == sizeof out->b;
}

pc_status keystore_check_name(const char *name, pc_error *err)
{
    size_t len = strlen(name);
    if (len == 0 || len > KEYSTORE_NAME_MAX)
        return pc_fail(err, PC_EINPUT, "an account name must have 1 to %d characters",
                       KEYSTORE_NAME_MAX);
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return pc_fail(err, PC_EINPUT,
                           "account name \"%.64s\": only letters, digits, '.', '_' and '-' "
                           "are allowed",
                           name);
    }
    /* Names and addresses share the command line's ADDRESS|NAME slot. */
    if (name[0] == '-' || (name[0] == '0' && (name[1] == 'x' || name[1] == 'X')))
        return pc_fail(err, PC_EINPUT, "account name \"%s\" must not start with '-' or \"0x\"",
                       name);
    return PC_OK;
}

/* ---- loading ---- */

static void free_accounts(keystore *ks)
{
    for (size_t i = 0; i < ks->count; i++) {
        keystore_account *a = &ks->accounts[i];
        free((char *)a->path);
        free((char *)a->file);
        free((char *)a->name);
        free((char *)a->problem_msg);
    }
    free(ks->accounts);
    ks->accounts = NULL;
    ks->count = 0;
}

static void free_names(keystore *ks)
{
    for (size_t i = 0; i < ks->n_names; i++)
        free(ks->names[i].name);
    free(ks->names);
    ks->names = NULL;
    ks->n_names = 0;
}

static void free_learnt(keystore *ks)
{
    for (size_t i = 0; i < ks->n_learnt; i++)
        free(ks->learnt[i].file);
    free(ks->learnt);
    ks->learnt = NULL;
    ks->n_learnt = 0;
}

/* Reads one of the keystore's index files (names.json, the learnt
 * addresses): a JSON object of at most INDEX_FILE_MAX bytes in a file only
 * this user may use. A missing file is *root NULL and PC_OK. `what` names
 * the file in messages; *path (caller frees) is its path, for them. */
static pc_status read_index(const char *dir, const char *file, const char *what, cJSON **root,
                            char **path, pc_error *err)
{
    *root = NULL;
    if (!(*path = safefile_join(dir, file)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    char *text = NULL;
    size_t len;
    bool missing;
    struct stat st;
    pc_status status = safefile_read(*path, INDEX_FILE_MAX, &text, &len, &st, &missing, err);
    if (status != PC_OK && missing) {
        pc_error_clear(err);
        return PC_OK;
    }
    if (status == PC_OK)
        status = safefile_check_private_file(*path, &st, err);
    if (status == PC_OK && !cJSON_IsObject(*root = cJSON_ParseWithLength(text, len)))
        status = pc_fail(err, PC_EDATA, "%s %s is corrupt; fix or remove it", what, *path);
    free(text);
    if (status != PC_OK) {
        cJSON_Delete(*root);
        *root = NULL;
    }
    return status;
}

static pc_status corrupt_entry(const char *what, const char *path, const cJSON *item,
                               pc_error *err)
{
    return pc_fail(err, PC_EDATA, "%s %s is corrupt (entry \"%.50s\"); fix or remove it", what,
                   path, item->string ? item->string : "");
}

static pc_status load_names(keystore *ks, pc_error *err)
{
    const char *what = "names file";
    cJSON *root;
    char *path;
    pc_status status = read_index(ks->dir, NAMES_FILE, what, &root, &path, err);
    size_t n = (size_t)cJSON_GetArraySize(root);
    if (status == PC_OK && root && !(ks->names = calloc(n ? n : 1, sizeof *ks->names)))
        status = pc_fail(err, PC_ENOMEM, "out of memory");
    const cJSON *item;
    for (item = root ? root->child : NULL; status == PC_OK && item; item = item->next) {
        name_entry *e = &ks->names[ks->n_names];
        if (!item->string || !parse_address_text(item->string, &e->address) ||
            !cJSON_IsString(item) || keystore_check_name(item->valuestring, NULL) != PC_OK)
            status = corrupt_entry(what, path, item, err);
        else if (!(e->name = strdup(item->valuestring)))
            status = pc_fail(err, PC_ENOMEM, "out of memory");
        else
            ks->n_names++;
    }
    cJSON_Delete(root);
    free(path);
    return status;
}

/* A name a key file may have in the folder: one path component, not
 * hidden (hidden names are skipped when listing). */
static bool plain_file_name(const char *s)
{
    size_t len = strlen(s);
    return len > 0 && len < 256 && s[0] != '.' && !strchr(s, '/');
}

static pc_status load_learnt(keystore *ks, pc_error *err)
{
    struct stat st;
    if (stat(ks->learnt_dir, &st) != 0 && errno == ENOENT)
        return PC_OK;
    pc_status status = safefile_check_private_dir(ks->learnt_dir, err);
    if (status != PC_OK)
        return status;
    const char *what = "learnt addresses file";
    cJSON *root;
    char *path;
    status = read_index(ks->learnt_dir, KEYSTORE_LEARNT_FILE, what, &root, &path, err);
    size_t n = (size_t)cJSON_GetArraySize(root);
    if (status == PC_OK && root && !(ks->learnt = calloc(n ? n : 1, sizeof *ks->learnt)))
        status = pc_fail(err, PC_ENOMEM, "out of memory");
    const cJSON *item;
    for (item = root ? root->child : NULL; status == PC_OK && item; item = item->next) {
        learnt_entry *e = &ks->learnt[ks->n_learnt];
        if (!item->string || !plain_file_name(item->string) || !cJSON_IsString(item) ||
            !parse_address_text(item->valuestring, &e->address))
            status = corrupt_entry(what, path, item, err);
        else if (!(e->file = strdup(item->string)))
            status = pc_fail(err, PC_ENOMEM, "out of memory");
        else
            ks->n_learnt++;
    }
    cJSON_Delete(root);
    free(path);
    return status;
}

static const learnt_entry *learnt_of(const keystore *ks, const char *file)
{
    for (size_t i = 0; i < ks->n_learnt; i++)
        if (strcmp(ks->learnt[i].file, file) == 0)
            return &ks->learnt[i];
    return NULL;
}

static const char *name_of(const keystore *ks, const eth_address *a)
{
    for (size_t i = 0; i < ks->n_names; i++)
        if (eth_address_equal(&ks->names[i].address, a))
            return ks->names[i].name;
    return NULL;
}

/* Fills one account from its file; problems are recorded, not returned
 * (only running out of memory is). */
static pc_status load_account(keystore *ks, const char *file, keystore_account *a, pc_error *err)
{
    memset(a, 0, sizeof *a);
    a->path = safefile_join(ks->dir, file);
    a->file = strdup(file);
    if (!a->path || !a->file)
        return pc_fail(err, PC_ENOMEM, "out of memory");

    pc_error perr;
    pc_error_clear(&perr);
    char *text = NULL;
    size_t len;
    struct stat st;
    a->problem = safefile_read(a->path, KEYSTORE_FILE_MAX, &text, &len, &st, NULL, &perr);
    if (a->problem == PC_OK)
        a->problem = safefile_check_private_file(a->path, &st, &perr);
    pc_error first = perr;
    if (text) {
        /* Even a refused file is parsed, to learn which account it holds. */
        keyfile kf;
        pc_status st_parse = keyfile_parse(text, len, a->path, &kf, &perr);
        a->has_address = kf.has_address;
        a->address = kf.address;
        if (st_parse == PC_OK && !kf.has_address) {
            const learnt_entry *e = learnt_of(ks, file);
            a->address_learnt = true;
            a->has_address = e != NULL;
            if (e)
                a->address = e->address;
        }
        if (a->problem == PC_OK && st_parse != PC_OK) {
            a->problem = st_parse;
            first = perr;
        }
        free(text);
    }
    eth_address in_name;
    bool geth_name = address_from_file_name(file, &in_name);
    if (!a->has_address && !a->address_learnt && geth_name) {
        a->has_address = true;
        a->address = in_name;
    }
    if (a->problem != PC_OK && !(a->problem_msg = strdup(first.msg)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    /* A file name that is no geth name was chosen by a person (or is
     * Foundry's UUID): it serves as the account's name when names.json
     * gives none, and only when it could be one. */
    const char *name = a->has_address ? name_of(ks, &a->address) : NULL;
    if (!name && !geth_name && keystore_check_name(file, NULL) == PC_OK)
        name = file;
    if (name && !(a->name = strdup(name)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    return PC_OK;
}

static int by_file(const void *x, const void *y)
{
    return strcmp(((const keystore_account *)x)->file, ((const keystore_account *)y)->file);
}

static pc_status load_accounts(keystore *ks, pc_error *err)
{
    DIR *d = opendir(ks->dir);
    if (!d) {
        if (errno == ENOENT)
            return PC_OK; /* created by the first account */
        return pc_fail(err, PC_EIO, "cannot read keystore folder %s: %s", ks->dir,
                       strerror(errno));
    }
    pc_status status = PC_OK;
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        /* Hidden names cover ".", "..", unfinished writes (".tmp-*") and
         * the learnt addresses' folder. */
        if (de->d_name[0] == '.' || strcmp(de->d_name, NAMES_FILE) == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
            continue; /* trash/ and anything else that is not a file */
        if (ks->count == cap) {
            size_t ncap = cap ? 2 * cap : 16;
            keystore_account *n = realloc(ks->accounts, ncap * sizeof *n);
            if (!n) {
                status = pc_fail(err, PC_ENOMEM, "out of memory");
                break;
            }
            ks->accounts = n;
            cap = ncap;
        }
        status = load_account(ks, de->d_name, &ks->accounts[ks->count], err);
        ks->count++; /* counted even on failure, so free_accounts frees it */
        if (status != PC_OK)
            break;
    }
    closedir(d);
    if (status == PC_OK && ks->count)
        qsort(ks->accounts, ks->count, sizeof *ks->accounts, by_file);
    return status;
}

static pc_status reload(keystore *ks, pc_error *err)
{
    free_accounts(ks);
    free_names(ks);
    free_learnt(ks);
    struct stat st;
    if (stat(ks->dir, &st) != 0 && errno == ENOENT)
        return PC_OK;
    pc_status status = safefile_check_private_dir(ks->dir, err);
    if (status == PC_OK)
        status = load_names(ks, err);
    if (status == PC_OK)
        status = load_learnt(ks, err);
    if (status == PC_OK)
        status = load_accounts(ks, err);
    return status;
}

pc_status keystore_open(const char *dir, keystore **out, pc_error *err)
{
    *out = NULL;
    pc_status status = secret_init(err);
    if (status != PC_OK)
        return status;
    keystore *ks = calloc(1, sizeof *ks);
    if (!ks || !(ks->dir = strdup(dir))) {
        free(ks);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    /* A trailing slash would double up in the paths shown to the user. */
    size_t len = strlen(ks->dir);
    while (len > 1 && ks->dir[len - 1] == '/')
        ks->dir[--len] = '\0';
    if (!(ks->learnt_dir = safefile_join(ks->dir, KEYSTORE_LEARNT_DIR)))
        status = pc_fail(err, PC_ENOMEM, "out of memory");
    if (status != PC_OK || (status = reload(ks, err)) != PC_OK) {
        keystore_close(ks);
        return status;
    }
    *out = ks;
    return PC_OK;
}

void keystore_close(keystore *ks)
{
    if (!ks)
        return;
    free_accounts(ks);
    free_names(ks);
    free_learnt(ks);
    free(ks->learnt_dir);
    free(ks->dir);
    free(ks);
}

const char *keystore_dir(const keystore *ks)
{
    return ks->dir;
}

size_t keystore_count(const keystore *ks)
{
    return ks->count;
}

const keystore_account *keystore_at(const keystore *ks, size_t i)
{
    return i < ks->count ? &ks->accounts[i] : NULL;
}

/* Whether `which` (not an address) names the account: its name, in any
 * case, or its file's name exactly. */
static bool answers_to(const keystore_account *a, const char *which)
{
    return (a->name && strcasecmp(a->name, which) == 0) || strcmp(a->file, which) == 0;
}

static bool same_account(const keystore_account *a, const keystore_account *b)
{
    return a == b ||
           (a->has_address && b->has_address && eth_address_equal(&a->address, &b->address));
}

pc_status keystore_find(const keystore *ks, const char *which, const keystore_account **out,
                        pc_error *err)
{
    *out = NULL;
    eth_address want;
    bool by_address = parse_address_text(which, &want);
    const keystore_account *found = NULL;
    for (size_t i = 0; i < ks->count; i++) {
        const keystore_account *a = &ks->accounts[i];
        bool match = by_address ? a->has_address && eth_address_equal(&a->address, &want)
                                : answers_to(a, which);
        if (!match)
            continue;
        if (found && !same_account(found, a))
            return pc_fail(err, PC_EINPUT,
                           "\"%.64s\" names two accounts in keystore %s (files %s and %s); "
                           "rename one, or choose it by address",
                           which, ks->dir, found->file, a->file);
        if (!found || (found->problem != PC_OK && a->problem == PC_OK))
            found = a;
    }
    if (!found) {
        if (by_address) {
            char text[ETH_ADDRESS_TEXT_LEN];
            eth_address_to_checksum(&want, text);
            return pc_fail(err, PC_EINPUT, "no account %s in keystore %s", text, ks->dir);
        }
        if (which[0] == '0' && (which[1] == 'x' || which[1] == 'X'))
            return pc_fail(err, PC_EINPUT, "\"%.60s\" is not an address (0x and 40 hex digits)",
                           which);
        return pc_fail(err, PC_EINPUT, "no account named \"%.64s\" in keystore %s", which,
                       ks->dir);
    }
    *out = found;
    return PC_OK;
}

static pc_status find_usable(const keystore *ks, const char *which, const keystore_account **out,
                             pc_error *err)
{
    pc_status st = keystore_find(ks, which, out, err);
    if (st == PC_OK && (*out)->problem != PC_OK) {
        st = pc_fail(err, (*out)->problem, "%s", (*out)->problem_msg);
        *out = NULL;
    }
    return st;
}

pc_status keystore_default_dir(char **out, pc_error *err)
{
    *out = NULL;
    const char *env = getenv("POWERCHAIN_KEYSTORE");
    if (env && *env) {
        *out = strdup(env);
    } else {
        const char *data = getenv("XDG_DATA_HOME");
        const char *suffix = "/powerchain/keystore";
        const char *base;
        /* The XDG spec says relative values are to be ignored. */
        if (data && data[0] == '/') {
            base = data;
        } else {
            const char *home = getenv("HOME");
            if (!home || !*home) {
                const struct passwd *pw = getpwuid(geteuid());
                home = pw ? pw->pw_dir : NULL;
            }
            if (!home)
                return pc_fail(err, PC_EINPUT,
                               "cannot find a home folder for the keystore; use --keystore");
            base = home;
            suffix = "/.local/share/powerchain/keystore";
        }
        size_t n = strlen(base) + strlen(suffix) + 1;
        if ((*out = malloc(n)) != NULL)
            snprintf(*out, n, "%s%s", base, suffix);
    }
    return *out ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
}

/* ---- changes, under the lock ---- */

/* Creates the folder if needed, takes the exclusive lock, removes the
 * temporary files of writes that a crash interrupted (nobody else can be
 * writing while we hold the lock) and reloads. *fd holds the lock until
 * unlock_dir. */
static pc_status lock_dir(keystore *ks, int *fd, pc_error *err)
{
    *fd = -1;
    pc_status st = safefile_mkdir_private(ks->dir, err);
    if (st != PC_OK)
        return st;
    int d = open(ks->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d < 0)
        return pc_fail(err, PC_EIO, "cannot open keystore folder %s: %s", ks->dir,
                       strerror(errno));
    while (flock(d, LOCK_EX) != 0) {
        if (errno != EINTR) {
            st = pc_fail(err, PC_EIO, "cannot lock keystore folder %s: %s", ks->dir,
                         strerror(errno));
            close(d);
            return st;
        }
    }
    DIR *dir = fdopendir(dup(d));
    if (dir) {
        struct dirent *de;
        while ((de = readdir(dir)) != NULL)
            if (strncmp(de->d_name, SAFEFILE_TMP_PREFIX, strlen(SAFEFILE_TMP_PREFIX)) == 0)
                unlinkat(d, de->d_name, 0);
        closedir(dir);
    }
    if ((st = reload(ks, err)) != PC_OK) {
        close(d);
        return st;
    }
    *fd = d;
    return PC_OK;
}

/* Releases the lock and reloads, so the caller sees the change; a reload
 * failure only replaces `st` when the change itself succeeded. */
static pc_status unlock_dir(keystore *ks, int fd, pc_status st, pc_error *err)
{
    close(fd); /* drops the flock */
    pc_error rerr;
    pc_status rst = reload(ks, &rerr);
    if (st == PC_OK && rst != PC_OK) {
        if (err)
            *err = rerr;
        return rst;
    }
    return st;
}

/* Writes `root` (which this frees) as dir/file, atomically; `ok` false
 * means building it ran out of memory. */
static pc_status write_index(const char *dir, const char *file, cJSON *root, bool ok,
                             pc_error *err)
{
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = safefile_write_atomic(dir, file, text, strlen(text), true, err);
    free(text);
    return st;
}

/* Writes names.json from ks->names, leaving out names of accounts that are
 * no longer in the folder. */
static pc_status save_names(keystore *ks, pc_error *err)
{
    cJSON *root = cJSON_CreateObject();
    bool ok = root != NULL;
    for (size_t i = 0; ok && i < ks->n_names; i++) {
        bool present = false;
        for (size_t j = 0; j < ks->count && !present; j++)
            present = ks->accounts[j].has_address &&
                      eth_address_equal(&ks->accounts[j].address, &ks->names[i].address);
        if (!present)
            continue;
        char key[43];
        address_key(&ks->names[i].address, key);
        ok = cJSON_AddStringToObject(root, key, ks->names[i].name) != NULL;
    }
    return write_index(ks->dir, NAMES_FILE, root, ok, err);
}

/* Writes the learnt addresses from ks->learnt, leaving out files that are
 * gone or now have an address field of their own. */
static pc_status save_learnt(keystore *ks, pc_error *err)
{
    cJSON *root = cJSON_CreateObject();
    bool ok = root != NULL;
    for (size_t i = 0; ok && i < ks->n_learnt; i++) {
        bool present = false;
        for (size_t j = 0; j < ks->count && !present; j++)
            present = ks->accounts[j].address_learnt &&
                      strcmp(ks->accounts[j].file, ks->learnt[i].file) == 0;
        if (!present)
            continue;
        char key[43];
        address_key(&ks->learnt[i].address, key);
        ok = cJSON_AddStringToObject(root, ks->learnt[i].file, key) != NULL;
    }
    pc_status st = ok ? safefile_mkdir_private(ks->learnt_dir, err) : PC_OK;
    if (st != PC_OK) {
        cJSON_Delete(root);
        return st;
    }
    return write_index(ks->learnt_dir, KEYSTORE_LEARNT_FILE, root, ok, err);
}

/* Sets (or with NULL removes) the name of `address` in ks->names. */
static pc_status set_name(keystore *ks, const eth_address *address, const char *name,
                          pc_error *err)
{
    for (size_t i = 0; i < ks->n_names; i++) {
        if (!eth_address_equal(&ks->names[i].address, address))
            continue;
        if (name) {
            char *copy = strdup(name);
            if (!copy)
                return pc_fail(err, PC_ENOMEM, "out of memory");
            free(ks->names[i].name);
            ks->names[i].name = copy;
        } else {
            free(ks->names[i].name);
            ks->names[i] = ks->names[--ks->n_names];
        }
        return PC_OK;
    }
    if (!name)
        return PC_OK;
    name_entry *n = realloc(ks->names, (ks->n_names + 1) * sizeof *n);
    if (!n)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    ks->names = n;
    n[ks->n_names].address = *address;
    if (!(n[ks->n_names].name = strdup(name)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    ks->n_names++;
    return PC_OK;
}

/* PC_EINPUT when `name` is invalid or another address has it. */
static pc_status check_name_free(const keystore *ks, const char *name, const eth_address *owner,
                                 pc_error *err)
{
    pc_status st = keystore_check_name(name, err);
    if (st != PC_OK)
        return st;
    for (size_t i = 0; i < ks->count; i++) {
        const keystore_account *a = &ks->accounts[i];
        bool owners = owner && a->has_address && eth_address_equal(&a->address, owner);
        if (!answers_to(a, name) || owners)
            continue;
        char text[ETH_ADDRESS_TEXT_LEN] = "";
        if (a->has_address)
            eth_address_to_checksum(&a->address, text);
        bool by_name = a->name && strcasecmp(a->name, name) == 0;
        return pc_fail(err, PC_EINPUT, "the name \"%s\" is already used by %s%s",
                       by_name ? a->name : a->file, a->has_address ? text : "key file ",
                       a->has_address ? "" : a->path);
    }
    return PC_OK;
}

static pc_status check_absent(const keystore *ks, const eth_address *address, pc_error *err)
{
    for (size_t i = 0; i < ks->count; i++) {
        if (ks->accounts[i].has_address && eth_address_equal(&ks->accounts[i].address, address)) {
            char text[ETH_ADDRESS_TEXT_LEN];
            eth_address_to_checksum(address, text);
            return pc_fail(err, PC_EINPUT, "account %s is already in the keystore (%s)", text,
                           ks->accounts[i].path);
        }
    }
    return PC_OK;
}

/* Writes a new key file for `address` and names it. The key file comes
 * first: a crash in between leaves an unnamed account, never a name
 * without a key. */
static pc_status store_new(keystore *ks, const char *json, const eth_address *address,
                           const char *name, pc_error *err)
{
    char file[128];
    key_file_name(address, file, sizeof file);
    pc_status st = safefile_write_atomic(ks->dir, file, json, strlen(json), false, err);
    if (st != PC_OK || !name)
        return st;
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(address, text);
    /* Reload so that save_names sees the new file. */
    if ((st = reload(ks, err)) != PC_OK || (st = set_name(ks, address, name, err)) != PC_OK ||
        (st = save_names(ks, err)) != PC_OK)
        return pc_error_prefix(err, "stored %s but could not save its name", text);
    return PC_OK;
}

/* Under the folder's lock: checks the name is free (and, with
 * must_be_new, the address absent), then stores the key file `json` (which
 * this takes and frees) and names it. */
static pc_status add_account_file(keystore *ks, char *json, const eth_address *addr,
                                  const char *name, bool must_be_new, eth_address *address,
                                  pc_error *err)
{
    int fd;
    pc_status st = lock_dir(ks, &fd, err);
    if (st != PC_OK) {
        free(json);
        return st;
    }
    if (name)
        st = check_name_free(ks, name, NULL, err);
    if (st == PC_OK && must_be_new)
        st = check_absent(ks, addr, err);
    if (st == PC_OK)
        st = store_new(ks, json, addr, name, err);
    free(json);
    if (st == PC_OK && address)
        *address = *addr;
    return unlock_dir(ks, fd, st, err);
}

static pc_status add_key(keystore *ks, secret *key, secret *password, const keyfile_scrypt *kdf,
                         const char *name, bool must_be_new, eth_address *address, pc_error *err)
{
    /* scrypt first, outside the lock, so other processes wait less. */
    char *json = NULL;
    eth_address addr;
    pc_status st = keyfile_encrypt(key, password, kdf, NULL, &json, &addr, err);
    if (st != PC_OK) {
        free(json);
        return st;
    }
    return add_account_file(ks, json, &addr, name, must_be_new, address, err);
}

pc_status keystore_create(keystore *ks, secret *password, const keyfile_scrypt *kdf,
                          const char *name, eth_address *address, pc_error *err)
{
    secret *key;
    pc_status st = secret_new(32, &key, err);
    if (st != PC_OK)
        return st;
    /* Almost every 32 random bytes are a valid key; retry the rare rest. */
    do {
        randombytes_buf(secret_open(key), 32);
        st = secp_privkey_check(secret_open(key), NULL);
        secret_close(key);
    } while (st != PC_OK);
    st = add_key(ks, key, password, kdf, name, false, address, err);
    secret_free(key);
    return st;
}

pc_status keystore_import_key(keystore *ks, secret *key, secret *password,
                              const keyfile_scrypt *kdf, const char *name, eth_address *address,
                              pc_error *err)
{
    return add_key(ks, key, password, kdf, name, true, address, err);
}

/* Reads, checks and parses an account's key file. */
static pc_status read_key_file(const keystore_account *a, char **text, size_t *len, keyfile *kf,
                               pc_error *err)
{
    struct stat st;
    pc_status s = safefile_read(a->path, KEYSTORE_FILE_MAX, text, len, &st, NULL, err);
    if (s == PC_OK)
        s = safefile_check_private_file(a->path, &st, err);
    if (s == PC_OK)
        s = keyfile_parse(*text, *len, a->path, kf, err);
    if (s != PC_OK) {
        free(*text);
        *text = NULL;
    }
    return s;
}

pc_status keystore_import_file(keystore *ks, const char *path, secret *password,
                               const char *name, eth_address *address, pc_error *err)
{
    char *text = NULL, *json = NULL;
    size_t len;
    keyfile kf;
    secret *key = NULL;
    eth_address addr;
    pc_status st = safefile_read(path, KEYSTORE_FILE_MAX, &text, &len, NULL, NULL, err);
    if (st == PC_OK)
        st = keyfile_parse(text, len, path, &kf, err);
    /* Decrypting proves the password and that the address field is true. */
    if (st == PC_OK)
        st = keyfile_decrypt(&kf, path, password, &key, &addr, err);
    secret_free(key);
    if (st == PC_OK)
        st = keyfile_set_address(text, len, path, &addr, &json, err);
    free(text);
    if (st != PC_OK)
        return st;

    return add_account_file(ks, json, &addr, name, true, address, err);
}

pc_status keystore_export(const keystore *ks, const char *account, char **json, size_t *len,
                          pc_error *err)
{
    *json = NULL;
    const keystore_account *a;
    keyfile kf;
    pc_status st = find_usable(ks, account, &a, err);
    if (st == PC_OK)
        st = read_key_file(a, json, len, &kf, err);
    return st;
}

pc_status keystore_rename(keystore *ks, const char *account, const char *new_name,
                          pc_error *err)
{
    int fd;
    pc_status st = lock_dir(ks, &fd, err);
    if (st != PC_OK)
        return st;
    const keystore_account *a;
    st = keystore_find(ks, account, &a, err);
    if (st == PC_OK && !a->has_address && a->address_learnt)
        st = pc_fail(err, PC_EKEY,
                     "the address of key file %s is not known yet: it is learnt when the key "
                     "is first unlocked (sign or read as --account %s once), then it can be "
                     "named",
                     a->path, a->file);
    else if (st == PC_OK && !a->has_address)
        st = pc_fail(err, PC_EDATA, "%s", a->problem_msg);
    eth_address addr;
    if (st == PC_OK) {
        addr = a->address;
        if (new_name)
            st = check_name_free(ks, new_name, &addr, err);
    }
    if (st == PC_OK)
        st = set_name(ks, &addr, new_name, err);
    if (st == PC_OK)
        st = save_names(ks, err);
    return unlock_dir(ks, fd, st, err);
}

pc_status keystore_change_password(keystore *ks, const char *account, secret *old_password,
                                   secret *new_password, const keyfile_scrypt *kdf,
                                   pc_error *err)
{
    int fd;
    pc_status st = lock_dir(ks, &fd, err);
    if (st != PC_OK)
        return st;
    const keystore_account *a;
    char *text = NULL, *json = NULL;
    size_t len;
    keyfile kf;
    secret *key = NULL;
    st = find_usable(ks, account, &a, err);
    if (st == PC_OK)
        st = read_key_file(a, &text, &len, &kf, err);
    if (st == PC_OK)
        st = keyfile_decrypt(&kf, a->path, old_password, &key, NULL, err);
    if (st == PC_OK)
        st = keyfile_encrypt(key, new_password, kdf, kf.id, &json, NULL, err);
    secret_free(key);
    if (st == PC_OK)
        st = safefile_write_atomic(ks->dir, a->file, json, strlen(json), true, err);
    free(text);
    free(json);
    return unlock_dir(ks, fd, st, err);
}

/* Moves dir/file into dir/trash/ under a name not yet taken there. */
static pc_status move_to_trash(keystore *ks, const keystore_account *a, pc_error *err)
{
    char *trash = safefile_join(ks->dir, TRASH_DIR);
    if (!trash)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = safefile_mkdir_private(trash, err);
    size_t cap = strlen(trash) + strlen(a->file) + 32;
    char *dest = malloc(cap);
    if (st == PC_OK && !dest)
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    /* link() never overwrites, so an earlier deleted copy stays too. */
    for (unsigned i = 0; st == PC_OK; i++) {
        if (i == 0)
            snprintf(dest, cap, "%s/%s", trash, a->file);
        else
            snprintf(dest, cap, "%s/%s.%u", trash, a->file, i);
        if (link(a->path, dest) == 0)
            break;
        if (errno != EEXIST || i == 1000)
            st = pc_fail(err, PC_EIO, "cannot move %s to %s: %s", a->path, trash,
                         strerror(errno));
    }
    if (st == PC_OK && (st = safefile_fsync_dir(trash, err)) == PC_OK && unlink(a->path) != 0)
        st = pc_fail(err, PC_EIO, "cannot remove %s: %s", a->path, strerror(errno));
    free(dest);
    free(trash);
    return st;
}

pc_status keystore_delete(keystore *ks, const char *account, bool backup, pc_error *err)
{
    int fd;
    pc_status st = lock_dir(ks, &fd, err);
    if (st != PC_OK)
        return st;
    const keystore_account *a;
    st = keystore_find(ks, account, &a, err);
    if (st == PC_OK) {
        bool had_address = a->has_address, had_learnt = a->address_learnt;
        eth_address addr = a->address;
        if (backup)
            st = move_to_trash(ks, a, err);
        else if (unlink(a->path) != 0)
            st = pc_fail(err, PC_EIO, "cannot remove %s: %s", a->path, strerror(errno));
        if (st == PC_OK)
            st = safefile_fsync_dir(ks->dir, err);
        /* The account is gone once its file is. Dropping its name is
         * tidying: a leftover name of an absent address is ignored and
         * pruned by the next write of names.json, so failing here (a full
         * disk, say, which a delete may be meant to relieve) must not turn
         * the done delete into an error. Reload first: save_names keeps
         * only names of files still here. */
        if (st == PC_OK && (st = reload(ks, err)) == PC_OK && had_address &&
            set_name(ks, &addr, NULL, NULL) == PC_OK)
            save_names(ks, NULL);
        /* The same for its learnt address (save_learnt drops it). */
        if (st == PC_OK && had_learnt && had_address)
            save_learnt(ks, NULL);
    }
    return unlock_dir(ks, fd, st, err);
}

static pc_status learnt_mismatch(const keystore *ks, const char *file,
                                 const eth_address *key_address, const eth_address *recorded,
                                 pc_error *err)
{
    char has[ETH_ADDRESS_TEXT_LEN], want[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(key_address, has);
    eth_address_to_checksum(recorded, want);
    return pc_fail(err, PC_EDATA,
                   "refusing key file %s/%s: its key is %s's, but %s/%s recorded %s for it at "
                   "its first unlock; the file was replaced or the record changed (if you "
                   "replaced the file yourself, remove its entry from the record)",
                   ks->dir, file, has, ks->learnt_dir, KEYSTORE_LEARNT_FILE, want);
}

/* For a key file without an address field, just decrypted to a key of
 * `address`: checks the address recorded for it, or records it. */
static pc_status check_or_learn(keystore *ks, const char *file, const eth_address *address,
                                pc_error *err)
{
    const learnt_entry *e = learnt_of(ks, file);
    if (e)
        return eth_address_equal(&e->address, address)
                   ? PC_OK
                   : learnt_mismatch(ks, file, address, &e->address, err);
    int fd;
    pc_status st = lock_dir(ks, &fd, err);
    if (st != PC_OK)
        return st;
    /* Another process may have learnt it meanwhile: lock_dir reloaded. */
    if ((e = learnt_of(ks, file)) != NULL) {
        if (!eth_address_equal(&e->address, address))
            st = learnt_mismatch(ks, file, address, &e->address, err);
        return unlock_dir(ks, fd, st, err);
    }
    learnt_entry *n = realloc(ks->learnt, (ks->n_learnt + 1) * sizeof *n);
    if (!n)
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    else
        ks->learnt = n;
    if (st == PC_OK && !(n[ks->n_learnt].file = strdup(file)))
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK) {
        n[ks->n_learnt++].address = *address;
        st = save_learnt(ks, err);
    }
    return unlock_dir(ks, fd, st, err);
}

/* Unlocks the account `a` of ks (which may be reloaded: `a` is not used
 * after). */
static pc_status unlock_found(keystore *ks, const keystore_account *a, secret *password,
                              secret **key, eth_address *address, pc_error *err)
{
    *key = NULL;
    char *text = NULL, *file = strdup(a->file);
    size_t len;
    keyfile kf;
    eth_address addr;
    bool learns = a->address_learnt;
    pc_status st = file ? read_key_file(a, &text, &len, &kf, err)
                        : pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = keyfile_decrypt(&kf, a->path, password, key, &addr, err);
    free(text);
    if (st == PC_OK && learns)
        st = check_or_learn(ks, file, &addr, err);
    free(file);
    if (st != PC_OK) {
        secret_free(*key);
        *key = NULL;
    } else if (address) {
        *address = addr;
    }
    return st;
}

pc_status keystore_unlock(keystore *ks, const char *account, secret *password, secret **key,
                          eth_address *address, pc_error *err)
{
    *key = NULL;
    const keystore_account *a;
    pc_status st = find_usable(ks, account, &a, err);
    return st == PC_OK ? unlock_found(ks, a, password, key, address, err) : st;
}

pc_status keystore_unlock_account(const char *dir, const char *account,
                                  const char *password_file, secret **key, eth_address *address,
                                  pc_error *err)
{
    *key = NULL;
    if (!account)
        return pc_fail(err, PC_EINPUT, "no account chosen to unlock");
    char *default_dir = NULL;
    keystore *ks = NULL;
    secret *password = NULL;
    pc_status st = PC_OK;
    if (!dir && (st = keystore_default_dir(&default_dir, err)) == PC_OK)
        dir = default_dir;
    if (st == PC_OK)
        st = keystore_open(dir, &ks, err);
    const keystore_account *a = NULL;
    if (st == PC_OK)
        st = find_usable(ks, account, &a, err);
    if (st == PC_OK) {
        if (password_file) {
            st = password_from_file(password_file, &password, err);
        } else {
            char text[ETH_ADDRESS_TEXT_LEN], prompt[PC_ERROR_MSG_MAX];
            eth_address_to_checksum(&a->address, text);
            if (!a->has_address)
                snprintf(prompt, sizeof prompt, "Password for key file %s: ", a->path);
            else
                snprintf(prompt, sizeof prompt, "Password for %s%s%s%s: ", text,
                         a->name ? " (" : "", a->name ? a->name : "", a->name ? ")" : "");
            st = password_from_tty(prompt, NULL, &password, err);
        }
    }
    if (st == PC_OK)
        st = unlock_found(ks, a, password, key, address, err);
    secret_free(password);
    keystore_close(ks);
    free(default_dir);
    return st;
}
