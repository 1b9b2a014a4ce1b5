// range and slice objects.
//
// range keeps int64 bounds and a precomputed length, so indexing, `in` on
// ints and iteration are arithmetic. Bounds or a length beyond int64 make a
// "long" range that does the same with int objects (the section below);
// every slot checks range_is_long first. slice
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
  for (Value& v : r->big) v = Value::null();
  return Value::from_object(r);
}

static void range_dealloc(Object* o) {
  for (Value v : static_cast<Range*>(o)->big)
    if (v) decref(v);
}

// ------------------------------------------------------------ long ranges
// Arithmetic on int objects, each returning a new reference (null on error).
static Value big_op(ThreadState& ts, BinaryOp op, Value a, Value b) { return binary_op(ts, op, a, b); }

static int big_less(ThreadState& ts, Value a, Value b) { return compare_bool(ts, a, b, CompareOp::Lt); }

static Value zero() { return Value::from_small(0); }

// The length of range(start, stop, step), as CPython's compute_range_length.
static Value big_length(ThreadState& ts, Value start, Value stop, Value step) {
  int up = big_less(ts, zero(), step);
  if (up < 0) return Value::null();
  Value lo = up ? start : stop, hi = up ? stop : start;
  int nonempty = big_less(ts, lo, hi);
  if (nonempty <= 0) return nonempty < 0 ? Value::null() : zero();
  Ref span = Ref::steal(big_op(ts, BinaryOp::Sub, hi, lo));
  if (!span) return Value::null();
  Ref span1 = Ref::steal(big_op(ts, BinaryOp::Sub, span.get(), Value::from_small(1)));
  if (!span1) return Value::null();
  Ref mag = Ref::steal(up ? newref(step) : unary_op(ts, UnaryOp::Neg, step));
  if (!mag) return Value::null();
  Ref q = Ref::steal(big_op(ts, BinaryOp::FloorDiv, span1.get(), mag.get()));
  if (!q) return Value::null();
  return big_op(ts, BinaryOp::Add, q.get(), Value::from_small(1));
}

