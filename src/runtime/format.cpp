// format(), str.format and printf-style `%`.
//
// Split in two layers: a pure one that turns numbers and text into strings
// under a parsed FormatSpec (unit-tested on its own, no ThreadState), and
// the object layer that picks the layer for a value, walks templates and
// raises exceptions. Doubles go through snprintf, which glibc rounds
// correctly, so the digits match CPython's dtoa without porting it.
#include "runtime/format.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte length of the first `count` code points of s.
size_t utf8_prefix_bytes(std::string_view s, int64_t count) {
  size_t i = 0;
  while (i < s.size() && count > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --count;
  }
  return i;
}

size_t utf8_char_bytes(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

void append_fill(std::string& out, const std::string& fill, int64_t n) {
  if (fill.size() == 1) {
    out.append(static_cast<size_t>(n), fill[0]);
  } else {
    for (int64_t i = 0; i < n; ++i) out += fill;
  }
}

// Pads `body` (of `body_chars` code points) to spec.width. For '=' the
// padding goes after the first `split` bytes (sign and prefix).
std::string pad(const FormatSpec& spec, std::string body, size_t body_chars, char default_align,
                size_t split = 0) {
  if (spec.width <= static_cast<int64_t>(body_chars)) return body;
  int64_t n = spec.width - static_cast<int64_t>(body_chars);
  char align = spec.align ? spec.align : default_align;
  std::string out;
  out.reserve(body.size() + static_cast<size_t>(n) * spec.fill.size());
  switch (align) {
    case '<':
      out = std::move(body);
      append_fill(out, spec.fill, n);
      break;
    case '^':
      append_fill(out, spec.fill, n / 2);
      out += body;
      append_fill(out, spec.fill, n - n / 2);
      break;
    case '=':
      out.append(body, 0, split);
      append_fill(out, spec.fill, n);
      out.append(body, split);
      break;
    default:
      append_fill(out, spec.fill, n);
      out += body;
      break;
  }
  return out;
}

// CPython's _PyUnicode_InsertThousandsGrouping: groups `digits` from the
// right, and when `min_width` asks for zero padding, pads with grouped
// zeros ("{:010,}" gives "00,001,234").
std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
  std::string rev;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t pos = digits.size();
  bool use_sep = false;
  for (;;) {
    int64_t l = std::min<int64_t>(std::max<int64_t>(std::max(remaining, min_width), 1), group);
    int64_t n_zeros = std::max<int64_t>(0, l - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
    if (use_sep) rev.push_back(sep);
    for (int64_t k = 0; k < n_chars; ++k) rev.push_back(digits[--pos]);
    rev.append(static_cast<size_t>(n_zeros), '0');
    use_sep = true;
    remaining -= n_chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  std::reverse(rev.begin(), rev.end());
  return rev;
}

// Lays out sign + prefix + grouped digits + rest, then pads.
std::string render_number(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                          std::string_view digits, std::string_view rest, int group, char sep) {
  std::string grouped;
  if (sep && !digits.empty()) {
    int64_t min_width = 0;
    if (spec.fill == "0" && spec.align == '=' && spec.width > 0)
      min_width = spec.width - static_cast<int64_t>(sign.size() + prefix.size() + rest.size());
    grouped = group_digits(digits, min_width, group, sep);
  } else {
    grouped = digits;
  }
  std::string body;
  body.reserve(sign.size() + prefix.size() + grouped.size() + rest.size());
  body.append(sign);
  body.append(prefix);
  body.append(grouped);
  body.append(rest);
  size_t chars = utf8_length(body);
  return pad(spec, std::move(body), chars, '>', sign.size() + prefix.size());
}

std::string sign_for(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

std::string fmt_double_c(const char* conv, int precision, bool alternate, double d) {
  char format[16];
  std::snprintf(format, sizeof format, "%%%s.*%s", alternate ? "#" : "", conv);
  int n = std::snprintf(nullptr, 0, format, precision, d);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), format, precision, d);
  out.resize(static_cast<size_t>(n));
  return out;
}

void strip_trailing_zeros(std::string& s) {
  size_t dot = s.find('.');
  if (dot == std::string::npos) return;
  size_t last = s.find_last_not_of('0');
  s.erase(last == dot ? dot : last + 1);
}

// The float type "" with a precision: like 'g', but switching to exponent
// form one digit earlier and always showing a decimal point in fixed form
// (CPython's Py_DTSF_ADD_DOT_0).
std::string general_with_dot(double mag, int p, bool alternate) {
  std::string e = fmt_double_c("e", p - 1, alternate, mag);
  size_t epos = e.find('e');
  int exp = std::atoi(e.c_str() + epos + 1);
  if (exp < -4 || exp >= p - 1) {
    if (!alternate) {
      std::string mant = e.substr(0, epos);
      strip_trailing_zeros(mant);
      e = mant + e.substr(epos);
    }
    return e;
  }
  std::string f = fmt_double_c("f", p - 1 - exp, alternate, mag);
  if (!alternate) strip_trailing_zeros(f);
  if (f.find('.') == std::string::npos) f += ".0";
  return f;
}

}  // namespace

