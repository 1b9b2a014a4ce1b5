// The `_random` module: a Mersenne Twister generator under lib/random.py.
//
// MT19937 seeded the way CPython seeds it (init_by_array over the 32-bit
// words of abs(seed)), with CPython's random() (53 bits from two outputs)
// and getrandbits(), so an int seed gives the very sequence CPython gives;
// lib/random.py keeps CPython's algorithms on top (randbelow, shuffle,
// choice, ...) and so inherits the match. The generator state lives in the
// object; a Random instance is not shared between threads without the GIL.
#include <gmp.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

constexpr int N = 624;
constexpr int M = 397;

struct RandomObject : Object {
  uint32_t state[N];
  int index;
};

void init_genrand(RandomObject* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < N; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = N;
}

void init_by_array(RandomObject* r, const std::vector<uint32_t>& key) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218u);
  size_t i = 1, j = 0;
  size_t len = key.size();
  for (size_t k = (N > len ? N : len); k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;
  r->index = N;
}

uint32_t genrand(RandomObject* r) {
  static constexpr uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
  uint32_t* mt = r->state;
  uint32_t y;
  if (r->index >= N) {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
      mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
      mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (mt[N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 1];
    r->index = 0;
  }
  y = mt[r->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= (y >> 18);
  return y;
}

bool is_random(Value v);
RandomObject* self_random(ThreadState& ts, const Value* args, size_t nargs, const char* method) {
  if (nargs > 0 && is_random(args[0])) return static_cast<RandomObject*>(args[0].as_object());
  raisef(ts, ts.exc_types().TypeError, "descriptor '{}' requires a '_random.Random' object", method);
  return nullptr;
}

void seed_from_os(RandomObject* r) {
  std::vector<uint32_t> key(N);
  ssize_t got = getrandom(key.data(), key.size() * sizeof(uint32_t), GRND_NONBLOCK);
  if (got < static_cast<ssize_t>(key.size() * sizeof(uint32_t))) {
    timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    key.assign({static_cast<uint32_t>(t.tv_sec), static_cast<uint32_t>(t.tv_nsec), static_cast<uint32_t>(getpid())});
  }
  init_by_array(r, key);
}

// seed(n): n an int (its absolute value), None (the OS), or anything
// hashable (its hash, as CPython's version-1 seeding does).
bool seed(ThreadState& ts, RandomObject* r, Value arg) {
  if (!arg || arg.is(ts.none())) {
    seed_from_os(r);
    return true;
  }
  mpz_t z;
  mpz_init(z);
  if (is_int_like(arg)) {
    int_to_mpz(arg, z);
  } else if (is_str_like(arg) || has_layout(arg, Tag::Bytes) || has_layout(arg, Tag::ByteArray)) {
    // Deterministic across runs (str hashes are not): the bytes as a big int.
    std::string_view b;
    std::string data;
    if (is_str_like(arg)) data = std::string(as_str(arg)->view());
    else if (bytes_like_view(arg, &b)) data = std::string(b);
    mpz_import(z, data.size(), 1, 1, 0, 0, data.data());
  } else {
    int64_t h = hash(ts, arg);
    if (h == -1 && ts.has_error()) {
      mpz_clear(z);
      return false;
    }
    mpz_set_si(z, h);
  }
  mpz_abs(z, z);
  std::vector<uint32_t> key;
  if (mpz_sgn(z) == 0) {
    key.push_back(0);
  } else {
    size_t count = 0;
    key.resize((mpz_sizeinbase(z, 2) + 31) / 32);
    mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
    key.resize(count);
  }
  mpz_clear(z);
  init_by_array(r, key);
  return true;
}

Value random_seed(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  RandomObject* r = self_random(ts, args, nargs, "seed");
  if (!r || !check_arg_range(ts, "seed", nargs - 1, kwnames, 0, 1)) return Value::null();
  if (!seed(ts, r, nargs > 1 ? args[1] : Value::null())) return Value::null();
  return newref(ts.none());
}

double random_double(RandomObject* r) {
  uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

Value random_random(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  RandomObject* r = self_random(ts, args, nargs, "random");
  if (!r || !check_no_args(ts, "random", nargs - 1, kwnames)) return Value::null();
  return float_new(ts, random_double(r));
}

Value getrandbits(ThreadState& ts, RandomObject* r, int64_t k) {
  if (k <= 32) return Value::from_small(k == 0 ? 0 : genrand(r) >> (32 - k));
  if (k <= 62) {
    uint64_t lo = genrand(r);
    uint64_t hi = genrand(r) >> (64 - k);
    return Value::from_small(static_cast<int64_t>((hi << 32) | lo));
  }
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  int64_t left = k;
  for (size_t i = 0; i < words; i++, left -= 32) {
    uint32_t x = genrand(r);
    if (left < 32) x >>= (32 - left);
    w[i] = x;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  Value v = int_from_mpz(ts, z);
  mpz_clear(z);
  return v;
}

Value random_getrandbits(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  RandomObject* r = self_random(ts, args, nargs, "getrandbits");
  if (!r || !check_one_arg(ts, "getrandbits", nargs - 1, kwnames)) return Value::null();
  int64_t k;
  if (!to_index(ts, args[1], &k)) return Value::null();
  if (k < 0) return raise(ts, ts.exc_types().ValueError, "number of bits must be non-negative");
  return getrandbits(ts, r, k);
}

// _randbelow(n): CPython's _randbelow_with_getrandbits, for 0 < n.
Value random_randbelow(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  RandomObject* r = self_random(ts, args, nargs, "_randbelow");
  if (!r || !check_one_arg(ts, "_randbelow", nargs - 1, kwnames)) return Value::null();
  Value n = args[1];
  if (n.is_small() && n.as_small() > 0) {
    int64_t limit = n.as_small();
    int k = 64 - __builtin_clzll(static_cast<uint64_t>(limit));
    for (;;) {
      Value v = getrandbits(ts, r, k);
      if (v.as_small() < limit) return v;
    }
  }
  if (!is_int_like(n)) return raise(ts, ts.exc_types().TypeError, "_randbelow() needs an int");
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  if (mpz_sgn(z) <= 0) {
    mpz_clear(z);
    return raise(ts, ts.exc_types().ValueError, "empty range for randrange()");
  }
  int64_t k = static_cast<int64_t>(mpz_sizeinbase(z, 2));
  mpz_clear(z);
  for (;;) {
    Value v = getrandbits(ts, r, k);
    if (!v) return v;
    if (int_compare(v, n) < 0) return v;
    decref(v);
  }
}

Value random_getstate(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  RandomObject* r = self_random(ts, args, nargs, "getstate");
  if (!r || !check_no_args(ts, "getstate", nargs - 1, kwnames)) return Value::null();
  Value t = tuple_new(ts, N + 1);
  if (!t) return t;
  Tuple* tp = as_tuple(t);
  for (int i = 0; i < N; i++) tp->items[i] = Value::from_small(r->state[i]);
  tp->items[N] = Value::from_small(r->index);
  return t;
}

Value random_setstate(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  RandomObject* r = self_random(ts, args, nargs, "setstate");
  if (!r || !check_one_arg(ts, "setstate", nargs - 1, kwnames)) return Value::null();
  if (!is_tuple(args[1]) || as_tuple(args[1])->size != N + 1)
    return raise(ts, ts.exc_types().ValueError, "state vector is the wrong size");
  Tuple* tp = as_tuple(args[1]);
  for (int i = 0; i <= N; i++) {
    int64_t x;
    if (!to_index(ts, tp->items[i], &x)) return Value::null();
    if (i < N) r->state[i] = static_cast<uint32_t>(x);
    else if (x < 0 || x > N) return raise(ts, ts.exc_types().ValueError, "invalid state");
    else r->index = static_cast<int>(x);
  }
  return newref(ts.none());
}

Value random_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "Random", nargs, kwnames, 0, 1)) return Value::null();
  RandomObject* r = alloc<RandomObject>(ts, type, Tag::Other);
  Value v = Value::from_object(r);
  if (!seed(ts, r, nargs ? args[0] : Value::null())) {
    decref(v);
    return Value::null();
  }
  return v;
}

void random_dealloc(Object*) {}

bool is_random(Value v) { return v.is_object() && v.as_object()->type->slots.dealloc == random_dealloc; }

}  // namespace

Value make_random_native_module(ThreadState& ts) {
  Value m = module_new(ts, "_random");
  if (!m) return Value::null();
  Type* type = new_builtin_type(ts, "Random", nullptr, Tag::Other, sizeof(RandomObject));
  type->slots.dealloc = random_dealloc;
  type->slots.construct = random_construct;
  add_method(ts, type, "seed", random_seed);
  add_method(ts, type, "random", random_random);
  add_method(ts, type, "getrandbits", random_getrandbits);
  add_method(ts, type, "_randbelow", random_randbelow);
  add_method(ts, type, "getstate", random_getstate);
  add_method(ts, type, "setstate", random_setstate);
  type_set_attr(ts, type, "__module__", Value::from_object(str_intern(ts, "_random")));
  dict_set_str(ts, as_module(m)->dict, "Random", Value::from_object(type));
  return m;
}

}  // namespace gilvm
