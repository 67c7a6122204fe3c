#include "math/Memory.h"

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
