#include "lexer/lexer.h"

#include <cctype>
#include <cstring>
#include <utility>

namespace gilvm {

namespace {

bool is_ident_start(unsigned char c) { return c == '_' || std::isalpha(c) || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Longest operators first, so that a plain prefix scan finds the longest match.
constexpr const char* kOperators[] = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=",
    ">=",  "==",  "!=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    "+",   "-",   "*",   "/",   "%",   "@",  "&",  "|",  "^",  "~",  "<",  ">",
    "(",   ")",   "[",   "]",   "{",   "}",  ",",  ":",  ".",  ";",  "=",
};

}  // namespace

std::string source_line(std::string_view source, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = source.find_first_of("\r\n", start);
    if (nl == std::string_view::npos) return "";
    start = nl + ((source[nl] == '\r' && nl + 1 < source.size() && source[nl + 1] == '\n') ? 2 : 1);
  }
  size_t end = source.find_first_of("\r\n", start);
  if (end == std::string_view::npos) end = source.size();
  return std::string(source.substr(start, end - start));
}

int utf8_length(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Lexer::Lexer(std::string_view source, std::string filename, int first_line, int first_col)
    : src_(source),
      filename_(std::move(filename)),
      line_(first_line),
      first_col_(first_col),
      first_line_(first_line) {
  if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = col_cache_pos_ = 3;
}

int Lexer::col_of(size_t pos) {
  if (col_cache_pos_ < line_start_ || pos < col_cache_pos_) {
    col_cache_pos_ = line_start_;
    col_cache_ = 0;
  }
  for (; col_cache_pos_ < pos && col_cache_pos_ < src_.size(); ++col_cache_pos_)
    col_cache_ += (static_cast<unsigned char>(src_[col_cache_pos_]) & 0xC0) != 0x80;
  return col_cache_ + (line_ == first_line_ ? first_col_ : 0);
}

void Lexer::newline_seen(size_t newline_pos) {
  ++line_;
  line_start_ = newline_pos + 1;
}

Token Lexer::make(TokenKind kind, size_t start, int line, int col) {
  Token t;
  t.kind = kind;
  t.text = src_.substr(start, pos_ - start);
  t.line = line;
  t.col = col;
  t.end_line = line_;
  t.end_col = col_of(pos_);
  return t;
}

Token Lexer::fail(std::string type, std::string message, int line, int col, int end_col) {
  failed_ = true;
  error_.type = std::move(type);
  error_.message = std::move(message);
  error_.filename = filename_;
  error_.line = line;
  error_.col = col;
  error_.end_col = end_col;
  error_.text = source_line(src_, line - first_line_ + 1);
  Token t;
  t.kind = TokenKind::Error;
  t.line = t.end_line = line;
  t.col = t.end_col = col > 0 ? col - 1 : 0;
  return t;
}

// An error whose caret sits on the byte at `pos` of the current line.
Token Lexer::fail_here(std::string message, size_t pos, int end_col) {
  return fail("SyntaxError", std::move(message), line_, col_of(pos) + 1, end_col);
}

Token Lexer::next() {
  if (failed_) {
    Token t;
    t.kind = TokenKind::Error;
    return t;
  }
  return lex_token();
}

// Measures the indentation of a new logical line and queues INDENT/DEDENT.
// Returns true with `out` set when it has a token (or an error) to hand out.
bool Lexer::at_line_start_indentation(Token& out) {
  int col = 0, alt = 0;
  size_t p = pos_;
  for (; p < src_.size(); ++p) {
    char c = src_[p];
    if (c == ' ') {
      ++col, ++alt;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      ++alt;
    } else if (c == '\f') {
      col = alt = 0;
    } else {
      break;
    }
  }
  pos_ = p;
  char c = peek();
  // Blank and comment-only lines do not take part in indentation.
  if (c == '#' || c == '\n' || c == '\r' || c == '\0' || (c == '\\' && fragment_)) return false;
  at_line_start_ = false;
  auto tab_error = [&] {
    out = fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1);
    return true;
  };
  if (col == indents_.back()) {
    if (alt != alt_indents_.back()) return tab_error();
  } else if (col > indents_.back()) {
    if (alt <= alt_indents_.back()) return tab_error();
    if (static_cast<int>(indents_.size()) > kMaxIndentDepth) {
      out = fail("IndentationError", "too many levels of indentation", line_, col_of(pos_));
      return true;
    }
    indents_.push_back(col);
    alt_indents_.push_back(alt);
    pending_indent_ = true;
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      ++pending_dedents_;
    }
    if (col != indents_.back()) {
      std::string text = source_line(src_, line_ - first_line_ + 1);
      out = fail("IndentationError", "unindent does not match any outer indentation level", line_,
                 utf8_length(text) + 1);
      return true;
    }
    if (alt != alt_indents_.back()) return tab_error();
  }
  return false;
}

