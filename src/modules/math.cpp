// The math module: libm wrappers with CPython's error rules, plus the
// integer functions (gcd, factorial, comb, isqrt...) on GMP.
//
// The rules for errors are CPython's math_1: a NaN result from a non-NaN
// argument is a domain error (ValueError), an infinite result from a finite
// argument is an overflow (OverflowError) for functions that can overflow
// and a pole (ValueError) for the rest. Exact algorithms are ported where
// results would otherwise differ in the last bit (fsum, hypot/dist).
#include <gmp.h>

#include <array>
#include <cfloat>
#include <climits>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// An mpz_t with a destructor, for early returns.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

Value domain_error(ThreadState& ts) { return raise(ts, ts.exc_types().ValueError, "math domain error"); }
Value range_error(ThreadState& ts) { return raise(ts, ts.exc_types().OverflowError, "math range error"); }

// A real-number argument as a double: float, int, bool, or anything with
// __float__ (or __index__).
bool real_arg(ThreadState& ts, Value v, double* out) {
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (v.is_small()) {
    *out = static_cast<double>(v.as_small());
    return true;
  }
  if (has_layout(v, Tag::Float) || is_int_like(v)) return to_double(ts, v, out);
  Type* t = type_of(ts, v);
  const char* method = type_lookup(t, ts.names().__float__)   ? "__float__"
                       : type_lookup(t, ts.names().__index__) ? "__index__"
                                                              : nullptr;
  if (!method) {
    raisef(ts, ts.exc_types().TypeError, "must be real number, not {}", type_name(ts, v));
    return false;
  }
  Ref r = Ref::steal(call_method(ts, v, method, nullptr, 0));
  return r && to_double(ts, r.get(), out);
}

// An integer argument as an exact int (new reference): int, bool, or
// anything with __index__.
Value int_arg(ThreadState& ts, Value v) {
  if (is_int(v)) return newref(v);
  if (is_int_like(v)) {
    int64_t i;
    if (int_to_i64(v, &i)) return int_from_i64(ts, i);
    Mpz z;
    int_to_mpz(v, z.z);
    return int_from_mpz(ts, z.z);
  }
  if (type_lookup(type_of(ts, v), ts.names().__index__)) {
    Ref r = Ref::steal(call_method(ts, v, "__index__", nullptr, 0));
    if (!r) return Value::null();
    if (!is_int_like(r.get()))
      return raisef(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})", type_name(ts, r.get()));
    return int_arg(ts, r.get());
  }
  return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer", type_name(ts, v));
}

Value float_result(ThreadState& ts, double r) { return float_new(ts, r); }

bool reject_keywords_math(ThreadState& ts, const char* name, Tuple* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", name);
  return false;
}

// ------------------------------------------------------------ one-argument functions

struct UnaryMath {
  const char* name;  // as shown in errors: "math.sqrt"
  double (*fn)(double);
  bool can_overflow;  // an infinite result means overflow (else a pole)
};

constexpr UnaryMath kUnary[] = {
    {"math.sqrt", [](double x) { return std::sqrt(x); }, false},
    {"math.exp", [](double x) { return std::exp(x); }, true},
    {"math.exp2", [](double x) { return std::exp2(x); }, true},
    {"math.expm1", [](double x) { return std::expm1(x); }, true},
    {"math.log1p", [](double x) { return std::log1p(x); }, false},
    {"math.sin", [](double x) { return std::sin(x); }, false},
    {"math.cos", [](double x) { return std::cos(x); }, false},
    {"math.tan", [](double x) { return std::tan(x); }, false},
    {"math.asin", [](double x) { return std::asin(x); }, false},
    {"math.acos", [](double x) { return std::acos(x); }, false},
    {"math.atan", [](double x) { return std::atan(x); }, false},
    {"math.sinh", [](double x) { return std::sinh(x); }, true},
    {"math.cosh", [](double x) { return std::cosh(x); }, true},
    {"math.tanh", [](double x) { return std::tanh(x); }, false},
    {"math.asinh", [](double x) { return std::asinh(x); }, false},
    {"math.acosh", [](double x) { return std::acosh(x); }, false},
    {"math.atanh", [](double x) { return std::atanh(x); }, false},
    {"math.erf", [](double x) { return std::erf(x); }, false},
    {"math.erfc", [](double x) { return std::erfc(x); }, false},
    {"math.fabs", [](double x) { return std::fabs(x); }, false},
    {"math.cbrt", [](double x) { return std::cbrt(x); }, false},
    {"math.degrees", [](double x) { return x * (180.0 / M_PI); }, true},
    {"math.radians", [](double x) { return x * (M_PI / 180.0); }, false},
};