// ------------------------------------------------------------ pure layer

bool parse_format_spec(std::string_view spec, std::string_view type_name, char default_align,
                       FormatSpec* out, std::string* error) {
  *out = FormatSpec();
  size_t pos = 0, end = spec.size();
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  bool fill_given = false, align_given = false;
  if (end > 0) {
    size_t first = utf8_char_bytes(static_cast<unsigned char>(spec[0]));
    if (first < end && is_align(spec[first])) {
      out->fill = std::string(spec.substr(0, first));
      out->align = spec[first];
      fill_given = align_given = true;
      pos = first + 1;
    } else if (is_align(spec[0])) {
      out->align = spec[0];
      align_given = true;
      pos = 1;
    }
  }
  if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
    out->sign = spec[pos++];
  if (pos < end && spec[pos] == 'z') {
    out->no_neg_zero = true;
    ++pos;
  }
  if (pos < end && spec[pos] == '#') {
    out->alternate = true;
    ++pos;
  }
  if (!fill_given && pos < end && spec[pos] == '0') {
    out->fill = "0";
    if (!align_given && default_align == '>') out->align = '=';
    ++pos;
  }
  auto read_number = [&](int64_t* value) -> bool {
    size_t start = pos;
    int64_t v = 0;
    while (pos < end && spec[pos] >= '0' && spec[pos] <= '9') {
      if (v > (int64_t{1} << 40)) {
        *error = "Too many decimal digits in format string";
        return false;
      }
      v = v * 10 + (spec[pos] - '0');
      ++pos;
    }
    if (pos > start) *value = v;
    return true;
  };
  if (!read_number(&out->width)) return false;
  if (pos < end && spec[pos] == ',') {
    out->grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == '_') {
    if (out->grouping) {
      *error = "Cannot specify both ',' and '_'.";
      return false;
    }
    out->grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == ',' && out->grouping == '_') {
    *error = "Cannot specify both ',' and '_'.";
    return false;
  }
  if (pos < end && spec[pos] == '.') {
    ++pos;
    size_t start = pos;
    if (!read_number(&out->precision)) return false;
    if (pos == start) {
      *error = "Format specifier missing precision";
      return false;
    }
  }
  if (end - pos > 1) {
    *error = "Invalid format specifier '" + std::string(spec) + "' for object of type '" +
             std::string(type_name) + "'";
    return false;
  }
  if (end - pos == 1) out->type = spec[pos];
  if (out->grouping) {
    // Strings default to type 's', which names itself in the error.
    char effective = out->type ? out->type : (default_align == '<' ? 's' : 0);
    switch (effective) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0:
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (out->grouping == '_') break;
        [[fallthrough]];
      default:
        *error = std::string("Cannot specify '") + out->grouping + "' with '" + effective + "'.";
        return false;
    }
  }
  return true;
}

bool format_integer(mpz_srcptr z, const FormatSpec& spec, std::string* out, std::string* error) {
  if (spec.precision >= 0) {
    *error = "Precision not allowed in integer format specifier";
    return false;
  }
  if (spec.no_neg_zero) {
    *error = "Negative zero coercion (z) not allowed in integer format specifier";
    return false;
  }
  int base = 10;
  const char* prefix = "";
  switch (spec.type) {
    case 'b':
      base = 2, prefix = "0b";
      break;
    case 'o':
      base = 8, prefix = "0o";
      break;
    case 'x':
      base = 16, prefix = "0x";
      break;
    case 'X':
      base = 16, prefix = "0X";
      break;
    case 'd':
    case 'n':
    case 0:
      break;
    default:
      *error = std::string("Unknown format code '") + spec.type + "' for object of type 'int'";
      return false;
  }
  if (!spec.alternate) prefix = "";
  std::string digits(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(digits.data(), spec.type == 'X' ? -16 : base, z);
  digits.resize(std::strlen(digits.c_str()));
  bool negative = digits[0] == '-';
  std::string_view mag(digits);
  if (negative) mag.remove_prefix(1);
  char sep = spec.type == 'n' ? 0 : spec.grouping;
  int group = (base == 10) ? 3 : 4;
  *out = render_number(spec, sign_for(negative, spec.sign), prefix, mag, "", group, sep);
  return true;
}

bool format_double(double d, const FormatSpec& spec, std::string* out, std::string* error) {
  char type = spec.type;
  int64_t precision = spec.precision;
  std::string suffix;
  bool add_dot_0 = false;
  bool repr_mode = false;
  switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      break;
    case 'n':
      type = 'g';
      break;
    case '%':
      type = 'f';
      d *= 100;
      suffix = "%";
      break;
    case 0:
      add_dot_0 = true;
      if (precision < 0)
        repr_mode = true;
      else
        type = 'g';
      break;
    default:
      *error = std::string("Unknown format code '") + spec.type + "' for object of type 'float'";
      return false;
  }
  if (precision < 0) precision = 6;
  if (precision > 10000) precision = 10000;
  bool negative = std::signbit(d) && !std::isnan(d);
  double mag = std::fabs(d);
  std::string text;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (std::isinf(mag)) {
    text = upper ? "INF" : "inf";
  } else if (std::isnan(mag)) {
    text = upper ? "NAN" : "nan";
  } else if (repr_mode) {
    text = float_repr(mag);
    if (spec.alternate && text.find('.') == std::string::npos) text.insert(text.find('e'), ".");
  } else {
    char conv[2] = {static_cast<char>(std::tolower(type)), 0};
    int p = static_cast<int>(precision);
    if (conv[0] == 'g' && p == 0) p = 1;
    text = add_dot_0 ? general_with_dot(mag, p, spec.alternate)
                     : fmt_double_c(conv, p, spec.alternate, mag);
    if (upper) std::transform(text.begin(), text.end(), text.begin(), ::toupper);
  }
  if (negative && spec.no_neg_zero) {
    // 'z': a value that rounds to zero loses its sign.
    size_t e = text.find_first_of("eE");
    std::string_view digits = std::string_view(text).substr(0, e);
    if (digits.find_first_of("123456789") == std::string_view::npos && !std::isnan(mag) &&
        !std::isinf(mag))
      negative = false;
  }
  text += suffix;
  size_t ndigits = 0;
  while (ndigits < text.size() && text[ndigits] >= '0' && text[ndigits] <= '9') ++ndigits;
  std::string_view tv(text);
  *out = render_number(spec, sign_for(negative, spec.sign), "", tv.substr(0, ndigits),
                       tv.substr(ndigits), 3, spec.grouping);
  return true;
}

