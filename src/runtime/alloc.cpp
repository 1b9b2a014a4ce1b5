// The per-thread small-object cache; see alloc.h.
#include "runtime/alloc.h"

#include <cstdio>
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

namespace {

constexpr size_t kClasses = kSmallObjectLimit / 16;  // 16, 32, ..., 128 bytes
constexpr uint32_t kMaxCached = 8192;                // blocks kept per class

struct FreeBlock {
  FreeBlock* next;
};

struct ThreadCache {
  FreeBlock* head[kClasses] = {};
  uint32_t count[kClasses] = {};

  ~ThreadCache() {
    for (size_t c = 0; c < kClasses; ++c) {
      while (FreeBlock* b = head[c]) {
        head[c] = b->next;
        std::free(b);
      }
    }
  }
};

// Per OS thread, like malloc's tcache (see alloc.h for why this is not
// interpreter state).
thread_local ThreadCache t_cache;

// Constant-size memsets compile to a few vector stores; a variable-size
// one becomes `rep stos`, whose start-up cost exceeds the whole job here.
inline void zero_block(void* b, size_t size_class_index) {
  switch (size_class_index) {
    case 0: std::memset(b, 0, 16); break;
    case 1: std::memset(b, 0, 32); break;
    case 2: std::memset(b, 0, 48); break;
    case 3: std::memset(b, 0, 64); break;
    case 4: std::memset(b, 0, 80); break;
    case 5: std::memset(b, 0, 96); break;
    case 6: std::memset(b, 0, 112); break;
    default: std::memset(b, 0, 128); break;
  }
}

[[noreturn]] void out_of_memory() {
  std::fputs("gilvm: out of memory\n", stderr);
  std::abort();
}

}  // namespace

void* small_alloc(size_t size, uint8_t* size_class) {
#ifndef GILVM_NO_OBJECT_CACHE
  if (size <= kSmallObjectLimit) {
    size_t c = (size + 15) / 16 - 1;
    *size_class = static_cast<uint8_t>(c + 1);
    ThreadCache& cache = t_cache;
    if (FreeBlock* b = cache.head[c]) {
      cache.head[c] = b->next;
      --cache.count[c];
      zero_block(b, c);
      return b;
    }
    void* mem = std::calloc(1, (c + 1) * 16);
    if (!mem) out_of_memory();
    return mem;
  }
#endif
  *size_class = 0;
  void* mem = std::calloc(1, size);
  if (!mem) out_of_memory();
  return mem;
}

void small_free(void* block, uint8_t size_class) {
#ifndef GILVM_NO_OBJECT_CACHE
  if (size_class != 0) {
    size_t c = size_class - 1u;
    ThreadCache& cache = t_cache;
    if (cache.count[c] < kMaxCached) {
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

}  // namespace gilvm
