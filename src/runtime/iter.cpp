// Native iterators: one object layout (NativeIter) for every built-in
// iterator, each kind being a `next` function plus a lazily created Type
// named after it; and the enumerate/zip/map/filter/reversed objects.
//
// Trade-off: a new iterator kind costs one function rather than a type
// with its own slots, at the price of one indirect call per item (slot ->
// it->next). enumerate and zip reuse their result tuple when the consumer
// has dropped it, as CPython does, so `for i, x in enumerate(xs)` allocates
// nothing per item.
#include "runtime/iter.h"

#include <fmt/core.h>

#include <string>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/args.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

static NativeIter* as_iter(Value v) { return static_cast<NativeIter*>(v.as_object()); }

static Value iter_identity(ThreadState&, Value self) { return newref(self); }

static Value iter_iternext(ThreadState& ts, Value self) {
  NativeIter* it = as_iter(self);
  return it->next(ts, it);
}

static void iter_dealloc(Object* o) {
  auto* it = static_cast<NativeIter*>(o);
  decref(it->source);
  for (Value v : it->extra) decref(v);
}

static Value m_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return newref(args[0]);
}

static Value m_next(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__next__", nargs - 1, kwnames, 0, 0)) return Value::null();
  NativeIter* it = as_iter(args[0]);
  Value v = it->next(ts, it);
  if (v || ts.has_error()) return v;
  Value exc = exception_new(ts, ts.exc_types().StopIteration, nullptr, 0);
  if (exc) ts.set_error(exc);
  return Value::null();
}

Type* native_iter_type(ThreadState& ts, const char* type_name) {
  // Callers pass string literals: look the pointer up first, which avoids
  // building and hashing a std::string for every iterator created.
  // A direct-mapped cache in front of the map: loops create an iterator
  // each time round, and a hash-map probe costs several times this.
  auto& slot = ts.interp->iterator_type_cache[(reinterpret_cast<uintptr_t>(type_name) >> 3) %
                                              Interpreter::kIteratorTypeCacheSize];
  if (slot.first == type_name) return slot.second;
  auto& by_literal = ts.interp->iterator_types_by_literal;
  auto hit = by_literal.find(type_name);
  if (hit != by_literal.end()) {
    slot = {type_name, hit->second};
    return hit->second;
  }
  auto& types = ts.interp->native_types;
  auto found = types.find(type_name);
  if (found != types.end()) {
    by_literal.emplace(type_name, found->second);
    return found->second;
  }
  Type* t = new_builtin_type(ts, type_name, nullptr, Tag::Iterator, sizeof(NativeIter));
  t->slots.dealloc = iter_dealloc;
  t->slots.iter = iter_identity;
  t->slots.iternext = iter_iternext;
  add_method(ts, t, "__iter__", m_iter);
  add_method(ts, t, "__next__", m_next);
  types.emplace(type_name, t);
  by_literal.emplace(type_name, t);
  return t;
}

Value native_iter_new(ThreadState& ts, const char* type_name, IterNextFn next, Value source, int64_t index,
                      int64_t limit, int64_t step) {
  // A loop makes one of these per run, so like str_alloc this sets every
  // field instead of having alloc_object zero the block first.
  uint8_t size_class;
  auto* it = static_cast<NativeIter*>(small_alloc(sizeof(NativeIter), &size_class, /*zeroed=*/false));
  init_header(it, native_iter_type(ts, type_name), static_cast<uint8_t>(Tag::Iterator), size_class,
              ts.slot);
  it->next = next;
  it->source = newref(source);
  for (Value& e : it->extra) e = Value::null();
  it->index = index;
  it->limit = limit;
  it->step = step;
  return Value::from_object(it);
}

// A 2..n-tuple for the next result: the cached one when nobody else holds
// it (its old items are released), else a fresh one that becomes the cache.
static Tuple* result_tuple(ThreadState& ts, Value* cache, int64_t n) {
  if (*cache && can_reuse_in_place(cache->as_object())) {
    Tuple* t = as_tuple(*cache);
    t->hash = -1;  // it may have been hashed while in use
    for (int64_t i = 0; i < n; ++i) {
      decref(t->items[i]);
      t->items[i] = Value::null();
    }
    incref(t);
    return t;
  }
  Value t = tuple_new(ts, n);
  if (!t) return nullptr;
  decref(*cache);
  *cache = newref(t);
  return as_tuple(t);
}

// ------------------------------------------------------------ enumerate

// source: the inner iterator; index: the next count; extra[0]: the count
// as a Python int once it leaves int64 (null before); extra[1]: cached pair.
static Value enumerate_next(ThreadState& ts, NativeIter* it) {
  Value item = iter_next(ts, it->source);
  if (!item) return item;
  Value count;
  if (!it->extra[0] && it->index < Value::kMaxSmall) {
    count = Value::from_small(it->index++);
  } else {
    if (!it->extra[0]) it->extra[0] = int_from_i64(ts, it->index);
    count = it->extra[0];
    Value next = binary_op(ts, BinaryOp::Add, count, Value::from_small(1));
    if (!next) {
      decref(item);
      return next;
    }
    it->extra[0] = next;  // the old value moves into the result
  }
  Tuple* t = result_tuple(ts, &it->extra[1], 2);
  if (!t) {
    decref(item);
    decref(count);
    return Value::null();
  }
  t->items[0] = count;
  t->items[1] = item;
  return Value::from_object(t);
}