bool format_text(std::string_view utf8, const FormatSpec& spec, std::string* out,
                 std::string* error) {
  if (spec.type != 's' && spec.type != 0) {
    *error = std::string("Unknown format code '") + spec.type + "' for object of type 'str'";
    return false;
  }
  if (spec.sign) {
    *error = "Sign not allowed in string format specifier";
    return false;
  }
  if (spec.no_neg_zero) {
    *error = "Negative zero coercion (z) not allowed in string format specifier";
    return false;
  }
  if (spec.alternate) {
    *error = "Alternate form (#) not allowed in string format specifier";
    return false;
  }
  if (spec.align == '=') {
    *error = "'=' alignment not allowed in string format specifier";
    return false;
  }
  std::string_view s = utf8;
  if (spec.precision >= 0) s = s.substr(0, utf8_prefix_bytes(s, spec.precision));
  *out = pad(spec, std::string(s), utf8_length(s), '<');
  return true;
}

// ------------------------------------------------------------ object layer

namespace {

struct MpzHolder {
  mpz_t z;
  MpzHolder() { mpz_init(z); }
  ~MpzHolder() { mpz_clear(z); }
  MpzHolder(const MpzHolder&) = delete;
  MpzHolder& operator=(const MpzHolder&) = delete;
};

Value value_error(ThreadState& ts, const std::string& msg) {
  return raise(ts, ts.exc_types().ValueError, msg);
}

Value format_int_value(ThreadState& ts, Value v, std::string_view spec_text) {
  FormatSpec spec;
  std::string error, out;
  if (!parse_format_spec(spec_text, "int", '>', &spec, &error)) return value_error(ts, error);
  switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      double d;
      if (!to_double(ts, v, &d)) return Value::null();
      if (!format_double(d, spec, &out, &error)) return value_error(ts, error);
      return str_new(ts, out);
    }
    case 'c': {
      if (spec.sign) return value_error(ts, "Sign not allowed with integer format specifier 'c'");
      if (spec.alternate)
        return value_error(ts, "Alternate form (#) not allowed with integer format specifier 'c'");
      if (spec.precision >= 0)
        return value_error(ts, "Precision not allowed in integer format specifier");
      int64_t cp;
      if (!int_to_i64(v, &cp) || cp < 0 || cp > 0x10FFFF)
        return raise(ts, ts.exc_types().OverflowError, "%c arg not in range(0x110000)");
      std::string ch;
      utf8_append(ch, static_cast<uint32_t>(cp));
      FormatSpec text_spec = spec;
      text_spec.type = 0;
      if (!text_spec.align) text_spec.align = '>';
      if (!format_text(ch, text_spec, &out, &error)) return value_error(ts, error);
      return str_new(ts, out);
    }
    default:
      break;
  }
  MpzHolder z;
  int_to_mpz(v, z.z);
  if (!format_integer(z.z, spec, &out, &error)) return value_error(ts, error);
  return str_new(ts, out);
}

Value format_float_value(ThreadState& ts, double d, std::string_view spec_text) {
  FormatSpec spec;
  std::string error, out;
  if (!parse_format_spec(spec_text, "float", '>', &spec, &error)) return value_error(ts, error);
  if (!format_double(d, spec, &out, &error)) return value_error(ts, error);
  return str_new(ts, out);
}

