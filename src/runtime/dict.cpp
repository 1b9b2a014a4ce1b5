// dict: the compact ordered hash table (dense entries + sparse int32 index)
// and its keys/values/items views.
//
// Trade-off: an empty dict allocates nothing until its first insertion,
// because most instance and keyword dicts stay small or empty; the price is
// a null check on every lookup. Keys are compared by identity first, then
// (for exact strs) by bytes, and only then through Python's __eq__, which
// may mutate the dict: a lookup that sees the table change restarts.
#include "runtime/dict.h"

#include <fmt/core.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/alloc.h"
#include "runtime/args.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"
#include "vm/limits.h"

namespace gilvm {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr int64_t kMinIndexSize = 8;
constexpr int64_t kNotFound = -1;
constexpr int64_t kError = -2;

// Two thirds of the index may be used before it must grow (CPython's
// USABLE_FRACTION): probes stay short while the index stays small.
int64_t usable_size(int64_t index_size) { return index_size * 2 / 3; }

struct Found {
  int64_t entry = kNotFound;  // entry number, kNotFound or kError
  uint64_t slot = 0;          // index slot holding it
};

Found lookup(ThreadState& ts, Dict* d, Value key, int64_t hash) {
restart:
  if (d->index_size == 0) return {};
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return {};
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key.is(key)) return {ix, i};
      if (e->hash == hash) {
        Value ek = e->key;
        if (is_str(ek) && is_str(key)) {
          if (str_equal(as_str(ek), as_str(key))) return {ix, i};
        } else if (!(ek.is_small() && key.is_small())) {
          DictEntry* entries = d->entries;
          incref(ek);
          int r = equal(ts, ek, key);
          decref(ek);
          if (r < 0) return {kError, 0};
          if (d->entries != entries || d->index_size - 1 != static_cast<int64_t>(mask) || !e->key.is(ek))
            goto restart;  // __eq__ changed the table under us
          if (r) return {ix, i};
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

uint64_t find_free_slot(Dict* d, int64_t hash) {
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (d->index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Tables come from the small-object cache when they fit (the smallest
// table's index and entries do): instance dicts are created and freed as
// often as the instances, and malloc/free was a tenth of a method-heavy
// loop. The size class is recomputed from the table size when freeing.
// Larger tables use malloc, whose failure becomes a MemoryError.
void* table_alloc(size_t bytes) {
  if (bytes > kSmallObjectLimit) return std::malloc(bytes);
  uint8_t size_class;
  return small_alloc(bytes, &size_class, /*zeroed=*/false);  // resize writes what it reads
}

void table_free(void* table, size_t bytes) {
  if (!table) return;
  if (bytes > kSmallObjectLimit) {
    std::free(table);
  } else {
    small_free(table, static_cast<uint8_t>((bytes + 15) / 16));
  }
}

// Rebuilds the index with room for at least `min_used` live entries and
// compacts the entry array (dropping deleted entries).
bool resize(ThreadState& ts, Dict* d, int64_t min_used) {
  int64_t size = kMinIndexSize;
  while (usable_size(size) < min_used) size <<= 1;
  if (size > (int64_t{1} << 30)) {
    raise(ts, ts.exc_types().MemoryError, "");
    return false;
  }
  int64_t cap = usable_size(size);
  if (!memory_available(ts, cap * sizeof(DictEntry) + size * sizeof(int32_t))) return false;
  auto* entries = static_cast<DictEntry*>(table_alloc(cap * sizeof(DictEntry)));
  auto* index = static_cast<int32_t*>(table_alloc(size * sizeof(int32_t)));
  if (!entries || !index) {
    table_free(entries, cap * sizeof(DictEntry));
    table_free(index, size * sizeof(int32_t));
    raise(ts, ts.exc_types().MemoryError, "");
    return false;
  }
  std::memset(index, 0xff, size * sizeof(int32_t));  // all kEmpty
  int64_t n = 0;
  for (int64_t k = 0; k < d->nentries; ++k)
    if (d->entries[k].key) entries[n++] = d->entries[k];
  table_free(d->entries, d->capacity * sizeof(DictEntry));
  table_free(d->index, d->index_size * sizeof(int32_t));
  d->entries = entries;
  d->index = index;
  d->index_size = size;
  d->capacity = cap;
  d->nentries = n;
  for (int64_t k = 0; k < n; ++k) index[find_free_slot(d, entries[k].hash)] = static_cast<int32_t>(k);
  return true;
}

}  // namespace

// ------------------------------------------------------------ core API

Dict* dict_alloc(ThreadState& ts, Type* type) {
  Type* dt = ts.types().dict;
  if (type == dt) return alloc<Dict>(ts, dt, Tag::Dict);
  return alloc<Dict>(ts, type, static_cast<Tag>(static_cast<uint8_t>(Tag::Dict) | kSubclassBit),
                     type->basic_size > sizeof(Dict) ? type->basic_size : sizeof(Dict));
}

Value dict_new(ThreadState& ts) { return Value::from_object(dict_alloc(ts, ts.types().dict)); }

Value dict_get_hashed(ThreadState& ts, Dict* d, Value key, int64_t hash) {
  Found f = lookup(ts, d, key, hash);
  if (f.entry < 0) return Value::null();
  return d->entries[f.entry].value;
}

Value dict_get(ThreadState& ts, Dict* d, Value key) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return Value::null();
  return dict_get_hashed(ts, d, key, h);
}

Value dict_get_str(Dict* d, Str* key) {
  int64_t ix = dict_find_str(d, key);
  return ix < 0 ? Value::null() : d->entries[ix].value;
}

bool dict_set_hashed(ThreadState& ts, Dict* d, Value key, int64_t hash, Value value) {
  Found f = lookup(ts, d, key, hash);
  if (f.entry == kError) return false;
  ++d->version;
  if (f.entry >= 0) {
    Value old = d->entries[f.entry].value;
    d->entries[f.entry].value = newref(value);
    decref(old);
    return true;
  }
  // Grow to an index of about 3 * used slots, as CPython's GROWTH_RATE.
  if (d->nentries == d->capacity && !resize(ts, d, d->used * 2 > d->used + 1 ? d->used * 2 : d->used + 1))
    return false;
  int64_t n = d->nentries++;
  d->entries[n] = {hash, newref(key), newref(value)};
  d->index[find_free_slot(d, hash)] = static_cast<int32_t>(n);
  ++d->used;
  return true;
}

bool dict_set(ThreadState& ts, Dict* d, Value key, Value value) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return false;
  return dict_set_hashed(ts, d, key, h, value);
}

bool dict_set_str(ThreadState& ts, Dict* d, std::string_view key, Value value) {
  Ref k = Ref::steal(str_new(ts, key));
  if (!k) return false;
  return dict_set(ts, d, k.get(), value);
}

static void delete_found(Dict* d, Found f) {
  DictEntry* e = &d->entries[f.entry];
  Value k = e->key, v = e->value;
  d->index[f.slot] = kDummy;
  e->key = e->value = Value::null();
  --d->used;
  ++d->version;
  decref(k);
  decref(v);
}

static int dict_del_hashed(ThreadState& ts, Dict* d, Value key, int64_t hash) {
  Found f = lookup(ts, d, key, hash);
  if (f.entry == kError) return -1;
  if (f.entry == kNotFound) return 0;
  delete_found(d, f);
  return 1;
}

int dict_del(ThreadState& ts, Dict* d, Value key) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return -1;
  return dict_del_hashed(ts, d, key, h);
}

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value) {
  while (*pos < d->nentries) {
    DictEntry* e = &d->entries[(*pos)++];
    if (e->key) {
      if (key) *key = e->key;
      if (value) *value = e->value;
      return true;
    }
  }
  return false;
}

void dict_clear(Dict* d) {
  DictEntry* entries = d->entries;
  int64_t n = d->nentries;
  int64_t capacity = d->capacity;
  table_free(d->index, d->index_size * sizeof(int32_t));
  d->entries = nullptr;
  d->index = nullptr;
  d->nentries = d->capacity = d->used = d->index_size = 0;
  ++d->version;
  for (int64_t i = 0; i < n; ++i) {
    decref(entries[i].key);
    decref(entries[i].value);
  }
  table_free(entries, capacity * sizeof(DictEntry));
}

static void dict_dealloc(Object* o) { dict_clear(static_cast<Dict*>(o)); }

bool dict_merge(ThreadState& ts, Dict* d, Dict* other) {
  if (d == other || other->used == 0) return true;
  if (d->used == 0 && d->nentries == 0 && other->used == other->nentries && d->capacity == 0) {
    // Copying into an empty dict: clone the table, no lookups needed.
    if (!resize(ts, d, other->used)) return false;
    for (int64_t k = 0; k < other->nentries; ++k) {
      DictEntry e = other->entries[k];
      d->entries[k] = {e.hash, newref(e.key), newref(e.value)};
      d->index[find_free_slot(d, e.hash)] = static_cast<int32_t>(k);
    }
    d->nentries = d->used = other->used;
    ++d->version;
    return true;
  }
  if (d->nentries + other->used > d->capacity && !resize(ts, d, d->used + other->used)) return false;
  for (int64_t k = 0; k < other->nentries; ++k) {
    DictEntry e = other->entries[k];
    if (!e.key) continue;
    Ref key = Ref::borrow(e.key), value = Ref::borrow(e.value);
    if (!dict_set_hashed(ts, d, key.get(), e.hash, value.get())) return false;
  }
  return true;
}

Value dict_copy(ThreadState& ts, Dict* d) {
  Ref result = Ref::steal(dict_new(ts));
  if (!dict_merge(ts, as_dict(result.get()), d)) return Value::null();
  return result.release();
}

// Replaces a TypeError from converting an update element with CPython's
// message; other errors pass through.
static bool update_from_pairs(ThreadState& ts, Dict* d, Value iterable) {
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return false;
  for (int64_t n = 0;; ++n) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) return !ts.has_error();
    Ref pair;
    if (has_layout(item.get(), Tag::Tuple) || has_layout(item.get(), Tag::List)) {
      pair = Ref::borrow(item.get());
    } else {
      pair = Ref::steal(list_from_iterable(ts, item.get()));
      if (!pair) {
        if (exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().TypeError)) == 1) {
          ts.clear_error();
          raisef(ts, ts.exc_types().TypeError, "cannot convert dictionary update sequence element #{} to a sequence", n);
        }
        return false;
      }
    }
    int64_t size = has_layout(pair.get(), Tag::Tuple) ? as_tuple(pair.get())->size : as_list(pair.get())->size;
    if (size != 2) {
      raisef(ts, ts.exc_types().ValueError, "dictionary update sequence element #{} has length {}; 2 is required", n, size);
      return false;
    }
    Value* kv = has_layout(pair.get(), Tag::Tuple) ? as_tuple(pair.get())->items : as_list(pair.get())->items;
    Ref key = Ref::borrow(kv[0]), value = Ref::borrow(kv[1]);
    if (!dict_set(ts, d, key.get(), value.get())) return false;
  }
}

