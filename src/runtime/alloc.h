// Small-object allocation for the runtime's many short-lived objects
// (floats, bound methods, iterators, small tuples).
//
// malloc/free cost ~40% of a float-heavy loop; a per-OS-thread cache of
// freed blocks, one list per 16-byte size class, turns both into a few
// instructions. Like malloc's own thread cache it holds no interpreter
// state, only memory; a block freed on another thread simply joins that
// thread's cache. Under AddressSanitizer the cache is off, so ASan still
// sees every use-after-free.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gilvm {

inline constexpr size_t kSmallObjectLimit = 128;  // larger objects use malloc directly

// Returns zeroed memory for `size` bytes and the size class to remember
// (0 when the block came from malloc).
void* small_alloc(size_t size, uint8_t* size_class);
void small_free(void* block, uint8_t size_class);

}  // namespace gilvm