Token Lexer::lex_token() {
  for (;;) {
    if (at_line_start_ && brackets_.empty() && !fragment_) {
      Token t;
      if (at_line_start_indentation(t)) return t;
    }
    if (pending_indent_ || pending_dedents_ > 0) {
      Token t;
      t.kind = pending_indent_ ? TokenKind::Indent : TokenKind::Dedent;
      t.line = t.end_line = line_;
      t.col = pending_indent_ ? 0 : col_of(pos_);
      t.end_col = col_of(pos_);
      if (pending_indent_) {
        pending_indent_ = false;
      } else {
        --pending_dedents_;
      }
      return t;
    }

    char c = peek();
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
      continue;
    }
    if (c == '#') {
      while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
      continue;
    }
    if (c == '\\') {
      size_t p = pos_ + 1;
      if (p < src_.size() && src_[p] == '\r') ++p;
      if (p < src_.size() && src_[p] == '\n') {
        newline_seen(p);
        pos_ = p + 1;
        continue;
      }
      if (p >= src_.size()) return fail_here("unexpected EOF while parsing", pos_ + 1);
      return fail_here("unexpected character after line continuation character", pos_ + 1);
    }
    if (c == '\n' || c == '\r') {
      size_t start = pos_;
      int col = col_of(pos_);
      size_t nl = pos_;
      if (c == '\r' && peek(1) == '\n') ++nl;
      pos_ = nl + 1;
      if (!brackets_.empty() || !line_has_tokens_ || fragment_) {
        newline_seen(nl);
        at_line_start_ = brackets_.empty();
        continue;
      }
      Token t;
      t.kind = TokenKind::Newline;
      t.text = src_.substr(start, pos_ - start);
      t.line = t.end_line = line_;
      t.col = col;
      t.end_col = col + 1;
      newline_seen(nl);
      at_line_start_ = true;
      line_has_tokens_ = false;
      return t;
    }
    if (pos_ >= src_.size()) {
      if (!brackets_.empty()) {
        const Bracket& b = brackets_.back();
        return fail("SyntaxError", std::string("'") + b.ch + "' was never closed", b.line,
                    b.col + 1);
      }
      Token t;
      t.line = t.end_line = line_;
      t.col = t.end_col = col_of(pos_);
      if (line_has_tokens_ && !fragment_) {
        line_has_tokens_ = false;
        t.kind = TokenKind::Newline;
        t.end_col = t.col + 1;
        return t;
      }
      if (indents_.size() > 1 && !fragment_) {
        indents_.pop_back();
        alt_indents_.pop_back();
        t.kind = TokenKind::Dedent;
        return t;
      }
      t.kind = TokenKind::EndMarker;
      return t;
    }

    line_has_tokens_ = true;
    size_t start = pos_;
    unsigned char uc = static_cast<unsigned char>(c);
    if (is_ident_start(uc)) {
      // A string prefix (r, b, f, u and their pairs) is lexed with its string.
      size_t p = pos_;
      while (p < src_.size() && p - pos_ < 3 && std::isalpha(static_cast<unsigned char>(src_[p])))
        ++p;
      if (p < src_.size() && (src_[p] == '\'' || src_[p] == '"') && p - pos_ <= 2) {
        std::string prefix;
        for (size_t i = pos_; i < p; ++i) prefix += static_cast<char>(std::tolower(src_[i]));
        static const char* kPrefixes[] = {"r", "u", "b", "f", "br", "rb", "fr", "rf"};
        for (const char* k : kPrefixes)
          if (prefix == k) return lex_string(start, p);
      }
      while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
      return make(TokenKind::Name, start, line_, col_of(start));
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return lex_number(start);
    if (c == '\'' || c == '"') return lex_string(start, pos_);
    return lex_operator(start);
  }
}