bool dict_update(ThreadState& ts, Dict* d, Value other) {
  if (has_layout(other, Tag::Dict)) return dict_merge(ts, d, as_dict(other));
  Str* keys_name = str_intern(ts, "keys");
  Ref keys_method = Ref::steal(get_attr_optional(ts, other, keys_name));
  if (!keys_method) {
    if (ts.has_error()) return false;
    return update_from_pairs(ts, d, other);
  }
  Ref keys = Ref::steal(call(ts, keys_method.get(), nullptr, 0));
  if (!keys) return false;
  Ref it = Ref::steal(get_iter(ts, keys.get()));
  if (!it) return false;
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) return !ts.has_error();
    Ref value = Ref::steal(get_item(ts, other, key.get()));
    if (!value || !dict_set(ts, d, key.get(), value.get())) return false;
  }
}

// dict(...) and dict.update(...) arguments: one optional positional mapping
// or iterable, then keyword arguments.
static bool update_with_args(ThreadState& ts, Dict* d, const char* name, const Value* args, size_t nargs,
                             Tuple* kwnames) {
  if (nargs > 1) {
    raisef(ts, ts.exc_types().TypeError, "{} expected at most 1 argument, got {}", name, nargs);
    return false;
  }
  if (nargs == 1 && !dict_update(ts, d, args[0])) return false;
  if (kwnames)
    for (int64_t i = 0; i < kwnames->size; ++i)
      if (!dict_set(ts, d, kwnames->items[i], args[nargs + i])) return false;
  return true;
}

