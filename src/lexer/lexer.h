// The tokenizer: UTF-8 Python 3.11 source in, tokens out, one at a time.
//
// Like CPython's tokenizer it owns the layout rules: INDENT/DEDENT from an
// indentation stack, NEWLINE only at the end of a logical line (never inside
// brackets), and the bracket-matching errors ("'(' was never closed"). Tokens
// are produced on demand so that a syntax error early in a file is reported
// before a tokenizer error further down, as CPython does.
//
// Trade-off: literals are only delimited here, not decoded (see token.h).
// Non-ASCII bytes are accepted as identifier characters without checking
// Unicode categories.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/syntax_error.h"
#include "lexer/token.h"

namespace gilvm {

// Limits, both taken from CPython's tokenizer (MAXLEVEL, MAXINDENT). They also
// bound the parser's recursion on bracket nesting.
inline constexpr int kMaxBracketDepth = 200;
inline constexpr int kMaxIndentDepth = 100;

class Lexer {
 public:
  // `first_line`/`first_col` place the source inside a larger file; the parser
  // uses them to lex f-string replacement fields with true positions.
  Lexer(std::string_view source, std::string filename, int first_line = 1, int first_col = 0);

  // The next token. After an Error token, error() is set and every further
  // call returns Error again.
  Token next();
  const SyntaxErrorInfo& error() const { return error_; }
  int line() const { return line_; }  // the current physical line

  // Lexing a fragment (an f-string field) that must not produce layout tokens.
  void set_fragment_mode() { fragment_ = true; }

 private:
  Token lex_token();
  Token lex_number(size_t start);
  Token lex_string(size_t start, size_t quote_pos);
  Token lex_operator(size_t start);
  bool at_line_start_indentation(Token& out);

  Token make(TokenKind kind, size_t start, int line, int col);
  Token fail(std::string type, std::string message, int line, int col, int end_col = 0);
  Token fail_here(std::string message, size_t pos, int end_col = 0);
  int col_of(size_t pos);
  char peek(size_t offset = 0) const {
    return pos_ + offset < src_.size() ? src_[pos_ + offset] : '\0';
  }
  void newline_seen(size_t newline_pos);

  std::string_view src_;
  std::string filename_;
  size_t pos_ = 0;
  int line_;
  size_t line_start_ = 0;  // byte offset of the current physical line
  int first_col_;          // column offset of the first line (fragments only)
  int first_line_;

  // Incremental code-point column cache for the current line.
  size_t col_cache_pos_ = 0;
  int col_cache_ = 0;

  bool at_line_start_ = true;
  bool line_has_tokens_ = false;  // whether a NEWLINE is owed at the end of this line
  bool fragment_ = false;
  int pending_dedents_ = 0;
  bool pending_indent_ = false;

  std::vector<int> indents_{0};      // columns, tabs to multiples of 8
  std::vector<int> alt_indents_{0};  // columns, tabs as 1: detects tab/space mixing
  struct Bracket {
    char ch;
    int line;
    int col;
  };
  std::vector<Bracket> brackets_;

  bool failed_ = false;
  SyntaxErrorInfo error_;
};

// The text of a 1-based line of `source`, without its line terminator.
std::string source_line(std::string_view source, int line);

// Code-point length of a UTF-8 byte range.
int utf8_length(std::string_view s);

}  // namespace gilvm
