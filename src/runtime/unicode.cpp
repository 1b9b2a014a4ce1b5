// Unicode character data for str: range tables generated from the oracle
// CPython (see tools/gen_unicode_tables.py) and the UTF-8 codec.
//
// Lookups test ASCII inline and binary-search sorted tables otherwise; case
// runs cover the regular blocks (Latin, Greek, Cyrillic alternate or shift
// by a constant), so only ~200 runs and ~100 one-to-many mappings exist.
#include "runtime/unicode.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>

namespace gilvm::unicode {
namespace {

struct CodeRange {
  uint32_t lo, hi;
};
// Code points lo, lo+stride, ..., hi map to cp + delta.
struct CaseRun {
  uint32_t lo, hi;
  int32_t stride;
  int32_t delta;
};
struct SpecialCase {
  uint32_t cp;
  const char* utf8;
};

#include "runtime/unicode_tables.inc"

struct UnicodeName {
  const char* name;
  uint32_t cp;
};
#include "runtime/unicode_names.inc"

template <size_t N>
bool in_table(const CodeRange (&table)[N], uint32_t cp) {
  const CodeRange* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                         [](uint32_t c, const CodeRange& r) { return c < r.lo; });
  return it != std::begin(table) && cp <= (it - 1)->hi;
}

template <size_t N>
const char* find_special(const SpecialCase (&table)[N], uint32_t cp) {
  const SpecialCase* it =
      std::lower_bound(std::begin(table), std::end(table), cp,
                       [](const SpecialCase& s, uint32_t c) { return s.cp < c; });
  return it != std::end(table) && it->cp == cp ? it->utf8 : nullptr;
}

template <size_t N>
uint32_t apply_runs(const CaseRun (&table)[N], uint32_t cp) {
  const CaseRun* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                       [](uint32_t c, const CaseRun& r) { return c < r.lo; });
  if (it == std::begin(table)) return cp;
  --it;
  if (cp > it->hi || (cp - it->lo) % static_cast<uint32_t>(it->stride) != 0) return cp;
  return static_cast<uint32_t>(static_cast<int32_t>(cp) + it->delta);
}

void append_cp(std::string& out, uint32_t cp) {
  char buf[4];
  out.append(buf, static_cast<size_t>(encode(cp, buf)));
}

}  // namespace

bool lookup_name(std::string_view name, uint32_t* cp) {
  std::string upper(name);
  for (char& ch : upper) ch = ascii_upper(static_cast<unsigned char>(ch));
  const UnicodeName* it = std::lower_bound(
      std::begin(kUnicodeNames), std::end(kUnicodeNames), upper,
      [](const UnicodeName& e, const std::string& key) { return std::strcmp(e.name, key.c_str()) < 0; });
  if (it == std::end(kUnicodeNames) || upper != it->name) return false;
  *cp = it->cp;
  return true;
}

// The table is sorted by name; the reverse direction (namereplace, repr of
// an unknown name) is rare enough for a linear scan of its 2,300 entries.
bool name_of(uint32_t cp, std::string_view* name) {
  for (const UnicodeName& e : kUnicodeNames) {
    if (e.cp != cp) continue;
    *name = e.name;
    return true;
  }
  return false;
}

int encode(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

int64_t count_code_points(std::string_view s) {
  // Every byte that is not a continuation byte starts a code point.
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool all_ascii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  // Eight bytes at a time: the high bit of any byte marks non-ASCII.
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if (w & 0x8080808080808080ull) return false;
    p += 8;
    n -= 8;
  }
  while (n--) {
    if (static_cast<unsigned char>(*p++) & 0x80) return false;
  }
  return true;
}

bool validate_utf8(std::string_view bytes, size_t* error_pos, size_t* error_end,
                   const char** reason) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  auto fail = [&](size_t end, const char* why) {
    *error_pos = i;
    *error_end = end;
    *reason = why;
    return false;
  };
  while (i < n) {
    unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    int len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;  // no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return fail(i + 1, "invalid start byte");
    }
    // CPython reports the maximal valid prefix as the invalid sequence.
    for (int k = 1; k < len; ++k) {
      if (i + k >= n) return fail(n, "unexpected end of data");
      unsigned char c = s[i + k];
      bool ok = k == 1 ? (c >= lo && c <= hi) : (c & 0xC0) == 0x80;
      if (!ok) return fail(i + k, "invalid continuation byte");
    }
    i += static_cast<size_t>(len);
  }
  return true;
}

