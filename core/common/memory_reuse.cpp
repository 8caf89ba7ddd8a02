#include "core/common/memory_reuse.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc (tested below)

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace deelstroom {

void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  // Blocks up to 32 MiB from the heap (glibc's ceiling for this setting: a larger value is
  // refused, and setting the trim threshold alone would freeze the mmap threshold at its
  // 128 kB start; a 20-apartment matrix is 5.6 MB, a 100-apartment one 28 MB), and no
  // trimming below 1 GiB of free heap top.
  constexpr int kMmapThresholdBytes = 32 * 1024 * 1024;
  constexpr int kTrimThresholdBytes = 1024 * 1024 * 1024;
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
#endif
}

}  // namespace deelstroom