Token Lexer::lex_operator(size_t start) {
  std::string_view rest = src_.substr(pos_);
  for (const char* op : kOperators) {
    size_t n = std::strlen(op);
    if (rest.substr(0, n) != op) continue;
    int col = col_of(start);
    char ch = op[0];
    if (n == 1 && (ch == '(' || ch == '[' || ch == '{')) {
      if (static_cast<int>(brackets_.size()) >= kMaxBracketDepth)
        return fail("SyntaxError", "too many nested parentheses", line_, col + 1);
      brackets_.push_back({ch, line_, col});
    } else if (n == 1 && (ch == ')' || ch == ']' || ch == '}')) {
      if (brackets_.empty())
        return fail("SyntaxError", std::string("unmatched '") + ch + "'", line_, col + 1);
      Bracket open = brackets_.back();
      char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
      if (ch != want) {
        std::string msg = std::string("closing parenthesis '") + ch +
                          "' does not match opening parenthesis '" + open.ch + "'";
        if (open.line != line_) msg += " on line " + std::to_string(open.line);
        return fail("SyntaxError", msg, line_, col + 1);
      }
      brackets_.pop_back();
    }
    pos_ += n;
    return make(TokenKind::Op, start, line_, col);
  }
  // A stray character ($, ?, !, `...): the parser would reject it anyway.
  int col = col_of(start);
  if (static_cast<unsigned char>(src_[pos_]) < 0x20 && src_[pos_] != '\0')
    return fail("SyntaxError", "invalid non-printable character", line_, col + 1);
  if (src_[pos_] == '\0')
    return fail("SyntaxError", "source code cannot contain null bytes", line_, col + 1);
  return fail("SyntaxError", "invalid syntax", line_, col + 1, col + 2);
}

