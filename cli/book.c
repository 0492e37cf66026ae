#include "cli/book.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/fail.h"
#include "keystore/keystore.h"

pc_status book_open(const cli_ctx *ctx, names **out, pc_error *err)
{
    char *path = NULL, *dir = NULL;
    keystore *ks = NULL;
    *out = NULL;
    pc_status st = names_new(out, err);
    if (st == PC_OK)
        st = names_default_path(&path, err);
    if (st == PC_OK)
        st = names_load_contacts(*out, path, err);
    if (st == PC_OK && !ctx->keystore_dir)
        st = keystore_default_dir(&dir, err);
    pc_status ks_st = st == PC_OK
                          ? keystore_open(ctx->keystore_dir ? ctx->keystore_dir : dir, &ks, err)
                          : st;
    /* Signing with a key file, the keystore is not in use: a broken one
     * only takes its names away. */
    if (ks_st != PC_OK && st == PC_OK && !ctx->private_key_file)
        st = ks_st;
    if (st == PC_OK && ks)
        st = names_add_keystore(*out, ks, err);
    keystore_close(ks);
    free(dir);
    free(path);
    if (st != PC_OK) {
        names_free(*out);
        *out = NULL;
    }
    return st;
}

names *book_for_display(const cli_ctx *ctx)
{
    names *b;
    pc_error err = { 0 };
    if (book_open(ctx, &b, &err) != PC_OK)
        cli_error("warning: addresses shown without names: %s", err.msg);
    return b;
}

static bool is_address_word(const char *w)
{
    return w[0] == '0' && (w[1] == 'x' || w[1] == 'X');
}

pc_status book_resolve_args(const cli_ctx *ctx, const pc_method *m, int argc, char **argv,
                            book_args *out, pc_error *err)
{
    names *b = NULL;
    pc_status st = PC_OK;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; st == PC_OK && i < m->nargs && (int)i < argc; i++) {
        snprintf(out->label[i], sizeof out->label[i], "%s", argv[i]);
        if (m->args[i] != PC_ARG_ADDRESS || is_address_word(argv[i]))
            continue;
        if (!b && (st = book_open(ctx, &b, err)) != PC_OK)
            break;
        eth_address a;
        const char *name;
        if ((st = names_resolve(b, argv[i], &a, &name, err)) != PC_OK) {
            char word[32];
            pc_method_arg_name(m, i, word, sizeof word);
            pc_error_prefix(err, "%s", word);
            break;
        }
        eth_address_to_checksum(&a, out->text[i]);
        snprintf(out->label[i], sizeof out->label[i], "%s (%s)", out->text[i], name);
        argv[i] = out->text[i];
    }
    names_free(b);
    return st;
}

pc_status book_resolve_word(const cli_ctx *ctx, const char *word, eth_address *out,
                            pc_error *err)
{
    names *b = NULL;
    pc_status st = PC_OK;
    if (strncmp(word, "0x", 2) != 0 && strncmp(word, "0X", 2) != 0)
        st = book_open(ctx, &b, err);
    if (st == PC_OK)
        st = names_resolve(b, word, out, NULL, err);
    names_free(b);
    return st;
}

void book_label(const names *b, const eth_address *a, char *out, size_t cap)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, text);
    const char *name = names_lookup(b, a);
    if (name)
        snprintf(out, cap, "%s (%s)", text, name);
    else
        snprintf(out, cap, "%s", text);
}
