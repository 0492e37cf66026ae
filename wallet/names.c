#include "wallet/names.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keystore/safefile.h"

typedef struct name_entry {
    char *name;
    eth_address address;
    bool is_contact; /* false: a keystore account's name */
} name_entry;

struct names {
    name_entry *items;
    size_t count, cap;
};

pc_status names_default_path(char **out, pc_error *err)
{
    const char *base = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    const char *dot = "";
    *out = NULL;
    if (!base || !*base) {
        if (!home || !*home)
            return pc_fail(err, PC_EINPUT, "cannot find the contacts file: set XDG_CONFIG_HOME "
                                           "or HOME");
        base = home;
        dot = "/.config";
    }
    const char *suffix = "/powerchain/contacts";
    size_t len = strlen(base) + strlen(dot) + strlen(suffix) + 1;
    if (!(*out = malloc(len)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    snprintf(*out, len, "%s%s%s", base, dot, suffix);
    return PC_OK;
}

pc_status names_new(names **out, pc_error *err)
{
    if (!(*out = calloc(1, sizeof **out)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    return PC_OK;
}

void names_free(names *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->count; i++)
        free(b->items[i].name);
    free(b->items);
    free(b);
}

static size_t count_contacts(const names *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->count; i++)
        n += b->items[i].is_contact;
    return n;
}

/* The entry of `name` from the given source, or NULL. */
static const name_entry *find(const names *b, const char *name, bool is_contact)
{
    for (size_t i = 0; b && i < b->count; i++)
        if (b->items[i].is_contact == is_contact && strcasecmp(b->items[i].name, name) == 0)
            return &b->items[i];
    return NULL;
}

static pc_status append(names *b, const char *name, const eth_address *a, bool is_contact,
                        pc_error *err)
{
    if (b->count == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 16;
        name_entry *items = realloc(b->items, cap * sizeof *items);
        if (!items)
            return pc_fail(err, PC_ENOMEM, "out of memory");
        b->items = items;
        b->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    b->items[b->count++] = (name_entry){ copy, *a, is_contact };
    return PC_OK;
}

pc_status names_add_contact(names *b, const char *name, const eth_address *a, pc_error *err)
{
    pc_status st = keystore_check_name(name, err);
    if (st != PC_OK)
        return pc_error_prefix(err, "contact");
    if (find(b, name, true))
        return pc_fail(err, PC_EINPUT, "\"%s\" is already a contact", name);
    if (count_contacts(b) >= NAMES_CONTACTS_MAX)
        return pc_fail(err, PC_EINPUT, "too many contacts (at most %d)", NAMES_CONTACTS_MAX);
    return append(b, name, a, true, err);
}

pc_status names_add_account(names *b, const char *name, const eth_address *a, pc_error *err)
{
    pc_status st = keystore_check_name(name, err);
    if (st != PC_OK)
        return st;
    if (find(b, name, false))
        return pc_fail(err, PC_EINPUT, "two keystore accounts are named \"%s\"", name);
    return append(b, name, a, false, err);
}

pc_status names_add_keystore(names *b, const keystore *ks, pc_error *err)
{
    for (size_t i = 0; i < keystore_count(ks); i++) {
        const keystore_account *acc = keystore_at(ks, i);
        if (!acc->name || !acc->has_address)
            continue;
        pc_status st = names_add_account(b, acc->name, &acc->address, err);
        if (st != PC_OK)
            return st;
    }
    return PC_OK;
}

static void trim(const char **s, const char **end)
{
    while (*s < *end && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*end > *s && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\r'))
        (*end)--;
}

/* One `name = address` line (not a comment, not blank). */
static pc_status parse_line(names *b, const char *s, const char *end, pc_error *err)
{
    const char *eq = memchr(s, '=', (size_t)(end - s));
    if (!eq)
        return pc_fail(err, PC_EINPUT, "expected name = address");
    const char *ns = s, *ne = eq, *as = eq + 1, *ae = end;
    trim(&ns, &ne);
    trim(&as, &ae);
    char name[KEYSTORE_NAME_MAX + 2], addr[ETH_ADDRESS_TEXT_LEN + 1];
    if ((size_t)(ne - ns) >= sizeof name)
        return pc_fail(err, PC_EINPUT, "a contact name must have 1 to %d characters",
                       KEYSTORE_NAME_MAX);
    if ((size_t)(ae - as) >= sizeof addr)
        return pc_fail(err, PC_EINPUT, "the address is too long (0x and 40 hex digits)");
    memcpy(name, ns, (size_t)(ne - ns));
    name[ne - ns] = '\0';
    memcpy(addr, as, (size_t)(ae - as));
    addr[ae - as] = '\0';
    /* A NUL inside the line would cut the name or address short unseen. */
    if (strlen(name) != (size_t)(ne - ns) || strlen(addr) != (size_t)(ae - as))
        return pc_fail(err, PC_EINPUT, "the line holds a NUL byte");
    eth_address a;
    pc_status st = eth_address_parse(addr, &a, err);
    if (st != PC_OK)
        return pc_error_prefix(err, "contact \"%s\"", name);
    return names_add_contact(b, name, &a, err);
}

pc_status names_parse_contacts(names *b, const char *label, const char *text, size_t len,
                               pc_error *err)
{
    size_t before = b->count;
    const char *p = text, *end = text + len;
    pc_status st = PC_OK;
    for (unsigned lineno = 1; st == PC_OK && p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *s = p, *e = le;
        p = nl ? nl + 1 : end;
        trim(&s, &e);
        if (s == e || *s == '#')
            continue;
        if ((st = parse_line(b, s, e, err)) != PC_OK)
            pc_error_prefix(err, "%s:%u", label, lineno);
    }
    if (st != PC_OK) {
        /* All or nothing: a half-read file would resolve some names only. */
        for (size_t i = before; i < b->count; i++)
            free(b->items[i].name);
        b->count = before;
    }
    return st;
}

pc_status names_load_contacts(names *b, const char *path, pc_error *err)
{
    char *data;
    size_t len;
    struct stat st;
    bool missing;
    pc_status s = safefile_read(path, NAMES_FILE_MAX, &data, &len, &st, &missing, err);
    if (s != PC_OK)
        return missing ? PC_OK : s;
    /* Whoever can write the file can redirect payments: only its owner may. */
    if (st.st_uid != geteuid())
        s = pc_fail(err, PC_EIO, "contacts file %s belongs to another user; refusing it", path);
    else if (st.st_mode & 022)
        s = pc_fail(err, PC_EIO, "contacts file %s is writable by group/others (mode %03o); "
                                 "refusing it: run chmod 600 %s",
                    path, (unsigned)(st.st_mode & 0777), path);
    else
        s = names_parse_contacts(b, path, data, len, err);
    free(data);
    return s;
}

/* Writes "a, b, c" (each name once, at most a few, then "...") to out. */
static void known_names(const names *b, char *out, size_t cap)
{
    enum { SHOWN = 8 };
    size_t n = 0, shown = 0;
    out[0] = '\0';
    for (size_t i = 0; i < b->count && n < cap; i++) {
        bool again = false;
        for (size_t j = 0; j < i && !again; j++)
            again = strcasecmp(b->items[j].name, b->items[i].name) == 0;
        if (again)
            continue;
        if (shown++ == SHOWN) {
            snprintf(out + n, cap - n, ", ...");
            return;
        }
        n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? ", " : "", b->items[i].name);
    }
}

pc_status names_resolve(const names *b, const char *word, eth_address *out, const char **name,
                        pc_error *err)
{
    if (name)
        *name = NULL;
    /* What cannot be a name gets the address parser's own reason. */
    if ((word[0] == '0' && (word[1] == 'x' || word[1] == 'X')) ||
        keystore_check_name(word, NULL) != PC_OK)
        return eth_address_parse(word, out, err);
    const name_entry *contact = find(b, word, true), *account = find(b, word, false);
    if (contact && account && !eth_address_equal(&contact->address, &account->address)) {
        char ca[ETH_ADDRESS_TEXT_LEN], aa[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&contact->address, ca);
        eth_address_to_checksum(&account->address, aa);
        return pc_fail(err, PC_EINPUT,
                       "\"%.64s\" is ambiguous: contact %s, keystore account %s; rename one "
                       "(powerchain contacts remove, or powerchain account rename)",
                       word, ca, aa);
    }
    const name_entry *e = contact ? contact : account;
    if (!e) {
        char list[200];
        if (!b || b->count == 0)
            return pc_fail(err, PC_EINPUT, "\"%.64s\" is neither an address (must start with "
                                           "0x, then 40 hex digits) nor a name: no names are "
                                           "known (add one with powerchain contacts add NAME "
                                           "ADDRESS)",
                           word);
        known_names(b, list, sizeof list);
        return pc_fail(err, PC_EINPUT,
                       "\"%.64s\" is neither an address (must start with 0x, then 40 hex "
                       "digits) nor a known name (%s)",
                       word, list);
    }
    *out = e->address;
    if (name)
        *name = e->name;
    return PC_OK;
}

const char *names_lookup(const names *b, const eth_address *a)
{
    const char *account = NULL;
    for (size_t i = 0; b && i < b->count; i++) {
        if (!eth_address_equal(&b->items[i].address, a))
            continue;
        if (b->items[i].is_contact)
            return b->items[i].name;
        if (!account)
            account = b->items[i].name;
    }
    return account;
}

size_t names_longest(const names *b)
{
    size_t longest = 0;
    for (size_t i = 0; b && i < b->count; i++)
        if (strlen(b->items[i].name) > longest)
            longest = strlen(b->items[i].name);
    return longest;
}

/* The index in items of the i-th contact. */
static size_t contact_index(const names *b, size_t i)
{
    size_t k = 0;
    for (; k < b->count; k++)
        if (b->items[k].is_contact && i-- == 0)
            break;
    return k;
}

size_t names_contact_count(const names *b)
{
    return count_contacts(b);
}

void names_contact_at(const names *b, size_t i, const char **name, eth_address *a)
{
    const name_entry *e = &b->items[contact_index(b, i)];
    *name = e->name;
    *a = e->address;
}

pc_status names_remove_contact(names *b, const char *name, pc_error *err)
{
    const name_entry *e = find(b, name, true);
    if (!e)
        return pc_fail(err, PC_EINPUT, "\"%.64s\" is not a contact (see powerchain contacts "
                                       "list)", name);
    size_t i = (size_t)(e - b->items);
    free(b->items[i].name);
    memmove(&b->items[i], &b->items[i + 1], (b->count - i - 1) * sizeof b->items[0]);
    b->count--;
    return PC_OK;
}

pc_status names_save_contacts(const names *b, const char *path, pc_error *err)
{
    size_t cap = 64;
    for (size_t i = 0; i < b->count; i++)
        cap += strlen(b->items[i].name) + ETH_ADDRESS_TEXT_LEN + 4;
    char *text = malloc(cap), *dir = strdup(path);
    pc_status st = PC_OK;
    if (!text || !dir) {
        st = pc_fail(err, PC_ENOMEM, "out of memory");
        goto out;
    }
    size_t n = (size_t)snprintf(text, cap, "# powerchain contacts: name = address\n");
    for (size_t i = 0; i < b->count; i++) {
        if (!b->items[i].is_contact)
            continue;
        char a[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&b->items[i].address, a);
        n += (size_t)snprintf(text + n, cap - n, "%s = %s\n", b->items[i].name, a);
    }
    char *slash = strrchr(dir, '/');
    const char *base = path;
    if (slash && slash != dir) {
        *slash = '\0';
        base = slash + 1;
        st = safefile_mkdirs(dir, err);
    } else {
        base = slash ? path + 1 : path;
        strcpy(dir, slash ? "/" : ".");
    }
    if (st == PC_OK)
        st = safefile_write_atomic(dir, base, text, n, true, err);
out:
    free(text);
    free(dir);
    return st;
}
