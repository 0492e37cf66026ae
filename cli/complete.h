/* The bash, zsh and fish completions of a command line, written from its
 * command table (cli/cli.h's cli_program): its commands and subcommands,
 * every command's own options and the global options (anywhere on the
 * line), and what completes each option's value and each command's first
 * argument (cli_complete). Values the table cannot know (contract
 * functions, networks, contacts, accounts) are asked of the program being
 * completed: `methods`, `networks`, `contacts list --csv`, `account list
 * --csv`.
 *
 * The build writes the three files with the generator cli/gen_completions.c
 * from the program's own table, so they cannot fall behind it. Each writer
 * returns false when writing to `out` failed. */
#ifndef PC_COMPLETE_H
#define PC_COMPLETE_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/cli.h"

bool complete_bash(FILE *out, const cli_program *program);
bool complete_zsh(FILE *out, const cli_program *program);
bool complete_fish(FILE *out, const cli_program *program);

#endif
