// The per-thread small-object cache; see alloc.h.
#include "runtime/alloc.h"

#include <cstdio>

namespace gilvm {

// Per OS thread, like malloc's tcache (see alloc.h for why this is not
// interpreter state).
constinit thread_local SmallObjectCache t_small_cache = {};

void out_of_memory() {
  std::fputs("gilvm: out of memory\n", stderr);
  std::abort();
}

void small_cache_release() {
  SmallObjectCache& cache = t_small_cache;
  for (size_t c = 0; c < kSizeClasses; ++c) {
    while (FreeBlock* b = cache.head[c]) {
      cache.head[c] = b->next;
      std::free(b);
    }
    cache.count[c] = 0;
  }
}

}  // namespace gilvm
