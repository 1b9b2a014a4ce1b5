// The native codecs, their error handlers and the codec registry (see
// codecs.h).
//
// Every codec is a loop over its input that hands each stretch it cannot
// translate to one error step (Decoder::fail, Encoder::fail). That step
// applies the handler the caller named: the built-in ones in place, without
// building an exception; "strict" raises CPython's UnicodeDecodeError or
// UnicodeEncodeError with the same positions and reason; any other name is
// looked up in the registry and called with the exception, and its
// (replacement, position) answer resumes the loop -- CPython's protocol, so
// handlers written for CPython work unchanged.
#include "runtime/codecs.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/unicode.h"
#include "vm/import.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

constexpr uint32_t kReplacementChar = 0xFFFD;

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// CPython's normalisation for codecs.lookup: lower case, spaces and hyphens
// to underscores.
std::string normalize_encoding(std::string_view name) {
  std::string n;
  n.reserve(name.size());
  for (char c : name)
    n.push_back(c == ' ' || c == '-' ? '_' : unicode::ascii_lower(static_cast<unsigned char>(c)));
  return n;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The escape backslashreplace writes for one code point.
void append_backslash_escape(std::string& out, uint32_t cp) {
  if (cp <= 0xFF)
    out += fmt::format("\\x{:02x}", cp);
  else if (cp <= 0xFFFF)
    out += fmt::format("\\u{:04x}", cp);
  else
    out += fmt::format("\\U{:08x}", cp);
}

void append_name_escape(std::string& out, uint32_t cp) {
  std::string_view name;
  if (unicode::name_of(cp, &name))
    out += fmt::format("\\N{{{}}}", name);
  else
    append_backslash_escape(out, cp);
}

// The code points of a str (lone surrogates included).
std::vector<uint32_t> code_points(const Str* s) {
  std::vector<uint32_t> cps;
  cps.reserve(static_cast<size_t>(s->length));
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) cps.push_back(unicode::decode_advance(p));
  return cps;
}

// A str's UTF-8 holds a surrogate when it has an ED A0..BF lead pair.
bool has_surrogates(const Str* s) {
  if (s->ascii) return false;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while ((p = static_cast<const char*>(std::memchr(p, '\xED', static_cast<size_t>(end - p))))) {
    if (p + 1 < end && static_cast<unsigned char>(p[1]) >= 0xA0) return true;
    ++p;
  }
  return false;
}

bool is_utf16(Codec c) { return c == Codec::Utf16 || c == Codec::Utf16Le || c == Codec::Utf16Be; }
bool is_utf32(Codec c) { return c == Codec::Utf32 || c == Codec::Utf32Le || c == Codec::Utf32Be; }

// Byte order for UTF-16/32: -1 little, 1 big; the suffix-less codecs
// default to the machine's (little-endian on every target gilvm builds for).
int codec_byteorder(Codec c, int requested) {
  if (c == Codec::Utf16Le || c == Codec::Utf32Le) return -1;
  if (c == Codec::Utf16Be || c == Codec::Utf32Be) return 1;
  return requested;
}

void put_unit(std::string& out, uint32_t unit, int bytes, int order) {
  for (int i = 0; i < bytes; ++i) {
    int shift = order > 0 ? 8 * (bytes - 1 - i) : 8 * i;
    out.push_back(static_cast<char>((unit >> shift) & 0xFF));
  }
}

uint32_t get_unit(std::string_view data, size_t at, int bytes, int order) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    auto b = static_cast<unsigned char>(data[at + static_cast<size_t>(i)]);
    int shift = order > 0 ? 8 * (bytes - 1 - i) : 8 * i;
    v |= static_cast<uint32_t>(b) << shift;
  }
  return v;
}

// The bytes surrogatepass writes for a surrogate in `codec`, or false when
// the codec has no such form.
bool surrogatepass_bytes(Codec codec, uint32_t cp, int order, std::string& out) {
  if (codec == Codec::Utf8) {
    utf8_append(out, cp);
    return true;
  }
  if (is_utf16(codec)) {
    put_unit(out, cp, 2, codec_byteorder(codec, order) == 0 ? -1 : codec_byteorder(codec, order));
    return true;
  }
  if (is_utf32(codec)) {
    put_unit(out, cp, 4, codec_byteorder(codec, order) == 0 ? -1 : codec_byteorder(codec, order));
    return true;
  }
  return false;
}

// The surrogate surrogatepass reads at data[at] in `codec`, and its length.
bool surrogatepass_read(Codec codec, std::string_view data, size_t at, int order, uint32_t* cp,
                        size_t* len) {
  size_t left = data.size() - at;
  if (codec == Codec::Utf8) {
    if (left < 3) return false;
    auto b0 = static_cast<unsigned char>(data[at]), b1 = static_cast<unsigned char>(data[at + 1]),
         b2 = static_cast<unsigned char>(data[at + 2]);
    if (b0 != 0xED || (b1 & 0xE0) != 0xA0 || (b2 & 0xC0) != 0x80) return false;
    *cp = 0xD000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    *len = 3;
    return true;
  }
  int bytes = is_utf16(codec) ? 2 : is_utf32(codec) ? 4 : 0;
  if (bytes == 0 || left < static_cast<size_t>(bytes)) return false;
  int o = codec_byteorder(codec, order);
  uint32_t unit = get_unit(data, at, bytes, o == 0 ? -1 : o);
  if (!is_surrogate(unit)) return false;
  *cp = unit;
  *len = static_cast<size_t>(bytes);
  return true;
}

