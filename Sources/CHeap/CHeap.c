#include "CHeap.h"

// Any C library header defines __GLIBC__ on glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int cheap_set_thresholds(int trim_threshold, int mmap_threshold) {
    int trimmed = mallopt(M_TRIM_THRESHOLD, trim_threshold);
    int mapped = mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    return trimmed == 1 && mapped == 1;
}
#else
int cheap_set_thresholds(int trim_threshold, int mmap_threshold) {
    (void)trim_threshold;
    (void)mmap_threshold;
    return 0;
}
#endif
