// set and frozenset: CPython's open-addressing table, reproduced closely
// (8 initial slots, LINEAR_PROBES = 9 then perturbation, the same resize
// points and the same insertion order in merges) because users print sets
// and expect CPython's order, e.g. {3, 1, 2} prints as {1, 2, 3}.
//
// Entry states: empty = {hash 0, key null}; deleted ("dummy") = {hash -1,
// key null} (a live hash is never -1); live = key non-null. The `hash`
// field of the Set caches a frozenset's hash; a mutable set never needs it,
// so there it is the "finger" that makes repeated pop() O(1) amortised.
#include "runtime/set.h"

#include <fmt/core.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

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
#include "vm/limits.h"

namespace gilvm {

namespace {

constexpr int64_t kMinSize = 8;
constexpr uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kDummyHash = -1;

bool is_live(const SetEntry& e) { return !e.key.is_null(); }
bool is_empty(const SetEntry& e) { return e.key.is_null() && e.hash == 0; }

bool is_frozen(Value v) { return has_layout(v, Tag::FrozenSet); }
bool is_any_set(Value v) { return has_layout(v, Tag::Set) || has_layout(v, Tag::FrozenSet); }

SetEntry* new_table(int64_t size) { return static_cast<SetEntry*>(std::calloc(size, sizeof(SetEntry))); }

// Places a key known to be absent into a table without dummies.
void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    SetEntry* e = &table[i];
    if (e->key.is_null()) goto found;
    if (i + kLinearProbes <= mask) {
      for (uint64_t j = 0; j < kLinearProbes; ++j) {
        ++e;
        if (e->key.is_null()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    e->key = key;
    e->hash = hash;
    return;
  }
}

bool table_resize(ThreadState& ts, Set* s, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  if (!memory_available(ts, static_cast<size_t>(newsize) * sizeof(SetEntry))) return false;
  SetEntry* table = new_table(newsize);
  if (!table) {
    raise(ts, ts.exc_types().MemoryError, "");
    return false;
  }
  SetEntry* old = s->table;
  int64_t oldsize = s->mask + 1;
  uint64_t mask = static_cast<uint64_t>(newsize - 1);
  for (int64_t i = 0; i < oldsize; ++i)
    if (is_live(old[i])) insert_clean(table, mask, old[i].key, old[i].hash);
  std::free(old);
  s->table = table;
  s->mask = newsize - 1;
  s->fill = s->used;
  return true;
}

// Looks `key` up: 1 found (*out = its entry), 0 missing, -1 error.
int lookkey(ThreadState& ts, Set* s, Value key, int64_t hash, SetEntry** out) {
restart:
  SetEntry* table = s->table;
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    SetEntry* e = &table[i];
    uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (;;) {
      if (is_empty(*e)) return 0;
      if (e->hash == hash && is_live(*e)) {
        Value start = e->key;
        if (start.is(key)) {
          *out = e;
          return 1;
        }
        if (is_str(start) && is_str(key)) {
          if (str_equal(as_str(start), as_str(key))) {
            *out = e;
            return 1;
          }
        } else if (!(start.is_small() && key.is_small())) {
          incref(start);
          int r = equal(ts, start, key);
          decref(start);
          if (r < 0) return -1;
          if (table != s->table || !e->key.is(start)) goto restart;
          if (r) {
            *out = e;
            return 1;
          }
        }
      }
      if (probes-- == 0) break;
      ++e;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry: inserts unless present; steals nothing (increfs key).
bool add_entry(ThreadState& ts, Set* s, Value key, int64_t hash) {
  incref(key);  // keep it alive across comparisons
restart:
  SetEntry* table = s->table;
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  SetEntry* freeslot = nullptr;
  for (;;) {
    SetEntry* e = &table[i];
    uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (;;) {
      if (is_empty(*e)) {
        if (freeslot) {
          ++s->used;
          freeslot->key = key;
          freeslot->hash = hash;
          return true;
        }
        ++s->fill;
        ++s->used;
        e->key = key;
        e->hash = hash;
        if (static_cast<uint64_t>(s->fill) * 5 < mask * 3) return true;
        return table_resize(ts, s, s->used > 50000 ? s->used * 2 : s->used * 4);
      }
      if (e->hash == hash && is_live(*e)) {
        Value start = e->key;
        if (start.is(key)) break;
        if (is_str(start) && is_str(key)) {
          if (str_equal(as_str(start), as_str(key))) goto found_active;
        } else if (!(start.is_small() && key.is_small())) {
          incref(start);
          int r = equal(ts, start, key);
          decref(start);
          if (r > 0) goto found_active;
          if (r < 0) {
            decref(key);
            return false;
          }
          if (table != s->table || !e->key.is(start)) goto restart;
        }
      } else if (e->hash == kDummyHash && !is_live(*e) && !freeslot) {
        freeslot = e;
      }
      if (probes-- == 0) goto next_probe;
      ++e;
    }
    goto found_active;  // identity match (the break above)
  next_probe:
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_active:
  decref(key);
  return true;
}

int discard_entry(ThreadState& ts, Set* s, Value key, int64_t hash) {
  SetEntry* e;
  int r = lookkey(ts, s, key, hash, &e);
  if (r <= 0) return r;
  Value old = e->key;
  e->key = Value::null();
  e->hash = kDummyHash;
  --s->used;
  decref(old);
  return 1;
}

int contains_entry(ThreadState& ts, Set* s, Value key, int64_t hash) {
  SetEntry* e;
  return lookkey(ts, s, key, hash, &e);
}

void set_clear_internal(Set* s) {
  SetEntry* table = s->table;
  int64_t size = s->mask + 1;
  // Detach before releasing: a key's __del__ may look at the set.
  s->table = new_table(kMinSize);
  s->mask = kMinSize - 1;
  s->fill = s->used = 0;
  for (int64_t i = 0; i < size; ++i) decref(table[i].key);
  std::free(table);
}

// set_merge: adds every key of another set, in CPython's order.
bool set_merge(ThreadState& ts, Set* s, Set* other) {
  if (s == other || other->used == 0) return true;
  if ((s->fill + other->used) * 5 >= s->mask * 3 && !table_resize(ts, s, (s->used + other->used) * 2)) return false;
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      if (is_live(other->table[i])) {
        s->table[i].key = newref(other->table[i].key);
        s->table[i].hash = other->table[i].hash;
      }
    }
    s->fill = s->used = other->used;
    return true;
  }
  if (s->fill == 0) {
    uint64_t mask = static_cast<uint64_t>(s->mask);
    s->fill = s->used = other->used;
    for (int64_t i = 0; i <= other->mask; ++i)
      if (is_live(other->table[i])) insert_clean(s->table, mask, newref(other->table[i].key), other->table[i].hash);
    return true;
  }
  for (int64_t i = 0; i <= other->mask; ++i) {
    SetEntry e = other->table[i];
    if (is_live(e)) {
      Ref hold = Ref::borrow(e.key);
      if (!add_entry(ts, s, e.key, e.hash)) return false;
    }
  }
  return true;
}

bool set_update_internal(ThreadState& ts, Set* s, Value other) {
  if (is_any_set(other)) return set_merge(ts, s, as_set(other));
  if (has_layout(other, Tag::Dict)) {
    Dict* d = as_dict(other);
    if ((s->fill + d->used) * 5 >= s->mask * 3 && !table_resize(ts, s, (s->used + d->used) * 2)) return false;
    for (int64_t i = 0; i < d->nentries; ++i) {
      DictEntry e = d->entries[i];
      if (e.key.is_null()) continue;
      Ref hold = Ref::borrow(e.key);
      if (!add_entry(ts, s, e.key, e.hash)) return false;
    }
    return true;
  }
  Ref it = Ref::steal(get_iter(ts, other));
  if (!it) return false;
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) return !ts.has_error();
    int64_t h = hash_key(ts, key.get());
    if (h == -1 || !add_entry(ts, s, key.get(), h)) return false;
  }
}

Set* set_alloc(ThreadState& ts, Type* type) {
  bool frozen = is_subtype(type, ts.types().frozenset);
  Type* base = frozen ? ts.types().frozenset : ts.types().set;
  Tag tag = frozen ? Tag::FrozenSet : Tag::Set;
  if (type != base) tag = static_cast<Tag>(static_cast<uint8_t>(tag) | kSubclassBit);
  size_t size = type == base || type->basic_size < sizeof(Set) ? sizeof(Set) : type->basic_size;
  Set* s = alloc<Set>(ts, type, tag, size);
  s->table = new_table(kMinSize);
  s->mask = kMinSize - 1;
  s->hash = frozen ? -1 : 0;
  if (!s->table) {
    decref(s);
    raise(ts, ts.exc_types().MemoryError, "");
    return nullptr;
  }
  return s;
}

// make_new_set: a set of `type` filled from `iterable` (may be null).
Value make_new_set(ThreadState& ts, Type* type, Value iterable) {
  Set* s = set_alloc(ts, type);
  if (!s) return Value::null();
  Ref result = Ref::steal(Value::from_object(s));
  if (iterable && !set_update_internal(ts, s, iterable)) return Value::null();
  return result.release();
}

// Results of set algebra are plain sets or frozensets, never subclasses.
Type* basetype(ThreadState& ts, Value v) { return is_frozen(v) ? ts.types().frozenset : ts.types().set; }

Value set_copy(ThreadState& ts, Value so) { return make_new_set(ts, basetype(ts, so), so); }

void swap_bodies(Set* a, Set* b) {
  std::swap(a->table, b->table);
  std::swap(a->mask, b->mask);
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
}

Value set_intersection(ThreadState& ts, Value so_v, Value other) {
  if (so_v.is(other)) return set_copy(ts, so_v);
  Ref result = Ref::steal(make_new_set(ts, basetype(ts, so_v), Value::null()));
  if (!result) return Value::null();
  Set* r = as_set(result.get());
  Set* so = as_set(so_v);
  if (is_any_set(other)) {
    Set* o = as_set(other);
    if (o->used > so->used) std::swap(so, o);
    for (int64_t i = 0; i <= o->mask; ++i) {
      SetEntry e = o->table[i];
      if (!is_live(e)) continue;
      Ref hold = Ref::borrow(e.key);
      int c = contains_entry(ts, so, e.key, e.hash);
      if (c < 0) return Value::null();
      if (c && !add_entry(ts, r, e.key, e.hash)) return Value::null();
    }
    return result.release();
  }
  Ref it = Ref::steal(get_iter(ts, other));
  if (!it) return Value::null();
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) break;
    int64_t h = hash_key(ts, key.get());
    if (h == -1) return Value::null();
    int c = contains_entry(ts, so, key.get(), h);
    if (c < 0) return Value::null();
    if (c && !add_entry(ts, r, key.get(), h)) return Value::null();
  }
  if (ts.has_error()) return Value::null();
  return result.release();
}

