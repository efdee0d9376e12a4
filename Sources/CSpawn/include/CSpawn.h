#ifndef NTM_CSPAWN_H
#define NTM_CSPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in `directory` (NULL: this one), its standard input
/// read from `input` and its output and errors appended to `output` and `error`, every other
/// descriptor closed. Returns 0 and the child's id in `pid`, or an errno value.
int ntm_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory,
              const char *input, const char *output, const char *error);

#endif
