// The native stack limit; see stack_limit.h.
#include "vm/stack_limit.h"

#include <pthread.h>

#include <algorithm>
#include <cstdint>

namespace gilvm {

namespace {

// The margin must hold the deepest native frame chain that can run between
// a check that passed and the next one (or the error path after a check
// that failed): from the eval loop through a call, a type slot and back to
// the next eval_frame entry, a container repr down to the next repr(), and
// the deallocation of a structure dropped at that depth (dealloc_object
// nests at most kMaxDeallocDepth calls, then defers).
//
// Measured (Release, GCC 12): the stack of threads of 512 KiB, 768 KiB,
// 1 MiB and 2 MiB painted with a pattern before the thread ran, and the
// lowest overwritten byte compared with the limit after each case of
// tests/py/threads/issue17_small_stack_recursion.py had raised
// RecursionError (repr/__eq__/__hash__/__str__/__format__ that recurse,
// repr/str/== of 100,000-deep lists and dicts, json.dumps, pickle.dumps,
// deepcopy, and the dealloc of a million-deep list): native code went at
// most 1,000 bytes past the limit. The margin is 256 times that, for ASan's
// and TSan's frames (several times larger) and a deep structure freed at
// the limit (kMaxDeallocDepth levels of dealloc).
constexpr size_t kMargin = 256 * 1024;

// Under TSan the depth is capped as well as the bytes: TSan records the
// call stack of every access in its stack depot, which aborts the process
// (CHECK failed: sanitizer_stackdepot.cpp, "args.size < 1 << kStackSizeBits")
// when a stack holds 65,536 frames or more. TSan's frames in the recursive
// repr/== paths are about 120 bytes, so the main thread's 8 MiB ran 70,000
// frames deep before the byte limit; 4 MiB keeps that under 35,000 and
// still holds the recursion limit's 1,000 Python frames (3 MiB do, see
// thread_stack_bytes in modules/thread.cpp).
#if defined(__SANITIZE_THREAD__)
constexpr size_t kUsableCap = size_t{4} << 20;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr size_t kUsableCap = size_t{4} << 20;
#else
constexpr size_t kUsableCap = SIZE_MAX;
#endif
#else
constexpr size_t kUsableCap = SIZE_MAX;
#endif

}  // namespace

char* native_stack_limit() {
  // Called by the ThreadState constructor, which runs in the thread's entry
  // (or main): this local stands for the thread's start-up stack pointer.
  // The stack that pthread_getattr_np reports is the whole mapping, and its
  // top holds glibc's static TLS and thread descriptor (hundreds of KiB
  // under TSan, whose per-thread state is TLS), and its bottom the guard
  // page: what the thread can really use is from here down to the guard.
  char start;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return nullptr;
  void* low = nullptr;
  size_t size = 0;
  size_t guard = 0;
  int rc = pthread_attr_getstack(&attr, &low, &size);
  if (rc == 0) pthread_attr_getguardsize(&attr, &guard);
  pthread_attr_destroy(&attr);
  if (rc != 0 || !low) return nullptr;
  auto bottom = reinterpret_cast<uintptr_t>(low) + guard;
  auto here = reinterpret_cast<uintptr_t>(&start);
  if (here <= bottom) return nullptr;
  size_t usable = here - bottom;
  if (usable > kUsableCap) {
    bottom = here - kUsableCap;
    usable = kUsableCap;
  }
  // A stack too small for the margin (threading.stack_size allows 32 KiB)
  // still gets half of itself to run in; below 2 * kMargin the guarantee is
  // only as good as that half.
  return reinterpret_cast<char*>(bottom + std::min(kMargin, usable / 2));
}

}  // namespace gilvm
