// Tokenizer: layout tokens, literals as delimited spans, and error messages
// and positions as CPython 3.11 reports them.
#include "lexer/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gilvm {
namespace {

// "KIND:text" per token, layout tokens by kind only; an error ends the list
// with "ERROR:message@line:col".
std::vector<std::string> lex(std::string_view src) {
  static const char* kNames[] = {"END", "NAME",   "NUM",    "STR", "OP",
                                 "NL",  "INDENT", "DEDENT", "ERR"};
  Lexer lexer(src, "<test>");
  std::vector<std::string> out;
  for (int guard = 0; guard < 10000; ++guard) {
    Token t = lexer.next();
    if (t.kind == TokenKind::Error) {
      const SyntaxErrorInfo& e = lexer.error();
      out.push_back("ERROR:" + e.message + "@" + std::to_string(e.line) + ":" +
                    std::to_string(e.col));
      break;
    }
    std::string s = kNames[static_cast<int>(t.kind)];
    if (t.kind == TokenKind::Name || t.kind == TokenKind::Number || t.kind == TokenKind::String ||
        t.kind == TokenKind::Op)
      s += ":" + std::string(t.text);
    out.push_back(s);
    if (t.kind == TokenKind::EndMarker) break;
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(lex("x = 1\n"), (V{"NAME:x", "OP:=", "NUM:1", "NL", "END"}));
  EXPECT_EQ(lex("x"), (V{"NAME:x", "NL", "END"}));  // NEWLINE is owed even without '\n'
  EXPECT_EQ(lex(""), (V{"END"}));
}

TEST(Lexer, IndentDedent) {
  EXPECT_EQ(lex("if x:\n    y\n\n  # c\n    z\nw\n"),
            (V{"NAME:if", "NAME:x", "OP::", "NL", "INDENT", "NAME:y", "NL", "NAME:z", "NL",
               "DEDENT", "NAME:w", "NL", "END"}));
  EXPECT_EQ(lex("if x:\n  if y:\n    z"),
            (V{"NAME:if", "NAME:x", "OP::", "NL", "INDENT", "NAME:if", "NAME:y", "OP::", "NL",
               "INDENT", "NAME:z", "NL", "DEDENT", "DEDENT", "END"}));
  // A tab advances to the next multiple of 8, so it matches eight spaces...
  EXPECT_EQ(lex("if x:\n\ty\n\tz\n").size(), 11u);
  // ...but mixing them inconsistently is a TabError.
  EXPECT_EQ(lex("if x:\n\tif y:\n        pass\n").back(),
            "ERROR:inconsistent use of tabs and spaces in indentation@3:1");
}

TEST(Lexer, BadDedent) {
  EXPECT_EQ(lex("if x:\n    a\n  bcd = 1\n").back(),
            "ERROR:unindent does not match any outer indentation level@3:10");
}

TEST(Lexer, ImplicitAndExplicitContinuation) {
  EXPECT_EQ(lex("x = (1,\n  2)\n"),
            (V{"NAME:x", "OP:=", "OP:(", "NUM:1", "OP:,", "NUM:2", "OP:)", "NL", "END"}));
  EXPECT_EQ(lex("x = 1 + \\\n  2\n"), (V{"NAME:x", "OP:=", "NUM:1", "OP:+", "NUM:2", "NL", "END"}));
  EXPECT_EQ(lex("a; b"), (V{"NAME:a", "OP:;", "NAME:b", "NL", "END"}));
  EXPECT_EQ(lex("\\x").back(), "ERROR:unexpected character after line continuation character@1:2");
}

TEST(Lexer, Operators) {
  EXPECT_EQ(lex("a->b:=c**=d//=e>>=f<<=g@h...i!=j"),
            (V{"NAME:a", "OP:->",  "NAME:b", "OP::=",  "NAME:c", "OP:**=", "NAME:d",
               "OP://=", "NAME:e", "OP:>>=", "NAME:f", "OP:<<=", "NAME:g", "OP:@",
               "NAME:h", "OP:...", "NAME:i", "OP:!=",  "NAME:j", "NL",     "END"}));
  EXPECT_EQ(lex("a $ b").back(), "ERROR:invalid syntax@1:3");
}

TEST(Lexer, Numbers) {
  EXPECT_EQ(lex("0x1F 0o17 0b1_0 1_000 1.5 .5 1. 1e10 1.5E-3 2j 1_0.0_1J 000"),
            (V{"NUM:0x1F", "NUM:0o17", "NUM:0b1_0", "NUM:1_000", "NUM:1.5", "NUM:.5", "NUM:1.",
               "NUM:1e10", "NUM:1.5E-3", "NUM:2j", "NUM:1_0.0_1J", "NUM:000", "NL", "END"}));
  EXPECT_EQ(lex("1if x else 2")[1], "NAME:if");
  EXPECT_EQ(lex("012").back(),
            "ERROR:leading zeros in decimal integer literals are not permitted; use an 0o prefix "
            "for octal integers@1:1");
  EXPECT_EQ(lex("1__0").back(), "ERROR:invalid decimal literal@1:2");
  EXPECT_EQ(lex("1_").back(), "ERROR:invalid decimal literal@1:2");
  EXPECT_EQ(lex("0x").back(), "ERROR:invalid hexadecimal literal@1:2");
  EXPECT_EQ(lex("0b2").back(), "ERROR:invalid digit '2' in binary literal@1:3");
  EXPECT_EQ(lex("x = 0o19").back(), "ERROR:invalid digit '9' in octal literal@1:8");
  EXPECT_EQ(lex("x = 1abc").back(), "ERROR:invalid decimal literal@1:5");
}

TEST(Lexer, Strings) {
  EXPECT_EQ(lex(R"(r'a' b"b" Rb'c' bR"d" f'e' Rf"f" fR'g' u'h' 'i' "j")").size(), 12u);
  EXPECT_EQ(lex("'''a\nb''' \"\"\"c\"\"\""),
            (V{"STR:'''a\nb'''", "STR:\"\"\"c\"\"\"", "NL", "END"}));
  EXPECT_EQ(lex(R"('a\'b')"), (V{R"(STR:'a\'b')", "NL", "END"}));
  EXPECT_EQ(lex("'a\\\nb'"), (V{"STR:'a\\\nb'", "NL", "END"}));
  EXPECT_EQ(lex("rb 'x'")[0], "NAME:rb");  // a prefix must touch its quote
  EXPECT_EQ(lex("x = \"abc").back(), "ERROR:unterminated string literal (detected at line 1)@1:5");
  EXPECT_EQ(lex("x = '''abc\n\ndef").back(),
            "ERROR:unterminated triple-quoted string literal (detected at line 3)@1:5");
}

TEST(Lexer, Brackets) {
  EXPECT_EQ(lex("x = (1,\n").back(), "ERROR:'(' was never closed@1:5");
  EXPECT_EQ(lex("x = )").back(), "ERROR:unmatched ')'@1:5");
  EXPECT_EQ(lex("x = (]").back(),
            "ERROR:closing parenthesis ']' does not match opening parenthesis '('@1:6");
  EXPECT_EQ(lex("x = (\n]").back(),
            "ERROR:closing parenthesis ']' does not match opening parenthesis '(' on line 1@2:1");
  EXPECT_EQ(lex(std::string(201, '(')).back(), "ERROR:too many nested parentheses@1:201");
}

TEST(Lexer, PositionsInCodePoints) {
  Lexer lexer("é = 'ü'  # ☃\nx", "<test>");
  Token a = lexer.next();
  EXPECT_EQ(a.col, 0);
  EXPECT_EQ(a.end_col, 1);
  Token eq = lexer.next();
  EXPECT_EQ(eq.col, 2);
  Token s = lexer.next();
  EXPECT_EQ(s.col, 4);
  EXPECT_EQ(s.end_col, 7);
  lexer.next();  // NEWLINE
  Token x = lexer.next();
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.col, 0);
}

TEST(Lexer, TooDeepIndentation) {
  std::string src;
  for (int i = 0; i < 120; ++i) src += std::string(i, ' ') + "if x:\n";
  EXPECT_EQ(lex(src).back().rfind("ERROR:too many levels of indentation", 0), 0u);
}

}  // namespace
}  // namespace gilvm
