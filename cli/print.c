#include "cli/print.h"

#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "eth/text.h"
#include "rpcclient/units.h"

static void print_scalar(FILE *out, const pc_method *m, const abi_type *t, const abi_value *v)
{
    char text[PC_UNIT_TEXT_MAX];
    switch (v->kind) {
    case ABI_UINT:
        pc_format_unit(&v->num, pc_method_unit(m, t->name), text, sizeof text);
        fputs(text, out);
        break;
    case ABI_BOOL:
        fputs(v->boolean ? "yes" : "no", out);
        break;
    case ABI_ADDRESS: {
        char a[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&v->addr, a);
        fputs(a, out);
        break;
    }
    case ABI_STRING:
        text_print(out, (const char *)v->bytes);
        break;
    case ABI_BYTES: {
        char *h = hex_encode_prefixed(v->bytes, v->len);
        fputs(h ? h : "?", out);
        free(h);
        break;
    }
    default:
        break;
    }
}

static void field_label(const abi_type *t, size_t index, char *out, size_t cap)
{
    if (t->name)
        snprintf(out, cap, "%s", t->name);
    else
        snprintf(out, cap, "%zu", index);
}

/* A tuple inside an array prints as one row: "name value  name value". */
static void print_row(FILE *out, const pc_method *m, const abi_type *t, const abi_value *v)
{
    for (size_t i = 0; i < v->count; i++) {
        char label[64];
        field_label(&t->fields[i], i, label, sizeof label);
        fprintf(out, "%s%s ", i ? "  " : "", label);
        if (v->items[i].kind == ABI_TUPLE || v->items[i].kind == ABI_ARRAY)
            fputs("(nested)", out);
        else
            print_scalar(out, m, &t->fields[i], &v->items[i]);
    }
}

static void print_field(FILE *out, const pc_method *m, const abi_type *t, const abi_value *v,
                        const char *label, size_t width)
{
    fprintf(out, "%-*s  ", (int)width, label);
    if (v->kind == ABI_ARRAY) {
        fprintf(out, "%zu entr%s\n", v->count, v->count == 1 ? "y" : "ies");
        for (size_t i = 0; i < v->count; i++) {
            fprintf(out, "  [%zu] ", i);
            if (v->items[i].kind == ABI_TUPLE)
                print_row(out, m, t->elem, &v->items[i]);
            else
                print_scalar(out, m, t->elem, &v->items[i]);
            fputc('\n', out);
        }
        return;
    }
    if (v->kind == ABI_TUPLE)
        print_row(out, m, t, v);
    else
        print_scalar(out, m, t, v);
    fputc('\n', out);
}

void print_result_human(FILE *out, const pc_method *m, const abi_type *type,
                        const abi_value *value)
{
    size_t width = 0;
    for (size_t i = 0; i < value->count; i++) {
        char label[64];
        field_label(&type->fields[i], i, label, sizeof label);
        if (strlen(label) > width)
            width = strlen(label);
    }
    for (size_t i = 0; i < value->count; i++) {
        char label[64];
        field_label(&type->fields[i], i, label, sizeof label);
        print_field(out, m, &type->fields[i], &value->items[i], label, width);
    }
}

static cJSON *value_json(const abi_type *t, const abi_value *v)
{
    switch (v->kind) {
    case ABI_UINT: {
        char dec[U256_DEC_MAX];
        u256_to_dec(&v->num, dec);
        return cJSON_CreateString(dec);
    }
    case ABI_BOOL:
        return cJSON_CreateBool(v->boolean);
    case ABI_ADDRESS: {
        char a[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&v->addr, a);
        return cJSON_CreateString(a);
    }
    case ABI_STRING:
        return cJSON_CreateString((const char *)v->bytes);
    case ABI_BYTES: {
        char *h = hex_encode_prefixed(v->bytes, v->len);
        cJSON *s = h ? cJSON_CreateString(h) : NULL;
        free(h);
        return s;
    }
    case ABI_ARRAY: {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < v->count; i++) {
            cJSON *item = value_json(t->elem, &v->items[i]);
            if (!item) {
                cJSON_Delete(arr);
                return NULL;
            }
            cJSON_AddItemToArray(arr, item);
        }
        return arr;
    }
    case ABI_TUPLE:
        return result_to_json(t, v);
    }
    return NULL;
}

cJSON *result_to_json(const abi_type *type, const abi_value *value)
{
    cJSON *obj = cJSON_CreateObject();
    for (size_t i = 0; obj && i < value->count; i++) {
        char label[64];
        field_label(&type->fields[i], i, label, sizeof label);
        cJSON *item = value_json(&type->fields[i], &value->items[i]);
        if (!item) {
            cJSON_Delete(obj);
            return NULL;
        }
        cJSON_AddItemToObject(obj, label, item);
    }
    return obj;
}

pc_status print_json_records(cJSON *arr, int keys, pc_error *err)
{
    bool whole = arr != NULL;
    const cJSON *o;
    cJSON_ArrayForEach(o, arr)
        whole = whole && cJSON_GetArraySize(o) == keys;
    if (!whole) {
        cJSON_Delete(arr);
        arr = NULL;
    }
    return print_json_value(arr, err);
}

pc_status print_json_value(cJSON *v, pc_error *err)
{
    char *text = v ? cJSON_PrintUnformatted(v) : NULL;
    cJSON_Delete(v);
    if (!text)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    puts(text);
    free(text);
    return PC_OK;
}