// A handler's (replacement, position) answer, checked as CPython does; a
// negative position counts from the end.
bool read_handler_result(ThreadState& ts, Value result, bool encoding, int64_t length,
                         Value* replacement, int64_t* position) {
  bool ok = has_layout(result, Tag::Tuple) && as_tuple(result)->size == 2;
  if (ok) {
    Value r = as_tuple(result)->items[0];
    ok = (is_str_like(r) || (encoding && has_layout(r, Tag::Bytes))) && is_int_like(as_tuple(result)->items[1]);
  }
  if (!ok) {
    raise(ts, ts.exc_types().TypeError,
          encoding ? "encoding error handler must return (str/bytes, int) tuple"
                   : "decoding error handler must return (str, int) tuple");
    return false;
  }
  int64_t pos;
  if (!to_index(ts, as_tuple(result)->items[1], &pos)) return false;
  if (pos < 0) pos += length;
  if (pos < 0 || pos > length) {
    raisef(ts, ts.exc_types().IndexError, "position {} from error handler out of bounds", pos);
    return false;
  }
  *replacement = as_tuple(result)->items[0];
  *position = pos;
  return true;
}

// ------------------------------------------------------------- decoding

struct Decoder {
  ThreadState& ts;
  Codec codec;
  std::string_view name;  // for messages
  std::string_view data;
  std::string_view errors;
  Value source;  // the bytes object, when the caller has one
  int order = 0;
  ErrorHandler kind;
  std::string out;

  Decoder(ThreadState& t, Codec c, std::string_view n, std::string_view d, std::string_view e,
          Value src = Value::null())
      : ts(t), codec(c), name(n), data(d), errors(e), source(src), kind(error_handler_kind(e)) {}

  void put(uint32_t cp) { utf8_append(out, cp); }

  // Handles the undecodable data[start, end): appends what the handler
  // gives and sets *resume; false with an exception set.
  bool fail(size_t start, size_t end, std::string_view reason, size_t* resume) {
    *resume = end;
    switch (kind) {
      case ErrorHandler::Strict:
        raise_unicode_decode_error(ts, name, data, static_cast<int64_t>(start), static_cast<int64_t>(end),
                                   reason);
        return false;
      case ErrorHandler::Ignore:
        return true;
      case ErrorHandler::Replace:
        put(kReplacementChar);
        return true;
      case ErrorHandler::BackslashReplace:
        for (size_t i = start; i < end; ++i) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(data[i]));
        return true;
      case ErrorHandler::SurrogateEscape:
        for (size_t i = start; i < end; ++i)
          if (static_cast<unsigned char>(data[i]) < 0x80) return strict(start, end, reason);
        for (size_t i = start; i < end; ++i) put(0xDC00u + static_cast<unsigned char>(data[i]));
        return true;
      case ErrorHandler::SurrogatePass: {
        uint32_t cp;
        size_t len;
        if (!surrogatepass_read(codec, data, start, order, &cp, &len)) return strict(start, end, reason);
        put(cp);
        *resume = start + len;
        return true;
      }
      case ErrorHandler::XmlCharRefReplace:
      case ErrorHandler::NameReplace:
        raise(ts, ts.exc_types().TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return false;
      case ErrorHandler::Custom:
        return custom(start, end, reason, resume);
    }
    return false;
  }

  bool strict(size_t start, size_t end, std::string_view reason) {
    raise_unicode_decode_error(ts, name, data, static_cast<int64_t>(start), static_cast<int64_t>(end), reason);
    return false;
  }

  bool custom(size_t start, size_t end, std::string_view reason, size_t* resume) {
    Ref handler = Ref::steal(codec_lookup_error(ts, errors));
    if (!handler) return false;
    Ref object = source ? Ref::borrow(source) : Ref::steal(bytes_new(ts, data));
    if (!object) return false;
    Ref exc = Ref::steal(unicode_error_new(ts, ts.exc_types().UnicodeDecodeError, name, object.get(),
                                           static_cast<int64_t>(start), static_cast<int64_t>(end), reason));
    if (!exc) return false;
    Value arg = exc.get();
    Ref result = Ref::steal(call(ts, handler.get(), &arg, 1));
    if (!result) return false;
    Value replacement;
    int64_t pos;
    if (!read_handler_result(ts, result.get(), false, static_cast<int64_t>(data.size()), &replacement, &pos))
      return false;
    out.append(as_str(replacement)->view());
    *resume = static_cast<size_t>(pos);
    return true;
  }

  Value finish() { return str_new(ts, out); }
};

Value decode_ascii(Decoder& d) {
  size_t i = 0, n = d.data.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(d.data[i]);
    if (c < 0x80) {
      d.out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (!d.fail(i, i + 1, "ordinal not in range(128)", &i)) return Value::null();
  }
  return d.finish();
}

Value decode_utf8(Decoder& d, bool final, size_t* consumed) {
  size_t pos = 0;
  while (pos < d.data.size()) {
    std::string_view rest = d.data.substr(pos);
    size_t bad, bad_end;
    const char* reason;
    if (unicode::validate_utf8(rest, &bad, &bad_end, &reason)) {
      if (pos == 0) {
        if (consumed) *consumed = d.data.size();
        return str_new(d.ts, d.data);
      }
      d.out.append(rest);
      pos = d.data.size();
      break;
    }
    d.out.append(rest.substr(0, bad));
    if (!final && bad_end == rest.size() && std::strcmp(reason, "unexpected end of data") == 0) {
      pos += bad;
      break;
    }
    if (!d.fail(pos + bad, pos + bad_end, reason, &pos)) return Value::null();
  }
  if (consumed) *consumed = pos;
  return d.finish();
}

