// range and slice objects.
//
// range keeps int64 bounds and a precomputed length, so indexing, `in` on
// ints and iteration are arithmetic; CPython's arbitrary-precision ranges
// are not supported (bounds beyond int64 raise OverflowError). slice
// resolution follows PySlice_Unpack + PySlice_AdjustIndices exactly, since
// every sequence type's slicing goes through it.
#include "runtime/range.h"

#include <fmt/core.h>

#include <string>

#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

static Value int_value(ThreadState& ts, int64_t v) {
  return Value::fits_small(v) ? Value::from_small(v) : int_from_i64(ts, v);
}

static Range* as_range(Value v) { return static_cast<Range*>(v.as_object()); }

// Number of items; computed in 128 bits since stop - start may overflow.
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
  __int128 lo = start, hi = stop, st = step;
  if (step > 0) return lo < hi ? static_cast<int64_t>((hi - lo - 1) / st + 1) : 0;
  return lo > hi ? static_cast<int64_t>((lo - hi - 1) / (-st) + 1) : 0;
}

Value range_new(ThreadState& ts, int64_t start, int64_t stop, int64_t step) {
  Range* r = alloc<Range>(ts, ts.types().range, Tag::Range);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = range_length(start, stop, step);
  return Value::from_object(r);
}

static int64_t range_item(Range* r, int64_t i) { return r->start + i * r->step; }

// ------------------------------------------------------------ range slots

static Value range_repr(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  if (r->step == 1) return str_new(ts, fmt::format("range({}, {})", r->start, r->stop));
  return str_new(ts, fmt::format("range({}, {}, {})", r->start, r->stop, r->step));
}

static int64_t range_len(ThreadState&, Value self) { return as_range(self)->length; }

static int range_truthy(ThreadState&, Value self) { return as_range(self)->length != 0; }

static Value range_getitem(ThreadState& ts, Value self, Value key) {
  Range* r = as_range(self);
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), r->length, &start, &stop, &step, &n)) return Value::null();
    __int128 s = r->start + static_cast<__int128>(start) * r->step;
    __int128 e = r->start + static_cast<__int128>(stop) * r->step;
    __int128 st = static_cast<__int128>(step) * r->step;
    if (s < INT64_MIN || s > INT64_MAX || e < INT64_MIN || e > INT64_MAX || st < INT64_MIN || st > INT64_MAX)
      return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C long");
    return range_new(ts, static_cast<int64_t>(s), static_cast<int64_t>(e), static_cast<int64_t>(st));
  }
  int64_t i;
  if (!seq_index(ts, key, "range", &i)) {
    if (has_layout(key, Tag::BigInt) && is_subtype(type_of(ts, ts.exc), ts.exc_types().IndexError))
      return raise(ts, ts.exc_types().IndexError, "range object index out of range");
    return Value::null();
  }
  if (!normalize_index(i, r->length)) return raise(ts, ts.exc_types().IndexError, "range object index out of range");
  return int_value(ts, range_item(r, i));
}

// The index of int `v` in the range, or -1.
static int64_t int_position(Range* r, Value v) {
  int64_t x;
  if (v.is_small()) {
    x = v.as_small();
  } else if (!int_to_i64(v, &x)) {
    return -1;
  }
  if (r->length == 0) return -1;
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
  __int128 off = static_cast<__int128>(x) - r->start;
  if (off % r->step != 0) return -1;
  return static_cast<int64_t>(off / r->step);
}

static bool is_exact_int(ThreadState&, Value v) {
  return v.is_small() || has_tag(v, Tag::BigInt) || has_tag(v, Tag::Bool);
}

static int range_contains(ThreadState& ts, Value self, Value item) {
  Range* r = as_range(self);
  if (is_exact_int(ts, item)) return int_position(r, item) >= 0;
  for (int64_t i = 0; i < r->length; ++i) {
    Ref v = Ref::steal(int_value(ts, range_item(r, i)));
    if (!v) return -1;
    int eq = equal(ts, v.get(), item);
    if (eq) return eq;
  }
  return 0;
}

static Value range_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!has_tag(self, Tag::Range) || !has_tag(other, Tag::Range) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return newref(ts.interp->not_implemented);
  Range *a = as_range(self), *b = as_range(other);
  bool eq;
  if (a->length != b->length)
    eq = false;
  else if (a->length == 0)
    eq = true;
  else if (a->start != b->start)
    eq = false;
  else
    eq = a->length == 1 || a->step == b->step;
  return ts.bool_value(eq == (op == CompareOp::Eq));
}

