// list: a growable array of owned Values, plus the helpers every sequence
// type shares (lexicographic comparison, subscript and repeat-count parsing).
//
// The main trade-off is in sort: a hand-written stable merge sort instead of
// std::stable_sort, because user comparisons may raise or be inconsistent,
// and the standard algorithms make both undefined behaviour. Homogeneous
// lists of small ints, floats or strs get comparators that never call back
// into Python, which is where most of the speed comes from.
#include "runtime/list.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/args.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"
#include "vm/limits.h"

namespace gilvm {

// ------------------------------------------------------------ shared helpers

static Value* seq_items(Value v, int64_t* n) {
  if (has_layout(v, Tag::List)) {
    *n = as_list(v)->size;
    return as_list(v)->items;
  }
  *n = as_tuple(v)->size;
  return as_tuple(v)->items;
}

static bool compare_sizes(int64_t a, int64_t b, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Gt: return a > b;
    case CompareOp::Ge: return a >= b;
  }
  return false;
}

Value seq_compare(ThreadState& ts, Value a, Value b, CompareOp op) {
  int64_t na, nb;
  seq_items(a, &na);
  seq_items(b, &nb);
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && na != nb) return ts.bool_value(op == CompareOp::Ne);
  int64_t i = 0;
  for (;; ++i) {
    Value* ia = seq_items(a, &na);
    Value* ib = seq_items(b, &nb);
    if (i >= na || i >= nb) return ts.bool_value(compare_sizes(na, nb, op));
    Value x = ia[i], y = ib[i];
    if (x.is(y)) continue;
    if (x.is_small() && y.is_small()) break;
    // __eq__ may mutate the containers: keep the operands alive.
    Ref hold_x = Ref::borrow(x), hold_y = Ref::borrow(y);
    int r = equal(ts, x, y);
    if (r < 0) return Value::null();
    if (!r) break;
  }
  if (op == CompareOp::Eq) return ts.bool_value(false);
  if (op == CompareOp::Ne) return ts.bool_value(true);
  Value* ia = seq_items(a, &na);
  Value* ib = seq_items(b, &nb);
  Ref x = Ref::borrow(ia[i]), y = Ref::borrow(ib[i]);
  return compare(ts, x.get(), y.get(), op);
}

static bool has_index_method(ThreadState& ts, Value v) {
  return v.is_object() && type_lookup(type_of(ts, v), ts.names().__index__).is_object();
}