Value decode_utf16(Decoder& d, bool final, size_t* consumed, int* byteorder) {
  std::string_view data = d.data;
  size_t i = 0, n = data.size();
  int order = codec_byteorder(d.codec, byteorder ? *byteorder : 0);
  if (order == 0 && n >= 2) {
    uint32_t bom = get_unit(data, 0, 2, -1);
    if (bom == 0xFEFF || bom == 0xFFFE) {
      order = bom == 0xFEFF ? -1 : 1;
      i = 2;
      if (byteorder) *byteorder = order;
    }
  } else if (order == 0 && !final) {
    if (consumed) *consumed = 0;
    return d.finish();
  }
  if (order == 0) order = -1;
  d.order = order;
  while (i < n) {
    if (n - i < 2) {
      if (!final) break;
      if (!d.fail(i, n, "truncated data", &i)) return Value::null();
      continue;
    }
    uint32_t u = get_unit(data, i, 2, order);
    if (!is_surrogate(u)) {
      d.put(u);
      i += 2;
      continue;
    }
    if (u >= 0xDC00) {
      if (!d.fail(i, i + 2, "illegal encoding", &i)) return Value::null();
      continue;
    }
    if (n - i < 4) {
      if (!final) break;
      if (!d.fail(i, n, "unexpected end of data", &i)) return Value::null();
      continue;
    }
    uint32_t u2 = get_unit(data, i + 2, 2, order);
    if (u2 < 0xDC00 || u2 > 0xDFFF) {
      if (!d.fail(i, i + 2, "illegal UTF-16 surrogate", &i)) return Value::null();
      continue;
    }
    d.put(0x10000u + ((u - 0xD800u) << 10) + (u2 - 0xDC00u));
    i += 4;
  }
  if (consumed) *consumed = i;
  return d.finish();
}

Value decode_utf32(Decoder& d, bool final, size_t* consumed, int* byteorder) {
  std::string_view data = d.data;
  size_t i = 0, n = data.size();
  int order = codec_byteorder(d.codec, byteorder ? *byteorder : 0);
  if (order == 0 && n >= 4) {
    uint32_t bom = get_unit(data, 0, 4, -1);
    if (bom == 0xFEFF || bom == 0xFFFE0000u) {
      order = bom == 0xFEFF ? -1 : 1;
      i = 4;
      if (byteorder) *byteorder = order;
    }
  } else if (order == 0 && !final) {
    if (consumed) *consumed = 0;
    return d.finish();
  }
  if (order == 0) order = -1;
  d.order = order;
  while (i < n) {
    if (n - i < 4) {
      if (!final) break;
      if (!d.fail(i, n, "truncated data", &i)) return Value::null();
      continue;
    }
    uint32_t cp = get_unit(data, i, 4, order);
    if (cp > 0x10FFFF) {
      if (!d.fail(i, i + 4, "code point not in range(0x110000)", &i)) return Value::null();
      continue;
    }
    if (is_surrogate(cp)) {
      if (!d.fail(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", &i))
        return Value::null();
      continue;
    }
    d.put(cp);
    i += 4;
  }
  if (consumed) *consumed = i;
  return d.finish();
}

// unicode_escape: Latin-1 text with the escapes of a Python string literal.
Value decode_unicode_escape(Decoder& d, bool final, size_t* consumed) {
  std::string_view data = d.data;
  size_t i = 0, n = data.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c != '\\') {
      d.put(c);
      ++i;
      continue;
    }
    size_t start = i;
    if (i + 1 >= n) {
      if (!final) break;
      if (!d.fail(start, n, "\\ at end of string", &i)) return Value::null();
      continue;
    }
    char e = data[i + 1];
    i += 2;
    // Reads `count` hex digits; false when they run short.
    auto hex = [&](int count, uint32_t* cp, size_t* end) {
      uint32_t v = 0;
      size_t j = i;
      while (j < n && j < i + static_cast<size_t>(count) && hex_value(data[j]) >= 0)
        v = v * 16 + static_cast<uint32_t>(hex_value(data[j++]));
      *cp = v;
      *end = j;
      return j == i + static_cast<size_t>(count);
    };
    bool incomplete = false;
    switch (e) {
      case '\n':
        break;
      case '\\':
      case '\'':
      case '"':
        d.put(static_cast<unsigned char>(e));
        break;
      case 'a': d.put(7); break;
      case 'b': d.put(8); break;
      case 't': d.put(9); break;
      case 'n': d.put(10); break;
      case 'v': d.put(11); break;
      case 'f': d.put(12); break;
      case 'r': d.put(13); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i < n && data[i] >= '0' && data[i] <= '7'; ++k)
          v = v * 8 + static_cast<uint32_t>(data[i++] - '0');
        d.put(v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp;
        size_t end;
        if (!hex(count, &cp, &end)) {
          if (end == n && !final) {
            incomplete = true;
            break;
          }
          const char* why = e == 'x'   ? "truncated \\xXX escape"
                            : e == 'u' ? "truncated \\uXXXX escape"
                                       : "truncated \\UXXXXXXXX escape";
          if (!d.fail(start, end, why, &i)) return Value::null();
          continue;
        }
        if (cp > 0x10FFFF) {
          if (!d.fail(start, end, "illegal Unicode character", &i)) return Value::null();
          continue;
        }
        d.put(cp);
        i = end;
        break;
      }
      case 'N': {
        size_t close = i < n && data[i] == '{' ? data.find('}', i + 1) : std::string_view::npos;
        if (close == std::string_view::npos || close == i + 1) {
          if (close == std::string_view::npos && i < n && data[i] == '{' && !final) {
            incomplete = true;
            break;
          }
          size_t end = i < n && data[i] == '{' ? (close == std::string_view::npos ? n : close + 1) : i;
          if (!d.fail(start, end, "malformed \\N character escape", &i)) return Value::null();
          continue;
        }
        uint32_t cp;
        if (!unicode::lookup_name(data.substr(i + 1, close - i - 1), &cp)) {
          if (!d.fail(start, close + 1, "unknown Unicode character name", &i)) return Value::null();
          continue;
        }
        d.put(cp);
        i = close + 1;
        break;
      }
      default:
        // An unknown escape stays as written (CPython 3.11 also warns).
        d.put('\\');
        d.put(static_cast<unsigned char>(e));
        break;
    }
    if (incomplete) {
      i = start;
      break;
    }
  }
  if (consumed) *consumed = i;
  return d.finish();
}

