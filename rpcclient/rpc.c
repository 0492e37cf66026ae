#include "rpcclient/rpc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "rpcclient/bounds.h"
#include "rpcclient/ipc.h"
#include "rpcclient/jsonscan.h"

/* Reads are retried this many times after a transport failure. */
#define RPC_READ_RETRIES 2

struct rpc_client {
    CURL *curl;
    struct curl_slist *headers;
    char *urls[RPC_MAX_NODES];  /* as given, credentials and all: for libcurl only */
    char *shown[RPC_MAX_NODES]; /* scheme, host and port, or a socket path: for every message */
    size_t nurls;
    size_t current;             /* index into urls */
    const char *url;            /* shown[current] */
    long timeout_s;
    unsigned long requests;
    unsigned long moves;        /* times the client moved to another node */
    long next_id;
    rpc_error_info last_error;
    char *last_error_data; /* owned copy behind last_error.data_hex */
    char *cacert;          /* CA file trusted for https nodes, or NULL: the system's */
    char curl_msg[CURL_ERROR_SIZE];
};

typedef struct batch_call {
    char *method;
    cJSON *params;
    long id;
    cJSON *answer; /* the whole answer object, owned */
} batch_call;

struct rpc_batch {
    batch_call *calls;
    size_t count, cap;
};

typedef struct response_buf {
    char *data;
    size_t len;
    size_t cap;
    size_t limit;
    bool too_large;
} response_buf;

/* What one round trip is, for its bound and its messages. */
typedef struct exchange {
    const char *body;
    rpc_bound bound;
    char what[64]; /* "eth_call", "a batch of 3 calls" */
} exchange;

pc_status rpc_global_init(pc_error *err)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return pc_fail(err, PC_ENOMEM, "cannot initialise libcurl");
    return PC_OK;
}

void rpc_global_cleanup(void)
{
    curl_global_cleanup();
}

#define RPC_URL_MAX 2048

void rpc_url_shown(const char *url, char *out, size_t cap)
{
    if (ipc_is_node(url)) {
        snprintf(out, cap, "%s", ipc_check_node(url, NULL) == PC_OK
                                     ? ipc_path(url)
                                     : "(a socket path that cannot be read)");
        return;
    }
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        bool has_port = curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK;
        snprintf(out, cap, "%s://%s%s%s", scheme, host, has_port ? ":" : "",
                 has_port ? port : "");
    } else {
        snprintf(out, cap, "(a node URL that cannot be read)");
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
}

/* rpc_url_shown in memory of its own. */
static char *url_shown_dup(const char *url)
{
    char shown[RPC_URL_MAX + 16];
    rpc_url_shown(url, shown, sizeof shown);
    return strdup(shown);
}

/* An http(s) URL with a host, of printable ASCII and a sane length, as
 * libcurl's own parser reads it. Errors never repeat the URL whole: it may
 * hold a password or an API key. */
static pc_status check_url(const char *url, pc_error *err)
{
    if (ipc_is_node(url))
        return ipc_check_node(url, err);
    size_t n = strnlen(url, RPC_URL_MAX + 1);
    if (n == 0)
        return pc_fail(err, PC_EINPUT, "--rpc: the node URL is empty");
    if (n > RPC_URL_MAX)
        return pc_fail(err, PC_EINPUT, "--rpc: the node URL is longer than %d characters",
                       RPC_URL_MAX);
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f)
            return pc_fail(err, PC_EINPUT, "--rpc: the node URL may hold only printable ASCII "
                                           "without spaces (percent-encode the rest)");
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        return pc_fail(err, PC_EINPUT, "--rpc: a node URL must start with http:// or https:// "
                                       "(or name a socket: ipc:PATH, /PATH, ./PATH)");
    CURLU *u = curl_url();
    char *host = NULL;
    pc_status st = PC_OK;
    if (!u)
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    else if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
             curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host || !*host)
        st = pc_fail(err, PC_EINPUT, "--rpc: a node URL has no host that can be read "
                                     "(scheme://[user:password@]host[:port][/path])");
    curl_free(host);
    curl_url_cleanup(u);
    return st;
}

