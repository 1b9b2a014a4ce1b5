// range and slice objects.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace gilvm {

// A range whose bounds and length fit int64 keeps them as int64 (the
// arithmetic fast path). Any other ("long", as CPython's longrange_iterator
// calls it) keeps them as int Values in `big` and zeros the int64 fields.
struct Range : Object {
  int64_t start, stop, step, length;
  Value big[4];  // owned, null unless long: start, stop, step, length
};

inline bool range_is_long(const Range* r) { return static_cast<bool>(r->big[0]); }

struct Slice : Object {
  Value start, stop, step;  // owned; None where omitted
};

inline bool is_slice(Value v) { return has_tag(v, Tag::Slice); }
inline Slice* as_slice(Value v) { return static_cast<Slice*>(v.as_object()); }

Value range_new(ThreadState& ts, int64_t start, int64_t stop, int64_t step);
Value slice_new(ThreadState& ts, Value start, Value stop, Value step);  // increfs; null means None
// Resolves a slice against a sequence of `length`, as slice.indices() does.
// Returns false with an exception on a bad slice (step 0, non-int bounds).
bool slice_indices(ThreadState& ts, Slice* s, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* slicelength);

Value range_reversed(ThreadState& ts, Value range);  // reversed(range): a range_iterator

void init_range_types(ThreadState& ts);

}  // namespace gilvm
