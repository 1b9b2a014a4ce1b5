// The `_shared_memory` module: arrays of C numbers that forked processes
// share, under multiprocessing.Value and multiprocessing.Array.
//
// The memory is an anonymous MAP_SHARED mapping: fork() gives the child the
// same physical pages rather than a copy, so a store in one process is seen
// by the others. Only numbers live there (never object pointers, which mean
// nothing in another process); the Python side (lib/multiprocessing/
// sharedctypes.py) adds the lock, slicing and ctypes-like reprs. Elements
// are read and written as plain C loads and stores, as ctypes does: a
// read-modify-write needs the lock, exactly as under CPython.
#include <sys/mman.h>

#include <cmath>
#include <cstdint>
#include <cstring>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// The element types, by array-module/ctypes typecode.
struct ElementKind {
  char code;
  size_t size;
  bool is_float;
  bool is_signed;
};
constexpr ElementKind kKinds[] = {
    {'b', 1, false, true}, {'B', 1, false, false}, {'h', 2, false, true}, {'H', 2, false, false},
    {'i', 4, false, true}, {'I', 4, false, false}, {'l', 8, false, true}, {'L', 8, false, false},
    {'q', 8, false, true}, {'Q', 8, false, false}, {'f', 4, true, true},  {'d', 8, true, true},
};

// An upper bound that keeps length * itemsize far from overflow.
constexpr int64_t kMaxBytes = int64_t{1} << 40;

struct SharedArrayObject : Object {
  void* memory;  // the mapping; null if mmap failed
  size_t mapped_bytes;
  int64_t length;
  const ElementKind* kind;
};

SharedArrayObject* as_shared(Value v) { return static_cast<SharedArrayObject*>(v.as_object()); }

void shared_dealloc(Object* o) {
  auto* a = static_cast<SharedArrayObject*>(o);
  // Unmapping here only drops this process's view; the pages live on while
  // another process maps them.
  if (a->memory) munmap(a->memory, a->mapped_bytes);
}

Type* shared_array_type(ThreadState& ts) {
  auto& types = ts.interp->native_types;  // the interpreter's table of named helper types
  auto found = types.find("_shared_memory.SharedArray");
  return found == types.end() ? nullptr : found->second;
}

// SharedArray(typecode, length): zero-filled.
Value shared_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                       Tuple* kwnames) {
  if (!check_positional(ts, "SharedArray", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_str_like(args[0]) || as_str(args[0])->view().size() != 1)
    return raise(ts, ts.exc_types().TypeError,
                 "SharedArray() typecode must be a one-character str");
  char code = as_str(args[0])->view()[0];
  const ElementKind* kind = nullptr;
  for (const ElementKind& k : kKinds) {
    if (k.code == code) kind = &k;
  }
  if (!kind) return raisef(ts, ts.exc_types().ValueError, "unsupported typecode '{}'", code);
  int64_t length;
  if (!to_index(ts, args[1], &length)) return Value::null();
  if (length < 0) return raise(ts, ts.exc_types().ValueError, "array length must be >= 0");
  if (length > kMaxBytes / static_cast<int64_t>(kind->size))
    return raise(ts, ts.exc_types().MemoryError, "");
  size_t bytes = std::max<size_t>(static_cast<size_t>(length) * kind->size, 1);
  void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return raise(ts, ts.exc_types().MemoryError, "cannot map shared memory");
  auto* a = alloc<SharedArrayObject>(ts, type, Tag::Other);
  a->memory = mem;
  a->mapped_bytes = bytes;
  a->length = length;
  a->kind = kind;
  return Value::from_object(a);
}

bool index_arg(ThreadState& ts, SharedArrayObject* a, Value v, int64_t* i) {
  if (!to_index(ts, v, i)) return false;
  if (*i < 0 || *i >= a->length) {
    raise(ts, ts.exc_types().IndexError, "invalid index");
    return false;
  }
  return true;
}

Value shared_get(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "get", nargs - 1, kwnames, 1, 1)) return Value::null();
  SharedArrayObject* a = as_shared(args[0]);
  int64_t i;
  if (!index_arg(ts, a, args[1], &i)) return Value::null();
  const char* p = static_cast<const char*>(a->memory) + i * static_cast<int64_t>(a->kind->size);
  switch (a->kind->code) {
    case 'b': {
      int8_t x;
      std::memcpy(&x, p, 1);
      return Value::from_small(x);
    }
    case 'B': {
      uint8_t x;
      std::memcpy(&x, p, 1);
      return Value::from_small(x);
    }
    case 'h': {
      int16_t x;
      std::memcpy(&x, p, 2);
      return Value::from_small(x);
    }
    case 'H': {
      uint16_t x;
      std::memcpy(&x, p, 2);
      return Value::from_small(x);
    }
    case 'i': {
      int32_t x;
      std::memcpy(&x, p, 4);
      return Value::from_small(x);
    }
    case 'I': {
      uint32_t x;
      std::memcpy(&x, p, 4);
      return Value::from_small(x);
    }
    case 'l':
    case 'q': {
      int64_t x;
      std::memcpy(&x, p, 8);
      return int_from_i64(ts, x);
    }
    case 'L':
    case 'Q': {
      uint64_t x;
      std::memcpy(&x, p, 8);
      return int_from_u64(ts, x);
    }
    case 'f': {
      float x;
      std::memcpy(&x, p, 4);
      return float_new(ts, x);
    }
    default: {
      double x;
      std::memcpy(&x, p, 8);
      return float_new(ts, x);
    }
  }
}

