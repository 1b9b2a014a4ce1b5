// Unit tests for the pure layer of the format-spec mini-language. Expected
// strings were produced by CPython 3.11's format().
#include "runtime/format.h"
#include "runtime/str.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace gilvm {
namespace {

std::string fmt_int(long v, const char* spec) {
  FormatSpec s;
  std::string err, out;
  if (!parse_format_spec(spec, "int", '>', &s, &err)) return "error: " + err;
  mpz_t z;
  mpz_init_set_si(z, v);
  bool ok = format_integer(z, s, &out, &err);
  mpz_clear(z);
  return ok ? out : "error: " + err;
}

std::string fmt_float(double v, const char* spec) {
  FormatSpec s;
  std::string err, out;
  if (!parse_format_spec(spec, "float", '>', &s, &err)) return "error: " + err;
  return format_double(v, s, &out, &err) ? out : "error: " + err;
}

std::string fmt_str(const char* v, const char* spec) {
  FormatSpec s;
  std::string err, out;
  if (!parse_format_spec(spec, "str", '<', &s, &err)) return "error: " + err;
  return format_text(v, s, &out, &err) ? out : "error: " + err;
}

TEST(FormatInt, TypesAndFlags) {
  EXPECT_EQ(fmt_int(10, "b"), "1010");
  EXPECT_EQ(fmt_int(10, "#b"), "0b1010");
  EXPECT_EQ(fmt_int(10, "#o"), "0o12");
  EXPECT_EQ(fmt_int(255, "#X"), "0XFF");
  EXPECT_EQ(fmt_int(-255, "x"), "-ff");
  EXPECT_EQ(fmt_int(5, "+"), "+5");
  EXPECT_EQ(fmt_int(5, " "), " 5");
  EXPECT_EQ(fmt_int(42, "=+8"), "+     42");
  EXPECT_EQ(fmt_int(-42, "=08"), "-0000042");
  EXPECT_EQ(fmt_int(-42, "08"), "-0000042");
  EXPECT_EQ(fmt_int(255, "#010x"), "0x000000ff");
  EXPECT_EQ(fmt_int(1, "*>8"), "*******1");
  EXPECT_EQ(fmt_int(3, ".^8"), "...3....");
  EXPECT_EQ(fmt_int(1, "\xc3\xa9<4"), "1\xc3\xa9\xc3\xa9\xc3\xa9");
}

TEST(FormatInt, Grouping) {
  EXPECT_EQ(fmt_int(1234567, ","), "1,234,567");
  EXPECT_EQ(fmt_int(-1234567, "_d"), "-1_234_567");
  EXPECT_EQ(fmt_int(0xFFFFFF, "_x"), "ff_ffff");
  EXPECT_EQ(fmt_int(255, "_b"), "1111_1111");
  EXPECT_EQ(fmt_int(1234, "010,"), "00,001,234");
  EXPECT_EQ(fmt_int(1234, "09,"), "0,001,234");
  EXPECT_EQ(fmt_int(1234, "08,"), "0,001,234");
  EXPECT_EQ(fmt_int(1234, "<10,"), "1,234     ");
  EXPECT_EQ(fmt_int(123, ","), "123");
}

TEST(FormatInt, Errors) {
  EXPECT_EQ(fmt_int(255, ",x"), "error: Cannot specify ',' with 'x'.");
  EXPECT_EQ(fmt_int(255, ",_"), "error: Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmt_int(255, ".2d"), "error: Precision not allowed in integer format specifier");
  EXPECT_EQ(fmt_int(1, "."), "error: Format specifier missing precision");
  EXPECT_EQ(fmt_int(1, "abc"), "error: Invalid format specifier 'abc' for object of type 'int'");
  EXPECT_EQ(fmt_int(1, ",n"), "error: Cannot specify ',' with 'n'.");
  EXPECT_EQ(fmt_int(1, "s"), "error: Unknown format code 's' for object of type 'int'");
}

TEST(FormatFloat, Types) {
  EXPECT_EQ(fmt_float(1.0 / 3, ".3f"), "0.333");
  EXPECT_EQ(fmt_float(0.5, ".0f"), "0");
  EXPECT_EQ(fmt_float(2.5, ".0f"), "2");
  EXPECT_EQ(fmt_float(1234.5678, "e"), "1.234568e+03");
  EXPECT_EQ(fmt_float(0.000123, "E"), "1.230000E-04");
  EXPECT_EQ(fmt_float(1234.5678, "g"), "1234.57");
  EXPECT_EQ(fmt_float(1e20, "g"), "1e+20");
  EXPECT_EQ(fmt_float(100000.0, "g"), "100000");
  EXPECT_EQ(fmt_float(1000000.0, "g"), "1e+06");
  EXPECT_EQ(fmt_float(1e-10, "G"), "1E-10");
  EXPECT_EQ(fmt_float(0.5, "10.2%"), "    50.00%");
  EXPECT_EQ(fmt_float(42.0, "+08.2f"), "+0042.00");
  EXPECT_EQ(fmt_float(-42.0, "08.2f"), "-0042.00");
  EXPECT_EQ(fmt_float(3.5, "^9"), "   3.5   ");
  EXPECT_EQ(fmt_float(INFINITY, "f"), "inf");
  EXPECT_EQ(fmt_float(INFINITY, "F"), "INF");
  EXPECT_EQ(fmt_float(-INFINITY, ".2e"), "-inf");
  EXPECT_EQ(fmt_float(INFINITY, "10"), "       inf");
  EXPECT_EQ(fmt_float(NAN, "+"), "+nan");
  EXPECT_EQ(fmt_float(0.1, ".17f"), "0.10000000000000001");
  EXPECT_EQ(fmt_float(1234567.891, ",.2f"), "1,234,567.89");
  EXPECT_EQ(fmt_float(-1234.5, "_.1f"), "-1_234.5");
  EXPECT_EQ(fmt_float(12.0, "n"), "12");
  EXPECT_EQ(fmt_float(-0.0, "z.1f"), "0.0");
  EXPECT_EQ(fmt_float(-0.0001, "z.1f"), "0.0");
  EXPECT_EQ(fmt_float(1.5, "d"), "error: Unknown format code 'd' for object of type 'float'");
}

TEST(FormatFloat, NoTypeIsReprLike) {
  EXPECT_EQ(fmt_float(2.0, ""), "2.0");
  EXPECT_EQ(fmt_float(1e16, ""), "1e+16");
  EXPECT_EQ(fmt_float(1.0, "5"), "  1.0");
  EXPECT_EQ(fmt_float(1.23456, ".3"), "1.23");
  EXPECT_EQ(fmt_float(3.14159, "10.3"), "      3.14");
  EXPECT_EQ(fmt_float(1e20, ".3"), "1e+20");
  EXPECT_EQ(fmt_float(123.0, ".3"), "1.23e+02");
  EXPECT_EQ(fmt_float(12.0, ".3"), "12.0");
  EXPECT_EQ(fmt_float(5.0, ".1"), "5e+00");
  EXPECT_EQ(fmt_float(99.99, ".3"), "1e+02");
  EXPECT_EQ(fmt_float(1.5, "#.3"), "1.50");
  EXPECT_EQ(fmt_float(0.0, ".3"), "0.0");
  EXPECT_EQ(fmt_float(1234.5, ".2"), "1.2e+03");
}

TEST(FormatStr, AlignTruncateErrors) {
  EXPECT_EQ(fmt_str("r", ">8"), "       r");
  EXPECT_EQ(fmt_str("c", "^8"), "   c    ");
  EXPECT_EQ(fmt_str("text", ".2s"), "te");
  EXPECT_EQ(fmt_str("ab", "05"), "ab000");
  EXPECT_EQ(fmt_str("h\xc3\xa9llo", ".2"), "h\xc3\xa9");
  EXPECT_EQ(fmt_str("\xc3\xa9", "3"), "\xc3\xa9  ");
  EXPECT_EQ(fmt_str("a", "+"), "error: Sign not allowed in string format specifier");
  EXPECT_EQ(fmt_str("a", "="), "error: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(fmt_str("a", "d"), "error: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(fmt_str("a", ","), "error: Cannot specify ',' with 's'.");
}

TEST(AsciiEscape, NonAscii) {
  EXPECT_EQ(ascii_escape("'caf\xc3\xa9'"), "'caf\\xe9'");
  EXPECT_EQ(ascii_escape("'\xe2\x82\xac'"), "'\\u20ac'");
  EXPECT_EQ(ascii_escape("'\xf0\x9f\x98\x80'"), "'\\U0001f600'");
}

}  // namespace
}  // namespace gilvm
