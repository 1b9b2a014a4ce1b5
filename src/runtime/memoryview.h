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

// Creates the type and adds `memoryview` to the builtins dict.
void init_memoryview_type(ThreadState& ts, Dict* builtins);

}  // namespace gilvm
