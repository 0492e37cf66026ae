/* Printing decoded results: for people (units, one field a line, arrays of
 * records as indented rows) and as JSON (ABI output names, integers as
 * decimal strings of the raw values, addresses checksummed); and the one
 * way out for every JSON document and CSV record the command line prints.
 *
 * Strings from outside (a node's answers, vote strings and arguments that
 * other people sent, key file names) reach --json and --csv as they reach
 * the screen: through the one sanitizer (eth/text.h). cJSON escapes only
 * C0 controls; C1 controls (U+0080 to U+009F, and a raw 0x9B byte, which
 * 8-bit terminals obey as CSI), DEL, bidirectional overrides and bytes that
 * are not UTF-8 would pass, so every document is written through
 * text_print, which replaces each with '?'. JSON's own characters are
 * printable ASCII: the document stays valid. */
#ifndef PC_PRINT_H
#define PC_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "eth/abi.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"

/* Prints a printf-formatted line on stdout through the sanitizer: for
 * lines that quote outside text (a key file's name, a vote string). */
void print_text_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* `type` is the built-in result type (its field names give the units). */
void print_result_human(FILE *out, const pc_method *m, const abi_type *type,
                        const abi_value *value);

/* A JSON object keyed by the names in `type` ("0", "1", ... for unnamed
 * fields); NULL on allocation failure. */
cJSON *result_to_json(const abi_type *type, const abi_value *value);

/* Prints doc on one line of stdout, through the sanitizer, and frees it.
 * PC_ENOMEM when doc is NULL (a failed allocation) or cannot be printed. */
pc_status print_json(cJSON *doc, pc_error *err);

/* Prints an array of objects of `keys` members each on one line and frees
 * it. cJSON's adders ignore NULL items, so one allocation failure anywhere
 * shows as a missing key: checked here once by counting every object's
 * keys (PC_ENOMEM). */
pc_status print_json_records(cJSON *arr, int keys, pc_error *err);

/* For a long list written one element at a time: item's text, through the
 * sanitizer, without a newline; item stays the caller's. PC_ENOMEM. */
pc_status print_json_part(const cJSON *item, pc_error *err);

/* One CSV record (RFC 4180) on stdout: fields separated by commas, a field
 * quoted when it holds a comma, a double quote or a line break, with its
 * quotes doubled; each field's text through the sanitizer, its line breaks
 * kept (inside quotes); the record ends with "\n". */
void print_csv_row(const char *const *fields, size_t n);

#endif
