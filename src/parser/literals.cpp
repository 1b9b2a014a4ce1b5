#include "parser/literals.h"

#include <gmp.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/unicode.h"

namespace gilvm {

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

StringPrefix string_prefix(std::string_view text) {
  StringPrefix p;
  while (p.length < text.size() && text[p.length] != '\'' && text[p.length] != '"') {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[p.length])));
    p.raw |= c == 'r';
    p.bytes |= c == 'b';
    p.fstring |= c == 'f';
    ++p.length;
  }
  return p;
}

std::string_view string_body(std::string_view text, const StringPrefix& p) {
  std::string_view rest = text.substr(p.length);
  size_t quotes = rest.size() >= 6 && rest[0] == rest[1] && rest[1] == rest[2] ? 3 : 1;
  if (rest.size() < 2 * quotes) return {};
  return rest.substr(quotes, rest.size() - 2 * quotes);
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool decode_string_body(std::string_view body, bool raw, bool bytes, std::string& out,
                        std::string& error) {
  out.reserve(out.size() + body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (bytes && static_cast<unsigned char>(c) >= 0x80) {
      error = kNonAsciiBytesError;
      return false;
    }
    if (c == '\r') {  // newlines inside triple-quoted strings are normalized
      out += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      continue;
    }
    if (c != '\\' || raw || i + 1 == body.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    char e = body[++i];
    auto hex_escape = [&](int n, const char* what) {
      uint32_t v = 0;
      for (int k = 0; k < n; ++k) {
        if (i + 1 >= body.size() || digit_value(body[i + 1]) >= 16) {
          error = bytes ? "(value error) invalid \\x escape at position " + std::to_string(start)
                        : "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                              std::to_string(start) + "-" + std::to_string(i) + ": truncated " +
                              what + " escape";
          return false;
        }
        v = v * 16 + static_cast<uint32_t>(digit_value(body[++i]));
      }
      if (v > 0x10FFFF) {
        error = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                std::to_string(start) + "-" + std::to_string(i) + ": illegal Unicode character";
        return false;
      }
      if (bytes) {
        out += static_cast<char>(v);
      } else {
        append_utf8(out, v);
      }
      return true;
    };
    switch (e) {
      case '\n':
        break;
      case '\r':
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case 'x':
        if (!hex_escape(2, "\\xXX")) return false;
        break;
      case 'u':
      case 'U':
        if (bytes) {
          out += '\\';
          out += e;
        } else if (!hex_escape(e == 'u' ? 4 : 8, e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX")) {
          return false;
        }
        break;
      case 'N':
        if (bytes) {
          out += "\\N";
          break;
        }
        if (i + 1 < body.size() && body[i + 1] == '{') {
          size_t close = body.find('}', i + 2);
          uint32_t cp;
          if (close != std::string_view::npos &&
              unicode::lookup_name(body.substr(i + 2, close - i - 2), &cp)) {
            append_utf8(out, cp);
            i = close;
            break;
          }
        }
        // Names outside gilvm's table (see tools/gen_unicode_names.py).
        error = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                std::to_string(start) + "-" + std::to_string(i) +
                ": unknown Unicode character name";
        return false;
      default:
        if (e >= '0' && e <= '7') {
          uint32_t v = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
               ++k)
            v = v * 8 + static_cast<uint32_t>(body[++i] - '0');
          if (bytes) {
            out += static_cast<char>(v & 0xFF);
          } else {
            append_utf8(out, v);
          }
        } else {
          // Unknown escapes stay as written (CPython only warns).
          out += '\\';
          --i;
        }
    }
  }
  return true;
}

bool int_from_digits(std::string_view digits, int base, int64_t& value) {
  uint64_t v = 0;
  const uint64_t limit = static_cast<uint64_t>(INT64_MAX);
  for (char c : digits) {
    uint64_t d = static_cast<uint64_t>(digit_value(c));
    if (v > (limit - d) / static_cast<uint64_t>(base)) return false;
    v = v * static_cast<uint64_t>(base) + d;
  }
  value = static_cast<int64_t>(v);
  return true;
}

std::string digits_to_decimal(std::string_view digits, int base) {
  // GMP converts in subquadratic time; a schoolbook loop here made a
  // 200,000-digit literal take 25 s to compile.
  mpz_t n;
  mpz_init(n);
  std::string text(digits);
  mpz_set_str(n, text.c_str(), base);  // the lexer checked every digit
  std::string out(mpz_sizeinbase(n, 10) + 2, '\0');
  mpz_get_str(out.data(), 10, n);
  out.resize(std::strlen(out.c_str()));
  mpz_clear(n);
  return out;
}

}  // namespace gilvm
