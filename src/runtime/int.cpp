// int: arithmetic, conversions and the int type.
//
// Every operation first tries the unboxed small-int path (overflow-checked
// machine arithmetic) and only falls back to GMP when a result leaves the
// 63-bit range, so counting loops never allocate. The price is that each
// operation exists twice (small and mpz); results are always normalised back
// to a small int when they fit, which keeps equality and hashing simple.
#include "runtime/int.h"

#include <algorithm>
#include <charconv>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// Python's hash modulus: 2**61 - 1 (sys.hash_info.modulus).
constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

inline BigInt* as_big(Value v) { return static_cast<BigInt*>(v.as_object()); }

// The value of an int-like as int64 when it fits (always for small ints and
// bools; for BigInt layouts only when the mpz is small enough).
inline bool int64_of(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  Object* o = v.as_object();
  if (o->tag == static_cast<uint8_t>(Tag::Bool)) {
    *out = static_cast<BoolObject*>(o)->value;
    return true;
  }
  mpz_srcptr z = static_cast<BigInt*>(o)->z;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

// Read-only mpz view of any int-like, borrowing the BigInt's digits when
// there are any and materialising small values in a temporary otherwise.
class MpzView {
 public:
  explicit MpzView(Value v) {
    if (v.is_object() &&
        (v.as_object()->tag & ~kSubclassBit) == static_cast<uint8_t>(Tag::BigInt)) {
      ptr_ = as_big(v)->z;
    } else {
      int64_t i = 0;
      int64_of(v, &i);
      mpz_init_set_si(tmp_, i);
      ptr_ = tmp_;
      owned_ = true;
    }
  }
  ~MpzView() {
    if (owned_) mpz_clear(tmp_);
  }
  MpzView(const MpzView&) = delete;
  MpzView& operator=(const MpzView&) = delete;
  mpz_srcptr get() const { return ptr_; }

 private:
  mpz_t tmp_;
  mpz_srcptr ptr_;
  bool owned_ = false;
};

// Scoped mpz for results.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

Value new_bigint_owned(ThreadState& ts, mpz_t z) {
  BigInt* b = alloc<BigInt>(ts, ts.types().int_, Tag::BigInt);
  if (!b) {
    mpz_clear(z);
    return Value::null();
  }
  // Move the limbs: the BigInt takes over z's allocation.
  b->z[0] = z[0];
  mpz_init(z);
  return Value::from_object(b);
}

// Normalises and takes ownership of z's value (z is left reset, still
// initialised, so the caller's destructor stays valid).
Value int_from_mpz_take(ThreadState& ts, mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long i = mpz_get_si(z);
    if (Value::fits_small(i)) {
      mpz_set_ui(z, 0);
      return Value::from_small(i);
    }
  }
  return new_bigint_owned(ts, z);
}

Value zero_division(ThreadState& ts, const char* msg) {
  return raise(ts, ts.exc_types().ZeroDivisionError, msg);
}

int64_t floor_div64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t floor_mod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

constexpr int64_t kExactDoubleLimit = int64_t{1} << 53;

Value float_pow_of_ints(ThreadState& ts, Value a, Value b) {
  double x, y;
  if (!to_double(ts, a, &x) || !to_double(ts, b, &y)) return Value::null();
  return float_binary(ts, BinaryOp::Pow, x, y);
}

Value shift_count_error(ThreadState& ts) {
  return raise(ts, ts.exc_types().ValueError, "negative shift count");
}

// The general path of int_binary, on mpz.
Value int_binary_big(ThreadState& ts, BinaryOp op, Value a, Value b) {
  MpzView x(a), y(b);
  Mpz r;
  switch (op) {
    case BinaryOp::Add:
      mpz_add(r.z, x.get(), y.get());
      break;
    case BinaryOp::Sub:
      mpz_sub(r.z, x.get(), y.get());
      break;
    case BinaryOp::Mul:
      mpz_mul(r.z, x.get(), y.get());
      break;
    case BinaryOp::FloorDiv:
      if (mpz_sgn(y.get()) == 0) return zero_division(ts, "integer division or modulo by zero");
      mpz_fdiv_q(r.z, x.get(), y.get());
      break;
    case BinaryOp::Mod:
      if (mpz_sgn(y.get()) == 0) return zero_division(ts, "integer modulo by zero");
      mpz_fdiv_r(r.z, x.get(), y.get());
      break;
    case BinaryOp::TrueDiv:
      return int_true_divide(ts, a, b);
    case BinaryOp::Pow: {
      if (mpz_sgn(y.get()) < 0) {
        if (mpz_sgn(x.get()) == 0)
          return zero_division(ts, "0.0 cannot be raised to a negative power");
        return float_pow_of_ints(ts, a, b);
      }
      if (mpz_cmp_ui(x.get(), 1) == 0 || mpz_sgn(x.get()) == 0) return int_from_mpz(ts, x.get());
      if (mpz_cmp_si(x.get(), -1) == 0) return Value::from_small(mpz_odd_p(y.get()) ? -1 : 1);
      if (!mpz_fits_ulong_p(y.get()) || mpz_get_ui(y.get()) > (uint64_t{1} << 40))
        return raise(ts, ts.exc_types().MemoryError, "");
      mpz_pow_ui(r.z, x.get(), mpz_get_ui(y.get()));
      break;
    }
    case BinaryOp::LShift: {
      if (mpz_sgn(y.get()) < 0) return shift_count_error(ts);
      if (mpz_sgn(x.get()) == 0) return Value::from_small(0);
      if (!mpz_fits_ulong_p(y.get()) || mpz_get_ui(y.get()) > (uint64_t{1} << 40))
        return raise(ts, ts.exc_types().OverflowError, "too many digits in integer");
      mpz_mul_2exp(r.z, x.get(), mpz_get_ui(y.get()));
      break;
    }
    case BinaryOp::RShift: {
      if (mpz_sgn(y.get()) < 0) return shift_count_error(ts);
      if (!mpz_fits_ulong_p(y.get())) return Value::from_small(mpz_sgn(x.get()) < 0 ? -1 : 0);
      mpz_fdiv_q_2exp(r.z, x.get(), mpz_get_ui(y.get()));
      break;
    }
    case BinaryOp::And:
      mpz_and(r.z, x.get(), y.get());
      break;
    case BinaryOp::Or:
      mpz_ior(r.z, x.get(), y.get());
      break;
    case BinaryOp::Xor:
      mpz_xor(r.z, x.get(), y.get());
      break;
    default:
      return newref(ts.interp->not_implemented);
  }
  return int_from_mpz_take(ts, r.z);
}

