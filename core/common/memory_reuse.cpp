#include "core/common/memory_reuse.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace deelstroom {

void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  // Blocks up to 256 MiB from the heap (a 20-apartment matrix is 5.6 MB; the largest
  // buildings' series stay well below), and no trimming below 1 GiB of free heap top.
  constexpr int kMmapThresholdBytes = 256 * 1024 * 1024;
  constexpr int kTrimThresholdBytes = 1024 * 1024 * 1024;
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
#endif
}

}  // namespace deelstroom
