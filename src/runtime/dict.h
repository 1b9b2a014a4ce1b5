// dict: an insertion-ordered hash table (dense entry array + sparse index,
// the layout CPython adopted in 3.6). Lookups with interned string keys
// short-circuit on pointer equality, which makes global and attribute
// lookups cheap.
#pragma once

#include <cstdint>

#include "runtime/object.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace gilvm {

struct DictEntry {
  int64_t hash;
  Value key;    // null for a deleted entry
  Value value;
};

struct Dict : Object {
  DictEntry* entries;
  int64_t nentries;   // used slots in entries, deleted ones included
  int64_t capacity;   // of entries
  int64_t used;       // live entries (len)
  int32_t* index;     // -1 empty, -2 dummy, else entry number
  int64_t index_size; // power of two
  uint64_t version;   // bumped on every mutation, for inline caches
};

inline bool is_dict(Value v) { return has_tag(v, Tag::Dict); }
inline Dict* as_dict(Value v) { return static_cast<Dict*>(v.as_object()); }

Value dict_new(ThreadState& ts);
// Borrowed value or null. Null with ts.exc set means an error (unhashable
// key, __eq__ raised); null without means missing.
Value dict_get(ThreadState& ts, Dict* d, Value key);
Value dict_get_str(Dict* d, Str* key);  // never raises; key need not be interned

// The entry number holding `key`, or -1. Inline because the eval loop's
// attribute caches call it when their remembered entry number misses.
inline int64_t dict_find_str(Dict* d, Str* key) {
  if (d->index_size == 0) return -1;
  int64_t hash = str_hash(key);
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  Value k = Value::from_object(key);
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == -1) return -1;  // an empty slot ends the probe
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key.is(k)) return ix;
      if (e->hash == hash && is_str(e->key) && str_equal(as_str(e->key), key)) return ix;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}
bool dict_set(ThreadState& ts, Dict* d, Value key, Value value);  // increfs both
bool dict_set_str(ThreadState& ts, Dict* d, std::string_view key, Value value);
int dict_del(ThreadState& ts, Dict* d, Value key);  // 1 deleted, 0 missing (no error set), -1 error
// Iteration over live entries: for (int64_t i = 0; dict_next(d, &i, &k, &v);)
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value);

// hash() with the two common key kinds inlined: a small int hashes to
// itself (reduced mod 2**61 - 1 like CPython's int hash) and a str uses its
// cached hash. Used by dict, set and tuple hashing.
inline int64_t hash_key(ThreadState& ts, Value key) {
  if (key.is_small()) {
    int64_t i = key.as_small();
    constexpr int64_t kModulus = (int64_t{1} << 61) - 1;
    if (i > -kModulus && i < kModulus) return i == -1 ? -2 : i;
  } else if (is_str(key)) {
    return str_hash(as_str(key));
  }
  return hash(ts, key);
}

// Lookup with a precomputed hash (>= 0 or any value but -1).
Value dict_get_hashed(ThreadState& ts, Dict* d, Value key, int64_t hash);
bool dict_set_hashed(ThreadState& ts, Dict* d, Value key, int64_t hash, Value value);
// Inserts all of `other` (a mapping, or an iterable of pairs when it has no
// keys() method): dict.update's positional argument.
bool dict_update(ThreadState& ts, Dict* d, Value other);
bool dict_merge(ThreadState& ts, Dict* d, Dict* other);  // d.update(other) for two dicts
Value dict_copy(ThreadState& ts, Dict* d);
void dict_clear(Dict* d);
// Allocates an empty dict of `type` (dict or a subclass).
Dict* dict_alloc(ThreadState& ts, Type* type);

// The keys/values/items views hold their dict.
struct DictView : Object {
  Dict* dict;
};

void init_dict_type(ThreadState& ts);

}  // namespace gilvm
