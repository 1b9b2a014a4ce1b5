// float: a boxed double with Python's printing, rounding and mixed
// int/float arithmetic.
//
// repr takes the shortest round-tripping digits from std::to_chars (which
// is exact and locale-free) and lays them out with Python's rules; round()
// works on exact rationals (GMP) instead of CPython's dtoa, trading a few
// allocations per call for a much smaller implementation with the same
// correctly-rounded results.
#include "runtime/float.h"

#include <gmp.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;

struct Mpq {
  mpq_t q;
  Mpq() { mpq_init(q); }
  ~Mpq() { mpq_clear(q); }
  Mpq(const Mpq&) = delete;
  Mpq& operator=(const Mpq&) = delete;
};
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

Value zero_division(ThreadState& ts, const char* msg) {
  return raise(ts, ts.exc_types().ZeroDivisionError, msg);
}

// CPython's float_divmod, shared by //, % and divmod().
void float_divmod_raw(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div != 0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Value float_pow(ThreadState& ts, double a, double b) {
  if (b == 0) return float_new(ts, 1.0);
  if (std::isnan(a)) return float_new(ts, a == 1.0 ? 1.0 : a);
  if (std::isnan(b)) return float_new(ts, a == 1.0 ? 1.0 : b);
  if (a == 0 && b < 0 && !std::isinf(b))
    return zero_division(ts, "0.0 cannot be raised to a negative power");
  if (a < 0 && std::isfinite(a) && std::isfinite(b) && b != std::floor(b))
    // CPython returns a complex number here; gilvm has no complex type.
    return raise(ts, ts.exc_types().ValueError, "math domain error");
  double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
    return raise(ts, ts.exc_types().OverflowError, "(34, 'Numerical result out of range')");
  return float_new(ts, r);
}

}  // namespace

Value float_new(ThreadState& ts, double d) {
  Float* f = alloc<Float>(ts, ts.types().float_, Tag::Float);
  if (!f) return Value::null();
  f->value = d;
  return Value::from_object(f);
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[40];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view s(buf, res.ptr - buf);  // "-1.2345e+17"
  std::string out;
  if (s[0] == '-') {
    out.push_back('-');
    s.remove_prefix(1);
  }
  size_t e = s.find('e');
  std::string digits;
  digits.push_back(s[0]);
  if (e > 1) digits.append(s.substr(2, e - 2));
  int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
  int ndigits = static_cast<int>(digits.size());
  if (exp < -4 || exp >= 16) {
    out.push_back(digits[0]);
    if (ndigits > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    out.push_back('e');
    out.push_back(exp < 0 ? '-' : '+');
    int a = exp < 0 ? -exp : exp;
    if (a < 10) out.push_back('0');
    out.append(std::to_string(a));
  } else if (exp < 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-exp - 1), '0');
    out.append(digits);
  } else {
    int int_len = exp + 1;
    if (ndigits <= int_len) {
      out.append(digits);
      out.append(static_cast<size_t>(int_len - ndigits), '0');
      out.append(".0");
    } else {
      out.append(digits, 0, int_len);
      out.push_back('.');
      out.append(digits, int_len);
    }
  }
  return out;
}

int64_t float_hash(double d) {
  if (std::isinf(d)) return d > 0 ? 314159 : -314159;
  if (std::isnan(d)) return 0;
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  int64_t h = static_cast<int64_t>(x) * sign;
  return h == -1 ? -2 : h;
}

Value float_binary(ThreadState& ts, BinaryOp op, double a, double b) {
  switch (op) {
    case BinaryOp::Add:
      return float_new(ts, a + b);
    case BinaryOp::Sub:
      return float_new(ts, a - b);
    case BinaryOp::Mul:
      return float_new(ts, a * b);
    case BinaryOp::TrueDiv:
      if (b == 0) return zero_division(ts, "float division by zero");
      return float_new(ts, a / b);
    case BinaryOp::FloorDiv: {
      if (b == 0) return zero_division(ts, "float floor division by zero");
      double q, m;
      float_divmod_raw(a, b, &q, &m);
      return float_new(ts, q);
    }
    case BinaryOp::Mod: {
      if (b == 0) return zero_division(ts, "float modulo");
      double m = std::fmod(a, b);
      if (m != 0) {
        if ((b < 0) != (m < 0)) m += b;
      } else {
        m = std::copysign(0.0, b);
      }
      return float_new(ts, m);
    }
    case BinaryOp::Pow:
      return float_pow(ts, a, b);
    default:
      return newref(ts.interp->not_implemented);
  }
}