// Small ** small by repeated squaring; false when an intermediate leaves
// int64 (the caller redoes it with GMP).
bool pow_small(int64_t base, int64_t exp, int64_t* out) {
  int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return false;
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

}  // namespace

// ------------------------------------------------------------ conversions

bool is_int_like(Value v) {
  if (v.is_small()) return true;
  if (!v.is_object()) return false;
  uint8_t tag = v.as_object()->tag;
  return (tag & ~kSubclassBit) == static_cast<uint8_t>(Tag::BigInt) ||
         tag == static_cast<uint8_t>(Tag::Bool);
}

Value int_from_i64(ThreadState& ts, int64_t i) {
  if (Value::fits_small(i)) return Value::from_small(i);
  mpz_t z;
  mpz_init_set_si(z, i);
  return new_bigint_owned(ts, z);
}

Value int_from_u64(ThreadState& ts, uint64_t i) {
  if (i <= static_cast<uint64_t>(Value::kMaxSmall))
    return Value::from_small(static_cast<int64_t>(i));
  mpz_t z;
  mpz_init_set_ui(z, i);
  return new_bigint_owned(ts, z);
}

Value int_from_double(ThreadState& ts, double d) {
  if (std::isinf(d))
    return raise(ts, ts.exc_types().OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d))
    return raise(ts, ts.exc_types().ValueError, "cannot convert float NaN to integer");
  if (d > -4.0e18 && d < 4.0e18) return Value::from_small(static_cast<int64_t>(d));
  mpz_t z;
  mpz_init_set_d(z, d);
  return new_bigint_owned(ts, z);
}

Value int_from_mpz(ThreadState& ts, const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long i = mpz_get_si(z);
    if (Value::fits_small(i)) return Value::from_small(i);
  }
  mpz_t copy;
  mpz_init_set(copy, z);
  return new_bigint_owned(ts, copy);
}

namespace {

inline bool is_py_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' ||
         c == '\x1f';
}

inline int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

bool parse_int_text(std::string_view text, int base, mpz_t out) {
  size_t i = 0, n = text.size();
  while (i < n && is_py_space(text[i])) ++i;
  while (n > i && is_py_space(text[n - 1])) --n;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  bool underscore_ok = false;  // an underscore may follow a base prefix
  auto has_prefix = [&](char lower) {
    return n - i >= 2 && text[i] == '0' && (text[i + 1] == lower || text[i + 1] == lower - 32);
  };
  bool base0_leading_zero = false;
  if (base == 0) {
    if (has_prefix('x'))
      base = 16, i += 2, underscore_ok = true;
    else if (has_prefix('o'))
      base = 8, i += 2, underscore_ok = true;
    else if (has_prefix('b'))
      base = 2, i += 2, underscore_ok = true;
    else {
      base = 10;
      base0_leading_zero = i < n && text[i] == '0';
    }
  } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) ||
             (base == 2 && has_prefix('b'))) {
    i += 2;
    underscore_ok = true;
  }
  // Collect digits, checking underscores sit between digits.
  std::string digits;
  digits.reserve(n - i);
  bool prev_digit = underscore_ok;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (!prev_digit) return false;
      prev_digit = false;
      continue;
    }
    if (digit_value(c) >= base) return false;
    digits.push_back(c);
    prev_digit = true;
  }
  if (digits.empty() || !prev_digit) return false;
  if (base0_leading_zero) {
    // "0", "00", "0_0" are fine; "012" is not (old octal syntax).
    for (char c : digits)
      if (c != '0') return false;
  }
  if (digits.size() <= 18 && base == 10) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    mpz_set_si(out, negative ? -v : v);
    return true;
  }
  if (mpz_set_str(out, digits.c_str(), base) != 0) return false;
  if (negative) mpz_neg(out, out);
  return true;
}

Value int_from_string(ThreadState& ts, std::string_view text, int base) {
  Mpz z;
  if (!parse_int_text(text, base, z.z))
    return raisef(ts, ts.exc_types().ValueError, "invalid literal for int() with base {}: {}", base,
                  str_repr(text));
  return int_from_mpz_take(ts, z.z);
}

void int_to_mpz(Value v, mpz_t out) {
  MpzView view(v);
  mpz_set(out, view.get());
}

bool int_to_i64(Value v, int64_t* out) { return int64_of(v, out); }

