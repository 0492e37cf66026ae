/* Printing decoded results: for people (units, one field a line, arrays of
 * records as indented rows) and as JSON (ABI output names, integers as
 * decimal strings of the raw values, addresses checksummed). */
#ifndef PC_PRINT_H
#define PC_PRINT_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "eth/abi.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"

/* `type` is the built-in result type (its field names give the units). */
void print_result_human(FILE *out, const pc_method *m, const abi_type *type,
                        const abi_value *value);

/* A JSON object keyed by the names in `type` ("0", "1", ... for unnamed
 * fields); NULL on allocation failure. */
cJSON *result_to_json(const abi_type *type, const abi_value *value);

/* Prints an array of objects of `keys` members each on one line and frees
 * it. cJSON's adders ignore NULL items, so one allocation failure anywhere
 * shows as a missing key: checked here once by counting every object's
 * keys (PC_ENOMEM). */
pc_status print_json_records(cJSON *arr, int keys, pc_error *err);
/* Prints any JSON value on one line and frees it; NULL (a failed
 * allocation) is PC_ENOMEM. */
pc_status print_json_value(cJSON *v, pc_error *err);

#endif
