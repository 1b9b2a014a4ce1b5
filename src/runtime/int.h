// int: small ints live unboxed in the Value (value.h); everything else is a
// BigInt holding a GMP integer. Results are always normalised: a value that
// fits a small int is returned as one.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

struct BigInt : Object {
  mpz_t z;
};

inline bool is_int(Value v) { return v.is_small() || has_tag(v, Tag::BigInt); }
// int, bool, BigInt and subclasses of int.
bool is_int_like(Value v);

Value int_from_i64(ThreadState& ts, int64_t i);
// operator.index(v): an exact int (bools become 0 or 1; subclasses their
// int value), or __index__'s result; TypeError otherwise.
Value int_from_index(ThreadState& ts, Value v);
Value int_from_u64(ThreadState& ts, uint64_t i);
Value int_from_double(ThreadState& ts, double d);  // truncates; raises on inf/nan
Value int_from_mpz(ThreadState& ts, const mpz_t z);  // copies, normalises
// Parses Python int() text in `base` (0 = from prefix); raises ValueError with
// CPython's message ("invalid literal for int() with base 10: 'x'").
Value int_from_string(ThreadState& ts, std::string_view text, int base);
// Sets `out` (initialised by the caller) from an int-like value.
void int_to_mpz(Value v, mpz_t out);
// False when the int does not fit in int64 (BigInt out of range).
bool int_to_i64(Value v, int64_t* out);
double int_to_double(ThreadState& ts, Value v, bool* overflow);
std::string int_to_string(Value v, int base = 10);  // "-0x1f" style prefixes not included
int int_sign(Value v);

// Arithmetic on two int-like values (bools included); returns a new int or
// null with an exception (ZeroDivisionError, ...). `op` is any BinaryOp that
// ints support; Pow with a negative exponent returns a float.
Value int_binary(ThreadState& ts, BinaryOp op, Value a, Value b);
Value int_pow_mod(ThreadState& ts, Value base, Value exp, Value mod);
int int_compare(Value a, Value b);  // -1, 0, 1
int64_t int_hash(Value v);

void init_int_type(ThreadState& ts);

// ---- additions (numbers helper)

// bool: exactly two immortal instances, interp->true_ and interp->false_.
// Not a BigInt layout: code that needs the int value goes through
// int_to_i64 / int_to_mpz, which accept bools.
struct BoolObject : Object {
  int64_t value;  // 0 or 1
};
inline bool is_bool(Value v) { return has_tag(v, Tag::Bool); }
// Creates the bool type and True/False; call after init_int_type.
void init_bool_type(ThreadState& ts);

// round(x[, ndigits]) for an int-like x; `ndigits` null or None: round(x).
Value int_round(ThreadState& ts, Value x, Value ndigits);
// divmod(a, b) for two int-likes: a tuple (a // b, a % b).
Value int_divmod(ThreadState& ts, Value a, Value b);
// Exact comparison of an int-like with a double, as CPython does it
// (no rounding of big ints): -1, 0, 1, or 2 when `d` is NaN.
int int_compare_double(Value i, double d);
// Correctly rounded a / b for int-likes (what `int / int` returns).
Value int_true_divide(ThreadState& ts, Value a, Value b);
// Parses int() text into `out` (initialised by the caller); false when the
// text is not a valid literal in `base` (0 = from prefix). Pure.
bool parse_int_text(std::string_view text, int base, mpz_t out);
// Correctly rounded conversion of an mpz to double; false on overflow.
bool mpz_to_double_rounded(mpz_srcptr z, double* out);
// Correctly rounded a / b (b != 0); false when the result overflows.
bool mpz_true_divide(mpz_srcptr a, mpz_srcptr b, double* out);

}  // namespace gilvm