bool mpz_to_double_rounded(mpz_srcptr z, double* out) {
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 64) {
    // Fits uint64: the hardware conversion rounds half to even.
    Mpz a;
    mpz_abs(a.z, z);
    double d = static_cast<double>(mpz_get_ui(a.z));
    *out = mpz_sgn(z) < 0 ? -d : d;
    return true;
  }
  // Keep 55 significant bits plus a sticky bit for everything below, so the
  // hardware int->double conversion rounds half-to-even exactly once.
  size_t drop = bits - 55;
  Mpz top;
  mpz_tdiv_q_2exp(top.z, z, drop);
  mpz_abs(top.z, top.z);
  uint64_t q = mpz_get_ui(top.z);
  if (mpz_scan1(z, 0) < drop) q |= 1;
  if (bits > 1100) return false;
  double d = std::ldexp(static_cast<double>(q), static_cast<int>(drop));
  if (std::isinf(d)) return false;
  *out = mpz_sgn(z) < 0 ? -d : d;
  return true;
}

double int_to_double(ThreadState&, Value v, bool* overflow) {
  int64_t i;
  *overflow = false;
  if (int64_of(v, &i)) {
    if (i > -kExactDoubleLimit && i < kExactDoubleLimit) return static_cast<double>(i);
  }
  MpzView z(v);
  double d = 0;
  if (!mpz_to_double_rounded(z.get(), &d)) {
    *overflow = true;
    return 0;
  }
  return d;
}

std::string int_to_string(Value v, int base) {
  int64_t i;
  if (int64_of(v, &i)) {
    char buf[72];
    auto res = std::to_chars(buf, buf + sizeof buf, i, base);
    return std::string(buf, res.ptr);
  }
  MpzView z(v);
  std::string s(mpz_sizeinbase(z.get(), base) + 2, '\0');
  mpz_get_str(s.data(), base, z.get());
  s.resize(std::strlen(s.c_str()));
  return s;
}

int int_sign(Value v) {
  int64_t i;
  if (int64_of(v, &i)) return (i > 0) - (i < 0);
  return mpz_sgn(as_big(v)->z);
}

// ------------------------------------------------------------ arithmetic

bool mpz_true_divide(mpz_srcptr a, mpz_srcptr b, double* out) {
  bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sgn(a) == 0) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  Mpz num, den, q, r;
  mpz_abs(num.z, a);
  mpz_abs(den.z, b);
  long na = static_cast<long>(mpz_sizeinbase(num.z, 2));
  long nb = static_cast<long>(mpz_sizeinbase(den.z, 2));
  if (na - nb > 1030) return false;
  if (nb - na > 1200) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  // Scale so the quotient has 55 or 56 bits; the remainder becomes a
  // sticky bit and one int->double conversion does the rounding.
  long shift = nb - na + 55;
  if (shift >= 0)
    mpz_mul_2exp(num.z, num.z, shift);
  else
    mpz_mul_2exp(den.z, den.z, -shift);
  mpz_tdiv_qr(q.z, r.z, num.z, den.z);
  uint64_t bits = mpz_get_ui(q.z);
  if (mpz_sgn(r.z) != 0) bits |= 1;
  double d = std::ldexp(static_cast<double>(bits), static_cast<int>(-shift));
  if (std::isinf(d)) return false;
  if (d < DBL_MIN) {
    // Subnormal: ldexp would round a second time. Redo the division with
    // the quotient's unit at 2**-1076 and round once, by hand, to 2**-1074.
    mpz_abs(num.z, a);
    mpz_abs(den.z, b);
    mpz_mul_2exp(num.z, num.z, 1076);
    mpz_tdiv_qr(q.z, r.z, num.z, den.z);
    uint64_t qq = mpz_get_ui(q.z);
    uint64_t low = qq & 3;
    qq >>= 2;
    if (low > 2 || (low == 2 && (mpz_sgn(r.z) != 0 || (qq & 1)))) ++qq;
    d = std::ldexp(static_cast<double>(qq), -1074);
  }
  *out = negative ? -d : d;
  return true;
}

Value int_true_divide(ThreadState& ts, Value a, Value b) {
  int64_t x, y;
  if (int64_of(a, &x) && int64_of(b, &y) && x > -kExactDoubleLimit && x < kExactDoubleLimit &&
      y > -kExactDoubleLimit && y < kExactDoubleLimit) {
    if (y == 0) return zero_division(ts, "division by zero");
    return float_new(ts, static_cast<double>(x) / static_cast<double>(y));
  }
  MpzView p(a), q(b);
  if (mpz_sgn(q.get()) == 0) return zero_division(ts, "division by zero");
  double d;
  if (!mpz_true_divide(p.get(), q.get(), &d))
    return raise(ts, ts.exc_types().OverflowError, "integer division result too large for a float");
  return float_new(ts, d);
}

