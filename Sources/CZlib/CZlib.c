// zlib, as the system provides it (libz); the header carries the shims.
#include "CZlib.h"
