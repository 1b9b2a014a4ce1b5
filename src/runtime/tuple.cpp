// tuple: an immutable array of owned Values, allocated inline after the
// header so a tuple is one allocation.
//
// The hash is CPython's xxHash-based tuple hash, so hash((1, 2)) and the
// iteration order of sets of tuples match CPython; it is cached in the
// object because tuples are hashed again and again as dict keys.
#include <fmt/core.h>

#include <cstring>
#include <string>

#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"
#include "vm/limits.h"

namespace gilvm {

static Tuple* tuple_alloc(ThreadState& ts, Type* type, int64_t size) {
  Type* tt = ts.types().tuple;
  Tag tag = type == tt ? Tag::Tuple : static_cast<Tag>(static_cast<uint8_t>(Tag::Tuple) | kSubclassBit);
  // A subclass may declare extra fields (e.g. an instance dict): room for
  // them is added after the items, whose offset is fixed by the layout.
  size_t extra = type == tt || type->basic_size < sizeof(Tuple) ? 0 : type->basic_size - sizeof(Tuple);
  auto* t = alloc<Tuple>(ts, type, tag, sizeof(Tuple) + size * sizeof(Value) + extra);
  t->size = size;
  t->hash = -1;
  return t;
}

Value tuple_new(ThreadState& ts, int64_t size) {
  if (size == 0 && ts.interp->empty_tuple) return ts.interp->empty_tuple;
  if (size < 0 || size > (int64_t{1} << 58)) return raise(ts, ts.exc_types().MemoryError, "");
  if (!memory_available(ts, static_cast<size_t>(size) * sizeof(Value))) return Value::null();
  return Value::from_object(tuple_alloc(ts, ts.types().tuple, size));
}

Value tuple_from_array(ThreadState& ts, const Value* items, int64_t n) {
  Value t = tuple_new(ts, n);
  if (!t) return t;
  for (int64_t i = 0; i < n; ++i) as_tuple(t)->items[i] = newref(items[i]);
  return t;
}

Value tuple_pack(ThreadState& ts, std::initializer_list<Value> items) {
  return tuple_from_array(ts, items.begin(), static_cast<int64_t>(items.size()));
}

Value tuple_from_iterable(ThreadState& ts, Value iterable) {
  if (is_tuple(iterable)) return newref(iterable);
  if (has_layout(iterable, Tag::List) || has_layout(iterable, Tag::Tuple)) {
    int64_t n = has_layout(iterable, Tag::List) ? as_list(iterable)->size : as_tuple(iterable)->size;
    Value* items = has_layout(iterable, Tag::List) ? as_list(iterable)->items : as_tuple(iterable)->items;
    return tuple_from_array(ts, items, n);
  }
  Ref list = Ref::steal(list_from_iterable(ts, iterable));
  if (!list) return Value::null();
  List* l = as_list(list.get());
  Value t = tuple_new(ts, l->size);
  if (!t) return t;
  // Move the items: the temporary list gives up its references.
  for (int64_t i = 0; i < l->size; ++i) as_tuple(t)->items[i] = l->items[i];
  l->size = 0;
  return t;
}

static void tuple_dealloc(Object* o) {
  auto* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) decref(t->items[i]);
}

// ------------------------------------------------------------ slots

static Value tuple_repr(ThreadState& ts, Value self) {
  Tuple* t = as_tuple(self);
  if (t->size == 0) return str_new(ts, "()");
  // A tuple reached again through a list inside it prints as (...), as in CPython.
  if (repr_running(t)) return str_new(ts, "(...)");
  if (ts.c_stack_exhausted())
    return raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  set_repr_running(t, true);
  std::string out = "(";
  for (int64_t i = 0; i < t->size; ++i) {
    if (i) out += ", ";
    Value r = repr(ts, t->items[i]);
    if (!r) {
      set_repr_running(t, false);
      return r;
    }
    out += as_str(r)->view();
    decref(r);
  }
  set_repr_running(t, false);
  if (t->size == 1) out += ',';
  out += ')';
  return str_new(ts, out);
}