// CPython hashes (len, start, step) with the parts that do not affect
// equality replaced by None, so equal ranges hash equal.
static int64_t range_hash(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  Value none = ts.none();
  Ref start = Ref::steal(int_value(ts, r->start)), step = Ref::steal(int_value(ts, r->step));
  Ref t = Ref::steal(tuple_pack(ts, {Value::from_small(r->length), r->length ? start.get() : none,
                                     r->length > 1 ? step.get() : none}));
  if (!t) return -1;
  return hash(ts, t.get());
}

// it->index: next value; it->limit: items left; it->step: the step.
static Value range_iter_next(ThreadState& ts, NativeIter* it) {
  if (it->limit <= 0) return Value::null();
  int64_t v = it->index;
  --it->limit;
  // Wrapping add: after the last item the value may leave int64.
  it->index = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(it->step));
  return int_value(ts, v);
}

static Value range_iter(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  return native_iter_new(ts, "range_iterator", range_iter_next, Value::null(), r->start, r->length, r->step);
}

Value range_reversed(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  int64_t last = r->length ? range_item(r, r->length - 1) : r->start;
  return native_iter_new(ts, "range_iterator", range_iter_next, Value::null(), last, r->length, -r->step);
}

static Value range_getattr(ThreadState& ts, Value self, Str* name) {
  Range* r = as_range(self);
  std::string_view n = name->view();
  if (n == "start") return int_value(ts, r->start);
  if (n == "stop") return int_value(ts, r->stop);
  if (n == "step") return int_value(ts, r->step);
  return generic_getattr(ts, self, name);
}

static bool range_arg(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  if (is_int_like(v) && !int_to_i64(v, out)) {
    raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return to_index(ts, v, out);
}

static Value range_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "range() takes no keyword arguments");
  if (nargs == 0) return raise(ts, ts.exc_types().TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raisef(ts, ts.exc_types().TypeError, "range expected at most 3 arguments, got {}", nargs);
  int64_t start = 0, stop, step = 1;
  if (nargs == 1) {
    if (!range_arg(ts, args[0], &stop)) return Value::null();
  } else {
    if (!range_arg(ts, args[0], &start) || !range_arg(ts, args[1], &stop)) return Value::null();
    if (nargs == 3) {
      if (!range_arg(ts, args[2], &step)) return Value::null();
      if (step == 0) return raise(ts, ts.exc_types().ValueError, "range() arg 3 must not be zero");
    }
  }
  return range_new(ts, start, stop, step);
}

// ------------------------------------------------------------ range methods

static Value m_range_index(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "index", nargs - 1, kwnames, 1, 1)) return Value::null();
  Range* r = as_range(args[0]);
  if (is_exact_int(ts, args[1])) {
    int64_t pos = int_position(r, args[1]);
    if (pos >= 0) return Value::from_small(pos);
  } else {
    for (int64_t i = 0; i < r->length; ++i) {
      Ref v = Ref::steal(int_value(ts, range_item(r, i)));
      int eq = equal(ts, v.get(), args[1]);
      if (eq < 0) return Value::null();
      if (eq) return Value::from_small(i);
    }
  }
  std::string text;
  if (!repr_utf8(ts, args[1], &text)) return Value::null();
  return raisef(ts, ts.exc_types().ValueError, "{} is not in range", text);
}

static Value m_range_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "count", nargs - 1, kwnames, 1, 1)) return Value::null();
  Range* r = as_range(args[0]);
  if (is_exact_int(ts, args[1])) return Value::from_small(int_position(r, args[1]) >= 0 ? 1 : 0);
  int64_t count = 0;
  for (int64_t i = 0; i < r->length; ++i) {
    Ref v = Ref::steal(int_value(ts, range_item(r, i)));
    int eq = equal(ts, v.get(), args[1]);
    if (eq < 0) return Value::null();
    count += eq;
  }
  return Value::from_small(count);
}

static Value m_range_reversed(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__reversed__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return range_reversed(ts, args[0]);
}

static Value m_range_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return range_iter(ts, args[0]);
}

static Value m_range_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(as_range(args[0])->length);
}

static Value m_range_getitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  return range_getitem(ts, args[0], args[1]);
}