Value int_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  int64_t x, y;
  if (!(a.is_small() && b.is_small())) {
    if (!int64_of(a, &x) || !int64_of(b, &y) || !Value::fits_small(x) || !Value::fits_small(y))
      return int_binary_big(ts, op, a, b);
  } else {
    x = a.as_small();
    y = b.as_small();
  }
  // Both operands are within ±2**62, so + and - cannot overflow int64.
  switch (op) {
    case BinaryOp::Add:
      return int_from_i64(ts, x + y);
    case BinaryOp::Sub:
      return int_from_i64(ts, x - y);
    case BinaryOp::Mul: {
      int64_t r;
      if (__builtin_mul_overflow(x, y, &r)) return int_binary_big(ts, op, a, b);
      return int_from_i64(ts, r);
    }
    case BinaryOp::FloorDiv:
      if (y == 0) return zero_division(ts, "integer division or modulo by zero");
      return int_from_i64(ts, floor_div64(x, y));
    case BinaryOp::Mod:
      if (y == 0) return zero_division(ts, "integer modulo by zero");
      return Value::from_small(floor_mod64(x, y));
    case BinaryOp::TrueDiv:
      return int_true_divide(ts, a, b);
    case BinaryOp::Pow: {
      if (y < 0) {
        if (x == 0) return zero_division(ts, "0.0 cannot be raised to a negative power");
        return float_pow_of_ints(ts, a, b);
      }
      int64_t r;
      if (pow_small(x, y, &r)) return int_from_i64(ts, r);
      return int_binary_big(ts, op, a, b);
    }
    case BinaryOp::LShift: {
      if (y < 0) return shift_count_error(ts);
      if (x == 0) return Value::from_small(0);
      if (y < 63) {
        __int128 r = static_cast<__int128>(x) << y;
        if (r >= Value::kMinSmall && r <= Value::kMaxSmall)
          return Value::from_small(static_cast<int64_t>(r));
      }
      return int_binary_big(ts, op, a, b);
    }
    case BinaryOp::RShift:
      if (y < 0) return shift_count_error(ts);
      return Value::from_small(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
    case BinaryOp::And:
      return Value::from_small(x & y);
    case BinaryOp::Or:
      return Value::from_small(x | y);
    case BinaryOp::Xor:
      return Value::from_small(x ^ y);
    default:
      return newref(ts.interp->not_implemented);
  }
}

Value int_pow_mod(ThreadState& ts, Value base, Value exp, Value mod) {
  MpzView b(base), e(exp), m(mod);
  if (mpz_sgn(m.get()) == 0)
    return raise(ts, ts.exc_types().ValueError, "pow() 3rd argument cannot be 0");
  Mpz absm, r, bb;
  mpz_abs(absm.z, m.get());
  mpz_set(bb.z, b.get());
  Mpz ee;
  mpz_set(ee.z, e.get());
  if (mpz_sgn(e.get()) < 0) {
    if (mpz_invert(bb.z, bb.z, absm.z) == 0)
      return raise(ts, ts.exc_types().ValueError, "base is not invertible for the given modulus");
    mpz_neg(ee.z, ee.z);
  }
  if (mpz_cmp_ui(absm.z, 1) == 0) {
    mpz_set_ui(r.z, 0);
  } else {
    mpz_powm(r.z, bb.z, ee.z, absm.z);  // result in [0, |m|)
  }
  if (mpz_sgn(m.get()) < 0 && mpz_sgn(r.z) != 0) mpz_sub(r.z, r.z, absm.z);
  return int_from_mpz_take(ts, r.z);
}

Value int_divmod(ThreadState& ts, Value a, Value b) {
  int64_t x, y;
  if (int64_of(a, &x) && int64_of(b, &y) && Value::fits_small(x) && Value::fits_small(y)) {
    if (y == 0) return zero_division(ts, "integer division or modulo by zero");
    Ref q = Ref::steal(int_from_i64(ts, floor_div64(x, y)));
    if (!q) return Value::null();
    return tuple_pack(ts, {q.get(), Value::from_small(floor_mod64(x, y))});
  }
  MpzView p(a), d(b);
  if (mpz_sgn(d.get()) == 0) return zero_division(ts, "integer division or modulo by zero");
  Mpz q, r;
  mpz_fdiv_qr(q.z, r.z, p.get(), d.get());
  Ref qv = Ref::steal(int_from_mpz_take(ts, q.z));
  if (!qv) return Value::null();
  Ref rv = Ref::steal(int_from_mpz_take(ts, r.z));
  if (!rv) return Value::null();
  return tuple_pack(ts, {qv.get(), rv.get()});
}

int int_compare(Value a, Value b) {
  int64_t x, y;
  if (int64_of(a, &x) && int64_of(b, &y)) return (x > y) - (x < y);
  MpzView p(a), q(b);
  int c = mpz_cmp(p.get(), q.get());
  return (c > 0) - (c < 0);
}

int int_compare_double(Value i, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  int64_t x;
  if (int64_of(i, &x) && x > -kExactDoubleLimit && x < kExactDoubleLimit) {
    double xd = static_cast<double>(x);
    return (xd > d) - (xd < d);
  }
  // Exact: compare with trunc(d), then let the fraction break the tie.
  double t = std::trunc(d);
  Mpz td;
  mpz_set_d(td.z, t);
  MpzView z(i);
  int c = mpz_cmp(z.get(), td.z);
  if (c != 0) return (c > 0) - (c < 0);
  double frac = d - t;
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

int64_t int_hash(Value v) {
  int64_t i;
  if (int64_of(v, &i)) {
    if (i == -1) return -2;
    if (i > -static_cast<int64_t>(kHashModulus) && i < static_cast<int64_t>(kHashModulus)) return i;
    uint64_t m = (i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i)) % kHashModulus;
    int64_t h = i < 0 ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
    return h == -1 ? -2 : h;
  }
  mpz_srcptr z = as_big(v)->z;
  int64_t h = static_cast<int64_t>(mpz_tdiv_ui(z, kHashModulus));
  if (mpz_sgn(z) < 0) h = -h;
  return h == -1 ? -2 : h;
}