Value format_str_value(ThreadState& ts, std::string_view text, std::string_view spec_text) {
  FormatSpec spec;
  std::string error, out;
  if (!parse_format_spec(spec_text, "str", '<', &spec, &error)) return value_error(ts, error);
  if (!format_text(text, spec, &out, &error)) return value_error(ts, error);
  return str_new(ts, out);
}

// A user-defined __format__ (a Python function somewhere in the MRO), or null.
Value user_format_method(ThreadState& ts, Value v) {
  if (!v.is_object()) return Value::null();
  Value f = type_lookup(type_of(ts, v), ts.names().__format__);
  if (f.is_null() || has_tag(f, Tag::Builtin)) return Value::null();
  return f;
}

}  // namespace

Value format_value(ThreadState& ts, Value value, std::string_view spec) {
  if (value.is_small()) {
    if (spec.empty()) return repr(ts, value);
    return format_int_value(ts, value, spec);
  }
  uint8_t tag = value.as_object()->tag;
  bool subclass = tag & kSubclassBit;
  if (subclass && !user_format_method(ts, value).is_null()) {
    Ref spec_str = Ref::steal(str_new(ts, spec));
    if (!spec_str) return Value::null();
    Value arg = spec_str.get();
    Ref r = Ref::steal(call_method(ts, value, "__format__", &arg, 1));
    if (!r) return Value::null();
    if (!is_str_like(r.get()))
      return raisef(ts, ts.exc_types().TypeError, "__format__ must return a str, not {}",
                    type_name(ts, r.get()));
    return r.release();
  }
  switch (static_cast<Tag>(tag & ~kSubclassBit)) {
    case Tag::Str:
      if (spec.empty()) return subclass ? str_new(ts, as_str(value)->view()) : newref(value);
      return format_str_value(ts, as_str(value)->view(), spec);
    case Tag::BigInt:
      if (spec.empty()) return to_str(ts, value);
      return format_int_value(ts, value, spec);
    case Tag::Bool:
      if (spec.empty()) return to_str(ts, value);
      return format_int_value(ts, value, spec);
    case Tag::Float:
      return format_float_value(ts, float_value(value), spec);
    default:
      break;
  }
  if (!user_format_method(ts, value).is_null()) {
    Ref spec_str = Ref::steal(str_new(ts, spec));
    if (!spec_str) return Value::null();
    Value arg = spec_str.get();
    Ref r = Ref::steal(call_method(ts, value, "__format__", &arg, 1));
    if (!r) return Value::null();
    if (!is_str_like(r.get()))
      return raisef(ts, ts.exc_types().TypeError, "__format__ must return a str, not {}",
                    type_name(ts, r.get()));
    return r.release();
  }
  if (spec.empty()) return to_str(ts, value);
  return raisef(ts, ts.exc_types().TypeError, "unsupported format string passed to {}.__format__",
                type_name(ts, value));
}

// ------------------------------------------------------------ str.format

namespace {

class TemplateFormatter {
 public:
  TemplateFormatter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames)
      : ts_(ts), args_(args), nargs_(nargs), kwnames_(kwnames) {}

  bool run(std::string_view tmpl, std::string* out, int depth) {
    if (depth > 2) {
      value_error(ts_, "Max string recursion exceeded");
      return false;
    }
    size_t i = 0, n = tmpl.size();
    while (i < n) {
      size_t next = tmpl.find_first_of("{}", i);
      if (next == std::string_view::npos) {
        out->append(tmpl.substr(i));
        break;
      }
      out->append(tmpl.substr(i, next - i));
      i = next;
      if (tmpl[i] == '}') {
        if (i + 1 < n && tmpl[i + 1] == '}') {
          out->push_back('}');
          i += 2;
          continue;
        }
        value_error(ts_, "Single '}' encountered in format string");
        return false;
      }
      if (i + 1 < n && tmpl[i + 1] == '{') {
        out->push_back('{');
        i += 2;
        continue;
      }
      if (i + 1 >= n) {
        value_error(ts_, "Single '{' encountered in format string");
        return false;
      }
      // Find the matching '}', allowing one level of nested fields in the spec
      // and brackets in the field name.
      size_t j = i + 1;
      int braces = 1;
      bool in_bracket = false;
      for (; j < n; ++j) {
        char c = tmpl[j];
        if (in_bracket) {
          if (c == ']') in_bracket = false;
          continue;
        }
        if (c == '[')
          in_bracket = true;
        else if (c == '{')
          ++braces;
        else if (c == '}' && --braces == 0)
          break;
      }
      if (j >= n) {
        value_error(ts_, "expected '}' before end of string");
        return false;
      }
      if (!field(tmpl.substr(i + 1, j - i - 1), out, depth)) return false;
      i = j + 1;
    }
    return true;
  }