static Value raise_key_error(ThreadState& ts, Value key) {
  Value exc = exception_new(ts, ts.exc_types().KeyError, &key, 1);
  if (exc) ts.set_error(exc);
  return Value::null();
}

// ------------------------------------------------------------ slots

static Value dict_repr(ThreadState& ts, Value self) {
  Dict* d = as_dict(self);
  if (d->used == 0) return str_new(ts, "{}");
  if (repr_running(d)) return str_new(ts, "{...}");
  if (ts.c_stack_exhausted())
    return raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  set_repr_running(d, true);
  std::string out = "{";
  bool ok = true, first = true;
  Value k, v;
  for (int64_t pos = 0; dict_next(d, &pos, &k, &v);) {
    if (!first) out += ", ";
    first = false;
    Ref key = Ref::borrow(k), value = Ref::borrow(v);
    Ref kr = Ref::steal(repr(ts, key.get()));
    if (!kr) {
      ok = false;
      break;
    }
    out += as_str(kr.get())->view();
    out += ": ";
    Ref vr = Ref::steal(repr(ts, value.get()));
    if (!vr) {
      ok = false;
      break;
    }
    out += as_str(vr.get())->view();
  }
  set_repr_running(d, false);
  if (!ok) return Value::null();
  out += '}';
  return str_new(ts, out);
}

