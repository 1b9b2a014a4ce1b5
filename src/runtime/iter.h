// Built-in iterators (over lists, tuples, strings, ranges, dicts, sets, and
// map/filter/zip/enumerate/reversed) share one object layout: a `next`
// function and a few owned and plain fields, so each new kind of iterator
// is a function, not a type.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace gilvm {

struct NativeIter;
// Returns the next item (new reference), or null: exhausted when no
// exception is pending.
using IterNextFn = Value (*)(ThreadState& ts, NativeIter* it);

struct NativeIter : Object {
  IterNextFn next;
  Value source;      // owned: the container or inner iterator
  Value extra[3];    // owned: further iterators or callables (zip, map, ...)
  int64_t index;     // plain state
  int64_t limit;
  int64_t step;
};

// Creates an iterator of the given type name ("list_iterator", ...); the
// Interpreter keeps one Type per name. source/extra are increfed.
Value native_iter_new(ThreadState& ts, const char* type_name, IterNextFn next, Value source,
                      int64_t index = 0, int64_t limit = 0, int64_t step = 1);

// The Type used for iterators named `type_name`, created on first use.
Type* native_iter_type(ThreadState& ts, const char* type_name);

// The iterator objects behind the builtins of the same names. Each is also a
// type (in interp->native_types under its name) whose construct slot
// parses the Python-level arguments, so builtins can register the types.
Value make_enumerate(ThreadState& ts, Value iterable, Value start);  // start: null = 0
Value make_zip(ThreadState& ts, const Value* iterables, size_t n, bool strict);
Value make_map(ThreadState& ts, Value func, const Value* iterables, size_t n);
Value make_filter(ThreadState& ts, Value func, Value iterable);  // func None: truthiness
Value make_reversed(ThreadState& ts, Value seq);

void init_iter_types(ThreadState& ts);

}  // namespace gilvm