pc_status rpc_client_new(const char *url, long timeout_s, rpc_client **out, pc_error *err)
{
    *out = NULL;
    pc_status st = check_url(url, err);
    if (st != PC_OK)
        return st;
    rpc_client *c = calloc(1, sizeof *c);
    if (!c)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    c->urls[0] = strdup(url);
    c->shown[0] = url_shown_dup(url);
    c->nurls = 1;
    c->url = c->shown[0];
    c->curl = curl_easy_init();
    c->headers = curl_slist_append(NULL, "Content-Type: application/json");
    if (!c->urls[0] || !c->shown[0] || !c->curl || !c->headers) {
        rpc_client_free(c);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    c->timeout_s = timeout_s > 0 ? timeout_s : RPC_DEFAULT_TIMEOUT_S;
    c->next_id = 1;
    *out = c;
    return PC_OK;
}

static void clear_last_error(rpc_client *c)
{
    free(c->last_error_data);
    c->last_error_data = NULL;
    c->last_error = (rpc_error_info){ false, 0, NULL };
}

void rpc_client_free(rpc_client *c)
{
    if (!c)
        return;
    clear_last_error(c);
    free(c->cacert);
    if (c->curl)
        curl_easy_cleanup(c->curl);
    curl_slist_free_all(c->headers);
    for (size_t i = 0; i < c->nurls; i++) {
        free(c->urls[i]);
        free(c->shown[i]);
    }
    free(c);
}

pc_status rpc_client_add_node(rpc_client *c, const char *url, pc_error *err)
{
    pc_status st = check_url(url, err);
    if (st != PC_OK)
        return st;
    if (c->nurls == RPC_MAX_NODES)
        return pc_fail(err, PC_EINPUT, "at most %d nodes can be given", RPC_MAX_NODES);
    char *copy = strdup(url), *shown = url_shown_dup(url);
    if (!copy || !shown) {
        free(copy);
        free(shown);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    c->urls[c->nurls] = copy;
    c->shown[c->nurls++] = shown;
    return PC_OK;
}

const char *rpc_client_url(const rpc_client *c)
{
    return c->url;
}

size_t rpc_client_node_index(const rpc_client *c)
{
    return c->current;
}

static void next_node(rpc_client *c)
{
    c->current = (c->current + 1) % c->nurls;
    c->url = c->shown[c->current];
    c->moves++;
}

unsigned long rpc_client_moves(const rpc_client *c)
{
    return c->moves;
}

void rpc_client_fail_over(rpc_client *c)
{
    if (c->nurls > 1)
        next_node(c);
}

pc_status rpc_client_set_cacert(rpc_client *c, const char *path, pc_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return pc_fail(err, PC_EINPUT, "CA file %s (--cacert, or cacert in the config): %s",
                       path, strerror(errno));
    fclose(f);
    char *copy = strdup(path);
    if (!copy)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    free(c->cacert);
    c->cacert = copy;
    return PC_OK;
}

unsigned long rpc_client_request_count(const rpc_client *c)
{
    return c->requests;
}

rpc_error_info rpc_client_last_error(const rpc_client *c)
{
    return c->last_error;
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    response_buf *r = userdata;
    size_t n = size * nmemb;
    if (n > r->limit - r->len) {
        r->too_large = true;
        return 0; /* makes curl abort the transfer */
    }
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 4096;
        while (cap < r->len + n + 1)
            cap *= 2;
        char *p = realloc(r->data, cap);
        if (!p)
            return 0;
        r->data = p;
        r->cap = cap;
    }
    memcpy(r->data + r->len, ptr, n);
    r->len += n;
    r->data[r->len] = '\0';
    return n;
}

typedef enum transport_failure {
    ANSWERED,    /* the node answered, whatever it said */
    UNREACHABLE, /* no connection, or it broke */
    TIMED_OUT,
} transport_failure;

static pc_status too_large(rpc_client *c, const exchange *x, pc_error *err)
{
    return pc_fail(err, PC_ENODE, "node at %s sent an answer to %s larger than %zu bytes; "
                                  "refused", c->url, x->what, x->bound.bytes);
}

static pc_status timed_out(rpc_client *c, transport_failure *transport, pc_error *err)
{
    *transport = TIMED_OUT;
    return pc_fail_cause(err, PC_ENODE, PC_CAUSE_TIMEOUT, "node at %s did not answer within %ld s",
                         c->url, c->timeout_s);
}

static pc_status unreachable(rpc_client *c, const char *why, transport_failure *transport,
                             pc_error *err)
{
    *transport = UNREACHABLE;
    return pc_fail_cause(err, PC_ENODE, PC_CAUSE_UNREACHABLE, "cannot reach node at %s: %s",
                         c->url, why);
}

/* One HTTP POST; on success r holds the body of a 200 answer. */
static pc_status exchange_http(rpc_client *c, const exchange *x, response_buf *r,
                               transport_failure *transport, pc_error *err)
{
    CURL *h = c->curl;
    curl_easy_reset(h);
    c->curl_msg[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, c->urls[c->current]);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, c->headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, x->body);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout_s);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, c->timeout_s < 10 ? c->timeout_s : 10L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->curl_msg);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (c->cacert)
        curl_easy_setopt(h, CURLOPT_CAINFO, c->cacert);
    /* Nodes answer small JSON; refuse redirects to somewhere else. */
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode rc = curl_easy_perform(h);
    const char *why = c->curl_msg[0] ? c->curl_msg : curl_easy_strerror(rc);
    if (r->too_large)
        return too_large(c, x, err);
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return timed_out(c, transport, err);
    if (rc == CURLE_PEER_FAILED_VERIFICATION) {
        char msg[CURL_ERROR_SIZE + 128];
        snprintf(msg, sizeof msg, "its TLS certificate is not trusted (%s); for a node with a "
                                  "private CA give --cacert FILE", why);
        return unreachable(c, msg, transport, err);
    }
    if (rc != CURLE_OK)
        return unreachable(c, why, transport, err);
    long code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    if (code != 200)
        return pc_fail_cause(err, PC_ENODE, PC_CAUSE_HTTP, "node at %s answered HTTP %ld", c->url,
                             code);
    return PC_OK;
}