bool to_double(ThreadState& ts, Value v, double* out) {
  if (v.is_small()) {
    *out = static_cast<double>(v.as_small());
    return true;
  }
  if (has_layout(v, Tag::Float)) {
    *out = float_value(v);
    return true;
  }
  if (is_int_like(v)) {
    bool overflow;
    *out = int_to_double(ts, v, &overflow);
    if (overflow) {
      raise(ts, ts.exc_types().OverflowError, "int too large to convert to float");
      return false;
    }
    return true;
  }
  raisef(ts, ts.exc_types().TypeError, "must be real number, not {}", type_name(ts, v));
  return false;
}

Value float_divmod(ThreadState& ts, Value a, Value b) {
  double x, y;
  if (!to_double(ts, a, &x) || !to_double(ts, b, &y)) return Value::null();
  if (y == 0) return zero_division(ts, "float divmod()");
  double q, m;
  float_divmod_raw(x, y, &q, &m);
  Ref qv = Ref::steal(float_new(ts, q));
  Ref mv = Ref::steal(float_new(ts, m));
  if (!qv || !mv) return Value::null();
  return tuple_pack(ts, {qv.get(), mv.get()});
}

Value float_round(ThreadState& ts, double x, Value ndigits) {
  if (ndigits.is_null() || ndigits.is(ts.none())) {
    // nearbyint rounds half to even in the default rounding mode.
    return int_from_double(ts, std::isfinite(x) ? std::nearbyint(x) : x);
  }
  int64_t nd;
  if (!is_int_like(ndigits))
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, ndigits));
  if (!int_to_i64(ndigits, &nd)) nd = int_sign(ndigits) > 0 ? 100000 : -100000;
  if (!std::isfinite(x) || x == 0) return float_new(ts, x);
  // Doubles have at most 1074 fractional digits and values below 1e309.
  if (nd > 400) return float_new(ts, x);
  if (nd < -400) return float_new(ts, std::copysign(0.0, x));
  // Exact: n = round_half_even(x * 10**nd), result = n / 10**nd correctly
  // rounded.
  Mpq q;
  mpq_set_d(q.q, x);
  Mpz pow10, n, r, twice;
  mpz_ui_pow_ui(pow10.z, 10, static_cast<unsigned long>(nd < 0 ? -nd : nd));
  Mpz num, den;
  mpz_set(num.z, mpq_numref(q.q));
  mpz_set(den.z, mpq_denref(q.q));
  if (nd >= 0)
    mpz_mul(num.z, num.z, pow10.z);
  else
    mpz_mul(den.z, den.z, pow10.z);
  mpz_fdiv_qr(n.z, r.z, num.z, den.z);
  mpz_mul_2exp(twice.z, r.z, 1);
  int c = mpz_cmp(twice.z, den.z);
  if (c > 0 || (c == 0 && mpz_odd_p(n.z))) mpz_add_ui(n.z, n.z, 1);
  double result;
  bool ok;
  if (nd >= 0) {
    ok = mpz_true_divide(n.z, pow10.z, &result);
  } else {
    mpz_mul(n.z, n.z, pow10.z);
    ok = mpz_to_double_rounded(n.z, &result);
  }
  if (!ok) return raise(ts, ts.exc_types().OverflowError, "rounded value too large to represent");
  if (result == 0) result = std::copysign(0.0, x);
  return float_new(ts, result);
}