static int dict_equal(ThreadState& ts, Dict* a, Dict* b) {
  if (a->used != b->used) return 0;
  Value k, v;
  for (int64_t pos = 0; dict_next(a, &pos, &k, &v);) {
    int64_t h = a->entries[pos - 1].hash;
    Ref key = Ref::borrow(k), value = Ref::borrow(v);
    Value bv = dict_get_hashed(ts, b, key.get(), h);
    if (!bv) return ts.has_error() ? -1 : 0;
    if (bv.is(value.get())) continue;
    Ref hold = Ref::borrow(bv);
    int r = equal(ts, value.get(), bv);
    if (r <= 0) return r;
  }
  return 1;
}

static Value dict_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!has_layout(self, Tag::Dict) || !has_layout(other, Tag::Dict) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return newref(ts.interp->not_implemented);
  int r = dict_equal(ts, as_dict(self), as_dict(other));
  if (r < 0) return Value::null();
  return ts.bool_value((r == 1) == (op == CompareOp::Eq));
}

static Value dict_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (op != BinaryOp::Or || !has_layout(a, Tag::Dict) || !has_layout(b, Tag::Dict))
    return newref(ts.interp->not_implemented);
  Ref result = Ref::steal(dict_copy(ts, as_dict(a)));
  if (!result || !dict_merge(ts, as_dict(result.get()), as_dict(b))) return Value::null();
  return result.release();
}

static Value dict_inplace(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (op != BinaryOp::Or || !has_layout(a, Tag::Dict)) return newref(ts.interp->not_implemented);
  if (!dict_update(ts, as_dict(a), b)) return Value::null();
  return newref(a);
}

static int64_t dict_len(ThreadState&, Value self) { return as_dict(self)->used; }

static int dict_truthy(ThreadState&, Value self) { return as_dict(self)->used != 0; }

static Value dict_getitem(ThreadState& ts, Value self, Value key) {
  Dict* d = as_dict(self);
  int64_t h = hash_key(ts, key);
  if (h == -1) return Value::null();
  Value v = dict_get_hashed(ts, d, key, h);
  if (v) return newref(v);
  if (ts.has_error()) return Value::null();
  if (self.as_object()->tag & kSubclassBit) {
    // dict subclasses may supply missing values (defaultdict-style).
    Value missing = type_lookup(type_of(ts, self), str_intern(ts, "__missing__"));
    if (missing) {
      Value args[2] = {self, key};
      return call(ts, missing, args, 2);
    }
  }
  return raise_key_error(ts, key);
}