/* One exchange over the node's Unix socket. */
static pc_status exchange_ipc(rpc_client *c, const exchange *x, response_buf *r,
                              transport_failure *transport, pc_error *err)
{
    char why[256];
    switch (ipc_exchange(c->urls[c->current], x->body, r->limit, c->timeout_s, &r->data, &r->len,
                         why, sizeof why)) {
    case IPC_ANSWERED:
        return PC_OK;
    case IPC_UNREACHABLE:
        return unreachable(c, why, transport, err);
    case IPC_TIMED_OUT:
        return timed_out(c, transport, err);
    case IPC_TOO_LARGE:
        return too_large(c, x, err);
    case IPC_NOT_JSON:
        return pc_fail(err, PC_ENODE, "node at %s sent an answer that is not JSON", c->url);
    case IPC_NO_MEMORY:
        break;
    }
    return pc_fail(err, PC_ENOMEM, "out of memory");
}

/* Parses an answer within its bound of values: counted first, by a scan
 * that allocates nothing, so that a hostile answer never becomes a tree
 * (rpcclient/bounds.h says why and how large). */
static pc_status parse_bounded(rpc_client *c, const exchange *x, const response_buf *r,
                               cJSON **answer, pc_error *err)
{
    if (!r->data || r->len == 0)
        return pc_fail(err, PC_ENODE, "node at %s sent an empty answer", c->url);
    json_scan scan;
    json_scan_init(&scan);
    json_scan_feed(&scan, r->data, r->len);
    if (scan.values > x->bound.values)
        return pc_fail(err, PC_ENODE, "node at %s sent an answer to %s of more than %zu JSON "
                                      "values; refused before parsing it",
                       c->url, x->what, x->bound.values);
    if (!scan.done || !(*answer = cJSON_ParseWithLength(r->data, r->len)))
        return pc_fail(err, PC_ENODE, "node at %s sent an answer that is not JSON", c->url);
    return PC_OK;
}

/* One round trip to the current node; on success *answer holds the
 * parsed JSON. */
static pc_status post_once(rpc_client *c, const exchange *x, cJSON **answer,
                           transport_failure *transport, pc_error *err)
{
    *transport = ANSWERED;
    response_buf r = { NULL, 0, 0, x->bound.bytes, false };
    c->requests++;
    pc_status st = ipc_is_node(c->urls[c->current]) ? exchange_ipc(c, x, &r, transport, err)
                                                    : exchange_http(c, x, &r, transport, err);
    if (st == PC_OK)
        st = parse_bounded(c, x, &r, answer, err);
    free(r.data);
    return st;
}

/* Reads that could not reach their node are retried, on the next node when
 * there are several (a node that timed out is only left for another one:
 * waiting for it again would double the wait). HTTP and JSON-RPC errors are
 * not retried: the node answered, asking again will not change it. A send
 * is tried once, on the current node. */
static pc_status post(rpc_client *c, exchange *x, bool retry, cJSON **answer, pc_error *err)
{
    size_t attempts = 1;
    if (retry)
        attempts = c->nurls > 1 + RPC_READ_RETRIES ? c->nurls : 1 + RPC_READ_RETRIES;
    pc_status st = PC_OK;
    transport_failure failure = ANSWERED;
    for (size_t i = 0; i < attempts; i++) {
        *answer = NULL;
        st = post_once(c, x, answer, &failure, err);
        if (st == PC_OK || failure == ANSWERED || !retry)
            break;
        if (c->nurls > 1)
            next_node(c);
        else if (failure == TIMED_OUT)
            break;
    }
    return st;
}