// A range from int objects: the int64 form when everything fits.
static Value range_from_ints(ThreadState& ts, Value start, Value stop, Value step) {
  int64_t a, b, c;
  if (int_to_i64(start, &a) && int_to_i64(stop, &b) && int_to_i64(step, &c)) {
    __int128 lo = a, hi = b, st = c, n = 0;
    if (c > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
    if (c < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
    if (n <= INT64_MAX) return range_new(ts, a, b, c);
  }
  Value len = big_length(ts, start, stop, step);
  if (!len) return Value::null();
  Range* r = alloc<Range>(ts, ts.types().range, Tag::Range);
  r->start = r->stop = r->length = 0;
  r->step = 1;
  r->big[0] = newref(start);
  r->big[1] = newref(stop);
  r->big[2] = newref(step);
  r->big[3] = len;
  return Value::from_object(r);
}

// start + i * step
static Value big_item(ThreadState& ts, Range* r, Value i) {
  Ref off = Ref::steal(big_op(ts, BinaryOp::Mul, i, r->big[2]));
  if (!off) return Value::null();
  return big_op(ts, BinaryOp::Add, r->big[0], off.get());
}

// The position of int x in a long range as an int, None if absent.
static Value big_position(ThreadState& ts, Range* r, Value x) {
  int up = big_less(ts, zero(), r->big[2]);
  if (up < 0) return Value::null();
  // inside: start <= x < stop (up) or stop < x <= start (down)
  int in1 = up ? big_less(ts, x, r->big[0]) : big_less(ts, r->big[0], x);
  if (in1 < 0) return Value::null();
  int in2 = up ? big_less(ts, x, r->big[1]) : big_less(ts, r->big[1], x);
  if (in2 < 0) return Value::null();
  if (in1 || !in2) return newref(ts.none());
  Ref off = Ref::steal(big_op(ts, BinaryOp::Sub, x, r->big[0]));
  if (!off) return Value::null();
  Ref rem = Ref::steal(big_op(ts, BinaryOp::Mod, off.get(), r->big[2]));
  if (!rem) return Value::null();
  int nonzero = truthy(ts, rem.get());
  if (nonzero) return nonzero < 0 ? Value::null() : newref(ts.none());
  return big_op(ts, BinaryOp::FloorDiv, off.get(), r->big[2]);
}

// The int64 fields of a fast range as the four ints of a long one.
static bool range_ints(ThreadState& ts, Range* r, Ref out[4]) {
  if (range_is_long(r)) {
    for (int i = 0; i < 4; ++i) out[i] = Ref::borrow(r->big[i]);
    return true;
  }
  int64_t v[4] = {r->start, r->stop, r->step, r->length};
  for (int i = 0; i < 4; ++i) {
    out[i] = Ref::steal(int_from_i64(ts, v[i]));
    if (!out[i]) return false;
  }
  return true;
}

// A slice bound against a length of any size, as _PySlice_GetLongIndices.
static Value big_slice_bound(ThreadState& ts, Value v, Value length, Value lower, Value upper, Value dflt) {
  if (v.is(ts.none())) return newref(dflt);
  Ref i = Ref::steal(int_from_index(ts, v));
  if (!i) return Value::null();
  int neg = big_less(ts, i.get(), zero());
  if (neg < 0) return Value::null();
  if (neg) {
    i = Ref::steal(big_op(ts, BinaryOp::Add, i.get(), length));
    if (!i) return Value::null();
    int below = big_less(ts, i.get(), lower);
    if (below) return below < 0 ? Value::null() : newref(lower);
    return i.release();
  }
  int above = big_less(ts, upper, i.get());
  if (above) return above < 0 ? Value::null() : newref(upper);
  return i.release();
}

static Value range_slice(ThreadState& ts, Range* r, Slice* sl) {
  Ref ints[4];
  if (!range_ints(ts, r, ints)) return Value::null();
  Value length = ints[3].get();
  Ref step = Ref::steal(sl->step.is(ts.none()) ? Value::from_small(1) : int_from_index(ts, sl->step));
  if (!step) return Value::null();
  int zero_step = truthy(ts, step.get());
  if (zero_step <= 0) {
    if (zero_step == 0) raise(ts, ts.exc_types().ValueError, "slice step cannot be zero");
    return Value::null();
  }
  int down = big_less(ts, step.get(), zero());
  if (down < 0) return Value::null();
  Ref lower = Ref::steal(down ? Value::from_small(-1) : zero());
  Ref upper = Ref::steal(down ? big_op(ts, BinaryOp::Add, length, lower.get()) : newref(length));
  if (!upper) return Value::null();
  Ref start = Ref::steal(big_slice_bound(ts, sl->start, length, lower.get(), upper.get(),
                                         down ? upper.get() : lower.get()));
  if (!start) return Value::null();
  Ref stop = Ref::steal(big_slice_bound(ts, sl->stop, length, lower.get(), upper.get(),
                                        down ? lower.get() : upper.get()));
  if (!stop) return Value::null();
  auto item = [&](Value i) -> Value {
    Ref off = Ref::steal(big_op(ts, BinaryOp::Mul, i, ints[2].get()));
    return off ? big_op(ts, BinaryOp::Add, ints[0].get(), off.get()) : Value::null();
  };
  Ref new_start = Ref::steal(item(start.get()));
  Ref new_stop = Ref::steal(new_start ? item(stop.get()) : Value::null());
  Ref new_step = Ref::steal(new_stop ? big_op(ts, BinaryOp::Mul, step.get(), ints[2].get()) : Value::null());
  if (!new_step) return Value::null();
  return range_from_ints(ts, new_start.get(), new_stop.get(), new_step.get());
}

// longrange_iterator: source = the next value, extra[0] = the step,
// extra[1] = the items left.
static Value long_iter_next(ThreadState& ts, NativeIter* it) {
  int more = big_less(ts, zero(), it->extra[1]);
  if (more <= 0) return Value::null();
  Value v = it->source;
  Value next = big_op(ts, BinaryOp::Add, v, it->extra[0]);
  Value left = next ? big_op(ts, BinaryOp::Sub, it->extra[1], Value::from_small(1)) : Value::null();
  if (!left) {
    if (next) decref(next);
    return Value::null();
  }
  it->source = next;  // the reference to v moves to the caller
  decref(it->extra[1]);
  it->extra[1] = left;
  return v;
}

static Value long_iter_new(ThreadState& ts, Value first, Value step, Value count) {
  Value it = native_iter_new(ts, "longrange_iterator", long_iter_next, first);
  if (!it) return it;
  auto* ni = static_cast<NativeIter*>(it.as_object());
  ni->extra[0] = newref(step);
  ni->extra[1] = newref(count);
  return it;
}

static int64_t range_item(Range* r, int64_t i) { return r->start + i * r->step; }

// ------------------------------------------------------------ range slots

static Value range_repr(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  if (range_is_long(r)) {
    std::string a, b, c;
    if (!repr_utf8(ts, r->big[0], &a) || !repr_utf8(ts, r->big[1], &b) || !repr_utf8(ts, r->big[2], &c))
      return Value::null();
    if (c == "1") return str_new(ts, fmt::format("range({}, {})", a, b));
    return str_new(ts, fmt::format("range({}, {}, {})", a, b, c));
  }
  if (r->step == 1) return str_new(ts, fmt::format("range({}, {})", r->start, r->stop));
  return str_new(ts, fmt::format("range({}, {}, {})", r->start, r->stop, r->step));
}

static int64_t range_len(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  if (range_is_long(r)) {
    int64_t n;
    if (int_to_i64(r->big[3], &n)) return n;
    raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return r->length;
}

static int range_truthy(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  return range_is_long(r) ? truthy(ts, r->big[3]) : r->length != 0;
}

static Value range_getitem(ThreadState& ts, Value self, Value key) {
  Range* r = as_range(self);
  if (range_is_long(r) || (is_slice(key) && has_layout(as_slice(key)->step, Tag::BigInt))) {
    if (is_slice(key)) return range_slice(ts, r, as_slice(key));
    if (!range_is_long(r)) goto fast;
    Ref i = Ref::steal(int_from_index(ts, key));
    if (!i) {
      if (is_subtype(type_of(ts, ts.exc), ts.exc_types().TypeError)) {
        ts.clear_error();
        return raisef(ts, ts.exc_types().TypeError, "range indices must be integers or slices, not {}",
                      type_name(ts, key));
      }
      return Value::null();
    }
    int neg = big_less(ts, i.get(), zero());
    if (neg < 0) return Value::null();
    if (neg) {
      i = Ref::steal(big_op(ts, BinaryOp::Add, i.get(), r->big[3]));
      if (!i) return Value::null();
    }
    int below = big_less(ts, i.get(), zero());
    int inside = below ? 0 : big_less(ts, i.get(), r->big[3]);
    if (below < 0 || inside < 0) return Value::null();
    if (!inside) return raise(ts, ts.exc_types().IndexError, "range object index out of range");
    return big_item(ts, r, i.get());
  }
fast:
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), r->length, &start, &stop, &step, &n)) return Value::null();
    __int128 s = r->start + static_cast<__int128>(start) * r->step;
    __int128 e = r->start + static_cast<__int128>(stop) * r->step;
    __int128 st = static_cast<__int128>(step) * r->step;
    if (s < INT64_MIN || s > INT64_MAX || e < INT64_MIN || e > INT64_MAX || st < INT64_MIN || st > INT64_MAX)
      return range_slice(ts, r, as_slice(key));
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

static Value range_iter(ThreadState& ts, Value self);

static int range_contains(ThreadState& ts, Value self, Value item) {
  Range* r = as_range(self);
  if (range_is_long(r)) {
    if (is_exact_int(ts, item)) {
      Ref pos = Ref::steal(big_position(ts, r, item));
      if (!pos) return -1;
      return !pos.get().is(ts.none());
    }
    Ref it = Ref::steal(range_iter(ts, self));
    if (!it) return -1;
    while (Value v = iter_next(ts, it.get())) {
      Ref owned = Ref::steal(v);
      int eq = equal(ts, v, item);
      if (eq) return eq;
    }
    return ts.has_error() ? -1 : 0;
  }
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
  if (range_is_long(a) || range_is_long(b)) {
    Ref x[4], y[4];
    if (!range_ints(ts, a, x) || !range_ints(ts, b, y)) return Value::null();
    // Equal when as sequences: same length, and (if not empty) same first
    // item, and (if longer than one) same step.
    int e = equal(ts, x[3].get(), y[3].get());
    if (e > 0 && truthy(ts, x[3].get()) > 0) {
      e = equal(ts, x[0].get(), y[0].get());
      if (e > 0 && compare_bool(ts, Value::from_small(1), x[3].get(), CompareOp::Lt) > 0)
        e = equal(ts, x[2].get(), y[2].get());
    }
    if (e < 0 || ts.has_error()) return Value::null();
    return ts.bool_value((e > 0) == (op == CompareOp::Eq));
  }
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
  if (range_is_long(r)) {
    int nonempty = truthy(ts, r->big[3]);
    int many = compare_bool(ts, Value::from_small(1), r->big[3], CompareOp::Lt);
    if (nonempty < 0 || many < 0) return -1;
    Ref t = Ref::steal(tuple_pack(ts, {r->big[3], nonempty ? r->big[0] : none, many ? r->big[2] : none}));
    if (!t) return -1;
    return hash(ts, t.get());
  }
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
  if (range_is_long(r)) return long_iter_new(ts, r->big[0], r->big[2], r->big[3]);
  return native_iter_new(ts, "range_iterator", range_iter_next, Value::null(), r->start, r->length, r->step);
}

Value range_reversed(ThreadState& ts, Value self) {
  Range* r = as_range(self);
  if (range_is_long(r)) {
    Ref last_index = Ref::steal(big_op(ts, BinaryOp::Sub, r->big[3], Value::from_small(1)));
    Ref last = Ref::steal(last_index ? big_item(ts, r, last_index.get()) : Value::null());
    Ref step = Ref::steal(last ? unary_op(ts, UnaryOp::Neg, r->big[2]) : Value::null());
    if (!step) return Value::null();
    return long_iter_new(ts, last.get(), step.get(), r->big[3]);
  }
  int64_t last = r->length ? range_item(r, r->length - 1) : r->start;
  return native_iter_new(ts, "range_iterator", range_iter_next, Value::null(), last, r->length, -r->step);
}

static Value range_getattr(ThreadState& ts, Value self, Str* name) {
  Range* r = as_range(self);
  std::string_view n = name->view();
  if (range_is_long(r)) {
    if (n == "start") return newref(r->big[0]);
    if (n == "stop") return newref(r->big[1]);
    if (n == "step") return newref(r->big[2]);
  }
  if (n == "start") return int_value(ts, r->start);
  if (n == "stop") return int_value(ts, r->stop);
  if (n == "step") return int_value(ts, r->step);
  return generic_getattr(ts, self, name);
}

static Value range_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "range() takes no keyword arguments");
  if (nargs == 0) return raise(ts, ts.exc_types().TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raisef(ts, ts.exc_types().TypeError, "range expected at most 3 arguments, got {}", nargs);
  Ref ints[3];
  for (size_t i = 0; i < nargs; ++i) {
    ints[i] = Ref::steal(int_from_index(ts, args[i]));
    if (!ints[i]) return Value::null();
  }
  Ref start = nargs == 1 ? Ref::steal(zero()) : std::move(ints[0]);
  Ref stop = nargs == 1 ? std::move(ints[0]) : std::move(ints[1]);
  Ref step = nargs == 3 ? std::move(ints[2]) : Ref::steal(Value::from_small(1));
  int nonzero = truthy(ts, step.get());
  if (nonzero <= 0) {
    if (nonzero == 0) raise(ts, ts.exc_types().ValueError, "range() arg 3 must not be zero");
    return Value::null();
  }
  return range_from_ints(ts, start.get(), stop.get(), step.get());
}

