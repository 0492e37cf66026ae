#include "cli/cmd_account.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "cli/table_out.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "keystore/keystore.h"
#include "keystore/password.h"
#include "keystore/safefile.h"

/* What every subcommand gets: its options and arguments, and the keystore
 * (opened by account_run). */
typedef struct account_cmd {
    const cli_ctx *ctx;
    keystore *ks;
    const account_options *o;
    char **arg; /* the positional arguments */
} account_cmd;


static void account_text(const keystore_account *a, char *out, size_t cap)
{
    char addr[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&a->address, addr);
    if (!a->has_address)
        snprintf(out, cap, "key file %s", a->path);
    else if (a->name)
        snprintf(out, cap, "%s (%s)", addr, a->name);
    else
        snprintf(out, cap, "%s", addr);
}

/* The password of an existing key: --password-file, else the terminal. */
static pc_status existing_password(const account_cmd *c, const char *label, secret **pw,
                                   pc_error *err)
{
    if (c->ctx->password_file)
        return password_from_file(c->ctx->password_file, pw, err);
    char prompt[PC_ERROR_MSG_MAX + sizeof "Password for : "];
    snprintf(prompt, sizeof prompt, "Password for %s: ", label);
    return password_from_tty(prompt, NULL, pw, err);
}

/* Reports an account just added: a line for people or a JSON object. */
static pc_status print_added(const account_cmd *c, const char *verb, const eth_address *address,
                             pc_error *err)
{
    char addr[ETH_ADDRESS_TEXT_LEN], key[43] = "0x";
    eth_address_to_checksum(address, addr);
    eth_address_to_lower_nopfx(address, key + 2);
    const keystore_account *a;
    pc_status st = keystore_find(c->ks, key, &a, err);
    if (st != PC_OK)
        return st;
    if (c->ctx->json) {
        cJSON *o = cJSON_CreateObject();
        if (o && cJSON_AddStringToObject(o, "address", addr) &&
            (a->name ? cJSON_AddStringToObject(o, "name", a->name)
                     : cJSON_AddNullToObject(o, "name")) &&
            cJSON_AddStringToObject(o, "file", a->path))
            return print_json(o, err);
        cJSON_Delete(o);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    char label[PC_ERROR_MSG_MAX];
    account_text(a, label, sizeof label);
    print_text_line("%s %s", verb, label);
    print_text_line("Key file: %s", a->path);
    return PC_OK;
}

/* ---- the subcommands ---- */

static pc_status account_new(account_cmd *c, pc_error *err)
{
    const char *name = c->o->name;
    keyfile_scrypt kdf;
    pc_status st = keyfile_scrypt_from_env(!c->ctx->keystore_dir, &kdf, err);
    if (st == PC_OK && name)
        st = keystore_check_name(name, err);
    secret *pw = NULL;
    if (st == PC_OK)
        st = password_new(c->ctx->password_file, "Password for the new account: ", &pw, err);
    eth_address address;
    if (st == PC_OK)
        st = keystore_create(c->ks, pw, &kdf, name, &address, err);
    secret_free(pw);
    if (st == PC_OK)
        st = print_added(c, "Created account", &address, err);
    return st;
}

static pc_status account_import(account_cmd *c, pc_error *err)
{
    const char *name = c->o->name;
    pc_status st = name ? keystore_check_name(name, err) : PC_OK;
    secret *pw = NULL;
    if (st == PC_OK)
        st = existing_password(c, c->arg[0], &pw, err);
    eth_address address;
    if (st == PC_OK)
        st = keystore_import_file(c->ks, c->arg[0], pw, name, &address, err);
    secret_free(pw);
    if (st == PC_OK)
        st = print_added(c, "Imported account", &address, err);
    return st;
}

static pc_status account_import_key(account_cmd *c, pc_error *err)
{
    const char *name = c->o->name, *file = c->o->file;
    keyfile_scrypt kdf;
    pc_status st = keyfile_scrypt_from_env(!c->ctx->keystore_dir, &kdf, err);
    if (st == PC_OK && name)
        st = keystore_check_name(name, err);
    secret *key = NULL, *pw = NULL;
    if (st == PC_OK) {
        if (file) {
            st = secret_load_hex_key_file(file, &key, err);
        } else if (isatty(STDIN_FILENO)) {
            /* Typed by hand: no echo, as for a password. */
            secret *text;
            st = password_from_tty("Private key (64 hex digits): ", NULL, &text, err);
            if (st == PC_OK) {
                st = secret_parse_hex_key(secret_open(text), secret_len(text),
                                          "the private key typed", &key, err);
                secret_close(text);
                secret_free(text);
            }
        } else {
            st = secret_read_hex_key_fd(STDIN_FILENO, "standard input", &key, err);
        }
    }
    if (st == PC_OK)
        st = password_new(c->ctx->password_file, "Password for the key file: ", &pw, err);
    eth_address address;
    if (st == PC_OK)
        st = keystore_import_key(c->ks, key, pw, &kdf, name, &address, err);
    secret_free(key);
    secret_free(pw);
    if (st == PC_OK)
        st = print_added(c, "Imported account", &address, err);
    return st;
}

static pc_status reveal(account_cmd *c, const keystore_account *a, pc_error *err)
{
    /* A key printed into a pipe or file would outlive this terminal session. */
    if (!isatty(STDOUT_FILENO))
        return pc_fail(err, PC_EINPUT,
                       "refusing to print a private key when standard output is not a terminal");
    char label[PC_ERROR_MSG_MAX];
    account_text(a, label, sizeof label);
    secret *pw = NULL, *key = NULL;
    pc_status st = existing_password(c, label, &pw, err);
    if (st == PC_OK)
        st = keystore_unlock(c->ks, c->arg[0], pw, &key, NULL, err);
    secret_free(pw);
    if (st != PC_OK)
        return st;
    secret *text;
    if ((st = secret_new(2 * 32 + 1, &text, err)) == PC_OK) {
        char *t = (char *)secret_open(text);
        hex_encode(secret_open(key), 32, t);
        secret_close(key);
        /* write(2), not stdio: no copy of the key stays in a stdio buffer. */
        bool ok = write(STDOUT_FILENO, "0x", 2) == 2 && write(STDOUT_FILENO, t, 64) == 64 &&
                  write(STDOUT_FILENO, "\n", 1) == 1;
        secret_close(text);
        secret_free(text);
        if (!ok)
            st = pc_fail(err, PC_EIO, "cannot write the private key: %s", strerror(errno));
    }
    secret_free(key);
    return st;
}

static pc_status write_out(const char *out, const char *json, size_t len, pc_error *err)
{
    char *copy = strdup(out);
    if (!copy)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    char *slash = strrchr(copy, '/');
    const char *dir = ".", *base = copy;
    if (slash) {
        *slash = '\0';
        dir = slash == copy ? "/" : copy;
        base = slash + 1;
    }
    pc_status st = *base ? safefile_write_atomic(dir, base, json, len, false, err)
                         : pc_fail(err, PC_EINPUT, "--out needs a file name, not a folder");
    free(copy);
    return st;
}

static pc_status account_export(account_cmd *c, pc_error *err)
{
    const char *out = c->o->out;
    bool show = c->o->reveal;
    if (show && out)
        return pc_fail(err, PC_EINPUT, "--reveal prints the key on the terminal; drop --out");
    const keystore_account *a;
    pc_status st = keystore_find(c->ks, c->arg[0], &a, err);
    if (st != PC_OK)
        return st;
    if (show)
        return reveal(c, a, err);
    char *json;
    size_t len;
    if ((st = keystore_export(c->ks, c->arg[0], &json, &len, err)) != PC_OK)
        return st;
    if (out) {
        st = write_out(out, json, len, err);
        if (st == PC_OK) {
            fputs("Wrote ", stderr);
            text_print(stderr, out);
            fputc('\n', stderr);
        }
    } else if (fwrite(json, 1, len, stdout) != len || (len && json[len - 1] != '\n' &&
                                                       fputc('\n', stdout) == EOF)) {
        st = pc_fail(err, PC_EIO, "cannot write to standard output");
    }
    free(json);
    return st;
}

static pc_status list_json(const keystore *ks, pc_error *err)
{
    cJSON *arr = cJSON_CreateArray();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < keystore_count(ks); i++) {
        const keystore_account *a = keystore_at(ks, i);
        char addr[ETH_ADDRESS_TEXT_LEN];
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(arr, o);
        if (ok && a->has_address) {
            eth_address_to_checksum(&a->address, addr);
            ok = cJSON_AddStringToObject(o, "address", addr) != NULL;
        } else if (ok) {
            ok = cJSON_AddNullToObject(o, "address") != NULL;
        }
        ok = ok &&
             (a->name ? cJSON_AddStringToObject(o, "name", a->name)
                      : cJSON_AddNullToObject(o, "name")) &&
             cJSON_AddStringToObject(o, "file", a->path) &&
             (a->problem == PC_OK || cJSON_AddStringToObject(o, "error", a->problem_msg));
    }
    if (ok)
        return print_json(arr, err);
    cJSON_Delete(arr);
    return pc_fail(err, PC_ENOMEM, "out of memory");
}

