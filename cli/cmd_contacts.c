#include "cli/cmd_contacts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/book.h"
#include "cli/commands.h"
#include "cli/print.h"
#include "cli/table_out.h"
#include "wallet/names.h"

static pc_status list(const cli_ctx *ctx, const names *b, pc_error *err)
{
    size_t n = names_contact_count(b);
    cJSON *arr = ctx->json ? cJSON_CreateArray() : NULL;
    /* Name and address, without headings. */
    static const table_col COLS[] = { { 0 }, { 0 } };
    cli_table *table = ctx->json ? NULL : cli_table_new(COLS, 2, 0);
    if (!ctx->json && !table)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *name;
        eth_address a;
        char text[ETH_ADDRESS_TEXT_LEN];
        names_contact_at(b, i, &name, &a);
        eth_address_to_checksum(&a, text);
        if (!ctx->json) {
            const char *cells[] = { name, text };
            if (!cli_table_add(table, cells, NULL)) {
                cli_table_free(table);
                return pc_fail(err, PC_ENOMEM, "out of memory");
            }
            continue;
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        cJSON_AddStringToObject(o, "name", name);
        cJSON_AddStringToObject(o, "address", text);
    }
    if (ctx->json)
        return print_json_records(arr, 2, err);
    cli_table_print(table, stdout);
    cli_table_free(table);
    if (n == 0)
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

static pc_status run(const cli_ctx *ctx, int argc, char **argv, const char *path,
                     pc_error *err)
{
    const char *sub = argv[1];
    names *b = NULL;
    pc_status st = names_new(&b, err);
    if (st == PC_OK)
        st = names_load_contacts(b, path, err);
    if (st != PC_OK) {
        names_free(b);
        return st;
    }
    if (strcmp(sub, "list") == 0 && argc == 2) {
        st = list(ctx, b, err);
    } else if (strcmp(sub, "add") == 0 && argc == 4) {
        eth_address a;
        char text[ETH_ADDRESS_TEXT_LEN];
        if ((st = eth_address_parse(argv[3], &a, err)) != PC_OK)
            pc_error_prefix(err, "ADDRESS");
        if (st == PC_OK)
            st = names_add_contact(b, argv[2], &a, err);
        if (st == PC_OK)
            st = names_save_contacts(b, path, err);
        if (st == PC_OK) {
            eth_address_to_checksum(&a, text);
            printf("Added %s = %s\n", argv[2], text);
            warn_conflict(ctx, argv[2]);
        }
    } else if (strcmp(sub, "remove") == 0 && argc == 3) {
        st = names_remove_contact(b, argv[2], err);
        if (st == PC_OK)
            st = names_save_contacts(b, path, err);
        if (st == PC_OK)
            printf("Removed %s\n", argv[2]);
    } else {
        st = pc_fail(err, PC_EINPUT,
                     "usage: powerchain contacts add NAME ADDRESS | list | remove NAME");
    }
    names_free(b);
    return st;
}

int cmd_contacts(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    char *path = NULL;
    pc_status st;
    if (argc < 2)
        st = pc_fail(&err, PC_EINPUT,
                     "usage: powerchain contacts add NAME ADDRESS | list | remove NAME");
    else if ((st = names_default_path(&path, &err)) == PC_OK)
        st = run(ctx, argc, argv, path, &err);
    free(path);
    return st == PC_OK ? 0 : cli_fail(&err);
}