// raw_unicode_escape: Latin-1 text where only \uXXXX and \UXXXXXXXX after an
// odd number of backslashes are escapes.
Value decode_raw_unicode_escape(Decoder& d, bool final, size_t* consumed) {
  std::string_view data = d.data;
  size_t i = 0, n = data.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c != '\\') {
      d.put(c);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && data[j] == '\\') ++j;
    size_t run = j - i;
    if (run % 2 == 1 && j == n && !final) {
      d.out.append(run - 1, '\\');
      i = j - 1;
      break;
    }
    if (run % 2 == 0 || j == n || (data[j] != 'u' && data[j] != 'U')) {
      d.out.append(run, '\\');
      i = j;
      continue;
    }
    d.out.append(run - 1, '\\');
    size_t start = j - 1;
    size_t count = data[j] == 'u' ? 4 : 8;
    size_t k = j + 1;
    uint32_t cp = 0;
    while (k < n && k < j + 1 + count && hex_value(data[k]) >= 0)
      cp = cp * 16 + static_cast<uint32_t>(hex_value(data[k++]));
    if (k < j + 1 + count) {
      if (k == n && !final) {
        i = start;
        break;
      }
      if (!d.fail(start, k, count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape", &i))
        return Value::null();
      continue;
    }
    if (cp > 0x10FFFF) {
      if (!d.fail(start, k, "\\Uxxxxxxxx out of range", &i)) return Value::null();
      continue;
    }
    d.put(cp);
    i = k;
  }
  if (consumed) *consumed = i;
  return d.finish();
}

// ------------------------------------------------------------- encoding

struct Encoder {
  ThreadState& ts;
  Codec codec;
  std::string_view name;
  Str* text;
  std::string_view errors;
  ErrorHandler kind;
  int order;   // UTF-16/32: -1 little, 1 big
  Value mapping = Value::null();  // charmap only
  bool charmap = false;
  std::string out;

  Encoder(ThreadState& t, Codec c, std::string_view n, Str* s, std::string_view e, int o)
      : ts(t), codec(c), name(n), text(s), errors(e), kind(error_handler_kind(e)), order(o) {}

  // Appends the encoding of cp: 1 done, 0 not encodable, -1 error.
  int put(uint32_t cp) {
    if (charmap) return put_charmap(cp);
    switch (codec) {
      case Codec::Utf8:
        if (is_surrogate(cp)) return 0;
        utf8_append(out, cp);
        return 1;
      case Codec::Ascii:
      case Codec::Latin1:
        if (cp >= (codec == Codec::Ascii ? 0x80u : 0x100u)) return 0;
        out.push_back(static_cast<char>(cp));
        return 1;
      case Codec::Utf16:
      case Codec::Utf16Le:
      case Codec::Utf16Be:
        if (is_surrogate(cp)) return 0;
        if (cp >= 0x10000) {
          put_unit(out, 0xD800u + ((cp - 0x10000u) >> 10), 2, order);
          put_unit(out, 0xDC00u + ((cp - 0x10000u) & 0x3FFu), 2, order);
        } else {
          put_unit(out, cp, 2, order);
        }
        return 1;
      case Codec::Utf32:
      case Codec::Utf32Le:
      case Codec::Utf32Be:
        if (is_surrogate(cp)) return 0;
        put_unit(out, cp, 4, order);
        return 1;
      default:
        return 0;
    }
  }

  int put_charmap(uint32_t cp) {
    Value r;
    if (mapping.is(ts.none())) {
      if (cp >= 0x100) return 0;
      out.push_back(static_cast<char>(cp));
      return 1;
    }
    Ref key = Ref::steal(int_from_i64(ts, cp));
    if (!key) return -1;
    if (is_dict(mapping)) {
      r = dict_get(ts, as_dict(mapping), key.get());
      if (!r) return ts.has_error() ? -1 : 0;
      incref(r);
    } else {
      r = get_item(ts, mapping, key.get());
      if (!r) {
        if (!is_instance(ts, ts.exc, ts.exc_types().LookupError)) return -1;
        ts.clear_error();
        return 0;
      }
    }
    Ref hold = Ref::steal(r);
    if (r.is(ts.none())) return 0;
    if (is_int_like(r)) {
      int64_t b;
      if (!int_to_i64(r, &b) || b < 0 || b > 255) {
        raise(ts, ts.exc_types().TypeError, "character mapping must be in range(256)");
        return -1;
      }
      out.push_back(static_cast<char>(b));
      return 1;
    }
    if (has_layout(r, Tag::Bytes)) {
      out.append(as_bytes(r)->view());
      return 1;
    }
    raise(ts, ts.exc_types().TypeError, "character mapping must return integer, bytes or None, not str");
    return -1;
  }

  bool put_ascii(std::string_view s, int64_t start, int64_t end, std::string_view reason) {
    for (char c : s) {
      int r = put(static_cast<unsigned char>(c));
      if (r < 0) return false;
      if (r == 0) return strict(start, end, reason);
    }
    return true;
  }

  bool strict(int64_t start, int64_t end, std::string_view reason) {
    raise_unicode_encode_error(ts, name, Value::from_object(text), start, end, reason);
    return false;
  }