static int dict_setitem(ThreadState& ts, Value self, Value key, Value value) {
  Dict* d = as_dict(self);
  if (value) return dict_set(ts, d, key, value) ? 0 : -1;
  int64_t h = hash_key(ts, key);
  if (h == -1) return -1;
  int r = dict_del_hashed(ts, d, key, h);
  if (r == 0) {
    raise_key_error(ts, key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

static int dict_contains(ThreadState& ts, Value self, Value key) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return -1;
  Found f = lookup(ts, as_dict(self), key, h);
  if (f.entry == kError) return -1;
  return f.entry >= 0;
}

// ------------------------------------------------------------ iterators

enum class IterKind { Keys, Values, Items };

// it->index is the entry position; it->limit the size when iteration began
// (-1 once the size change has been reported, so it stays reported);
// it->step the items still to come. Finding an item when none should come
// means keys were deleted and others added at the same size.
static bool dict_iter_check(ThreadState& ts, NativeIter* it, Dict* d) {
  if (d->used == it->limit) return true;
  if (it->limit != -1) {
    it->limit = -1;
    raise(ts, ts.exc_types().RuntimeError, "dictionary changed size during iteration");
  }
  return false;
}

static bool dict_iter_expected(ThreadState& ts, NativeIter* it) {
  if (it->step-- > 0) return true;
  it->limit = -1;
  raise(ts, ts.exc_types().RuntimeError, "dictionary keys changed during iteration");
  return false;
}

template <IterKind kind>
static Value dict_iter_next(ThreadState& ts, NativeIter* it) {
  Dict* d = as_dict(it->source);
  if (!dict_iter_check(ts, it, d)) return Value::null();
  while (it->index < d->nentries) {
    DictEntry* e = &d->entries[it->index++];
    if (!e->key) continue;
    if (!dict_iter_expected(ts, it)) return Value::null();
    if constexpr (kind == IterKind::Keys) return newref(e->key);
    if constexpr (kind == IterKind::Values) return newref(e->value);
    if constexpr (kind == IterKind::Items) {
      // Reuse the previous pair when the loop body has dropped it, as
      // CPython does: `for k, v in d.items()` then allocates nothing.
      Value prev = it->extra[0];
      if (prev && can_reuse_in_place(prev.as_object())) {
        Tuple* t = as_tuple(prev);
        t->hash = -1;  // it may have been hashed while in use
        Value ok = t->items[0], ov = t->items[1];
        t->items[0] = newref(e->key);
        t->items[1] = newref(e->value);
        decref(ok);
        decref(ov);
        return newref(prev);
      }
      Value t = tuple_pack(ts, {e->key, e->value});
      if (!t) return t;
      decref(prev);
      it->extra[0] = newref(t);
      return t;
    }
  }
  it->index = INT64_MAX;
  return Value::null();
}

template <IterKind kind>
static Value dict_reverse_iter_next(ThreadState& ts, NativeIter* it) {
  Dict* d = as_dict(it->source);
  if (!dict_iter_check(ts, it, d)) return Value::null();
  while (it->index >= 0 && it->index < d->nentries) {
    DictEntry* e = &d->entries[it->index--];
    if (!e->key) continue;
    if (!dict_iter_expected(ts, it)) return Value::null();
    if constexpr (kind == IterKind::Keys) return newref(e->key);
    if constexpr (kind == IterKind::Values) return newref(e->value);
    if constexpr (kind == IterKind::Items) return tuple_pack(ts, {e->key, e->value});
  }
  it->index = -1;
  return Value::null();
}

static Value make_dict_iter(ThreadState& ts, Dict* d, IterKind kind, bool reverse) {
  static constexpr const char* kNames[2][3] = {
      {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"},
      {"dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"}};
  static constexpr IterNextFn kFns[2][3] = {
      {dict_iter_next<IterKind::Keys>, dict_iter_next<IterKind::Values>, dict_iter_next<IterKind::Items>},
      {dict_reverse_iter_next<IterKind::Keys>, dict_reverse_iter_next<IterKind::Values>,
       dict_reverse_iter_next<IterKind::Items>}};
  int k = static_cast<int>(kind);
  return native_iter_new(ts, kNames[reverse][k], kFns[reverse][k], Value::from_object(d),
                         reverse ? d->nentries - 1 : 0, d->used, d->used);
}

static Value dict_iter(ThreadState& ts, Value self) { return make_dict_iter(ts, as_dict(self), IterKind::Keys, false); }

// ------------------------------------------------------------ views

static Value view_new(ThreadState& ts, Type* type, Value dict) {
  auto* v = alloc<DictView>(ts, type, Tag::Other);
  v->dict = as_dict(newref(dict));
  return Value::from_object(v);
}

static void view_dealloc(Object* o) { decref(static_cast<DictView*>(o)->dict); }

static Dict* view_dict(Value v) { return static_cast<DictView*>(v.as_object())->dict; }

static IterKind view_kind(ThreadState& ts, Value v) {
  Type* t = v.as_object()->type;
  return t == ts.types().dict_keys ? IterKind::Keys : t == ts.types().dict_values ? IterKind::Values : IterKind::Items;
}

static bool is_view(ThreadState& ts, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == ts.types().dict_keys || t == ts.types().dict_values || t == ts.types().dict_items;
}

static bool is_set_like_view(ThreadState& ts, Value v) {
  return is_view(ts, v) && v.as_object()->type != ts.types().dict_values;
}

static Value view_repr(ThreadState& ts, Value self) {
  if (repr_running(self.as_object())) return str_new(ts, "...");
  Ref list = Ref::steal(list_from_iterable(ts, self));
  if (!list) return Value::null();
  set_repr_running(self.as_object(), true);
  Ref inner = Ref::steal(repr(ts, list.get()));
  set_repr_running(self.as_object(), false);
  if (!inner) return Value::null();
  return str_new(ts, fmt::format("{}({})", type_name(ts, self), as_str(inner.get())->view()));
}

static int64_t view_len(ThreadState&, Value self) { return view_dict(self)->used; }

static Value view_iter(ThreadState& ts, Value self) {
  return make_dict_iter(ts, view_dict(self), view_kind(ts, self), false);
}

static int view_contains(ThreadState& ts, Value self, Value item) {
  Dict* d = view_dict(self);
  switch (view_kind(ts, self)) {
    case IterKind::Keys:
      return dict_contains(ts, Value::from_object(d), item);
    case IterKind::Items: {
      if (!has_layout(item, Tag::Tuple) || as_tuple(item)->size != 2) return 0;
      Value v = dict_get(ts, d, as_tuple(item)->items[0]);
      if (!v) return ts.has_error() ? -1 : 0;
      Ref hold = Ref::borrow(v);
      return equal(ts, v, as_tuple(item)->items[1]);
    }
    case IterKind::Values: {
      Value k, v;
      for (int64_t pos = 0; dict_next(d, &pos, &k, &v);) {
        if (v.is(item)) return 1;
        Ref hold = Ref::borrow(v);
        int r = equal(ts, v, item);
        if (r) return r;
      }
      return 0;
    }
  }
  return 0;
}

// Set algebra on keys and items views: the result is a set built from the
// left operand (whichever side it is) updated with the right one.
static Value view_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (op != BinaryOp::And && op != BinaryOp::Or && op != BinaryOp::Sub && op != BinaryOp::Xor)
    return newref(ts.interp->not_implemented);
  if (!is_set_like_view(ts, a) && !is_set_like_view(ts, b)) return newref(ts.interp->not_implemented);
  Ref result = Ref::steal(set_from_iterable(ts, a));
  if (!result) return Value::null();
  Set* s = as_set(result.get());
  bool ok = op == BinaryOp::And   ? set_intersection_update(ts, s, b)
            : op == BinaryOp::Or  ? set_update(ts, s, b)
            : op == BinaryOp::Sub ? set_difference_update(ts, s, b)
                                  : set_symmetric_difference_update(ts, s, b);
  if (!ok) return Value::null();
  return result.release();
}

// Every item of `a` is in `b` (both set-like).
static int all_contained_in(ThreadState& ts, Value a, Value b) {
  Ref it = Ref::steal(get_iter(ts, a));
  if (!it) return -1;
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) return ts.has_error() ? -1 : 1;
    int r = contains(ts, b, item.get());
    if (r <= 0) return r;
  }
}