static int64_t tuple_hash(ThreadState& ts, Value self) {
  Tuple* t = as_tuple(self);
  if (t->hash != -1) return t->hash;
  if (ts.c_stack_exhausted()) {
    raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded while hashing");
    return -1;
  }
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; ++i) {
    int64_t lane = hash_key(ts, t->items[i]);
    if (lane == -1) return -1;
    acc += static_cast<uint64_t>(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539UL);
  int64_t h = acc == static_cast<uint64_t>(-1) ? 1546275796 : static_cast<int64_t>(acc);
  t->hash = h;
  return h;
}

static Value tuple_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!has_layout(self, Tag::Tuple) || !has_layout(other, Tag::Tuple)) return newref(ts.interp->not_implemented);
  return seq_compare(ts, self, other, op);
}

static Value tuple_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  bool a_tuple = has_layout(a, Tag::Tuple);
  if (op == BinaryOp::Add) {
    if (!a_tuple) return newref(ts.interp->not_implemented);
    if (!has_layout(b, Tag::Tuple)) {
      if (seq_defer_to_other(ts, b)) return newref(ts.interp->not_implemented);
      return raisef(ts, ts.exc_types().TypeError, "can only concatenate tuple (not \"{}\") to tuple", type_name(ts, b));
    }
    Tuple *x = as_tuple(a), *y = as_tuple(b);
    if (y->size == 0 && is_tuple(a)) return newref(a);
    if (x->size == 0 && is_tuple(b)) return newref(b);
    Value r = tuple_new(ts, x->size + y->size);
    if (!r) return r;
    for (int64_t i = 0; i < x->size; ++i) as_tuple(r)->items[i] = newref(x->items[i]);
    for (int64_t i = 0; i < y->size; ++i) as_tuple(r)->items[x->size + i] = newref(y->items[i]);
    return r;
  }
  if (op == BinaryOp::Mul) {
    Value seq = a_tuple ? a : b, count = a_tuple ? b : a;
    if (!has_layout(seq, Tag::Tuple)) return newref(ts.interp->not_implemented);
    if (seq_repeat_defers(ts, count, a_tuple)) return newref(ts.interp->not_implemented);
    int64_t n;
    if (!seq_repeat_count(ts, count, &n)) return Value::null();
    Tuple* t = as_tuple(seq);
    if (n == 1 && is_tuple(seq)) return newref(seq);
    if (n <= 0 || t->size == 0) return tuple_new(ts, 0);
    if (n > (int64_t{1} << 58) / t->size) return raise(ts, ts.exc_types().MemoryError, "");
    Value r = tuple_new(ts, t->size * n);
    if (!r) return r;
    for (int64_t k = 0, pos = 0; k < n; ++k)
      for (int64_t i = 0; i < t->size; ++i) as_tuple(r)->items[pos++] = newref(t->items[i]);
    return r;
  }
  return newref(ts.interp->not_implemented);
}

static int64_t tuple_len(ThreadState&, Value self) { return as_tuple(self)->size; }

static int tuple_truthy(ThreadState&, Value self) { return as_tuple(self)->size != 0; }

static int tuple_contains(ThreadState& ts, Value self, Value item) {
  Tuple* t = as_tuple(self);
  for (int64_t i = 0; i < t->size; ++i) {
    Value x = t->items[i];
    if (x.is(item)) return 1;
    if (x.is_small() && item.is_small()) continue;
    int r = equal(ts, x, item);
    if (r) return r;
  }
  return 0;
}

static Value tuple_getitem(ThreadState& ts, Value self, Value key) {
  Tuple* t = as_tuple(self);
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), t->size, &start, &stop, &step, &n)) return Value::null();
    if (n == t->size && step == 1 && is_tuple(self)) return newref(self);
    Value r = tuple_new(ts, n);
    if (!r) return r;
    for (int64_t i = 0, j = start; i < n; ++i, j += step) as_tuple(r)->items[i] = newref(t->items[j]);
    return r;
  }
  int64_t i;
  if (!seq_index(ts, key, "tuple", &i)) return Value::null();
  if (!normalize_index(i, t->size)) return raise(ts, ts.exc_types().IndexError, "tuple index out of range");
  return newref(t->items[i]);
}

static Value tuple_iter_next(ThreadState&, NativeIter* it) {
  Tuple* t = as_tuple(it->source);
  if (it->index < t->size) return newref(t->items[it->index++]);
  return Value::null();
}