Value math_1(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const UnaryMath& f) {
  if (!check_one_arg(ts, f.name, nargs, kwnames)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  double r = f.fn(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) return f.can_overflow ? range_error(ts) : domain_error(ts);
  return float_result(ts, r);
}

template <size_t I>
Value unary_entry(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return math_1(ts, args, nargs, kwnames, kUnary[I]);
}
template <size_t... I>
constexpr std::array<NativeFn, sizeof...(I)> unary_entries(std::index_sequence<I...>) {
  return {&unary_entry<I>...};
}
constexpr auto kUnaryEntries = unary_entries(std::make_index_sequence<std::size(kUnary)>());

// ------------------------------------------------------------ gamma

// CPython's own gamma and lgamma (Lanczos approximation, g = 6.0247), used
// instead of libm's so that results agree to the last bit. `domain` and
// `range` report what CPython signals through errno.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The denominator is x*(x+1)*...*(x+LANCZOS_N-2).
constexpr double kLanczosDen[kLanczosN] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0, 357423.0,   32670.0,
                                           1925.0,   66.0,       1.0};
constexpr int kGammaIntegralN = 23;
constexpr double kGammaIntegral[kGammaIntegralN] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double m_sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;  // not -sin(pi*(y-1)): keeps +0.0
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    default: r = std::sin(M_PI * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

enum class MathError { None, Domain, Range };

double m_tgamma(double x, MathError* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = MathError::Domain;
    return NAN;
  }
  if (x == 0.0) {
    *err = MathError::Domain;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = MathError::Domain;
      return NAN;
    }
    if (x <= kGammaIntegralN) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = MathError::Range;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    *err = MathError::Range;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  double z;
  // The error of the sum y, computed exactly.
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -M_PI / m_sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = MathError::Range;
  return r;
}

double m_lgamma(double x, MathError* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = MathError::Domain;
      return HUGE_VAL;
    }
    return 0.0;  // lgamma(1) = lgamma(2) = 0
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = std::log(M_PI) - std::log(std::fabs(m_sinpi(absx))) - std::log(absx) - r;  // reflection
  if (std::isinf(r)) *err = MathError::Range;
  return r;
}

