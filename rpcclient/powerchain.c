#include "rpcclient/powerchain.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "eth/text.h"



#define ORDER_FIELDS "(uint256 id,address user,uint256 price,uint256 quantity,bool valid)[]"

/* Indexed by pc_fn; the slot of PC_FN_NONE stays empty. */
static const pc_method table[PC_FN_COUNT] = {
    /* Energy */
    [PC_FN_GET_TOTAL_ENERGY] = { PC_FN_GET_TOTAL_ENERGY,
      "getTotalEnergy", "()", "(uint256 wh)", PC_READ, false, 0, { 0 }, "",
      "energy stored in all active units", "wh=wh" },
    [PC_FN_GET_ENERGY_COSTS] = { PC_FN_GET_ENERGY_COSTS,
      "getEnergyCosts", "()", "(uint256 mint,uint256 burn)", PC_READ, false, 0, { 0 }, "",
      "current minting and burning cost", "mint=cost burn=cost" },
    [PC_FN_GET_STORAGE_UNITS_INFO] = { PC_FN_GET_STORAGE_UNITS_INFO,
      "getStorageUnitsInfo", "()", "((bool state,address owner,uint256 wh)[] units)", PC_READ,
      false, 0, { 0 }, "", "registered storage units and their available energy", "wh=wh" },
    [PC_FN_GET_STORAGE_UNIT_ENERGY] = { PC_FN_GET_STORAGE_UNIT_ENERGY,
      "getStorageUnitEnergy", "(address unit)", "(uint256 wh)", PC_READ, false, 1,
      { PC_ARG_ADDRESS }, "UNIT", "available energy of one unit", "wh=wh" },
    [PC_FN_GET_CONSUMPTION_SESSIONS] = { PC_FN_GET_CONSUMPTION_SESSIONS,
      "getConsumptionSessions", "()",
      "((string sessionId,uint256 wh,uint256 timestamp,address unit)[] sessions)", PC_READ,
      true, 0, { 0 }, "", "the account's active consumption sessions",
      "wh=wh timestamp=timestamp" },
    [PC_FN_GET_CONSUMPTION_SESSION_ENERGY] = { PC_FN_GET_CONSUMPTION_SESSION_ENERGY,
      "getConsumptionSessionEnergy", "(address addr)", "(uint256 sessionWh)", PC_READ, true, 1,
      { PC_ARG_ADDRESS }, "ADDRESS", "energy left in the session with a unit or consumer",
      "sessionWh=wh" },
    [PC_FN_START_CONSUMPTION_SESSION] = { PC_FN_START_CONSUMPTION_SESSION,
      "startConsumptionSession", "(address storageUnit,uint256 entAmmount)", "()", PC_TX, false,
      2, { PC_ARG_ADDRESS, PC_ARG_ENT }, "UNIT ENT", "lock ENT to draw energy from a unit", "",
      .intent = "locks {1} for energy from {0}" },
    [PC_FN_CLEAR_OLD_SESSIONS] = { PC_FN_CLEAR_OLD_SESSIONS,
      "clearOldSessions", "()", "()", PC_TX, false, 0, { 0 }, "",
      "close expired sessions and return what they locked", "",
      .intent = "closes every expired session and returns its ENT and energy" },
    [PC_FN_REGISTER_STORAGE_UNIT] = { PC_FN_REGISTER_STORAGE_UNIT,
      "registerStorageUnit", "(address unit,address owner)", "()", PC_VOTE, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_ADDRESS }, "UNIT OWNER", "vote to register a storage unit", "",
      "register_",
      .intent = "register {0} as a storage unit owned by {1}" },
    [PC_FN_REMOVE_STORAGE_UNIT] = { PC_FN_REMOVE_STORAGE_UNIT,
      "removeStorageUnit", "(address unit)", "()", PC_VOTE, false, 1, { PC_ARG_ADDRESS },
      "UNIT", "vote to remove a storage unit", "", "remove_",
      .intent = "remove the storage unit {0}" },
    [PC_FN_ENERGY_PRODUCED] = { PC_FN_ENERGY_PRODUCED,
      "energyProduced", "(address producer,uint256 wh)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_WH }, "PRODUCER WH", "(storage unit) report energy produced",
      "",
      .intent = "mints ENT to {0} for {1} produced" },
    [PC_FN_ENERGY_CONSUMED] = { PC_FN_ENERGY_CONSUMED,
      "energyConsumed", "(address consumer,uint256 wh)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_WH }, "CONSUMER WH", "(storage unit) report energy consumed",
      "",
      .intent = "burns {0}'s locked ENT for {1} consumed" },
    [PC_FN_REPORT_ACTUAL_ENERGY] = { PC_FN_REPORT_ACTUAL_ENERGY,
      "reportActualEnergy", "(uint256 actualEnergy)", "()", PC_TX, false, 1, { PC_ARG_WH },
      "WH", "(storage unit) report the energy really stored", "",
      .intent = "reports {0} really stored in this unit" },
    /* Tokens */
    [PC_FN_BALANCE_ENT] = { PC_FN_BALANCE_ENT,
      "balanceENT", "()", "(uint256 available,uint256 locked)", PC_READ, true, 0, { 0 }, "",
      "the account's ENT", "available=ent locked=ent" },
    [PC_FN_BALANCE_EEURO] = { PC_FN_BALANCE_EEURO,
      "balanceeEuro", "()", "(uint256 available,uint256 locked)", PC_READ, true, 0, { 0 }, "",
      "the account's eEuro", "available=eeuro locked=eeuro" },
    [PC_FN_GET_TOTAL_ENT] = { PC_FN_GET_TOTAL_ENT,
      "getTotalENT", "()", "(uint256 amnt)", PC_READ, false, 0, { 0 }, "",
      "ENT in circulation", "amnt=ent" },
    [PC_FN_GET_TOTAL_EEURO] = { PC_FN_GET_TOTAL_EEURO,
      "getTotalEeuro", "()", "(uint256 amnt)", PC_READ, false, 0, { 0 }, "",
      "eEuro in circulation", "amnt=eeuro" },
    [PC_FN_TRANSFER_ENT] = { PC_FN_TRANSFER_ENT,
      "transferENT", "(address to,uint256 amnt)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_ENT }, "TO ENT", "send available ENT", "",
      .intent = "transfers {1} to {0}" },
    [PC_FN_TRANSFER_EEURO] = { PC_FN_TRANSFER_EEURO,
      "transfereEuro", "(address to,uint256 amnt)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_EEURO }, "TO EEURO", "send available eEuro", "",
      .intent = "transfers {1} to {0}" },
    [PC_FN_LOCK_EEURO] = { PC_FN_LOCK_EEURO,
      "lockeEuro", "(uint256 amnt)", "()", PC_TX, false, 1, { PC_ARG_EEURO }, "EEURO",
      "withdraw: lock eEuro for the banker to pay out", "",
      .intent = "locks {0} for the banker to pay out in euros (a withdrawal)" },
    /* Banker */
    [PC_FN_GET_BANKER_ADDRESS] = { PC_FN_GET_BANKER_ADDRESS,
      "getBankerAddress", "()", "(address banker)", PC_READ, false, 0, { 0 }, "",
      "the banker (zero address when none)", "" },
    [PC_FN_CHANGE_BANKER] = { PC_FN_CHANGE_BANKER,
      "changeBanker", "(address addr)", "()", PC_VOTE, false, 1, { PC_ARG_ADDRESS },
      "ADDRESS", "vote to change the banker", "", "changeBankerTo_",
      .intent = "make {0} the banker" },
    [PC_FN_MINT_EEURO] = { PC_FN_MINT_EEURO,
      "minteEuro", "(address addr,uint256 amnt)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_EEURO }, "TO EEURO", "(banker) mint eEuro", "",
      .intent = "mints {1} into {0} (euros received)" },
    [PC_FN_BURN_EEURO] = { PC_FN_BURN_EEURO,
      "burneEuro", "(address addr,uint256 amnt)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_EEURO }, "FROM EEURO", "(banker) burn locked eEuro", "",
      .intent = "burns {1} that {0} locked for withdrawal (paid out in euros)" },
    [PC_FN_UNLOCK_EEURO] = { PC_FN_UNLOCK_EEURO,
      "unlockeEuro", "(address addr,uint256 amnt)", "()", PC_TX, false, 2,
      { PC_ARG_ADDRESS, PC_ARG_EEURO }, "TO EEURO", "(banker) refuse a withdrawal", "",
      .intent = "gives {1} locked by {0} back to them (withdrawal refused)" },
    /* Network parameters */
    [PC_FN_GET_PARAMETERS] = { PC_FN_GET_PARAMETERS,
      "getParameters", "()", "(uint256 M,uint256 B,uint256 C,uint256 H,uint256 F)", PC_READ,
      false, 0, { 0 }, "", "the network parameters",
      "M=cost B=cost C=fraction H=seconds F=fraction" },
    [PC_FN_SET_PARAMETER] = { PC_FN_SET_PARAMETER,
      "setParameter", "(string param,uint256 value)", "()", PC_VOTE, false, 2,
      { PC_ARG_PARAM_NAME, PC_ARG_PARAM_VALUE }, "NAME VALUE",
      "vote to set M, B, C, F (fractions) or H (hours)", "", "setParameter_",
      .intent = "set {0} to {1}" },
    /* Voting */
    [PC_FN_IS_VOTER] = { PC_FN_IS_VOTER,
      "isVoter", "()", "(bool voter)", PC_READ, true, 0, { 0 }, "",
      "whether the account is a voter", "" },
    [PC_FN_GET_VOTES] = { PC_FN_GET_VOTES,
      "getVotes", "()", "((string vote,bool userVote,bool passed)[] votes)", PC_READ, true, 0,
      { 0 }, "", "the votes the account took part in", "" },
    [PC_FN_ADD_VOTER] = { PC_FN_ADD_VOTER,
      "addVoter", "(address addr)", "()", PC_VOTE, false, 1, { PC_ARG_ADDRESS }, "ADDRESS",
      "vote to add a voter", "", "Add_Voter_",
      .intent = "make {0} a voter" },
    [PC_FN_REMOVE_VOTER] = { PC_FN_REMOVE_VOTER,
      "removeVoter", "(address addr)", "()", PC_VOTE, false, 1, { PC_ARG_ADDRESS }, "ADDRESS",
      "vote to remove a voter", "", "Remove_Voter_",
      .intent = "remove {0} from the voters" },
    [PC_FN_DESTROY] = { PC_FN_DESTROY,
      "destroy", "()", "()", PC_VOTE, false, 0, { 0 }, "", "vote to retire the deployment",
      "", "destroy_contract",
      .intent = "retire the contract" },
    /* Market */
    [PC_FN_GET_ORDERS] = { PC_FN_GET_ORDERS,
      "getOrders", "()", "(" ORDER_FIELDS " buys," ORDER_FIELDS " sells)", PC_READ, false, 0,
      { 0 }, "", "the open buy and sell orders", "price=price quantity=ent" },
    [PC_FN_ADD_ORDER] = { PC_FN_ADD_ORDER,
      "addOrder", "(uint256 price,uint256 quant,bool isBuy)", "()", PC_TX, false, 3,
      { PC_ARG_PRICE, PC_ARG_ENT, PC_ARG_SIDE }, "PRICE ENT buy|sell",
      "add a buy or sell order (price in eEuro per ENT)", "",
      .intent = "{2?buys|sells} {1} at {2?up to |}{0}" },
    [PC_FN_REMOVE_ORDER] = { PC_FN_REMOVE_ORDER,
      "removeOrder", "(uint256 id,bool isBuy)", "()", PC_TX, false, 2,
      { PC_ARG_ORDER_ID, PC_ARG_SIDE }, "ID buy|sell", "cancel one of the account's orders",
      "",
      .intent = "removes your {1} order #{0}" },
};