  // Handles the unencodable cps[start, end): appends what the handler gives
  // and sets *resume; false with an exception set.
  bool fail(const std::vector<uint32_t>& cps, int64_t start, int64_t end, std::string_view reason,
            int64_t* resume) {
    *resume = end;
    std::string ascii;
    switch (kind) {
      case ErrorHandler::Strict:
        return strict(start, end, reason);
      case ErrorHandler::Ignore:
        return true;
      case ErrorHandler::Replace:
        ascii.assign(static_cast<size_t>(end - start), '?');
        return put_ascii(ascii, start, end, reason);
      case ErrorHandler::BackslashReplace:
      case ErrorHandler::XmlCharRefReplace:
      case ErrorHandler::NameReplace:
        for (int64_t i = start; i < end; ++i) {
          uint32_t cp = cps[static_cast<size_t>(i)];
          if (kind == ErrorHandler::BackslashReplace)
            append_backslash_escape(ascii, cp);
          else if (kind == ErrorHandler::NameReplace)
            append_name_escape(ascii, cp);
          else
            ascii += fmt::format("&#{};", cp);
        }
        return put_ascii(ascii, start, end, reason);
      case ErrorHandler::SurrogateEscape:
        for (int64_t i = start; i < end; ++i)
          if (cps[static_cast<size_t>(i)] < 0xDC80 || cps[static_cast<size_t>(i)] > 0xDCFF)
            return strict(start, end, reason);
        for (int64_t i = start; i < end; ++i) out.push_back(static_cast<char>(cps[static_cast<size_t>(i)] - 0xDC00));
        return true;
      case ErrorHandler::SurrogatePass: {
        std::string bytes;
        for (int64_t i = start; i < end; ++i)
          if (!is_surrogate(cps[static_cast<size_t>(i)]) || charmap ||
              !surrogatepass_bytes(codec, cps[static_cast<size_t>(i)], order, bytes))
            return strict(start, end, reason);
        out += bytes;
        return true;
      }
      case ErrorHandler::Custom:
        return custom(static_cast<int64_t>(cps.size()), start, end, reason, resume);
    }
    return false;
  }

  bool custom(int64_t length, int64_t start, int64_t end, std::string_view reason, int64_t* resume) {
    Ref handler = Ref::steal(codec_lookup_error(ts, errors));
    if (!handler) return false;
    Ref exc = Ref::steal(unicode_error_new(ts, ts.exc_types().UnicodeEncodeError, name,
                                           Value::from_object(text), start, end, reason));
    if (!exc) return false;
    Value arg = exc.get();
    Ref result = Ref::steal(call(ts, handler.get(), &arg, 1));
    if (!result) return false;
    Value replacement;
    int64_t pos;
    if (!read_handler_result(ts, result.get(), true, length, &replacement, &pos)) return false;
    if (has_layout(replacement, Tag::Bytes)) {
      out.append(as_bytes(replacement)->view());
    } else {
      Str* s = as_str(replacement);
      const char* p = s->data;
      const char* e = p + s->nbytes;
      while (p < e) {
        int r = put(unicode::decode_advance(p));
        if (r < 0) return false;
        if (r == 0) return strict(start, end, reason);
      }
    }
    *resume = pos;
    return true;
  }

  // Encodes the whole text, handing each run of unencodable characters to
  // fail().
  Value run(std::string_view reason) {
    std::vector<uint32_t> cps = code_points(text);
    auto n = static_cast<int64_t>(cps.size());
    int64_t i = 0;
    while (i < n) {
      int r = put(cps[static_cast<size_t>(i)]);
      if (r < 0) return Value::null();
      if (r == 1) {
        ++i;
        continue;
      }
      // CPython reports the whole run of characters this codec cannot take.
      int64_t j = i + 1;
      while (j < n) {
        size_t mark = out.size();
        int rj = put(cps[static_cast<size_t>(j)]);
        if (rj < 0) return Value::null();
        out.resize(mark);
        if (rj == 1) break;
        ++j;
      }
      if (!fail(cps, i, j, reason, &i)) return Value::null();
    }
    return bytes_new(ts, out);
  }
};

std::string encode_unicode_escape(const Str* s, bool raw) {
  std::string out;
  out.reserve(static_cast<size_t>(s->nbytes));
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    uint32_t cp = unicode::decode_advance(p);
    if (raw) {
      if (cp < 0x100)
        out.push_back(static_cast<char>(cp));
      else
        append_backslash_escape(out, cp);
      continue;
    }
    if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp >= 0x20 && cp < 0x7F) {
      out.push_back(static_cast<char>(cp));
    } else {
      append_backslash_escape(out, cp);
    }
  }
  return out;
}

// ------------------------------------------------------------- registry

List* search_functions(ThreadState& ts) {
  Interpreter* in = ts.interp;
  if (!in->codec_search) {
    Value l = list_new(ts, 0);
    if (!l) return nullptr;
    in->codec_search = as_list(l);
  }
  return in->codec_search;
}

Dict* registry_dict(ThreadState& ts, Dict** slot) {
  if (!*slot) {
    Value d = dict_new(ts);
    if (!d) return nullptr;
    *slot = as_dict(d);
  }
  return *slot;
}

Value not_text_encoding(ThreadState& ts, Value info, std::string_view encoding, bool encode) {
  Ref flag = Ref::steal(get_attr_optional(ts, info, str_intern(ts, "_is_text_encoding")));
  if (!flag) return ts.has_error() ? Value::null() : newref(ts.interp->false_);
  int t = truthy(ts, flag.get());
  if (t < 0) return Value::null();
  if (t) return newref(ts.interp->false_);
  raisef(ts, ts.exc_types().LookupError, "'{}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
         encoding, encode ? "encode" : "decode");
  return Value::null();
}

}  // namespace

Value codec_call(ThreadState& ts, Value info, bool encode, Value input, std::string_view errors) {
  Ref fn = Ref::steal(get_item(ts, info, Value::from_small(encode ? 0 : 1)));
  if (!fn) return Value::null();
  Ref err = Ref::steal(str_new(ts, errors));
  if (!err) return Value::null();
  Value args[] = {input, err.get()};
  Ref result = Ref::steal(call(ts, fn.get(), args, 2));
  if (!result) return Value::null();
  if (!has_layout(result.get(), Tag::Tuple) || as_tuple(result.get())->size != 2)
    return raise(ts, ts.exc_types().TypeError,
                 encode ? "encoder must return a tuple (object, integer)" : "decoder must return a tuple (object,integer)");
  return newref(as_tuple(result.get())->items[0]);
}