Value gamma_common(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
                   double (*fn)(double, MathError*)) {
  if (!check_one_arg(ts, name, nargs, kwnames)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  MathError err = MathError::None;
  double r = fn(x, &err);
  if (err == MathError::Domain) return domain_error(ts);
  // Underflow (a tiny result) is not an error.
  if (err == MathError::Range && std::fabs(r) >= 1.5) return range_error(ts);
  return float_result(ts, r);
}
Value math_gamma(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return gamma_common(ts, a, n, k, "math.gamma", m_tgamma);
}
Value math_lgamma(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return gamma_common(ts, a, n, k, "math.lgamma", m_lgamma);
}

// ------------------------------------------------------------ predicates and rounding

template <bool (*Pred)(double)>
Value predicate(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name) {
  if (!check_one_arg(ts, name, nargs, kwnames)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  return ts.bool_value(Pred(x));
}
bool pred_nan(double x) { return std::isnan(x); }
bool pred_inf(double x) { return std::isinf(x); }
bool pred_finite(double x) { return std::isfinite(x); }
Value math_isnan(ThreadState& ts, const Value* a, size_t n, Tuple* k) { return predicate<pred_nan>(ts, a, n, k, "math.isnan"); }
Value math_isinf(ThreadState& ts, const Value* a, size_t n, Tuple* k) { return predicate<pred_inf>(ts, a, n, k, "math.isinf"); }
Value math_isfinite(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return predicate<pred_finite>(ts, a, n, k, "math.isfinite");
}

// floor/ceil/trunc: ints come back unchanged, floats through libm, other
// objects through their __floor__/__ceil__/__trunc__.
Value to_integral(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
                  const char* dunder, double (*fn)(double)) {
  if (!check_one_arg(ts, name, nargs, kwnames)) return Value::null();
  Value v = args[0];
  if (is_float(v)) return int_from_double(ts, fn(float_value(v)));
  if (is_int_like(v)) return int_arg(ts, v);
  if (type_lookup(type_of(ts, v), str_intern(ts, dunder))) return call_method(ts, v, dunder, nullptr, 0);
  if (fn == static_cast<double (*)(double)>(std::trunc)) {
    return raisef(ts, ts.exc_types().TypeError, "type {} doesn't define __trunc__ method", type_name(ts, v));
  }
  double x;
  if (!real_arg(ts, v, &x)) return Value::null();
  return int_from_double(ts, fn(x));
}
Value math_floor(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return to_integral(ts, a, n, k, "math.floor", "__floor__", std::floor);
}
Value math_ceil(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return to_integral(ts, a, n, k, "math.ceil", "__ceil__", std::ceil);
}
Value math_trunc(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return to_integral(ts, a, n, k, "math.trunc", "__trunc__", std::trunc);
}

// ------------------------------------------------------------ logarithms

// log of any positive real, including ints too big for a double (CPython's
// loghelper): log(m * 2**e) = log(m) + e * log(2).
bool log_of(ThreadState& ts, Value v, double (*fn)(double), double* out) {
  if (is_int_like(v) && !v.is_small()) {
    if (int_sign(v) <= 0) {
      domain_error(ts);
      return false;
    }
    Mpz z;
    int_to_mpz(v, z.z);
    long e;
    double m = mpz_get_d_2exp(&e, z.z);
    *out = fn(m) + static_cast<double>(e) * fn(2.0);
    return true;
  }
  double x;
  if (!real_arg(ts, v, &x)) return false;
  if (std::isnan(x) || x == HUGE_VAL) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    domain_error(ts);
    return false;
  }
  *out = fn(x);
  return true;
}

double ln(double x) { return std::log(x); }

Value math_log(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "log", nargs, kwnames, 1, 2)) {
    if (nargs < 1 || nargs > 2) {
      ts.clear_error();
      return raise(ts, ts.exc_types().TypeError, "math.log requires 1 to 2 arguments");
    }
    return Value::null();
  }
  double num;
  if (!log_of(ts, args[0], ln, &num)) return Value::null();
  if (nargs == 1) return float_result(ts, num);
  double den;
  if (!log_of(ts, args[1], ln, &den)) return Value::null();
  if (den == 0) return raise(ts, ts.exc_types().ZeroDivisionError, "float division by zero");
  return float_result(ts, num / den);
}

Value math_log2(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.log2", nargs, kwnames)) return Value::null();
  double r;
  if (!log_of(ts, args[0], [](double x) { return std::log2(x); }, &r)) return Value::null();
  return float_result(ts, r);
}

Value math_log10(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.log10", nargs, kwnames)) return Value::null();
  double r;
  if (!log_of(ts, args[0], [](double x) { return std::log10(x); }, &r)) return Value::null();
  return float_result(ts, r);
}

// ------------------------------------------------------------ two-argument functions