/* The functions are table[1] to table[PC_FN_COUNT - 1]. */
#define FIRST_FN (PC_FN_NONE + 1)

/* Parsed types of the table, built once; indexed by pc_fn. */
typedef struct method_types {
    abi_type *inputs;
    abi_type *outputs;
    char *signature; /* "name(type,...)" */
    uint8_t selector[4];
} method_types;

static method_types table_types[PC_FN_COUNT];
static pc_status table_status = PC_OK;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void)
{
    for (size_t i = FIRST_FN; i < PC_FN_COUNT && table_status == PC_OK; i++) {
        method_types *t = &table_types[i];
        if (abi_type_parse(table[i].inputs, &t->inputs, NULL) != PC_OK ||
            abi_type_parse(table[i].outputs, &t->outputs, NULL) != PC_OK) {
            table_status = PC_ENOMEM;
            break;
        }
        char *canon = abi_type_canonical(t->inputs);
        size_t n = canon ? strlen(table[i].name) + strlen(canon) + 1 : 0;
        t->signature = canon ? malloc(n) : NULL;
        if (!t->signature) {
            free(canon);
            table_status = PC_ENOMEM;
            break;
        }
        snprintf(t->signature, n, "%s%s", table[i].name, canon);
        free(canon);
        abi_selector(t->signature, t->selector);
    }
}