static Value view_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  bool other_set_like = is_set(other) || is_set_like_view(ts, other);
  if (!is_set_like_view(ts, self) || !other_set_like) return newref(ts.interp->not_implemented);
  int64_t n = length(ts, self), m = length(ts, other);
  if (n < 0 || m < 0) return Value::null();
  int r;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      r = n == m ? all_contained_in(ts, self, other) : 0;
      if (r >= 0 && op == CompareOp::Ne) r = !r;
      break;
    case CompareOp::Lt: r = n < m ? all_contained_in(ts, self, other) : 0; break;
    case CompareOp::Le: r = n <= m ? all_contained_in(ts, self, other) : 0; break;
    case CompareOp::Gt: r = n > m ? all_contained_in(ts, other, self) : 0; break;
    case CompareOp::Ge: r = n >= m ? all_contained_in(ts, other, self) : 0; break;
    default: r = 0;
  }
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value view_m_isdisjoint(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "isdisjoint", nargs - 1, kwnames, 1, 1)) return Value::null();
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) return Value::null();
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) return ts.has_error() ? Value::null() : ts.bool_value(true);
    int r = view_contains(ts, args[0], item.get());
    if (r < 0) return Value::null();
    if (r) return ts.bool_value(false);
  }
}

static Value view_m_reversed(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__reversed__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return make_dict_iter(ts, view_dict(args[0]), view_kind(ts, args[0]), true);
}

static Value view_m_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return view_iter(ts, args[0]);
}

static Value view_m_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(view_dict(args[0])->used);
}

static Value view_m_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = view_contains(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

// ------------------------------------------------------------ methods

static Dict* self_dict(const Value* args) { return as_dict(args[0]); }

static Value m_get(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "dict.get() takes no keyword arguments");
  if (nargs < 2) return raisef(ts, ts.exc_types().TypeError, "get expected at least 1 argument, got {}", nargs - 1);
  if (nargs > 3) return raisef(ts, ts.exc_types().TypeError, "get expected at most 2 arguments, got {}", nargs - 1);
  Value v = dict_get(ts, self_dict(args), args[1]);
  if (v) return newref(v);
  if (ts.has_error()) return Value::null();
  return newref(nargs == 3 ? args[2] : ts.none());
}