Value int_from_index(ThreadState& ts, Value v) {
  if (v.is_small()) return v;
  if (has_tag(v, Tag::Bool)) return Value::from_small(v.is(ts.interp->true_) ? 1 : 0);
  if (has_tag(v, Tag::BigInt)) return newref(v);
  if (is_int_like(v)) {  // an int subclass: its plain int value
    Mpz z;
    int_to_mpz(v, z.z);
    return int_from_mpz_take(ts, z.z);
  }
  Type* t = type_of(ts, v);
  Value hook = t->is_builtin ? Value::null() : type_lookup(t, ts.names().__index__);
  if (!hook)
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer", type_name(ts, v));
  Ref r = Ref::steal(call(ts, hook, &v, 1));
  if (!r) return Value::null();
  if (!is_int_like(r.get()))
    return raisef(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})", type_name(ts, r.get()));
  return int_from_index(ts, r.get());
}

Value int_round(ThreadState& ts, Value x, Value ndigits) {
  if (ndigits.is_null() || ndigits.is(ts.none())) {
    if (x.is_small()) return x;
    Mpz z;
    int_to_mpz(x, z.z);
    return int_from_mpz_take(ts, z.z);
  }
  if (!is_int_like(ndigits))
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, ndigits));
  Mpz z;
  int_to_mpz(x, z.z);
  int64_t nd;
  if (!int64_of(ndigits, &nd)) nd = int_sign(ndigits) > 0 ? 1 : INT64_MIN;
  if (nd >= 0) return int_from_mpz_take(ts, z.z);
  if (nd < -100000) return Value::from_small(0);
  // Round half to even to a multiple of 10**-nd.
  Mpz pow, q, r, twice;
  mpz_ui_pow_ui(pow.z, 10, static_cast<unsigned long>(-nd));
  mpz_fdiv_qr(q.z, r.z, z.z, pow.z);
  mpz_mul_2exp(twice.z, r.z, 1);
  int c = mpz_cmp(twice.z, pow.z);
  if (c > 0 || (c == 0 && mpz_odd_p(q.z))) mpz_add_ui(q.z, q.z, 1);
  mpz_mul(q.z, q.z, pow.z);
  return int_from_mpz_take(ts, q.z);
}

// ------------------------------------------------------------ the int type

namespace {

// Copies an int-like into a plain int (bools and subclass instances lose
// their type), or builds an instance of the int subclass `type`.
Value make_int_of_type(ThreadState& ts, Type* type, Value v) {
  if (type == ts.types().int_) {
    if (v.is_small() || has_tag(v, Tag::BigInt)) return newref(v);
    Mpz z;
    int_to_mpz(v, z.z);
    return int_from_mpz_take(ts, z.z);
  }
  size_t size = type->basic_size > sizeof(BigInt) ? type->basic_size : sizeof(BigInt);
  BigInt* b = alloc<BigInt>(ts, type, Tag::BigInt, size);
  if (!b) return Value::null();  // alloc_object gave the user subclass's instance kSubclassBit
  mpz_init(b->z);
  int_to_mpz(v, b->z);
  return Value::from_object(b);
}

void bigint_dealloc(Object* self) { mpz_clear(static_cast<BigInt*>(self)->z); }

Value int_repr(ThreadState& ts, Value self) {
  int64_t i;
  if (int64_of(self, &i)) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, i);
    return str_new(ts, std::string_view(buf, res.ptr - buf));
  }
  return str_new(ts, int_to_string(self));
}

int64_t int_hash_slot(ThreadState&, Value self) { return int_hash(self); }

Value compare_result(ThreadState& ts, int c, CompareOp op) {
  bool r = false;
  switch (op) {
    case CompareOp::Lt:
      r = c < 0;
      break;
    case CompareOp::Le:
      r = c <= 0;
      break;
    case CompareOp::Eq:
      r = c == 0;
      break;
    case CompareOp::Ne:
      r = c != 0;
      break;
    case CompareOp::Gt:
      r = c > 0;
      break;
    case CompareOp::Ge:
      r = c >= 0;
      break;
  }
  return ts.bool_value(r);
}

Value int_compare_slot(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (is_int_like(other)) return compare_result(ts, int_compare(self, other), op);
  if (has_layout(other, Tag::Float)) {
    int c = int_compare_double(self, float_value(other));
    if (c == 2) return ts.bool_value(op == CompareOp::Ne);
    return compare_result(ts, c, op);
  }
  return newref(ts.interp->not_implemented);
}

Value int_binary_slot(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (!is_int_like(a) || !is_int_like(b)) return newref(ts.interp->not_implemented);
  return int_binary(ts, op, a, b);
}

Value int_unary_slot(ThreadState& ts, UnaryOp op, Value self) {
  int64_t i;
  if (int64_of(self, &i) && Value::fits_small(i)) {
    switch (op) {
      case UnaryOp::Neg:
        return int_from_i64(ts, -i);
      case UnaryOp::Pos:
        return Value::from_small(i);
      case UnaryOp::Invert:
        return Value::from_small(~i);
    }
  }
  Mpz z;
  int_to_mpz(self, z.z);
  switch (op) {
    case UnaryOp::Neg:
      mpz_neg(z.z, z.z);
      break;
    case UnaryOp::Pos:
      break;
    case UnaryOp::Invert:
      mpz_com(z.z, z.z);
      break;
  }
  return int_from_mpz_take(ts, z.z);
}

