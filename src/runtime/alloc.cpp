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

namespace detail {
void zero_large_block(void* b, size_t size_class_index) {
  auto* words = static_cast<uint64_t*>(b);
  for (size_t i = 0; i < (size_class_index + 1) * 2; ++i) words[i] = 0;
}
}  // namespace detail

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