 private:
  bool field(std::string_view f, std::string* out, int depth) {
    // Split "name!conv:spec", where name may hold brackets.
    size_t k = 0;
    bool in_bracket = false;
    for (; k < f.size(); ++k) {
      char c = f[k];
      if (in_bracket) {
        if (c == ']') in_bracket = false;
        continue;
      }
      if (c == '[')
        in_bracket = true;
      else if (c == '!' || c == ':')
        break;
    }
    std::string_view name = f.substr(0, k);
    char conversion = 0;
    std::string_view spec;
    if (k < f.size() && f[k] == '!') {
      if (k + 1 >= f.size()) {
        value_error(ts_, "end of string while looking for conversion specifier");
        return false;
      }
      conversion = f[k + 1];
      k += 2;
      if (k < f.size() && f[k] != ':') {
        value_error(ts_, "expected ':' after conversion specifier");
        return false;
      }
    }
    if (k < f.size() && f[k] == ':') spec = f.substr(k + 1);

    Ref obj = resolve(name);
    if (!obj) return false;
    if (conversion) {
      Value converted;
      switch (conversion) {
        case 'r':
          converted = repr(ts_, obj.get());
          break;
        case 's':
          converted = to_str(ts_, obj.get());
          break;
        case 'a': {
          std::string text;
          if (!repr_utf8(ts_, obj.get(), &text)) return false;
          converted = str_new(ts_, ascii_escape(text));
          break;
        }
        default: {
          std::string msg = "Unknown conversion specifier ";
          msg.push_back(conversion);
          value_error(ts_, msg);
          return false;
        }
      }
      if (converted.is_null()) return false;
      obj = Ref::steal(converted);
    }
    std::string expanded;
    if (spec.find('{') != std::string_view::npos) {
      if (!run(spec, &expanded, depth + 1)) return false;
      spec = expanded;
    }
    Ref s = Ref::steal(format_value(ts_, obj.get(), spec));
    if (!s) return false;
    out->append(as_str(s.get())->view());
    return true;
  }

  // The object named by "0", "", "name", followed by ".attr" / "[key]".
  Ref resolve(std::string_view name) {
    size_t k = 0;
    while (k < name.size() && name[k] != '.' && name[k] != '[') ++k;
    std::string_view first = name.substr(0, k);
    Ref obj;
    if (first.empty()) {
      if (manual_) {
        value_error(ts_,
                    "cannot switch from manual field specification to automatic field numbering");
        return Ref();
      }
      automatic_ = true;
      obj = positional(next_auto_++);
    } else if (std::all_of(first.begin(), first.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      if (automatic_) {
        value_error(ts_,
                    "cannot switch from automatic field numbering to manual field specification");
        return Ref();
      }
      manual_ = true;
      int64_t index = 0;
      for (char c : first) index = std::min<int64_t>(index * 10 + (c - '0'), int64_t{1} << 40);
      obj = positional(index);
    } else {
      obj = keyword(first);
    }
    if (!obj) return Ref();
    while (k < name.size()) {
      if (name[k] == '.') {
        size_t start = ++k;
        while (k < name.size() && name[k] != '.' && name[k] != '[') ++k;
        if (k == start) {
          value_error(ts_, "Empty attribute in format string");
          return Ref();
        }
        Value attr = get_attr(ts_, obj.get(), name.substr(start, k - start));
        if (attr.is_null()) return Ref();
        obj = Ref::steal(attr);
      } else if (name[k] == '[') {
        size_t start = ++k;
        while (k < name.size() && name[k] != ']') ++k;
        if (k >= name.size()) {
          value_error(ts_, "Missing ']' in format string");
          return Ref();
        }
        std::string_view key_text = name.substr(start, k - start);
        if (key_text.empty()) {
          value_error(ts_, "Empty attribute in format string");
          return Ref();
        }
        ++k;
        Ref key;
        if (std::all_of(key_text.begin(), key_text.end(),
                        [](char c) { return c >= '0' && c <= '9'; }))
          key = Ref::steal(int_from_string(ts_, key_text, 10));
        else
          key = Ref::steal(str_new(ts_, key_text));
        if (!key) return Ref();
        Value item = get_item(ts_, obj.get(), key.get());
        if (item.is_null()) return Ref();
        obj = Ref::steal(item);
        if (k < name.size() && name[k] != '.' && name[k] != '[') {
          value_error(ts_, "Only '.' or '[' may follow ']' in format field specifier");
          return Ref();
        }
      } else {
        value_error(ts_, "Only '.' or '[' may follow ']' in format field specifier");
        return Ref();
      }
    }
    return obj;
  }

  Ref positional(int64_t index) {
    if (index >= static_cast<int64_t>(nargs_)) {
      raisef(ts_, ts_.exc_types().IndexError,
             "Replacement index {} out of range for positional args tuple", index);
      return Ref();
    }
    return Ref::borrow(args_[index]);
  }

  Ref keyword(std::string_view key) {
    if (kwnames_) {
      for (int64_t i = 0; i < kwnames_->size; ++i)
        if (as_str(kwnames_->items[i])->view() == key) return Ref::borrow(args_[nargs_ + i]);
    }
    Ref k = Ref::steal(str_new(ts_, key));
    if (!k) return Ref();
    Value kv = k.get();
    Ref exc = Ref::steal(exception_new(ts_, ts_.exc_types().KeyError, &kv, 1));
    if (exc) raise_value(ts_, exc.get());
    return Ref();
  }

  ThreadState& ts_;
  const Value* args_;
  size_t nargs_;
  Tuple* kwnames_;
  bool automatic_ = false;
  bool manual_ = false;
  int64_t next_auto_ = 0;
};

}  // namespace