bool seq_index(ThreadState& ts, Value key, const char* what, int64_t* out) {
  if (key.is_small()) {
    *out = key.as_small();
    return true;
  }
  if (is_int_like(key) || has_index_method(ts, key)) {
    if (to_index(ts, key, out)) return true;
    // As CPython: an index too large for the machine is an IndexError.
    if (is_subtype(type_of(ts, ts.exc), ts.exc_types().OverflowError))
      raise(ts, ts.exc_types().IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  raisef(ts, ts.exc_types().TypeError, "{} indices must be integers or slices, not {}", what,
         type_name(ts, key));
  return false;
}

bool seq_repeat_count(ThreadState& ts, Value n, int64_t* out) {
  if (n.is_small()) {
    *out = n.as_small();
    return true;
  }
  if (is_int_like(n)) {
    if (int_to_i64(n, out)) return true;
    if (int_sign(n) < 0) {
      *out = 0;
      return true;
    }
    raise(ts, ts.exc_types().OverflowError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (has_index_method(ts, n)) return to_index(ts, n, out);
  raisef(ts, ts.exc_types().TypeError, "can't multiply sequence by non-int of type '{}'", type_name(ts, n));
  return false;
}

bool seq_defer_to_other(ThreadState& ts, Value other) {
  return other.is_object() && !type_of(ts, other)->is_builtin;
}

bool seq_repeat_defers(ThreadState& ts, Value count, bool seq_on_left) {
  if (is_int_like(count) || !seq_defer_to_other(ts, count)) return false;
  Type* t = type_of(ts, count);
  if (!type_lookup(t, ts.names().__index__)) return true;
  return seq_on_left && type_lookup(t, str_intern(ts, "__rmul__"));
}

Value run_subclass_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames,
                        bool skip_native) {
  Ref owned = Ref::steal(self);
  Value init = type_lookup(type_of(ts, self), ts.names().__init__);
  if (!init || (skip_native && has_tag(init, Tag::Builtin))) return owned.release();
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  std::vector<Value> argv(total + 1);
  argv[0] = self;
  for (size_t i = 0; i < total; ++i) argv[i + 1] = args[i];
  Value r = call(ts, init, argv.data(), nargs + 1, kwnames);
  if (!r) return r;
  if (!r.is(ts.none())) {
    std::string tn(type_name(ts, r));
    decref(r);
    return raisef(ts, ts.exc_types().TypeError, "__init__() should return None, not '{}'", tn);
  }
  return owned.release();
}

// ------------------------------------------------------------ storage

static bool list_reserve(ThreadState& ts, List* l, int64_t needed) {
  if (needed <= l->capacity) return true;
  // CPython's growth pattern: ~12.5% headroom, enough to make append O(1).
  int64_t cap = (needed + (needed >> 3) + 6) & ~int64_t{3};
  if (cap > (int64_t{1} << 59)) {
    raise(ts, ts.exc_types().MemoryError, "");
    return false;
  }
  if (!memory_available(ts, static_cast<size_t>(cap - l->capacity) * sizeof(Value))) return false;
  auto* items = static_cast<Value*>(std::realloc(l->items, cap * sizeof(Value)));
  if (!items) {
    raise(ts, ts.exc_types().MemoryError, "");
    return false;
  }
  l->items = items;
  l->capacity = cap;
  return true;
}

static Tag instance_tag_for(Type* type, Type* builtin, Tag tag) {
  return type == builtin ? tag : static_cast<Tag>(static_cast<uint8_t>(tag) | kSubclassBit);
}

List* list_alloc(ThreadState& ts, Type* type) {
  Type* lt = ts.types().list;
  size_t size = type == lt ? sizeof(List) : type->basic_size;
  return alloc<List>(ts, type, instance_tag_for(type, lt, Tag::List), size);
}

Value list_new(ThreadState& ts, int64_t size) {
  List* l = alloc<List>(ts, ts.types().list, Tag::List);
  if (size > 0) {
    if (!memory_available(ts, static_cast<size_t>(size) * sizeof(Value))) {
      decref(l);
      return Value::null();
    }
    l->items = static_cast<Value*>(std::calloc(size, sizeof(Value)));
    if (!l->items) {
      decref(l);
      return raise(ts, ts.exc_types().MemoryError, "");
    }
    l->capacity = size;
    l->size = size;
  }
  return Value::from_object(l);
}

bool list_append_steal(ThreadState& ts, List* l, Value item) {
  if (l->size == l->capacity && !list_reserve(ts, l, l->size + 1)) {
    decref(item);
    return false;
  }
  l->items[l->size++] = item;
  return true;
}

bool list_append(ThreadState& ts, List* l, Value item) {
  incref(item);
  return list_append_steal(ts, l, item);
}

void list_clear(List* l) {
  Value* items = l->items;
  int64_t n = l->size;
  // Detach first: decref may run code that looks at the list.
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  for (int64_t i = 0; i < n; ++i) decref(items[i]);
  std::free(items);
}

static void list_dealloc(Object* o) { list_clear(static_cast<List*>(o)); }

bool list_extend(ThreadState& ts, List* l, Value iterable) {
  if (has_layout(iterable, Tag::List) || has_layout(iterable, Tag::Tuple)) {
    int64_t n;
    seq_items(iterable, &n);
    if (!list_reserve(ts, l, l->size + n)) return false;
    Value* src = seq_items(iterable, &n);  // re-read: `l` may be `iterable`
    for (int64_t i = 0; i < n; ++i) l->items[l->size + i] = newref(src[i]);
    l->size += n;
    return true;
  }
  if (has_tag(iterable, Tag::Range) && !range_is_long(static_cast<Range*>(iterable.as_object()))) {
    auto* r = static_cast<Range*>(iterable.as_object());
    if (!list_reserve(ts, l, l->size + r->length)) return false;
    int64_t v = r->start;
    for (int64_t i = 0; i < r->length; ++i, v += r->step) {
      Value item = Value::fits_small(v) ? Value::from_small(v) : int_from_i64(ts, v);
      if (!item) return false;
      l->items[l->size++] = item;
    }
    return true;
  }
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return false;
  for (;;) {
    Value item = iter_next(ts, it.get());
    if (!item) return !ts.has_error();
    if (!list_append_steal(ts, l, item)) return false;
  }
}

Value list_from_iterable(ThreadState& ts, Value iterable) {
  Ref result = Ref::steal(list_new(ts));
  if (!result || !list_extend(ts, as_list(result.get()), iterable)) return Value::null();
  return result.release();
}

Value list_slice(ThreadState& ts, List* l, int64_t lo, int64_t hi) {
  if (lo < 0) lo = 0;
  if (hi > l->size) hi = l->size;
  int64_t n = hi > lo ? hi - lo : 0;
  Value result = list_new(ts, n);
  if (!result) return result;
  Value* dst = as_list(result)->items;
  for (int64_t i = 0; i < n; ++i) dst[i] = newref(l->items[lo + i]);
  return result;
}

// ------------------------------------------------------------ repr, compare

static Value list_repr(ThreadState& ts, Value self) {
  List* l = as_list(self);
  if (l->size == 0) return str_new(ts, "[]");
  if (repr_running(l)) return str_new(ts, "[...]");
  if (ts.c_stack_exhausted())
    return raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  set_repr_running(l, true);
  std::string out = "[";
  bool ok = true;
  for (int64_t i = 0; i < l->size; ++i) {
    if (i) out += ", ";
    Ref item = Ref::borrow(l->items[i]);
    Ref r = Ref::steal(repr(ts, item.get()));
    if (!r) {
      ok = false;
      break;
    }
    out += as_str(r.get())->view();
  }
  set_repr_running(l, false);
  if (!ok) return Value::null();
  out += ']';
  return str_new(ts, out);
}

static Value list_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!has_layout(self, Tag::List) || !has_layout(other, Tag::List)) return newref(ts.interp->not_implemented);
  return seq_compare(ts, self, other, op);
}

// ------------------------------------------------------------ operators

static Value list_concat(ThreadState& ts, List* a, List* b) {
  Value result = list_new(ts, a->size + b->size);
  if (!result) return result;
  Value* dst = as_list(result)->items;
  for (int64_t i = 0; i < a->size; ++i) dst[i] = newref(a->items[i]);
  for (int64_t i = 0; i < b->size; ++i) dst[a->size + i] = newref(b->items[i]);
  return result;
}

static Value list_repeat(ThreadState& ts, List* l, int64_t n) {
  if (n <= 0 || l->size == 0) return list_new(ts);
  if (n > (int64_t{1} << 59) / l->size) return raise(ts, ts.exc_types().MemoryError, "");
  Value result = list_new(ts, l->size * n);
  if (!result) return result;
  Value* dst = as_list(result)->items;
  if (l->size == 1) {
    // [x] * n: one item, so bump its count once instead of n times.
    Value item = l->items[0];
    if (item.is_object()) incref_n(item.as_object(), static_cast<uint32_t>(n));
    for (int64_t i = 0; i < n; ++i) dst[i] = item;
    return result;
  }
  for (int64_t k = 0, pos = 0; k < n; ++k)
    for (int64_t i = 0; i < l->size; ++i) dst[pos++] = newref(l->items[i]);
  return result;
}

static Value list_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  bool a_list = has_layout(a, Tag::List);
  if (op == BinaryOp::Add) {
    if (!a_list) return newref(ts.interp->not_implemented);
    if (has_layout(b, Tag::List)) return list_concat(ts, as_list(a), as_list(b));
    if (seq_defer_to_other(ts, b)) return newref(ts.interp->not_implemented);
    return raisef(ts, ts.exc_types().TypeError, "can only concatenate list (not \"{}\") to list", type_name(ts, b));
  }
  if (op == BinaryOp::Mul) {
    Value seq = a_list ? a : b, count = a_list ? b : a;
    if (!has_layout(seq, Tag::List)) return newref(ts.interp->not_implemented);
    if (seq_repeat_defers(ts, count, a_list)) return newref(ts.interp->not_implemented);
    int64_t n;
    if (!seq_repeat_count(ts, count, &n)) return Value::null();
    return list_repeat(ts, as_list(seq), n);
  }
  return newref(ts.interp->not_implemented);
}