int int_truthy_slot(ThreadState&, Value self) { return int_sign(self) != 0; }

// Text of a str/bytes/bytearray argument to int(x, base); false otherwise.
bool text_argument(Value v, std::string_view* out, bool* is_bytes_arg) {
  if (is_str_like(v)) {
    *out = as_str(v)->view();
    *is_bytes_arg = false;
    return true;
  }
  if (has_layout(v, Tag::Bytes)) {
    *out = as_bytes(v)->view();
    *is_bytes_arg = true;
    return true;
  }
  return false;
}

Value int_from_text_value(ThreadState& ts, std::string_view text, bool is_bytes_arg, int base) {
  Mpz z;
  if (!parse_int_text(text, base, z.z)) {
    std::string shown = is_bytes_arg ? bytes_repr(text) : str_repr(text);
    return raisef(ts, ts.exc_types().ValueError, "invalid literal for int() with base {}: {}", base,
                  shown);
  }
  return int_from_mpz_take(ts, z.z);
}

// int(x) for a non-text x: int-likes, floats, then __int__/__index__/__trunc__.
Value int_from_object(ThreadState& ts, Value x) {
  if (is_int_like(x)) return make_int_of_type(ts, ts.types().int_, x);
  if (has_layout(x, Tag::Float)) return int_from_double(ts, float_value(x));
  for (const char* name : {"__int__", "__index__", "__trunc__"}) {
    if (!type_lookup(type_of(ts, x), str_intern(ts, name))) continue;
    Ref r = Ref::steal(call_method(ts, x, name, nullptr, 0));
    if (!r) return Value::null();
    if (!is_int_like(r.get()))
      return raisef(ts, ts.exc_types().TypeError, "{} returned non-int (type {})", name,
                    type_name(ts, r.get()));
    return make_int_of_type(ts, ts.types().int_, r.get());
  }
  return raisef(ts, ts.exc_types().TypeError,
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(ts, x));
}

Value int_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[2];
  if (!parse_args(ts, "int", args, nargs, kwnames, {"", "base"}, 0, -1, out)) return Value::null();
  Value x = out[0], base_v = out[1];
  Ref result;
  if (x.is_null()) {
    if (!base_v.is_null())
      return raise(ts, ts.exc_types().TypeError, "int() missing string argument");
    result = Ref::steal(Value::from_small(0));
  } else if (base_v.is_null()) {
    std::string_view text;
    bool is_bytes_arg;
    if (text_argument(x, &text, &is_bytes_arg))
      result = Ref::steal(int_from_text_value(ts, text, is_bytes_arg, 10));
    else
      result = Ref::steal(int_from_object(ts, x));
  } else {
    int64_t base;
    if (!to_index(ts, base_v, &base)) return Value::null();
    if (base != 0 && (base < 2 || base > 36))
      return raise(ts, ts.exc_types().ValueError, "int() base must be >= 2 and <= 36, or 0");
    std::string_view text;
    bool is_bytes_arg;
    if (!text_argument(x, &text, &is_bytes_arg))
      return raise(ts, ts.exc_types().TypeError,
                   "int() can't convert non-string with explicit base");
    result = Ref::steal(int_from_text_value(ts, text, is_bytes_arg, static_cast<int>(base)));
  }
  if (!result) return Value::null();
  if (type == ts.types().int_) return result.release();
  return make_int_of_type(ts, type, result.get());
}

// ---- methods

Value self_int(ThreadState& ts, Value self) { return make_int_of_type(ts, ts.types().int_, self); }

Value int_bit_length(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "bit_length", nargs, kwnames, 1, 1)) return Value::null();
  int64_t i;
  if (int64_of(args[0], &i)) {
    uint64_t m = i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    return Value::from_small(m == 0 ? 0 : 64 - __builtin_clzll(m));
  }
  MpzView z(args[0]);
  return int_from_u64(ts, mpz_sizeinbase(z.get(), 2));
}

Value int_bit_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "bit_count", nargs, kwnames, 1, 1)) return Value::null();
  Mpz z;
  int_to_mpz(args[0], z.z);
  mpz_abs(z.z, z.z);
  return int_from_u64(ts, mpz_popcount(z.z));
}

Value int_identity(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__int__", nargs, kwnames, 1, 1)) return Value::null();
  return self_int(ts, args[0]);
}

Value int_is_integer(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "is_integer", nargs, kwnames, 1, 1)) return Value::null();
  return ts.bool_value(true);
}

Value int_float_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__float__", nargs, kwnames, 1, 1)) return Value::null();
  double d;
  if (!to_double(ts, args[0], &d)) return Value::null();
  return float_new(ts, d);
}

Value int_round_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__round__", nargs, kwnames, 1, 2)) return Value::null();
  return int_round(ts, args[0], nargs > 1 ? args[1] : Value::null());
}

Value int_format_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__format__", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_str_like(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "__format__() argument must be str, not {}",
                  type_name(ts, args[1]));
  return format_value(ts, args[0], as_str(args[1])->view());
}

Value int_getnewargs(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getnewargs__", nargs, kwnames, 1, 1)) return Value::null();
  Ref v = Ref::steal(self_int(ts, args[0]));
  if (!v) return Value::null();
  return tuple_pack(ts, {v.get()});
}

