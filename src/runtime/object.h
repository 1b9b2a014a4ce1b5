// Heap objects: the common header, reference counting, and type objects.
//
// Memory is managed by reference counting, as in CPython: it is the reason a
// GIL exists at all, since a count updated by two threads at once without a
// lock corrupts the heap. Every count change goes through incref()/decref()
// below, so a free-threaded build can swap in biased reference counting
// (PEP 703; `owner` records the creating thread for that) without touching
// callers. Cycles are not collected.
//
// Ownership follows CPython's convention: a function returning a Value
// returns a new reference; arguments are borrowed; containers own their
// items. A null Value returned from a function means "an exception is
// pending in the ThreadState".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/value.h"

namespace gilvm {

struct Type;
struct Str;
struct Tuple;
struct Dict;
struct ThreadState;
struct Interpreter;

// The memory layout of an object, inherited by subclasses. Built-in code
// dispatches on it; `kSubclassBit` marks instances of user-defined
// subclasses so that fast paths (which test the exact tag) never bypass a
// user's override.
enum class Tag : uint8_t {
  Object,  // a plain instance: type + attribute dict
  Type,
  NoneType,
  Bool,
  BigInt,
  Float,
  Str,
  Bytes,
  ByteArray,
  List,
  Tuple,
  Dict,
  Set,
  FrozenSet,
  Range,
  Slice,
  Function,
  BoundMethod,
  Builtin,  // a native function or method
  Code,
  Cell,
  Generator,
  Module,
  Exception,
  Iterator,  // built-in iterators, each a NativeIter (see iter.h)
  Property,
  StaticMethod,
  ClassMethod,
  Other,  // anything else with its own dealloc
};
inline constexpr uint8_t kSubclassBit = 0x80;

struct Object {
  uint32_t refcnt;
  uint8_t tag;      // a Tag, possibly | kSubclassBit
  uint8_t flags;    // kImmortal, the allocator's size class, kReprRunning (list.h)
  uint16_t owner;   // creating thread's index, for biased counting later
  Type* type;

  static constexpr uint8_t kImmortal = 1;
  static constexpr uint8_t kSizeClassShift = 1;  // bits 1-4: see alloc.h
  static constexpr uint8_t kSizeClassMask = 0x1e;
};
static_assert(sizeof(Object) == 16);

// Immortal objects (None, True, types, interned constants) start with a count
// so large it never reaches zero, so incref/decref need no branch for them.
inline constexpr uint32_t kImmortalRefcnt = 1u << 30;

void dealloc_object(Object* o);  // runs the type's dealloc and frees memory

// always_inline: GCC stops inlining into the (very large) eval loop otherwise.
#define GILVM_INLINE inline __attribute__((always_inline))

GILVM_INLINE void incref(Object* o) { ++o->refcnt; }
GILVM_INLINE void decref(Object* o) {
  if (--o->refcnt == 0) dealloc_object(o);
}
GILVM_INLINE void incref(Value v) {
  if (v.is_object()) incref(v.as_object());
}
GILVM_INLINE void decref(Value v) {
  if (v.is_object()) decref(v.as_object());
}
inline void xdecref(Value v) { decref(v); }  // null-safe already; kept for readability
GILVM_INLINE Value newref(Value v) {
  incref(v);
  return v;
}

GILVM_INLINE bool has_tag(Value v, Tag t) {
  return v.is_object() && v.as_object()->tag == static_cast<uint8_t>(t);
}
// True for the built-in type and for user subclasses with the same layout.
inline bool has_layout(Value v, Tag t) {
  return v.is_object() && (v.as_object()->tag & ~kSubclassBit) == static_cast<uint8_t>(t);
}

// An owning handle for C++ code that juggles several references and may
// return early: the reference is released when the handle dies. The eval
// loop does not use it (it manages counts by hand at known points).
class Ref {
 public:
  Ref() = default;
  static Ref steal(Value v) { return Ref(v); }
  static Ref borrow(Value v) { return Ref(newref(v)); }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  Ref(Ref&& o) noexcept : v_(o.v_) { o.v_ = Value::null(); }
  Ref& operator=(Ref&& o) noexcept {
    if (this != &o) {
      decref(v_);
      v_ = o.v_;
      o.v_ = Value::null();
    }
    return *this;
  }
  ~Ref() { decref(v_); }

  Value get() const { return v_; }
  Value release() {
    Value v = v_;
    v_ = Value::null();
    return v;
  }
  explicit operator bool() const { return !v_.is_null(); }

