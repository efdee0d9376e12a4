#ifndef CHEAP_H
#define CHEAP_H

/// Sets glibc's M_TRIM_THRESHOLD and M_MMAP_THRESHOLD (bytes). Returns 1 when both were set,
/// 0 when one was refused or the C library is not glibc.
int cheap_set_thresholds(int trim_threshold, int mmap_threshold);

#endif
