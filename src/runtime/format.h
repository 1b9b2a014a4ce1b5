// Text formatting shared by format(), str.format, f-strings and %:
// the format-spec mini-language ("[[fill]align][sign][z][#][0][width]
// [grouping][.precision][type]") and printf-style `%` formatting.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

// format(value, spec): calls the type's __format__ for user objects; for
// int, float, str and bool applies the mini-language. Returns a Str.
Value format_value(ThreadState& ts, Value value, std::string_view spec);
// str.format(*args, **kwargs) on the template `fmt`.
Value str_format(ThreadState& ts, Str* fmt, const Value* args, size_t nargs, Tuple* kwnames);
// fmt % args for str (bytes_mode false) and bytes (true): args may be a
// tuple, a mapping (for %(name)s) or a single value.
Value percent_format(ThreadState& ts, Value fmt, Value args, bool bytes_mode);

// ---- the pure layer (no ThreadState), exposed for unit tests. Functions
// returning bool fail with *error set to a ValueError message.

struct FormatSpec {
  std::string fill = " ";  // one code point, UTF-8
  char align = 0;          // '<', '>', '^', '=' or 0 (the type's default)
  char sign = 0;           // '+', '-', ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  char grouping = 0;         // ',', '_' or 0
  int64_t width = -1;
  int64_t precision = -1;
  char type = 0;  // presentation type, 0 when absent
};

// `type_name` is used in error messages; `default_align` is '>' for numbers
// and '<' for strings (it decides what a leading '0' means).
bool parse_format_spec(std::string_view spec, std::string_view type_name, char default_align, FormatSpec* out,
                       std::string* error);
// Integer presentation types b d o x X n and none ('c' is handled by the
// caller because its error is an OverflowError).
bool format_integer(mpz_srcptr z, const FormatSpec& spec, std::string* out, std::string* error);
// Float presentation types e E f F g G n % and none.
bool format_double(double d, const FormatSpec& spec, std::string* out, std::string* error);
// Strings: s and none; width and precision count code points.
bool format_text(std::string_view utf8, const FormatSpec& spec, std::string* out, std::string* error);

}  // namespace gilvm