static Value m_range_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = range_contains(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

// ------------------------------------------------------------ slice

Value slice_new(ThreadState& ts, Value start, Value stop, Value step) {
  Slice* s = alloc<Slice>(ts, ts.types().slice, Tag::Slice);
  s->start = newref(start ? start : ts.none());
  s->stop = newref(stop ? stop : ts.none());
  s->step = newref(step ? step : ts.none());
  return Value::from_object(s);
}

static void slice_dealloc(Object* o) {
  auto* s = static_cast<Slice*>(o);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
}

// _PyEval_SliceIndex: ints clamp to the int64 range instead of raising.
static bool slice_bound(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  if (is_int_like(v)) {
    if (!int_to_i64(v, out)) *out = int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (v.is_object() && type_lookup(type_of(ts, v), ts.names().__index__).is_object()) return to_index(ts, v, out);
  raise(ts, ts.exc_types().TypeError, "slice indices must be integers or None or have an __index__ method");
  return false;
}

bool slice_indices(ThreadState& ts, Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength) {
  Value none = ts.none();
  if (s->step.is(none)) {
    *step = 1;
  } else {
    if (!slice_bound(ts, s->step, step)) return false;
    if (*step == 0) {
      raise(ts, ts.exc_types().ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;  // so that -step cannot overflow
  }
  if (s->start.is(none)) {
    *start = *step < 0 ? INT64_MAX : 0;
  } else if (!slice_bound(ts, s->start, start)) {
    return false;
  }
  if (s->stop.is(none)) {
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  } else if (!slice_bound(ts, s->stop, stop)) {
    return false;
  }
  // PySlice_AdjustIndices
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = *step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = *step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = *step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = *step < 0 ? length - 1 : length;
  }
  if (*step < 0)
    *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  else
    *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  return true;
}

static Value slice_repr(ThreadState& ts, Value self) {
  Slice* s = as_slice(self);
  std::string a, b, c;
  if (!repr_utf8(ts, s->start, &a) || !repr_utf8(ts, s->stop, &b) || !repr_utf8(ts, s->step, &c)) return Value::null();
  return str_new(ts, fmt::format("slice({}, {}, {})", a, b, c));
}

static Value slice_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!is_slice(self) || !is_slice(other)) return newref(ts.interp->not_implemented);
  Slice *a = as_slice(self), *b = as_slice(other);
  Ref ta = Ref::steal(tuple_pack(ts, {a->start, a->stop, a->step}));
  Ref tb = Ref::steal(tuple_pack(ts, {b->start, b->stop, b->step}));
  if (!ta || !tb) return Value::null();
  return compare(ts, ta.get(), tb.get(), op);
}

static Value slice_getattr(ThreadState& ts, Value self, Str* name) {
  Slice* s = as_slice(self);
  std::string_view n = name->view();
  if (n == "start") return newref(s->start);
  if (n == "stop") return newref(s->stop);
  if (n == "step") return newref(s->step);
  return generic_getattr(ts, self, name);
}

static Value slice_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "slice() takes no keyword arguments");
  if (nargs == 0) return raise(ts, ts.exc_types().TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return raisef(ts, ts.exc_types().TypeError, "slice expected at most 3 arguments, got {}", nargs);
  if (nargs == 1) return slice_new(ts, Value::null(), args[0], Value::null());
  return slice_new(ts, args[0], args[1], nargs == 3 ? args[2] : Value::null());
}

static Value m_slice_indices(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "indices", nargs - 1, kwnames, 1, 1)) return Value::null();
  int64_t length;
  if (!to_index(ts, args[1], &length)) return Value::null();
  if (length < 0) return raise(ts, ts.exc_types().ValueError, "length should not be negative");
  int64_t start, stop, step, n;
  if (!slice_indices(ts, as_slice(args[0]), length, &start, &stop, &step, &n)) return Value::null();
  Ref a = Ref::steal(int_value(ts, start)), b = Ref::steal(int_value(ts, stop)), c = Ref::steal(int_value(ts, step));
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

void init_range_types(ThreadState& ts) {
  Type* r = new_builtin_type(ts, "range", nullptr, Tag::Range, sizeof(Range));
  ts.interp->types.range = r;
  r->slots.repr = range_repr;
  r->slots.len = range_len;
  r->slots.truthy = range_truthy;
  r->slots.getitem = range_getitem;
  r->slots.contains = range_contains;
  r->slots.compare = range_compare;
  r->slots.hash = range_hash;
  r->slots.iter = range_iter;
  r->slots.getattr = range_getattr;
  r->slots.construct = range_construct;
  add_method(ts, r, "index", m_range_index);
  add_method(ts, r, "count", m_range_count);
  add_method(ts, r, "__reversed__", m_range_reversed);
  add_method(ts, r, "__iter__", m_range_iter);
  add_method(ts, r, "__len__", m_range_len);
  add_method(ts, r, "__getitem__", m_range_getitem);
  add_method(ts, r, "__contains__", m_range_contains);

  Type* s = new_builtin_type(ts, "slice", nullptr, Tag::Slice, sizeof(Slice));
  ts.interp->types.slice = s;
  s->unhashable = true;
  s->slots.dealloc = slice_dealloc;
  s->slots.repr = slice_repr;
  s->slots.compare = slice_compare;
  s->slots.getattr = slice_getattr;
  s->slots.construct = slice_construct;
  add_method(ts, s, "indices", m_slice_indices);
}

}  // namespace gilvm