bool difference_update_internal(ThreadState& ts, Set* s, Value other) {
  if (Value::from_object(s).is(other)) {
    set_clear_internal(s);
    return true;
  }
  if (is_any_set(other)) {
    Set* o = as_set(other);
    for (int64_t i = 0; i <= o->mask; ++i) {
      SetEntry e = o->table[i];
      if (!is_live(e)) continue;
      Ref hold = Ref::borrow(e.key);
      if (discard_entry(ts, s, e.key, e.hash) < 0) return false;
    }
    return true;
  }
  Ref it = Ref::steal(get_iter(ts, other));
  if (!it) return false;
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) return !ts.has_error();
    int64_t h = hash_key(ts, key.get());
    if (h == -1 || discard_entry(ts, s, key.get(), h) < 0) return false;
  }
}

Value set_difference(ThreadState& ts, Value so_v, Value other) {
  Set* so = as_set(so_v);
  int64_t other_size;
  if (is_any_set(other))
    other_size = as_set(other)->used;
  else if (has_layout(other, Tag::Dict))
    other_size = as_dict(other)->used;
  else
    other_size = -1;
  if (other_size < 0 || (so->used >> 2) > other_size) {
    Ref result = Ref::steal(set_copy(ts, so_v));
    if (!result || !difference_update_internal(ts, as_set(result.get()), other)) return Value::null();
    return result.release();
  }
  Ref result = Ref::steal(make_new_set(ts, basetype(ts, so_v), Value::null()));
  if (!result) return Value::null();
  Set* r = as_set(result.get());
  for (int64_t i = 0; i <= so->mask; ++i) {
    SetEntry e = so->table[i];
    if (!is_live(e)) continue;
    Ref hold = Ref::borrow(e.key);
    int c;
    if (is_any_set(other)) {
      c = contains_entry(ts, as_set(other), e.key, e.hash);
    } else {
      Value v = dict_get_hashed(ts, as_dict(other), e.key, e.hash);
      c = v ? 1 : ts.has_error() ? -1 : 0;
    }
    if (c < 0) return Value::null();
    if (!c && !add_entry(ts, r, e.key, e.hash)) return Value::null();
  }
  return result.release();
}