bool two_reals(ThreadState& ts, const char* name, const Value* args, size_t nargs, Tuple* kwnames, double* x,
               double* y) {
  return check_arg_range(ts, name, nargs, kwnames, 2, 2) && real_arg(ts, args[0], x) && real_arg(ts, args[1], y);
}

Value math_pow(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y, r;
  if (!two_reals(ts, "pow", args, nargs, kwnames, &x, &y)) return Value::null();
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;  // NaN**0 = 1
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;  // 1**NaN = 1
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0) r = odd_y ? x : std::fabs(x);
      else if (y == 0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y is infinite
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return float_result(ts, r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error(ts);
  if (std::isinf(r)) return x == 0 ? domain_error(ts) : range_error(ts);
  return float_result(ts, r);
}

Value math_atan2(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double y, x;
  if (!two_reals(ts, "atan2", args, nargs, kwnames, &y, &x)) return Value::null();
  return float_result(ts, std::atan2(y, x));
}

Value math_copysign(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_reals(ts, "copysign", args, nargs, kwnames, &x, &y)) return Value::null();
  return float_result(ts, std::copysign(x, y));
}

Value math_fmod(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_reals(ts, "fmod", args, nargs, kwnames, &x, &y)) return Value::null();
  if (std::isinf(y) && std::isfinite(x)) return float_result(ts, x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  return float_result(ts, r);
}

Value math_remainder(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_reals(ts, "remainder", args, nargs, kwnames, &x, &y)) return Value::null();
  double r = std::remainder(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  return float_result(ts, r);
}

Value math_nextafter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_reals(ts, "nextafter", args, nargs, kwnames, &x, &y)) return Value::null();
  return float_result(ts, std::nextafter(x, y));
}

Value math_ulp(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.ulp", nargs, kwnames)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  if (std::isnan(x)) return float_result(ts, x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_result(ts, x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return float_result(ts, x - std::nextafter(x, -INFINITY));
  return float_result(ts, next - x);
}

Value pair_of_floats(ThreadState& ts, double a, double b) {
  Ref x = Ref::steal(float_new(ts, a));
  Ref y = Ref::steal(float_new(ts, b));
  if (!x || !y) return Value::null();
  return tuple_pack(ts, {x.get(), y.get()});
}

Value math_modf(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.modf", nargs, kwnames)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  if (std::isinf(x)) return pair_of_floats(ts, std::copysign(0.0, x), x);
  if (std::isnan(x)) return pair_of_floats(ts, x, x);
  double ip;
  double frac = std::modf(x, &ip);
  return pair_of_floats(ts, frac, ip);
}

Value math_frexp(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.frexp", nargs, kwnames)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  int e = 0;
  double m = (std::isfinite(x) && x != 0) ? std::frexp(x, &e) : x;
  Ref mv = Ref::steal(float_new(ts, m));
  if (!mv) return Value::null();
  return tuple_pack(ts, {mv.get(), Value::from_small(e)});
}

Value math_ldexp(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "ldexp", nargs, kwnames, 2, 2)) return Value::null();
  double x;
  if (!real_arg(ts, args[0], &x)) return Value::null();
  if (!is_int_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_i64(args[1], &e)) e = int_sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
  if (x == 0 || !std::isfinite(x)) return float_result(ts, x);
  if (e > INT_MAX) return range_error(ts);
  if (e < INT_MIN) return float_result(ts, std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return range_error(ts);
  return float_result(ts, r);
}

