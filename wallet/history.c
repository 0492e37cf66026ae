/* The history index's database: where it lives, its schema, writing steps
 * and rollbacks, and loading records back. Reading from the node is
 * history_sync.c. */
#include "wallet/history.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "eth/hex.h"
#include "keystore/safefile.h"
#include "rpcclient/node.h"
#include "wallet/history_store.h"

static const char *damage_hint(history *h)
{
    int code = sqlite3_errcode(h->db);
    bool damaged = code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    return damaged ? " (the index is damaged: " HISTORY_REBUILD_HINT ")" : "";
}

static pc_status db_fail(history *h, pc_error *err, const char *what)
{
    return pc_fail(err, PC_EIO, "history index %s: %s: %s%s", h->path, what,
                   sqlite3_errmsg(h->db), damage_hint(h));
}

static pc_status exec(history *h, const char *sql, pc_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(h->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return PC_OK;
    pc_status st = pc_fail(err, PC_EIO, "history index %s: %s%s", h->path,
                           msg ? msg : sqlite3_errmsg(h->db), damage_hint(h));
    sqlite3_free(msg);
    return st;
}

/* $XDG_CACHE_HOME/powerchain (or ~/.cache/powerchain) into dir. */
static pc_status cache_folder(char *dir, size_t cap, pc_error *err)
{
    const char *cache = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int len;
    /* The XDG rule: a relative XDG_CACHE_HOME is ignored. */
    if (cache && cache[0] == '/')
        len = snprintf(dir, cap, "%s/powerchain", cache);
    else if (home && home[0] == '/')
        len = snprintf(dir, cap, "%s/.cache/powerchain", home);
    else
        return pc_fail(err, PC_EIO, "no folder for the history index: set XDG_CACHE_HOME or HOME");
    if (len < 0 || (size_t)len >= cap)
        return pc_fail(err, PC_EIO, "the cache folder's path is too long: set XDG_CACHE_HOME");
    return PC_OK;
}

/* The index's folder, made 0700 with its missing parents, opened (not
 * through a link) and checked on that descriptor: this user's, closed to
 * group and others. *fd is the caller's to close. */
static pc_status open_folder(char *dir, int *fd, pc_error *err)
{
    *fd = -1;
    pc_status st = safefile_mkdirs(dir, err);
    if (st != PC_OK)
        return st;
    int d = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (d < 0)
        return pc_fail(err, PC_EIO, "cannot use the history index folder %s: %s%s", dir,
                       strerror(errno),
                       errno == ELOOP || errno == ENOTDIR ? " (not a folder, or a symbolic link)"
                                                          : "");
    struct stat sb;
    if (fstat(d, &sb) != 0)
        st = pc_fail(err, PC_EIO, "cannot use the history index folder %s: %s", dir,
                     strerror(errno));
    else
        st = safefile_check_private_dir_stat("history index folder", dir, &sb,
                                             "(set XDG_CACHE_HOME to a folder of your own)", err);
    if (st != PC_OK) {
        close(d);
        return st;
    }
    *fd = d;
    return PC_OK;
}

/* The database file `name` in the checked folder: created 0600 if missing,
 * never through a link; refused unless it is this user's regular file.
 * Indexes made before this check were 0644: narrowed to 0600. *id
 * receives its device and inode, to tell it from a file swapped in later. */
static pc_status private_file(int dir_fd, const char *name, const char *path, struct stat *id,
                              pc_error *err)
{
    int fd = openat(dir_fd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0)
        return pc_fail(err, PC_EIO, "cannot open the history index %s: %s%s", path,
                       strerror(errno),
                       errno == ELOOP ? " (it is a symbolic link; remove it)" : "");
    pc_status st = PC_OK;
    if (fstat(fd, id) != 0)
        st = pc_fail(err, PC_EIO, "cannot open the history index %s: %s", path, strerror(errno));
    else if (!S_ISREG(id->st_mode))
        st = pc_fail(err, PC_EIO, "the history index %s is not a regular file; remove it", path);
    else if (id->st_uid != geteuid())
        st = pc_fail(err, PC_EIO, "the history index %s belongs to another user; refusing it",
                     path);
    else if ((id->st_mode & 077) && fchmod(fd, 0600) != 0)
        st = pc_fail(err, PC_EIO, "cannot make the history index %s private: %s", path,
                     strerror(errno));
    close(fd);
    return st;
}

/* The database's path (into *out) and its file, ready for SQLite to open. */
static pc_status db_file(uint64_t chain_id, const uint8_t genesis[32],
                         const eth_address *contract, char **out, struct stat *id, pc_error *err)
{
    *out = NULL;
    char dir[4096], g[17], a[41], name[128];
    pc_status st = cache_folder(dir, sizeof dir, err);
    if (st != PC_OK)
        return st;
    hex_encode(genesis, 8, g);
    eth_address_to_lower_nopfx(contract, a);
    snprintf(name, sizeof name, "history-%llu-%s-%s.sqlite", (unsigned long long)chain_id, g, a);
    if (!(*out = safefile_join(dir, name)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    int dir_fd;
    st = open_folder(dir, &dir_fd, err);
    if (st == PC_OK) {
        st = private_file(dir_fd, name, *out, id, err);
        close(dir_fd);
    }
    if (st != PC_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

static const char schema_sql[] =
    "CREATE TABLE meta(chain_id INTEGER NOT NULL, genesis BLOB NOT NULL,"
    " contract BLOB NOT NULL, first_block INTEGER, cursor INTEGER);"
    "CREATE TABLE txs(block INTEGER NOT NULL, idx INTEGER NOT NULL, time INTEGER NOT NULL,"
    " hash BLOB NOT NULL, sender BLOB NOT NULL, creation INTEGER NOT NULL, method TEXT,"
    " input BLOB NOT NULL, outcome INTEGER NOT NULL, text TEXT NOT NULL,"
    " PRIMARY KEY(block, idx)) WITHOUT ROWID;"
    "CREATE INDEX txs_method ON txs(method, block, idx);"
    "CREATE TABLE involves(addr BLOB NOT NULL, block INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " PRIMARY KEY(addr, block, idx)) WITHOUT ROWID;"
    "CREATE TABLE blocks(number INTEGER PRIMARY KEY, hash BLOB NOT NULL);";

static int user_version(history *h)
{
    sqlite3_stmt *s = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(h->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* A fresh schema inside one transaction, so that a kill leaves either none
 * (user_version 0, made again) or all of it. */
static pc_status create_schema(history *h, uint64_t chain_id, const uint8_t genesis[32],
                               pc_error *err)
{
    char sql[160];
    pc_status st = exec(h, "BEGIN IMMEDIATE", err);
    if (st != PC_OK)
        return st;
    if (user_version(h) == 0) {
        st = exec(h, schema_sql, err);
        sqlite3_stmt *s = NULL;
        if (st == PC_OK &&
            (sqlite3_prepare_v2(h->db, "INSERT INTO meta VALUES(?, ?, ?, NULL, NULL)", -1, &s,
                                NULL) != SQLITE_OK ||
             sqlite3_bind_int64(s, 1, (sqlite3_int64)chain_id) != SQLITE_OK ||
             sqlite3_bind_blob(s, 2, genesis, 32, SQLITE_STATIC) != SQLITE_OK ||
             sqlite3_bind_blob(s, 3, pc_contract_address(h->k)->b, 20, SQLITE_STATIC) !=
                 SQLITE_OK ||
             sqlite3_step(s) != SQLITE_DONE))
            st = db_fail(h, err, "cannot create the schema");
        sqlite3_finalize(s);
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", HISTORY_SCHEMA_VERSION);
        if (st == PC_OK)
            st = exec(h, sql, err);
    }
    if (st == PC_OK)
        return exec(h, "COMMIT", err);
    exec(h, "ROLLBACK", NULL);
    return st;
}

static void remove_db_files(const char *path)
{
    char side[4200];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* 10 ms apart: ten seconds, as the busy timeout. */
#define WAL_TRIES 1000

/* Opens the checked file (db_file) as h->path, not through a link, and
 * makes sure it is still that file. */
static pc_status open_db(history *h, const struct stat *id, pc_error *err)
{
    if (sqlite3_open_v2(h->path, &h->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) !=
        SQLITE_OK)
        return db_fail(h, err, "cannot open");
    struct stat now;
    if (lstat(h->path, &now) != 0 || now.st_dev != id->st_dev || now.st_ino != id->st_ino)
        return pc_fail(err, PC_EIO, "the history index %s was replaced while it was being "
                                    "opened; refusing it", h->path);
    /* Several processes (the panel, a sync) may share the file. */
    sqlite3_busy_timeout(h->db, 10000);
    /* WAL with synchronous=NORMAL: a committed step survives the process
     * being killed; only a power loss may drop the last steps, which the
     * next sync reads again. Turning WAL on needs the file to itself and
     * does not wait for the busy timeout: two processes creating the
     * database at once retry it here. */
    for (int tries = 0; tries < WAL_TRIES; tries++) {
        if (sqlite3_exec(h->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) == SQLITE_OK)
            return exec(h, "PRAGMA synchronous=NORMAL", err);
        if (sqlite3_errcode(h->db) != SQLITE_BUSY)
            break;
        nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
    }
    return db_fail(h, err, "cannot turn on write-ahead logging");
}

/* The checked file of this chain and contract, opened into h. */
static pc_status open_index(history *h, uint64_t chain_id, const uint8_t genesis[32],
                            pc_error *err)
{
    struct stat id;
    pc_status st = db_file(chain_id, genesis, pc_contract_address(h->k), &h->path, &id, err);
    return st == PC_OK ? open_db(h, &id, err) : st;
}

/* The chain and contract the database says it is of, into h; PC_EIO when
 * it is not the one opened for (or not what an index can hold). */
static pc_status load_meta(history *h, bool has_chain, uint64_t chain_id,
                           const uint8_t genesis[32], pc_error *err)
{
    sqlite3_stmt *s = NULL;
    pc_status st = PC_OK;
    if (sqlite3_prepare_v2(h->db, "SELECT chain_id, genesis, contract FROM meta", -1, &s,
                           NULL) != SQLITE_OK)
        return db_fail(h, err, "cannot read");
    if (sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int64(s, 0) < 0 ||
        sqlite3_column_bytes(s, 1) != 32 || sqlite3_column_bytes(s, 2) != 20 ||
        memcmp(sqlite3_column_blob(s, 2), pc_contract_address(h->k)->b, 20) != 0 ||
        (has_chain && (sqlite3_column_int64(s, 0) != (sqlite3_int64)chain_id ||
                       memcmp(sqlite3_column_blob(s, 1), genesis, 32) != 0)))
        st = pc_fail(err, PC_EIO, "history index %s belongs to another chain or contract: "
                                  HISTORY_REBUILD_HINT, h->path);
    else {
        h->chain_id = (uint64_t)sqlite3_column_int64(s, 0);
        memcpy(h->genesis, sqlite3_column_blob(s, 1), 32);
    }
    sqlite3_finalize(s);
    return st;
}

/* What an index file's name says: chain id, the genesis hash's first 8
 * bytes in hex, and the contract; false for any other name. */
static bool index_name(const char *name, uint64_t *chain_id, char genesis[17],
                       const eth_address *contract)
{
    char a[41];
    eth_address_to_lower_nopfx(contract, a);
    const char *p = name;
    if (strncmp(p, "history-", 8) != 0)
        return false;
    p += 8;
    uint64_t id = 0;
    const char *digits = p;
    while (*p >= '0' && *p <= '9' && p - digits < 19)
        id = id * 10 + (uint64_t)(*p++ - '0');
    if (p == digits || *p++ != '-' || strspn(p, "0123456789abcdef") != 16 || p[16] != '-' ||
        strncmp(p + 17, a, 40) != 0 || strcmp(p + 57, ".sqlite") != 0)
        return false;
    *chain_id = id;
    memcpy(genesis, p, 16);
    genesis[16] = '\0';
    return true;
}

/* The newest of a database's modification time and its log's. */
static time_t written_at(const char *path)
{
    struct stat sb;
    char wal[4200];
    time_t t = stat(path, &sb) == 0 ? sb.st_mtime : 0;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &sb) == 0 && sb.st_mtime > t)
        t = sb.st_mtime;
    return t;
}

/* The index files of contract k in the cache folder (of chain `chain_id`
 * only when has_chain): whether the one of `genesis` is among them
 * (*ours), and the genesis prefix and chain id of the one written last
 * among the others (*other, "" when none). */
static pc_status scan_indexes(const pc_contract *k, bool has_chain, uint64_t chain_id,
                              const uint8_t *genesis, bool *ours, char other[17],
                              uint64_t *other_chain, pc_error *err)
{
    char dir[4096], g[17] = "";
    *ours = false;
    other[0] = '\0';
    pc_status st = cache_folder(dir, sizeof dir, err);
    if (st != PC_OK)
        return st;
    if (genesis)
        hex_encode(genesis, 8, g);
    DIR *d = opendir(dir);
    if (!d)
        return PC_OK; /* no folder: no index yet */
    time_t newest = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        uint64_t id;
        char eg[17];
        if (!index_name(e->d_name, &id, eg, pc_contract_address(k)) ||
            (has_chain && id != chain_id))
            continue;
        if (strcmp(eg, g) == 0) {
            *ours = true;
            continue;
        }
        char *path = safefile_join(dir, e->d_name);
        time_t t = path ? written_at(path) : 0;
        free(path);
        if (!other[0] || t > newest) {
            newest = t;
            memcpy(other, eg, 17);
            *other_chain = id;
        }
    }
    closedir(d);
    return PC_OK;
}

/* Opens the index file of (chain_id, genesis) into a new handle; with
 * has_meta, the database must say it is of that chain. */
static pc_status open_file(const pc_contract *k, uint64_t chain_id, const uint8_t genesis[32],
                           bool has_meta, history **out, pc_error *err)
{
    history *h = calloc(1, sizeof *h);
    if (!h)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    h->k = k;
    h->span = HISTORY_SPAN_START;
    h->ceiling = HISTORY_SPAN_MAX * 2;
    pc_status st = open_index(h, chain_id, genesis, err);
    /* Another schema version is rebuilt: the chain still holds everything. */
    if (st == PC_OK && has_meta && user_version(h) != 0 &&
        user_version(h) != HISTORY_SCHEMA_VERSION) {
        sqlite3_close(h->db);
        h->db = NULL;
        remove_db_files(h->path);
        free(h->path);
        h->path = NULL;
        st = open_index(h, chain_id, genesis, err);
    }
    if (st == PC_OK && !has_meta && user_version(h) != HISTORY_SCHEMA_VERSION)
        st = pc_fail(err, PC_EIO, "history index %s is of another version: it is read again "
                                  "from the chain once a node answers", h->path);
    if (st == PC_OK && has_meta)
        st = create_schema(h, chain_id, genesis, err);
    if (st == PC_OK)
        st = load_meta(h, has_meta, chain_id, genesis, err);
    if (st == PC_OK)
        st = history_store_load_state(h, err);
    if (st != PC_OK) {
        history_close(h);
        return st;
    }
    *out = h;
    return PC_OK;
}

/* Which chain open_node takes. */
typedef enum chain_rule {
    CHAIN_INDEXED, /* only one indexed before, or the first */
    CHAIN_BESIDE,  /* the node's, beside another chain's index */
    CHAIN_AFRESH,  /* the node's, beside, and emptied */
} chain_rule;

static pc_status open_node(rpc_client *c, const pc_contract *k, chain_rule rule, history **out,
                           pc_error *err)
{
    *out = NULL;
    uint64_t chain_id, file_block, file_chain, other_chain = 0;
    uint8_t genesis[32];
    pc_status st = node_chain_identity(c, &chain_id, genesis, err);
    if (st != PC_OK)
        return st;
    if (pc_contract_deployment(k, &file_block, &file_chain) && file_chain != chain_id)
        return pc_fail(err, PC_EINPUT, "the deployment file is for chain %llu but the node is "
                                       "on chain %llu: check --rpc and --contract-json",
                       (unsigned long long)file_chain, (unsigned long long)chain_id);
    bool ours;
    char other[17];
    st = scan_indexes(k, true, chain_id, genesis, &ours, other, &other_chain, err);
    if (st != PC_OK)
        return st;
    if (!ours && other[0] && rule == CHAIN_INDEXED) {
        char g[65];
        hex_encode(genesis, 32, g);
        return pc_fail_cause(err, PC_ENODE, PC_CAUSE_WRONG_CHAIN,
                             "node serves another chain than the one indexed: genesis 0x%.16s... "
                             "(the index of chain %llu holds genesis 0x%s...); to index the "
                             "node's chain beside the old index, run `powerchain sync --reset`, "
                             "or point --rpc at a node of the indexed chain",
                             g, (unsigned long long)chain_id, other);
    }
    st = open_file(k, chain_id, genesis, true, out, err);
    uint64_t removed;
    if (st == PC_OK && rule == CHAIN_AFRESH && (*out)->has_cursor)
        st = history_store_rollback(*out, false, 0, &removed, err);
    if (st != PC_OK) {
        history_close(*out);
        *out = NULL;
    }
    return st;
}

pc_status history_open(rpc_client *c, const pc_contract *k, history **out, pc_error *err)
{
    return open_node(c, k, CHAIN_INDEXED, out, err);
}

pc_status history_open_beside(rpc_client *c, const pc_contract *k, history **out, pc_error *err)
{
    return open_node(c, k, CHAIN_BESIDE, out, err);
}

pc_status history_open_reset(rpc_client *c, const pc_contract *k, history **out, pc_error *err)
{
    return open_node(c, k, CHAIN_AFRESH, out, err);
}

pc_status history_open_offline(const pc_contract *k, history **out, pc_error *err)
{
    *out = NULL;
    uint64_t file_block, file_chain = 0, chain_id = 0;
    bool has_chain = pc_contract_deployment(k, &file_block, &file_chain), ours;
    char other[17];
    pc_status st = scan_indexes(k, has_chain, file_chain, NULL, &ours, other, &chain_id, err);
    if (st != PC_OK)
        return st;
    if (!other[0])
        return pc_fail(err, PC_EINPUT, "no history index of this contract yet: it is made once "
                                       "a node answers");
    uint8_t genesis[32] = { 0 };
    size_t len;
    st = hex_decode(other, 16, genesis, 8, &len, err);
    if (st != PC_OK)
        return st;
    return open_file(k, chain_id, genesis, false, out, err);
}

bool history_serves(const history *h, uint64_t chain_id, const uint8_t genesis[32])
{
    return h->chain_id == chain_id && memcmp(h->genesis, genesis, 32) == 0;
}

uint64_t history_chain_id(const history *h)
{
    return h->chain_id;
}

const uint8_t *history_genesis(const history *h)
{
    return h->genesis;
}

uint64_t history_written_at(const history *h)
{
    time_t t = written_at(h->path);
    return t > 0 ? (uint64_t)t : 0;
}

const char *history_path(const history *h)
{
    return h->path;
}

void history_close(history *h)
{
    if (!h)
        return;
    sqlite3_close(h->db);
    free(h->path);
    free(h);
}

void history_release_memory(history *h)
{
    sqlite3_db_release_memory(h->db);
}

bool history_head(const history *h, uint64_t *block)
{
    *block = h->cursor;
    return h->has_cursor;
}

/* A block number as the database holds it: an integer from 0. */
static bool stored_block(sqlite3_stmt *s, int col, bool *has, uint64_t *out)
{
    *has = sqlite3_column_type(s, col) != SQLITE_NULL;
    *out = 0;
    if (!*has)
        return true;
    sqlite3_int64 v = sqlite3_column_int64(s, col);
    if (sqlite3_column_type(s, col) != SQLITE_INTEGER || v < 0)
        return false;
    *out = (uint64_t)v;
    return true;
}

pc_status history_store_load_state(history *h, pc_error *err)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(h->db, "SELECT first_block, cursor FROM meta", -1, &s, NULL) !=
            SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return db_fail(h, err, "cannot read its state");
    }
    /* A cursor below the deployment block, or one with nothing deployed,
     * is no state a sync leaves; nor is a number no block has. */
    bool ok = stored_block(s, 0, &h->has_first, &h->first_block) &&
              stored_block(s, 1, &h->has_cursor, &h->cursor) &&
              (!h->has_cursor || (h->has_first && h->cursor >= h->first_block));
    char first[32] = "", cursor[32] = "";
    if (!ok) {
        const unsigned char *f = sqlite3_column_text(s, 0), *c = sqlite3_column_text(s, 1);
        snprintf(first, sizeof first, "%s", f ? (const char *)f : "none");
        snprintf(cursor, sizeof cursor, "%s", c ? (const char *)c : "none");
    }
    sqlite3_finalize(s);
    if (!ok) {
        h->has_first = h->has_cursor = false;
        return pc_fail(err, PC_EIO, "history index %s is damaged (deployment block %s, cursor "
                                    "%s): " HISTORY_REBUILD_HINT, h->path, first, cursor);
    }
    return PC_OK;
}

pc_status history_store_set_first(history *h, uint64_t block, pc_error *err)
{
    if (block > HISTORY_MAX_BLOCK)
        return pc_fail(err, PC_EINPUT, "the deployment block %llu is beyond any chain: check the "
                                       "deployment file", (unsigned long long)block);
    sqlite3_stmt *s = NULL;
    pc_status st = PC_OK;
    if (sqlite3_prepare_v2(h->db, "UPDATE meta SET first_block = ?", -1, &s, NULL) != SQLITE_OK ||
        sqlite3_bind_int64(s, 1, (sqlite3_int64)block) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_DONE)
        st = db_fail(h, err, "cannot write");
    sqlite3_finalize(s);
    if (st == PC_OK) {
        h->has_first = true;
        h->first_block = block;
    }
    return st;
}

bool history_block_hash(history *h, uint64_t n, uint8_t hash[32])
{
    sqlite3_stmt *s = NULL;
    bool found = false;
    if (sqlite3_prepare_v2(h->db, "SELECT hash FROM blocks WHERE number = ?", -1, &s, NULL) ==
            SQLITE_OK &&
        sqlite3_bind_int64(s, 1, (sqlite3_int64)n) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_bytes(s, 0) == 32) {
        memcpy(hash, sqlite3_column_blob(s, 0), 32);
        found = true;
    }
    sqlite3_finalize(s);
    return found;
}

/* Makes room for element n of a growing array (doubling it when full). */
static pc_status room_for_one(void **arr, size_t *cap, size_t n, size_t elem, pc_error *err)
{
    if (n < *cap)
        return PC_OK;
    size_t c = *cap ? 2 * *cap : 64;
    void *p = realloc(*arr, c * elem);
    if (!p)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    *arr = p;
    *cap = c;
    return PC_OK;
}

pc_status history_store_kept_blocks(history *h, uint64_t **out, size_t *n, pc_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(h->db, "SELECT number FROM blocks ORDER BY number DESC", -1, &s,
                           NULL) != SQLITE_OK)
        return db_fail(h, err, "cannot read");
    pc_status st = PC_OK;
    size_t cap = 0;
    int rc;
    while (st == PC_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if ((st = room_for_one((void **)out, &cap, *n, sizeof **out, err)) != PC_OK)
            break;
        (*out)[(*n)++] = (uint64_t)sqlite3_column_int64(s, 0);
    }
    if (st == PC_OK && rc != SQLITE_DONE)
        st = db_fail(h, err, "cannot read");
    sqlite3_finalize(s);
    if (st != PC_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return st;
}

static bool bind_u64(sqlite3_stmt *s, int i, uint64_t v)
{
    return sqlite3_bind_int64(s, i, (sqlite3_int64)v) == SQLITE_OK;
}

/* Writes one row and its addresses; the method and address arguments come
 * from decoding the calldata once, here. */
static bool insert_row(sqlite3_stmt *tx, sqlite3_stmt *inv, const history_row *r)
{
    const pc_method *m = NULL;
    abi_value args;
    if (r->is_creation || pc_decode_calldata(r->input, r->input_len, &m, &args, NULL) != PC_OK) {
        m = NULL;
        memset(&args, 0, sizeof args);
    }
    bool ok = sqlite3_reset(tx) == SQLITE_OK && bind_u64(tx, 1, r->block) &&
              bind_u64(tx, 2, r->index) && bind_u64(tx, 3, r->time) &&
              sqlite3_bind_blob(tx, 4, r->hash, 32, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_bind_blob(tx, 5, r->from.b, 20, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_bind_int(tx, 6, r->is_creation) == SQLITE_OK &&
              (m ? sqlite3_bind_text(tx, 7, m->name, -1, SQLITE_STATIC)
                 : sqlite3_bind_null(tx, 7)) == SQLITE_OK &&
              sqlite3_bind_blob(tx, 8, r->input ? (const void *)r->input : "", (int)r->input_len,
                                SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_bind_int(tx, 9, (int)r->outcome) == SQLITE_OK &&
              sqlite3_bind_text(tx, 10, r->text ? r->text : "", -1, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_step(tx) == SQLITE_DONE;
    /* The sender, then each address argument (INSERT OR IGNORE: the same
     * address may stand twice). */
    for (size_t i = 0; ok && i <= args.count; i++) {
        const eth_address *a = i == 0 ? &r->from
                               : args.items[i - 1].kind == ABI_ADDRESS ? &args.items[i - 1].addr
                                                                       : NULL;
        if (a)
            ok = sqlite3_reset(inv) == SQLITE_OK &&
                 sqlite3_bind_blob(inv, 1, a->b, 20, SQLITE_STATIC) == SQLITE_OK &&
                 bind_u64(inv, 2, r->block) && bind_u64(inv, 3, r->index) &&
                 sqlite3_step(inv) == SQLITE_DONE;
    }
    abi_value_free(&args);
    return ok;
}

static pc_status write_step(history *h, const history_row *rows, size_t nrows, uint64_t from,
                            uint64_t to, const uint8_t (*hashes)[32], pc_error *err)
{
    sqlite3_stmt *tx = NULL, *inv = NULL, *blk = NULL, *prune = NULL, *cur = NULL;
    bool ok =
        sqlite3_prepare_v2(h->db, "INSERT INTO txs VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1,
                           &tx, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h->db, "INSERT OR IGNORE INTO involves VALUES(?, ?, ?)", -1, &inv,
                           NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h->db, "INSERT OR REPLACE INTO blocks VALUES(?, ?)", -1, &blk,
                           NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h->db, "DELETE FROM blocks WHERE number < ?", -1, &prune, NULL) ==
            SQLITE_OK &&
        sqlite3_prepare_v2(h->db, "UPDATE meta SET cursor = ?", -1, &cur, NULL) == SQLITE_OK;
    for (size_t i = 0; ok && i < nrows; i++)
        ok = insert_row(tx, inv, &rows[i]);
    /* Only the newest blocks' hashes are kept. */
    uint64_t keep_from = to >= HISTORY_KEPT_HASHES ? to - HISTORY_KEPT_HASHES + 1 : 0;
    for (uint64_t n = from > keep_from ? from : keep_from; ok && n <= to; n++)
        ok = sqlite3_reset(blk) == SQLITE_OK && bind_u64(blk, 1, n) &&
             sqlite3_bind_blob(blk, 2, hashes[n - from], 32, SQLITE_STATIC) == SQLITE_OK &&
             sqlite3_step(blk) == SQLITE_DONE;
    ok = ok && bind_u64(prune, 1, keep_from) && sqlite3_step(prune) == SQLITE_DONE &&
         bind_u64(cur, 1, to) && sqlite3_step(cur) == SQLITE_DONE;
    pc_status st = ok ? PC_OK : db_fail(h, err, "cannot write");
    sqlite3_finalize(tx);
    sqlite3_finalize(inv);
    sqlite3_finalize(blk);
    sqlite3_finalize(prune);
    sqlite3_finalize(cur);
    return st;
}

pc_status history_store_step(history *h, bool has_expected, uint64_t expected,
                             const history_row *rows, size_t nrows, uint64_t from, uint64_t to,
                             const uint8_t (*hashes)[32], bool *moved, pc_error *err)
{
    *moved = false;
    pc_status st = exec(h, "BEGIN IMMEDIATE", err);
    if (st != PC_OK)
        return st;
    st = history_store_load_state(h, err);
    if (st == PC_OK && (h->has_cursor != has_expected || (has_expected && h->cursor != expected)))
        *moved = true;
    if (st == PC_OK && !*moved)
        st = write_step(h, rows, nrows, from, to, hashes, err);
    if (st == PC_OK && !*moved)
        st = exec(h, "COMMIT", err);
    else
        exec(h, "ROLLBACK", NULL);
    /* The handle follows the database, whatever happened. */
    pc_status st2 = history_store_load_state(h, st == PC_OK ? err : NULL);
    return st != PC_OK ? st : st2;
}

pc_status history_store_rollback(history *h, bool has_keep, uint64_t keep, uint64_t *removed,
                                 pc_error *err)
{
    *removed = 0;
    /* "Everything" is everything at or above block 0. */
    sqlite3_int64 above = has_keep ? (sqlite3_int64)keep : -1;
    static const char *const deletes[] = {
        "DELETE FROM txs WHERE block > ?",
        "DELETE FROM involves WHERE block > ?",
        "DELETE FROM blocks WHERE number > ?",
    };
    pc_status st = exec(h, "BEGIN IMMEDIATE", err);
    for (size_t i = 0; st == PC_OK && i < 3; i++) {
        sqlite3_stmt *s = NULL;
        if (sqlite3_prepare_v2(h->db, deletes[i], -1, &s, NULL) != SQLITE_OK ||
            sqlite3_bind_int64(s, 1, above) != SQLITE_OK || sqlite3_step(s) != SQLITE_DONE)
            st = db_fail(h, err, "cannot roll back");
        else if (i == 0)
            *removed = (uint64_t)sqlite3_changes(h->db);
        sqlite3_finalize(s);
    }
    sqlite3_stmt *s = NULL;
    if (st == PC_OK &&
        (sqlite3_prepare_v2(h->db, "UPDATE meta SET cursor = ?", -1, &s, NULL) != SQLITE_OK ||
         (has_keep ? sqlite3_bind_int64(s, 1, above) : sqlite3_bind_null(s, 1)) != SQLITE_OK ||
         sqlite3_step(s) != SQLITE_DONE))
        st = db_fail(h, err, "cannot roll back");
    sqlite3_finalize(s);
    if (st == PC_OK)
        st = exec(h, "COMMIT", err);
    else
        exec(h, "ROLLBACK", NULL);
    pc_status st2 = history_store_load_state(h, st == PC_OK ? err : NULL);
    return st != PC_OK ? st : st2;
}

/* ---- loading ---- */

static pc_status load_row(sqlite3_stmt *s, history_tx *t, pc_error *err)
{
    memset(t, 0, sizeof *t);
    t->args.kind = ABI_TUPLE;
    t->block = (uint64_t)sqlite3_column_int64(s, 0);
    t->index = (uint32_t)sqlite3_column_int64(s, 1);
    t->time = (uint64_t)sqlite3_column_int64(s, 2);
    if (sqlite3_column_bytes(s, 3) != 32 || sqlite3_column_bytes(s, 4) != 20)
        return pc_fail(err, PC_EDATA, "history index: a malformed row at block %llu",
                       (unsigned long long)t->block);
    memcpy(t->hash, sqlite3_column_blob(s, 3), 32);
    memcpy(t->from.b, sqlite3_column_blob(s, 4), 20);
    t->is_creation = sqlite3_column_int(s, 5) != 0;
    int outcome = sqlite3_column_int(s, 7);
    if (outcome < HISTORY_OK || outcome > HISTORY_REVERTED)
        return pc_fail(err, PC_EDATA, "history index: a malformed outcome at block %llu",
                       (unsigned long long)t->block);
    t->outcome = (history_outcome)outcome;
    const unsigned char *text = sqlite3_column_text(s, 8);
    t->text = strdup(text ? (const char *)text : "");
    if (!t->text)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    /* Calldata that no longer decodes (the binding changed) loads with no
     * method rather than failing the whole history. */
    if (!t->is_creation &&
        pc_decode_calldata(sqlite3_column_blob(s, 6), (size_t)sqlite3_column_bytes(s, 6),
                           &t->method, &t->args, NULL) != PC_OK)
        t->method = NULL;
    return PC_OK;
}

pc_status history_load(history *h, const history_filter *f, history_tx **out, size_t *n,
                       pc_error *err)
{
    static const history_filter all = HISTORY_FILTER_ALL;
    *out = NULL;
    *n = 0;
    if (!f)
        f = &all;
    sqlite3_stmt *s = NULL;
    const char *sql =
        "SELECT block, idx, time, hash, sender, creation, input, outcome, text FROM txs"
        " WHERE block >= ?1 AND block <= ?2 AND (?3 IS NULL OR method = ?3)"
        " AND (?4 IS NULL OR (block, idx) IN (SELECT block, idx FROM involves WHERE addr = ?4))"
        " ORDER BY block, idx";
    sqlite3_int64 to = f->to_block > INT64_MAX ? INT64_MAX : (sqlite3_int64)f->to_block;
    sqlite3_int64 from = f->from_block > INT64_MAX ? INT64_MAX : (sqlite3_int64)f->from_block;
    if (sqlite3_prepare_v2(h->db, sql, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_bind_int64(s, 1, from) != SQLITE_OK || sqlite3_bind_int64(s, 2, to) != SQLITE_OK ||
        (f->method ? sqlite3_bind_text(s, 3, f->method->name, -1, SQLITE_STATIC)
                   : sqlite3_bind_null(s, 3)) != SQLITE_OK ||
        (f->has_account ? sqlite3_bind_blob(s, 4, f->account.b, 20, SQLITE_STATIC)
                        : sqlite3_bind_null(s, 4)) != SQLITE_OK) {
        sqlite3_finalize(s);
        return db_fail(h, err, "cannot read");
    }
    pc_status st = PC_OK;
    size_t cap = 0;
    int rc;
    while (st == PC_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if ((st = room_for_one((void **)out, &cap, *n, sizeof **out, err)) != PC_OK)
            break;
        st = load_row(s, &(*out)[*n], err);
        (*n)++; /* a failed row is counted so that it is freed with the rest */
    }
    if (st == PC_OK && rc != SQLITE_DONE)
        st = db_fail(h, err, "cannot read");
    sqlite3_finalize(s);
    if (st != PC_OK) {
        history_tx_free_all(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return st;
}