Value int_as_integer_ratio(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "as_integer_ratio", nargs, kwnames, 1, 1)) return Value::null();
  Ref v = Ref::steal(self_int(ts, args[0]));
  if (!v) return Value::null();
  return tuple_pack(ts, {v.get(), Value::from_small(1)});
}

Value int_divmod_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__divmod__", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_int_like(args[1])) return newref(ts.interp->not_implemented);
  return int_divmod(ts, args[0], args[1]);
}

Value int_rdivmod_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__rdivmod__", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_int_like(args[1])) return newref(ts.interp->not_implemented);
  return int_divmod(ts, args[1], args[0]);
}

bool parse_byteorder(ThreadState& ts, Value v, bool* little) {
  if (v.is_null()) {
    *little = false;
    return true;
  }
  if (!is_str_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "to_bytes() argument 'byteorder' must be str, not {}",
           type_name(ts, v));
    return false;
  }
  std::string_view s = as_str(v)->view();
  if (s == "little")
    *little = true;
  else if (s == "big")
    *little = false;
  else {
    raise(ts, ts.exc_types().ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

Value int_to_bytes(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[4];
  if (!parse_args(ts, "to_bytes", args, nargs, kwnames, {"self", "length", "byteorder", "signed"},
                  1, 3, out))
    return Value::null();
  int64_t length = 1;
  if (!out[1].is_null() && !to_index(ts, out[1], &length)) return Value::null();
  if (length < 0)
    return raise(ts, ts.exc_types().ValueError, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder(ts, out[2], &little)) return Value::null();
  bool is_signed = false;
  if (!out[3].is_null()) {
    int t = truthy(ts, out[3]);
    if (t < 0) return Value::null();
    is_signed = t;
  }
  Mpz z;
  int_to_mpz(out[0], z.z);
  if (mpz_sgn(z.z) < 0 && !is_signed)
    return raise(ts, ts.exc_types().OverflowError, "can't convert negative int to unsigned");
  // Range check, then two's complement for negatives.
  Mpz limit;
  mpz_set_ui(limit.z, 1);
  mpz_mul_2exp(limit.z, limit.z,
               static_cast<mp_bitcnt_t>(length * 8 - (is_signed && length > 0 ? 1 : 0)));
  bool fits;
  if (length == 0)
    fits = mpz_sgn(z.z) == 0;
  else if (mpz_sgn(z.z) >= 0)
    fits = mpz_cmp(z.z, limit.z) < 0;
  else {
    Mpz neg;
    mpz_neg(neg.z, z.z);
    fits = mpz_cmp(neg.z, limit.z) <= 0;
  }
  if (!fits) return raise(ts, ts.exc_types().OverflowError, "int too big to convert");
  if (mpz_sgn(z.z) < 0) {
    Mpz mod;
    mpz_set_ui(mod.z, 1);
    mpz_mul_2exp(mod.z, mod.z, static_cast<mp_bitcnt_t>(length * 8));
    mpz_add(z.z, z.z, mod.z);
  }
  std::string buf(static_cast<size_t>(length), '\0');
  size_t count = 0;
  if (length > 0 && mpz_sgn(z.z) != 0) {
    std::string tmp(static_cast<size_t>(length) + 8, '\0');
    mpz_export(tmp.data(), &count, 1, 1, 1, 0, z.z);  // big-endian, most significant first
    std::memcpy(buf.data() + (length - count), tmp.data(), count);
  }
  if (little) std::reverse(buf.begin(), buf.end());
  return bytes_new(ts, buf);
}

Value int_from_bytes(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  // Reached as int.from_bytes(...) (unbound: no self) or bound to a class or
  // an instance; a leading type or int is the classmethod's receiver.
  Type* cls = ts.types().int_;
  if (nargs > 0 && (has_tag(args[0], Tag::Type) || is_int_like(args[0]))) {
    if (has_tag(args[0], Tag::Type)) cls = static_cast<Type*>(args[0].as_object());
    ++args;
    --nargs;
  }
  Value out[3];
  if (!parse_args(ts, "from_bytes", args, nargs, kwnames, {"bytes", "byteorder", "signed"}, 1, 2,
                  out))
    return Value::null();
  std::string data;
  if (has_layout(out[0], Tag::Bytes)) {
    data = std::string(as_bytes(out[0])->view());
  } else {
    Ref it = Ref::steal(get_iter(ts, out[0]));
    if (!it) return Value::null();
    for (;;) {
      Ref item = Ref::steal(iter_next(ts, it.get()));
      if (!item) {
        if (ts.has_error()) return Value::null();
        break;
      }
      int64_t b;
      if (!to_index(ts, item.get(), &b)) return Value::null();
      if (b < 0 || b > 255)
        return raise(ts, ts.exc_types().ValueError, "bytes must be in range(0, 256)");
      data.push_back(static_cast<char>(b));
    }
  }
  bool little;
  if (!parse_byteorder(ts, out[1], &little)) return Value::null();
  bool is_signed = false;
  if (!out[2].is_null()) {
    int t = truthy(ts, out[2]);
    if (t < 0) return Value::null();
    is_signed = t;
  }
  Mpz z;
  if (!data.empty()) mpz_import(z.z, data.size(), little ? -1 : 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty()) {
    unsigned char top = static_cast<unsigned char>(little ? data.back() : data.front());
    if (top & 0x80) {
      Mpz mod;
      mpz_set_ui(mod.z, 1);
      mpz_mul_2exp(mod.z, mod.z, data.size() * 8);
      mpz_sub(z.z, z.z, mod.z);
    }
  }
  Ref r = Ref::steal(int_from_mpz_take(ts, z.z));
  if (!r || cls == ts.types().int_) return r.release();
  Value arg = r.get();
  return call(ts, Value::from_object(cls), &arg, 1);
}

// int.__add__ and friends, for explicit calls and super() in subclasses.
template <BinaryOp Op, bool Reflected>
Value int_binary_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "int method", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_int_like(args[1])) return newref(ts.interp->not_implemented);
  return Reflected ? int_binary(ts, Op, args[1], args[0]) : int_binary(ts, Op, args[0], args[1]);
}