Value make_enumerate(ThreadState& ts, Value iterable, Value start) {
  int64_t first = 0;
  Ref big;
  if (start) {
    if (start.is_small()) {
      first = start.as_small();
    } else if (is_int_like(start)) {
      if (!int_to_i64(start, &first)) big = Ref::borrow(start);
    } else if (!to_index(ts, start, &first)) {
      return Value::null();
    }
  }
  Ref inner = Ref::steal(get_iter(ts, iterable));
  if (!inner) return Value::null();
  Value e = native_iter_new(ts, "enumerate", enumerate_next, inner.get(), first);
  if (e && big) as_iter(e)->extra[0] = big.release();
  return e;
}

static Value enumerate_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  if (total > 2)
    return raisef(ts, ts.exc_types().TypeError, "enumerate() takes at most 2 arguments ({} given)", total);
  Value out[2];
  if (!parse_args(ts, "enumerate", args, nargs, kwnames, {"iterable", "start"}, 0, 2, out)) return Value::null();
  if (!out[0]) return raise(ts, ts.exc_types().TypeError, "enumerate() missing required argument 'iterable'");
  return make_enumerate(ts, out[0], out[1]);
}

// ------------------------------------------------------------ zip

// source: a tuple of the iterators; index: 1 when strict; extra[0]: cached
// result tuple.
static Value zip_strict_error(ThreadState& ts, NativeIter* it, int64_t i) {
  if (ts.has_error()) {
    if (!is_instance(ts, ts.exc, ts.exc_types().StopIteration)) return Value::null();
    ts.clear_error();
  }
  const char* plural = i == 1 ? " " : "s 1-";
  if (i) return raisef(ts, ts.exc_types().ValueError, "zip() argument {} is shorter than argument{}{}", i + 1, plural, i);
  Tuple* iters = as_tuple(it->source);
  for (int64_t k = 1; k < iters->size; ++k) {
    Value item = iter_next(ts, iters->items[k]);
    if (item) {
      decref(item);
      plural = k == 1 ? " " : "s 1-";
      return raisef(ts, ts.exc_types().ValueError, "zip() argument {} is longer than argument{}{}", k + 1, plural, k);
    }
    if (ts.has_error()) {
      if (!is_instance(ts, ts.exc, ts.exc_types().StopIteration)) return Value::null();
      ts.clear_error();
    }
  }
  return Value::null();
}

static Value zip_next(ThreadState& ts, NativeIter* it) {
  Tuple* iters = as_tuple(it->source);
  int64_t n = iters->size;
  if (n == 0) return Value::null();
  Tuple* t = result_tuple(ts, &it->extra[0], n);
  if (!t) return Value::null();
  for (int64_t i = 0; i < n; ++i) {
    Value item = iter_next(ts, iters->items[i]);
    if (!item) {
      decref(t);  // its remaining null slots are fine to release
      if (it->index) return zip_strict_error(ts, it, i);
      return Value::null();
    }
    t->items[i] = item;
  }
  return Value::from_object(t);
}

Value make_zip(ThreadState& ts, const Value* iterables, size_t n, bool strict) {
  Ref iters = Ref::steal(tuple_new(ts, static_cast<int64_t>(n)));
  if (!iters) return Value::null();
  for (size_t i = 0; i < n; ++i) {
    Value it = get_iter(ts, iterables[i]);
    if (!it) return Value::null();
    as_tuple(iters.get())->items[i] = it;
  }
  return native_iter_new(ts, "zip", zip_next, iters.get(), strict ? 1 : 0);
}

static Value zip_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  if (kwnames) {
    if (kwnames->size > 1)
      return raisef(ts, ts.exc_types().TypeError, "zip() takes at most 1 keyword argument ({} given)", kwnames->size);
    std::string_view name = as_str(kwnames->items[0])->view();
    if (name != "strict")
      return raisef(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for zip()", name);
    int r = truthy(ts, args[nargs]);
    if (r < 0) return Value::null();
    strict = r;
  }
  return make_zip(ts, args, nargs, strict);
}

// ------------------------------------------------------------ map

// source: a tuple of the iterators; extra[0]: the function.
static Value map_next(ThreadState& ts, NativeIter* it) {
  Tuple* iters = as_tuple(it->source);
  if (iters->size == 1) {
    Ref item = Ref::steal(iter_next(ts, iters->items[0]));
    if (!item) return Value::null();
    Value arg = item.get();
    return call(ts, it->extra[0], &arg, 1);
  }
  constexpr int64_t kInline = 8;
  Value inline_args[kInline];
  std::vector<Value> heap_args;
  Value* argv = inline_args;
  if (iters->size > kInline) {
    heap_args.resize(iters->size);
    argv = heap_args.data();
  }
  int64_t got = 0;
  Value result = Value::null();
  for (; got < iters->size; ++got) {
    argv[got] = iter_next(ts, iters->items[got]);
    if (!argv[got]) break;
  }
  if (got == iters->size) result = call(ts, it->extra[0], argv, static_cast<size_t>(got));
  for (int64_t i = 0; i < got; ++i) decref(argv[i]);
  return result;
}