bool parse_float_text(std::string_view text, double* out) {
  auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t i = 0, n = text.size();
  while (i < n && is_space(text[i])) ++i;
  while (n > i && is_space(text[n - 1])) --n;
  std::string_view s = text.substr(i, n - i);
  bool negative = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  auto iequals = [](std::string_view a, const char* b) {
    if (a.size() != std::strlen(b)) return false;
    for (size_t k = 0; k < a.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(a[k])) != b[k]) return false;
    return true;
  };
  if (iequals(body, "inf") || iequals(body, "infinity")) {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (iequals(body, "nan")) {
    *out = negative ? -NAN : NAN;
    return true;
  }
  // Validate Python's grammar ourselves (strtod would accept hex floats and
  // "nan(...)"), dropping the underscores allowed between digits.
  std::string clean;
  clean.reserve(s.size());
  if (negative) clean.push_back('-');
  size_t k = 0;
  auto digits = [&](bool* any) {
    bool prev_digit = false;
    *any = false;
    while (k < body.size()) {
      char c = body[k];
      if (c >= '0' && c <= '9') {
        clean.push_back(c);
        prev_digit = true;
        *any = true;
      } else if (c == '_' && prev_digit && k + 1 < body.size() && body[k + 1] >= '0' &&
                 body[k + 1] <= '9') {
        prev_digit = false;
      } else {
        break;
      }
      ++k;
    }
  };
  bool int_digits, frac_digits = false;
  digits(&int_digits);
  if (k < body.size() && body[k] == '.') {
    clean.push_back('.');
    ++k;
    digits(&frac_digits);
  }
  if (!int_digits && !frac_digits) return false;
  if (k < body.size() && (body[k] == 'e' || body[k] == 'E')) {
    clean.push_back('e');
    ++k;
    if (k < body.size() && (body[k] == '+' || body[k] == '-')) clean.push_back(body[k++]);
    bool exp_digits;
    digits(&exp_digits);
    if (!exp_digits) return false;
  }
  if (k != body.size()) return false;
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

// ------------------------------------------------------------ the type

namespace {

Value float_of_type(ThreadState& ts, Type* type, double d) {
  if (type == ts.types().float_) return float_new(ts, d);
  size_t size = type->basic_size > sizeof(Float) ? type->basic_size : sizeof(Float);
  Float* f = alloc<Float>(ts, type, Tag::Float, size);
  if (!f) return Value::null();  // alloc_object gave the user subclass's instance kSubclassBit
  f->value = d;
  return Value::from_object(f);
}

Value float_repr_slot(ThreadState& ts, Value self) {
  return str_new(ts, float_repr(float_value(self)));
}

int64_t float_hash_slot(ThreadState&, Value self) { return float_hash(float_value(self)); }

Value compare_doubles(ThreadState& ts, double a, double b, CompareOp op) {
  bool r = false;
  switch (op) {
    case CompareOp::Lt:
      r = a < b;
      break;
    case CompareOp::Le:
      r = a <= b;
      break;
    case CompareOp::Eq:
      r = a == b;
      break;
    case CompareOp::Ne:
      r = a != b;
      break;
    case CompareOp::Gt:
      r = a > b;
      break;
    case CompareOp::Ge:
      r = a >= b;
      break;
  }
  return ts.bool_value(r);
}


Value float_compare_slot(ThreadState& ts, Value self, Value other, CompareOp op) {
  double a = float_value(self);
  if (has_layout(other, Tag::Float)) return compare_doubles(ts, a, float_value(other), op);
  if (is_int_like(other)) {
    // int vs float is exact (big ints are not rounded): ask int's side.
    int c = int_compare_double(other, a);
    if (c == 2) return ts.bool_value(op == CompareOp::Ne);
    // c is sign(int - float), so `float OP int` holds exactly when `0 OP c` does.
    return compare_doubles(ts, 0.0, static_cast<double>(c), op);
  }
  return newref(ts.interp->not_implemented);
}

inline bool is_real(Value v) { return has_layout(v, Tag::Float) || is_int_like(v); }

Value float_binary_slot(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (!is_real(a) || !is_real(b)) return newref(ts.interp->not_implemented);
  if (op == BinaryOp::MatMul || op >= BinaryOp::LShift) return newref(ts.interp->not_implemented);
  double x, y;
  if (!to_double(ts, a, &x) || !to_double(ts, b, &y)) return Value::null();
  return float_binary(ts, op, x, y);
}

Value float_unary_slot(ThreadState& ts, UnaryOp op, Value self) {
  double d = float_value(self);
  switch (op) {
    case UnaryOp::Neg:
      return float_new(ts, -d);
    case UnaryOp::Pos:
      return float_new(ts, d);
    case UnaryOp::Invert:
      break;
  }
  return raise(ts, ts.exc_types().TypeError, "bad operand type for unary ~: 'float'");
}

int float_truthy_slot(ThreadState&, Value self) { return float_value(self) != 0; }

bool float_from_object(ThreadState& ts, Value x, double* out) {
  if (has_layout(x, Tag::Float)) {
    *out = float_value(x);
    return true;
  }
  if (is_int_like(x)) return to_double(ts, x, out);
  std::string_view text;
  bool have_text = false;
  if (is_str_like(x)) {
    text = as_str(x)->view();
    have_text = true;
  } else if (has_layout(x, Tag::Bytes)) {
    text = as_bytes(x)->view();
    have_text = true;
  }
  if (have_text) {
    if (parse_float_text(text, out)) return true;
    std::string shown = is_str_like(x) ? str_repr(text) : bytes_repr(text);
    raisef(ts, ts.exc_types().ValueError, "could not convert string to float: {}", shown);
    return false;
  }
  Type* type = type_of(ts, x);
  for (const char* name : {"__float__", "__index__"}) {
    if (!type_lookup(type, str_intern(ts, name))) continue;
    Ref r = Ref::steal(call_method(ts, x, name, nullptr, 0));
    if (!r) return false;
    if (name[2] == 'f' && !has_layout(r.get(), Tag::Float)) {
      raisef(ts, ts.exc_types().TypeError, "{}.__float__ returned non-float (type {})",
             type_name(ts, x), type_name(ts, r.get()));
      return false;
    }
    return to_double(ts, r.get(), out);
  }
  raisef(ts, ts.exc_types().TypeError,
         "float() argument must be a string or a real number, not '{}'", type_name(ts, x));
  return false;
}

Value float_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                      Tuple* kwnames) {
  if (!check_positional(ts, "float", nargs, kwnames, 0, 1)) return Value::null();
  double d = 0.0;
  if (nargs == 1 && !float_from_object(ts, args[0], &d)) return Value::null();
  return float_of_type(ts, type, d);
}

// ---- methods

double self_double(Value v) { return float_value(v); }

Value float_is_integer(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "is_integer", nargs, kwnames, 1, 1)) return Value::null();
  double d = self_double(args[0]);
  return ts.bool_value(std::isfinite(d) && d == std::floor(d));
}

