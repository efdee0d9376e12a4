// posix_spawn with the GNU file actions (chdir, closefrom) Swift's Glibc module does not
// show: Foundation's Process.run() on Linux reads /proc/self/fd in a way that can crash a
// process with many descriptors open (swift-corelibs-foundation #5472).
#define _GNU_SOURCE
#include "CSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stddef.h>

int ntm_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory,
              const char *input, const char *output, const char *error) {
    posix_spawn_file_actions_t actions;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    if (directory != NULL) result = posix_spawn_file_actions_addchdir_np(&actions, directory);
    if (result == 0) result = posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0);
    if (result == 0) result = posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (result == 0) result = posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_APPEND, 0600);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
    if (result == 0) result = posix_spawn(pid, path, &actions, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}
