// Small-object allocation for the runtime's many short-lived objects
// (floats, bound methods, iterators, small tuples).
//
// malloc/free cost ~40% of a float-heavy loop; a per-OS-thread cache of
// freed blocks, one list per 16-byte size class, turns both into a few
// inlined instructions. Like malloc's own thread cache it holds no
// interpreter state, only memory; a block freed on another thread simply
// joins that thread's cache, and a thread's cache is returned to malloc
// when its ThreadState ends (small_cache_release). Under AddressSanitizer
// or ThreadSanitizer the cache is off, so they still see every block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>


#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GILVM_NO_OBJECT_CACHE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define GILVM_NO_OBJECT_CACHE 1
#endif
#endif

namespace gilvm {

inline constexpr size_t kSmallObjectLimit = 128;  // larger objects use malloc directly
inline constexpr size_t kSizeClasses = kSmallObjectLimit / 16;
inline constexpr uint32_t kMaxCachedBlocks = 8192;  // per size class

struct FreeBlock {
  FreeBlock* next;
};

// Plain data, so that thread-local access needs no initialisation guard.
struct SmallObjectCache {
  FreeBlock* head[kSizeClasses];
  uint32_t count[kSizeClasses];
};

extern constinit thread_local SmallObjectCache t_small_cache;

[[noreturn]] void out_of_memory();
// Returns the calling thread's cached blocks to malloc.
void small_cache_release();

namespace detail {
// Zeroing a cached block: GCC turns a variable-size memset (and even a
// constant one above 64 bytes, or a plain loop) into `rep stos`, whose
// start-up cost exceeds the whole job for blocks this small. Small sizes
// get constant-size memsets (a few vector stores, inlined); larger ones an
// out-of-line loop that GCC is told not to turn back into memset.
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif
void zero_large_block(void* b, size_t size_class_index);

inline void zero_block(void* b, size_t size_class_index) {
  switch (size_class_index) {
    case 0: std::memset(b, 0, 16); break;
    case 1: std::memset(b, 0, 32); break;
    case 2: std::memset(b, 0, 48); break;
    case 3: std::memset(b, 0, 64); break;
    default: zero_large_block(b, size_class_index); break;
  }
}
}  // namespace detail

// Returns zeroed memory for `size` bytes and the size class to remember
// (0 when the block came from malloc). `zeroed` false skips the zeroing of
// a reused block, for callers that initialise every byte they read.
inline void* small_alloc(size_t size, uint8_t* size_class, bool zeroed = true) {
#ifndef GILVM_NO_OBJECT_CACHE
  if (size <= kSmallObjectLimit) {
    size_t c = (size + 15) / 16 - 1;
    *size_class = static_cast<uint8_t>(c + 1);
    SmallObjectCache& cache = t_small_cache;
    if (FreeBlock* b = cache.head[c]) {
      cache.head[c] = b->next;
      --cache.count[c];
      if (zeroed) detail::zero_block(b, c);
      return b;
    }
    size = (c + 1) * 16;
  } else {
    *size_class = 0;
  }
#else
  *size_class = 0;
#endif
  void* mem = std::calloc(1, size);
  if (!mem) out_of_memory();
  return mem;
}

// small_free, always inlined: for the eval loop, which frees a float per
// arithmetic operation and where GCC otherwise keeps the call out of line.
// Elsewhere GCC decides (inlining it everywhere costs more than it saves).
inline __attribute__((always_inline)) void small_free_inline(void* block, uint8_t size_class) {
#ifndef GILVM_NO_OBJECT_CACHE
  if (size_class != 0) {
    size_t c = size_class - 1u;
    SmallObjectCache& cache = t_small_cache;
    if (cache.count[c] < kMaxCachedBlocks) {
      auto* b = static_cast<FreeBlock*>(block);
      b->next = cache.head[c];
      cache.head[c] = b;
      ++cache.count[c];
      return;
    }
  }
#endif
  std::free(block);
}

inline void small_free(void* block, uint8_t size_class) { small_free_inline(block, size_class); }

}  // namespace gilvm
