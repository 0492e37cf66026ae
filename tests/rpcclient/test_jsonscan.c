/* The scan that frames IPC answers and counts values before parsing: where
 * a value ends (strings holding brackets and escaped quotes, answers fed a
 * byte at a time, what follows the value), what cannot be JSON-RPC, and
 * that the count is never below what cJSON builds. */
#include <cjson/cJSON.h>

#include "../check.h"
#include "rpcclient/jsonscan.h"

/* The number of nodes in cJSON's tree of `text`. */
static size_t tree_nodes(const cJSON *v)
{
    size_t n = 1;
    const cJSON *c;
    cJSON_ArrayForEach(c, v)
        n += tree_nodes(c);
    return n;
}

static void test_end_and_count(void)
{
    const char *texts[] = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}",
        "[{\"id\":1,\"result\":[]},{\"id\":2,\"result\":{\"a\":[1,2,{}]}}]",
        "{\"s\":\"]}\\\"{[,,,\",\"t\":\"\\\\\"}",
        "[]",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t n = strlen(texts[i]);
        json_scan s;
        json_scan_init(&s);
        CHECK(json_scan_feed(&s, texts[i], n) == n && s.done && !s.bad);
        cJSON *tree = cJSON_Parse(texts[i]);
        CHECK(tree && s.values >= tree_nodes(tree));
        CHECK(s.values <= 2 * tree_nodes(tree));
        cJSON_Delete(tree);
        /* A byte at a time, as a socket may deliver it. */
        json_scan_init(&s);
        size_t taken = 0;
        for (size_t k = 0; k < n && !s.done; k++)
            taken += json_scan_feed(&s, texts[i] + k, 1);
        CHECK(taken == n && s.done);
    }
}

static void test_what_follows(void)
{
    /* Answers back to back, a newline between or not. */
    const char *stream = "  \n{\"id\":1,\"r\":\"}\"}\n{\"id\":2}";
    json_scan s;
    json_scan_init(&s);
    size_t taken = json_scan_feed(&s, stream, strlen(stream));
    CHECK(s.done && taken == strlen("  \n{\"id\":1,\"r\":\"}\"}"));
    json_scan_init(&s);
    CHECK(json_scan_feed(&s, "{\"a\":1}{", 8) == 7 && s.done);
    /* Unfinished: not done, everything taken. */
    json_scan_init(&s);
    CHECK(json_scan_feed(&s, "[1,[2", 5) == 5 && !s.done && !s.bad);
}

static void test_not_json_rpc(void)
{
    const char *bad[] = { "hello", "42", "\"text\"", "}" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_scan s;
        json_scan_init(&s);
        json_scan_feed(&s, bad[i], strlen(bad[i]));
        CHECK(s.bad && !s.done);
    }
}

static void test_tiny_values(void)
{
    /* The hostile case: two bytes per value. */
    char text[2 * 1000 + 2];
    text[0] = '[';
    for (size_t i = 0; i < 1000; i++) {
        text[1 + 2 * i] = '0';
        text[2 + 2 * i] = i + 1 < 1000 ? ',' : ']';
    }
    text[sizeof text - 1] = '\0';
    json_scan s;
    json_scan_init(&s);
    json_scan_feed(&s, text, strlen(text));
    CHECK(s.done && s.values == 1001);
}

int main(void)
{
    test_end_and_count();
    test_what_follows();
    test_not_json_rpc();
    test_tiny_values();
    return check_summary();
}
