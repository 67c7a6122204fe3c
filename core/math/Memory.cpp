#include "math/Memory.h"

#include <cstdlib>   // defines __GLIBC__ on glibc: without a libc header first, the test below was always false
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace aelab {

void keepTrainingMemory()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

} // namespace aelab