std::optional<Codec> native_codec(std::string_view encoding) {
  std::string n;
  n.reserve(encoding.size());
  for (char c : encoding)
    n.push_back(c == '-' || c == ' ' ? '_' : unicode::ascii_lower(static_cast<unsigned char>(c)));
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") return Codec::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646") return Codec::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "iso_8859_1" || n == "iso8859_1" || n == "l1" ||
      n == "8859" || n == "cp819" || n == "latin" || n == "iso_ir_100")
    return Codec::Latin1;
  if (n == "utf_16" || n == "utf16" || n == "u16") return Codec::Utf16;
  if (n == "utf_16_le" || n == "utf_16le") return Codec::Utf16Le;
  if (n == "utf_16_be" || n == "utf_16be") return Codec::Utf16Be;
  if (n == "utf_32" || n == "utf32" || n == "u32") return Codec::Utf32;
  if (n == "utf_32_le" || n == "utf_32le") return Codec::Utf32Le;
  if (n == "utf_32_be" || n == "utf_32be") return Codec::Utf32Be;
  if (n == "unicode_escape") return Codec::UnicodeEscape;
  if (n == "raw_unicode_escape") return Codec::RawUnicodeEscape;
  return std::nullopt;
}

std::string_view codec_name(Codec codec) {
  switch (codec) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "latin-1";
    case Codec::Utf16: return "utf-16";
    case Codec::Utf16Le: return "utf-16-le";
    case Codec::Utf16Be: return "utf-16-be";
    case Codec::Utf32: return "utf-32";
    case Codec::Utf32Le: return "utf-32-le";
    case Codec::Utf32Be: return "utf-32-be";
    case Codec::UnicodeEscape: return "unicodeescape";
    case Codec::RawUnicodeEscape: return "rawunicodeescape";
  }
  return "?";
}

ErrorHandler error_handler_kind(std::string_view errors) {
  if (errors == "strict") return ErrorHandler::Strict;
  if (errors == "ignore") return ErrorHandler::Ignore;
  if (errors == "replace") return ErrorHandler::Replace;
  if (errors == "backslashreplace") return ErrorHandler::BackslashReplace;
  if (errors == "xmlcharrefreplace") return ErrorHandler::XmlCharRefReplace;
  if (errors == "namereplace") return ErrorHandler::NameReplace;
  if (errors == "surrogateescape") return ErrorHandler::SurrogateEscape;
  if (errors == "surrogatepass") return ErrorHandler::SurrogatePass;
  return ErrorHandler::Custom;
}

Value codec_decode(ThreadState& ts, Codec codec, std::string_view data, std::string_view errors, bool final,
                   size_t* consumed, int* byteorder) {
  bool ascii_compatible = codec == Codec::Utf8 || codec == Codec::Ascii || codec == Codec::Latin1;
  if (ascii_compatible && unicode::all_ascii(data)) {
    if (consumed) *consumed = data.size();
    return str_new_meta(ts, data, static_cast<int64_t>(data.size()), true);
  }
  Decoder d(ts, codec, codec_name(codec), data, errors);
  switch (codec) {
    case Codec::Utf8:
      return decode_utf8(d, final, consumed);
    case Codec::Ascii:
      if (consumed) *consumed = data.size();
      return decode_ascii(d);
    case Codec::Latin1:
      if (consumed) *consumed = data.size();
      d.out.reserve(data.size() * 2);
      for (char c : data) d.put(static_cast<unsigned char>(c));
      return d.finish();
    case Codec::Utf16:
    case Codec::Utf16Le:
    case Codec::Utf16Be:
      return decode_utf16(d, final, consumed, byteorder);
    case Codec::Utf32:
    case Codec::Utf32Le:
    case Codec::Utf32Be:
      return decode_utf32(d, final, consumed, byteorder);
    case Codec::UnicodeEscape:
      return decode_unicode_escape(d, final, consumed);
    case Codec::RawUnicodeEscape:
      return decode_raw_unicode_escape(d, final, consumed);
  }
  return Value::null();
}

Value codec_encode(ThreadState& ts, Codec codec, Str* text, std::string_view errors, int byteorder) {
  switch (codec) {
    case Codec::Utf8:
      if (!has_surrogates(text)) return bytes_new(ts, text->view());
      return Encoder(ts, codec, codec_name(codec), text, errors, 0).run("surrogates not allowed");
    case Codec::Ascii:
    case Codec::Latin1:
      if (text->ascii) return bytes_new(ts, text->view());
      return Encoder(ts, codec, codec_name(codec), text, errors, 0)
          .run(codec == Codec::Ascii ? "ordinal not in range(128)" : "ordinal not in range(256)");
    case Codec::UnicodeEscape:
    case Codec::RawUnicodeEscape:
      return bytes_new(ts, encode_unicode_escape(text, codec == Codec::RawUnicodeEscape));
    default:
      break;
  }
  // UTF-16/32: a BOM first unless the order is given by the name or the caller.
  int order = codec_byteorder(codec, byteorder);
  Encoder e(ts, codec, codec_name(codec), text, errors, order == 0 ? -1 : order);
  if (order == 0) put_unit(e.out, 0xFEFF, is_utf16(codec) ? 2 : 4, -1);
  return e.run("surrogates not allowed");
}

