// bytes and bytearray.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

struct Bytes : Object {
  int64_t hash;  // -1 until computed
  int64_t size;
  char data[];   // size bytes plus a NUL

  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

inline bool is_bytes(Value v) { return has_tag(v, Tag::Bytes); }
inline Bytes* as_bytes(Value v) { return static_cast<Bytes*>(v.as_object()); }

// bytearray: a mutable byte string. The buffer is a C++ member
// (placement-new'd by bytearray_new, destroyed by the type's dealloc), so
// appends are amortised O(1).
struct ByteArray : Object {
  std::string buf;

  std::string_view view() const { return buf; }
};

inline bool is_bytearray(Value v) { return has_layout(v, Tag::ByteArray); }
inline ByteArray* as_bytearray(Value v) { return static_cast<ByteArray*>(v.as_object()); }

Value bytes_new(ThreadState& ts, std::string_view data);
Value bytearray_new(ThreadState& ts, std::string_view data);
// The contents of a bytes-like object (bytes, bytearray and subclasses);
// false when v is not one.
bool bytes_like_view(Value v, std::string_view* out);
std::string bytes_repr(std::string_view data);  // b'...'

void init_bytes_type(ThreadState& ts);

}  // namespace gilvm
