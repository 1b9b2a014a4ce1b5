// set and frozenset: open addressing with CPython's probe sequence (linear
// probes, then perturbation) so that small-int sets iterate in the same
// order as CPython's, which users print.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace gilvm {

struct SetEntry {
  int64_t hash;
  Value key;  // null: empty; dummy marker for deleted (see set.cpp)
};

struct Set : Object {
  SetEntry* table;
  int64_t mask;   // table size - 1
  int64_t fill;   // live + dummy
  int64_t used;   // live
  int64_t hash;   // frozenset only, -1 until computed
};

inline bool is_set(Value v) { return has_tag(v, Tag::Set) || has_tag(v, Tag::FrozenSet); }
inline Set* as_set(Value v) { return static_cast<Set*>(v.as_object()); }

Value set_new(ThreadState& ts, bool frozen = false);
bool set_add(ThreadState& ts, Set* s, Value key);  // false on error
int set_contains(ThreadState& ts, Set* s, Value key);  // 1, 0, -1
bool set_next(Set* s, int64_t* pos, Value* key);

// A new set (or frozenset) holding the items of `iterable`.
Value set_from_iterable(ThreadState& ts, Value iterable, bool frozen = false);
// In-place updates with any iterable: |=, &=, -=, ^= (used by dict views).
bool set_update(ThreadState& ts, Set* s, Value iterable);
bool set_intersection_update(ThreadState& ts, Set* s, Value iterable);
bool set_difference_update(ThreadState& ts, Set* s, Value iterable);
bool set_symmetric_difference_update(ThreadState& ts, Set* s, Value iterable);
int set_discard(ThreadState& ts, Set* s, Value key);  // 1 removed, 0 missing, -1 error

void init_set_type(ThreadState& ts);

}  // namespace gilvm
