/* The local keystore: a folder of Web3 Secret Storage v3 key files, as
 * geth keeps them (file names UTC--<time>--<address>), plus `names.json`
 * beside them mapping "0x<lowercase address>" to an account name. Names are
 * never written inside key files, so the files stay exchangeable with other
 * wallets.
 *
 * Foundry's keystore folders (`cast wallet import NAME`, `cast wallet new
 * DIR [NAME]`) work too: their files are named by the person (or by a UUID)
 * and have no address field. Such a file's name selects it as an account
 * name does, and its address is learnt when it is first unlocked (derived
 * from the decrypted key) and recorded in .powerchain/addresses.json (see
 * KEYSTORE_LEARNT_FILE), never in the key file. A key file whose key does
 * not have the recorded address is refused.
 *
 * Safety rules every function follows:
 * - the folder is created 0700 and refused (PC_EIO, with a chmod hint) when
 *   group or others may use it; key files and names.json are written 0600
 *   and a file group or others may read or write is refused;
 * - every write is atomic (keystore/safefile.h): a crash or a full disk
 *   leaves the old file or the new one, never neither;
 * - changes take an exclusive lock (flock on the folder), so two processes
 *   changing the same keystore take turns;
 * - private keys and passwords stay in guarded memory (keystore/secret.h)
 *   and appear in no message.
 *
 * Accounts are chosen by a string: "0x" + 40 hex digits (any case; no
 * checksum demanded) for an address, anything else for a name (names match
 * without regard to case). Files that cannot be used (corrupt, unknown
 * cipher or KDF, loose permissions, ...) are still listed, with the reason,
 * so the other accounts stay usable and the broken one can be deleted. */
#ifndef PC_KEYSTORE_H
#define PC_KEYSTORE_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/address.h"
#include "eth/error.h"
#include "keystore/keyfile.h"
#include "keystore/secret.h"

#define KEYSTORE_NAME_MAX 64
/* Key files larger than this are refused unread. */
#define KEYSTORE_FILE_MAX 65536

/* Where the addresses of key files without an address field are kept once
 * learnt: a JSON object mapping the key file's name to "0x<address>", in a
 * subfolder of the keystore (0700; the file 0600, written atomically under
 * the folder's lock). Not in the key file, so a file made by another tool
 * stays byte for byte as that tool wrote it; not beside the key files,
 * because `cast wallet list` shows every file of the folder as an account.
 * The record makes a key file that is swapped for another one under the
 * same name refused instead of signing as someone else. */
#define KEYSTORE_LEARNT_DIR ".powerchain"
#define KEYSTORE_LEARNT_FILE "addresses.json"

typedef struct keystore keystore;

typedef struct keystore_account {
    const char *path;        /* the key file, folder included */
    const char *file;        /* its name within the folder */
    bool has_address;        /* false for broken files whose address is unknown, and
                                for address_learnt files never unlocked yet */
    eth_address address;
    bool address_learnt;     /* the file has no address field: the address, when
                                has_address, was learnt at its first unlock */
    const char *name;        /* its name in names.json, else the file name when a
                                person chose it (see keystore_find); NULL if neither */
    pc_status problem;       /* PC_OK when the file looks usable */
    const char *problem_msg; /* why it is not, when problem != PC_OK */
} keystore_account;

/* The default folder, malloc'd (caller frees): $POWERCHAIN_KEYSTORE, else
 * $XDG_DATA_HOME/powerchain/keystore, else
 * ~/.local/share/powerchain/keystore. */
pc_status keystore_default_dir(char **out, pc_error *err);

/* Opens the keystore in `dir` and lists its accounts. A folder that does
 * not exist yet is an empty keystore (the first new or imported account
 * creates it); an existing one with loose permissions is refused. Also
 * initialises guarded memory (secret_init). Close with keystore_close. */
pc_status keystore_open(const char *dir, keystore **out, pc_error *err);
void keystore_close(keystore *ks);
const char *keystore_dir(const keystore *ks);

/* The accounts, sorted by file name (for geth-style names: by creation
 * time). Pointers stay valid until the next call that changes the
 * keystore or closes it. */
size_t keystore_count(const keystore *ks);
const keystore_account *keystore_at(const keystore *ks, size_t i);

