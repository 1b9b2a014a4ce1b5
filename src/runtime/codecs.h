// Text encodings: the codecs gilvm runs natively, their error handlers, and
// the registry (codecs.register / lookup / register_error) that finds every
// other codec in CPython's pure-Python `encodings` package.
//
// str.encode, bytes.decode and str(b, encoding) take the native path for the
// encodings programs use most (UTF-8, ASCII, Latin-1, UTF-16, UTF-32 and the
// escape codecs); the `_codecs` module (modules/codecs.cpp) exposes the same
// functions to `codecs.py` and `encodings/*.py`, so both roads give the same
// bytes and the same errors. Text is UTF-8 inside gilvm, lone surrogates
// included (as their 3-byte forms), which is what surrogateescape and
// surrogatepass produce and consume.
#pragma once

#include <optional>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

struct Str;

enum class Codec : uint8_t {
  Utf8,
  Ascii,
  Latin1,
  Utf16,  // with a BOM: written on encoding, read (or native order) on decoding
  Utf16Le,
  Utf16Be,
  Utf32,
  Utf32Le,
  Utf32Be,
  UnicodeEscape,
  RawUnicodeEscape,
};

// The native codec an encoding name denotes (case, '-', '_' and ' ' as
// CPython's aliases allow), if any.
std::optional<Codec> native_codec(std::string_view encoding);
// The codec's name in error messages ("utf-8", "utf-16-le", "unicodeescape").
std::string_view codec_name(Codec codec);

// Decodes `data`. final=false leaves an incomplete sequence at the end
// undecoded (incremental decoders) and reports how much was used in
// *consumed. *byteorder (UTF-16/32 without a suffix; may be null) is in/out:
// 0 reads a BOM, -1 little-endian, 1 big-endian. Null with an exception
// set on error.
Value codec_decode(ThreadState& ts, Codec codec, std::string_view data, std::string_view errors,
                   bool final = true, size_t* consumed = nullptr, int* byteorder = nullptr);
// Encodes text to bytes; byteorder as above (0: native order, BOM written).
Value codec_encode(ThreadState& ts, Codec codec, Str* text, std::string_view errors,
                   int byteorder = 0);

// The charmap codec (8-bit code pages): `mapping` is a str of 256
// characters, a mapping from byte to int/str/None, or None for Latin-1.
Value charmap_decode(ThreadState& ts, std::string_view data, std::string_view errors, Value mapping);
// `mapping` maps code points to int/bytes/None (charmap_build's dict).
Value charmap_encode(ThreadState& ts, Str* text, std::string_view errors, Value mapping);

// str.encode(), bytes.decode(), str(b, e): a native codec when there is
// one, else the registry's, which must be a text encoding. `source` is the
// bytes object being decoded when the caller has one (passed to Python
// codecs as is); may be null.
Value text_encode(ThreadState& ts, Str* text, std::string_view encoding, std::string_view errors);
Value text_decode(ThreadState& ts, std::string_view data, Value source, std::string_view encoding,
                  std::string_view errors);

// ---- the registry (guarded by the GIL, like every Python object)

// codecs.lookup(): the CodecInfo for `encoding`, imported on first use from
// the search functions (CPython's `encodings` package registers one).
Value codec_lookup(ThreadState& ts, std::string_view encoding);
// Runs a CodecInfo's encoder or decoder: the first item of its answer.
Value codec_call(ThreadState& ts, Value info, bool encode, Value input, std::string_view errors);
bool codec_register(ThreadState& ts, Value search_function);
bool codec_unregister(ThreadState& ts, Value search_function);
bool codec_forget(ThreadState& ts, std::string_view encoding);
// codecs.register_error / lookup_error. The built-in handlers are entered
// by the `_codecs` module when it is made, as callables of its own.
bool codec_register_error(ThreadState& ts, std::string_view name, Value handler);
Value codec_lookup_error(ThreadState& ts, std::string_view name);

// The built-in error handlers as functions of a Unicode error (what
// codecs.lookup_error('replace') returns): (replacement, resume position).
enum class ErrorHandler : uint8_t {
  Strict,
  Ignore,
  Replace,
  BackslashReplace,
  XmlCharRefReplace,
  NameReplace,
  SurrogateEscape,
  SurrogatePass,
  Custom,  // looked up in the registry
};
ErrorHandler error_handler_kind(std::string_view errors);
Value apply_builtin_error_handler(ThreadState& ts, ErrorHandler kind, Value exc);

}  // namespace gilvm
