#include "cli/cmd_contacts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/book.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "cli/table_out.h"
#include "wallet/names.h"

typedef struct contacts_cmd {
    const cli_ctx *ctx;
    const contacts_options *o;
    char **arg;          /* the positional arguments */
    names *book;         /* the contacts file's */
    const char *path;    /* the contacts file */
} contacts_cmd;

static pc_status list(contacts_cmd *c, pc_error *err)
{
    static const char *const head[] = { "name", "address" };
    size_t n = names_contact_count(c->book);
    cJSON *arr = c->ctx->json ? cJSON_CreateArray() : NULL;
    if (c->o->csv)
        print_csv_row(head, 2);
    /* Name and address, without headings. */
    static const table_col COLS[] = { { 0 }, { 0 } };
    cli_table *table = c->ctx->json || c->o->csv ? NULL : cli_table_new(COLS, 2, 0);
    if (!c->ctx->json && !c->o->csv && !table)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *name;
        eth_address a;
        char text[ETH_ADDRESS_TEXT_LEN];
        names_contact_at(c->book, i, &name, &a);
        eth_address_to_checksum(&a, text);
        if (c->ctx->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(arr, o);
            cJSON_AddStringToObject(o, "name", name);
            cJSON_AddStringToObject(o, "address", text);
        } else if (c->o->csv) {
            const char *row[] = { name, text };
            print_csv_row(row, 2);
        } else if (!cli_table_add(table, (const char *[]){ name, text }, NULL)) {
            cli_table_free(table);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
    }
    if (c->ctx->json)
        return print_json_records(arr, 2, err);
    if (table) {
        cli_table_print(table, stdout);
        cli_table_free(table);
    }
    if (n == 0 && !c->o->csv)
        fputs("No contacts (add one with: powerchain contacts add NAME ADDRESS)\n", stderr);
    return PC_OK;
}

/* Says when a new contact shadows a keystore name of another address. */
static void warn_conflict(const cli_ctx *ctx, const char *name)
{
    names *full;
    pc_error err = { 0 };
    eth_address a;
    if (book_open(ctx, &full, &err) != PC_OK)
        return;
    if (names_resolve(full, name, &a, NULL, &err) != PC_OK)
        cli_error("warning: %s", err.msg);
    names_free(full);
}

static pc_status add(contacts_cmd *c, pc_error *err)
{
    eth_address a;
    char text[ETH_ADDRESS_TEXT_LEN];
    pc_status st = eth_address_parse(c->arg[1], &a, err);
    if (st != PC_OK)
        pc_error_prefix(err, "ADDRESS");
    if (st == PC_OK)
        st = names_add_contact(c->book, c->arg[0], &a, err);
    if (st == PC_OK)
        st = names_save_contacts(c->book, c->path, err);
    if (st == PC_OK) {
        eth_address_to_checksum(&a, text);
        print_text_line("Added %s = %s", c->arg[0], text);
        warn_conflict(c->ctx, c->arg[0]);
    }
    return st;
}

static pc_status remove_contact(contacts_cmd *c, pc_error *err)
{
    pc_status st = names_remove_contact(c->book, c->arg[0], err);
    if (st == PC_OK)
        st = names_save_contacts(c->book, c->path, err);
    if (st == PC_OK)
        print_text_line("Removed %s", c->arg[0]);
    return st;
}

/* Every subcommand: its options and arguments, then the contacts file,
 * then its own work. */
static int contacts_run(const cli_ctx *ctx, int argc, char **argv,
                        pc_status (*work)(contacts_cmd *c, pc_error *err))
{
    contacts_options o = { 0 };
    pc_error err = { 0 };
    cli_args args;
    if (cli_command_args(ctx, argc, argv, &o, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    char *path = NULL;
    contacts_cmd c = { ctx, &o, args.word, NULL, NULL };
    pc_status st = names_default_path(&path, &err);
    if (st == PC_OK)
        st = names_new(&c.book, &err);
    if (st == PC_OK) {
        c.path = path;
        st = names_load_contacts(c.book, path, &err);
    }
    if (st == PC_OK)
        st = work(&c, &err);
    names_free(c.book);
    free(path);
    cli_args_free(&args);
    return st == PC_OK ? 0 : cli_fail(&err);
}

int cmd_contacts_add(const cli_ctx *ctx, int argc, char **argv)
{
    return contacts_run(ctx, argc, argv, add);
}

int cmd_contacts_list(const cli_ctx *ctx, int argc, char **argv)
{
    return contacts_run(ctx, argc, argv, list);
}

int cmd_contacts_remove(const cli_ctx *ctx, int argc, char **argv)
{
    return contacts_run(ctx, argc, argv, remove_contact);
}