Value math_isclose(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[4];
  if (!parse_args(ts, "isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, 2, out))
    return Value::null();
  double a, b, rel_tol = 1e-9, abs_tol = 0.0;
  if (!real_arg(ts, out[0], &a) || !real_arg(ts, out[1], &b)) return Value::null();
  if (out[2] && !real_arg(ts, out[2], &rel_tol)) return Value::null();
  if (out[3] && !real_arg(ts, out[3], &abs_tol)) return Value::null();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(ts, ts.exc_types().ValueError, "tolerances must be non-negative");
  if (a == b) return ts.bool_value(true);
  if (std::isinf(a) || std::isinf(b)) return ts.bool_value(false);
  double diff = std::fabs(b - a);
  return ts.bool_value(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

// ------------------------------------------------------------ hypot / dist

// CPython 3.11's vector_norm: scales by a power of two so that squaring is
// exact, accumulates the squares with their rounding errors, then applies
// one Newton correction to the square root.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || vec.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // ldexp(1.0, -max_e) would overflow: make subnormals normal first.
    for (double& x : vec) x /= DBL_MIN;
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : vec) {
    x *= scale;
    double pr_hi = x * x;
    double pr_lo = std::fma(x, x, -pr_hi);
    double sm_hi = csum + pr_hi;
    double sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  double pr_hi = -h * h;
  double pr_lo = std::fma(-h, h, -pr_hi);
  double sm_hi = csum + pr_hi;
  double sm_lo = (csum - sm_hi) + pr_hi;
  csum = sm_hi;
  frac1 += pr_lo;
  frac2 += sm_lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value math_hypot(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords_math(ts, "math.hypot", kwnames)) return Value::null();
  std::vector<double> vec(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; i++) {
    double x;
    if (!real_arg(ts, args[i], &x)) return Value::null();
    x = std::fabs(x);
    vec[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_result(ts, vector_norm(vec, max, found_nan));
}

Value math_dist(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "dist", nargs, kwnames, 2, 2)) return Value::null();
  Ref p = Ref::steal(tuple_from_iterable(ts, args[0]));
  if (!p) return Value::null();
  Ref q = Ref::steal(tuple_from_iterable(ts, args[1]));
  if (!q) return Value::null();
  Tuple* pt = as_tuple(p.get());
  Tuple* qt = as_tuple(q.get());
  if (pt->size != qt->size)
    return raise(ts, ts.exc_types().ValueError, "both points must have the same number of dimensions");
  std::vector<double> vec(static_cast<size_t>(pt->size));
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < pt->size; i++) {
    double a, b;
    if (!real_arg(ts, pt->items[i], &a) || !real_arg(ts, qt->items[i], &b)) return Value::null();
    double x = std::fabs(a - b);
    vec[static_cast<size_t>(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_result(ts, vector_norm(vec, max, found_nan));
}

// ------------------------------------------------------------ sums and products

// Shewchuk's exact summation with CPython's final half-even fix-up.
Value math_fsum(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.fsum", nargs, kwnames)) return Value::null();
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return Value::null();
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) {
      if (ts.has_error()) return Value::null();
      break;
    }
    double x;
    if (!real_arg(ts, item.get(), &x)) return Value::null();
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); j++) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // Either intermediate overflow or an inf/nan among the summands.
        if (std::isfinite(xsave))
          return raise(ts, ts.exc_types().OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(ts, ts.exc_types().ValueError, "-inf + inf in fsum");
    return float_result(ts, special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    double lo = 0.0;
    hi = p[--n];
    // Sum from the top until the sum becomes inexact.
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Make half-even rounding work across multiple partials.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return float_result(ts, hi);
}

// prod(iterable, *, start=1): int64 while the product of small ints fits,
// then generic `*`.
Value math_prod(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value start;
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (nargs + nkw > 2)
    return raisef(ts, ts.exc_types().TypeError, "prod() takes at most 2 arguments ({} given)", nargs + nkw);
  for (size_t i = 0; i < nkw; i++) {
    std::string_view k = as_str(kwnames->items[i])->view();
    if (k != "start")
      return raisef(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for prod()", k);
    start = args[nargs + i];
  }
  if (nargs != 1)
    return raisef(ts, ts.exc_types().TypeError, "prod() takes exactly 1 positional argument ({} given)", nargs);
  Ref result = Ref::borrow(start ? start : Value::from_small(1));
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return Value::null();
  int64_t acc = 0;
  bool small = result.get().is_small();
  if (small) acc = result.get().as_small();
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) {
      if (ts.has_error()) return Value::null();
      break;
    }
    if (small) {
      int64_t r;
      if (item.get().is_small() && !__builtin_mul_overflow(acc, item.get().as_small(), &r)) {
        acc = r;
        continue;
      }
      small = false;
      result = Ref::steal(int_from_i64(ts, acc));
      if (!result) return Value::null();
    }
    Ref r = Ref::steal(binary_op(ts, BinaryOp::Mul, result.get(), item.get()));
    if (!r) return Value::null();
    result = std::move(r);
  }
  if (small) return int_from_i64(ts, acc);
  return result.release();
}

// ------------------------------------------------------------ integer functions

Value math_gcd(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords_math(ts, "math.gcd", kwnames)) return Value::null();
  Ref result = Ref::borrow(Value::from_small(0));
  for (size_t i = 0; i < nargs; i++) {
    Ref x = Ref::steal(int_arg(ts, args[i]));
    if (!x) return Value::null();
    Value a = result.get(), b = x.get();
    if (a.is_small() && b.is_small()) {
      result = Ref::steal(Value::from_small(std::gcd(a.as_small(), b.as_small())));
      continue;
    }
    Mpz za, zb;
    int_to_mpz(a, za.z);
    int_to_mpz(b, zb.z);
    mpz_gcd(za.z, za.z, zb.z);
    result = Ref::steal(int_from_mpz(ts, za.z));
    if (!result) return Value::null();
  }
  return result.release();
}

Value math_lcm(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords_math(ts, "math.lcm", kwnames)) return Value::null();
  Mpz acc;
  mpz_set_ui(acc.z, 1);
  for (size_t i = 0; i < nargs; i++) {
    Ref x = Ref::steal(int_arg(ts, args[i]));
    if (!x) return Value::null();
    Mpz z;
    int_to_mpz(x.get(), z.z);
    mpz_lcm(acc.z, acc.z, z.z);
  }
  return int_from_mpz(ts, acc.z);
}

Value math_factorial(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.factorial", nargs, kwnames)) return Value::null();
  Ref n = Ref::steal(int_arg(ts, args[0]));
  if (!n) return Value::null();
  int64_t k;
  if (!int_to_i64(n.get(), &k)) {
    if (int_sign(n.get()) < 0)
      return raise(ts, ts.exc_types().ValueError, "factorial() not defined for negative values");
    return raise(ts, ts.exc_types().OverflowError, "factorial() argument should not exceed 9223372036854775807");
  }
  if (k < 0) return raise(ts, ts.exc_types().ValueError, "factorial() not defined for negative values");
  if (k <= 20) {  // 20! < 2**62: stays a small int
    int64_t r = 1;
    for (int64_t i = 2; i <= k; i++) r *= i;
    return Value::from_small(r);
  }
  Mpz z;
  mpz_fac_ui(z.z, static_cast<unsigned long>(k));
  return int_from_mpz(ts, z.z);
}

Value math_isqrt(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "math.isqrt", nargs, kwnames)) return Value::null();
  Ref n = Ref::steal(int_arg(ts, args[0]));
  if (!n) return Value::null();
  if (int_sign(n.get()) < 0) return raise(ts, ts.exc_types().ValueError, "isqrt() argument must be nonnegative");
  Mpz z;
  int_to_mpz(n.get(), z.z);
  mpz_sqrt(z.z, z.z);
  return int_from_mpz(ts, z.z);
}