static Value list_inplace(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (!has_layout(a, Tag::List)) return newref(ts.interp->not_implemented);
  List* l = as_list(a);
  if (op == BinaryOp::Add) {
    if (!list_extend(ts, l, b)) return Value::null();
    return newref(a);
  }
  if (op == BinaryOp::Mul) {
    if (!is_int_like(b) && seq_defer_to_other(ts, b) && !has_index_method(ts, b))
      return newref(ts.interp->not_implemented);
    int64_t n;
    if (!seq_repeat_count(ts, b, &n)) return Value::null();
    if (n <= 0 || l->size == 0) {
      list_clear(l);
      return newref(a);
    }
    int64_t size = l->size;
    if (n > (int64_t{1} << 59) / size) return raise(ts, ts.exc_types().MemoryError, "");
    if (!list_reserve(ts, l, size * n)) return Value::null();
    for (int64_t k = 1; k < n; ++k)
      for (int64_t i = 0; i < size; ++i) l->items[k * size + i] = newref(l->items[i]);
    l->size = size * n;
    return newref(a);
  }
  return newref(ts.interp->not_implemented);
}

static int64_t list_len(ThreadState&, Value self) { return as_list(self)->size; }

static int list_truthy(ThreadState&, Value self) { return as_list(self)->size != 0; }