// ------------------------------------------------------------ range methods

static Value m_range_index(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "index", nargs - 1, kwnames, 1, 1)) return Value::null();
  Range* r = as_range(args[0]);
  if (range_is_long(r) && is_exact_int(ts, args[1])) {
    Value pos = big_position(ts, r, args[1]);
    if (!pos || !pos.is(ts.none())) return pos;
  } else if (range_is_long(r)) {
    Ref it = Ref::steal(range_iter(ts, args[0]));
    if (!it) return Value::null();
    int64_t i = 0;
    while (Value v = iter_next(ts, it.get())) {
      Ref owned = Ref::steal(v);
      int eq = equal(ts, v, args[1]);
      if (eq < 0) return Value::null();
      if (eq) return Value::from_small(i);
      ++i;
    }
    if (ts.has_error()) return Value::null();
  } else if (is_exact_int(ts, args[1])) {
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
  if (range_is_long(r)) {
    int in = range_contains(ts, args[0], args[1]);
    if (in < 0) return Value::null();
    if (is_exact_int(ts, args[1]) || !in) return Value::from_small(in);
    Ref it = Ref::steal(range_iter(ts, args[0]));
    if (!it) return Value::null();
    int64_t count = 0;
    while (Value v = iter_next(ts, it.get())) {
      Ref owned = Ref::steal(v);
      int eq = equal(ts, v, args[1]);
      if (eq < 0) return Value::null();
      count += eq;
    }
    return ts.has_error() ? Value::null() : Value::from_small(count);
  }
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
  int64_t n = range_len(ts, args[0]);  // OverflowError beyond ssize_t, as CPython's
  if (n < 0) return Value::null();
  return Value::from_small(n);
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
  r->slots.dealloc = range_dealloc;
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