Value make_map(ThreadState& ts, Value func, const Value* iterables, size_t n) {
  Ref iters = Ref::steal(tuple_new(ts, static_cast<int64_t>(n)));
  if (!iters) return Value::null();
  for (size_t i = 0; i < n; ++i) {
    Value it = get_iter(ts, iterables[i]);
    if (!it) return Value::null();
    as_tuple(iters.get())->items[i] = it;
  }
  Value m = native_iter_new(ts, "map", map_next, iters.get());
  if (m) as_iter(m)->extra[0] = newref(func);
  return m;
}

static Value map_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "map() takes no keyword arguments");
  if (nargs < 2) return raise(ts, ts.exc_types().TypeError, "map() must have at least two arguments.");
  return make_map(ts, args[0], args + 1, nargs - 1);
}

// ------------------------------------------------------------ filter

// source: the inner iterator; extra[0]: the predicate (None: truthiness).
static Value filter_next(ThreadState& ts, NativeIter* it) {
  Value pred = it->extra[0];
  bool plain = pred.is(ts.none()) || pred.is(Value::from_object(ts.types().bool_));
  for (;;) {
    Value item = iter_next(ts, it->source);
    if (!item) return item;
    int ok;
    if (plain) {
      ok = truthy(ts, item);
    } else {
      Value r = call(ts, pred, &item, 1);
      if (!r) {
        decref(item);
        return r;
      }
      ok = truthy(ts, r);
      decref(r);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return Value::null();
  }
}

Value make_filter(ThreadState& ts, Value func, Value iterable) {
  Ref inner = Ref::steal(get_iter(ts, iterable));
  if (!inner) return Value::null();
  Value f = native_iter_new(ts, "filter", filter_next, inner.get());
  if (f) as_iter(f)->extra[0] = newref(func);
  return f;
}

static Value filter_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "filter() takes no keyword arguments");
  if (nargs != 2) return raisef(ts, ts.exc_types().TypeError, "filter expected 2 arguments, got {}", nargs);
  return make_filter(ts, args[0], args[1]);
}

// ------------------------------------------------------------ reversed

// The sequence protocol backwards: source is the sequence, index the next
// position (-1 when done).
static Value reversed_next(ThreadState& ts, NativeIter* it) {
  if (it->index < 0) return Value::null();
  Value seq = it->source;
  if (has_layout(seq, Tag::Tuple)) {
    Tuple* t = as_tuple(seq);
    if (it->index < t->size) return newref(t->items[it->index--]);
    it->index = -1;
    return Value::null();
  }
  Value item = get_item(ts, seq, Value::from_small(it->index));
  if (item) {
    --it->index;
    return item;
  }
  it->index = -1;
  if (is_instance(ts, ts.exc, ts.exc_types().IndexError) || is_instance(ts, ts.exc, ts.exc_types().StopIteration))
    ts.clear_error();
  return Value::null();
}

Value make_reversed(ThreadState& ts, Value seq) {
  if (is_list(seq)) return list_reversed(ts, seq);
  if (has_tag(seq, Tag::Range)) return range_reversed(ts, seq);
  Type* t = type_of(ts, seq);
  if (!is_tuple(seq)) {
    Value method = type_lookup(t, str_intern(ts, "__reversed__"));
    if (method.is(ts.none()))
      return raisef(ts, ts.exc_types().TypeError, "'{}' object is not reversible", type_name(ts, seq));
    if (method) return call(ts, method, &seq, 1);
  }
  bool sequence = !has_layout(seq, Tag::Dict) &&
                  (t->slots.getitem || type_lookup(t, ts.names().__getitem__).is_object());
  if (!sequence) return raisef(ts, ts.exc_types().TypeError, "'{}' object is not reversible", type_name(ts, seq));
  int64_t n = length(ts, seq);
  if (n < 0) return Value::null();
  return native_iter_new(ts, "reversed", reversed_next, seq, n - 1);
}

static Value reversed_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "reversed() takes no keyword arguments");
  if (nargs != 1) return raisef(ts, ts.exc_types().TypeError, "reversed expected 1 argument, got {}", nargs);
  return make_reversed(ts, args[0]);
}

void init_iter_types(ThreadState& ts) {
  native_iter_type(ts, "enumerate")->slots.construct = enumerate_construct;
  native_iter_type(ts, "zip")->slots.construct = zip_construct;
  native_iter_type(ts, "map")->slots.construct = map_construct;
  native_iter_type(ts, "filter")->slots.construct = filter_construct;
  native_iter_type(ts, "reversed")->slots.construct = reversed_construct;
}

}  // namespace gilvm