// Reads comb/perm's n and k as non-negative ints; false with an error.
bool comb_args(ThreadState& ts, Value nv, Value kv, Mpz& n, Mpz& k) {
  Ref ni = Ref::steal(int_arg(ts, nv));
  if (!ni) return false;
  Ref ki = Ref::steal(int_arg(ts, kv));
  if (!ki) return false;
  if (int_sign(ni.get()) < 0) {
    raise(ts, ts.exc_types().ValueError, "n must be a non-negative integer");
    return false;
  }
  if (int_sign(ki.get()) < 0) {
    raise(ts, ts.exc_types().ValueError, "k must be a non-negative integer");
    return false;
  }
  int_to_mpz(ni.get(), n.z);
  int_to_mpz(ki.get(), k.z);
  return true;
}

Value math_comb(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "comb", nargs, kwnames, 2, 2)) return Value::null();
  Mpz n, k;
  if (!comb_args(ts, args[0], args[1], n, k)) return Value::null();
  if (mpz_cmp(k.z, n.z) > 0) return Value::from_small(0);
  Mpz other;
  mpz_sub(other.z, n.z, k.z);
  if (mpz_cmp(other.z, k.z) < 0) mpz_set(k.z, other.z);  // C(n, k) == C(n, n-k)
  if (!mpz_fits_ulong_p(k.z))
    return raise(ts, ts.exc_types().OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
  mpz_bin_ui(n.z, n.z, mpz_get_ui(k.z));
  return int_from_mpz(ts, n.z);
}