 private:
  explicit Ref(Value v) : v_(v) {}
  Value v_;
};

// Allocates raw zeroed memory for an object of `size` bytes and fills the
// header (refcount 1). Placement-new C++ members yourself when the layout
// has any; the type's dealloc slot must then destroy them.
Object* alloc_object(ThreadState& ts, Type* type, Tag tag, size_t size);
template <typename T>
T* alloc(ThreadState& ts, Type* type, Tag tag, size_t size = sizeof(T)) {
  return static_cast<T*>(alloc_object(ts, type, tag, size));
}

// ------------------------------------------------------------------ types

enum class BinaryOp : uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
  Count
};
enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
enum class UnaryOp : uint8_t { Neg, Pos, Invert };

// Native calling convention ("vectorcall"): `args` holds `nargs` positional
// arguments followed by the values of the keyword arguments whose names are
// in `kwnames` (null when there are none); `nargs` counts the positional
// ones only. For methods args[0] is self.
using NativeFn = Value (*)(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);

// Slots a type may fill; a null slot means "not supported" (or, for
// getattr/setattr, the generic instance-dict behaviour). Slot functions
// receive `self` of this type (or a subclass).
struct TypeSlots {
  void (*dealloc)(Object* self) = nullptr;  // release owned refs/C++ members; memory freed by caller
  Value (*repr)(ThreadState&, Value self) = nullptr;  // returns a Str
  Value (*str)(ThreadState&, Value self) = nullptr;   // null: use repr
  // Returns -1 on error. Unhashable types set hash to nullptr and
  // `unhashable` to true.
  int64_t (*hash)(ThreadState&, Value self) = nullptr;
  // Returns a new reference: a result, NotImplemented, or null on error.
  Value (*compare)(ThreadState&, Value self, Value other, CompareOp op) = nullptr;
  // Called when either operand's type has this slot; `a` or `b` is of this
  // type. Returns NotImplemented when it cannot handle the pair.
  Value (*binary)(ThreadState&, BinaryOp op, Value a, Value b) = nullptr;
  // In-place variant (list +=, set |=); null falls back to `binary`.
  Value (*inplace)(ThreadState&, BinaryOp op, Value a, Value b) = nullptr;
  Value (*unary)(ThreadState&, UnaryOp op, Value self) = nullptr;
  int (*truthy)(ThreadState&, Value self) = nullptr;  // 1, 0, -1 on error; null: len or true
  int64_t (*len)(ThreadState&, Value self) = nullptr;  // -1 on error
  Value (*getitem)(ThreadState&, Value self, Value key) = nullptr;
  int (*setitem)(ThreadState&, Value self, Value key, Value value) = nullptr;  // value null: delete
  int (*contains)(ThreadState&, Value self, Value item) = nullptr;  // 1, 0, -1
  Value (*iter)(ThreadState&, Value self) = nullptr;
  // Next item, or null: exhausted when no exception is pending.
  Value (*iternext)(ThreadState&, Value self) = nullptr;
  Value (*call)(ThreadState&, Value self, const Value* args, size_t nargs, Tuple* kwnames) = nullptr;
  // Attribute access; null means the generic lookup (type MRO + instance dict).
  Value (*getattr)(ThreadState&, Value self, Str* name) = nullptr;
  int (*setattr)(ThreadState&, Value self, Str* name, Value value) = nullptr;  // value null: delete
  // type(...) call: create an instance. args exclude the type itself.
  Value (*construct)(ThreadState&, Type* type, const Value* args, size_t nargs, Tuple* kwnames) = nullptr;
  // For descriptors stored in a type (functions, properties): bind to an
  // instance (`obj` null when accessed on the class).
  Value (*descr_get)(ThreadState&, Value self, Value obj, Type* owner) = nullptr;
};

struct Type : Object {
  Str* name;          // __name__
  Type* base;         // the single base (first in bases), null for object
  Tuple* bases;       // __bases__
  Tuple* mro;         // __mro__, starting with this type
  Dict* dict;         // __dict__: methods and class attributes
  Tag instance_tag;   // the layout of instances
  bool is_builtin;    // created by the runtime, not by a class statement
  bool unhashable;    // __hash__ = None
  bool instances_have_dict;
  bool is_exception;  // derives from BaseException
  bool restricts_attrs;  // every user class on the MRO has __slots__, none lists __dict__
  uint32_t basic_size;  // bytes of an instance
  TypeSlots slots;
  // __init__ as found on the MRO, for the eval loop's inlined construction
  // of plain classes; valid while init_cache_epoch == Interpreter::type_epoch.
  Value init_cache;
  uint64_t init_cache_epoch;
};

inline Type* type_of_object(Value v) { return v.as_object()->type; }

}  // namespace gilvm