static const method_types *types_of(const pc_method *m, pc_error *err)
{
    pthread_once(&table_once, build_table);
    if (table_status != PC_OK) {
        pc_fail(err, PC_ENOMEM, "out of memory building the method table");
        return NULL;
    }
    return &table_types[m->id];
}

const pc_method *pc_methods(size_t *count)
{
    *count = PC_FN_COUNT - FIRST_FN;
    return &table[FIRST_FN];
}

const pc_method *pc_method_get(pc_fn id)
{
    return id >= FIRST_FN && id < PC_FN_COUNT ? &table[id] : NULL;
}

const pc_method *pc_method_find(const char *name)
{
    for (size_t i = FIRST_FN; i < PC_FN_COUNT; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

const pc_method *pc_method_by_selector(const uint8_t selector[4])
{
    if (!types_of(&table[FIRST_FN], NULL))
        return NULL;
    for (size_t i = FIRST_FN; i < PC_FN_COUNT; i++)
        if (memcmp(table_types[i].selector, selector, 4) == 0)
            return &table[i];
    return NULL;
}

const abi_type *pc_method_input_type(const pc_method *m)
{
    const method_types *t = types_of(m, NULL);
    return t ? t->inputs : NULL;
}

pc_status pc_decode_calldata(const uint8_t *data, size_t len, const pc_method **m,
                             abi_value *args, pc_error *err)
{
    *m = NULL;
    memset(args, 0, sizeof *args);
    args->kind = ABI_TUPLE;
    if (len < 4)
        return pc_fail(err, PC_EDATA, "calldata of %zu bytes has no function selector", len);
    const pc_method *found = pc_method_by_selector(data);
    if (!found)
        return PC_OK;
    pc_status st = abi_decode(types_of(found, NULL)->inputs, data + 4, len - 4, args, err);
    if (st != PC_OK) {
        args->kind = ABI_TUPLE;
        return pc_error_prefix(err, "arguments of %s", found->name);
    }
    *m = found;
    return PC_OK;
}

static pc_unit unit_from_word(const char *w, size_t n)
{
    static const struct {
        const char *word;
        pc_unit unit;
    } words[] = {
        { "ent", PC_UNIT_ENT },           { "eeuro", PC_UNIT_EEURO },
        { "price", PC_UNIT_PRICE },       { "cost", PC_UNIT_COST },
        { "fraction", PC_UNIT_FRACTION }, { "wh", PC_UNIT_WH },
        { "seconds", PC_UNIT_SECONDS },   { "timestamp", PC_UNIT_TIMESTAMP },
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == n && strncmp(words[i].word, w, n) == 0)
            return words[i].unit;
    return PC_UNIT_RAW;
}

pc_unit pc_method_unit(const pc_method *m, const char *field)
{
    if (!field)
        return PC_UNIT_RAW;
    size_t flen = strlen(field);
    for (const char *p = m->units; *p;) {
        const char *eq = strchr(p, '=');
        if (!eq)
            break;
        const char *end = strchr(eq, ' ');
        size_t vlen = end ? (size_t)(end - eq - 1) : strlen(eq + 1);
        if ((size_t)(eq - p) == flen && strncmp(p, field, flen) == 0)
            return unit_from_word(eq + 1, vlen);
        if (!end)
            break;
        p = end + 1;
    }
    return PC_UNIT_RAW;
}

/* ---- deployments ---- */

struct pc_contract {
    eth_address address;
    char *name;
    bool has_deployment;             /* block and chain_id were in the file */
    uint64_t block, chain_id;
};

bool pc_contract_deployment(const pc_contract *k, uint64_t *block, uint64_t *chain_id)
{
    *block = k->block;
    *chain_id = k->chain_id;
    return k->has_deployment;
}

const eth_address *pc_contract_address(const pc_contract *k)
{
    return &k->address;
}

const char *pc_contract_name(const pc_contract *k)
{
    return k->name ? k->name : "PowerChain";
}

void pc_contract_free(pc_contract *k)
{
    if (!k)
        return;
    free(k->name);
    free(k);
}

pc_status pc_contract_copy(const pc_contract *k, pc_contract **out, pc_error *err)
{
    *out = NULL;
    pc_contract *c = malloc(sizeof *c);
    if (!c)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    *c = *k;
    c->name = k->name ? strdup(k->name) : NULL;
    if (k->name && !c->name) {
        free(c);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    *out = c;
    return PC_OK;
}

pc_status pc_contract_from_address(const char *text, pc_contract **out, pc_error *err)
{
    *out = NULL;
    pc_contract *k = calloc(1, sizeof *k);
    if (!k)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = eth_address_parse(text, &k->address, err);
    if (st != PC_OK) {
        pc_error_prefix(err, "contract address");
        free(k);
        return st;
    }
    *out = k;
    return PC_OK;
}

#define DEPLOYMENT_FILE_MAX (16u * 1024u * 1024u)

static pc_status read_small_file(const char *path, char **text, size_t *len, pc_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return pc_fail(err, PC_EINPUT, "cannot open %s: %s", path, strerror(errno));
    bytebuf b = BYTEBUF_INIT;
    char chunk[8192];
    size_t n;
    pc_status st = PC_OK;
    while (st == PC_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > DEPLOYMENT_FILE_MAX)
            st = pc_fail(err, PC_EINPUT, "%s is larger than %u bytes", path, DEPLOYMENT_FILE_MAX);
        else
            st = bytebuf_append(&b, chunk, n);
    }
    if (st == PC_OK && ferror(f))
        st = pc_fail(err, PC_EIO, "cannot read %s", path);
    fclose(f);
    if (st == PC_OK)
        st = bytebuf_append_byte(&b, 0);
    if (st != PC_OK) {
        bytebuf_free(&b);
        return st;
    }
    *text = (char *)b.data;
    *len = b.len - 1;
    return PC_OK;
}

/* A whole number in a deployment file: JSON numbers are doubles, so only
 * exact integers up to 2^53 are taken. */
static pc_status whole_number(const cJSON *v, const char *path, const char *key, uint64_t *out,
                              pc_error *err)
{
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 9007199254740992.0 ||
        (double)(uint64_t)v->valuedouble != v->valuedouble)
        return pc_fail(err, PC_EINPUT, "%s: \"%s\" is not a whole number", path, key);
    *out = (uint64_t)v->valuedouble;
    return PC_OK;
}

/* "block" and "chain_id" come together (deploy writes both) or not at all. */
static pc_status read_deployment_place(const cJSON *doc, const char *path, pc_contract *k,
                                       pc_error *err)
{
    const cJSON *block = cJSON_GetObjectItemCaseSensitive(doc, "block");
    const cJSON *chain = cJSON_GetObjectItemCaseSensitive(doc, "chain_id");
    if (!block && !chain)
        return PC_OK;
    if (!block || !chain)
        return pc_fail(err, PC_EINPUT, "%s has \"%s\" without \"%s\"", path,
                       block ? "block" : "chain_id", block ? "chain_id" : "block");
    pc_status st = whole_number(block, path, "block", &k->block, err);
    if (st == PC_OK)
        st = whole_number(chain, path, "chain_id", &k->chain_id, err);
    k->has_deployment = st == PC_OK;
    return st;
}

bool pc_contract_name_ok(const char *name)
{
    size_t n = strnlen(name, PC_CONTRACT_NAME_MAX + 1);
    if (n == 0 || n > PC_CONTRACT_NAME_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (name[i] < 0x20 || name[i] > 0x7e)
            return false;
    return true;
}

pc_status pc_contract_load_json(const char *path, pc_contract **out, pc_error *err)
{
    *out = NULL;
    char *text;
    size_t len;
    pc_status st = read_small_file(path, &text, &len, err);
    if (st != PC_OK)
        return st;
    cJSON *doc = cJSON_ParseWithLength(text, len);
    free(text);
    if (!cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        return pc_fail(err, PC_EINPUT, "%s is not a deployment file (a JSON object with "
                                       "\"address\" and \"abi\")", path);
    }
    const cJSON *addr = cJSON_GetObjectItemCaseSensitive(doc, "address");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(doc, "name");
    const cJSON *abi = cJSON_GetObjectItemCaseSensitive(doc, "abi");
    pc_contract *k = NULL;
    if (!cJSON_IsString(addr)) {
        st = pc_fail(err, PC_EINPUT, "%s has no \"address\" string", path);
    } else if (abi && !cJSON_IsArray(abi)) {
        st = pc_fail(err, PC_EINPUT, "%s: \"abi\" is not a list", path);
    } else if (name && !(cJSON_IsString(name) && pc_contract_name_ok(name->valuestring))) {
        st = pc_fail(err, PC_EINPUT, "%s: \"name\" must be 1 to %d printable ASCII characters "
                                     "(it is shown before anything is signed)",
                     path, PC_CONTRACT_NAME_MAX);
    } else if ((st = pc_contract_from_address(addr->valuestring, &k, err)) != PC_OK) {
        pc_error_prefix(err, "%s", path);
    } else {
        if (cJSON_IsString(name))
            k->name = strdup(name->valuestring);
        st = read_deployment_place(doc, path, k, err);
        if (st == PC_OK)
            *out = k;
        else
            pc_contract_free(k);
    }
    cJSON_Delete(doc);
    return st;
}

/* ---- arguments ---- */

static pc_status parse_amount(const char *text, abi_value *out, const char *what, pc_error *err)
{
    out->kind = ABI_UINT;
    pc_status st = u256_parse_fixed(text, 18, &out->num, err);
    if (st != PC_OK)
        pc_error_prefix(err, "%s", what);
    return st;
}

static pc_status parse_whole(const char *text, abi_value *out, const char *what, pc_error *err)
{
    out->kind = ABI_UINT;
    pc_status st = u256_parse_dec(text, strlen(text), &out->num, err);
    if (st != PC_OK)
        pc_error_prefix(err, "%s must be a whole number", what);
    return st;
}

bool pc_param_name_ok(const char *s)
{
    return s && strlen(s) == 1 && strchr("MBCHF", s[0]) != NULL;
}

pc_status pc_parse_arg(pc_arg_kind kind, const char *text, const char *param_name,
                       abi_value *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    switch (kind) {
    case PC_ARG_ADDRESS:
        out->kind = ABI_ADDRESS;
        return eth_address_parse(text, &out->addr, err);
    case PC_ARG_ENT:
        return parse_amount(text, out, "ENT amount", err);
    case PC_ARG_EEURO:
        return parse_amount(text, out, "eEuro amount", err);
    case PC_ARG_PRICE:
        return parse_amount(text, out, "price", err);
    case PC_ARG_WH:
        return parse_whole(text, out, "energy in Wh", err);
    case PC_ARG_ORDER_ID:
        return parse_whole(text, out, "order id", err);
    case PC_ARG_SIDE:
        out->kind = ABI_BOOL;
        if (strcmp(text, "buy") == 0) {
            out->boolean = true;
            return PC_OK;
        }
        if (strcmp(text, "sell") == 0)
            return PC_OK;
        return pc_fail(err, PC_EINPUT, "side must be \"buy\" or \"sell\"");
    case PC_ARG_PARAM_NAME:
        if (!pc_param_name_ok(text))
            return pc_fail(err, PC_EINPUT, "parameter name must be one of M, B, C, H, F");
        out->kind = ABI_STRING;
        out->bytes = (uint8_t *)strdup(text);
        if (!out->bytes)
            return pc_fail(err, PC_ENOMEM, "out of memory");
        out->len = strlen(text);
        return PC_OK;
    case PC_ARG_PARAM_VALUE:
        if (!pc_param_name_ok(param_name))
            return pc_fail(err, PC_EINPUT, "parameter name must be one of M, B, C, H, F");
        if (param_name[0] == 'H')
            return parse_whole(text, out, "H (hours)", err);
        return parse_amount(text, out, param_name, err);
    }
    return pc_fail(err, PC_EINPUT, "unknown argument kind");
}

void pc_method_arg_name(const pc_method *m, size_t index, char *out, size_t cap)
{
    const char *p = m->usage;
    for (size_t i = 0; i < index && p; i++) {
        p = strchr(p, ' ');
        if (p)
            p++;
    }
    size_t n = p ? strcspn(p, " ") : 0;
    if (n == 0 || n >= cap) {
        snprintf(out, cap, "argument %zu", index + 1);
        return;
    }
    memcpy(out, p, n);
    out[n] = '\0';
}

pc_status pc_encode_call(const pc_method *m, int argc, char *const argv[], bytebuf *out,
                         pc_error *err)
{
    const method_types *mt = types_of(m, err);
    if (!mt)
        return PC_ENOMEM;
    if (argc < 0 || (size_t)argc != m->nargs)
        return pc_fail(err, PC_EINPUT, "%s takes %zu argument%s%s%s, %d given", m->name,
                       m->nargs, m->nargs == 1 ? "" : "s", m->nargs ? ": " : "", m->usage, argc);
    abi_value args = { .kind = ABI_TUPLE };
    abi_value items[PC_MAX_ARGS];
    memset(items, 0, sizeof items);
    args.items = items;
    pc_status st = PC_OK;
    for (size_t i = 0; i < m->nargs && st == PC_OK; i++) {
        st = pc_parse_arg(m->args[i], argv[i], i > 0 ? argv[i - 1] : NULL, &items[i], err);
        if (st != PC_OK) {
            char word[32];
            pc_method_arg_name(m, i, word, sizeof word);
            pc_error_prefix(err, "%s", word);
            st = PC_EINPUT;
            if (err) {
                err->status = PC_EINPUT;
                err->cause = PC_CAUSE_INPUT;
            }
        }
        args.count = i + 1;
    }
    if (st == PC_OK)
        st = bytebuf_append(out, mt->selector, 4);
    if (st == PC_OK)
        st = abi_encode(mt->inputs, &args, out, err);
    for (size_t i = 0; i < m->nargs; i++)
        abi_value_free(&items[i]);
    return st;
}

/* ---- results ---- */

pc_status pc_decode_result(const pc_method *m, const uint8_t *data, size_t len, abi_value *out,
                           const abi_type **type, pc_error *err)
{
    *out = (abi_value){ 0 }; /* empty on every failure */
    const method_types *mt = types_of(m, err);
    if (!mt)
        return PC_ENOMEM;
    /* An account without code answers every call with no data: the usual
     * cause is a wrong --contract or a deployment on another chain. */
    if (len == 0 && mt->outputs->nfields > 0)
        return pc_fail_cause(err, PC_ENODE, PC_CAUSE_MALFORMED,
                             "the node answered %s with no data: is there a PowerChain contract "
                             "at that address on this chain? (check --contract or the "
                             "deployment file)", m->name);
    pc_status st = abi_decode(mt->outputs, data, len, out, err);
    if (st != PC_OK) {
        /* Return data comes from the node: a bad answer is the node's failure. */
        pc_error_prefix(err, "the node's answer to %s", m->name);
        if (err) {
            err->status = PC_ENODE;
            err->cause = PC_CAUSE_MALFORMED;
        }
        return PC_ENODE;
    }
    if (type)
        *type = mt->outputs;
    return PC_OK;
}

int pc_batch_add_read(rpc_batch *b, const pc_contract *k, const pc_method *m,
                      const eth_address *from, int argc, char *const argv[], pc_error *err)
{
    return pc_batch_add_read_at(b, k, m, from, argc, argv, "latest", err);
}

int pc_batch_add_read_at(rpc_batch *b, const pc_contract *k, const pc_method *m,
                         const eth_address *from, int argc, char *const argv[],
                         const char *block_tag, pc_error *err)
{
    bytebuf call = BYTEBUF_INIT;
    if (pc_encode_call(m, argc, argv, &call, err) != PC_OK)
        return -1;
    cJSON *params = node_params_call(m->uses_sender ? from : NULL, &k->address, call.data,
                                     call.len, block_tag);
    bytebuf_free(&call);
    int index = params ? rpc_batch_add(b, "eth_call", params) : -1;
    if (index < 0)
        pc_fail(err, PC_ENOMEM, "out of memory");
    return index;
}

pc_status pc_batch_decode(const rpc_batch *b, int index, const pc_method *m, abi_value *out,
                          pc_error *err)
{
    memset(out, 0, sizeof *out);
    const cJSON *res = rpc_batch_result(b, (size_t)index, err);
    if (!res)
        return err ? err->status : PC_ENODE;
    bytebuf ret = BYTEBUF_INIT;
    pc_status st = node_parse_data(res, "call result", &ret, err);
    if (st == PC_OK)
        st = pc_decode_result(m, ret.data, ret.len, out, NULL, err);
    bytebuf_free(&ret);
    return st;
}

/* ---- outcomes ---- */

pc_status pc_decode_event(const pc_contract *k, const node_log *l, bool *matched, pc_event *out,
                          pc_error *err)
{
    uint8_t info_topic[32], error_topic[32];
    *matched = false;
    memset(out, 0, sizeof *out);
    if (l->ntopics == 0 || (k && !eth_address_equal(&l->address, &k->address)))
        return PC_OK;
    abi_event_topic("Info(string)", info_topic);
    abi_event_topic("Error(string)", error_topic);
    bool is_info = memcmp(l->topics[0], info_topic, 32) == 0;
    bool is_error = memcmp(l->topics[0], error_topic, 32) == 0;
    if (!is_info && !is_error)
        return PC_OK;
    char *text = NULL;
    pc_status st = abi_decode_event_string(l->data, l->data_len, &text, err);
    if (st != PC_OK) {
        pc_error_prefix(err, "the contract's %s event", is_error ? "Error" : "Info");
        if (err) {
            err->status = PC_ENODE;
            err->cause = PC_CAUSE_MALFORMED;
        }
        return PC_ENODE;
    }
    text_sanitize(text);
    out->is_error = is_error;
    out->text = text;
    *matched = true;
    return PC_OK;
}

pc_status pc_outcome_from_receipt(const pc_contract *k, const node_receipt *r, pc_outcome *out,
                                  pc_error *err)
{
    memset(out, 0, sizeof *out);
    memcpy(out->tx_hash, r->tx_hash, 32);
    out->block = r->block;
    out->status = r->status;
    if (r->nlogs) {
        out->events = calloc(r->nlogs, sizeof *out->events);
        if (!out->events)
            return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < r->nlogs; i++) {
        bool matched;
        pc_status st = pc_decode_event(k, &r->logs[i], &matched, &out->events[out->nevents], err);
        if (st != PC_OK) {
            pc_outcome_free(out);
            return st;
        }
        if (matched)
            out->nevents++;
    }
    return PC_OK;
}

bool pc_outcome_ok(const pc_outcome *o)
{
    if (o->status != 1)
        return false;
    for (size_t i = 0; i < o->nevents; i++)
        if (o->events[i].is_error)
            return false;
    return true;
}

void pc_outcome_free(pc_outcome *o)
{
    for (size_t i = 0; i < o->nevents; i++)
        free(o->events[i].text);
    free(o->events);
    free(o->revert_reason);
    memset(o, 0, sizeof *o);
}