template <UnaryOp Op>
Value int_unary_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "int method", nargs, kwnames, 1, 1)) return Value::null();
  return int_unary_slot(ts, Op, args[0]);
}

Value int_abs_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__abs__", nargs, kwnames, 1, 1)) return Value::null();
  if (int_sign(args[0]) < 0) return int_unary_slot(ts, UnaryOp::Neg, args[0]);
  return self_int(ts, args[0]);
}

Value int_bool_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__bool__", nargs, kwnames, 1, 1)) return Value::null();
  return ts.bool_value(int_sign(args[0]) != 0);
}

Value int_repr_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__repr__", nargs, kwnames, 1, 1)) return Value::null();
  return int_repr(ts, args[0]);
}

Value int_hash_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__hash__", nargs, kwnames, 1, 1)) return Value::null();
  return int_from_i64(ts, int_hash(args[0]));
}

template <CompareOp Op>
Value int_compare_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "int comparison", nargs, kwnames, 2, 2)) return Value::null();
  return int_compare_slot(ts, args[0], args[1], Op);
}

}  // namespace

void init_int_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "int", nullptr, Tag::BigInt, sizeof(BigInt));
  ts.interp->types.int_ = t;
  t->slots.dealloc = bigint_dealloc;
  t->slots.repr = int_repr;
  t->slots.hash = int_hash_slot;
  t->slots.compare = int_compare_slot;
  t->slots.binary = int_binary_slot;
  t->slots.unary = int_unary_slot;
  t->slots.truthy = int_truthy_slot;
  t->slots.construct = int_construct;

  add_method(ts, t, "bit_length", int_bit_length);
  add_method(ts, t, "bit_count", int_bit_count);
  add_method(ts, t, "to_bytes", int_to_bytes);
  add_method(ts, t, "from_bytes", int_from_bytes);
  add_method(ts, t, "conjugate", int_identity);
  add_method(ts, t, "is_integer", int_is_integer);
  add_method(ts, t, "as_integer_ratio", int_as_integer_ratio);
  add_method(ts, t, "__index__", int_identity);
  add_method(ts, t, "__int__", int_identity);
  add_method(ts, t, "__trunc__", int_identity);
  add_method(ts, t, "__floor__", int_identity);
  add_method(ts, t, "__ceil__", int_identity);
  add_method(ts, t, "__float__", int_float_method);
  add_method(ts, t, "__round__", int_round_method);
  add_method(ts, t, "__format__", int_format_method);
  add_method(ts, t, "__getnewargs__", int_getnewargs);
  add_method(ts, t, "__divmod__", int_divmod_method);
  add_method(ts, t, "__rdivmod__", int_rdivmod_method);
  add_method(ts, t, "__abs__", int_abs_method);
  add_method(ts, t, "__bool__", int_bool_method);
  add_method(ts, t, "__repr__", int_repr_method);
  add_method(ts, t, "__hash__", int_hash_method);
  add_method(ts, t, "__neg__", int_unary_method<UnaryOp::Neg>);
  add_method(ts, t, "__pos__", int_unary_method<UnaryOp::Pos>);
  add_method(ts, t, "__invert__", int_unary_method<UnaryOp::Invert>);
  add_method(ts, t, "__lt__", int_compare_method<CompareOp::Lt>);
  add_method(ts, t, "__le__", int_compare_method<CompareOp::Le>);
  add_method(ts, t, "__eq__", int_compare_method<CompareOp::Eq>);
  add_method(ts, t, "__ne__", int_compare_method<CompareOp::Ne>);
  add_method(ts, t, "__gt__", int_compare_method<CompareOp::Gt>);
  add_method(ts, t, "__ge__", int_compare_method<CompareOp::Ge>);
#define GILVM_INT_BINARY(name, op)                                 \
  add_method(ts, t, "__" name "__", int_binary_method<op, false>); \
  add_method(ts, t, "__r" name "__", int_binary_method<op, true>);
  GILVM_INT_BINARY("add", BinaryOp::Add)
  GILVM_INT_BINARY("sub", BinaryOp::Sub)
  GILVM_INT_BINARY("mul", BinaryOp::Mul)
  GILVM_INT_BINARY("truediv", BinaryOp::TrueDiv)
  GILVM_INT_BINARY("floordiv", BinaryOp::FloorDiv)
  GILVM_INT_BINARY("mod", BinaryOp::Mod)
  GILVM_INT_BINARY("pow", BinaryOp::Pow)
  GILVM_INT_BINARY("lshift", BinaryOp::LShift)
  GILVM_INT_BINARY("rshift", BinaryOp::RShift)
  GILVM_INT_BINARY("and", BinaryOp::And)
  GILVM_INT_BINARY("or", BinaryOp::Or)
  GILVM_INT_BINARY("xor", BinaryOp::Xor)
#undef GILVM_INT_BINARY
}

}  // namespace gilvm
