// Unit tests for the pure parts of int and float: parsing, repr, hashing
// and correctly rounded conversions. Expected values come from CPython 3.11.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "runtime/float.h"
#include "runtime/int.h"

namespace gilvm {
namespace {

TEST(FloatRepr, ShortestDigitsAndPythonLayout) {
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1.0), "1.0");
  EXPECT_EQ(float_repr(-1.0), "-1.0");
  EXPECT_EQ(float_repr(100.0), "100.0");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(123456789012345680.0), "1.2345678901234568e+17");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(1e-4), "0.0001");
  EXPECT_EQ(float_repr(0.00001234), "1.234e-05");
  EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(0.0), "0.0");
  EXPECT_EQ(float_repr(INFINITY), "inf");
  EXPECT_EQ(float_repr(-INFINITY), "-inf");
  EXPECT_EQ(float_repr(NAN), "nan");
  EXPECT_EQ(float_repr(12345.678), "12345.678");
  EXPECT_EQ(float_repr(9007199254740993.0), "9007199254740992.0");
  EXPECT_EQ(float_repr(2.0 / 3), "0.6666666666666666");
}

TEST(FloatParse, PythonSyntax) {
  double d;
  ASSERT_TRUE(parse_float_text("  1.5  ", &d));
  EXPECT_EQ(d, 1.5);
  ASSERT_TRUE(parse_float_text("1_000.5", &d));
  EXPECT_EQ(d, 1000.5);
  ASSERT_TRUE(parse_float_text("+.5", &d));
  EXPECT_EQ(d, 0.5);
  ASSERT_TRUE(parse_float_text("1e3", &d));
  EXPECT_EQ(d, 1000.0);
  ASSERT_TRUE(parse_float_text("5.", &d));
  EXPECT_EQ(d, 5.0);
  ASSERT_TRUE(parse_float_text("-Infinity", &d));
  EXPECT_TRUE(std::isinf(d) && d < 0);
  ASSERT_TRUE(parse_float_text("nan", &d));
  EXPECT_TRUE(std::isnan(d));
  ASSERT_TRUE(parse_float_text("1e400", &d));
  EXPECT_TRUE(std::isinf(d));
  for (const char* bad :
       {"", "x", "1__0", "_1", "1_", "0x10", "1e", ".", "in", "1.5e+", "nan(1)", "1 2"})
    EXPECT_FALSE(parse_float_text(bad, &d)) << bad;
}

TEST(IntParse, BasesPrefixesUnderscores) {
  mpz_t z;
  mpz_init(z);
  auto ok = [&](const char* text, int base, long expect) {
    ASSERT_TRUE(parse_int_text(text, base, z)) << text;
    EXPECT_EQ(mpz_get_si(z), expect) << text;
  };
  ok("42", 10, 42);
  ok("  -17\n", 10, -17);
  ok("1_000", 10, 1000);
  ok("0xff", 16, 255);
  ok("0xff", 0, 255);
  ok("0x_ff", 0, 255);
  ok("0o17", 8, 15);
  ok("-0b11", 0, -3);
  ok("z", 36, 35);
  ok("00", 0, 0);
  ok("0_0", 0, 0);
  for (const char* bad : {"", "1.5", "0x", "12a", "1__0", "_1", "1_", "+", "- 1"})
    EXPECT_FALSE(parse_int_text(bad, 10, z)) << bad;
  EXPECT_FALSE(parse_int_text("09", 0, z));
  EXPECT_FALSE(parse_int_text("8", 8, z));
  ASSERT_TRUE(parse_int_text("123456789012345678901234567890", 10, z));
  char buf[64];
  mpz_get_str(buf, 10, z);
  EXPECT_STREQ(buf, "123456789012345678901234567890");
  mpz_clear(z);
}

TEST(IntToDouble, RoundsHalfToEven) {
  mpz_t z;
  mpz_init(z);
  double d;
  mpz_set_str(z, "9007199254740993", 10);  // 2**53 + 1: a tie, rounds to even
  ASSERT_TRUE(mpz_to_double_rounded(z, &d));
  EXPECT_EQ(d, 9007199254740992.0);
  mpz_set_str(z, "9007199254740995", 10);  // 2**53 + 3: tie, rounds up to even
  ASSERT_TRUE(mpz_to_double_rounded(z, &d));
  EXPECT_EQ(d, 9007199254740996.0);
  mpz_ui_pow_ui(z, 10, 400);
  EXPECT_FALSE(mpz_to_double_rounded(z, &d));
  mpz_clear(z);
}

TEST(IntTrueDivide, CorrectlyRounded) {
  mpz_t a, b;
  mpz_inits(a, b, nullptr);
  double d;
  mpz_ui_pow_ui(a, 10, 30);
  mpz_ui_pow_ui(b, 10, 28);
  ASSERT_TRUE(mpz_true_divide(a, b, &d));
  EXPECT_EQ(d, 100.0);
  mpz_ui_pow_ui(a, 2, 70);
  mpz_set_ui(b, 3);
  ASSERT_TRUE(mpz_true_divide(a, b, &d));
  EXPECT_EQ(d, 393530540239137101141.33333 /* nearest double */);
  mpz_set_si(a, 0);
  mpz_set_si(b, -5);
  ASSERT_TRUE(mpz_true_divide(a, b, &d));
  EXPECT_TRUE(d == 0 && std::signbit(d));
  mpz_ui_pow_ui(a, 2, 10000);
  mpz_set_ui(b, 3);
  EXPECT_FALSE(mpz_true_divide(a, b, &d));
  mpz_clears(a, b, nullptr);
}

TEST(Hash, MatchesCPython) {
  EXPECT_EQ(int_hash(Value::from_small(-1)), -2);
  EXPECT_EQ(int_hash(Value::from_small(123)), 123);
  EXPECT_EQ(int_hash(Value::from_small((int64_t{1} << 61) - 1)), 0);
  EXPECT_EQ(int_hash(Value::from_small(int64_t{1} << 61)), 1);
  EXPECT_EQ(float_hash(1.5), 1152921504606846977);
  EXPECT_EQ(float_hash(INFINITY), 314159);
  EXPECT_EQ(float_hash(-1.0), -2);
  EXPECT_EQ(float_hash(2.0), 2);
  EXPECT_EQ(float_hash(0.1), 230584300921369408);
  EXPECT_EQ(float_hash(std::ldexp(1.0, 70)), int64_t{1} << 9);  // 2**70 mod (2**61-1) == 2**9
}

}  // namespace
}  // namespace gilvm
