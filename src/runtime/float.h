// float: a boxed double, printed the way Python's repr prints it (shortest
// round-trip digits, via {fmt}).
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

struct Float : Object {
  double value;
};

inline bool is_float(Value v) { return has_tag(v, Tag::Float); }
inline double float_value(Value v) { return static_cast<Float*>(v.as_object())->value; }

Value float_new(ThreadState& ts, double d);
std::string float_repr(double d);  // "0.1", "1e+16", "inf", "nan", "-0.0"
Value float_binary(ThreadState& ts, BinaryOp op, double a, double b);
int64_t float_hash(double d);  // equal to int_hash for integral values
// Converts int, bool or float to double; raises TypeError otherwise (and
// OverflowError for huge ints). Returns false on error.
bool to_double(ThreadState& ts, Value v, double* out);

void init_float_type(ThreadState& ts);

// ---- additions (numbers helper)

// round(x[, ndigits]): `ndigits` null or None gives an int (half to even),
// otherwise a float correctly rounded to ndigits decimal places.
Value float_round(ThreadState& ts, double x, Value ndigits);
// divmod(a, b) where either operand is a float and the other a float or int.
Value float_divmod(ThreadState& ts, Value a, Value b);
// Parses Python float() text (whitespace, underscores, inf/nan spellings);
// false when the text is not a float literal. Pure, for unit tests.
bool parse_float_text(std::string_view text, double* out);

}  // namespace gilvm
