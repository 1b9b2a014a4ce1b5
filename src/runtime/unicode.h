// Unicode helpers for str and bytes: UTF-8 decoding/encoding and the
// character classes and case mappings behind str.isalpha(), str.upper(), ...
//
// Text is UTF-8 everywhere, so these work on code points decoded on the fly.
// Every query has an inline ASCII fast path; other code points go to
// generated range tables (unicode_tables.inc, from the oracle CPython's
// unicodedata) searched by binary search, which keeps the tables small
// (tens of KB) at the cost of a log-time lookup for non-ASCII text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace gilvm::unicode {

// Decodes the code point starting at p (valid UTF-8, at least one byte) and
// advances p past it.
inline uint32_t decode_advance(const char*& p) {
  auto b0 = static_cast<unsigned char>(p[0]);
  if (b0 < 0x80) {
    ++p;
    return b0;
  }
  if (b0 < 0xE0) {
    uint32_t cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu);
    p += 2;
    return cp;
  }
  if (b0 < 0xF0) {
    uint32_t cp = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(p[2]) & 0x3Fu);
    p += 3;
    return cp;
  }
  uint32_t cp = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(p[2]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(p[3]) & 0x3Fu);
  p += 4;
  return cp;
}

// Length in bytes of the sequence whose lead byte is b.
inline int seq_length(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }
inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }
inline int encoded_length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Writes cp as UTF-8 into out (room for 4 bytes); returns the byte count.
int encode(uint32_t cp, char* out);

// Number of code points in valid UTF-8 text.
int64_t count_code_points(std::string_view utf8);
bool all_ascii(std::string_view bytes);

// Validates UTF-8 as CPython's decoder does (no surrogates, no overlong
// forms). On failure returns false and sets *error_pos to the offending
// byte, *error_end to the end of the invalid sequence and *reason to
// CPython's wording ("invalid start byte", "invalid continuation byte",
// "unexpected end of data").
bool validate_utf8(std::string_view bytes, size_t* error_pos, size_t* error_end,
                   const char** reason);

// The code point a Unicode character name denotes (case-insensitive, as
// \N{...} and unicodedata.lookup match), and the name of a code point. Only
// the blocks in unicode_names.inc are known (tools/gen_unicode_names.py).
bool lookup_name(std::string_view name, uint32_t* cp);
bool name_of(uint32_t cp, std::string_view* name);

bool is_alpha(uint32_t cp);
bool is_decimal(uint32_t cp);
bool is_digit(uint32_t cp);
bool is_numeric(uint32_t cp);
bool is_space(uint32_t cp);
bool is_printable(uint32_t cp);
bool is_upper(uint32_t cp);
bool is_lower(uint32_t cp);
bool is_title(uint32_t cp);
bool is_cased(uint32_t cp);
bool is_case_ignorable(uint32_t cp);
bool is_xid_start(uint32_t cp);
bool is_xid_continue(uint32_t cp);
inline bool is_alnum(uint32_t cp) { return is_alpha(cp) || is_numeric(cp); }
// Line boundaries recognised by str.splitlines().
inline bool is_linebreak(uint32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D ||
         cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// Case mappings append the (possibly multi-character) result as UTF-8.
void append_upper(std::string& out, uint32_t cp);
void append_lower(std::string& out, uint32_t cp);
void append_title(std::string& out, uint32_t cp);
void append_casefold(std::string& out, uint32_t cp);
// Single code point mappings (the first character of the full mapping).
uint32_t simple_upper(uint32_t cp);
uint32_t simple_lower(uint32_t cp);

// ASCII-only helpers (bytes methods and fast paths).
inline bool ascii_is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool ascii_is_alpha(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool ascii_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool ascii_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool ascii_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline char ascii_upper(unsigned char c) {
  return ascii_is_lower(c) ? static_cast<char>(c - 32) : static_cast<char>(c);
}
inline char ascii_lower(unsigned char c) {
  return ascii_is_upper(c) ? static_cast<char>(c + 32) : static_cast<char>(c);
}

// ---- byte-string search shared by str and bytes. A valid UTF-8 needle
// can only match a valid UTF-8 haystack at a code-point boundary, so the
// byte search is also the code-point search for str.

// Position of needle in hay[from, hay.size()), or -1.
inline int64_t find_bytes(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (from > hay.size()) return -1;
  if (needle.empty()) return static_cast<int64_t>(from);
  const void* p = needle.size() == 1
                      ? std::memchr(hay.data() + from, needle[0], hay.size() - from)
                      : memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return p ? static_cast<const char*>(p) - hay.data() : -1;
}
inline int64_t rfind_bytes(std::string_view hay, std::string_view needle) {
  size_t r = hay.rfind(needle);
  return r == std::string_view::npos ? -1 : static_cast<int64_t>(r);
}
// Non-overlapping occurrences, at most max_count (-1: no limit).
inline int64_t count_bytes(std::string_view hay, std::string_view needle, int64_t max_count = -1) {
  if (needle.empty()) {
    int64_t n = static_cast<int64_t>(hay.size()) + 1;
    return max_count >= 0 && n > max_count ? max_count : n;
  }
  int64_t n = 0;
  size_t pos = 0;
  while (max_count < 0 || n < max_count) {
    int64_t f = find_bytes(hay, needle, pos);
    if (f < 0) break;
    ++n;
    pos = static_cast<size_t>(f) + needle.size();
  }
  return n;
}

}  // namespace gilvm::unicode
