/* The index's per-account marks (history.h): one small table of their
 * own, made when first used, so that the index's schema and its version
 * stay as they are. */
#include <sqlite3.h>

#include "wallet/history.h"
#include "wallet/history_store.h"

static pc_status marks_fail(history *h, pc_error *err, const char *what)
{
    return pc_fail(err, PC_EIO, "history index %s: %s the marks: %s", h->path, what,
                   sqlite3_errmsg(h->db));
}

static pc_status marks_table(history *h, pc_error *err)
{
    if (sqlite3_exec(h->db,
                     "CREATE TABLE IF NOT EXISTS marks(account BLOB NOT NULL, name TEXT NOT NULL,"
                     " block INTEGER NOT NULL, PRIMARY KEY(account, name)) WITHOUT ROWID",
                     NULL, NULL, NULL) != SQLITE_OK)
        return marks_fail(h, err, "cannot make");
    return PC_OK;
}

pc_status history_mark_get(history *h, const eth_address *account, const char *name,
                           uint64_t *block, bool *found, pc_error *err)
{
    *found = false;
    sqlite3_stmt *s = NULL;
    pc_status st = marks_table(h, err);
    if (st != PC_OK)
        return st;
    int rc = SQLITE_ERROR;
    if (sqlite3_prepare_v2(h->db, "SELECT block FROM marks WHERE account = ? AND name = ?", -1,
                           &s, NULL) == SQLITE_OK &&
        sqlite3_bind_blob(s, 1, account->b, 20, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC) == SQLITE_OK)
        rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 v = sqlite3_column_int64(s, 0);
        *found = v >= 0;
        *block = *found ? (uint64_t)v : 0;
    } else if (rc != SQLITE_DONE) {
        st = marks_fail(h, err, "cannot read");
    }
    sqlite3_finalize(s);
    return st;
}

pc_status history_mark_set(history *h, const eth_address *account, const char *name,
                           uint64_t block, pc_error *err)
{
    sqlite3_stmt *s = NULL;
    pc_status st = marks_table(h, err);
    if (st != PC_OK)
        return st;
    if (block > INT64_MAX)
        block = INT64_MAX;
    if (sqlite3_prepare_v2(h->db, "INSERT OR REPLACE INTO marks VALUES(?, ?, ?)", -1, &s,
                           NULL) != SQLITE_OK ||
        sqlite3_bind_blob(s, 1, account->b, 20, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_int64(s, 3, (sqlite3_int64)block) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_DONE)
        st = marks_fail(h, err, "cannot write");
    sqlite3_finalize(s);
    return st;
}
