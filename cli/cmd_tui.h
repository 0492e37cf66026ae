/* `powerchain tui` (and powerchain with no subcommand): the terminal control
 * panel, with the same global options as the command line. Its own option:
 * --page N (1-9) opens that page first. */
#ifndef PC_CMD_TUI_H
#define PC_CMD_TUI_H

#include <stddef.h>

#include "cli/cli.h"

/* tui's own options (the command table describes them). */
typedef struct tui_options {
    const char *page;
} tui_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_tui(const cli_ctx *ctx, int argc, char **argv);

#endif
