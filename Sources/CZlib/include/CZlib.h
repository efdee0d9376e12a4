#ifndef NTM_CZLIB_H
#define NTM_CZLIB_H

#include <zlib.h>

/// inflateInit2 and deflateInit2 are macros in zlib.h; Swift sees these functions instead.
static inline int CZlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

static inline int CZlib_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

#endif
