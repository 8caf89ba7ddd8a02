#pragma once
// How the process's heap treats the large, short-lived arrays of the engine (a year of
// quarter-hours is 280 kB a series, an apartment matrix 5.6 MB).

namespace deelstroom {

/// Keeps freed heap memory in the process for the next array of the same size instead of
/// handing it back to the kernel. glibc serves blocks above 128 kB with fresh mmap pages and
/// trims the heap top after frees; every fresh page is then a page fault on first touch,
/// which on a virtual machine costs more than the arithmetic of the engine itself (measured:
/// resolving a key 1.06 ms with fresh pages, 0.014 ms with reused ones; a batch case with
/// new profile draws 70-95 ms against 20). Memory stays flat:
/// a batch reuses the same blocks case after case. A no-op outside glibc. Call once, early
/// in main().
void keep_freed_memory_for_reuse();

}  // namespace deelstroom
