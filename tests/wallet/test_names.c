/* The address book (wallet/names.h): parsing contacts text, its bad lines
 * named file:line, all-or-nothing loading, resolving typed words (addresses,
 * contact and keystore names, conflicts, unknown names), the name shown for
 * an address, adding and removing contacts, and the file's checks on disk
 * (missing, loose permissions, size bound, atomic save). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "wallet/names.h"

static eth_address addr(uint8_t n)
{
    eth_address a;
    memset(a.b, 0, sizeof a.b);
    a.b[19] = n;
    return a;
}

#define A1 "0x0000000000000000000000000000000000000001"
#define A2 "0x0000000000000000000000000000000000000002"

static names *book_of(const char *text, pc_status want)
{
    names *b = NULL;
    pc_error err = { 0 };
    CHECK(names_new(&b, &err) == PC_OK);
    CHECK(names_parse_contacts(b, "contacts", text, strlen(text), &err) == want);
    return b;
}

static void test_parse(void)
{
    names *b = book_of("# friends\n\n  alice = " A1 "\r\nbob=" A2 "\n\t# end", PC_OK);
    CHECK(names_contact_count(b) == 2);
    const char *name;
    eth_address a, one = addr(1), two = addr(2);
    names_contact_at(b, 0, &name, &a);
    CHECK_STR(name, "alice");
    CHECK(eth_address_equal(&a, &one));
    names_contact_at(b, 1, &name, &a);
    CHECK_STR(name, "bob");
    CHECK(eth_address_equal(&a, &two));
    names_free(b);
}

/* Each bad line is refused with its line number and nothing is kept. */
static void test_bad_lines(void)
{
    static const struct { const char *text, *want; } cases[] = {
        { "alice " A1 "\n", "contacts:1: expected name = address" },
        { "# x\nal ice = " A1 "\n", "contacts:2: contact" },
        { "alice = 0x12\n", "contacts:1: contact \"alice\"" },
        { "alice = " A1 "\nALICE = " A2 "\n", "contacts:2: \"ALICE\" is already a contact" },
        { "0xab = " A1 "\n", "contacts:1: contact" },
        { " = " A1 "\n", "contacts:1: contact" },
        { "a = " A1 "ffffffffffffffffffffffffffffffffffffffffffffff\n",
          "contacts:1: the address is too long" },
        { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = " A1,
          "contacts:1: a contact name must have" },
        { "ok = " A1 "\nbell\a = " A2 "\n", "contacts:2: contact" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        names *b = NULL;
        pc_error err = { 0 };
        CHECK(names_new(&b, &err) == PC_OK);
        CHECK(names_parse_contacts(b, "contacts", cases[i].text, strlen(cases[i].text), &err) ==
              PC_EINPUT);
        if (strncmp(err.msg, cases[i].want, strlen(cases[i].want)) != 0)
            fprintf(stderr, "case %zu: %s\n", i, err.msg);
        CHECK(strncmp(err.msg, cases[i].want, strlen(cases[i].want)) == 0);
        CHECK(names_contact_count(b) == 0);
        names_free(b);
    }
    /* A NUL inside a line is no silent end of the name. */
    names *b = NULL;
    pc_error err = { 0 };
    CHECK(names_new(&b, &err) == PC_OK);
    const char nul[] = "al\0ice = " A1 "\n";
    CHECK(names_parse_contacts(b, "c", nul, sizeof nul - 1, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "NUL") != NULL);
    names_free(b);
}

static void test_resolve(void)
{
    names *b = book_of("alice = " A1 "\nshared = " A2 "\n", PC_OK);
    pc_error err = { 0 };
    eth_address one = addr(1), two = addr(2), three = addr(3), got;
    CHECK(names_add_account(b, "Me", &three, &err) == PC_OK);
    CHECK(names_add_account(b, "shared", &two, &err) == PC_OK);
    const char *name = "x";
    CHECK(names_resolve(b, A2, &got, &name, &err) == PC_OK);
    CHECK(eth_address_equal(&got, &two) && name == NULL);
    CHECK(names_resolve(b, "ALICE", &got, &name, &err) == PC_OK);
    CHECK(eth_address_equal(&got, &one));
    CHECK_STR(name, "alice");
    CHECK(names_resolve(b, "me", &got, &name, &err) == PC_OK);
    CHECK(eth_address_equal(&got, &three));
    CHECK_STR(name, "Me");
    /* Both a contact and an account, same address: no conflict. */
    CHECK(names_resolve(b, "shared", &got, NULL, &err) == PC_OK);
    CHECK(eth_address_equal(&got, &two));
    /* Bad addresses stay address errors, not unknown names. */
    CHECK(names_resolve(b, "0x12", &got, NULL, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "known name") == NULL);
    CHECK(names_resolve(b, "", &got, NULL, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "known name") == NULL && strstr(err.msg, "0x"));
    CHECK(names_resolve(b, "-1", &got, NULL, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "known name") == NULL && strstr(err.msg, "0x"));
    CHECK(names_resolve(b, "carol", &got, NULL, &err) == PC_EINPUT);
    /* Each name once, even when it is a contact and an account. */
    CHECK(strstr(err.msg, "\"carol\"") && strstr(err.msg, "(alice, shared, Me)"));
    /* A contact and an account of one name with different addresses. */
    CHECK(names_add_account(b, "Alice", &three, &err) == PC_OK);
    CHECK(names_resolve(b, "alice", &got, NULL, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "ambiguous") && strstr(err.msg, A1) &&
          strstr(err.msg, "0x0000000000000000000000000000000000000003"));
    CHECK(names_add_account(b, "me", &one, &err) == PC_EINPUT);
    names_free(b);

    names *b2 = book_of("alice = " A1 "\nshared = " A2 "\n", PC_OK);
    CHECK(names_add_account(b2, "Me", &three, &err) == PC_OK);

    /* A long book is cut short. */
    for (int i = 0; i < 12; i++) {
        char name[8];
        snprintf(name, sizeof name, "x%d", i);
        CHECK(names_add_contact(b2, name, &one, &err) == PC_OK);
    }
    CHECK(names_resolve(b2, "carol", &got, NULL, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "x4, ...)") && !strstr(err.msg, "x5"));
    names_free(b2);

    names *empty = book_of("", PC_OK);
    CHECK(names_resolve(empty, "bob", &got, NULL, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "no names are known") != NULL);
    names_free(empty);
}

static void test_lookup(void)
{
    names *b = book_of("friend = " A2 "\n", PC_OK);
    pc_error err = { 0 };
    eth_address one = addr(1), two = addr(2), nine = addr(9);
    CHECK(names_add_account(b, "mine", &one, &err) == PC_OK);
    CHECK(names_add_account(b, "alias", &two, &err) == PC_OK);
    CHECK_STR(names_lookup(b, &one), "mine");
    /* A contact's name wins over the keystore's. */
    CHECK_STR(names_lookup(b, &two), "friend");
    CHECK(names_lookup(b, &nine) == NULL);
    CHECK(names_lookup(NULL, &one) == NULL);
    names_free(b);
}

static void test_add_remove(void)
{
    names *b = book_of("a = " A1 "\n", PC_OK);
    pc_error err = { 0 };
    eth_address two = addr(2), got;
    CHECK(names_add_contact(b, "b", &two, &err) == PC_OK);
    CHECK(names_add_contact(b, "A", &two, &err) == PC_EINPUT);
    CHECK(names_add_contact(b, "with space", &two, &err) == PC_EINPUT);
    CHECK(names_add_contact(b, "-x", &two, &err) == PC_EINPUT);
    CHECK(names_remove_contact(b, "nobody", &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "nobody") != NULL);
    CHECK(names_remove_contact(b, "A", &err) == PC_OK);
    CHECK(names_contact_count(b) == 1);
    CHECK(names_resolve(b, "a", &got, NULL, &err) == PC_EINPUT);
    CHECK(names_resolve(b, "b", &got, NULL, &err) == PC_OK);
    for (int i = 1; i < NAMES_CONTACTS_MAX; i++) {
        char name[16];
        snprintf(name, sizeof name, "n%d", i);
        CHECK(names_add_contact(b, name, &two, &err) == PC_OK);
    }
    CHECK(names_add_contact(b, "onetoomany", &two, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "too many") != NULL);
    names_free(b);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
    CHECK(chmod(path, mode) == 0);
}

static void test_files(void)
{
    char dir[] = "/tmp/test_names.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256], nested[256];
    snprintf(path, sizeof path, "%s/contacts", dir);
    snprintf(nested, sizeof nested, "%s/new/powerchain/contacts", dir);
    pc_error err = { 0 };
    names *b = NULL;
    CHECK(names_new(&b, &err) == PC_OK);
    /* No file yet: an empty book. */
    CHECK(names_load_contacts(b, path, &err) == PC_OK && names_contact_count(b) == 0);
    write_file(path, "alice = " A1 "\n", 0620);
    CHECK(names_load_contacts(b, path, &err) == PC_EIO);
    CHECK(strstr(err.msg, "writable by group/others") && strstr(err.msg, "chmod 600"));
    CHECK(chmod(path, 0602) == 0);
    CHECK(names_load_contacts(b, path, &err) == PC_EIO);
    /* Readable by others is fine: addresses are no secret, only the mapping's integrity. */
    CHECK(chmod(path, 0644) == 0);
    CHECK(names_load_contacts(b, path, &err) == PC_OK && names_contact_count(b) == 1);
    names_free(b);

    char *big = malloc(NAMES_FILE_MAX + 2);
    CHECK(big != NULL);
    if (big) {
        memset(big, '#', NAMES_FILE_MAX + 1);
        big[NAMES_FILE_MAX + 1] = '\0';
        write_file(path, big, 0600);
        free(big);
    }
    CHECK(names_new(&b, &err) == PC_OK);
    CHECK(names_load_contacts(b, path, &err) == PC_EDATA);
    CHECK(strstr(err.msg, "too large") != NULL);

    /* Saved into missing folders (made 0700), mode 0600, read back the same. */
    eth_address two = addr(2);
    CHECK(names_add_contact(b, "bob", &two, &err) == PC_OK);
    CHECK(names_add_account(b, "notacontact", &two, &err) == PC_OK);
    CHECK(names_save_contacts(b, nested, &err) == PC_OK);
    names_free(b);
    struct stat st;
    CHECK(stat(nested, &st) == 0 && (st.st_mode & 0777) == 0600);
    char folder[256];
    snprintf(folder, sizeof folder, "%s/new/powerchain", dir);
    CHECK(stat(folder, &st) == 0 && (st.st_mode & 0777) == 0700);
    CHECK(names_new(&b, &err) == PC_OK);
    CHECK(names_load_contacts(b, nested, &err) == PC_OK);
    CHECK(names_contact_count(b) == 1);
    eth_address got;
    CHECK(names_resolve(b, "bob", &got, NULL, &err) == PC_OK && eth_address_equal(&got, &two));
    CHECK(names_resolve(b, "notacontact", &got, NULL, &err) == PC_EINPUT);
    names_free(b);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    test_parse();
    test_bad_lines();
    test_resolve();
    test_lookup();
    test_add_remove();
    test_files();
    return check_summary();
}
