#include "keystore/password.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "eth/text.h"
#include "keystore/safefile.h"

/* The terminal whose echo is off and its settings before, for the signal
 * handler; g_tty_fd is -1 whenever echo is as the user had it. */
static volatile sig_atomic_t g_tty_fd = -1;
static struct termios g_tty_saved;

static const int restore_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define N_RESTORE_SIGNALS (sizeof restore_signals / sizeof restore_signals[0])
static struct sigaction g_old_actions[N_RESTORE_SIGNALS];

static void restore_and_reraise(int sig)
{
    if (g_tty_fd >= 0)
        tcsetattr(g_tty_fd, TCSANOW, &g_tty_saved);
    for (size_t i = 0; i < N_RESTORE_SIGNALS; i++)
        if (restore_signals[i] == sig)
            sigaction(sig, &g_old_actions[i], NULL);
    /* Blocked until this handler returns; then the old disposition acts. */
    raise(sig);
}

static void echo_restore(int fd)
{
    tcsetattr(fd, TCSAFLUSH, &g_tty_saved);
    g_tty_fd = -1;
    for (size_t i = 0; i < N_RESTORE_SIGNALS; i++)
        sigaction(restore_signals[i], &g_old_actions[i], NULL);
}

/* On success echo is off and echo_restore must follow; on failure the
 * terminal and the signal handlers are as they were. */
static pc_status echo_off(int fd, pc_error *err)
{
    if (tcgetattr(fd, &g_tty_saved) != 0)
        return pc_fail(err, PC_EINPUT, "cannot read the terminal settings: %s", strerror(errno));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_and_reraise;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_RESTORE_SIGNALS; i++)
        sigaction(restore_signals[i], &sa, &g_old_actions[i]);
    g_tty_fd = fd;
    struct termios quiet = g_tty_saved;
    quiet.c_lflag &= (tcflag_t)~ECHO;
    quiet.c_lflag |= ECHONL; /* the Enter key still moves to a new line */
    if (tcsetattr(fd, TCSAFLUSH, &quiet) != 0) {
        int saved = errno;
        echo_restore(fd);
        return pc_fail(err, PC_EINPUT, "cannot turn off echo on the terminal: %s",
                       strerror(saved));
    }
    return PC_OK;
}

/* Reads up to a newline or end of file, a byte at a time straight into
 * guarded memory, and returns the line (without "\n" or "\r\n") in a secret
 * of its exact length. */
static pc_status read_line(int fd, const char *what, secret **out, pc_error *err)
{
    *out = NULL;
    secret *buf;
    pc_status st = secret_new(PASSWORD_MAX + 1, &buf, err);
    if (st != PC_OK)
        return st;
    uint8_t *p = secret_open(buf);
    size_t n = 0;
    for (;;) {
        if (n > PASSWORD_MAX) {
            st = pc_fail(err, PC_EINPUT, "the %s is too long (at most %d bytes)", what,
                         PASSWORD_MAX);
            break;
        }
        ssize_t r = read(fd, p + n, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            st = pc_fail(err, PC_EIO, "cannot read the %s: %s", what, strerror(errno));
            break;
        }
        if (r == 0 || p[n] == '\n')
            break;
        n++;
    }
    if (st == PC_OK && n > 0 && p[n - 1] == '\r')
        n--;
    secret *line = NULL;
    if (st == PC_OK && (st = secret_new(n, &line, err)) == PC_OK) {
        memcpy(secret_open(line), p, n);
        secret_close(line);
    }
    secret_close(buf);
    secret_free(buf);
    *out = line;
    return st;
}

pc_status password_from_file(const char *path, secret **out, pc_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return pc_fail(err, PC_EIO, "cannot open password file %s: %s", path, strerror(errno));
    /* A password others can read opens the key files it guards. */
    pc_status st = safefile_check_private_fd(path, fd, err);
    if (st == PC_OK)
        st = read_line(fd, "password in the password file", out, err);
    close(fd);
    return st;
}

static pc_status open_tty(int *fd, pc_error *err)
{
    *fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (*fd < 0)
        return pc_fail(err, PC_EINPUT,
                       "no terminal to ask for the password on; use --password-file");
    return PC_OK;
}

/* A prompt may quote a key file's name, which its maker chose: it reaches
 * the terminal through the sanitizer (eth/text.h). False when it cannot be
 * written. */
/* The prompt through the sanitizer line by line: its line breaks are its
 * own (a confirmation is many lines), anything else that does not pass
 * becomes '?'. Whole, however long. */
static bool write_prompt(int fd, const char *prompt)
{
    char *shown = strdup(prompt);
    if (!shown)
        return false;
    for (char *line = shown, *end; line; line = end ? end + 1 : NULL) {
        if ((end = strchr(line, '\n')))
            *end = '\0';
        text_sanitize(line);
        if (end)
            *end = '\n';
    }
    bool ok = write(fd, shown, strlen(shown)) >= 0;
    free(shown);
    return ok;
}

static pc_status ask(int fd, const char *prompt, secret **out, pc_error *err)
{
    if (!write_prompt(fd, prompt))
        return pc_fail(err, PC_EIO, "cannot write to the terminal: %s", strerror(errno));
    return read_line(fd, "password", out, err);
}

pc_status password_from_tty(const char *prompt, const char *confirm_prompt, secret **out,
                            pc_error *err)
{
    *out = NULL;
    int fd;
    pc_status st = open_tty(&fd, err);
    if (st != PC_OK)
        return st;
    secret *first = NULL, *second = NULL;
    if ((st = echo_off(fd, err)) == PC_OK) {
        st = ask(fd, prompt, &first, err);
        if (st == PC_OK && confirm_prompt)
            st = ask(fd, confirm_prompt, &second, err);
        echo_restore(fd);
    }
    close(fd);
    if (st == PC_OK && second) {
        bool same = secret_len(first) == secret_len(second) &&
                    sodium_memcmp(secret_open(first), secret_open(second),
                                  secret_len(first)) == 0;
        secret_close(first);
        secret_close(second);
        if (!same)
            st = pc_fail(err, PC_EINPUT, "the two passwords differ");
    }
    secret_free(second);
    if (st != PC_OK) {
        secret_free(first);
        return st;
    }
    *out = first;
    return PC_OK;
}

pc_status password_new(const char *path, const char *prompt, secret **out, pc_error *err)
{
    pc_status st = path ? password_from_file(path, out, err)
                        : password_from_tty(prompt, "Repeat the password: ", out, err);
    if (st == PC_OK && secret_len(*out) == 0) {
        secret_free(*out);
        *out = NULL;
        return pc_fail(err, PC_EINPUT, "the new password is empty; a key file needs one");
    }
    return st;
}

pc_status password_confirm_tty(const char *question, bool *yes, pc_error *err)
{
    *yes = false;
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return pc_fail(err, PC_EINPUT, "no terminal to confirm on; pass --yes to go ahead");
    char answer[16];
    ssize_t n = -1;
    if (write_prompt(fd, question))
        n = read(fd, answer, sizeof answer);
    close(fd);
    *yes = n > 0 && (answer[0] == 'y' || answer[0] == 'Y');
    return PC_OK;
}