Value float_as_integer_ratio(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "as_integer_ratio", nargs, kwnames, 1, 1)) return Value::null();
  double d = self_double(args[0]);
  if (std::isinf(d))
    return raise(ts, ts.exc_types().OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d))
    return raise(ts, ts.exc_types().ValueError, "cannot convert NaN to integer ratio");
  Mpq q;
  mpq_set_d(q.q, d);
  Ref num = Ref::steal(int_from_mpz(ts, mpq_numref(q.q)));
  Ref den = Ref::steal(int_from_mpz(ts, mpq_denref(q.q)));
  if (!num || !den) return Value::null();
  return tuple_pack(ts, {num.get(), den.get()});
}

Value float_int_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__int__", nargs, kwnames, 1, 1)) return Value::null();
  return int_from_double(ts, self_double(args[0]));
}

Value float_floor_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__floor__", nargs, kwnames, 1, 1)) return Value::null();
  return int_from_double(ts, std::floor(self_double(args[0])));
}

Value float_ceil_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__ceil__", nargs, kwnames, 1, 1)) return Value::null();
  return int_from_double(ts, std::ceil(self_double(args[0])));
}

Value float_float_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__float__", nargs, kwnames, 1, 1)) return Value::null();
  if (has_tag(args[0], Tag::Float)) return newref(args[0]);
  return float_new(ts, self_double(args[0]));
}

Value float_round_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__round__", nargs, kwnames, 1, 2)) return Value::null();
  return float_round(ts, self_double(args[0]), nargs > 1 ? args[1] : Value::null());
}

Value float_format_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__format__", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_str_like(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "__format__() argument must be str, not {}",
                  type_name(ts, args[1]));
  return format_value(ts, args[0], as_str(args[1])->view());
}

Value float_hex(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "hex", nargs, kwnames, 1, 1)) return Value::null();
  double d = self_double(args[0]);
  if (!std::isfinite(d) || d == 0) {
    if (d == 0) return str_new(ts, std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
    return str_new(ts, float_repr(d));
  }
  // Python normalises to 0x1.<13 hex digits>p<exp> (subnormals: 0x0.<...>).
  int e;
  double m = std::frexp(std::fabs(d), &e);  // m in [0.5, 1)
  m *= 2;
  e -= 1;
  std::string out = d < 0 ? "-0x" : "0x";
  if (e < -1022) {  // subnormal
    m = std::ldexp(m, e + 1022);
    e = -1022;
  }
  int lead = static_cast<int>(m);
  out += static_cast<char>('0' + lead);
  out += '.';
  m -= lead;
  for (int i = 0; i < 13; ++i) {
    m *= 16;
    int digit = static_cast<int>(m);
    out += "0123456789abcdef"[digit];
    m -= digit;
  }
  out += 'p';
  if (e >= 0) out += '+';
  out += std::to_string(e);
  return str_new(ts, out);
}

Value float_divmod_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__divmod__", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_real(args[1])) return newref(ts.interp->not_implemented);
  return float_divmod(ts, args[0], args[1]);
}