Value str_format(ThreadState& ts, Str* fmt, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string out;
  out.reserve(static_cast<size_t>(fmt->nbytes) + 16);
  TemplateFormatter f(ts, args, nargs, kwnames);
  if (!f.run(fmt->view(), &out, 0)) return Value::null();
  return str_new(ts, out);
}

// ------------------------------------------------------------ % formatting

namespace {

class PercentFormatter {
 public:
  PercentFormatter(ThreadState& ts, Value args, bool bytes_mode) : ts_(ts), bytes_(bytes_mode) {
    if (is_tuple(args) || has_layout(args, Tag::Tuple)) {
      Tuple* t = as_tuple(args);
      items_ = t->items;
      count_ = t->size;
    } else {
      single_ = args;
      items_ = &single_;
      count_ = 1;
      bool text_like =
          is_str_like(args) || has_layout(args, Tag::Bytes) || has_layout(args, Tag::ByteArray);
      if (!text_like && args.is_object()) {
        Type* t = type_of(ts, args);
        if (t->slots.getitem || type_lookup(t, ts.names().__getitem__)) mapping_ = args;
      }
    }
  }

  bool run(std::string_view f, std::string* out) {
    size_t i = 0, n = f.size();
    while (i < n) {
      size_t next = f.find('%', i);
      if (next == std::string_view::npos) {
        out->append(f.substr(i));
        break;
      }
      out->append(f.substr(i, next - i));
      i = next + 1;
      size_t spec_start = next;
      if (i >= n) return fail_incomplete();
      Ref mapped;
      if (f[i] == '(') {
        if (mapping_.is_null()) {
          raise(ts_, ts_.exc_types().TypeError, "format requires a mapping");
          return false;
        }
        int level = 1;
        size_t start = ++i;
        while (i < n && level > 0) {
          if (f[i] == '(')
            ++level;
          else if (f[i] == ')')
            --level;
          ++i;
        }
        if (level > 0) {
          value_error(ts_, "incomplete format key");
          return false;
        }
        Ref key = Ref::steal(bytes_ ? bytes_new(ts_, f.substr(start, i - 1 - start))
                                    : str_new(ts_, f.substr(start, i - 1 - start)));
        if (!key) return false;
        Value v = get_item(ts_, mapping_, key.get());
        if (v.is_null()) return false;
        mapped = Ref::steal(v);
        used_mapping_ = true;
      }
      // Flags.
      bool left = false, plus = false, space = false, alt = false, zero = false;
      for (; i < n; ++i) {
        char c = f[i];
        if (c == '-')
          left = true;
        else if (c == '+')
          plus = true;
        else if (c == ' ')
          space = true;
        else if (c == '#')
          alt = true;
        else if (c == '0')
          zero = true;
        else
          break;
      }
      int64_t width = -1, precision = -1;
      // Widths and precisions are bounded (as CPython's are by C int and
      // ssize_t) so that hostile ones neither overflow nor ask for an
      // allocation that cannot succeed.
      constexpr int64_t kMaxWidth = INT32_MAX;
      if (i < n && f[i] == '*') {
        ++i;
        if (!star(&width)) return false;
        if (width < -kMaxWidth || width > kMaxWidth) {
          raise(ts_, ts_.exc_types().MemoryError, "");
          return false;
        }
        if (width < 0) {
          left = true;
          width = -width;
        }
      } else {
        while (i < n && f[i] >= '0' && f[i] <= '9') {
          width = std::max<int64_t>(width, 0) * 10 + (f[i++] - '0');
          if (width > kMaxWidth) {
            raise(ts_, ts_.exc_types().ValueError, "width too big");
            return false;
          }
        }
      }
      if (i < n && f[i] == '.') {
        ++i;
        precision = 0;
        if (i < n && f[i] == '*') {
          ++i;
          if (!star(&precision)) return false;
          if (precision < 0) precision = 0;
        } else {
          while (i < n && f[i] >= '0' && f[i] <= '9') {
            precision = precision * 10 + (f[i++] - '0');
            if (precision > kMaxWidth) {
              raise(ts_, ts_.exc_types().ValueError, "precision too big");
              return false;
            }
          }
        }
        if (precision > kMaxWidth) {
          raise(ts_, ts_.exc_types().OverflowError, "Python int too large to convert to C int");
          return false;
        }
      }
      while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) ++i;
      if (i >= n) return fail_incomplete();
      char conv = f[i++];
      if (conv == '%') {
        out->push_back('%');
        continue;
      }
      Value arg;
      if (mapped) {
        arg = mapped.get();
      } else {
        if (!next_arg(&arg)) return false;
      }
      std::string piece;
      size_t piece_chars = 0;
      if (!convert(conv, arg, precision, alt, plus, space, &piece, i - 1, spec_start)) return false;
      bool numeric = std::strchr("diuxXoeEfFgG", conv) != nullptr;
      piece_chars = bytes_ ? piece.size() : utf8_length(piece);
      if (width > static_cast<int64_t>(piece_chars)) {
        size_t padn = static_cast<size_t>(width) - piece_chars;
        if (left) {
          piece.append(padn, ' ');
        } else if (zero && numeric && !is_nonfinite_) {
          // Zeros go after the sign and the 0x prefix.
          size_t split = 0;
          if (!piece.empty() && (piece[0] == '-' || piece[0] == '+' || piece[0] == ' ')) split = 1;
          if (piece.size() >= split + 2 && piece[split] == '0' &&
              (piece[split + 1] == 'x' || piece[split + 1] == 'X' || piece[split + 1] == 'o'))
            split += 2;
          piece.insert(split, padn, '0');
        } else {
          piece.insert(0, padn, ' ');
        }
      }
      out->append(piece);
    }
    if (arg_index_ < count_ && mapping_.is_null()) {
      raise(ts_, ts_.exc_types().TypeError,
            bytes_ ? "not all arguments converted during bytes formatting"
                   : "not all arguments converted during string formatting");
      return false;
    }
    return true;
  }