Value math_perm(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "perm", nargs, kwnames, 1, 2)) return Value::null();
  if (nargs == 1 || args[1].is(ts.none())) return math_factorial(ts, args, 1, nullptr);
  Mpz n, k;
  if (!comb_args(ts, args[0], args[1], n, k)) return Value::null();
  if (mpz_cmp(k.z, n.z) > 0) return Value::from_small(0);
  if (!mpz_fits_ulong_p(k.z))
    return raise(ts, ts.exc_types().OverflowError, "k must not exceed 9223372036854775807");
  unsigned long kk = mpz_get_ui(k.z);
  // P(n, k) = C(n, k) * k!
  Mpz fac;
  mpz_bin_ui(n.z, n.z, kk);
  mpz_fac_ui(fac.z, kk);
  mpz_mul(n.z, n.z, fac.z);
  return int_from_mpz(ts, n.z);
}

}  // namespace

Value make_math_module(ThreadState& ts) {
  Value m = module_new(ts, "math");
  if (!m) return Value::null();
  Dict* d = as_module(m)->dict;
  auto constant = [&](const char* name, double x) {
    Value v = float_new(ts, x);
    if (!v) return;
    dict_set_str(ts, d, name, v);
    decref(v);
  };
  constant("pi", M_PI);
  constant("e", M_E);
  constant("tau", 2 * M_PI);
  constant("inf", INFINITY);
  constant("nan", NAN);

  for (size_t i = 0; i < std::size(kUnary); i++) {
    // "math.sqrt" is registered as "sqrt".
    add_function(ts, d, kUnary[i].name + 5, kUnaryEntries[i]);
  }
  static constexpr struct {
    const char* name;
    NativeFn fn;
  } kFunctions[] = {
      {"isnan", math_isnan},       {"isinf", math_isinf},         {"isfinite", math_isfinite},
      {"floor", math_floor},       {"ceil", math_ceil},           {"trunc", math_trunc},
      {"log", math_log},           {"log2", math_log2},           {"log10", math_log10},
      {"pow", math_pow},           {"atan2", math_atan2},         {"copysign", math_copysign},
      {"fmod", math_fmod},         {"remainder", math_remainder}, {"nextafter", math_nextafter},
      {"ulp", math_ulp},           {"modf", math_modf},           {"frexp", math_frexp},
      {"ldexp", math_ldexp},       {"isclose", math_isclose},     {"hypot", math_hypot},
      {"dist", math_dist},         {"fsum", math_fsum},           {"prod", math_prod},
      {"gcd", math_gcd},           {"lcm", math_lcm},             {"factorial", math_factorial},
      {"isqrt", math_isqrt},       {"comb", math_comb},           {"perm", math_perm},
      {"gamma", math_gamma},       {"lgamma", math_lgamma},
  };
  for (const auto& f : kFunctions) add_function(ts, d, f.name, f.fn);
  return m;
}

}  // namespace gilvm