bool symmetric_difference_update_internal(ThreadState& ts, Set* s, Value other) {
  if (Value::from_object(s).is(other)) {
    set_clear_internal(s);
    return true;
  }
  if (has_layout(other, Tag::Dict)) {
    Dict* d = as_dict(other);
    Value k, v;
    for (int64_t pos = 0; dict_next(d, &pos, &k, &v);) {
      int64_t h = d->entries[pos - 1].hash;
      Ref hold = Ref::borrow(k);
      int r = discard_entry(ts, s, k, h);
      if (r < 0) return false;
      if (r == 0 && !add_entry(ts, s, k, h)) return false;
    }
    return true;
  }
  Ref otherset = is_any_set(other) ? Ref::borrow(other) : Ref::steal(make_new_set(ts, basetype(ts, Value::from_object(s)), other));
  if (!otherset) return false;
  Set* o = as_set(otherset.get());
  for (int64_t i = 0; i <= o->mask; ++i) {
    SetEntry e = o->table[i];
    if (!is_live(e)) continue;
    Ref hold = Ref::borrow(e.key);
    int r = discard_entry(ts, s, e.key, e.hash);
    if (r < 0) return false;
    if (r == 0 && !add_entry(ts, s, e.key, e.hash)) return false;
  }
  return true;
}