bool is_alpha(uint32_t cp) {
  if (cp < 0x80) return ascii_is_alpha(static_cast<unsigned char>(cp));
  return in_table(kAlpha, cp);
}
bool is_decimal(uint32_t cp) {
  if (cp < 0x80) return ascii_is_digit(static_cast<unsigned char>(cp));
  return in_table(kDecimal, cp);
}
bool is_digit(uint32_t cp) {
  if (cp < 0x80) return ascii_is_digit(static_cast<unsigned char>(cp));
  return in_table(kDigit, cp);
}
bool is_numeric(uint32_t cp) {
  if (cp < 0x80) return ascii_is_digit(static_cast<unsigned char>(cp));
  return in_table(kNumeric, cp);
}
bool is_space(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
  return in_table(kSpace, cp);
}
bool is_printable(uint32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return in_table(kPrintable, cp);
}
bool is_upper(uint32_t cp) {
  if (cp < 0x80) return ascii_is_upper(static_cast<unsigned char>(cp));
  return in_table(kUpper, cp);
}
bool is_lower(uint32_t cp) {
  if (cp < 0x80) return ascii_is_lower(static_cast<unsigned char>(cp));
  return in_table(kLower, cp);
}
bool is_title(uint32_t cp) { return cp >= 0x80 && in_table(kTitle, cp); }
bool is_cased(uint32_t cp) {
  if (cp < 0x80) return ascii_is_alpha(static_cast<unsigned char>(cp));
  return in_table(kCased, cp);
}
bool is_case_ignorable(uint32_t cp) { return in_table(kCaseIgnorable, cp); }
bool is_xid_start(uint32_t cp) {
  if (cp < 0x80) return ascii_is_alpha(static_cast<unsigned char>(cp)) || cp == '_';
  return in_table(kXidStart, cp);
}
bool is_xid_continue(uint32_t cp) {
  if (cp < 0x80)
    return ascii_is_alpha(static_cast<unsigned char>(cp)) || cp == '_' ||
           ascii_is_digit(static_cast<unsigned char>(cp));
  return in_table(kXidContinue, cp);
}

uint32_t simple_upper(uint32_t cp) {
  if (cp < 0x80) return static_cast<unsigned char>(ascii_upper(static_cast<unsigned char>(cp)));
  if (const char* s = find_special(kUpperSpecial, cp)) {
    const char* p = s;
    return decode_advance(p);
  }
  return apply_runs(kUpperRuns, cp);
}
uint32_t simple_lower(uint32_t cp) {
  if (cp < 0x80) return static_cast<unsigned char>(ascii_lower(static_cast<unsigned char>(cp)));
  if (const char* s = find_special(kLowerSpecial, cp)) {
    const char* p = s;
    return decode_advance(p);
  }
  return apply_runs(kLowerRuns, cp);
}

void append_upper(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(ascii_upper(static_cast<unsigned char>(cp)));
  } else if (const char* s = find_special(kUpperSpecial, cp)) {
    out.append(s);
  } else {
    append_cp(out, apply_runs(kUpperRuns, cp));
  }
}
void append_lower(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(ascii_lower(static_cast<unsigned char>(cp)));
  } else if (const char* s = find_special(kLowerSpecial, cp)) {
    out.append(s);
  } else {
    append_cp(out, apply_runs(kLowerRuns, cp));
  }
}
void append_title(std::string& out, uint32_t cp) {
  if (cp >= 0x80) {
    if (const char* s = find_special(kTitleSpecial, cp)) {
      out.append(s);
      return;
    }
  }
  append_upper(out, cp);
}
void append_casefold(std::string& out, uint32_t cp) {
  if (cp >= 0x80) {
    if (const char* s = find_special(kFoldSpecial, cp)) {
      out.append(s);
      return;
    }
  }
  append_lower(out, cp);
}

}  // namespace gilvm::unicode