static int list_contains(ThreadState& ts, Value self, Value item) {
  List* l = as_list(self);
  for (int64_t i = 0; i < l->size; ++i) {
    Value x = l->items[i];
    if (x.is(item)) return 1;
    if (x.is_small() && item.is_small()) continue;
    Ref hold = Ref::borrow(x);
    int r = equal(ts, x, item);
    if (r) return r;
  }
  return 0;
}

// ------------------------------------------------------------ subscripts

static Value list_getitem(ThreadState& ts, Value self, Value key) {
  List* l = as_list(self);
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), l->size, &start, &stop, &step, &n)) return Value::null();
    if (step == 1) return list_slice(ts, l, start, stop);
    Value result = list_new(ts, n);
    if (!result) return result;
    Value* dst = as_list(result)->items;
    for (int64_t i = 0, j = start; i < n; ++i, j += step) dst[i] = newref(l->items[j]);
    return result;
  }
  int64_t i;
  if (!seq_index(ts, key, "list", &i)) return Value::null();
  if (!normalize_index(i, l->size)) return raise(ts, ts.exc_types().IndexError, "list index out of range");
  return newref(l->items[i]);
}

// l[lo:hi] = items (n of them), or deletion when items is null. CPython's
// list_ass_slice: the replaced items are released only after the list is
// consistent again, since their __del__ could look at it.
static bool list_assign_range(ThreadState& ts, List* l, int64_t lo, int64_t hi, const Value* items, int64_t n) {
  if (lo < 0) lo = 0;
  if (lo > l->size) lo = l->size;
  if (hi < lo) hi = lo;
  if (hi > l->size) hi = l->size;
  int64_t old = hi - lo;
  int64_t delta = n - old;
  std::vector<Value> recycled(l->items + lo, l->items + hi);
  if (delta > 0 && !list_reserve(ts, l, l->size + delta)) return false;
  if (delta != 0)
    std::memmove(l->items + hi + delta, l->items + hi, (l->size - hi) * sizeof(Value));
  for (int64_t i = 0; i < n; ++i) l->items[lo + i] = newref(items[i]);
  l->size += delta;
  for (Value v : recycled) decref(v);
  return true;
}

// PySequence_Fast: the value itself when it is a list or tuple (other than
// `self`), else a new list of its items; a non-iterable raises TypeError(msg).
static Ref seq_fast(ThreadState& ts, Value value, List* self, const char* msg) {
  if ((has_layout(value, Tag::List) || has_layout(value, Tag::Tuple)) && !value.is(Value::from_object(self)))
    return Ref::borrow(value);
  Ref it = Ref::steal(get_iter(ts, value));
  if (!it) {
    if (exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().TypeError)) == 1) {
      ts.clear_error();
      raise(ts, ts.exc_types().TypeError, msg);
    }
    return Ref();
  }
  return Ref::steal(list_from_iterable(ts, it.get()));
}

