// The _codecs module: what CPython's codecs.py and the encodings package
// call -- the registry, the built-in error handlers, and each native codec's
// encode/decode functions with their (result, length) answers. The codecs
// themselves live in runtime/codecs.cpp, shared with str.encode and
// bytes.decode.
#include <string>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/unicode.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// An optional `errors` argument: None or omitted is "strict".
bool errors_arg(ThreadState& ts, const char* fname, Value v, std::string_view* out) {
  if (v.is_null() || v.is(ts.none())) {
    *out = "strict";
    return true;
  }
  return str_arg_view(ts, v, fname, "errors", "strict", out);
}

bool text_arg(ThreadState& ts, const char* fname, Value v, Str** out) {
  if (!is_str_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "{}() argument 1 must be str, not {}", fname, type_name(ts, v));
    return false;
  }
  *out = as_str(v);
  return true;
}

// A decoder's input: any bytes-like object, or a str as its UTF-8 (CPython's
// "s*" conversion).
bool data_arg(ThreadState& ts, const char* fname, Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  if (is_str_like(v)) {
    *out = as_str(v)->view();
    return true;
  }
  raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, v));
  (void)fname;
  return false;
}

bool flag_arg(ThreadState& ts, Value v, bool dflt, bool* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  int t = truthy(ts, v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

bool int_arg(ThreadState& ts, Value v, int* out) {
  int64_t i = 0;
  if (!v.is_null() && !to_index(ts, v, &i)) return false;
  *out = static_cast<int>(i);
  return true;
}

// (result, n): what every codec function answers.
Value pair(ThreadState& ts, Value result, int64_t n) {
  if (!result) return result;
  Ref r = Ref::steal(result);
  Ref count = Ref::steal(int_from_i64(ts, n));
  return count ? tuple_pack(ts, {r.get(), count.get()}) : Value::null();
}

// name(str, errors=None[, byteorder=0]) -> (bytes, len(str))
Value encode_with(ThreadState& ts, const char* fname, Codec codec, const Value* args, size_t nargs,
                  Tuple* kwnames, bool byteorder) {
  Value a[3];
  if (!parse_args(ts, fname, args, nargs, kwnames, {"str", "errors", "byteorder"}, 1, -1, a)) return Value::null();
  Str* text;
  std::string_view errors;
  int order = 0;
  if (!text_arg(ts, fname, a[0], &text) || !errors_arg(ts, fname, a[1], &errors)) return Value::null();
  if (byteorder && !int_arg(ts, a[2], &order)) return Value::null();
  if (!byteorder && !a[2].is_null())
    return raisef(ts, ts.exc_types().TypeError, "{}() takes at most 2 arguments", fname);
  return pair(ts, codec_encode(ts, codec, text, errors, order), text->length);
}

// name(data, errors=None[, final]) -> (str, bytes consumed)
Value decode_with(ThreadState& ts, const char* fname, Codec codec, const Value* args, size_t nargs,
                  Tuple* kwnames, bool final_default) {
  Value a[3];
  if (!parse_args(ts, fname, args, nargs, kwnames, {"data", "errors", "final"}, 1, -1, a)) return Value::null();
  std::string_view data, errors;
  bool final;
  if (!data_arg(ts, fname, a[0], &data) || !errors_arg(ts, fname, a[1], &errors) ||
      !flag_arg(ts, a[2], final_default, &final))
    return Value::null();
  size_t consumed = data.size();
  Value s = codec_decode(ts, codec, data, errors, final, &consumed);
  return pair(ts, s, static_cast<int64_t>(consumed));
}

// utf_16_ex_decode / utf_32_ex_decode(data, errors=None, byteorder=0,
// final=False) -> (str, consumed, byteorder)
Value ex_decode(ThreadState& ts, const char* fname, Codec codec, const Value* args, size_t nargs,
                Tuple* kwnames) {
  Value a[4];
  if (!parse_args(ts, fname, args, nargs, kwnames, {"data", "errors", "byteorder", "final"}, 1, -1, a))
    return Value::null();
  std::string_view data, errors;
  int order;
  bool final;
  if (!data_arg(ts, fname, a[0], &data) || !errors_arg(ts, fname, a[1], &errors) || !int_arg(ts, a[2], &order) ||
      !flag_arg(ts, a[3], false, &final))
    return Value::null();
  size_t consumed = data.size();
  Ref s = Ref::steal(codec_decode(ts, codec, data, errors, final, &consumed, &order));
  if (!s) return Value::null();
  Ref n = Ref::steal(int_from_i64(ts, static_cast<int64_t>(consumed)));
  Ref o = n ? Ref::steal(int_from_i64(ts, order)) : Ref();
  return o ? tuple_pack(ts, {s.get(), n.get(), o.get()}) : Value::null();
}

#define GILVM_ENCODER(fn, codec, byteorder)                                      \
  Value fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {   \
    return encode_with(ts, #fn, codec, args, nargs, kwnames, byteorder);         \
  }
#define GILVM_DECODER(fn, codec, final_default)                                  \
  Value fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {   \
    return decode_with(ts, #fn, codec, args, nargs, kwnames, final_default);     \
  }
// The native codecs' entry points, one line each: which codec, and for
// encoders whether a byte order may be given, for decoders the default of
// `final`.
GILVM_ENCODER(utf_8_encode, Codec::Utf8, false)
GILVM_DECODER(utf_8_decode, Codec::Utf8, false)
GILVM_ENCODER(ascii_encode, Codec::Ascii, false)
GILVM_DECODER(ascii_decode, Codec::Ascii, true)
GILVM_ENCODER(latin_1_encode, Codec::Latin1, false)
GILVM_DECODER(latin_1_decode, Codec::Latin1, true)
GILVM_ENCODER(utf_16_encode, Codec::Utf16, true)
GILVM_DECODER(utf_16_decode, Codec::Utf16, false)
GILVM_ENCODER(utf_16_le_encode, Codec::Utf16Le, false)
GILVM_DECODER(utf_16_le_decode, Codec::Utf16Le, false)
GILVM_ENCODER(utf_16_be_encode, Codec::Utf16Be, false)
GILVM_DECODER(utf_16_be_decode, Codec::Utf16Be, false)
GILVM_ENCODER(utf_32_encode, Codec::Utf32, true)
GILVM_DECODER(utf_32_decode, Codec::Utf32, false)
GILVM_ENCODER(utf_32_le_encode, Codec::Utf32Le, false)
GILVM_DECODER(utf_32_le_decode, Codec::Utf32Le, false)
GILVM_ENCODER(utf_32_be_encode, Codec::Utf32Be, false)
GILVM_DECODER(utf_32_be_decode, Codec::Utf32Be, false)
GILVM_ENCODER(unicode_escape_encode, Codec::UnicodeEscape, false)
GILVM_DECODER(unicode_escape_decode, Codec::UnicodeEscape, true)
GILVM_ENCODER(raw_unicode_escape_encode, Codec::RawUnicodeEscape, false)
GILVM_DECODER(raw_unicode_escape_decode, Codec::RawUnicodeEscape, true)
#undef GILVM_ENCODER
#undef GILVM_DECODER

Value utf_16_ex_decode(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return ex_decode(ts, "utf_16_ex_decode", Codec::Utf16, args, nargs, kwnames);
}

Value utf_32_ex_decode(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return ex_decode(ts, "utf_32_ex_decode", Codec::Utf32, args, nargs, kwnames);
}

// escape_encode(bytes): the body of the bytes' repr, with ' escaped
// (pickle's protocol 0 and the "string_escape" use).
Value escape_encode(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "escape_encode", args, nargs, kwnames, {"data", "errors"}, 1, -1, a)) return Value::null();
  if (!has_layout(a[0], Tag::Bytes))
    return raisef(ts, ts.exc_types().TypeError, "escape_encode() argument 1 must be bytes, not {}",
                  type_name(ts, a[0]));
  std::string_view data = as_bytes(a[0])->view();
  std::string out;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\\' || c == '\'') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
  }
  return pair(ts, bytes_new(ts, out), static_cast<int64_t>(data.size()));
}