static cJSON *make_request(const char *method, cJSON *params, long id)
{
    cJSON *req = cJSON_CreateObject();
    if (!req) {
        cJSON_Delete(params);
        return NULL;
    }
    cJSON_AddStringToObject(req, "jsonrpc", "2.0");
    cJSON_AddNumberToObject(req, "id", (double)id);
    cJSON_AddStringToObject(req, "method", method);
    cJSON_AddItemToObject(req, "params", params ? params : cJSON_CreateArray());
    return req;
}

/* A JSON number that is a whole number in long's range. cJSON keeps every
 * number as a double, and converting one out of range (1e300, NaN) to an
 * integer is undefined behaviour: a hostile node must not get that far. */
static bool json_whole_long(const cJSON *n, long *out)
{
    if (!cJSON_IsNumber(n))
        return false;
    double v = n->valuedouble;
    /* -2^63 and 2^63 are exact doubles; long is 64 bits here. */
    if (!(v >= (double)LONG_MIN && v < -(double)LONG_MIN) || (double)(long)v != v)
        return false;
    *out = (long)v;
    return true;
}

/* A JSON-RPC error code, or 0 when the node sent none we can read. */
static long error_code(const cJSON *code)
{
    long n = 0;
    return json_whole_long(code, &n) ? n : 0;
}

/* The revert data of an error's "data" member, or NULL: a hex string there,
 * or in the object Hardhat ({"message","data"}) or Ganache's estimate
 * ({"result","reason",...}) send instead. */
static const char *revert_data_hex(const cJSON *data)
{
    if (cJSON_IsObject(data)) {
        const cJSON *inner = cJSON_GetObjectItemCaseSensitive(data, "data");
        data = cJSON_IsString(inner) ? inner : cJSON_GetObjectItemCaseSensitive(data, "result");
    }
    return cJSON_IsString(data) && strncmp(data->valuestring, "0x", 2) == 0 ? data->valuestring
                                                                            : NULL;
}

/* Checks one answer object; on a JSON-RPC error records it in the client. */
static pc_status check_answer(rpc_client *c, const char *method, const cJSON *answer,
                              const cJSON **result, pc_error *err)
{
    if (!cJSON_IsObject(answer))
        return pc_fail(err, PC_ENODE, "node at %s sent a malformed answer to %s", c->url,
                       method);
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(answer, "error");
    if (e && !cJSON_IsNull(e)) {
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "code");
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(e, "message");
        const cJSON *data = cJSON_GetObjectItemCaseSensitive(e, "data");
        clear_last_error(c);
        c->last_error.present = true;
        c->last_error.code = error_code(code);
        const char *revert = revert_data_hex(data);
        if (revert) {
            c->last_error_data = strdup(revert);
            c->last_error.data_hex = c->last_error_data;
        }
        return pc_fail_refused(err, c->last_error.code, "node refused %s: %s (code %ld)",
                               method, cJSON_IsString(msg) ? msg->valuestring : "no message",
                               c->last_error.code);
    }
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(answer, "result");
    if (!res)
        return pc_fail(err, PC_ENODE, "node at %s answered %s with neither result nor error",
                       c->url, method);
    *result = res;
    return PC_OK;
}

pc_status rpc_call(rpc_client *c, const char *method, cJSON *params, bool retry, cJSON **result,
                   pc_error *err)
{
    *result = NULL;
    clear_last_error(c);
    long id = c->next_id++;
    cJSON *req = make_request(method, params, id);
    char *body = req ? cJSON_PrintUnformatted(req) : NULL;
    cJSON_Delete(req);
    if (!body)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    exchange x = { body, rpc_bound_for(method), "" };
    snprintf(x.what, sizeof x.what, "%s", method);
    cJSON *answer = NULL;
    pc_status st = post(c, &x, retry, &answer, err);
    free(body);
    if (st != PC_OK)
        return st;
    const cJSON *id_item = cJSON_GetObjectItemCaseSensitive(answer, "id");
    const cJSON *res = NULL;
    long answered_id = 0;
    if (cJSON_IsObject(answer) && (!json_whole_long(id_item, &answered_id) || answered_id != id))
        st = pc_fail(err, PC_ENODE, "node at %s answered %s with the wrong id", c->url, method);
    else
        st = check_answer(c, method, answer, &res, err);
    if (st == PC_OK) {
        *result = cJSON_DetachItemViaPointer(answer, (cJSON *)res);
    }
    cJSON_Delete(answer);
    return st;
}

rpc_batch *rpc_batch_new(void)
{
    return calloc(1, sizeof(rpc_batch));
}

