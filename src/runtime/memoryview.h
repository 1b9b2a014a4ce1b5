// memoryview over bytes and bytearray (one dimension, format 'B').
#pragma once

#include <string>

#include "runtime/object.h"

namespace gilvm {

bool is_memoryview(Value v);
// The bytes a memoryview shows (copied: a slice may be strided); false when
// `v` is not a memoryview or has been released.
bool memoryview_contents(Value v, std::string* out);

// The bytes of a contiguous, unreleased memoryview, viewed in place: what
// bytes_like_view uses so that memoryviews mix with bytes.
bool memoryview_contiguous_view(Value v, std::string_view* out);

// A buffer that readinto/recv_into fill (a bytearray or a writable
// memoryview) and its length; false with CPython's TypeError ("{fname}()
// {which} must be read-write bytes-like object, not T") for anything else.
bool writable_buffer(ThreadState& ts, Value v, const char* fname, const char* which, int64_t* len);
// Copies `n` bytes into the start of such a buffer, with the GIL held; a
// bytearray that shrank meanwhile (the GIL was released while reading)
// takes what still fits.
bool fill_buffer(ThreadState& ts, Value target, const char* data, size_t n);

// Creates the type and adds `memoryview` to the builtins dict.
void init_memoryview_type(ThreadState& ts, Dict* builtins);

}  // namespace gilvm