Value set_symmetric_difference(ThreadState& ts, Value so, Value other) {
  Ref result = Ref::steal(make_new_set(ts, basetype(ts, so), other));
  if (!result || !symmetric_difference_update_internal(ts, as_set(result.get()), so)) return Value::null();
  return result.release();
}

// issubset with both operands sets.
int is_subset(ThreadState& ts, Set* a, Set* b) {
  if (a->used > b->used) return 0;
  for (int64_t i = 0; i <= a->mask; ++i) {
    SetEntry e = a->table[i];
    if (!is_live(e)) continue;
    Ref hold = Ref::borrow(e.key);
    int r = contains_entry(ts, b, e.key, e.hash);
    if (r <= 0) return r;
  }
  return 1;
}

}  // namespace

// ------------------------------------------------------------ public API

Value set_new(ThreadState& ts, bool frozen) {
  Set* s = set_alloc(ts, frozen ? ts.types().frozenset : ts.types().set);
  return s ? Value::from_object(s) : Value::null();
}

bool set_add(ThreadState& ts, Set* s, Value key) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return false;
  return add_entry(ts, s, key, h);
}

int set_contains(ThreadState& ts, Set* s, Value key) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return -1;
  return contains_entry(ts, s, key, h);
}

int set_discard(ThreadState& ts, Set* s, Value key) {
  int64_t h = hash_key(ts, key);
  if (h == -1) return -1;
  return discard_entry(ts, s, key, h);
}

bool set_next(Set* s, int64_t* pos, Value* key) {
  while (*pos <= s->mask) {
    SetEntry& e = s->table[(*pos)++];
    if (is_live(e)) {
      *key = e.key;
      return true;
    }
  }
  return false;
}

Value set_from_iterable(ThreadState& ts, Value iterable, bool frozen) {
  return make_new_set(ts, frozen ? ts.types().frozenset : ts.types().set, iterable);
}

bool set_update(ThreadState& ts, Set* s, Value iterable) { return set_update_internal(ts, s, iterable); }

bool set_intersection_update(ThreadState& ts, Set* s, Value iterable) {
  Ref r = Ref::steal(set_intersection(ts, Value::from_object(s), iterable));
  if (!r) return false;
  swap_bodies(s, as_set(r.get()));
  return true;
}

bool set_difference_update(ThreadState& ts, Set* s, Value iterable) {
  return difference_update_internal(ts, s, iterable);
}

bool set_symmetric_difference_update(ThreadState& ts, Set* s, Value iterable) {
  return symmetric_difference_update_internal(ts, s, iterable);
}

// ------------------------------------------------------------ slots

static void set_dealloc(Object* o) {
  Set* s = static_cast<Set*>(o);
  if (!s->table) return;
  for (int64_t i = 0; i <= s->mask; ++i) decref(s->table[i].key);
  std::free(s->table);
  s->table = nullptr;
}

