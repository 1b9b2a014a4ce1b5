// Tokens produced by the lexer and consumed by the parser.
//
// A token does not copy its text: `text` is a view into the source buffer,
// which must outlive the tokens. String and number literals are kept raw
// (prefix and quotes included); the parser decodes them, because only it
// knows about implicit concatenation and f-string structure.
#pragma once

#include <cstdint>
#include <string_view>

namespace gilvm {

enum class TokenKind : uint8_t {
  EndMarker,
  Name,  // identifiers and keywords alike; the parser tells them apart
  Number,
  String,   // any prefix, any quoting, still undecoded
  Op,       // operators and delimiters, told apart by text
  Newline,  // end of a logical line
  Indent,
  Dedent,
  Error,  // the lexer failed here; Lexer::error() says why
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;
  int line = 0;  // 1-based
  int col = 0;   // 0-based, in code points
  int end_line = 0;
  int end_col = 0;

  bool is(TokenKind k, std::string_view t) const { return kind == k && text == t; }
  bool is_op(std::string_view t) const { return kind == TokenKind::Op && text == t; }
  bool is_name(std::string_view t) const { return kind == TokenKind::Name && text == t; }
};

}  // namespace gilvm
