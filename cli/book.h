/* The address book (wallet/names.h) as the command line uses it: the
 * contacts file (names_default_path) and the names of the keystore chosen
 * by --keystore, for typed words and for printed addresses. */
#ifndef PC_BOOK_H
#define PC_BOOK_H

#include <stddef.h>

#include "cli/cli.h"
#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "wallet/names.h"

/* Loads the contacts file and the keystore's names into a new book (caller
 * frees with names_free). A keystore folder that does not exist adds no
 * names; a bad contacts file is its error, and so is a bad keystore unless
 * --private-key-file signs (the keystore then only lends its names). */
pc_status book_open(const cli_ctx *ctx, names **out, pc_error *err);

/* The book for printing: on failure a warning on stderr and NULL (the
 * addresses are then printed without names). */
names *book_for_display(const cli_ctx *ctx);

/* Room for book_label's text. */
#define BOOK_LABEL_MAX (ETH_ADDRESS_TEXT_LEN + KEYSTORE_NAME_MAX + 4)

/* Resolves the names among the arguments of m as typed, for
 * pc_encode_call: every PC_ARG_ADDRESS word (of the first m->nargs) that is
 * not an address is replaced in argv by its checksummed address, kept in
 * out->text. The book is read only when a name was typed. An unknown or
 * ambiguous name is PC_EINPUT naming the argument. out->label[i] is
 * "0x... (name)" for a resolved name, else the word as typed, for the
 * confirmation; labels past argc are empty. */
typedef struct book_args {
    char text[PC_MAX_ARGS][ETH_ADDRESS_TEXT_LEN];
    char label[PC_MAX_ARGS][BOOK_LABEL_MAX];
} book_args;
pc_status book_resolve_args(const cli_ctx *ctx, const pc_method *m, int argc, char **argv,
                            book_args *out, pc_error *err);

/* One typed word that names an account: an address, a keystore name or a
 * contact (the book is read only for a name). PC_EINPUT for an unknown or
 * ambiguous name, naming the known ones. */
pc_status book_resolve_word(const cli_ctx *ctx, const char *word, eth_address *out,
                            pc_error *err);

/* "0x... (name)" when the book (may be NULL) names a, else "0x...". */
void book_label(const names *b, const eth_address *a, char *out, size_t cap);

#endif