static int list_assign_slice(ThreadState& ts, List* l, Slice* slice, Value value) {
  int64_t start, stop, step, n;
  if (!slice_indices(ts, slice, l->size, &start, &stop, &step, &n)) return -1;
  if (step == 1) {
    if (!value) return list_assign_range(ts, l, start, stop, nullptr, 0) ? 0 : -1;
    Ref seq = seq_fast(ts, value, l, "can only assign an iterable");
    if (!seq) return -1;
    int64_t count;
    Value* items = seq_items(seq.get(), &count);
    return list_assign_range(ts, l, start, stop, items, count) ? 0 : -1;
  }
  if (!value) {
    // Extended-slice deletion: compact the survivors in one pass.
    if (n == 0) return 0;
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    int64_t last = start + step * (n - 1);
    std::vector<Value> removed;
    removed.reserve(n);
    int64_t w = 0;
    for (int64_t r = 0; r < l->size; ++r) {
      if (r >= start && r <= last && (r - start) % step == 0)
        removed.push_back(l->items[r]);
      else
        l->items[w++] = l->items[r];
    }
    l->size = w;
    for (Value v : removed) decref(v);
    return 0;
  }
  Ref seq = seq_fast(ts, value, l, "must assign iterable to extended slice");
  if (!seq) return -1;
  int64_t count;
  Value* items = seq_items(seq.get(), &count);
  if (count != n) {
    raisef(ts, ts.exc_types().ValueError, "attempt to assign sequence of size {} to extended slice of size {}", count, n);
    return -1;
  }
  std::vector<Value> old(n);
  for (int64_t i = 0, j = start; i < n; ++i, j += step) {
    old[i] = l->items[j];
    l->items[j] = newref(items[i]);
  }
  for (Value v : old) decref(v);
  return 0;
}

static int list_setitem(ThreadState& ts, Value self, Value key, Value value) {
  List* l = as_list(self);
  if (is_slice(key)) return list_assign_slice(ts, l, as_slice(key), value);
  int64_t i;
  if (!seq_index(ts, key, "list", &i)) return -1;
  if (!normalize_index(i, l->size)) {
    raise(ts, ts.exc_types().IndexError, "list assignment index out of range");
    return -1;
  }
  Value old = l->items[i];
  if (value) {
    l->items[i] = newref(value);
  } else {
    std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
    --l->size;
  }
  decref(old);
  return 0;
}

// ------------------------------------------------------------ iteration

static Value list_iter_next(ThreadState&, NativeIter* it) {
  List* l = as_list(it->source);
  if (it->index < l->size) return newref(l->items[it->index++]);
  it->index = INT64_MAX;  // exhausted for good, even if the list grows later
  return Value::null();
}

static Value list_reverse_iter_next(ThreadState&, NativeIter* it) {
  List* l = as_list(it->source);
  if (it->index >= 0 && it->index < l->size) return newref(l->items[it->index--]);
  it->index = -1;
  return Value::null();
}

static Value list_iter(ThreadState& ts, Value self) {
  return native_iter_new(ts, "list_iterator", list_iter_next, self);
}

Value list_reversed(ThreadState& ts, Value self) {
  return native_iter_new(ts, "list_reverseiterator", list_reverse_iter_next, self, as_list(self)->size - 1);
}

// ------------------------------------------------------------ sort

namespace {

struct SortItem {
  Value key;
  Value value;
};

// Stable bottom-up merge sort. `less` returns 1, 0 or -1 (error); on error
// the array still holds every item (merges go to `tmp` and are copied back
// only when complete), so the list can be restored intact.
template <typename Less>
bool merge_sort(SortItem* a, int64_t n, Less&& less) {
  constexpr int64_t kRun = 32;
  for (int64_t lo = 0; lo < n; lo += kRun) {
    int64_t hi = lo + kRun < n ? lo + kRun : n;
    for (int64_t i = lo + 1; i < hi; ++i) {
      SortItem x = a[i];
      int64_t j = i;
      while (j > lo) {
        int r = less(x.key, a[j - 1].key);
        if (r < 0) {
          a[j] = x;  // the hole is at j: every item is still present
          return false;
        }
        if (!r) break;
        a[j] = a[j - 1];
        --j;
      }
      a[j] = x;
    }
  }
  if (n <= kRun) return true;
  std::vector<SortItem> tmp(n);
  for (int64_t width = kRun; width < n; width *= 2) {
    for (int64_t lo = 0; lo < n - width; lo += 2 * width) {
      int64_t mid = lo + width, hi = mid + width < n ? mid + width : n;
      // Already ordered runs (common with presorted input) need no merge.
      int r = less(a[mid].key, a[mid - 1].key);
      if (r < 0) return false;
      if (!r) continue;
      int64_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        r = less(a[j].key, a[i].key);
        if (r < 0) return false;
        tmp[k++] = r ? a[j++] : a[i++];
      }
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
      std::memcpy(a + lo, tmp.data() + lo, (hi - lo) * sizeof(SortItem));
    }
  }
  return true;
}

}  // namespace

