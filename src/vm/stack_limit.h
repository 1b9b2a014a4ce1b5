// The native stack limit behind RecursionError for recursion in C++ (repr
// of containers, comparisons, hashing, calls from C++ back into Python):
// each thread checks its stack pointer against a limit computed from its
// own stack bounds, so a thread started after threading.stack_size(512 KiB)
// raises RecursionError where a 16 MiB one would recurse further.
#pragma once

#include <cstddef>

namespace gilvm {

// The lowest address the calling thread's checks let native code reach:
// its stack's real low end (pthread_getattr_np) plus the margin of
// stack_limit.cpp, or null when the bounds are unknown (no check).
char* native_stack_limit();

}  // namespace gilvm
