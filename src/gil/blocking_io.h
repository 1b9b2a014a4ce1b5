// Writing to C stdio streams (sys.stdout, sys.stderr, print) with the GIL
// released whenever the write may reach the kernel, so that a thread
// blocked on a full pipe or a slow terminal never stalls the others.
//
// A write that only fills the stdio buffer keeps the GIL: releasing and
// re-taking it per print() would cost more than the print. glibc tells
// how full the buffer is (__fpending), so the guard is taken exactly when
// this write will flush: the buffer would overflow, the stream is
// unbuffered (stderr), or it is line-buffered and the data has a newline.
#pragma once

#include <stdio_ext.h>

#include <cstdio>
#include <cstring>

#include "gil/blocking.h"

namespace gilvm {

inline bool stdio_write_may_block(FILE* f, const char* data, size_t n) {
  size_t size = __fbufsize(f);
  if (size <= 1) return true;  // unbuffered
  if (__fpending(f) + n >= size) return true;
  return __flbf(f) && std::memchr(data, '\n', n) != nullptr;
}

inline size_t blocking_fwrite(ThreadState& ts, FILE* f, const char* data, size_t n) {
  if (!stdio_write_may_block(f, data, n)) return std::fwrite(data, 1, n, f);
  BlockingRegion guard(ts, BlockCause::Stdout);
  return std::fwrite(data, 1, n, f);
}

inline int blocking_fflush(ThreadState& ts, FILE* f) {
  if (__fpending(f) == 0) return 0;
  BlockingRegion guard(ts, BlockCause::Stdout);
  return std::fflush(f);
}

}  // namespace gilvm
