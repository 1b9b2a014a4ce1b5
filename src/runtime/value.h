// Value: the 64-bit word every Python value travels in.
//
//   bits 63 ............................... 1 0
//        [ signed 63-bit integer           ] 1   small int, unboxed
//        [ Object* (8-byte aligned)       ] 0   heap object
//        [ 0 0 0 ...                   0 0 ] 0   "no value": an exception is
//                                               pending, or an empty slot
//
// Small ints never touch the heap or a reference count, which is what makes
// loops like the seed's countdown cheap. An int outside 63 bits becomes a
// BigInt (GMP); the invariant "a BigInt never holds a value that fits a small
// int" keeps equality and hashing simple. The representation stays behind
// this class so it can change (e.g. to NaN-boxing) without touching callers.
#pragma once

#include <cstdint>

namespace gilvm {

struct Object;

class Value {
 public:
  static constexpr int64_t kMaxSmall = (int64_t{1} << 62) - 1;
  static constexpr int64_t kMinSmall = -(int64_t{1} << 62);

  constexpr Value() = default;

  static constexpr Value null() { return Value(); }
  static Value from_object(Object* o) { return Value(reinterpret_cast<uint64_t>(o)); }
  // Caller guarantees kMinSmall <= i <= kMaxSmall (see fits_small).
  static constexpr Value from_small(int64_t i) { return Value((static_cast<uint64_t>(i) << 1) | 1); }
  static constexpr bool fits_small(int64_t i) { return i >= kMinSmall && i <= kMaxSmall; }
  static constexpr Value from_raw(uint64_t bits) { return Value(bits); }

  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small() const { return bits_ & 1; }
  constexpr bool is_object() const { return !(bits_ & 1) && bits_ != 0; }
  constexpr int64_t as_small() const { return static_cast<int64_t>(bits_) >> 1; }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  constexpr uint64_t raw() const { return bits_; }

  // Identity, i.e. Python's `is`.
  constexpr bool is(Value o) const { return bits_ == o.bits_; }

 private:
  constexpr explicit Value(uint64_t bits) : bits_(bits) {}
  uint64_t bits_ = 0;
};

}  // namespace gilvm
