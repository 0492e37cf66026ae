/* File system helpers for private data: folders only the owner can use,
 * bounded reads that refuse loosely protected files, and atomic writes.
 *
 * An atomic write goes to a hidden temporary file (".tmp-*", mode 0600) in
 * the target's folder, is written fully, fsync'd, and only then takes the
 * target's name; the folder is fsync'd after. A crash or a full disk at any
 * moment leaves the old file or the new one, never neither. A failed write
 * removes the temporary file and reports the error (PC_EIO). */
#ifndef PC_SAFEFILE_H
#define PC_SAFEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "eth/error.h"

#define SAFEFILE_TMP_PREFIX ".tmp-"

/* "dir/name", malloc'd; NULL when out of memory. */
char *safefile_join(const char *dir, const char *name);

/* Creates `path` and any missing parents with mode 0700, then checks it as
 * safefile_check_private_dir does. */
pc_status safefile_mkdir_private(const char *path, pc_error *err);

/* mkdir -p: creates the missing folders of `path` with mode 0700 and leaves
 * existing ones as they are (unlike safefile_mkdir_private, which then
 * demands 0700 of them). `path` is changed during the call and restored. */
pc_status safefile_mkdirs(char *path, pc_error *err);

/* PC_EIO unless `path` is a folder owned by this user that group and others
 * can neither read, write nor enter. */
pc_status safefile_check_private_dir(const char *path, pc_error *err);
/* The owner and mode checks of safefile_check_private_dir, on a folder the
 * caller has opened and fstat'ed (so that it cannot be swapped after the
 * check). `what` names the folder in messages ("keystore folder"); hint
 * (may be NULL) is added to the message for a folder of another user. */
pc_status safefile_check_private_dir_stat(const char *what, const char *path,
                                          const struct stat *st, const char *hint,
                                          pc_error *err);

/* Reads a regular file of at most `max` bytes (symbolic links refused)
 * into a malloc'd buffer with a NUL after the data (*data, caller frees).
 * *st (may be NULL) receives the file's status, for
 * safefile_check_private_file. A missing file is PC_EIO with *missing (may
 * be NULL) set to true. */
pc_status safefile_read(const char *path, size_t max, char **data, size_t *len, struct stat *st,
                        bool *missing, pc_error *err);

/* The reading part of safefile_read, on a regular file the caller opened
 * and checked: at most `max` bytes (PC_EDATA beyond, even when the file
 * grew after the check) into a malloc'd buffer with a NUL after the data.
 * `path` names the file in messages. */
pc_status safefile_read_fd(int fd, const char *path, size_t max, char **data, size_t *len,
                           pc_error *err);

/* PC_EIO, with a hint to chmod 600, unless the file described by `st` is
 * owned by this user and group and others have no access to it. */
pc_status safefile_check_private_file(const char *path, const struct stat *st, pc_error *err);
/* The same for a file given by name and opened by the caller (fd), as
 * --private-key-file and --password-file are: a regular file must pass
 * safefile_check_private_file; pipes and devices (a shell's <(...),
 * /dev/stdin) are nobody's file to keep and pass. */
pc_status safefile_check_private_fd(const char *path, int fd, pc_error *err);

/* Writes `data` atomically as dir/name (see above). With `replace` false an
 * existing dir/name is left alone and the call fails with PC_EIO. */
pc_status safefile_write_atomic(const char *dir, const char *name, const void *data, size_t len,
                                bool replace, pc_error *err);

/* Makes the folder's entries (creations, renames, removals) durable. */
pc_status safefile_fsync_dir(const char *dir, pc_error *err);

#endif