Value charmap_decode(ThreadState& ts, std::string_view data, std::string_view errors, Value mapping) {
  if (mapping.is(ts.none())) return codec_decode(ts, Codec::Latin1, data, errors);
  Decoder d(ts, Codec::Latin1, "charmap", data, errors);
  size_t i = 0, n = data.size();
  const char* undefined = "character maps to <undefined>";
  std::vector<uint32_t> table;
  bool is_table = is_str_like(mapping);
  if (is_table) table = code_points(as_str(mapping));
  while (i < n) {
    auto b = static_cast<unsigned char>(data[i]);
    if (is_table) {
      if (b < table.size() && table[b] != 0xFFFE) {
        d.put(table[b]);
        ++i;
      } else if (!d.fail(i, i + 1, undefined, &i)) {
        return Value::null();
      }
      continue;
    }
    Ref key = Ref::steal(int_from_i64(ts, b));
    if (!key) return Value::null();
    Ref r = Ref::steal(get_item(ts, mapping, key.get()));
    if (!r) {
      if (!is_instance(ts, ts.exc, ts.exc_types().LookupError)) return Value::null();
      ts.clear_error();
    }
    if (!r || r.get().is(ts.none()) ||
        (is_str_like(r.get()) && as_str(r.get())->length == 1 && as_str(r.get())->view() == "\xEF\xBF\xBE")) {
      if (!d.fail(i, i + 1, undefined, &i)) return Value::null();
      continue;
    }
    if (is_int_like(r.get())) {
      int64_t cp;
      if (!int_to_i64(r.get(), &cp) || cp < 0 || cp > 0x10FFFF)
        return raise(ts, ts.exc_types().TypeError, "character mapping must be in range(0x110000)");
      d.put(static_cast<uint32_t>(cp));
    } else if (is_str_like(r.get())) {
      d.out.append(as_str(r.get())->view());
    } else {
      return raise(ts, ts.exc_types().TypeError, "character mapping must return integer, None or str");
    }
    ++i;
  }
  return d.finish();
}

Value charmap_encode(ThreadState& ts, Str* text, std::string_view errors, Value mapping) {
  Encoder e(ts, Codec::Latin1, "charmap", text, errors, 0);
  e.charmap = true;
  e.mapping = mapping;
  return e.run("character maps to <undefined>");
}

