#ifndef NTM_CZLIB_H
#define NTM_CZLIB_H

#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift sees this function instead.
static inline int CZlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