// escape_decode(data): the escapes of a bytes literal.
Value escape_decode(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "escape_decode", args, nargs, kwnames, {"data", "errors"}, 1, -1, a)) return Value::null();
  std::string_view data, errors;
  if (!data_arg(ts, "escape_decode", a[0], &data) || !errors_arg(ts, "escape_decode", a[1], &errors))
    return Value::null();
  std::string out;
  size_t n = data.size();
  for (size_t i = 0; i < n; ++i) {
    char c = data[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i == n) return raise(ts, ts.exc_types().ValueError, "Trailing \\ in string");
    char e = data[i];
    switch (e) {
      case '\n': break;
      case '\\': case '\'': case '"': out.push_back(e); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        for (int k = 0; k < 2 && i + 1 < n && data[i + 1] >= '0' && data[i + 1] <= '7'; ++k)
          v = v * 8 + (data[++i] - '0');
        out.push_back(static_cast<char>(v & 0xFF));
        break;
      }
      case 'x': {
        auto hex = [](char h) {
          return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        };
        if (i + 2 < n && hex(data[i + 1]) >= 0 && hex(data[i + 2]) >= 0) {
          out.push_back(static_cast<char>(hex(data[i + 1]) * 16 + hex(data[i + 2])));
          i += 2;
          break;
        }
        if (errors == "strict")
          return raisef(ts, ts.exc_types().ValueError, "invalid \\x escape at position {}", i - 1);
        if (errors == "replace") out.push_back('?');
        else if (errors != "ignore")
          return raisef(ts, ts.exc_types().ValueError,
                        "decoding error; unknown error handling code: {}", errors);
        if (i + 1 < n && hex(data[i + 1]) >= 0) ++i;  // CPython skips one digit
        break;
      }
      default:
        out.push_back('\\');
        out.push_back(e);
        break;
    }
  }
  return pair(ts, bytes_new(ts, out), static_cast<int64_t>(n));
}