Value text_encode(ThreadState& ts, Str* text, std::string_view encoding, std::string_view errors) {
  if (auto codec = native_codec(encoding)) return codec_encode(ts, *codec, text, errors);
  Ref info = Ref::steal(codec_lookup(ts, encoding));
  if (!info) return Value::null();
  Ref ok = Ref::steal(not_text_encoding(ts, info.get(), encoding, true));
  if (!ok) return Value::null();
  Ref result = Ref::steal(codec_call(ts, info.get(), true, Value::from_object(text), errors));
  if (!result) return Value::null();
  if (is_bytes(result.get())) return result.release();
  if (is_bytearray(result.get())) return bytes_new(ts, as_bytes(result.get())->view());
  return raisef(ts, ts.exc_types().TypeError,
                "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                encoding, type_name(ts, result.get()));
}

Value text_decode(ThreadState& ts, std::string_view data, Value source, std::string_view encoding,
                  std::string_view errors) {
  if (auto codec = native_codec(encoding)) return codec_decode(ts, *codec, data, errors);
  Ref info = Ref::steal(codec_lookup(ts, encoding));
  if (!info) return Value::null();
  Ref ok = Ref::steal(not_text_encoding(ts, info.get(), encoding, false));
  if (!ok) return Value::null();
  Ref input = source ? Ref::borrow(source) : Ref::steal(bytes_new(ts, data));
  if (!input) return Value::null();
  Ref result = Ref::steal(codec_call(ts, info.get(), false, input.get(), errors));
  if (!result) return Value::null();
  if (is_str_like(result.get())) return result.release();
  return raisef(ts, ts.exc_types().TypeError,
                "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                encoding, type_name(ts, result.get()));
}

Value codec_lookup(ThreadState& ts, std::string_view encoding) {
  List* search = search_functions(ts);
  Dict* cache = registry_dict(ts, &ts.interp->codec_cache);
  if (!search || !cache) return Value::null();
  Ref key = Ref::steal(str_new(ts, normalize_encoding(encoding)));
  if (!key) return Value::null();
  Value hit = dict_get(ts, cache, key.get());
  if (hit) return newref(hit);
  if (ts.has_error()) return Value::null();
  // CPython imports `encodings` at start-up; gilvm waits for the first
  // codec it does not run natively. Its search function registers itself.
  if (search->size == 0) {
    Value module = import_module(ts, "encodings");
    if (!module) return Value::null();
    decref(module);
  }
  for (int64_t i = 0; i < search->size; ++i) {
    Ref fn = Ref::borrow(search->items[i]);
    Value arg = key.get();
    Ref result = Ref::steal(call(ts, fn.get(), &arg, 1));
    if (!result) return Value::null();
    if (result.get().is(ts.none())) continue;
    if (!has_layout(result.get(), Tag::Tuple) || as_tuple(result.get())->size != 4)
      return raise(ts, ts.exc_types().TypeError, "codec search functions must return 4-tuples");
    if (!dict_set(ts, cache, key.get(), result.get())) return Value::null();
    return result.release();
  }
  return raisef(ts, ts.exc_types().LookupError, "unknown encoding: {}", encoding);
}

bool codec_register(ThreadState& ts, Value search_function) {
  if (!is_callable(ts, search_function)) {
    raise(ts, ts.exc_types().TypeError, "argument must be callable");
    return false;
  }
  List* search = search_functions(ts);
  return search && list_append(ts, search, search_function);
}

bool codec_unregister(ThreadState& ts, Value search_function) {
  List* search = search_functions(ts);
  if (!search) return false;
  for (int64_t i = 0; i < search->size; ++i) {
    if (!search->items[i].is(search_function)) continue;
    Value gone = search->items[i];
    for (int64_t j = i + 1; j < search->size; ++j) search->items[j - 1] = search->items[j];
    --search->size;
    decref(gone);
    if (ts.interp->codec_cache) dict_clear(ts.interp->codec_cache);
    break;
  }
  return true;
}

bool codec_forget(ThreadState& ts, std::string_view encoding) {
  Dict* cache = registry_dict(ts, &ts.interp->codec_cache);
  if (!cache) return false;
  Ref key = Ref::steal(str_new(ts, normalize_encoding(encoding)));
  return key && dict_del(ts, cache, key.get()) >= 0;
}

bool codec_register_error(ThreadState& ts, std::string_view name, Value handler) {
  if (!is_callable(ts, handler)) {
    raise(ts, ts.exc_types().TypeError, "handler must be callable");
    return false;
  }
  Dict* errors = registry_dict(ts, &ts.interp->codec_errors);
  return errors && dict_set_str(ts, errors, name, handler);
}

Value codec_lookup_error(ThreadState& ts, std::string_view name) {
  Dict* errors = registry_dict(ts, &ts.interp->codec_errors);
  if (!errors) return Value::null();
  Ref key = Ref::steal(str_new(ts, name));
  if (!key) return Value::null();
  Value handler = dict_get(ts, errors, key.get());
  if (handler) return newref(handler);
  if (ts.has_error()) return Value::null();
  return raisef(ts, ts.exc_types().LookupError, "unknown error handler name '{}'", name);
}

Value apply_builtin_error_handler(ThreadState& ts, ErrorHandler kind, Value exc) {
  const ExceptionTypes& x = ts.exc_types();
  bool decode = is_instance(ts, exc, x.UnicodeDecodeError);
  bool encode = is_instance(ts, exc, x.UnicodeEncodeError);
  bool translate = is_instance(ts, exc, x.UnicodeTranslateError);
  if (!decode && !encode && !translate) {
    if (!is_instance(ts, exc, x.BaseException))
      return raise(ts, x.TypeError, "codec must pass exception instance");
    return raisef(ts, x.TypeError, "don't know how to handle {} in error callback", type_name(ts, exc));
  }
  if (kind == ErrorHandler::Strict) return raise_value(ts, exc);
  Ref object = Ref::steal(get_attr(ts, exc, str_intern(ts, "object")));
  Ref start_v = object ? Ref::steal(get_attr(ts, exc, str_intern(ts, "start"))) : Ref();
  Ref end_v = start_v ? Ref::steal(get_attr(ts, exc, str_intern(ts, "end"))) : Ref();
  int64_t start = 0, end = 0;
  if (!end_v || !to_index(ts, start_v.get(), &start) || !to_index(ts, end_v.get(), &end)) return Value::null();
  std::string_view data;
  std::vector<uint32_t> cps;
  int64_t length;
  if (decode) {
    if (!bytes_like_view(object.get(), &data)) return raise(ts, x.TypeError, "object attribute must be bytes");
    length = static_cast<int64_t>(data.size());
  } else {
    if (!is_str_like(object.get())) return raise(ts, x.TypeError, "object attribute must be unicode");
    cps = code_points(as_str(object.get()));
    length = static_cast<int64_t>(cps.size());
  }
  start = std::clamp<int64_t>(start, 0, length);
  end = std::clamp<int64_t>(end, start, length);
  auto answer = [&](Value replacement, int64_t pos) -> Value {
    if (!replacement) return Value::null();
    Ref r = Ref::steal(replacement);
    Ref p = Ref::steal(int_from_i64(ts, pos));
    return p ? tuple_pack(ts, {r.get(), p.get()}) : Value::null();
  };
  auto wrong_kind = [&]() {
    return raisef(ts, x.TypeError, "don't know how to handle {} in error callback", type_name(ts, exc));
  };
  std::string out;
  switch (kind) {
    case ErrorHandler::Ignore:
      return answer(str_new(ts, ""), end);
    case ErrorHandler::Replace:
      if (encode) {
        out.assign(static_cast<size_t>(end - start), '?');
      } else {
        for (int64_t i = decode ? end - 1 : start; i < end; ++i) utf8_append(out, kReplacementChar);
      }
      return answer(str_new(ts, out), end);
    case ErrorHandler::BackslashReplace:
      if (decode) {
        for (int64_t i = start; i < end; ++i)
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(data[static_cast<size_t>(i)]));
      } else {
        for (int64_t i = start; i < end; ++i) append_backslash_escape(out, cps[static_cast<size_t>(i)]);
      }
      return answer(str_new(ts, out), end);
    case ErrorHandler::XmlCharRefReplace:
    case ErrorHandler::NameReplace:
      if (!encode) return wrong_kind();
      for (int64_t i = start; i < end; ++i) {
        if (kind == ErrorHandler::NameReplace)
          append_name_escape(out, cps[static_cast<size_t>(i)]);
        else
          out += fmt::format("&#{};", cps[static_cast<size_t>(i)]);
      }
      return answer(str_new(ts, out), end);
    case ErrorHandler::SurrogateEscape:
      if (translate) return wrong_kind();
      for (int64_t i = start; i < end; ++i) {
        if (decode) {
          auto b = static_cast<unsigned char>(data[static_cast<size_t>(i)]);
          if (b < 0x80) return raise_value(ts, exc);
          utf8_append(out, 0xDC00u + b);
        } else {
          uint32_t cp = cps[static_cast<size_t>(i)];
          if (cp < 0xDC80 || cp > 0xDCFF) return raise_value(ts, exc);
          out.push_back(static_cast<char>(cp - 0xDC00));
        }
      }
      return answer(decode ? str_new(ts, out) : bytes_new(ts, out), end);
    case ErrorHandler::SurrogatePass: {
      if (translate) return wrong_kind();
      Ref enc = Ref::steal(get_attr(ts, exc, str_intern(ts, "encoding")));
      if (!enc) return Value::null();
      std::optional<Codec> codec = is_str_like(enc.get()) ? native_codec(as_str(enc.get())->view()) : std::nullopt;
      if (!codec) return raise_value(ts, exc);
      if (decode) {
        uint32_t cp;
        size_t len;
        if (!surrogatepass_read(*codec, data, static_cast<size_t>(start), 0, &cp, &len)) return raise_value(ts, exc);
        utf8_append(out, cp);
        return answer(str_new(ts, out), start + static_cast<int64_t>(len));
      }
      for (int64_t i = start; i < end; ++i)
        if (!is_surrogate(cps[static_cast<size_t>(i)]) || !surrogatepass_bytes(*codec, cps[static_cast<size_t>(i)], 0, out))
          return raise_value(ts, exc);
      return answer(bytes_new(ts, out), end);
    }
    case ErrorHandler::Strict:
    case ErrorHandler::Custom:
      break;
  }
  return raise_value(ts, exc);
}

}  // namespace gilvm