static Value set_repr(ThreadState& ts, Value self) {
  Set* s = as_set(self);
  std::string_view name = type_name(ts, self);
  bool plain_set = is_set(self) && !is_frozen(self);
  if (s->used == 0) return str_new(ts, fmt::format("{}()", name));
  if (repr_running(self.as_object())) return str_new(ts, fmt::format("{}(...)", name));
  set_repr_running(self.as_object(), true);
  std::string out = plain_set ? "{" : fmt::format("{}({{", name);
  bool ok = true, first = true;
  Ref keys = Ref::steal(list_new(ts));  // snapshot: repr may mutate the set
  Value k;
  for (int64_t pos = 0; ok && set_next(s, &pos, &k);) ok = list_append(ts, as_list(keys.get()), k);
  for (int64_t i = 0; ok && i < as_list(keys.get())->size; ++i) {
    if (!first) out += ", ";
    first = false;
    Ref r = Ref::steal(repr(ts, as_list(keys.get())->items[i]));
    if (!r) {
      ok = false;
      break;
    }
    out += as_str(r.get())->view();
  }
  set_repr_running(self.as_object(), false);
  if (!ok) return Value::null();
  out += plain_set ? "}" : "})";
  return str_new(ts, out);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

static int64_t frozenset_hash(ThreadState&, Value self) {
  Set* s = as_set(self);
  if (s->hash != -1) return s->hash;
  uint64_t hash = 0;
  for (int64_t i = 0; i <= s->mask; ++i) hash ^= shuffle_bits(static_cast<uint64_t>(s->table[i].hash));
  if ((s->mask + 1 - s->fill) & 1) hash ^= shuffle_bits(0);
  if ((s->fill - s->used) & 1) hash ^= shuffle_bits(static_cast<uint64_t>(-1));
  hash ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  s->hash = static_cast<int64_t>(hash);
  return s->hash;
}

static Value set_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!is_any_set(self) || !is_any_set(other)) return newref(ts.interp->not_implemented);
  Set *a = as_set(self), *b = as_set(other);
  int r;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (a->used != b->used)
        r = 0;
      else if (is_frozen(self) && is_frozen(other) && a->hash != -1 && b->hash != -1 && a->hash != b->hash)
        r = 0;
      else
        r = is_subset(ts, a, b);
      if (r >= 0 && op == CompareOp::Ne) r = !r;
      break;
    case CompareOp::Le: r = is_subset(ts, a, b); break;
    case CompareOp::Ge: r = is_subset(ts, b, a); break;
    case CompareOp::Lt: r = a->used >= b->used ? 0 : is_subset(ts, a, b); break;
    case CompareOp::Gt: r = a->used <= b->used ? 0 : is_subset(ts, b, a); break;
    default: r = 0;
  }
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value set_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (!is_any_set(a) || !is_any_set(b)) return newref(ts.interp->not_implemented);
  switch (op) {
    case BinaryOp::Or: {
      Ref result = Ref::steal(set_copy(ts, a));
      if (!result) return Value::null();
      if (!a.is(b) && !set_update_internal(ts, as_set(result.get()), b)) return Value::null();
      return result.release();
    }
    case BinaryOp::And: return set_intersection(ts, a, b);
    case BinaryOp::Sub: return set_difference(ts, a, b);
    case BinaryOp::Xor: return set_symmetric_difference(ts, a, b);
    default: return newref(ts.interp->not_implemented);
  }
}

static Value set_inplace(ThreadState& ts, BinaryOp op, Value a, Value b) {
  // frozensets have no in-place forms: `f |= s` rebinds to f | s.
  if (!has_layout(a, Tag::Set) || !is_any_set(b)) return newref(ts.interp->not_implemented);
  Set* s = as_set(a);
  bool ok;
  switch (op) {
    case BinaryOp::Or: ok = set_update_internal(ts, s, b); break;
    case BinaryOp::And: ok = set_intersection_update(ts, s, b); break;
    case BinaryOp::Sub: ok = difference_update_internal(ts, s, b); break;
    case BinaryOp::Xor: ok = symmetric_difference_update_internal(ts, s, b); break;
    default: return newref(ts.interp->not_implemented);
  }
  if (!ok) return Value::null();
  return newref(a);
}

static int64_t set_len(ThreadState&, Value self) { return as_set(self)->used; }

static int set_truthy(ThreadState&, Value self) { return as_set(self)->used != 0; }

