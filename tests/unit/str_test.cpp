// Unit tests for the pure text helpers behind str and bytes: UTF-8
// decoding and validation, character classes, case mappings and repr.
#include "runtime/str.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/bytes.h"
#include "runtime/unicode.h"

namespace gilvm {
namespace {

std::string upper(std::string_view s) {
  std::string out;
  const char* p = s.data();
  while (p < s.data() + s.size()) unicode::append_upper(out, unicode::decode_advance(p));
  return out;
}

std::string lower(std::string_view s) {
  std::string out;
  const char* p = s.data();
  while (p < s.data() + s.size()) unicode::append_lower(out, unicode::decode_advance(p));
  return out;
}

TEST(Utf8, EncodeDecodeRoundTrip) {
  for (uint32_t cp : {0x41u, 0xE9u, 0x20ACu, 0x1F600u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u}) {
    std::string s;
    utf8_append(s, cp);
    EXPECT_EQ(s.size(), static_cast<size_t>(unicode::encoded_length(cp)));
    const char* p = s.data();
    EXPECT_EQ(unicode::decode_advance(p), cp);
    EXPECT_EQ(p, s.data() + s.size());
  }
}

TEST(Utf8, CountAndAscii) {
  EXPECT_EQ(unicode::count_code_points("h\xC3\xA9llo"), 5);
  EXPECT_EQ(unicode::count_code_points("a\xF0\x9F\x98\x80"
                                       "b"),
            3);
  EXPECT_TRUE(unicode::all_ascii("plain ascii text, longer than eight"));
  EXPECT_FALSE(unicode::all_ascii("plain ascii text\xC3\xA9 then more"));
}

TEST(Utf8, ValidationMatchesCPythonReasons) {
  size_t pos, end;
  const char* reason;
  EXPECT_TRUE(unicode::validate_utf8("caf\xC3\xA9", &pos, &end, &reason));
  EXPECT_FALSE(unicode::validate_utf8("\xFF", &pos, &end, &reason));
  EXPECT_EQ(pos, 0u);
  EXPECT_STREQ(reason, "invalid start byte");
  EXPECT_FALSE(unicode::validate_utf8("\xE2\x82", &pos, &end, &reason));
  EXPECT_EQ(end - pos, 2u);
  EXPECT_STREQ(reason, "unexpected end of data");
  EXPECT_FALSE(unicode::validate_utf8("a\xE2\x82\x41", &pos, &end, &reason));
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(end, 3u);
  EXPECT_STREQ(reason, "invalid continuation byte");
  EXPECT_FALSE(unicode::validate_utf8("\xED\xA0\x80", &pos, &end, &reason));  // surrogate
  EXPECT_FALSE(unicode::validate_utf8("\xC0\x80", &pos, &end, &reason));      // overlong
}

TEST(CharClasses, AsciiAndBeyond) {
  EXPECT_TRUE(unicode::is_alpha('a'));
  EXPECT_TRUE(unicode::is_alpha(0xE9));
  EXPECT_TRUE(unicode::is_alpha(0x4E2D));  // 中
  EXPECT_FALSE(unicode::is_alpha('1'));
  EXPECT_TRUE(unicode::is_space(0x1C));
  EXPECT_TRUE(unicode::is_space(0x3000));
  EXPECT_TRUE(unicode::is_digit(0xB2));  // ²
  EXPECT_FALSE(unicode::is_decimal(0xB2));
  EXPECT_TRUE(unicode::is_numeric(0x2155));  // ⅕
  EXPECT_FALSE(unicode::is_printable(0xA0));
  EXPECT_FALSE(unicode::is_printable(0x200B));
  EXPECT_TRUE(unicode::is_printable(0x1F600));
  EXPECT_TRUE(unicode::is_title(0x1C5));
  EXPECT_TRUE(unicode::is_xid_start(0xE9));
  EXPECT_FALSE(unicode::is_xid_start('1'));
}

TEST(CaseMapping, SimpleAndSpecial) {
  EXPECT_EQ(upper("h\xC3\xA9llo"), "H\xC3\x89LLO");
  EXPECT_EQ(lower("\xC3\x80\xC3\x89\xC3\x8E"), "\xC3\xA0\xC3\xA9\xC3\xAE");
  EXPECT_EQ(upper("\xC3\x9F"), "SS");                        // ß
  EXPECT_EQ(lower("\xC7\x85"), "\xC7\x86");                  // ǅ -> ǆ
  EXPECT_EQ(upper("\xCE\xB1\xCF\x89"), "\xCE\x91\xCE\xA9");  // αω
  EXPECT_EQ(unicode::simple_upper(0x101), 0x100u);
  EXPECT_EQ(unicode::simple_lower(0x100), 0x101u);
  std::string folded;
  unicode::append_casefold(folded, 0xDF);
  EXPECT_EQ(folded, "ss");
}

TEST(Repr, QuotesAndEscapes) {
  EXPECT_EQ(str_repr("plain"), "'plain'");
  EXPECT_EQ(str_repr("it's"), "\"it's\"");
  EXPECT_EQ(str_repr("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(str_repr("tab\tnew\nret\r"), "'tab\\tnew\\nret\\r'");
  EXPECT_EQ(str_repr(std::string_view("\x00\x07\x7f", 3)), "'\\x00\\x07\\x7f'");
  EXPECT_EQ(str_repr("\xC3\xA9\xE4\xB8\xAD"), "'\xC3\xA9\xE4\xB8\xAD'");
  EXPECT_EQ(str_repr("\xE2\x80\x8B"), "'\\u200b'");
  EXPECT_EQ(str_repr("\xC2\x80"), "'\\x80'");
  EXPECT_EQ(str_ascii_repr("\xF0\x9F\x98\x80"), "'\\U0001f600'");
  EXPECT_EQ(bytes_repr("quote's"), "b\"quote's\"");
  EXPECT_EQ(bytes_repr("\t\n\r\x7f\x80"), "b'\\t\\n\\r\\x7f\\x80'");
}

TEST(Search, FindCount) {
  EXPECT_EQ(unicode::find_bytes("the cat sat", "at"), 5);
  EXPECT_EQ(unicode::find_bytes("the cat sat", "at", 6), 9);
  EXPECT_EQ(unicode::find_bytes("abc", "", 3), 3);
  EXPECT_EQ(unicode::rfind_bytes("the cat sat", "at"), 9);
  EXPECT_EQ(unicode::count_bytes("aaaa", "aa"), 2);
  EXPECT_EQ(unicode::count_bytes("abc", ""), 4);
}

TEST(Hash, StableAndNeverMinusOne) {
  EXPECT_EQ(hash_bytes("abc"), hash_bytes(std::string("abc")));
  EXPECT_NE(hash_bytes("abc"), hash_bytes("abd"));
  EXPECT_NE(hash_bytes(""), -1);
  EXPECT_GE(hash_bytes("anything"), 0);
}

}  // namespace
}  // namespace gilvm
