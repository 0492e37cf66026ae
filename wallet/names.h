/* The address book: names people give to addresses, so that a name may be
 * typed wherever an address is and shown beside it.
 *
 * Two sources: the contacts file (`name = address` lines, `#` comment lines,
 * blank lines ignored) and the keystore's account names. Names follow
 * keystore_check_name (1 to KEYSTORE_NAME_MAX letters, digits, '.', '_',
 * '-'; not starting with '-' or "0x"), so a name can never be mistaken for
 * an address, an option or a second word. Names match without regard to
 * case, as keystore names do.
 *
 * The contacts file is outside data: writable by group or others, or not
 * owned by this user, it is refused (PC_EIO with a chmod hint); larger than
 * NAMES_FILE_MAX bytes it is PC_EDATA; a bad line is PC_EINPUT naming
 * "file:line".
 *
 * Memory: the book owns its entries; strings it returns stay valid until
 * the next call that changes the book or names_free. */
#ifndef PC_NAMES_H
#define PC_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/address.h"
#include "eth/error.h"
#include "keystore/keystore.h"

/* A contacts file larger than this is refused unread. */
#define NAMES_FILE_MAX 65536
/* At most this many contacts (the file bound allows fewer in practice). */
#define NAMES_CONTACTS_MAX 1024

typedef struct names names;

/* The contacts file's path, malloc'd (caller frees):
 * $XDG_CONFIG_HOME/powerchain/contacts, else ~/.config/powerchain/contacts.
 * PC_EINPUT when neither XDG_CONFIG_HOME nor HOME is set. */
pc_status names_default_path(char **out, pc_error *err);

/* An empty book (PC_ENOMEM only). */
pc_status names_new(names **out, pc_error *err);
void names_free(names *b);

/* Adds the contacts in `text` (len bytes, NUL not required), naming errors
 * as "label:line". A bad name or address, a line without `=`, or a name
 * given twice is PC_EINPUT; nothing is added then. */
pc_status names_parse_contacts(names *b, const char *label, const char *text, size_t len,
                               pc_error *err);

/* Reads the contacts file at `path` into the book (see the rules above). A
 * file that does not exist is an empty list. */
pc_status names_load_contacts(names *b, const char *path, pc_error *err);

/* Adds a keystore account's name (checked as a contact's name). The
 * keystore itself may hold one name once only; a contact of the same name
 * is allowed here and judged when the name is resolved. */
pc_status names_add_account(names *b, const char *name, const eth_address *a, pc_error *err);
/* Adds the names of every account of ks that has a name and an address. */
pc_status names_add_keystore(names *b, const keystore *ks, pc_error *err);

/* The address a person typed: "0x" + 40 hex digits as eth_address_parse
 * takes it, else a name of the book. A word that cannot be a name ("",
 * "-1", "0x12") gets eth_address_parse's error. PC_EINPUT when the word is
 * neither,
 * listing (some of) the known names; PC_EINPUT too when the name is a
 * contact and a keystore account with different addresses, naming both.
 * `b` may be NULL: an empty book, for words already known to be addresses.
 * *name (may be NULL) receives the book's spelling of the name, or NULL
 * when an address was typed. */
pc_status names_resolve(const names *b, const char *word, eth_address *out, const char **name,
                        pc_error *err);

/* The name shown beside `a`: its contact name, else its keystore name, else
 * NULL (always for a NULL book). */
const char *names_lookup(const names *b, const eth_address *a);

/* The length of the longest name in the book (0 for none or a NULL book),
 * for aligning columns. */
size_t names_longest(const names *b);

/* The contacts, in file order (keystore names are not listed here). */
size_t names_contact_count(const names *b);
void names_contact_at(const names *b, size_t i, const char **name, eth_address *a);

/* Adds a contact: a bad name, a name already a contact, or more than
 * NAMES_CONTACTS_MAX contacts is PC_EINPUT. */
pc_status names_add_contact(names *b, const char *name, const eth_address *a, pc_error *err);
/* Removes a contact; a name that is not one is PC_EINPUT. */
pc_status names_remove_contact(names *b, const char *name, pc_error *err);

/* Writes the contacts to `path` atomically (keystore/safefile.h): mode 0600,
 * its folder created 0700 when missing. */
pc_status names_save_contacts(const names *b, const char *path, pc_error *err);

#endif