static Value tuple_iter(ThreadState& ts, Value self) {
  return native_iter_new(ts, "tuple_iterator", tuple_iter_next, self);
}

static Value tuple_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == ts.types().tuple) {
    if (kwnames) return raise(ts, ts.exc_types().TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1) return raisef(ts, ts.exc_types().TypeError, "tuple expected at most 1 argument, got {}", nargs);
    if (nargs == 0) return tuple_new(ts, 0);
    return tuple_from_iterable(ts, args[0]);
  }
  // A subclass: copy the items into an instance of `type`.
  Ref items = Ref::steal(nargs >= 1 ? tuple_from_iterable(ts, args[0]) : tuple_new(ts, 0));
  if (!items) return Value::null();
  Tuple* src = as_tuple(items.get());
  Tuple* t = tuple_alloc(ts, type, src->size);
  for (int64_t i = 0; i < src->size; ++i) t->items[i] = newref(src->items[i]);
  return run_subclass_init(ts, Value::from_object(t), args, nargs, kwnames, true);
}

// ------------------------------------------------------------ methods

static Value m_index(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "tuple.index() takes no keyword arguments");
  if (nargs < 2) return raisef(ts, ts.exc_types().TypeError, "index expected at least 1 argument, got {}", nargs - 1);
  if (nargs > 4) return raisef(ts, ts.exc_types().TypeError, "index expected at most 3 arguments, got {}", nargs - 1);
  Tuple* t = as_tuple(args[0]);
  int64_t start, stop;
  if (!seq_index_bounds(ts, args + 2, nargs - 2, t->size, &start, &stop)) return Value::null();
  for (int64_t i = start; i < stop && i < t->size; ++i) {
    if (t->items[i].is(args[1])) return Value::from_small(i);
    int r = equal(ts, t->items[i], args[1]);
    if (r < 0) return Value::null();
    if (r) return Value::from_small(i);
  }
  return raise(ts, ts.exc_types().ValueError, "tuple.index(x): x not in tuple");
}

static Value m_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2 || kwnames)
    return raisef(ts, ts.exc_types().TypeError, "tuple.count() takes exactly one argument ({} given)", nargs - 1);
  Tuple* t = as_tuple(args[0]);
  int64_t count = 0;
  for (int64_t i = 0; i < t->size; ++i) {
    if (t->items[i].is(args[1])) {
      ++count;
      continue;
    }
    int r = equal(ts, t->items[i], args[1]);
    if (r < 0) return Value::null();
    count += r;
  }
  return Value::from_small(count);
}

static Value m_getitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  return tuple_getitem(ts, args[0], args[1]);
}

static Value m_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(as_tuple(args[0])->size);
}

static Value m_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = tuple_contains(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value m_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return tuple_iter(ts, args[0]);
}

static Value m_hash(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__hash__", nargs - 1, kwnames, 0, 0)) return Value::null();
  int64_t h = tuple_hash(ts, args[0]);
  if (h == -1) return Value::null();
  return int_from_i64(ts, h);
}

void init_tuple_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "tuple", nullptr, Tag::Tuple, sizeof(Tuple));
  ts.interp->types.tuple = t;
  t->slots.dealloc = tuple_dealloc;
  t->slots.repr = tuple_repr;
  t->slots.hash = tuple_hash;
  t->slots.compare = tuple_compare;
  t->slots.binary = tuple_binary;
  t->slots.len = tuple_len;
  t->slots.truthy = tuple_truthy;
  t->slots.getitem = tuple_getitem;
  t->slots.contains = tuple_contains;
  t->slots.iter = tuple_iter;
  t->slots.construct = tuple_construct;
  add_method(ts, t, "index", m_index);
  add_method(ts, t, "count", m_count);
  add_method(ts, t, "__getitem__", m_getitem);
  add_method(ts, t, "__len__", m_len);
  add_method(ts, t, "__contains__", m_contains);
  add_method(ts, t, "__iter__", m_iter);
  add_method(ts, t, "__hash__", m_hash);

  // The empty tuple is a shared immortal singleton, as in CPython.
  Tuple* empty = tuple_alloc(ts, t, 0);
  make_immortal(empty);
  ts.interp->empty_tuple = Value::from_object(empty);
}

}  // namespace gilvm
