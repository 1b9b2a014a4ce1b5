// Decoding of string and integer literal tokens, kept apart from the grammar.
//
// Strings are decoded to UTF-8 (str) or raw bytes (bytes). Integers too large
// for int64 are turned into decimal digit strings here with a schoolbook base
// conversion, so that the parser does not depend on a bignum library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilvm {

struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  size_t length = 0;  // prefix letters before the opening quote
};

inline constexpr const char* kNonAsciiBytesError =
    "bytes can only contain ASCII literal characters";

StringPrefix string_prefix(std::string_view token_text);
// The text between the quotes of a STRING token.
std::string_view string_body(std::string_view token_text, const StringPrefix& prefix);
// Decodes escapes (unless raw) into `out`; on failure returns false with a
// CPython-style message in `error`.
bool decode_string_body(std::string_view body, bool raw, bool bytes, std::string& out,
                        std::string& error);
void append_utf8(std::string& out, uint32_t code_point);

// `digits` has no prefix and no underscores. False if it does not fit int64.
bool int_from_digits(std::string_view digits, int base, int64_t& value);
std::string digits_to_decimal(std::string_view digits, int base);

}  // namespace gilvm