static int set_contains_slot(ThreadState& ts, Value self, Value key) {
  int r = set_contains(ts, as_set(self), key);
  if (r < 0 && is_set(key) && !is_frozen(key) &&
      exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().TypeError)) == 1) {
    // `{1} in set_of_frozensets` looks the set up as a frozenset.
    ts.clear_error();
    Ref tmp = Ref::steal(make_new_set(ts, ts.types().frozenset, key));
    if (!tmp) return -1;
    return set_contains(ts, as_set(self), tmp.get());
  }
  return r;
}

// it->index: table position; it->limit: `used` when iteration began.
static Value set_iter_next(ThreadState& ts, NativeIter* it) {
  Set* s = as_set(it->source);
  if (s->used != it->limit) {
    if (it->limit != -1) {
      it->limit = -1;
      raise(ts, ts.exc_types().RuntimeError, "Set changed size during iteration");
    }
    return Value::null();
  }
  while (it->index <= s->mask) {
    SetEntry& e = s->table[it->index++];
    if (is_live(e)) return newref(e.key);
  }
  return Value::null();
}

static Value set_iter(ThreadState& ts, Value self) {
  return native_iter_new(ts, "set_iterator", set_iter_next, self, 0, as_set(self)->used);
}

static Value set_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool frozen = is_subtype(type, ts.types().frozenset);
  const char* name = frozen ? "frozenset" : "set";
  bool exact = type == ts.types().set || type == ts.types().frozenset;
  if (kwnames && exact) return raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", name);
  if (nargs > 1 && exact) return raisef(ts, ts.exc_types().TypeError, "{} expected at most 1 argument, got {}", name, nargs);
  if (frozen && type == ts.types().frozenset && nargs == 1 && has_tag(args[0], Tag::FrozenSet)) return newref(args[0]);
  if (exact) return make_new_set(ts, type, nargs >= 1 ? args[0] : Value::null());
  // Subclasses: a frozenset is filled here (its __init__ cannot), a set by
  // its __init__ (set.__init__ unless overridden).
  Value self = make_new_set(ts, type, frozen && nargs >= 1 ? args[0] : Value::null());
  if (!self) return self;
  return run_subclass_init(ts, self, args, nargs, kwnames, frozen);
}

// ------------------------------------------------------------ methods

static Set* self_set(const Value* args) { return as_set(args[0]); }

static bool one_arg(ThreadState& ts, const char* qualname, size_t nargs, Tuple* kwnames) {
  if (nargs == 2 && !kwnames) return true;
  raisef(ts, ts.exc_types().TypeError, "{}() takes exactly one argument ({} given)", qualname, nargs - 1);
  return false;
}

static bool no_kwargs(ThreadState& ts, const char* qualname, Tuple* kwnames) {
  if (!kwnames) return true;
  raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", qualname);
  return false;
}

static Value m_add(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, "set.add", nargs, kwnames)) return Value::null();
  if (!set_add(ts, self_set(args), args[1])) return Value::null();
  return ts.none();
}

// remove/discard/__contains__ accept a set key, looked up as a frozenset.
static int discard_key(ThreadState& ts, Set* s, Value key) {
  int r = set_discard(ts, s, key);
  if (r < 0 && is_set(key) && !is_frozen(key) &&
      exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().TypeError)) == 1) {
    ts.clear_error();
    Ref tmp = Ref::steal(make_new_set(ts, ts.types().frozenset, key));
    if (!tmp) return -1;
    return set_discard(ts, s, tmp.get());
  }
  return r;
}

static Value m_remove(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, "set.remove", nargs, kwnames)) return Value::null();
  int r = discard_key(ts, self_set(args), args[1]);
  if (r < 0) return Value::null();
  if (r == 0) {
    Value exc = exception_new(ts, ts.exc_types().KeyError, &args[1], 1);
    if (exc) ts.set_error(exc);
    return Value::null();
  }
  return ts.none();
}

static Value m_discard(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, "set.discard", nargs, kwnames)) return Value::null();
  if (discard_key(ts, self_set(args), args[1]) < 0) return Value::null();
  return ts.none();
}

