// Heap objects: the common header, reference counting, and type objects.
//
// Memory is managed by reference counting, as in CPython: it is the reason a
// GIL exists at all, since a count updated by two threads at once without a
// lock corrupts the heap. Every count change and every write to the header
// goes through the inline functions below (tests/header_access_test.py
// fails on any other mention of `refcnt`, `header_flags` or `owner_slot`, or
// write to `tag`/`type`, in src/), so that `--gil=none` can swap in biased
// reference counting (PEP 703; docs/ARCHITECTURE.md, "Reference counting
// without a GIL") here without touching callers. Cycles are not collected.
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

// The header. Only the functions in this file write it; `tag` and `type`
// are read everywhere, the other fields only here.
struct Object {
  uint32_t refcnt;
  uint8_t tag;           // a Tag, possibly | kSubclassBit
  uint8_t header_flags;  // kImmortal, the allocator's size class, kReprRunning
  uint16_t owner_slot;    // creating thread's slot (ThreadSlots), for biased counting later
  Type* type;

  static constexpr uint8_t kImmortal = 1;
  static constexpr uint8_t kSizeClassShift = 1;  // bits 1-4: see alloc.h
  static constexpr uint8_t kSizeClassMask = 0x1e;
  // A container's repr is running (it prints `[...]` when met again).
  static constexpr uint8_t kReprRunning = 0x40;
};
static_assert(sizeof(Object) == 16);

// Immortal objects (None, True, types, interned constants) start with a count
// so large it never reaches zero, so incref/decref need no branch for them.
inline constexpr uint32_t kImmortalRefcnt = 1u << 30;

// `owner_slot` of objects no live thread may count non-atomically: made by a
// thread beyond the 65,535 slots ThreadSlots hands out (and, under
// `--gil=none`, the immortal ones). Never a thread's slot.
inline constexpr uint16_t kNoOwnerSlot = 0xffff;

void dealloc_object(Object* o);  // runs the type's dealloc and frees memory

// always_inline: GCC stops inlining into the (very large) eval loop otherwise.
#define GILVM_INLINE inline __attribute__((always_inline))

// ---- header initialisation

// Fills the header of fresh memory (refcount 1): the one place objects are
// born, for alloc_object and the hot paths that skip its zeroing
// (str_alloc, native_iter_new, the eval loop's box_float).
GILVM_INLINE void init_header(Object* o, Type* type, uint8_t tag_bits, uint8_t size_class,
                              uint16_t owner_slot) {
  o->refcnt = 1;
  o->tag = tag_bits;
  o->header_flags = static_cast<uint8_t>(size_class << Object::kSizeClassShift);
  o->owner_slot = owner_slot;
  o->type = type;
}

// Makes a freshly built object immortal (None, the bools, types, interned
// strings, the empty tuple, sys.modules): it is shared by every thread and
// never freed. Call it before the object is published to other threads.
inline void make_immortal(Object* o) {
  o->refcnt = kImmortalRefcnt;
  o->header_flags |= Object::kImmortal;
}

// The allocator's size class, for freeing the block.
GILVM_INLINE uint8_t size_class_of(const Object* o) {
  return static_cast<uint8_t>((o->header_flags & Object::kSizeClassMask) >> Object::kSizeClassShift);
}

// Changes an object's class: `__class__` assignment (layouts checked by the
// caller) and the bootstrap, where `object`, `type` and the first interned
// strings exist before their types.
inline void set_object_type(Object* o, Type* type) { o->type = type; }

// ---- reference counts

GILVM_INLINE void incref(Object* o) { ++o->refcnt; }
GILVM_INLINE void decref(Object* o) {
  if (--o->refcnt == 0) dealloc_object(o);
}
// n references at once (`[x] * n` stores one item n times).
GILVM_INLINE void incref_n(Object* o, uint32_t n) { o->refcnt += n; }
// Drops a reference like decref but leaves the freeing to the caller: true
// when it was the last one (the eval loop frees floats straight to the
// small-object cache).
GILVM_INLINE bool decref_is_last(Object* o) { return --o->refcnt == 0; }

// The count sys.getrefcount reports (before its own argument's reference).
inline uint32_t refcount_of(const Object* o) { return o->refcnt; }

// True when the caller's reference is the only one, so the object may be
// overwritten in place instead of a new one being made: a float temporary
// on the eval stack, a local updated by `x += 1.0`, the pair tuple
// enumerate/zip/dict.items() reuse once the loop body has dropped it.
//
// Correct under a GIL because the count cannot change while we look: only
// the GIL holder runs, and it holds the one reference, so no other code can
// reach the object until this thread hands it out again.
//
// Without a GIL (--gil=none, biased counting; docs/ARCHITECTURE.md) a count
// of 1 proves nothing unless the caller owns the object: the reference may
// sit in the shared count of an object another thread is biased to, and
// another thread may be about to take a new one from a container. It must
// become: this thread is the owner (owner_slot == its slot), the local count
// is 1 and the shared count is 0 (an acquire load, so that a reference
// another thread dropped is seen with everything it wrote before). An
// object of another owner is never reused in place.
GILVM_INLINE bool can_reuse_in_place(const Object* o) { return o->refcnt == 1; }

// A generator's dealloc runs its `finally` blocks (close()), which takes
// and drops references to it: the object is given one reference for the
// duration so that it is not freed a second time, and none afterwards.
// Resurrection (close() storing the generator somewhere) is not supported.
inline void revive_for_finalizer(Object* o) { o->refcnt = 1; }
inline void end_finalizer(Object* o) { o->refcnt = 0; }

// ---- header flags

// The recursion guard of a container's repr, so that a list containing
// itself prints `[...]` instead of recursing forever. A header bit rather
// than a per-thread set: no allocation, and the GIL serialises access.
inline bool repr_running(const Object* o) { return o->header_flags & Object::kReprRunning; }
// (Immortal objects are shared by every thread and never written: their
// repr is not guarded; none of them can contain itself.)
inline void set_repr_running(Object* o, bool running) {
  if (o->header_flags & Object::kImmortal) return;
  if (running)
    o->header_flags |= Object::kReprRunning;
  else
    o->header_flags &= static_cast<uint8_t>(~Object::kReprRunning);
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