void rpc_batch_free(rpc_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->count; i++) {
        free(b->calls[i].method);
        cJSON_Delete(b->calls[i].params);
        cJSON_Delete(b->calls[i].answer);
    }
    free(b->calls);
    free(b);
}

int rpc_batch_add(rpc_batch *b, const char *method, cJSON *params)
{
    if (!params)
        params = cJSON_CreateArray();
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        batch_call *p = realloc(b->calls, cap * sizeof *p);
        if (!p) {
            cJSON_Delete(params);
            return -1;
        }
        b->calls = p;
        b->cap = cap;
    }
    char *m = strdup(method);
    if (!m || !params) {
        free(m);
        cJSON_Delete(params);
        return -1;
    }
    b->calls[b->count] = (batch_call){ m, params, 0, NULL };
    return (int)b->count++;
}

static pc_status build_batch_body(rpc_client *c, rpc_batch *b, char **body, pc_error *err)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < b->count; i++) {
        batch_call *call = &b->calls[i];
        call->id = c->next_id++;
        cJSON_Delete(call->answer);
        call->answer = NULL;
        cJSON *req = make_request(call->method, cJSON_Duplicate(call->params, true), call->id);
        if (!req || !cJSON_AddItemToArray(arr, req)) {
            cJSON_Delete(req);
            cJSON_Delete(arr);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
    }
    *body = cJSON_PrintUnformatted(arr);
    cJSON_Delete(arr);
    return *body ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
}

pc_status rpc_batch_send(rpc_client *c, rpc_batch *b, bool retry, pc_error *err)
{
    clear_last_error(c);
    if (b->count == 0)
        return PC_OK;
    char *body = NULL;
    pc_status st = build_batch_body(c, b, &body, err);
    if (st != PC_OK)
        return st;
    exchange x = { body, { 0, 0 }, "" };
    for (size_t i = 0; i < b->count; i++)
        rpc_bound_add(&x.bound, rpc_bound_for(b->calls[i].method));
    snprintf(x.what, sizeof x.what, "a batch of %zu calls", b->count);
    cJSON *answer = NULL;
    st = post(c, &x, retry, &answer, err);
    free(body);
    if (st != PC_OK)
        return st;
    if (!cJSON_IsArray(answer)) {
        /* A node without batch support answers one error object. */
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(answer, "error");
        const cJSON *msg = e ? cJSON_GetObjectItemCaseSensitive(e, "message") : NULL;
        st = pc_fail_refused(err, 0, "node at %s refused a batch request%s%s", c->url,
                     cJSON_IsString(msg) ? ": " : "", cJSON_IsString(msg) ? msg->valuestring : "");
        cJSON_Delete(answer);
        return st;
    }
    cJSON *item = answer->child;
    while (item && st == PC_OK) {
        cJSON *next = item->next;
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
        batch_call *match = NULL;
        long want = 0;
        if (json_whole_long(id, &want)) {
            for (size_t i = 0; i < b->count && !match; i++)
                if (b->calls[i].id == want)
                    match = &b->calls[i];
        }
        if (!match || match->answer) {
            st = pc_fail(err, PC_ENODE, "node at %s sent a batch answer with an unknown or "
                                        "repeated id", c->url);
        } else {
            match->answer = cJSON_DetachItemViaPointer(answer, item);
        }
        item = next;
    }
    for (size_t i = 0; i < b->count && st == PC_OK; i++)
        if (!b->calls[i].answer)
            st = pc_fail(err, PC_ENODE, "node at %s left %s unanswered in a batch", c->url,
                         b->calls[i].method);
    cJSON_Delete(answer);
    return st;
}

const cJSON *rpc_batch_result(const rpc_batch *b, size_t i, pc_error *err)
{
    if (i >= b->count || !b->calls[i].answer) {
        pc_fail(err, PC_ENODE, "no answer for call %zu of the batch", i);
        return NULL;
    }
    const cJSON *answer = b->calls[i].answer;
    const char *method = b->calls[i].method;
    if (!cJSON_IsObject(answer)) {
        pc_fail(err, PC_ENODE, "malformed answer to %s in a batch", method);
        return NULL;
    }
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(answer, "error");
    if (e && !cJSON_IsNull(e)) {
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(e, "message");
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "code");
        long n = error_code(code);
        pc_fail_refused(err, n, "node refused %s: %s (code %ld)", method,
                        cJSON_IsString(msg) ? msg->valuestring : "no message", n);
        return NULL;
    }
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(answer, "result");
    if (!res)
        pc_fail(err, PC_ENODE, "answer to %s in a batch has no result", method);
    return res;
}
