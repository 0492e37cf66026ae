/* powerchain's command table: every command and subcommand with its
 * handler, arguments, summary and options, and the global options, as
 * redis's command table. main() looks commands up here; --help, the usage
 * lines, `powerchain help COMMAND` and the bash, zsh and fish completions
 * (cli/complete.h, written at build time) are made from it; a test holds
 * the man page's command list against it. Only main() and the completion
 * generator name it: commands receive their own entry in their cli_ctx. */
#ifndef PC_COMMANDS_H
#define PC_COMMANDS_H

#include "cli/cli.h"

extern const cli_program cli_powerchain;

#endif