static Value m_setdefault(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "dict.setdefault() takes no keyword arguments");
  if (nargs < 2)
    return raisef(ts, ts.exc_types().TypeError, "setdefault expected at least 1 argument, got {}", nargs - 1);
  if (nargs > 3)
    return raisef(ts, ts.exc_types().TypeError, "setdefault expected at most 2 arguments, got {}", nargs - 1);
  Dict* d = self_dict(args);
  int64_t h = hash_key(ts, args[1]);
  if (h == -1) return Value::null();
  Value v = dict_get_hashed(ts, d, args[1], h);
  if (v) return newref(v);
  if (ts.has_error()) return Value::null();
  Value dflt = nargs == 3 ? args[2] : ts.none();
  if (!dict_set_hashed(ts, d, args[1], h, dflt)) return Value::null();
  return newref(dflt);
}

static Value m_pop(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "dict.pop() takes no keyword arguments");
  if (nargs < 2) return raisef(ts, ts.exc_types().TypeError, "pop expected at least 1 argument, got {}", nargs - 1);
  if (nargs > 3) return raisef(ts, ts.exc_types().TypeError, "pop expected at most 2 arguments, got {}", nargs - 1);
  Dict* d = self_dict(args);
  int64_t h = hash_key(ts, args[1]);
  if (h == -1) return Value::null();
  Found f = lookup(ts, d, args[1], h);
  if (f.entry == kError) return Value::null();
  if (f.entry == kNotFound) {
    if (nargs == 3) return newref(args[2]);
    return raise_key_error(ts, args[1]);
  }
  Value v = newref(d->entries[f.entry].value);
  delete_found(d, f);
  return v;
}

static Value m_popitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "popitem", nargs - 1, kwnames, 0, 0)) return Value::null();
  Dict* d = self_dict(args);
  if (d->used == 0) {
    Ref msg = Ref::steal(str_new(ts, "popitem(): dictionary is empty"));
    if (!msg) return Value::null();
    return raise_key_error(ts, msg.get());
  }
  int64_t i = d->nentries - 1;
  while (!d->entries[i].key) --i;
  DictEntry* e = &d->entries[i];
  Value result = tuple_pack(ts, {e->key, e->value});
  if (!result) return result;
  Found f{i, 0};
  // Locate the index slot that points at entry i.
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(e->hash);
  uint64_t slot = perturb & mask;
  while (d->index[slot] != i) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  f.slot = slot;
  delete_found(d, f);
  d->nentries = i;  // the tail is all deleted now: reuse it
  return result;
}

static Value m_update(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!update_with_args(ts, self_dict(args), "update", args + 1, nargs - 1, kwnames)) return Value::null();
  return ts.none();
}

static Value m_keys(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "keys", nargs - 1, kwnames, 0, 0)) return Value::null();
  return view_new(ts, ts.types().dict_keys, args[0]);
}

static Value m_values(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "values", nargs - 1, kwnames, 0, 0)) return Value::null();
  return view_new(ts, ts.types().dict_values, args[0]);
}

static Value m_items(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "items", nargs - 1, kwnames, 0, 0)) return Value::null();
  return view_new(ts, ts.types().dict_items, args[0]);
}

static Value m_copy(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "copy", nargs - 1, kwnames, 0, 0)) return Value::null();
  return dict_copy(ts, self_dict(args));
}

static Value m_clear(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "clear", nargs - 1, kwnames, 0, 0)) return Value::null();
  dict_clear(self_dict(args));
  return ts.none();
}

// dict.fromkeys is a classmethod in CPython. Registered as a plain method
// here, it sees either the class (called on the type with the class
// passed), an instance (called on a dict), or the iterable itself (called
// as dict.fromkeys(iterable) without binding).
static Value m_fromkeys(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "dict.fromkeys() takes no keyword arguments");
  Type* cls = ts.types().dict;
  if (nargs >= 1 && has_tag(args[0], Tag::Type)) {
    cls = static_cast<Type*>(args[0].as_object());
    ++args;
    --nargs;
  } else if (nargs >= 2 && has_layout(args[0], Tag::Dict)) {
    cls = type_of(ts, args[0]);
    ++args;
    --nargs;
  }
  if (nargs < 1) return raisef(ts, ts.exc_types().TypeError, "fromkeys expected at least 1 argument, got {}", nargs);
  if (nargs > 2) return raisef(ts, ts.exc_types().TypeError, "fromkeys expected at most 2 arguments, got {}", nargs);
  Value value = nargs == 2 ? args[1] : ts.none();
  Ref result;
  if (cls == ts.types().dict)
    result = Ref::steal(Value::from_object(dict_alloc(ts, cls)));
  else
    result = Ref::steal(call(ts, Value::from_object(cls), nullptr, 0));
  if (!result) return Value::null();
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return Value::null();
  bool fast = has_layout(result.get(), Tag::Dict);
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) break;
    bool ok = fast ? dict_set(ts, as_dict(result.get()), key.get(), value)
                   : set_item(ts, result.get(), key.get(), value) == 0;
    if (!ok) return Value::null();
  }
  if (ts.has_error()) return Value::null();
  return result.release();
}