Token Lexer::lex_number(size_t start) {
  int col = col_of(start);
  // Reads digits separated by single underscores; false (with the error set)
  // on a misplaced underscore.
  auto digits = [&](bool (*ok)(char), Token& err, const char* kind) {
    while (pos_ < src_.size()) {
      if (ok(src_[pos_])) {
        ++pos_;
      } else if (src_[pos_] == '_' && pos_ + 1 < src_.size() && ok(src_[pos_ + 1])) {
        pos_ += 2;
      } else if (src_[pos_] == '_') {
        err = fail_here(std::string("invalid ") + kind + " literal", pos_);
        return false;
      } else {
        break;
      }
    }
    return true;
  };
  // A number must not run into an identifier, except a few keywords
  // (`1if x else 2` is legal, if deprecated).
  auto verify_end = [&]() -> bool {
    if (pos_ >= src_.size() || !is_ident_char(static_cast<unsigned char>(src_[pos_]))) return true;
    std::string_view rest = src_.substr(pos_);
    for (std::string_view kw : {"and", "else", "for", "if", "in", "is", "not", "or"})
      if (rest.substr(0, kw.size()) == kw) return true;
    return false;
  };
  Token err;

  char c1 = peek(1);
  if (peek() == '0' && std::strchr("xXoObB", c1) && c1 != '\0') {
    char base = static_cast<char>(std::tolower(c1));
    const char* kind = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
    bool (*ok)(char) = base == 'x'   ? is_hex_digit
                       : base == 'o' ? +[](char c) { return c >= '0' && c <= '7'; }
                                     : +[](char c) { return c == '0' || c == '1'; };
    pos_ += 2;
    if (peek() == '_') ++pos_;
    if (!ok(peek())) {
      if (is_digit(peek()))
        return fail_here(std::string("invalid digit '") + peek() + "' in " + kind + " literal",
                         pos_);
      return fail_here(std::string("invalid ") + kind + " literal", pos_ - 1);
    }
    if (!digits(ok, err, kind)) return err;
    if (is_digit(peek()))
      return fail_here(std::string("invalid digit '") + peek() + "' in " + kind + " literal", pos_);
    if (!verify_end()) return fail_here(std::string("invalid ") + kind + " literal", pos_ - 1);
    return make(TokenKind::Number, start, line_, col);
  }

  bool is_float = false;
  if (peek() != '.' && !digits(is_digit, err, "decimal")) return err;
  if (peek() == '.') {
    is_float = true;
    ++pos_;
    if (is_digit(peek()) && !digits(is_digit, err, "decimal")) return err;
  }
  if (peek() == 'e' || peek() == 'E') {
    size_t e = pos_;
    ++pos_;
    if (peek() == '+' || peek() == '-') ++pos_;
    if (!is_digit(peek())) {
      // `1else` and friends: the 'e' starts a keyword, not an exponent.
      pos_ = e;
      if (verify_end() && !is_float) return make(TokenKind::Number, start, line_, col);
      return fail_here("invalid decimal literal", e);
    }
    is_float = true;
    if (!digits(is_digit, err, "decimal")) return err;
  }
  if (peek() == 'j' || peek() == 'J') {
    ++pos_;
    is_float = true;
  }
  if (!is_float && src_[start] == '0') {
    for (size_t i = start; i < pos_; ++i) {
      if (src_[i] != '0' && src_[i] != '_')
        return fail("SyntaxError",
                    "leading zeros in decimal integer literals are not permitted; use an 0o "
                    "prefix for octal integers",
                    line_, col + 1, col + 2);
    }
  }
  if (!verify_end()) return fail_here("invalid decimal literal", start);
  return make(TokenKind::Number, start, line_, col);
}

Token Lexer::lex_string(size_t start, size_t quote_pos) {
  int line = line_, col = col_of(start);
  char q = src_[quote_pos];
  bool triple = quote_pos + 2 < src_.size() && src_[quote_pos + 1] == q && src_[quote_pos + 2] == q;
  pos_ = quote_pos + (triple ? 3 : 1);
  auto unterminated = [&] {
    std::string what =
        triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
    // Only a triple-quoted string can span lines; CPython blames the start
    // line for the others even after a backslash-newline.
    // At the end of input a final newline does not start another line.
    int detected = triple ? line_ - (!src_.empty() && src_.back() == '\n' ? 1 : 0) : line;
    return fail("SyntaxError", what + " (detected at line " + std::to_string(detected) + ")", line,
                col + 1);
  };
  for (;;) {
    if (pos_ >= src_.size()) return unterminated();
    char c = src_[pos_];
    if (c == '\\') {
      ++pos_;
      if (pos_ >= src_.size()) return unterminated();
      char e = src_[pos_];
      if (e == '\r' && peek(1) == '\n') ++pos_;
      if (e == '\n' || e == '\r') newline_seen(pos_);
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!triple) return unterminated();
      if (c == '\r' && peek(1) == '\n') ++pos_;
      newline_seen(pos_);
      ++pos_;
      continue;
    }
    ++pos_;
    if (c != q) continue;
    if (!triple) break;
    if (peek() == q && peek(1) == q) {
      pos_ += 2;
      break;
    }
  }
  return make(TokenKind::String, start, line, col);
}

}  // namespace gilvm
