// str: immutable UTF-8 text indexed by code point.
//
// Stored as UTF-8 with its length in code points; `ascii` marks the common
// case where byte index == code-point index, so indexing and slicing are
// O(1) there and O(n) otherwise. The hash is cached; interned strings (all
// identifiers) compare by pointer first.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

struct Str : Object {
  int64_t hash;    // -1 until computed
  int64_t length;  // in code points
  int64_t nbytes;
  bool ascii;
  bool interned;
  char data[];     // nbytes of UTF-8 plus a terminating NUL

  std::string_view view() const { return {data, static_cast<size_t>(nbytes)}; }
};

inline bool is_str(Value v) { return has_tag(v, Tag::Str); }
inline bool is_str_like(Value v) { return has_layout(v, Tag::Str); }
inline Str* as_str(Value v) { return static_cast<Str*>(v.as_object()); }

// `utf8` must be valid UTF-8 (callers decoding external bytes validate first).
Value str_new(ThreadState& ts, std::string_view utf8);
Str* str_intern(ThreadState& ts, std::string_view utf8);  // borrowed, immortal
Value str_from_codepoint(ThreadState& ts, uint32_t cp);
int64_t str_hash_compute(Str* s);
inline int64_t str_hash(Str* s) { return s->hash != -1 ? s->hash : str_hash_compute(s); }
bool str_equal(Str* a, Str* b);
// Python's repr of text: quotes chosen as Python does, escapes for
// non-printable characters.
std::string str_repr(std::string_view utf8);
Value str_concat(ThreadState& ts, Str* a, Str* b);
// Byte offset of code point `index` (0 <= index <= length).
size_t str_byte_offset(const Str* s, int64_t index);

void utf8_append(std::string& out, uint32_t cp);
bool utf8_valid(std::string_view bytes);

// ---- helpers shared by str.cpp, str_methods.cpp and bytes.cpp

// A str with `nbytes` of uninitialised data (NUL-terminated); fill data and
// call str_set_meta before the string escapes. Lets builders write once.
Str* str_alloc(ThreadState& ts, int64_t nbytes);
inline void str_set_meta(Str* s, int64_t length, bool ascii) {
  s->length = length;
  s->ascii = ascii;
}
// str_new when the caller already knows length and ASCII-ness.
Value str_new_meta(ThreadState& ts, std::string_view utf8, int64_t length, bool ascii);
// The substring of s between two byte offsets on code-point boundaries.
Value str_substr(ThreadState& ts, Str* s, size_t begin, size_t end);
// A one-character str for an ASCII byte (iteration and indexing fast path).
Value str_from_ascii_char(ThreadState& ts, char c);
// ascii(): like str_repr with every non-ASCII character escaped.
std::string str_ascii_repr(std::string_view utf8);
// ascii(obj) = ascii_escape(repr(obj)): escapes every non-ASCII character
// of already-formatted text as \xhh, \uhhhh or \Uhhhhhhhh.
std::string ascii_escape(std::string_view utf8);
// The string hash, shared with bytes so that equal ASCII data hashes alike.
int64_t hash_bytes(std::string_view data);
// Converts an optional encoding/errors argument (null = default) to text.
bool str_arg_view(ThreadState& ts, Value v, const char* fname, const char* argname,
                  std::string_view dflt, std::string_view* out);
// Resolves optional start/end arguments (None or int-like, null = omitted)
// against `length` the way str.find and friends do (slice-style clamping,
// except that a start past the end stays there: callers treat lo > hi as
// "no match").
bool text_bounds(ThreadState& ts, Value start, Value end, int64_t length, int64_t* lo,
                 int64_t* hi);

void init_str_methods(ThreadState& ts, Type* type);

void init_str_type(ThreadState& ts);

}  // namespace gilvm