static Value m_getitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  return dict_getitem(ts, args[0], args[1]);
}

static Value m_setitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__setitem__", nargs - 1, kwnames, 2, 2)) return Value::null();
  if (!dict_set(ts, self_dict(args), args[1], args[2])) return Value::null();
  return ts.none();
}

static Value m_delitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__delitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  if (dict_setitem(ts, args[0], args[1], Value::null()) < 0) return Value::null();
  return ts.none();
}

static Value m_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = dict_contains(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value m_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(self_dict(args)->used);
}

static Value m_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return dict_iter(ts, args[0]);
}

static Value m_reversed(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__reversed__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return make_dict_iter(ts, self_dict(args), IterKind::Keys, true);
}

// dict.__init__ for subclasses calling super().__init__(...).
static Value m_init(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!update_with_args(ts, self_dict(args), "dict", args + 1, nargs - 1, kwnames)) return Value::null();
  return ts.none();
}

static Value dict_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type != ts.types().dict)
    return run_subclass_init(ts, Value::from_object(dict_alloc(ts, type)), args, nargs, kwnames, false);
  Ref result = Ref::steal(Value::from_object(dict_alloc(ts, type)));
  if (!update_with_args(ts, as_dict(result.get()), "dict", args, nargs, kwnames)) return Value::null();
  return result.release();
}

static Type* make_view_type(ThreadState& ts, const char* name) {
  Type* t = new_builtin_type(ts, name, nullptr, Tag::Other, sizeof(DictView));
  t->unhashable = false;
  t->slots.dealloc = view_dealloc;
  t->slots.repr = view_repr;
  t->slots.len = view_len;
  t->slots.iter = view_iter;
  t->slots.contains = view_contains;
  add_method(ts, t, "__iter__", view_m_iter);
  add_method(ts, t, "__len__", view_m_len);
  add_method(ts, t, "__contains__", view_m_contains);
  add_method(ts, t, "__reversed__", view_m_reversed);
  return t;
}

void init_dict_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "dict", nullptr, Tag::Dict, sizeof(Dict));
  ts.interp->types.dict = t;
  t->unhashable = true;
  t->slots.dealloc = dict_dealloc;
  t->slots.repr = dict_repr;
  t->slots.compare = dict_compare;
  t->slots.binary = dict_binary;
  t->slots.inplace = dict_inplace;
  t->slots.len = dict_len;
  t->slots.truthy = dict_truthy;
  t->slots.getitem = dict_getitem;
  t->slots.setitem = dict_setitem;
  t->slots.contains = dict_contains;
  t->slots.iter = dict_iter;
  t->slots.construct = dict_construct;
  add_method(ts, t, "get", m_get);
  add_method(ts, t, "setdefault", m_setdefault);
  add_method(ts, t, "pop", m_pop);
  add_method(ts, t, "popitem", m_popitem);
  add_method(ts, t, "update", m_update);
  add_method(ts, t, "keys", m_keys);
  add_method(ts, t, "values", m_values);
  add_method(ts, t, "items", m_items);
  add_method(ts, t, "copy", m_copy);
  add_method(ts, t, "clear", m_clear);
  add_method(ts, t, "fromkeys", m_fromkeys);
  add_method(ts, t, "__getitem__", m_getitem);
  add_method(ts, t, "__setitem__", m_setitem);
  add_method(ts, t, "__delitem__", m_delitem);
  add_method(ts, t, "__contains__", m_contains);
  add_method(ts, t, "__len__", m_len);
  add_method(ts, t, "__iter__", m_iter);
  add_method(ts, t, "__reversed__", m_reversed);
  add_method(ts, t, "__init__", m_init);

  Type* keys = make_view_type(ts, "dict_keys");
  Type* values = make_view_type(ts, "dict_values");
  Type* items = make_view_type(ts, "dict_items");
  for (Type* v : {keys, items}) {
    v->slots.binary = view_binary;
    v->slots.compare = view_compare;
    add_method(ts, v, "isdisjoint", view_m_isdisjoint);
  }
  // Keys views hash like sets do not (they are unhashable in CPython only
  // through __eq__ without __hash__); items views likewise.
  keys->unhashable = items->unhashable = true;
  ts.interp->types.dict_keys = keys;
  ts.interp->types.dict_values = values;
  ts.interp->types.dict_items = items;
}

}  // namespace gilvm