 private:
  bool fail_incomplete() {
    value_error(ts_, "incomplete format");
    return false;
  }

  bool next_arg(Value* out) {
    if (arg_index_ >= count_) {
      raise(ts_, ts_.exc_types().TypeError,
            bytes_ ? "not enough arguments for format string"
                   : "not enough arguments for format string");
      return false;
    }
    *out = items_[arg_index_++];
    return true;
  }

  bool star(int64_t* out) {
    Value v;
    if (!next_arg(&v)) return false;
    if (!is_int_like(v) || !int_to_i64(v, out)) {
      raise(ts_, ts_.exc_types().TypeError, "* wants int");
      return false;
    }
    return true;
  }

  // The text of %s / %r / %a for the current mode.
  bool text_of(char conv, Value arg, std::string* out) {
    if (bytes_) {
      if (conv == 's' || conv == 'b') {
        if (has_layout(arg, Tag::Bytes)) {
          *out = std::string(as_bytes(arg)->view());
          return true;
        }
        if (!type_lookup(type_of(ts_, arg), str_intern(ts_, "__bytes__"))) {
          raisef(
              ts_, ts_.exc_types().TypeError,
              "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
              type_name(ts_, arg));
          return false;
        }
        Ref b = Ref::steal(call_method(ts_, arg, "__bytes__", nullptr, 0));
        if (!b) return false;
        if (!has_layout(b.get(), Tag::Bytes)) {
          raisef(ts_, ts_.exc_types().TypeError, "__bytes__ returned non-bytes (type {})",
                 type_name(ts_, b.get()));
          return false;
        }
        *out = std::string(as_bytes(b.get())->view());
        return true;
      }
      std::string text;
      if (!repr_utf8(ts_, arg, &text)) return false;
      *out = ascii_escape(text);
      return true;
    }
    if (conv == 's') return str_utf8(ts_, arg, out);
    if (!repr_utf8(ts_, arg, out)) return false;
    if (conv == 'a') *out = ascii_escape(*out);
    return true;
  }