static Value m_pop(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "pop", nargs - 1, kwnames, 0, 0)) return Value::null();
  Set* s = self_set(args);
  if (s->used == 0) {
    Ref msg = Ref::steal(str_new(ts, "pop from an empty set"));
    Value m = msg.get();
    Value exc = exception_new(ts, ts.exc_types().KeyError, &m, 1);
    if (exc) ts.set_error(exc);
    return Value::null();
  }
  // s->hash is the search finger for mutable sets (see the file comment).
  SetEntry* e = s->table + (s->hash & s->mask);
  SetEntry* limit = s->table + s->mask;
  while (!is_live(*e)) {
    ++e;
    if (e > limit) e = s->table;
  }
  Value key = e->key;
  e->key = Value::null();
  e->hash = kDummyHash;
  --s->used;
  s->hash = e - s->table + 1;
  return key;
}

static Value m_clear(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "clear", nargs - 1, kwnames, 0, 0)) return Value::null();
  set_clear_internal(self_set(args));
  return ts.none();
}

static Value m_copy(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "copy", nargs - 1, kwnames, 0, 0)) return Value::null();
  if (has_tag(args[0], Tag::FrozenSet)) return newref(args[0]);
  return set_copy(ts, args[0]);
}

static Value m_update(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, "set.update", kwnames)) return Value::null();
  for (size_t i = 1; i < nargs; ++i)
    if (!set_update_internal(ts, self_set(args), args[i])) return Value::null();
  return ts.none();
}

static Value m_union(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, is_frozen(args[0]) ? "frozenset.union" : "set.union", kwnames)) return Value::null();
  Ref result = Ref::steal(set_copy(ts, args[0]));
  if (!result) return Value::null();
  for (size_t i = 1; i < nargs; ++i) {
    if (args[i].is(args[0])) continue;
    if (!set_update_internal(ts, as_set(result.get()), args[i])) return Value::null();
  }
  return result.release();
}

static Value m_intersection(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, is_frozen(args[0]) ? "frozenset.intersection" : "set.intersection", kwnames))
    return Value::null();
  if (nargs == 1) return set_copy(ts, args[0]);
  Ref result = Ref::borrow(args[0]);
  for (size_t i = 1; i < nargs; ++i) {
    Ref next = Ref::steal(set_intersection(ts, result.get(), args[i]));
    if (!next) return Value::null();
    result = std::move(next);
  }
  return result.release();
}

static Value m_intersection_update(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, "set.intersection_update", kwnames)) return Value::null();
  if (nargs == 1) return ts.none();
  Ref result = Ref::borrow(args[0]);
  for (size_t i = 1; i < nargs; ++i) {
    Ref next = Ref::steal(set_intersection(ts, result.get(), args[i]));
    if (!next) return Value::null();
    result = std::move(next);
  }
  swap_bodies(self_set(args), as_set(result.get()));
  return ts.none();
}

static Value m_difference(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, is_frozen(args[0]) ? "frozenset.difference" : "set.difference", kwnames)) return Value::null();
  if (nargs == 1) return set_copy(ts, args[0]);
  Ref result = Ref::steal(set_difference(ts, args[0], args[1]));
  if (!result) return Value::null();
  for (size_t i = 2; i < nargs; ++i)
    if (!difference_update_internal(ts, as_set(result.get()), args[i])) return Value::null();
  return result.release();
}

static Value m_difference_update(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, "set.difference_update", kwnames)) return Value::null();
  for (size_t i = 1; i < nargs; ++i)
    if (!difference_update_internal(ts, self_set(args), args[i])) return Value::null();
  return ts.none();
}

static Value m_symmetric_difference(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, is_frozen(args[0]) ? "frozenset.symmetric_difference" : "set.symmetric_difference", nargs, kwnames))
    return Value::null();
  return set_symmetric_difference(ts, args[0], args[1]);
}

static Value m_symmetric_difference_update(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, "set.symmetric_difference_update", nargs, kwnames)) return Value::null();
  if (!symmetric_difference_update_internal(ts, self_set(args), args[1])) return Value::null();
  return ts.none();
}

// Converts a non-set argument to a temporary set for the subset tests.
static Ref as_set_arg(ThreadState& ts, Value v) {
  if (is_any_set(v)) return Ref::borrow(v);
  return Ref::steal(make_new_set(ts, ts.types().set, v));
}