Value float_rdivmod_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__rdivmod__", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_real(args[1])) return newref(ts.interp->not_implemented);
  return float_divmod(ts, args[1], args[0]);
}

template <BinaryOp Op, bool Reflected>
Value float_binary_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "float method", nargs, kwnames, 2, 2)) return Value::null();
  return Reflected ? float_binary_slot(ts, Op, args[1], args[0])
                   : float_binary_slot(ts, Op, args[0], args[1]);
}

template <UnaryOp Op>
Value float_unary_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "float method", nargs, kwnames, 1, 1)) return Value::null();
  return float_unary_slot(ts, Op, args[0]);
}

Value float_abs_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__abs__", nargs, kwnames, 1, 1)) return Value::null();
  return float_new(ts, std::fabs(self_double(args[0])));
}

Value float_repr_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__repr__", nargs, kwnames, 1, 1)) return Value::null();
  return float_repr_slot(ts, args[0]);
}

Value float_hash_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__hash__", nargs, kwnames, 1, 1)) return Value::null();
  return int_from_i64(ts, float_hash(self_double(args[0])));
}

Value float_bool_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__bool__", nargs, kwnames, 1, 1)) return Value::null();
  return ts.bool_value(self_double(args[0]) != 0);
}

template <CompareOp Op>
Value float_compare_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "float comparison", nargs, kwnames, 2, 2)) return Value::null();
  return float_compare_slot(ts, args[0], args[1], Op);
}

}  // namespace

void init_float_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "float", nullptr, Tag::Float, sizeof(Float));
  ts.interp->types.float_ = t;
  t->slots.repr = float_repr_slot;
  t->slots.hash = float_hash_slot;
  t->slots.compare = float_compare_slot;
  t->slots.binary = float_binary_slot;
  t->slots.unary = float_unary_slot;
  t->slots.truthy = float_truthy_slot;
  t->slots.construct = float_construct;

  add_method(ts, t, "is_integer", float_is_integer);
  add_method(ts, t, "as_integer_ratio", float_as_integer_ratio);
  add_method(ts, t, "hex", float_hex);
  add_method(ts, t, "conjugate", float_float_method);
  add_method(ts, t, "__int__", float_int_method);
  add_method(ts, t, "__trunc__", float_int_method);
  add_method(ts, t, "__floor__", float_floor_method);
  add_method(ts, t, "__ceil__", float_ceil_method);
  add_method(ts, t, "__float__", float_float_method);
  add_method(ts, t, "__round__", float_round_method);
  add_method(ts, t, "__format__", float_format_method);
  add_method(ts, t, "__divmod__", float_divmod_method);
  add_method(ts, t, "__rdivmod__", float_rdivmod_method);
  add_method(ts, t, "__abs__", float_abs_method);
  add_method(ts, t, "__bool__", float_bool_method);
  add_method(ts, t, "__repr__", float_repr_method);
  add_method(ts, t, "__hash__", float_hash_method);
  add_method(ts, t, "__neg__", float_unary_method<UnaryOp::Neg>);
  add_method(ts, t, "__pos__", float_unary_method<UnaryOp::Pos>);
  add_method(ts, t, "__lt__", float_compare_method<CompareOp::Lt>);
  add_method(ts, t, "__le__", float_compare_method<CompareOp::Le>);
  add_method(ts, t, "__eq__", float_compare_method<CompareOp::Eq>);
  add_method(ts, t, "__ne__", float_compare_method<CompareOp::Ne>);
  add_method(ts, t, "__gt__", float_compare_method<CompareOp::Gt>);
  add_method(ts, t, "__ge__", float_compare_method<CompareOp::Ge>);
#define GILVM_FLOAT_BINARY(name, op)                                 \
  add_method(ts, t, "__" name "__", float_binary_method<op, false>); \
  add_method(ts, t, "__r" name "__", float_binary_method<op, true>);
  GILVM_FLOAT_BINARY("add", BinaryOp::Add)
  GILVM_FLOAT_BINARY("sub", BinaryOp::Sub)
  GILVM_FLOAT_BINARY("mul", BinaryOp::Mul)
  GILVM_FLOAT_BINARY("truediv", BinaryOp::TrueDiv)
  GILVM_FLOAT_BINARY("floordiv", BinaryOp::FloorDiv)
  GILVM_FLOAT_BINARY("mod", BinaryOp::Mod)
  GILVM_FLOAT_BINARY("pow", BinaryOp::Pow)
#undef GILVM_FLOAT_BINARY
}

}  // namespace gilvm