bool list_sort(ThreadState& ts, List* l, Value key, bool reverse) {
  if (key && key.is(ts.none())) key = Value::null();
  // Detach the items so that a comparison that mutates the list is noticed
  // (and cannot free what we are sorting).
  Value* items = l->items;
  int64_t n = l->size, cap = l->capacity;
  l->items = nullptr;
  l->size = l->capacity = 0;

  std::vector<SortItem> a(n);
  bool ok = true;
  int64_t nkeys = 0;
  for (int64_t i = 0; i < n; ++i) {
    a[i].value = items[i];
    if (key) {
      a[i].key = call(ts, key, &items[i], 1);
      if (!a[i].key) {
        ok = false;
        break;
      }
      ++nkeys;
    } else {
      a[i].key = items[i];
    }
  }
  if (ok && n > 1) {
    if (reverse) std::reverse(a.begin(), a.end());
    bool all_small = true, all_float = true, all_str = true;
    for (auto& it : a) {
      all_small &= it.key.is_small();
      all_float &= is_float(it.key);
      all_str &= is_str(it.key);
    }
    if (all_small) {
      ok = merge_sort(a.data(), n, [](Value x, Value y) { return int(x.as_small() < y.as_small()); });
    } else if (all_float) {
      ok = merge_sort(a.data(), n, [](Value x, Value y) { return int(float_value(x) < float_value(y)); });
    } else if (all_str) {
      ok = merge_sort(a.data(), n, [](Value x, Value y) { return int(as_str(x)->view() < as_str(y)->view()); });
    } else {
      ok = merge_sort(a.data(), n, [&ts](Value x, Value y) { return compare_bool(ts, x, y, CompareOp::Lt); });
    }
    if (reverse) std::reverse(a.begin(), a.end());
  }
  // A failed key call leaves the original order; a failed comparison
  // leaves whatever partial order the sort reached, as in CPython.
  if (!key || nkeys == n)
    for (int64_t i = 0; i < n; ++i) items[i] = a[i].value;
  for (int64_t i = 0; i < nkeys; ++i) decref(a[i].key);

  bool modified = l->items != nullptr || l->size != 0;
  if (modified) list_clear(l);
  l->items = items;
  l->size = n;
  l->capacity = cap;
  if (modified && ok) {
    raise(ts, ts.exc_types().ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

// ------------------------------------------------------------ methods

static Value m_append(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2 || kwnames)
    return raisef(ts, ts.exc_types().TypeError, "list.append() takes exactly one argument ({} given)", nargs - 1);
  if (!list_append(ts, as_list(args[0]), args[1])) return Value::null();
  return ts.none();
}

static Value m_extend(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2 || kwnames)
    return raisef(ts, ts.exc_types().TypeError, "list.extend() takes exactly one argument ({} given)", nargs - 1);
  if (!list_extend(ts, as_list(args[0]), args[1])) return Value::null();
  return ts.none();
}

static Value m_insert(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "list.insert() takes no keyword arguments");
  if (nargs != 3) return raisef(ts, ts.exc_types().TypeError, "insert expected 2 arguments, got {}", nargs - 1);
  List* l = as_list(args[0]);
  int64_t i;
  if (!to_index(ts, args[1], &i)) return Value::null();
  if (i < 0) {
    i += l->size;
    if (i < 0) i = 0;
  }
  if (i > l->size) i = l->size;
  if (!list_reserve(ts, l, l->size + 1)) return Value::null();
  std::memmove(l->items + i + 1, l->items + i, (l->size - i) * sizeof(Value));
  l->items[i] = newref(args[2]);
  ++l->size;
  return ts.none();
}