static Value m_issubset(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, is_frozen(args[0]) ? "frozenset.issubset" : "set.issubset", nargs, kwnames)) return Value::null();
  Ref other = as_set_arg(ts, args[1]);
  if (!other) return Value::null();
  int r = is_subset(ts, self_set(args), as_set(other.get()));
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value m_issuperset(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, is_frozen(args[0]) ? "frozenset.issuperset" : "set.issuperset", nargs, kwnames))
    return Value::null();
  if (is_any_set(args[1])) {
    int r = is_subset(ts, as_set(args[1]), self_set(args));
    if (r < 0) return Value::null();
    return ts.bool_value(r);
  }
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) return Value::null();
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) return ts.has_error() ? Value::null() : ts.bool_value(true);
    int r = set_contains(ts, self_set(args), key.get());
    if (r < 0) return Value::null();
    if (!r) return ts.bool_value(false);
  }
}

static Value m_isdisjoint(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg(ts, is_frozen(args[0]) ? "frozenset.isdisjoint" : "set.isdisjoint", nargs, kwnames))
    return Value::null();
  Set* s = self_set(args);
  if (is_any_set(args[1])) {
    Set *a = s, *b = as_set(args[1]);
    if (a->used > b->used) std::swap(a, b);
    for (int64_t i = 0; i <= a->mask; ++i) {
      SetEntry e = a->table[i];
      if (!is_live(e)) continue;
      Ref hold = Ref::borrow(e.key);
      int r = contains_entry(ts, b, e.key, e.hash);
      if (r < 0) return Value::null();
      if (r) return ts.bool_value(false);
    }
    return ts.bool_value(true);
  }
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) return Value::null();
  for (;;) {
    Ref key = Ref::steal(iter_next(ts, it.get()));
    if (!key) return ts.has_error() ? Value::null() : ts.bool_value(true);
    int r = set_contains(ts, s, key.get());
    if (r < 0) return Value::null();
    if (r) return ts.bool_value(false);
  }
}

static Value m_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = set_contains_slot(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static Value m_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(self_set(args)->used);
}

static Value m_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return set_iter(ts, args[0]);
}

// set.__init__ for subclasses calling super().__init__(iterable).
static Value m_init(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(ts, "set", kwnames)) return Value::null();
  if (nargs > 2) return raisef(ts, ts.exc_types().TypeError, "set expected at most 1 argument, got {}", nargs - 1);
  Set* s = self_set(args);
  if (nargs == 2 && args[1].is(args[0])) return ts.none();
  if (s->used) set_clear_internal(s);
  if (nargs == 2 && !set_update_internal(ts, s, args[1])) return Value::null();
  return ts.none();
}

static void fill_common(ThreadState& ts, Type* t) {
  t->slots.dealloc = set_dealloc;
  t->slots.repr = set_repr;
  t->slots.compare = set_compare;
  t->slots.binary = set_binary;
  t->slots.len = set_len;
  t->slots.truthy = set_truthy;
  t->slots.contains = set_contains_slot;
  t->slots.iter = set_iter;
  t->slots.construct = set_construct;
  add_method(ts, t, "copy", m_copy);
  add_method(ts, t, "union", m_union);
  add_method(ts, t, "intersection", m_intersection);
  add_method(ts, t, "difference", m_difference);
  add_method(ts, t, "symmetric_difference", m_symmetric_difference);
  add_method(ts, t, "issubset", m_issubset);
  add_method(ts, t, "issuperset", m_issuperset);
  add_method(ts, t, "isdisjoint", m_isdisjoint);
  add_method(ts, t, "__contains__", m_contains);
  add_method(ts, t, "__len__", m_len);
  add_method(ts, t, "__iter__", m_iter);
}

void init_set_type(ThreadState& ts) {
  Type* s = new_builtin_type(ts, "set", nullptr, Tag::Set, sizeof(Set));
  ts.interp->types.set = s;
  s->unhashable = true;
  fill_common(ts, s);
  s->slots.inplace = set_inplace;
  add_method(ts, s, "add", m_add);
  add_method(ts, s, "remove", m_remove);
  add_method(ts, s, "discard", m_discard);
  add_method(ts, s, "pop", m_pop);
  add_method(ts, s, "clear", m_clear);
  add_method(ts, s, "update", m_update);
  add_method(ts, s, "intersection_update", m_intersection_update);
  add_method(ts, s, "difference_update", m_difference_update);
  add_method(ts, s, "symmetric_difference_update", m_symmetric_difference_update);
  add_method(ts, s, "__init__", m_init);

  Type* f = new_builtin_type(ts, "frozenset", nullptr, Tag::FrozenSet, sizeof(Set));
  ts.interp->types.frozenset = f;
  fill_common(ts, f);
  f->slots.hash = frozenset_hash;
}

}  // namespace gilvm