/* The account for an address or name, usable or not (check ->problem).
 * When several files hold one address a usable one is preferred. A name
 * is a names.json name (any case) or a key file's name (exactly): Foundry
 * names its files after the account. A name two different accounts answer
 * to is PC_EINPUT. Not found: PC_EINPUT naming what was asked for. */
pc_status keystore_find(const keystore *ks, const char *address_or_name,
                        const keystore_account **out, pc_error *err);

/* PC_EINPUT unless `name` is 1 to KEYSTORE_NAME_MAX characters of letters,
 * digits, '.', '_' and '-', starts with neither '-' nor "0x". */
pc_status keystore_check_name(const char *name, pc_error *err);

/* A new account with a fresh random key (libsodium's randombytes), the
 * key file encrypted with `password` and scrypt `kdf`. `name` may be NULL.
 * *address (may be NULL) receives the new address. */
pc_status keystore_create(keystore *ks, secret *password, const keyfile_scrypt *kdf,
                          const char *name, eth_address *address, pc_error *err);

/* Stores the 32-byte private key `key` as a new account (as
 * keystore_create). An address already in the keystore is PC_EINPUT. */
pc_status keystore_import_key(keystore *ks, secret *key, secret *password,
                              const keyfile_scrypt *kdf, const char *name, eth_address *address,
                              pc_error *err);

/* Copies in the V3 key file at `path` after decrypting it with `password`
 * (which it keeps): a wrong password, a bad file or an address field that
 * does not match the key are refused, as is an address already in the
 * keystore. The copy gets a geth-style file name and an address field (the
 * original may lack one); every other field is kept as it was. */
pc_status keystore_import_file(keystore *ks, const char *path, secret *password,
                               const char *name, eth_address *address, pc_error *err);

/* The text of the account's key file, checked to parse (not decrypted:
 * the password stays with it). *json is malloc'd, caller frees. */
pc_status keystore_export(const keystore *ks, const char *account, char **json, size_t *len,
                          pc_error *err);

/* Gives the account the name `new_name` (NULL removes its name). A name
 * another account has (or a key file's name) is PC_EINPUT; an account whose
 * address is not learnt yet cannot be renamed (PC_EKEY: unlock it once). */
pc_status keystore_rename(keystore *ks, const char *account, const char *new_name,
                          pc_error *err);

/* Re-encrypts the account's key with `new_password` (scrypt `kdf`, fresh
 * salt and IV, same id and file name) after unlocking it with
 * `old_password`; the file is replaced atomically. */
pc_status keystore_change_password(keystore *ks, const char *account, secret *old_password,
                                   secret *new_password, const keyfile_scrypt *kdf,
                                   pc_error *err);

/* Removes the account's key file, then its name. With `backup` the file
 * moves to the folder's trash/ subfolder (0700, never overwriting an earlier
 * one); without, it is deleted for good. Works on broken files too. Once
 * the file is gone the call succeeds: a name that could not be dropped
 * (names.json unwritable) is ignored and pruned by the next change. */
pc_status keystore_delete(keystore *ks, const char *account, bool backup, pc_error *err);

/* Decrypts the account's key into a new 32-byte secret (*key, caller frees
 * with secret_free); *address (may be NULL) receives its address. A wrong
 * password is PC_EKEY "wrong password for 0x... (MAC mismatch)"; an
 * unusable file gives its own problem. For a key file without an address
 * field, a key whose address differs from the one recorded for the file is
 * PC_EDATA, and the first unlock records it (under the folder's lock), which
 * reloads the keystore like a change does. */
pc_status keystore_unlock(keystore *ks, const char *account, secret *password,
                          secret **key, eth_address *address, pc_error *err);

/* The one call a signer needs: opens the keystore in `dir` (NULL: the
 * default folder), finds `account` (an address or a name; a front end given
 * none picks one by wallet/account.h's rule first: PC_EINPUT for NULL),
 * reads the password from `password_file` (NULL: asks on the terminal,
 * naming the account) and unlocks the key (learning its address, as
 * keystore_unlock). Codes: keystore_open's, keystore_find's, the file's
 * own problem, password_from_file's or password_from_tty's, and
 * keystore_unlock's. */
pc_status keystore_unlock_account(const char *dir, const char *account,
                                  const char *password_file, secret **key, eth_address *address,
                                  pc_error *err);

#endif