Value readbuffer_encode(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "readbuffer_encode", args, nargs, kwnames, {"data", "errors"}, 1, -1, a))
    return Value::null();
  std::string_view data;
  if (!data_arg(ts, "readbuffer_encode", a[0], &data)) return Value::null();
  return pair(ts, bytes_new(ts, data), static_cast<int64_t>(data.size()));
}

Value charmap_encode_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!parse_args(ts, "charmap_encode", args, nargs, kwnames, {"str", "errors", "mapping"}, 1, -1, a))
    return Value::null();
  Str* text;
  std::string_view errors;
  if (!text_arg(ts, "charmap_encode", a[0], &text) || !errors_arg(ts, "charmap_encode", a[1], &errors))
    return Value::null();
  Value mapping = a[2].is_null() ? ts.none() : a[2];
  return pair(ts, charmap_encode(ts, text, errors, mapping), text->length);
}

Value charmap_decode_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!parse_args(ts, "charmap_decode", args, nargs, kwnames, {"data", "errors", "mapping"}, 1, -1, a))
    return Value::null();
  std::string_view data, errors;
  if (!data_arg(ts, "charmap_decode", a[0], &data) || !errors_arg(ts, "charmap_decode", a[1], &errors))
    return Value::null();
  Value mapping = a[2].is_null() ? ts.none() : a[2];
  return pair(ts, charmap_decode(ts, data, errors, mapping), static_cast<int64_t>(data.size()));
}