// The low 64 bits of an int, wrapping as a C cast does (ctypes stores
// c_int(2**40) without complaint, keeping the low bits).
bool wrapped_bits(ThreadState& ts, Value v, uint64_t* out) {
  int64_t small;
  if (int_to_i64(v, &small)) {
    *out = static_cast<uint64_t>(small);
    return true;
  }
  Ref mask = Ref::steal(int_from_u64(ts, UINT64_MAX));
  if (!mask) return false;
  Ref low = Ref::steal(binary_op(ts, BinaryOp::And, v, mask.get()));
  if (!low) return false;
  int64_t as_signed;
  if (int_to_i64(low.get(), &as_signed)) {
    *out = static_cast<uint64_t>(as_signed);
    return true;
  }
  // Between 2**63 and 2**64: subtract 2**64 to land in int64 range.
  Ref two64 = Ref::steal(binary_op(ts, BinaryOp::Add, mask.get(), Value::from_small(1)));
  if (!two64) return false;
  Ref shifted = Ref::steal(binary_op(ts, BinaryOp::Sub, low.get(), two64.get()));
  if (!shifted || !int_to_i64(shifted.get(), &as_signed)) return false;
  *out = static_cast<uint64_t>(as_signed);
  return true;
}

Value shared_set(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "set", nargs - 1, kwnames, 2, 2)) return Value::null();
  SharedArrayObject* a = as_shared(args[0]);
  int64_t i;
  if (!index_arg(ts, a, args[1], &i)) return Value::null();
  Value v = args[2];
  char* p = static_cast<char*>(a->memory) + i * static_cast<int64_t>(a->kind->size);
  if (a->kind->is_float) {
    double d;
    if (!is_float(v) && !is_int_like(v))
      return raisef(ts, ts.exc_types().TypeError, "must be real number, not {}", type_name(ts, v));
    if (!to_double(ts, v, &d)) return Value::null();
    if (a->kind->code == 'f') {
      float f = static_cast<float>(d);
      std::memcpy(p, &f, 4);
    } else {
      std::memcpy(p, &d, 8);
    }
    return newref(ts.none());
  }
  if (!is_int_like(v) || is_float(v))
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, v));
  uint64_t bits;
  if (!wrapped_bits(ts, v, &bits)) return Value::null();
  // Little-endian hosts only (x86-64, aarch64): the low bytes come first.
  std::memcpy(p, &bits, a->kind->size);
  return newref(ts.none());
}

int64_t shared_len(ThreadState&, Value self) { return as_shared(self)->length; }

Type* make_shared_array_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "SharedArray", nullptr, Tag::Other, sizeof(SharedArrayObject));
  t->slots.dealloc = shared_dealloc;
  t->slots.construct = shared_construct;
  t->slots.len = shared_len;
  type_set_attr(ts, t, "__module__", Value::from_object(str_intern(ts, "_shared_memory")));
  add_method(ts, t, "get", shared_get);
  add_method(ts, t, "set", shared_set);
  ts.interp->native_types["_shared_memory.SharedArray"] = t;
  return t;
}

}  // namespace

Value make_shared_memory_module(ThreadState& ts) {
  Value m = module_new(ts, "_shared_memory");
  if (!m) return m;
  Type* t = shared_array_type(ts) ? shared_array_type(ts) : make_shared_array_type(ts);
  dict_set_str(ts, as_module(m)->dict, "SharedArray", Value::from_object(t));
  return m;
}

}  // namespace gilvm