static Value m_pop(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "list.pop() takes no keyword arguments");
  if (nargs > 2) return raisef(ts, ts.exc_types().TypeError, "pop expected at most 1 argument, got {}", nargs - 1);
  List* l = as_list(args[0]);
  int64_t i = -1;
  if (nargs == 2 && !to_index(ts, args[1], &i)) return Value::null();
  if (l->size == 0) return raise(ts, ts.exc_types().IndexError, "pop from empty list");
  if (!normalize_index(i, l->size)) return raise(ts, ts.exc_types().IndexError, "pop index out of range");
  Value item = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
  --l->size;
  return item;
}

static Value m_remove(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2 || kwnames)
    return raisef(ts, ts.exc_types().TypeError, "list.remove() takes exactly one argument ({} given)", nargs - 1);
  List* l = as_list(args[0]);
  for (int64_t i = 0; i < l->size; ++i) {
    Value x = l->items[i];
    int r = 1;
    if (!x.is(args[1])) {
      Ref hold = Ref::borrow(x);
      r = equal(ts, x, args[1]);
    }
    if (r < 0) return Value::null();
    if (r) {
      if (i < l->size && l->items[i].is(x)) {
        std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
        --l->size;
        decref(x);
      }
      return ts.none();
    }
  }
  return raise(ts, ts.exc_types().ValueError, "list.remove(x): x not in list");
}

// Resolves the optional start/stop of index() as CPython's slice-index
// conversion does (clamped, negatives from the end).
bool seq_index_bounds(ThreadState& ts, const Value* args, size_t nargs, int64_t size, int64_t* start,
                      int64_t* stop) {
  *start = 0;
  *stop = size;
  for (size_t k = 0; k < nargs; ++k) {
    int64_t v;
    Value a = args[k];
    if (a.is_small()) {
      v = a.as_small();
    } else if (is_int_like(a)) {
      if (!int_to_i64(a, &v)) v = int_sign(a) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    } else if (has_index_method(ts, a)) {
      if (!to_index(ts, a, &v)) return false;
    } else {
      raise(ts, ts.exc_types().TypeError, "slice indices must be integers or have an __index__ method");
      return false;
    }
    if (v < 0) {
      v += size;
      if (v < 0) v = 0;
    }
    (k == 0 ? *start : *stop) = v;
  }
  return true;
}

static Value m_index(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "list.index() takes no keyword arguments");
  if (nargs < 2) return raisef(ts, ts.exc_types().TypeError, "index expected at least 1 argument, got {}", nargs - 1);
  if (nargs > 4) return raisef(ts, ts.exc_types().TypeError, "index expected at most 3 arguments, got {}", nargs - 1);
  List* l = as_list(args[0]);
  int64_t start, stop;
  if (!seq_index_bounds(ts, args + 2, nargs - 2, l->size, &start, &stop)) return Value::null();
  for (int64_t i = start; i < stop && i < l->size; ++i) {
    Value x = l->items[i];
    if (x.is(args[1])) return Value::from_small(i);
    Ref hold = Ref::borrow(x);
    int r = equal(ts, x, args[1]);
    if (r < 0) return Value::null();
    if (r) return Value::from_small(i);
  }
  std::string text;
  if (!repr_utf8(ts, args[1], &text)) return Value::null();
  return raisef(ts, ts.exc_types().ValueError, "{} is not in list", text);
}

static Value m_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2 || kwnames)
    return raisef(ts, ts.exc_types().TypeError, "list.count() takes exactly one argument ({} given)", nargs - 1);
  List* l = as_list(args[0]);
  int64_t count = 0;
  for (int64_t i = 0; i < l->size; ++i) {
    Value x = l->items[i];
    if (x.is(args[1])) {
      ++count;
      continue;
    }
    Ref hold = Ref::borrow(x);
    int r = equal(ts, x, args[1]);
    if (r < 0) return Value::null();
    count += r;
  }
  return Value::from_small(count);
}

static Value m_sort(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 1) return raise(ts, ts.exc_types().TypeError, "sort() takes no positional arguments");
  Value out[2];
  if (!parse_args(ts, "sort", args + 1, nargs - 1, kwnames, {"key", "reverse"}, 0, 0, out)) return Value::null();
  bool reverse = false;
  if (out[1]) {
    int64_t r;
    if (!to_index(ts, out[1], &r)) return Value::null();
    reverse = r != 0;
  }
  if (!list_sort(ts, as_list(args[0]), out[0], reverse)) return Value::null();
  return ts.none();
}

