// list and tuple: arrays of owned Values.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace gilvm {

struct List : Object {
  Value* items;
  int64_t size;
  int64_t capacity;
};

struct Tuple : Object {
  int64_t size;
  int64_t hash;  // -1 until computed
  Value items[];
};

inline bool is_list(Value v) { return has_tag(v, Tag::List); }
inline bool is_tuple(Value v) { return has_tag(v, Tag::Tuple); }
inline List* as_list(Value v) { return static_cast<List*>(v.as_object()); }
inline Tuple* as_tuple(Value v) { return static_cast<Tuple*>(v.as_object()); }

Value list_new(ThreadState& ts, int64_t size = 0);  // items set to null; fill them
bool list_append(ThreadState& ts, List* l, Value item);  // increfs item; false on memory error
// Steals the reference to item.
bool list_append_steal(ThreadState& ts, List* l, Value item);
Value list_from_iterable(ThreadState& ts, Value iterable);
// Stable sort with optional key (null) and reverse; returns false on error.
bool list_sort(ThreadState& ts, List* l, Value key, bool reverse);

Value tuple_new(ThreadState& ts, int64_t size);  // items null; fill them
Value tuple_pack(ThreadState& ts, std::initializer_list<Value> items);  // increfs
Value tuple_from_array(ThreadState& ts, const Value* items, int64_t n);  // increfs
Value tuple_from_iterable(ThreadState& ts, Value iterable);

// Normalises index i against size n as Python does for item access; false
// when out of range.
inline bool normalize_index(int64_t& i, int64_t n) {
  if (i < 0) i += n;
  return i >= 0 && i < n;
}

// ---- shared by the sequence types (list, tuple, range, str may use them)

// Lexicographic rich comparison of two lists or two tuples (`a` and `b` of
// the same layout); re-reads sizes each step since __eq__ may mutate a list.
Value seq_compare(ThreadState& ts, Value a, Value b, CompareOp op);
// A sequence subscript that is not a slice: int, bool or __index__ object.
// Raises "<what> indices must be integers or slices, not <type>" otherwise.
bool seq_index(ThreadState& ts, Value key, const char* what, int64_t* out);
// The repeat count of `seq * n`; false with "can't multiply sequence by
// non-int of type 'X'" when `n` is not int-like.
bool seq_repeat_count(ThreadState& ts, Value n, int64_t* out);
// True when the operand is a user object whose type might handle the
// operator reflected, so a sequence slot should return NotImplemented
// rather than raise its own TypeError.
bool seq_defer_to_other(ThreadState& ts, Value other);
// Whether `seq * count` (seq_on_left) or `count * seq` should leave the
// operation to `count`: a user object without __index__, or one whose
// __rmul__ must run before the sequence repeats (CPython tries nb_multiply
// of both operands before sq_repeat).
bool seq_repeat_defers(ThreadState& ts, Value count, bool seq_on_left);

// For instances of user subclasses of list/dict/set/tuple/frozenset made by
// a construct slot: runs type(self).__init__(self, *args, **kw) the way
// object_construct does (skipping native __init__s when `skip_native`, for
// immutable types filled at creation). Steals `self`; returns it or null.
Value run_subclass_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames,
                        bool skip_native);

List* list_alloc(ThreadState& ts, Type* type);  // empty list of `type` (list or subclass)
bool list_extend(ThreadState& ts, List* l, Value iterable);
Value list_slice(ThreadState& ts, List* l, int64_t lo, int64_t hi);  // l[lo:hi], clamped
void list_clear(List* l);
Value list_reversed(ThreadState& ts, Value list);  // a list_reverseiterator
// The optional start/stop arguments of index(): clamped, negatives counted
// from the end, non-ints raising CPython's TypeError.
bool seq_index_bounds(ThreadState& ts, const Value* args, size_t nargs, int64_t size, int64_t* start,
                      int64_t* stop);

void init_list_type(ThreadState& ts);
void init_tuple_type(ThreadState& ts);

}  // namespace gilvm