// charmap_build(decoding_table): the encoding map, code point -> byte.
Value charmap_build(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "charmap_build", nargs, kwnames, 1, 1)) return Value::null();
  Str* table;
  if (!text_arg(ts, "charmap_build", args[0], &table)) return Value::null();
  Ref map = Ref::steal(dict_new(ts));
  if (!map) return Value::null();
  const char* p = table->data;
  const char* end = p + table->nbytes;
  for (int64_t i = 0; p < end; ++i) {
    uint32_t cp = unicode::decode_advance(p);
    Ref k = Ref::steal(int_from_i64(ts, cp));
    Ref v = k ? Ref::steal(int_from_i64(ts, i)) : Ref();
    if (!v || !dict_set(ts, as_dict(map.get()), k.get(), v.get())) return Value::null();
  }
  return map.release();
}

bool name_arg(ThreadState& ts, const char* fname, Value v, std::string_view* out) {
  if (!is_str_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "{}() argument must be str, not {}", fname, type_name(ts, v));
    return false;
  }
  *out = as_str(v)->view();
  return true;
}

Value register_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "register", nargs, kwnames, 1, 1) || !codec_register(ts, args[0]))
    return Value::null();
  return newref(ts.none());
}

Value unregister_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "unregister", nargs, kwnames, 1, 1) || !codec_unregister(ts, args[0]))
    return Value::null();
  return newref(ts.none());
}

Value lookup_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string_view name;
  if (!check_positional(ts, "lookup", nargs, kwnames, 1, 1) || !name_arg(ts, "lookup", args[0], &name))
    return Value::null();
  return codec_lookup(ts, name);
}

Value forget_codec(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string_view name;
  if (!check_positional(ts, "_forget_codec", nargs, kwnames, 1, 1) ||
      !name_arg(ts, "_forget_codec", args[0], &name) || !codec_forget(ts, name))
    return Value::null();
  return newref(ts.none());
}

// codecs.encode / codecs.decode: any codec, any object, no text checks.
Value convert(ThreadState& ts, const char* fname, bool encode, const Value* args, size_t nargs,
              Tuple* kwnames) {
  Value a[3];
  if (!parse_args(ts, fname, args, nargs, kwnames, {"obj", "encoding", "errors"}, 1, -1, a)) return Value::null();
  std::string_view encoding, errors;
  if (!str_arg_view(ts, a[1], fname, "encoding", "utf-8", &encoding) ||
      !str_arg_view(ts, a[2], fname, "errors", "strict", &errors))
    return Value::null();
  Ref info = Ref::steal(codec_lookup(ts, encoding));
  if (!info) return Value::null();
  return codec_call(ts, info.get(), encode, a[0], errors);
}

Value encode_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return convert(ts, "encode", true, args, nargs, kwnames);
}

Value decode_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return convert(ts, "decode", false, args, nargs, kwnames);
}

Value register_error(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string_view name;
  if (!check_positional(ts, "register_error", nargs, kwnames, 2, 2) ||
      !name_arg(ts, "register_error", args[0], &name) || !codec_register_error(ts, name, args[1]))
    return Value::null();
  return newref(ts.none());
}

Value lookup_error(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string_view name;
  if (!check_positional(ts, "lookup_error", nargs, kwnames, 1, 1) || !name_arg(ts, "lookup_error", args[0], &name))
    return Value::null();
  return codec_lookup_error(ts, name);
}