  bool convert(char conv, Value arg, int64_t precision, bool alt, bool plus, bool space,
               std::string* out, size_t conv_index, size_t) {
    is_nonfinite_ = false;
    switch (conv) {
      case 's':
      case 'r':
      case 'a':
      case 'b': {
        if (conv == 'b' && !bytes_) break;
        if (!text_of(conv, arg, out)) return false;
        if (precision >= 0) {
          size_t keep = bytes_ ? std::min<size_t>(out->size(), static_cast<size_t>(precision))
                               : utf8_prefix_bytes(*out, precision);
          out->resize(keep);
        }
        return true;
      }
      case 'c':
        return char_of(arg, out);
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        MpzHolder z;
        if (is_int_like(arg)) {
          int_to_mpz(arg, z.z);
        } else if (has_layout(arg, Tag::Float) && (conv == 'd' || conv == 'i' || conv == 'u')) {
          double d = float_value(arg);
          Ref iv = Ref::steal(int_from_double(ts_, d));
          if (!iv) return false;
          int_to_mpz(iv.get(), z.z);
        } else if (arg.is_object() && type_lookup(type_of(ts_, arg), ts_.names().__index__)) {
          Ref iv = Ref::steal(call_method(ts_, arg, "__index__", nullptr, 0));
          if (!iv) return false;
          if (!is_int_like(iv.get())) {
            raisef(ts_, ts_.exc_types().TypeError, "__index__ returned non-int (type {})",
                   type_name(ts_, iv.get()));
            return false;
          }
          int_to_mpz(iv.get(), z.z);
        } else {
          if (conv == 'd' || conv == 'i' || conv == 'u')
            raisef(ts_, ts_.exc_types().TypeError, "%{} format: a real number is required, not {}",
                   conv, type_name(ts_, arg));
          else
            raisef(ts_, ts_.exc_types().TypeError, "%{} format: an integer is required, not {}",
                   conv, type_name(ts_, arg));
          return false;
        }
        int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
        std::string digits(mpz_sizeinbase(z.z, base) + 2, '\0');
        mpz_get_str(digits.data(), conv == 'X' ? -16 : base, z.z);
        digits.resize(std::strlen(digits.c_str()));
        bool negative = digits[0] == '-';
        if (negative) digits.erase(0, 1);
        if (precision > static_cast<int64_t>(digits.size()))
          digits.insert(0, static_cast<size_t>(precision) - digits.size(), '0');
        *out = negative ? "-" : plus ? "+" : space ? " " : "";
        if (alt && base == 16) *out += conv == 'X' ? "0X" : "0x";
        if (alt && base == 8) *out += "0o";
        *out += digits;
        return true;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (has_layout(arg, Tag::Float)) {
          d = float_value(arg);
        } else if (is_int_like(arg)) {
          if (!to_double(ts_, arg, &d)) return false;
        } else if (arg.is_object() && type_lookup(type_of(ts_, arg), ts_.names().__float__)) {
          Ref fv = Ref::steal(call_method(ts_, arg, "__float__", nullptr, 0));
          if (!fv || !to_double(ts_, fv.get(), &d)) return false;
        } else {
          raisef(ts_, ts_.exc_types().TypeError, "must be real number, not {}",
                 type_name(ts_, arg));
          return false;
        }
        FormatSpec spec;
        spec.type = conv;
        spec.precision = precision < 0 ? 6 : precision;
        spec.alternate = alt;
        spec.sign = plus ? '+' : space ? ' ' : 0;
        is_nonfinite_ = !std::isfinite(d);
        std::string error;
        if (!format_double(d, spec, out, &error)) {
          value_error(ts_, error);
          return false;
        }
        return true;
      }
      default:
        break;
    }
    unsigned char c = static_cast<unsigned char>(conv);
    raisef(ts_, ts_.exc_types().ValueError,
           "unsupported format character '{}' (0x{:x}) at index {}",
           c < 0x80 && c >= 0x20 ? std::string(1, conv) : std::string("?"),
           static_cast<unsigned>(c), conv_index);
    return false;
  }

  bool char_of(Value arg, std::string* out) {
    if (bytes_) {
      int64_t v;
      if (is_int_like(arg)) {
        if (!int_to_i64(arg, &v) || v < 0 || v > 255) {
          raise(ts_, ts_.exc_types().OverflowError, "%c arg not in range(256)");
          return false;
        }
        *out = std::string(1, static_cast<char>(v));
        return true;
      }
      if (has_layout(arg, Tag::Bytes) && as_bytes(arg)->size == 1) {
        *out = std::string(as_bytes(arg)->view());
        return true;
      }
      raise(ts_, ts_.exc_types().TypeError,
            "%c requires an integer in range(256) or a single byte");
      return false;
    }
    if (is_int_like(arg)) {
      int64_t v;
      if (!int_to_i64(arg, &v) || v < 0 || v > 0x10FFFF) {
        raise(ts_, ts_.exc_types().OverflowError, "%c arg not in range(0x110000)");
        return false;
      }
      out->clear();
      utf8_append(*out, static_cast<uint32_t>(v));
      return true;
    }
    if (is_str_like(arg) && as_str(arg)->length == 1) {
      *out = std::string(as_str(arg)->view());
      return true;
    }
    raise(ts_, ts_.exc_types().TypeError, "%c requires int or char");
    return false;
  }

  ThreadState& ts_;
  bool bytes_;
  Value single_;
  const Value* items_ = nullptr;
  int64_t count_ = 0;
  int64_t arg_index_ = 0;
  Value mapping_;  // borrowed; null when args is not a mapping
  bool used_mapping_ = false;
  bool is_nonfinite_ = false;
};

}  // namespace

Value percent_format(ThreadState& ts, Value fmt, Value args, bool bytes_mode) {
  std::string_view text = bytes_mode ? as_bytes(fmt)->view() : as_str(fmt)->view();
  std::string out;
  out.reserve(text.size() + 16);
  PercentFormatter f(ts, args, bytes_mode);
  if (!f.run(text, &out)) return Value::null();
  return bytes_mode ? bytes_new(ts, out) : str_new(ts, out);
}

}  // namespace gilvm