/* Every file, as --json lists them: the address (empty until a key file
 * without one is first unlocked), the name, the file, and why it cannot be
 * used (empty when it can). */
static void list_csv(const keystore *ks)
{
    static const char *const head[] = { "address", "name", "file", "error" };
    print_csv_row(head, 4);
    for (size_t i = 0; i < keystore_count(ks); i++) {
        const keystore_account *a = keystore_at(ks, i);
        char addr[ETH_ADDRESS_TEXT_LEN] = "";
        if (a->has_address)
            eth_address_to_checksum(&a->address, addr);
        const char *row[] = { addr, a->name ? a->name : "", a->path,
                              a->problem == PC_OK ? "" : a->problem_msg };
        print_csv_row(row, 4);
    }
}

/* A key file's name is whatever its maker chose (Foundry's cast names
 * files after the account): it reaches the terminal sanitized. */
static pc_status account_list(account_cmd *c, pc_error *err)
{
    const keystore *ks = c->ks;
    if (c->ctx->json)
        return list_json(ks, err);
    if (c->o->csv) {
        list_csv(ks);
        return PC_OK;
    }
    /* Address, name and file, without headings (scripts read the columns). */
    static const table_col COLS[] = { { 0 }, { 0 }, { 0 } };
    cli_table *table = cli_table_new(COLS, 3, 0);
    if (!table)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    size_t usable = 0;
    for (size_t i = 0; i < keystore_count(ks); i++) {
        const keystore_account *a = keystore_at(ks, i);
        if (a->problem != PC_OK) {
            cli_error("warning: %s", a->problem_msg);
            continue;
        }
        char addr[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&a->address, addr);
        /* A key file without an address field tells it at its first unlock. */
        const char *cells[] = { a->has_address ? addr : "(address known after unlock)",
                                a->name ? a->name : "-", a->path };
        if (!cli_table_add(table, cells, NULL)) {
            cli_table_free(table);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
        usable++;
    }
    cli_table_print(table, stdout);
    cli_table_free(table);
    if (usable == 0) {
        fputs("No accounts in ", stderr);
        text_print(stderr, keystore_dir(ks));
        fputs(" (create one with: powerchain account new)\n", stderr);
    }
    return PC_OK;
}

static pc_status account_rename(account_cmd *c, pc_error *err)
{
    pc_status st = keystore_rename(c->ks, c->arg[0], c->arg[1], err);
    if (st == PC_OK)
        print_text_line("Renamed %s to %s", c->arg[0], c->arg[1]);
    return st;
}

static pc_status account_passwd(account_cmd *c, pc_error *err)
{
    keyfile_scrypt kdf;
    pc_status st = keyfile_scrypt_from_env(!c->ctx->keystore_dir, &kdf, err);
    const keystore_account *a;
    if (st == PC_OK)
        st = keystore_find(c->ks, c->arg[0], &a, err);
    if (st != PC_OK)
        return st;
    char label[PC_ERROR_MSG_MAX];
    account_text(a, label, sizeof label);
    secret *old_pw = NULL, *new_pw = NULL, *key = NULL;
    st = existing_password(c, label, &old_pw, err);
    /* Check the old password before asking for a new one. */
    if (st == PC_OK)
        st = keystore_unlock(c->ks, c->arg[0], old_pw, &key, NULL, err);
    secret_free(key);
    if (st == PC_OK)
        st = password_new(c->o->new_password_file, "New password: ", &new_pw, err);
    if (st == PC_OK)
        st = keystore_change_password(c->ks, c->arg[0], old_pw, new_pw, &kdf, err);
    secret_free(old_pw);
    secret_free(new_pw);
    if (st == PC_OK)
        print_text_line("Changed the password of %s", label);
    return st;
}

static pc_status account_delete(account_cmd *c, pc_error *err)
{
    bool no_backup = c->o->no_backup;
    const keystore_account *a;
    pc_status st = keystore_find(c->ks, c->arg[0], &a, err);
    if (st != PC_OK)
        return st;
    char label[PC_ERROR_MSG_MAX];
    account_text(a, label, sizeof label);
    if (!c->ctx->yes) {
        char question[PC_ERROR_MSG_MAX];
        snprintf(question, sizeof question,
                 no_backup ? "Delete %s for good? Without another copy its key is lost. [y/N] "
                           : "Delete %s? Its key file moves to %s/trash. [y/N] ",
                 label, keystore_dir(c->ks));
        bool yes;
        if ((st = password_confirm_tty(question, &yes, err)) != PC_OK)
            return st;
        if (!yes)
            return pc_fail(err, PC_EINPUT, "not deleted");
    }
    if ((st = keystore_delete(c->ks, c->arg[0], !no_backup, err)) == PC_OK)
        print_text_line("Deleted %s", label);
    return st;
}

/* Every subcommand: its options and arguments, then the keystore of
 * --keystore (else the default folder), then its own work. */
static int account_run(const cli_ctx *ctx, int argc, char **argv,
                       pc_status (*work)(account_cmd *c, pc_error *err))
{
    account_options o = { 0 };
    pc_error err = { 0 };
    cli_args args;
    pc_status st = cli_command_args(ctx, argc, argv, &o, &args, &err);
    if (st != PC_OK)
        return cli_fail_usage(ctx, &err);
    char *default_dir = NULL;
    account_cmd c = { ctx, NULL, &o, args.word };
    if (!ctx->keystore_dir)
        st = keystore_default_dir(&default_dir, &err);
    if (st == PC_OK)
        st = keystore_open(ctx->keystore_dir ? ctx->keystore_dir : default_dir, &c.ks, &err);
    if (st == PC_OK)
        st = work(&c, &err);
    if (st != PC_OK)
        cli_error("%s", err.msg);
    keystore_close(c.ks);
    free(default_dir);
    cli_args_free(&args);
    return pc_exit_code(st);
}

/* The handlers the command table names: each subcommand's work, in the
 * keystore. */
#define ACCOUNT_HANDLER(word)                                                                 \
    int cmd_account_##word(const cli_ctx *ctx, int argc, char **argv)                         \
    {                                                                                         \
        return account_run(ctx, argc, argv, account_##word);                                  \
    }
ACCOUNT_HANDLER(new)
ACCOUNT_HANDLER(import)
ACCOUNT_HANDLER(import_key)
ACCOUNT_HANDLER(export)
ACCOUNT_HANDLER(list)
ACCOUNT_HANDLER(rename)
ACCOUNT_HANDLER(passwd)
ACCOUNT_HANDLER(delete)