static Value m_reverse(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "reverse", nargs - 1, kwnames, 0, 0)) return Value::null();
  List* l = as_list(args[0]);
  std::reverse(l->items, l->items + l->size);
  return ts.none();
}

static Value m_copy(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "copy", nargs - 1, kwnames, 0, 0)) return Value::null();
  List* l = as_list(args[0]);
  return list_slice(ts, l, 0, l->size);
}

static Value m_clear(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "clear", nargs - 1, kwnames, 0, 0)) return Value::null();
  list_clear(as_list(args[0]));
  return ts.none();
}

static Value m_getitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  return list_getitem(ts, args[0], args[1]);
}

static Value m_setitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__setitem__", nargs - 1, kwnames, 2, 2)) return Value::null();
  if (list_setitem(ts, args[0], args[1], args[2]) < 0) return Value::null();
  return ts.none();
}

static Value m_delitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__delitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  if (list_setitem(ts, args[0], args[1], Value::null()) < 0) return Value::null();
  return ts.none();
}

static Value m_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(as_list(args[0])->size);
}

static Value m_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = list_contains(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value m_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return list_iter(ts, args[0]);
}

static Value m_reversed(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__reversed__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return list_reversed(ts, args[0]);
}

// list.__init__: re-initialises in place, so subclasses calling
// super().__init__(iterable) behave as in CPython.
static Value m_init(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "list() takes no keyword arguments");
  if (nargs > 2) return raisef(ts, ts.exc_types().TypeError, "list expected at most 1 argument, got {}", nargs - 1);
  List* l = as_list(args[0]);
  if (nargs == 2 && args[1].is(args[0])) return ts.none();
  list_clear(l);
  if (nargs == 2 && !list_extend(ts, l, args[1])) return Value::null();
  return ts.none();
}

static Value list_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && type == ts.types().list) return raise(ts, ts.exc_types().TypeError, "list() takes no keyword arguments");
  if (nargs > 1 && type == ts.types().list)
    return raisef(ts, ts.exc_types().TypeError, "list expected at most 1 argument, got {}", nargs);
  Value self = Value::from_object(list_alloc(ts, type));
  if (type != ts.types().list) return run_subclass_init(ts, self, args, nargs, kwnames, false);
  Ref result = Ref::steal(self);
  if (nargs == 1 && !list_extend(ts, as_list(self), args[0])) return Value::null();
  return result.release();
}

void init_list_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "list", nullptr, Tag::List, sizeof(List));
  ts.interp->types.list = t;
  t->unhashable = true;
  t->slots.dealloc = list_dealloc;
  t->slots.repr = list_repr;
  t->slots.compare = list_compare;
  t->slots.binary = list_binary;
  t->slots.inplace = list_inplace;
  t->slots.len = list_len;
  t->slots.truthy = list_truthy;
  t->slots.getitem = list_getitem;
  t->slots.setitem = list_setitem;
  t->slots.contains = list_contains;
  t->slots.iter = list_iter;
  t->slots.construct = list_construct;
  add_method(ts, t, "append", m_append);
  add_method(ts, t, "extend", m_extend);
  add_method(ts, t, "insert", m_insert);
  add_method(ts, t, "pop", m_pop);
  add_method(ts, t, "remove", m_remove);
  add_method(ts, t, "index", m_index);
  add_method(ts, t, "count", m_count);
  add_method(ts, t, "sort", m_sort);
  add_method(ts, t, "reverse", m_reverse);
  add_method(ts, t, "copy", m_copy);
  add_method(ts, t, "clear", m_clear);
  add_method(ts, t, "__getitem__", m_getitem);
  add_method(ts, t, "__setitem__", m_setitem);
  add_method(ts, t, "__delitem__", m_delitem);
  add_method(ts, t, "__len__", m_len);
  add_method(ts, t, "__contains__", m_contains);
  add_method(ts, t, "__iter__", m_iter);
  add_method(ts, t, "__reversed__", m_reversed);
  add_method(ts, t, "__init__", m_init);
}

}  // namespace gilvm