#define GILVM_HANDLER(fn, kind)                                                   \
  Value fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {    \
    if (!check_positional(ts, #fn, nargs, kwnames, 1, 1)) return Value::null();   \
    return apply_builtin_error_handler(ts, kind, args[0]);                        \
  }
GILVM_HANDLER(strict_errors, ErrorHandler::Strict)
GILVM_HANDLER(ignore_errors, ErrorHandler::Ignore)
GILVM_HANDLER(replace_errors, ErrorHandler::Replace)
GILVM_HANDLER(backslashreplace_errors, ErrorHandler::BackslashReplace)
GILVM_HANDLER(xmlcharrefreplace_errors, ErrorHandler::XmlCharRefReplace)
GILVM_HANDLER(namereplace_errors, ErrorHandler::NameReplace)
GILVM_HANDLER(surrogateescape_errors, ErrorHandler::SurrogateEscape)
GILVM_HANDLER(surrogatepass_errors, ErrorHandler::SurrogatePass)
#undef GILVM_HANDLER

}  // namespace

Value make_codecs_module(ThreadState& ts) {
  Value m = module_new(ts, "_codecs");
  if (!m) return Value::null();
  Dict* d = as_module(m)->dict;
  static constexpr struct {
    const char* name;
    NativeFn fn;
  } kFunctions[] = {
      {"register", register_fn},
      {"unregister", unregister_fn},
      {"lookup", lookup_fn},
      {"_forget_codec", forget_codec},
      {"encode", encode_fn},
      {"decode", decode_fn},
      {"register_error", register_error},
      {"lookup_error", lookup_error},
      {"utf_8_encode", utf_8_encode},
      {"utf_8_decode", utf_8_decode},
      {"ascii_encode", ascii_encode},
      {"ascii_decode", ascii_decode},
      {"latin_1_encode", latin_1_encode},
      {"latin_1_decode", latin_1_decode},
      {"utf_16_encode", utf_16_encode},
      {"utf_16_decode", utf_16_decode},
      {"utf_16_le_encode", utf_16_le_encode},
      {"utf_16_le_decode", utf_16_le_decode},
      {"utf_16_be_encode", utf_16_be_encode},
      {"utf_16_be_decode", utf_16_be_decode},
      {"utf_16_ex_decode", utf_16_ex_decode},
      {"utf_32_encode", utf_32_encode},
      {"utf_32_decode", utf_32_decode},
      {"utf_32_le_encode", utf_32_le_encode},
      {"utf_32_le_decode", utf_32_le_decode},
      {"utf_32_be_encode", utf_32_be_encode},
      {"utf_32_be_decode", utf_32_be_decode},
      {"utf_32_ex_decode", utf_32_ex_decode},
      {"unicode_escape_encode", unicode_escape_encode},
      {"unicode_escape_decode", unicode_escape_decode},
      {"raw_unicode_escape_encode", raw_unicode_escape_encode},
      {"raw_unicode_escape_decode", raw_unicode_escape_decode},
      {"escape_encode", escape_encode},
      {"escape_decode", escape_decode},
      {"readbuffer_encode", readbuffer_encode},
      {"charmap_encode", charmap_encode_fn},
      {"charmap_decode", charmap_decode_fn},
      {"charmap_build", charmap_build},
  };
  for (const auto& f : kFunctions) add_function(ts, d, f.name, f.fn);
  // The built-in handlers, also entered in the registry under their names
  // (codecs.lookup_error('replace') is codecs.replace_errors).
  static constexpr struct {
    const char* attr;
    const char* name;
    NativeFn fn;
  } kHandlers[] = {
      {"strict_errors", "strict", strict_errors},
      {"ignore_errors", "ignore", ignore_errors},
      {"replace_errors", "replace", replace_errors},
      {"backslashreplace_errors", "backslashreplace", backslashreplace_errors},
      {"xmlcharrefreplace_errors", "xmlcharrefreplace", xmlcharrefreplace_errors},
      {"namereplace_errors", "namereplace", namereplace_errors},
      {"surrogateescape_errors", "surrogateescape", surrogateescape_errors},
      {"surrogatepass_errors", "surrogatepass", surrogatepass_errors},
  };
  for (const auto& h : kHandlers) {
    add_function(ts, d, h.attr, h.fn);
    Value fn = dict_get_str(d, str_intern(ts, h.attr));
    if (!fn || !codec_register_error(ts, h.name, fn)) {
      decref(m);
      return Value::null();
    }
  }
  // codecs.py deletes these two from its namespace; CPython's _codecs has
  // no such attributes, so they are removed here too.
  dict_del(ts, d, Value::from_object(str_intern(ts, "surrogateescape_errors")));
  dict_del(ts, d, Value::from_object(str_intern(ts, "surrogatepass_errors")));
  return m;
}

}  // namespace gilvm
