#include "parser/parser.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lexer/lexer.h"
#include "parser/literals.h"

namespace gilvm {

namespace {

using namespace ast;

// Unwinds to parse(); the error itself is in Parser::error_.
struct ParseFailure {};

constexpr std::string_view kKeywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

bool is_keyword(std::string_view s) {
  return std::find(std::begin(kKeywords), std::end(kKeywords), s) != std::end(kKeywords);
}

Loc loc_of(const Token& t) { return {t.line, t.col, t.end_line, t.end_col}; }
Loc span(const Loc& a, const Loc& b) { return {a.line, a.col, b.end_line, b.end_col}; }

// CPython's _PyPegen_get_expr_name: how error messages name an expression.
const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Starred:
      return "starred";
    case ExprKind::Name:
      return "name";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::Call:
      return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
      return "expression";
    case ExprKind::GeneratorExp:
      return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return "yield expression";
    case ExprKind::Await:
      return "await expression";
    case ExprKind::ListComp:
      return "list comprehension";
    case ExprKind::SetComp:
      return "set comprehension";
    case ExprKind::DictComp:
      return "dict comprehension";
    case ExprKind::Dict:
      return "dict literal";
    case ExprKind::Set:
      return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::NamedExpr:
      return "named expression";
    case ExprKind::Slice:
      return "slice";
    case ExprKind::Constant:
      switch (static_cast<const Constant*>(e)->ckind) {
        case ConstKind::None:
          return "None";
        case ConstKind::True:
          return "True";
        case ConstKind::False:
          return "False";
        case ConstKind::Ellipsis:
          return "ellipsis";
        default:
          return "literal";
      }
  }
  return "expression";
}

class Parser {
 public:
  Parser(std::string_view source, std::string_view full_source, const std::string& filename,
         AstArena& arena, int first_line, int first_col, int depth)
      : lexer_(source, filename, first_line, first_col),
        full_src_(full_source),
        filename_(filename),
        arena_(arena),
        depth_(depth) {}

  // An f-string field is lexed alone; CPython parses it as if parenthesized.
  void set_fragment_mode() {
    lexer_.set_fragment_mode();
    bracket_level_ = 1;
  }

  // After a grammar error, CPython still tokenizes the rest of the file and
  // prefers a tokenizer error found there (an unterminated string, a bad
  // number), and "'(' was never closed" for a bracket left open on an
  // earlier line than the grammar error. Doing the same keeps our messages in step with
  // CPython's.
  void prefer_tokenizer_error() {
    if (!lexer_failed_) {
      for (;;) {
        Token t = lexer_.next();
        if (t.kind == TokenKind::EndMarker) return;
        if (t.kind != TokenKind::Error) continue;
        lexer_error_ = lexer_.error();
        break;
      }
    }
    // (A lookahead may have hit the tokenizer error already, and a later
    // grammar error replaced it in error_.)
    const SyntaxErrorInfo& lex = lexer_error_;
    bool unclosed = lex.message.find("was never closed") != std::string::npos;
    // CPython blames the bracket when the furthest token the parser read
    // lies on a later line than the bracket.
    int furthest = toks_.empty() ? error_.line : std::max(error_.line, toks_.back().line);
    if (!unclosed || furthest > lex.line) error_ = lex;
  }
  const SyntaxErrorInfo& error() const { return error_; }

  Module* parse_module() {
    auto* m = arena_.make<Module>();
    while (cur().kind != TokenKind::EndMarker) statement(m->body);
    return m;
  }

  Module* parse_eval() {
    auto* m = arena_.make<Module>();
    auto* s = arena_.make<ExprStmt>();
    s->value = star_expressions();
    s->loc = s->value->loc;
    while (cur().kind == TokenKind::Newline) advance();
    if (cur().kind != TokenKind::EndMarker) fail_at(cur(), "invalid syntax");
    m->body.push_back(s);
    return m;
  }

  // An f-string replacement field: `(expr)` the way CPython reads it.
  Expr* parse_fstring_field() {
    Expr* e = at_kw("yield") ? yield_expr() : star_expressions();
    if (cur().kind != TokenKind::EndMarker) fail_unexpected(e);
    return e;
  }

 private:
  // ------------------------------------------------------------ tokens
  // By value: a later peek may grow the buffer and move the tokens.
  Token peek(size_t k = 0) {
    while (toks_.size() <= pos_ + k) {
      Token t = lexer_.next();
      if (t.kind == TokenKind::Error) {
        lexer_failed_ = true;
        lexer_error_ = lexer_.error();
        error_ = lexer_error_;
        throw ParseFailure{};
      }
      toks_.push_back(t);
    }
    return toks_[pos_ + k];
  }
  Token cur() { return peek(0); }
  Token advance() {
    Token t = cur();
    ++pos_;
    prev_ = t;
    if (t.kind == TokenKind::Op) {
      if (t.text == "(" || t.text == "[" || t.text == "{") ++bracket_level_;
      if (t.text == ")" || t.text == "]" || t.text == "}") --bracket_level_;
    }
    return t;
  }
  bool at_op(std::string_view s) { return cur().is_op(s); }
  // A comprehension's `for` (or `async for`) clause starts here.
  bool at_comp_for() { return cur().is_name("for") || (cur().is_name("async") && peek(1).is_name("for")); }
  bool at_kw(std::string_view s) { return cur().is_name(s); }
  bool accept_op(std::string_view s) {
    if (!at_op(s)) return false;
    advance();
    return true;
  }
  bool accept_kw(std::string_view s) {
    if (!at_kw(s)) return false;
    advance();
    return true;
  }
  Token expect_op(std::string_view s) {
    if (!at_op(s)) fail_at(cur(), "invalid syntax");
    return advance();
  }
  void expect_kw(std::string_view s) {
    if (!at_kw(s)) fail_at(cur(), "invalid syntax");
    advance();
  }
  // A compound statement's colon: CPython says "expected ':'" only when the
  // line ends where the colon should be.
  void expect_colon() {
    if (at_op(":")) {
      advance();
      return;
    }
    fail_at(cur(), cur().kind == TokenKind::Newline ? "expected ':'" : "invalid syntax");
  }
  Token expect_name() {
    if (cur().kind != TokenKind::Name || is_keyword(cur().text)) fail_at(cur(), "invalid syntax");
    return advance();
  }

  // ------------------------------------------------------------ errors
  [[noreturn]] void fail(const std::string& msg, int line, int col, int end_line, int end_col,
                         const char* type = "SyntaxError") {
    error_ = SyntaxErrorInfo{};
    error_.type = type;
    error_.message = msg;
    error_.filename = filename_;
    error_.line = line;
    error_.col = col;
    error_.end_col = end_line == line ? end_col : 0;
    error_.text = source_line(full_src_, line);
    throw ParseFailure{};
  }
  [[noreturn]] void fail_at(const Token& t, const std::string& msg,
                            const char* type = "SyntaxError") {
    fail(msg, t.line, t.col + 1, t.end_line, t.end_col + 1, type);
  }
  [[noreturn]] void fail_loc(const Loc& l, const std::string& msg) {
    fail(msg, l.line, l.col + 1, l.end_line, l.end_col + 1);
  }
  // Errors CPython reports just after a token (f-strings, string escapes).
  [[noreturn]] void fail_after(const Token& t, const std::string& msg) {
    fail(msg, t.end_line, t.end_col + 1, t.end_line, t.end_col + 1);
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxParseDepth) {
        --p.depth_;
        p.fail_at(p.cur(), "too many nested expressions");
      }
    }
    ~DepthGuard() { --p.depth_; }
  };

  // Runs `f` and reports whether it parsed; on failure the parser is rewound.
  template <typename F>
  bool attempt(F&& f) {
    size_t saved_pos = pos_;
    Token saved_prev = prev_;
    int saved_level = bracket_level_, saved_depth = depth_;
    SyntaxErrorInfo saved_error = error_;
    try {
      f();
      return true;
    } catch (const ParseFailure&) {
      pos_ = saved_pos;
      prev_ = saved_prev;
      bracket_level_ = saved_level;
      depth_ = saved_depth;
      error_ = saved_error;
      return false;
    }
  }

  bool starts_expression(const Token& t) {
    switch (t.kind) {
      case TokenKind::Name:
        return !is_keyword(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
               t.text == "not" || t.text == "lambda" || t.text == "await";
      case TokenKind::Number:
      case TokenKind::String:
        return true;
      case TokenKind::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
               t.text == "~" || t.text == "..." || t.text == "*";
      default:
        return false;
    }
  }

  // Inside brackets, `a b` is most likely a missing comma; CPython says so.
  [[noreturn]] void fail_unexpected(Expr* before) {
    Token t = cur();
    if (before && bracket_level_ > 0 && starts_expression(t) && !t.is_op("*") &&
        !(before->kind == ExprKind::Name && t.kind == TokenKind::String)) {
      Expr* after = nullptr;
      if (attempt([&] { after = expression(); }))
        fail(std::string("invalid syntax. Perhaps you forgot a comma?"), before->loc.line,
             before->loc.col + 1, after->loc.end_line, after->loc.end_col + 1);
    }
    fail_at(t, "invalid syntax");
  }

  template <typename T>
  T* node(const Loc& l) {
    T* n = arena_.make<T>();
    n->loc = l;
    return n;
  }
  template <typename T, typename K>
  T* node(K kind, const Loc& l) {
    T* n = arena_.make<T>(kind);
    n->loc = l;
    return n;
  }
  Loc end_at_prev(const Loc& start) {
    return {start.line, start.col, prev_.end_line, prev_.end_col};
  }

  // ------------------------------------------------------------ statements
  void statement(std::vector<Stmt*>& out) {
    const Token& t = cur();
    if (t.kind == TokenKind::Indent)
      fail("unexpected indent", t.line, t.end_col, t.line, 0, "IndentationError");
    if (t.kind == TokenKind::Dedent || t.kind == TokenKind::Newline) fail_at(t, "invalid syntax");
    if (t.kind == TokenKind::Name) {
      std::string_view k = t.text;
      if (k == "if") return out.push_back(if_stmt());
      if (k == "while") return out.push_back(while_stmt());
      if (k == "for") return out.push_back(for_stmt());
      if (k == "try") return out.push_back(try_stmt());
      if (k == "with") return out.push_back(with_stmt());
      if (k == "def") return out.push_back(funcdef({}));
      if (k == "class") return out.push_back(classdef({}));
      if (k == "async") return out.push_back(async_stmt({}));
      if (k == "match") {
        if (Stmt* m = match_stmt()) return out.push_back(m);
      }
    }
    if (t.is_op("@")) return out.push_back(decorated());
    simple_stmts(out);
  }

  void simple_stmts(std::vector<Stmt*>& out) {
    for (;;) {
      out.push_back(simple_stmt());
      if (!accept_op(";")) break;
      if (cur().kind == TokenKind::Newline) break;
    }
    if (cur().kind != TokenKind::Newline) fail_unexpected(nullptr);
    advance();
  }

  // The body after a compound statement's colon.
  std::vector<Stmt*> block(const std::string& what, int header_line) {
    std::vector<Stmt*> body;
    if (cur().kind != TokenKind::Newline) {
      simple_stmts(body);
      return body;
    }
    Token newline = advance();
    if (cur().kind != TokenKind::Indent) {
      size_t k = 0;
      while (peek(k).kind == TokenKind::Dedent) ++k;
      Token at = peek(k).kind == TokenKind::EndMarker ? newline : peek(k);
      fail("expected an indented block after " + what + " on line " + std::to_string(header_line),
           at.line, at.col + 1, at.end_line, at.end_col + 1, "IndentationError");
    }
    advance();
    while (cur().kind != TokenKind::Dedent && cur().kind != TokenKind::EndMarker) statement(body);
    if (cur().kind == TokenKind::Dedent) advance();
    return body;
  }

  Loc stmt_end(const Loc& start, const std::vector<Stmt*>& body) {
    return body.empty() ? end_at_prev(start) : span(start, body.back()->loc);
  }

  Stmt* if_stmt() {
    Token kw = advance();  // `if` or `elif`
    auto* s = node<If>(loc_of(kw));
    s->test = condition();
    expect_colon();
    s->body = block("'" + std::string(kw.text) + "' statement", kw.line);
    if (at_kw("elif")) {
      s->orelse.push_back(if_stmt());
    } else if (at_kw("else")) {
      Token e = advance();
      expect_colon();
      s->orelse = block("'else' statement", e.line);
    }
    s->loc = stmt_end(s->loc, s->orelse.empty() ? s->body : s->orelse);
    return s;
  }

  // An if/elif/while condition, where `=` is most likely a mistyped `==`.
  Expr* condition() {
    Expr* e = named_expression();
    if (at_op("=") && e->kind == ExprKind::Name) {
      advance();
      Expr* rhs = bitwise_or();
      fail(std::string("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"), e->loc.line,
           e->loc.col + 1, rhs->loc.end_line, rhs->loc.end_col + 1);
    }
    return e;
  }

  // ------------------------------------------------------------ match statements
  // `match` and `case` are soft keywords: `match` starts a match statement
  // only when what follows reads as `match SUBJECT:` NEWLINE INDENT `case`.
  // Otherwise (match = 3, match(x), match.y) it is a name, and the
  // statement is re-read as a simple one: null is returned.
  Stmt* match_stmt() {
    Token kw = cur();
    Expr* subject = nullptr;
    bool header = attempt([&] {
      advance();
      subject = match_subject();
      expect_op(":");
      if (cur().kind != TokenKind::Newline) fail_at(cur(), "invalid syntax");
      advance();
      if (cur().kind != TokenKind::Indent) fail_at(cur(), "invalid syntax");
      advance();
      if (!at_kw("case")) fail_at(cur(), "invalid syntax");
    });
    if (!header) return nullptr;
    auto* m = node<Match>(loc_of(kw));
    m->subject = subject;
    while (at_kw("case")) {
      Token ck = advance();
      MatchCase c;
      c.pattern = patterns();
      if (accept_kw("if")) c.guard = named_expression();
      expect_colon();
      c.body = block("'case' statement", ck.line);
      m->cases.push_back(std::move(c));
    }
    if (cur().kind == TokenKind::Dedent) {
      advance();
    } else if (cur().kind != TokenKind::EndMarker) {
      fail_at(cur(), "invalid syntax");
    }
    m->loc = stmt_end(m->loc, m->cases.back().body);
    return m;
  }

  // `match a, *b:` matches a tuple; a single subject is a named expression.
  Expr* match_subject() {
    Loc start = loc_of(cur());
    Expr* first = star_named_expression();
    if (!at_op(",")) {
      if (first->kind == ExprKind::Starred) fail_loc(first->loc, "invalid syntax");
      return first;
    }
    auto* t = node<Sequence>(ExprKind::Tuple, start);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (!starts_expression(cur())) break;
      t->elts.push_back(star_named_expression());
    }
    t->loc = end_at_prev(t->loc);
    return t;
  }

  // A case's patterns: `case a, b:` is an open sequence pattern.
  Pattern* patterns() {
    Loc start = loc_of(cur());
    Pattern* first = maybe_star_pattern();
    if (!at_op(",")) {
      if (first->kind == PatternKind::MatchStar) fail_loc(first->loc, "invalid syntax");
      return first;
    }
    auto* seq = node<MatchSequence>(start);
    seq->patterns.push_back(first);
    while (accept_op(",")) {
      if (at_op(":") || at_kw("if")) break;
      seq->patterns.push_back(maybe_star_pattern());
    }
    seq->loc = end_at_prev(start);
    check_one_star(seq);
    return seq;
  }

  void check_one_star(const MatchSequence* seq) {
    int stars = 0;
    for (const Pattern* p : seq->patterns)
      if (p->kind == PatternKind::MatchStar && ++stars > 1)
        fail_loc(seq->loc, "multiple starred names in sequence pattern");
  }

  Pattern* maybe_star_pattern() {
    if (!at_op("*")) return pattern();
    Token star = advance();
    auto* p = node<MatchStar>(loc_of(star));
    Token name = expect_name();
    if (name.text != "_") p->name = std::string(name.text);
    p->loc = end_at_prev(p->loc);
    return p;
  }

  // or_pattern ['as' NAME]
  Pattern* pattern() {
    DepthGuard guard(*this);
    Loc start = loc_of(cur());
    Pattern* p = or_pattern();
    if (!at_kw("as")) return p;
    advance();
    Token name = cur();
    if (name.is_name("_")) fail_at(name, "cannot use '_' as a target");
    if (name.kind != TokenKind::Name || is_keyword(name.text)) fail_at(name, "invalid pattern target");
    advance();
    auto* as = node<MatchAs>(end_at_prev(start));
    as->pattern = p;
    as->name = std::string(name.text);
    return as;
  }

  Pattern* or_pattern() {
    Loc start = loc_of(cur());
    Pattern* first = closed_pattern();
    if (!at_op("|")) return first;
    auto* o = node<MatchOr>(start);
    o->patterns.push_back(first);
    while (accept_op("|")) o->patterns.push_back(closed_pattern());
    o->loc = end_at_prev(start);
    return o;
  }

  Pattern* closed_pattern() {
    DepthGuard guard(*this);
    Token t = cur();
    Loc start = loc_of(t);
    if (t.kind == TokenKind::Number || t.kind == TokenKind::String || t.is_op("-")) {
      auto* v = node<MatchValue>(start);
      v->value = literal_expr();
      v->loc = v->value->loc;
      return v;
    }
    if (t.is_name("None") || t.is_name("True") || t.is_name("False")) {
      advance();
      auto* v = node<MatchSingleton>(start);
      v->value = t.text == "None" ? ConstKind::None : t.text == "True" ? ConstKind::True : ConstKind::False;
      return v;
    }
    if (t.is_op("(") || t.is_op("[")) return group_or_sequence_pattern();
    if (t.is_op("{")) return mapping_pattern();
    if (t.kind == TokenKind::Name && !is_keyword(t.text)) {
      Expr* name = name_or_attr();
      if (at_op("(")) return class_pattern(name);
      if (name->kind == ExprKind::Attribute) {
        auto* v = node<MatchValue>(name->loc);
        v->value = name;
        return v;
      }
      auto* as = node<MatchAs>(name->loc);
      const std::string& id = static_cast<Name*>(name)->id;
      if (id != "_") as->name = id;
      return as;
    }
    fail_at(t, "invalid syntax");
  }

  // A dotted name: NAME ('.' NAME)*, loaded.
  Expr* name_or_attr() {
    Token first = expect_name();
    auto* n = node<Name>(loc_of(first));
    n->id = std::string(first.text);
    Expr* e = n;
    while (at_op(".")) {
      advance();
      Token attr = expect_name();
      auto* a = node<Attribute>(span(e->loc, loc_of(attr)));
      a->value = e;
      a->attr = std::string(attr.text);
      e = a;
    }
    return e;
  }

  // A literal pattern's value: a string, a signed number, or a complex
  // literal `real +/- imag`.
  Expr* literal_expr() {
    Token t = cur();
    if (t.kind == TokenKind::String) {
      Expr* e = strings();
      if (e->kind == ExprKind::JoinedStr) fail_loc(e->loc, "patterns may only match literals and attribute lookups");
      return e;
    }
    Expr* e = signed_number();
    if (at_op("+") || at_op("-")) {
      Token op = advance();
      Token num = cur();
      if (num.kind != TokenKind::Number) fail_at(num, "invalid syntax");
      auto imaginary = [](const Expr* x) {
        if (x->kind == ExprKind::UnaryOp) x = static_cast<const UnaryOp*>(x)->operand;
        return static_cast<const Constant*>(x)->ckind == ConstKind::Imag;
      };
      if (imaginary(e)) fail_loc(e->loc, "real number required in complex literal");
      Expr* imag = signed_number();
      if (!imaginary(imag)) fail_at(num, "imaginary number required in complex literal");
      auto* b = node<BinOp>(span(e->loc, imag->loc));
      b->left = e;
      b->op = op.text == "+" ? BinOpKind::Add : BinOpKind::Sub;
      b->right = imag;
      return b;
    }
    return e;
  }

  Expr* signed_number() {
    Token t = cur();
    bool negative = false;
    if (t.is_op("-")) {
      advance();
      negative = true;
    }
    Token num = cur();
    if (num.kind != TokenKind::Number) fail_at(num, "invalid syntax");
    advance();
    auto* c = node<Constant>(loc_of(num));
    parse_number(num.text, *c);
    if (!negative) return c;
    auto* u = node<UnaryOp>(span(loc_of(t), loc_of(num)));
    u->op = UnaryOpKind::USub;
    u->operand = c;
    return u;
  }

  // `(p)` is a group; `()`, `(p,)`, `[...]` are sequence patterns.
  Pattern* group_or_sequence_pattern() {
    Token open = advance();
    Loc start = loc_of(open);
    const char* close = open.text == "(" ? ")" : "]";
    auto* seq = node<MatchSequence>(start);
    if (accept_op(close)) {
      seq->loc = end_at_prev(start);
      return seq;
    }
    Pattern* first = maybe_star_pattern();
    if (open.text == "(" && first->kind != PatternKind::MatchStar && accept_op(")")) return first;
    seq->patterns.push_back(first);
    while (accept_op(",")) {
      if (at_op(close)) break;
      seq->patterns.push_back(maybe_star_pattern());
    }
    expect_op(close);
    seq->loc = end_at_prev(start);
    check_one_star(seq);
    return seq;
  }

  Pattern* mapping_pattern() {
    Token open = advance();
    auto* m = node<MatchMapping>(loc_of(open));
    while (!at_op("}")) {
      if (at_op("**")) {
        advance();
        Token name = expect_name();
        m->rest = std::string(name.text);
        accept_op(",");
        if (!at_op("}")) fail_at(cur(), "invalid syntax");
        break;
      }
      Token k = cur();
      Expr* key = nullptr;
      if (k.kind == TokenKind::Name && !k.is_name("None") && !k.is_name("True") && !k.is_name("False")) {
        key = name_or_attr();
        if (key->kind != ExprKind::Attribute) fail_loc(key->loc, "invalid syntax");
      } else if (k.is_name("None") || k.is_name("True") || k.is_name("False")) {
        key = atom();
      } else {
        key = literal_expr();
      }
      expect_op(":");
      m->keys.push_back(key);
      m->patterns.push_back(pattern());
      if (!accept_op(",")) break;
    }
    expect_op("}");
    m->loc = end_at_prev(m->loc);
    return m;
  }

  Pattern* class_pattern(Expr* cls) {
    advance();  // (
    auto* c = node<MatchClass>(cls->loc);
    c->cls = cls;
    while (!at_op(")")) {
      if (cur().kind == TokenKind::Name && peek(1).is_op("=")) {
        Token name = expect_name();
        advance();
        c->kwd_attrs.push_back(std::string(name.text));
        c->kwd_patterns.push_back(pattern());
      } else {
        Pattern* p = pattern();
        if (!c->kwd_patterns.empty()) fail_loc(p->loc, "positional patterns follow keyword patterns");
        c->patterns.push_back(p);
      }
      if (!accept_op(",")) break;
    }
    expect_op(")");
    c->loc = end_at_prev(c->loc);
    return c;
  }

  Stmt* while_stmt() {
    Token kw = advance();
    auto* s = node<While>(loc_of(kw));
    s->test = condition();
    expect_colon();
    s->body = block("'while' statement", kw.line);
    if (at_kw("else")) {
      Token e = advance();
      expect_colon();
      s->orelse = block("'else' statement", e.line);
    }
    s->loc = stmt_end(s->loc, s->orelse.empty() ? s->body : s->orelse);
    return s;
  }

  Stmt* for_stmt() {
    Token kw = advance();
    auto* s = node<For>(loc_of(kw));
    s->target = target_list("in");
    expect_kw("in");
    s->iter = star_expressions();
    expect_colon();
    s->body = block("'for' statement", kw.line);
    if (at_kw("else")) {
      Token e = advance();
      expect_colon();
      s->orelse = block("'else' statement", e.line);
    }
    s->loc = stmt_end(s->loc, s->orelse.empty() ? s->body : s->orelse);
    return s;
  }

  // Targets of `for` (and comprehensions): no comparisons, so `in` ends them.
  Expr* target_list(std::string_view terminator) {
    Loc start = loc_of(cur());
    Expr* first = star_target();
    if (!at_op(",")) {
      set_context(first, ExprContext::Store);
      return first;
    }
    auto* t = node<Sequence>(ExprKind::Tuple, start);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (at_kw(terminator) || at_op("=") || at_op(":")) break;
      t->elts.push_back(star_target());
    }
    t->loc = end_at_prev(start);
    set_context(t, ExprContext::Store);
    return t;
  }
  Expr* star_target() {
    if (at_op("*")) {
      Token star = advance();
      auto* s = node<Starred>(loc_of(star));
      s->value = bitwise_or();
      s->loc = end_at_prev(s->loc);
      return s;
    }
    return bitwise_or();
  }

  Stmt* try_stmt() {
    Token kw = advance();
    auto* s = node<Try>(loc_of(kw));
    expect_colon();
    s->body = block("'try' statement", kw.line);
    bool star = false;
    while (at_kw("except")) {
      Token ex = advance();
      bool this_star = accept_op("*");
      if (!s->handlers.empty() && this_star != star)
        fail_at(ex, "cannot have both 'except' and 'except*' on the same 'try'");
      star = this_star;
      ExceptHandler h;
      h.loc = loc_of(ex);
      if (!at_op(":")) {
        h.type = expression();
        if (at_op(",")) {
          advance();
          Expr* more = expression();
          fail("multiple exception types must be parenthesized", h.type->loc.line,
               h.type->loc.col + 1, more->loc.end_line, more->loc.end_col + 1);
        }
        if (accept_kw("as")) h.name = std::string(expect_name().text);
      } else if (star) {
        fail_at(cur(), "expected one or more exception types");
      }
      expect_colon();
      h.body = block(star ? "'except*' statement" : "'except' statement", ex.line);
      h.loc = stmt_end(h.loc, h.body);
      s->handlers.push_back(std::move(h));
    }
    if (star) s->kind = StmtKind::TryStar;
    if (at_kw("else")) {
      if (s->handlers.empty()) fail_at(cur(), "invalid syntax");
      Token e = advance();
      expect_colon();
      s->orelse = block("'else' statement", e.line);
    }
    if (at_kw("finally")) {
      Token f = advance();
      expect_colon();
      s->finalbody = block("'finally' statement", f.line);
    }
    if (s->handlers.empty() && s->finalbody.empty())
      fail_at(cur(), "expected 'except' or 'finally' block");
    const std::vector<Stmt*>* last = &s->body;
    if (!s->handlers.empty()) last = &s->handlers.back().body;
    if (!s->orelse.empty()) last = &s->orelse;
    if (!s->finalbody.empty()) last = &s->finalbody;
    s->loc = stmt_end(s->loc, *last);
    return s;
  }

  Stmt* with_stmt() {
    Token kw = advance();
    auto* s = node<With>(loc_of(kw));
    // `with (a as b, c):` and `with (a, b) as c:` share their first token;
    // like CPython's PEG grammar, try the parenthesized item list first.
    bool parenthesized = at_op("(") && attempt([&] {
                           advance();
                           s->items.clear();
                           do {
                             if (at_op(")")) break;
                             s->items.push_back(with_item());
                           } while (accept_op(","));
                           expect_op(")");
                           if (!at_op(":")) fail_at(cur(), "invalid syntax");
                         });
    if (!parenthesized) {
      s->items.clear();
      do s->items.push_back(with_item());
      while (accept_op(","));
    }
    expect_colon();
    s->body = block("'with' statement", kw.line);
    s->loc = stmt_end(s->loc, s->body);
    return s;
  }
  WithItem with_item() {
    WithItem item;
    item.context_expr = expression();
    if (accept_kw("as")) {
      item.optional_vars = star_target();
      if (!at_op(",") && !at_op(")") && !at_op(":")) fail_unexpected(item.optional_vars);
      set_context(item.optional_vars, ExprContext::Store);
    }
    return item;
  }

  Stmt* decorated() {
    std::vector<Expr*> decorators;
    while (accept_op("@")) {
      decorators.push_back(named_expression());
      if (cur().kind != TokenKind::Newline) fail_at(cur(), "invalid syntax");
      advance();
    }
    if (at_kw("def")) return funcdef(std::move(decorators));
    if (at_kw("class")) return classdef(std::move(decorators));
    if (at_kw("async")) return async_stmt(std::move(decorators));
    fail_at(cur(), "invalid syntax");
  }

  // `async def`, and inside one `async for` and `async with`.
  Stmt* async_stmt(std::vector<Expr*> decorators) {
    Token kw = advance();
    if (at_kw("def")) {
      Stmt* f = funcdef(std::move(decorators), true);
      f->loc.line = kw.line;
      f->loc.col = kw.col;
      return f;
    }
    if (!decorators.empty() || (!at_kw("for") && !at_kw("with"))) fail_at(cur(), "invalid syntax");
    std::string what = std::string(cur().text);
    if (!in_async_) fail_at(kw, "'async " + what + "' outside async function");
    Stmt* s = what == "for" ? for_stmt() : with_stmt();
    s->kind = what == "for" ? StmtKind::AsyncFor : StmtKind::AsyncWith;
    s->loc.line = kw.line;
    s->loc.col = kw.col;
    return s;
  }

  Stmt* funcdef(std::vector<Expr*> decorators, bool is_async = false) {
    Token kw = advance();
    auto* s = node<FunctionDef>(loc_of(kw));
    if (is_async) s->kind = StmtKind::AsyncFunctionDef;
    s->decorator_list = std::move(decorators);
    s->name = std::string(expect_name().text);
    expect_op("(");
    s->args = parameters(")", true);
    expect_op(")");
    if (accept_op("->")) s->returns = expression();
    expect_colon();
    ++function_depth_;
    bool saved_async = in_async_;
    in_async_ = is_async;
    s->body = block("function definition", kw.line);
    in_async_ = saved_async;
    --function_depth_;
    s->loc = stmt_end(s->loc, s->body);
    return s;
  }

  Stmt* classdef(std::vector<Expr*> decorators) {
    Token kw = advance();
    auto* s = node<ClassDef>(loc_of(kw));
    s->decorator_list = std::move(decorators);
    s->name = std::string(expect_name().text);
    if (accept_op("(")) call_arguments(s->bases, s->keywords, nullptr);
    expect_colon();
    bool saved_async = in_async_;
    in_async_ = false;
    s->body = block("class definition", kw.line);
    in_async_ = saved_async;
    s->loc = stmt_end(s->loc, s->body);
    return s;
  }

  // Parameters of a def (annotations allowed) or a lambda, up to `closer`.
  Arguments* parameters(std::string_view closer, bool annotations) {
    auto* a = arena_.make<Arguments>();
    bool seen_slash = false, seen_star = false, seen_default = false;
    Token bare_star;
    bool bare_star_pending = false;
    while (!at_op(closer)) {
      if (a->kwarg) fail_at(cur(), "arguments cannot follow var-keyword argument");
      if (at_op("/")) {
        Token slash = advance();
        if (seen_slash) fail_at(slash, "/ may appear only once");
        if (seen_star) fail_at(slash, "/ must be ahead of *");
        if (a->args.empty()) fail_at(slash, "invalid syntax");
        seen_slash = true;
        a->posonlyargs = std::move(a->args);
        a->args.clear();
      } else if (at_op("*")) {
        Token star = advance();
        if (seen_star) fail_at(star, "* argument may appear only once");
        seen_star = true;
        if (at_op(",") || at_op(closer)) {
          bare_star = star;
          bare_star_pending = true;
        } else {
          a->vararg = arena_.make<Arg>(param(annotations));
        }
      } else if (at_op("**")) {
        advance();
        a->kwarg = arena_.make<Arg>(param(annotations));
        if (at_op("=")) fail_at(cur(), "var-keyword argument cannot have default value");
      } else {
        Arg p = param(annotations);
        Expr* def = nullptr;
        if (accept_op("=")) def = expression();
        if (seen_star) {
          bare_star_pending = false;
          a->kwonlyargs.push_back(std::move(p));
          a->kw_defaults.push_back(def);
        } else {
          if (def) {
            seen_default = true;
            a->defaults.push_back(def);
          } else if (seen_default) {
            fail_loc(p.loc, "non-default argument follows default argument");
          }
          a->args.push_back(std::move(p));
        }
      }
      if (!accept_op(",")) break;
    }
    if (bare_star_pending) fail_at(bare_star, "named arguments must follow bare *");
    if (!at_op(closer)) fail_at(cur(), "invalid syntax");
    return a;
  }
  Arg param(bool annotations) {
    Token name = expect_name();
    Arg p;
    p.loc = loc_of(name);
    p.name = std::string(name.text);
    if (annotations && accept_op(":")) {
      p.annotation = expression();
      p.loc = end_at_prev(p.loc);
    }
    return p;
  }

  Stmt* simple_stmt() {
    const Token t = cur();
    Loc start = loc_of(t);
    if (t.kind == TokenKind::Name) {
      std::string_view k = t.text;
      if (k == "pass" || k == "break" || k == "continue") {
        advance();
        return node<Simple>(k == "pass"    ? StmtKind::Pass
                            : k == "break" ? StmtKind::Break
                                           : StmtKind::Continue,
                            start);
      }
      if (k == "return") {
        advance();
        auto* s = node<Return>(start);
        if (starts_expression(cur())) s->value = star_expressions();
        s->loc = end_at_prev(start);
        return s;
      }
      if (k == "raise") {
        advance();
        auto* s = node<Raise>(start);
        if (starts_expression(cur())) {
          s->exc = expression();
          if (accept_kw("from")) s->cause = expression();
        }
        s->loc = end_at_prev(start);
        return s;
      }
      if (k == "global" || k == "nonlocal") {
        advance();
        auto* s = node<NameList>(k == "global" ? StmtKind::Global : StmtKind::Nonlocal, start);
        do s->names.emplace_back(expect_name().text);
        while (accept_op(","));
        s->loc = end_at_prev(start);
        return s;
      }
      if (k == "del") {
        advance();
        auto* s = node<Delete>(start);
        do {
          if (cur().kind == TokenKind::Newline || at_op(";")) break;
          Expr* e = star_expression();
          set_context(e, ExprContext::Del);
          s->targets.push_back(e);
        } while (accept_op(","));
        if (s->targets.empty()) fail_at(cur(), "invalid syntax");
        s->loc = end_at_prev(start);
        return s;
      }
      if (k == "assert") {
        advance();
        auto* s = node<Assert>(start);
        s->test = expression();
        if (accept_op(",")) s->msg = expression();
        s->loc = end_at_prev(start);
        return s;
      }
      if (k == "import") return import_stmt();
      if (k == "from") return from_import();
    }
    return expression_statement();
  }

  std::string dotted_name() {
    std::string name(expect_name().text);
    while (accept_op(".")) {
      name += '.';
      name += expect_name().text;
    }
    return name;
  }

  Stmt* import_stmt() {
    Token kw = advance();
    auto* s = node<Import>(loc_of(kw));
    do {
      Alias a;
      a.loc = loc_of(cur());
      a.name = dotted_name();
      if (accept_kw("as")) a.asname = std::string(expect_name().text);
      a.loc = end_at_prev(a.loc);
      s->names.push_back(std::move(a));
    } while (accept_op(","));
    s->loc = end_at_prev(s->loc);
    return s;
  }

  Stmt* from_import() {
    Token kw = advance();
    auto* s = node<ImportFrom>(loc_of(kw));
    for (;;) {
      if (accept_op(".")) {
        s->level += 1;
      } else if (accept_op("...")) {
        s->level += 3;
      } else {
        break;
      }
    }
    if (!at_kw("import")) s->module = dotted_name();
    expect_kw("import");
    if (at_op("*")) {
      Alias a;
      a.loc = loc_of(advance());
      a.name = "*";
      s->names.push_back(std::move(a));
    } else {
      bool paren = accept_op("(");
      do {
        if (paren && at_op(")") && !s->names.empty()) break;
        if (!paren && !s->names.empty() && cur().kind == TokenKind::Newline)
          fail_at(cur(), "trailing comma not allowed without surrounding parentheses");
        Alias a;
        Token name = expect_name();
        a.loc = loc_of(name);
        a.name = std::string(name.text);
        if (accept_kw("as")) a.asname = std::string(expect_name().text);
        a.loc = end_at_prev(a.loc);
        s->names.push_back(std::move(a));
      } while (accept_op(","));
      if (paren) expect_op(")");
    }
    s->loc = end_at_prev(s->loc);
    return s;
  }

  static bool augassign_op(std::string_view t, BinOpKind& op) {
    static const std::pair<std::string_view, BinOpKind> kOps[] = {
        {"+=", BinOpKind::Add},       {"-=", BinOpKind::Sub},     {"*=", BinOpKind::Mult},
        {"@=", BinOpKind::MatMult},   {"/=", BinOpKind::Div},     {"%=", BinOpKind::Mod},
        {"**=", BinOpKind::Pow},      {"<<=", BinOpKind::LShift}, {">>=", BinOpKind::RShift},
        {"|=", BinOpKind::BitOr},     {"^=", BinOpKind::BitXor},  {"&=", BinOpKind::BitAnd},
        {"//=", BinOpKind::FloorDiv},
    };
    for (auto& [text, kind] : kOps) {
      if (t == text) {
        op = kind;
        return true;
      }
    }
    return false;
  }

  Expr* assignment_value() { return at_kw("yield") ? yield_expr() : star_expressions(); }

  Stmt* expression_statement() {
    Loc start = loc_of(cur());
    Expr* first = assignment_value();
    BinOpKind op;
    if (cur().kind == TokenKind::Op && augassign_op(cur().text, op)) {
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
          first->kind != ExprKind::Subscript)
        fail_loc(first->loc, std::string("'") + expr_name(first) +
                                 "' is an illegal expression for augmented assignment");
      advance();
      set_context(first, ExprContext::Store);
      auto* s = node<AugAssign>(start);
      s->target = first;
      s->op = op;
      s->value = assignment_value();
      s->loc = end_at_prev(start);
      return s;
    }
    if (at_op(":")) {
      if (first->kind == ExprKind::Tuple)
        fail_loc(first->loc, "only single target (not tuple) can be annotated");
      if (first->kind == ExprKind::List)
        fail_loc(first->loc, "only single target (not list) can be annotated");
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
          first->kind != ExprKind::Subscript)
        fail_loc(first->loc, "illegal target for annotation");
      advance();
      set_context(first, ExprContext::Store);
      auto* s = node<AnnAssign>(start);
      s->target = first;
      s->simple = first->kind == ExprKind::Name && !parenthesized_.count(first);
      s->annotation = expression();
      if (accept_op("=")) s->value = assignment_value();
      s->loc = end_at_prev(start);
      return s;
    }
    if (at_op("=")) {
      std::vector<Expr*> chain{first};
      while (accept_op("=")) chain.push_back(assignment_value());
      auto* s = node<Assign>(start);
      s->value = chain.back();
      chain.pop_back();
      for (size_t i = 0; i < chain.size(); ++i) {
        Expr* t = chain[i];
        if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) &&
            !parenthesized_.count(t))
          fail_loc(t->loc, "assignment to yield expression not possible");
        if (chain.size() == 1 && i == 0 && is_here_target(t))
          fail_loc(t->loc, std::string("cannot assign to ") + expr_name(t) +
                               " here. Maybe you meant '==' instead of '='?");
        set_context(t, ExprContext::Store);
        s->targets.push_back(t);
      }
      s->loc = end_at_prev(start);
      return s;
    }
    if (first->kind == ExprKind::Name &&
        (static_cast<Name*>(first)->id == "print" || static_cast<Name*>(first)->id == "exec") &&
        starts_expression(cur())) {
      std::string id = static_cast<Name*>(first)->id;
      Expr* arg = star_expressions();
      fail(
          std::string("Missing parentheses in call to '") + id + "'. Did you mean " + id + "(...)?",
          first->loc.line, first->loc.col + 1, arg->loc.end_line, arg->loc.end_col + 1);
    }
    if (at_op(":=") && first->kind != ExprKind::Name)
      fail_loc(first->loc,
               std::string("cannot use assignment expressions with ") + expr_name(first));
    if (cur().kind != TokenKind::Newline && !at_op(";")) fail_unexpected(first);
    auto* s = node<ExprStmt>(end_at_prev(start));
    s->value = first;
    return s;
  }

  // `1 = x` gets CPython's "here. Maybe you meant '=='" hint: the target is an
  // invalid operand-level expression (not a display, lambda, comparison...).
  static bool is_here_target(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Name:
      case ExprKind::Attribute:
      case ExprKind::Subscript:
      case ExprKind::Starred:
      case ExprKind::List:
      case ExprKind::Tuple:
      case ExprKind::Lambda:
      case ExprKind::IfExp:
      case ExprKind::BoolOp:
      case ExprKind::Compare:
      case ExprKind::NamedExpr:
      case ExprKind::GeneratorExp:
        return false;
      case ExprKind::UnaryOp:
        return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
      case ExprKind::Constant: {
        auto k = static_cast<const Constant*>(e)->ckind;
        return k != ConstKind::None && k != ConstKind::True && k != ConstKind::False;
      }
      default:
        return true;
    }
  }

  // Makes `e` an assignment (Store) or `del` (Del) target, or reports why it
  // cannot be one.
  void set_context(Expr* e, ExprContext ctx) {
    switch (e->kind) {
      case ExprKind::Name:
        static_cast<Name*>(e)->ctx = ctx;
        return;
      case ExprKind::Attribute:
        static_cast<Attribute*>(e)->ctx = ctx;
        return;
      case ExprKind::Subscript:
        static_cast<Subscript*>(e)->ctx = ctx;
        return;
      case ExprKind::Starred:
        if (ctx == ExprContext::Del) break;
        static_cast<Starred*>(e)->ctx = ctx;
        set_context(static_cast<Starred*>(e)->value, ctx);
        return;
      case ExprKind::List:
      case ExprKind::Tuple: {
        auto* s = static_cast<Sequence*>(e);
        s->ctx = ctx;
        for (Expr* elt : s->elts) set_context(elt, ctx);
        return;
      }
      default:
        break;
    }
    fail_loc(e->loc, std::string(ctx == ExprContext::Del ? "cannot delete " : "cannot assign to ") +
                         expr_name(e));
  }

  // ------------------------------------------------------------ expressions
  Expr* star_expressions() {
    Loc start = loc_of(cur());
    Expr* first = star_expression();
    if (!at_op(",")) return first;
    auto* t = node<Sequence>(ExprKind::Tuple, start);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (!starts_expression(cur())) break;
      t->elts.push_back(star_expression());
    }
    t->loc = end_at_prev(t->loc);
    return t;
  }

  Expr* star_expression() {
    if (at_op("*")) {
      Token star = advance();
      auto* s = node<Starred>(loc_of(star));
      s->value = bitwise_or();
      s->loc = end_at_prev(s->loc);
      return s;
    }
    return expression();
  }

  Expr* star_named_expression() {
    if (at_op("*")) return star_expression();
    return named_expression();
  }

  Expr* named_expression() {
    if (cur().kind == TokenKind::Name && peek(1).is_op(":=")) {
      Token name = expect_name();
      advance();
      auto* target = node<Name>(loc_of(name));
      target->id = std::string(name.text);
      target->ctx = ExprContext::Store;
      auto* n = node<NamedExpr>(target->loc);
      n->target = target;
      n->value = expression();
      n->loc = end_at_prev(n->loc);
      return n;
    }
    Expr* e = expression();
    if (at_op(":="))
      fail_loc(e->loc, std::string("cannot use assignment expressions with ") + expr_name(e));
    return e;
  }

  Expr* expression() {
    DepthGuard guard(*this);
    if (at_kw("lambda")) return lambda();
    Loc start = loc_of(cur());
    Expr* body = disjunction();
    if (!at_kw("if")) return body;
    advance();
    Expr* test = disjunction();
    if (!at_kw("else")) {
      if (!at_op(":"))
        fail(std::string("expected 'else' after 'if' expression"), body->loc.line,
             body->loc.col + 1, test->loc.end_line, test->loc.end_col + 1);
      fail_at(cur(), "invalid syntax");
    }
    advance();
    auto* e = node<IfExp>(start);
    e->body = body;
    e->test = test;
    e->orelse = expression();
    e->loc = end_at_prev(e->loc);
    return e;
  }

  Expr* lambda() {
    Token kw = advance();
    auto* l = node<Lambda>(loc_of(kw));
    l->args = parameters(":", false);
    advance();
    bool saved_async = in_async_;
    in_async_ = false;
    l->body = expression();
    in_async_ = saved_async;
    l->loc = end_at_prev(l->loc);
    return l;
  }

  Expr* bool_op(BoolOpKind kind, std::string_view word, Expr* (Parser::*operand)()) {
    Loc start = loc_of(cur());
    Expr* first = (this->*operand)();
    if (!at_kw(word)) return first;
    auto* b = node<BoolOp>(start);
    b->op = kind;
    b->values.push_back(first);
    while (accept_kw(word)) b->values.push_back((this->*operand)());
    b->loc = end_at_prev(b->loc);
    return b;
  }
  Expr* disjunction() { return bool_op(BoolOpKind::Or, "or", &Parser::conjunction); }
  Expr* conjunction() { return bool_op(BoolOpKind::And, "and", &Parser::inversion); }

  Expr* inversion() {
    if (!at_kw("not")) return comparison();
    DepthGuard guard(*this);
    Token kw = advance();
    auto* u = node<UnaryOp>(loc_of(kw));
    u->op = UnaryOpKind::Not;
    u->operand = inversion();
    u->loc = end_at_prev(u->loc);
    return u;
  }

  bool comparison_op(CmpOpKind& op) {
    const Token& t = cur();
    static const std::pair<std::string_view, CmpOpKind> kOps[] = {
        {"==", CmpOpKind::Eq},  {"!=", CmpOpKind::NotEq}, {"<", CmpOpKind::Lt},
        {"<=", CmpOpKind::LtE}, {">", CmpOpKind::Gt},     {">=", CmpOpKind::GtE},
    };
    if (t.kind == TokenKind::Op) {
      for (auto& [text, kind] : kOps) {
        if (t.text == text) {
          advance();
          op = kind;
          return true;
        }
      }
      return false;
    }
    if (t.is_name("in")) {
      advance();
      op = CmpOpKind::In;
      return true;
    }
    if (t.is_name("not") && peek(1).is_name("in")) {
      advance();
      advance();
      op = CmpOpKind::NotIn;
      return true;
    }
    if (t.is_name("is")) {
      advance();
      op = accept_kw("not") ? CmpOpKind::IsNot : CmpOpKind::Is;
      return true;
    }
    return false;
  }

  Expr* comparison() {
    Loc start = loc_of(cur());
    Expr* left = bitwise_or();
    CmpOpKind op;
    if (!comparison_op(op)) return left;
    auto* c = node<Compare>(start);
    c->left = left;
    do {
      c->ops.push_back(op);
      c->comparators.push_back(bitwise_or());
    } while (comparison_op(op));
    c->loc = end_at_prev(c->loc);
    return c;
  }

  using OpTable = std::initializer_list<std::pair<std::string_view, BinOpKind>>;
  Expr* binary(OpTable ops, Expr* (Parser::*operand)()) {
    Loc start = loc_of(cur());
    Expr* left = (this->*operand)();
    for (;;) {
      const Token& t = cur();
      if (t.kind != TokenKind::Op) return left;
      auto it = std::find_if(ops.begin(), ops.end(), [&](auto& p) { return p.first == t.text; });
      if (it == ops.end()) return left;
      advance();
      auto* b = node<BinOp>(start);
      b->left = left;
      b->op = it->second;
      b->right = (this->*operand)();
      b->loc = end_at_prev(b->loc);
      left = b;
    }
  }
  Expr* bitwise_or() { return binary({{"|", BinOpKind::BitOr}}, &Parser::bitwise_xor); }
  Expr* bitwise_xor() { return binary({{"^", BinOpKind::BitXor}}, &Parser::bitwise_and); }
  Expr* bitwise_and() { return binary({{"&", BinOpKind::BitAnd}}, &Parser::shift_expr); }
  Expr* shift_expr() {
    return binary({{"<<", BinOpKind::LShift}, {">>", BinOpKind::RShift}}, &Parser::sum);
  }
  Expr* sum() { return binary({{"+", BinOpKind::Add}, {"-", BinOpKind::Sub}}, &Parser::term); }
  Expr* term() {
    return binary({{"*", BinOpKind::Mult},
                   {"/", BinOpKind::Div},
                   {"//", BinOpKind::FloorDiv},
                   {"%", BinOpKind::Mod},
                   {"@", BinOpKind::MatMult}},
                  &Parser::factor);
  }

  Expr* factor() {
    const Token& t = cur();
    UnaryOpKind op;
    if (t.is_op("+")) {
      op = UnaryOpKind::UAdd;
    } else if (t.is_op("-")) {
      op = UnaryOpKind::USub;
    } else if (t.is_op("~")) {
      op = UnaryOpKind::Invert;
    } else {
      return power();
    }
    DepthGuard guard(*this);
    Token tok = advance();
    auto* u = node<UnaryOp>(loc_of(tok));
    u->op = op;
    u->operand = factor();
    u->loc = end_at_prev(u->loc);
    return u;
  }

  Expr* power() {
    Loc start = loc_of(cur());
    Expr* base = await_primary();
    if (!at_op("**")) return base;
    advance();
    DepthGuard guard(*this);
    auto* b = node<BinOp>(start);
    b->left = base;
    b->op = BinOpKind::Pow;
    b->right = factor();
    b->loc = end_at_prev(b->loc);
    return b;
  }

  Expr* await_primary() {
    if (!at_kw("await")) return primary();
    if (!in_async_)
      fail_at(cur(), function_depth_ > 0 ? "'await' outside async function" : "'await' outside function");
    Token kw = advance();
    auto* a = node<Await>(loc_of(kw));
    a->value = primary();
    a->loc = end_at_prev(a->loc);
    return a;
  }

  Expr* primary() {
    Loc start = loc_of(cur());
    Expr* e = atom();
    for (;;) {
      if (at_op(".")) {
        advance();
        Token name = expect_name();
        auto* a = node<Attribute>(start);
        a->value = e;
        a->attr = std::string(name.text);
        a->loc = end_at_prev(start);
        e = a;
      } else if (at_op("(")) {
        advance();
        auto* c = node<Call>(start);
        c->func = e;
        call_arguments(c->args, c->keywords, c);
        c->loc = end_at_prev(c->loc);
        e = c;
      } else if (at_op("[")) {
        advance();
        auto* s = node<Subscript>(start);
        s->value = e;
        s->slice = slices();
        if (!at_op("]")) fail_unexpected(s->slice);
        advance();
        s->loc = end_at_prev(s->loc);
        e = s;
      } else {
        return e;
      }
    }
  }

  // Arguments after an already consumed '(' up to and including ')'. `call`
  // is null for class bases, where a bare generator is not allowed.
  void call_arguments(std::vector<Expr*>& args, std::vector<Keyword>& keywords, Call* call) {
    Token open = prev_;
    bool seen_keyword = false, seen_double_star = false;
    while (!at_op(")")) {
      if (at_op("*")) {
        Token star = advance();
        auto* s = node<Starred>(loc_of(star));
        s->value = expression();
        s->loc = end_at_prev(s->loc);
        if (seen_double_star)
          fail_loc(s->loc, "iterable argument unpacking follows keyword argument unpacking");
        args.push_back(s);
      } else if (at_op("**")) {
        Token star = advance();
        Keyword k;
        k.value = expression();
        k.loc = end_at_prev(loc_of(star));
        keywords.push_back(k);
        seen_double_star = true;
      } else if (cur().kind == TokenKind::Name && peek(1).is_op("=") && !is_keyword(cur().text)) {
        Token name = advance();
        advance();
        Keyword k;
        k.arg = std::string(name.text);
        k.value = expression();
        k.loc = end_at_prev(loc_of(name));
        keywords.push_back(k);
        seen_keyword = true;
      } else {
        Expr* e = named_expression();
        if (at_comp_for() && !call) fail_at(cur(), "invalid syntax");
        if (at_comp_for()) {
          bool sole = args.empty() && keywords.empty();
          auto* g = node<Comp>(ExprKind::GeneratorExp, e->loc);
          g->elt = e;
          comprehension_clauses(g->generators);
          g->loc = end_at_prev(g->loc);
          if (!sole || !at_op(")")) fail_loc(g->loc, "Generator expression must be parenthesized");
          g->loc = {open.line, open.col, cur().end_line, cur().end_col};
          e = g;
        } else if (at_op("=")) {
          Token eq = advance();
          fail(std::string("expression cannot contain assignment, perhaps you meant \"==\"?"),
               e->loc.line, e->loc.col + 1, eq.end_line, eq.end_col + 1);
        }
        // CPython puts the caret just past the offending argument.
        if (seen_double_star && e->kind != ExprKind::Starred)
          fail_at(cur(), "positional argument follows keyword argument unpacking");
        if (seen_keyword) fail_at(cur(), "positional argument follows keyword argument");
        args.push_back(e);
      }
      if (!accept_op(",")) {
        if (!at_op(")"))
          fail_unexpected(keywords.empty() || (!args.empty() && args.back()->loc.line > 0 &&
                                               keywords.back().loc.col < args.back()->loc.col)
                              ? (args.empty() ? nullptr : args.back())
                              : keywords.back().value);
        break;
      }
    }
    advance();
  }

  Expr* slices() {
    Loc start = loc_of(cur());
    Expr* first = slice();
    if (!at_op(",") && first->kind != ExprKind::Starred) return first;
    auto* t = node<Sequence>(ExprKind::Tuple, start);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (at_op("]")) break;
      t->elts.push_back(slice());
    }
    t->loc = end_at_prev(start);
    return t;
  }
  Expr* slice() {
    Loc start = loc_of(cur());
    Expr* lower = nullptr;
    if (!at_op(":")) {
      lower = star_named_expression();
      if (!at_op(":")) return lower;
    }
    auto* s = node<SliceExpr>(start);
    s->lower = lower;
    advance();
    if (!at_op(":") && !at_op("]") && !at_op(",")) s->upper = expression();
    if (accept_op(":")) {
      if (!at_op("]") && !at_op(",")) s->step = expression();
    }
    s->loc = end_at_prev(start);
    return s;
  }

  Expr* yield_expr() {
    Token kw = advance();
    if (accept_kw("from")) {
      auto* y = node<YieldFrom>(loc_of(kw));
      y->value = expression();
      y->loc = end_at_prev(y->loc);
      return y;
    }
    auto* y = node<Yield>(loc_of(kw));
    if (starts_expression(cur())) y->value = star_expressions();
    y->loc = end_at_prev(y->loc);
    return y;
  }

  void comprehension_clauses(std::vector<Comprehension>& out) {
    while (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
      Comprehension c;
      if (at_kw("async")) {
        advance();
        c.is_async = true;
      }
      advance();
      c.target = target_list("in");
      expect_kw("in");
      c.iter = disjunction();
      while (accept_kw("if")) c.ifs.push_back(disjunction());
      out.push_back(std::move(c));
    }
  }

  Expr* atom() {
    const Token t = cur();
    switch (t.kind) {
      case TokenKind::Name: {
        if (t.text == "None" || t.text == "True" || t.text == "False") {
          advance();
          auto* c = node<Constant>(loc_of(t));
          c->ckind = t.text == "None"   ? ConstKind::None
                     : t.text == "True" ? ConstKind::True
                                        : ConstKind::False;
          return c;
        }
        if (is_keyword(t.text)) fail_at(t, "invalid syntax");
        advance();
        auto* n = node<Name>(loc_of(t));
        n->id = std::string(t.text);
        return n;
      }
      case TokenKind::Number: {
        advance();
        auto* c = node<Constant>(loc_of(t));
        parse_number(t.text, *c);
        return c;
      }
      case TokenKind::String:
        return strings();
      case TokenKind::Op:
        if (t.text == "...") {
          advance();
          auto* c = node<Constant>(loc_of(t));
          c->ckind = ConstKind::Ellipsis;
          return c;
        }
        if (t.text == "(") return paren_atom();
        if (t.text == "[") return list_atom();
        if (t.text == "{") return brace_atom();
        break;
      default:
        break;
    }
    fail_at(t, "invalid syntax");
  }

  Expr* paren_atom() {
    DepthGuard guard(*this);
    Token open = advance();
    Loc start = loc_of(open);
    if (accept_op(")")) return node<Sequence>(ExprKind::Tuple, end_at_prev(start));
    if (at_kw("yield")) {
      Expr* y = yield_expr();
      expect_op(")");
      parenthesized_.insert(y);
      return y;
    }
    Expr* first = star_named_expression();
    if (at_comp_for()) {
      auto* g = node<Comp>(ExprKind::GeneratorExp, start);
      g->elt = first;
      comprehension_clauses(g->generators);
      if (!at_op(")")) fail_unexpected(nullptr);
      advance();
      g->loc = end_at_prev(start);
      return g;
    }
    if (at_op(")")) {
      advance();
      if (first->kind == ExprKind::Starred)
        fail_loc(first->loc, "cannot use starred expression here");
      parenthesized_.insert(first);
      return first;
    }
    auto* t = node<Sequence>(ExprKind::Tuple, start);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (at_op(")")) break;
      t->elts.push_back(star_named_expression());
    }
    if (!at_op(")")) fail_unexpected(t->elts.back());
    advance();
    t->loc = end_at_prev(start);
    return t;
  }

  Expr* list_atom() {
    DepthGuard guard(*this);
    Token open = advance();
    Loc start = loc_of(open);
    auto* list = node<Sequence>(ExprKind::List, start);
    if (!at_op("]")) {
      Expr* first = star_named_expression();
      if (at_comp_for()) {
        auto* c = node<Comp>(ExprKind::ListComp, start);
        c->elt = first;
        comprehension_clauses(c->generators);
        if (!at_op("]")) fail_unexpected(nullptr);
        advance();
        c->loc = end_at_prev(start);
        return c;
      }
      list->elts.push_back(first);
      while (accept_op(",")) {
        if (at_op("]")) break;
        list->elts.push_back(star_named_expression());
      }
      if (!at_op("]")) fail_unexpected(list->elts.back());
    }
    advance();
    list->loc = end_at_prev(start);
    return list;
  }

  Expr* brace_atom() {
    DepthGuard guard(*this);
    Token open = advance();
    Loc start = loc_of(open);
    if (accept_op("}")) return node<DictExpr>(end_at_prev(start));
    // Dict: `key: value` or `**mapping` first; set: anything else.
    Expr* key = nullptr;
    Expr* value = nullptr;
    if (accept_op("**")) {
      value = bitwise_or();
    } else {
      key = star_named_expression();
      if (key->kind != ExprKind::Starred && accept_op(":")) {
        value = expression();
      } else if (key->kind == ExprKind::Starred || !at_op(":")) {
        return set_rest(start, key);
      }
    }
    if (key && at_comp_for()) {
      auto* c = node<Comp>(ExprKind::DictComp, start);
      c->key = key;
      c->value = value;
      comprehension_clauses(c->generators);
      if (!at_op("}")) fail_unexpected(nullptr);
      advance();
      c->loc = end_at_prev(start);
      return c;
    }
    auto* d = node<DictExpr>(start);
    d->keys.push_back(key);
    d->values.push_back(value);
    while (accept_op(",")) {
      if (at_op("}")) break;
      if (accept_op("**")) {
        d->keys.push_back(nullptr);
        d->values.push_back(bitwise_or());
        continue;
      }
      Expr* k = expression();
      if (!at_op(":")) {
        if (at_op(",") || at_op("}")) fail_loc(k->loc, "':' expected after dictionary key");
        fail_unexpected(k);
      }
      advance();
      d->keys.push_back(k);
      d->values.push_back(expression());
    }
    if (!at_op("}")) fail_unexpected(d->values.back());
    advance();
    d->loc = end_at_prev(start);
    return d;
  }

  Expr* set_rest(const Loc& start, Expr* first) {
    if (at_comp_for()) {
      auto* c = node<Comp>(ExprKind::SetComp, start);
      c->elt = first;
      comprehension_clauses(c->generators);
      if (!at_op("}")) fail_unexpected(nullptr);
      advance();
      c->loc = end_at_prev(start);
      return c;
    }
    auto* s = node<SetExpr>(start);
    s->elts.push_back(first);
    while (accept_op(",")) {
      if (at_op("}")) break;
      s->elts.push_back(star_named_expression());
    }
    if (!at_op("}")) fail_unexpected(s->elts.back());
    advance();
    s->loc = end_at_prev(start);
    return s;
  }

  // ------------------------------------------------------------ literals
  void parse_number(std::string_view text, Constant& c) {
    std::string s;
    for (char ch : text)
      if (ch != '_') s += ch;
    char last = s.back();
    if (last == 'j' || last == 'J') {
      c.ckind = ConstKind::Imag;
      c.float_value = std::strtod(s.substr(0, s.size() - 1).c_str(), nullptr);
      return;
    }
    bool prefixed = s.size() > 1 && s[0] == '0' && std::strchr("xXoObB", s[1]);
    if (!prefixed && s.find_first_of(".eE") != std::string::npos) {
      c.ckind = ConstKind::Float;
      c.float_value = std::strtod(s.c_str(), nullptr);
      return;
    }
    int base = 10;
    std::string_view digits = s;
    if (prefixed) {
      char p = static_cast<char>(std::tolower(s[1]));
      base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      digits.remove_prefix(2);
    }
    if (int_from_digits(digits, base, c.int_value)) {
      c.ckind = ConstKind::Int;
    } else {
      c.ckind = ConstKind::BigInt;
      c.big_digits = digits_to_decimal(digits, base);
    }
  }

  // Adjacent string literals, concatenated; any f-string makes a JoinedStr.
  Expr* strings() {
    Token first = cur();
    std::vector<Token> parts;
    while (cur().kind == TokenKind::String) parts.push_back(advance());
    Token last = parts.back();
    Loc loc = span(loc_of(first), loc_of(last));

    bool any_bytes = false, any_text = false, any_f = false;
    for (const Token& t : parts) {
      StringPrefix p = string_prefix(t.text);
      (p.bytes ? any_bytes : any_text) = true;
      any_f |= p.fstring;
    }
    if (any_bytes && any_text) fail_after(last, "cannot mix bytes and nonbytes literals");

    if (!any_f) {
      auto* c = node<Constant>(loc);
      c->ckind = any_bytes ? ConstKind::Bytes : ConstKind::Str;
      for (const Token& t : parts) c->str_value += decode_plain(t);
      return c;
    }
    auto* j = node<JoinedStr>(loc);
    std::string pending;  // literal text not yet emitted as a Constant
    for (const Token& t : parts) {
      StringPrefix p = string_prefix(t.text);
      if (!p.fstring) {
        pending += decode_plain(t);
        continue;
      }
      FStringScanner scan{t, p};
      fstring_parts(scan, 0, j->values, pending, loc);
    }
    flush_literal(j->values, pending, loc);
    return j;
  }

  std::string decode_plain(const Token& t) {
    StringPrefix p = string_prefix(t.text);
    std::string out, err;
    std::string_view body = string_body(t.text, p);
    if (!decode_string_body(body, p.raw, p.bytes, out, err)) {
      if (err == kNonAsciiBytesError) fail_at(t, err);
      fail_after(t, err);
    }
    return out;
  }

  void flush_literal(std::vector<Expr*>& values, std::string& pending, const Loc& loc) {
    if (pending.empty()) return;
    auto* c = node<Constant>(loc);
    c->ckind = ConstKind::Str;
    c->str_value = std::move(pending);
    pending.clear();
    values.push_back(c);
  }

  // Walks an f-string body, keeping the true line/column of each byte so that
  // replacement fields are parsed with their real positions.
  struct FStringScanner {
    Token tok;
    StringPrefix prefix;
    std::string_view body;
    size_t i = 0;
    int line = 0, col = 0;
    FStringScanner(const Token& t, StringPrefix p) : tok(t), prefix(p) {
      body = string_body(t.text, p);
      line = t.line;
      col = t.col + utf8_length(t.text.substr(0, body.data() - t.text.data()));
    }
    bool done() const { return i >= body.size(); }
    char at(size_t k = 0) const { return i + k < body.size() ? body[i + k] : '\0'; }
    void step() {
      char c = body[i++];
      if (c == '\n') {
        ++line;
        col = 0;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++col;
      }
    }
  };

  // Literal text and `{...}` fields until the end of the body, or until the
  // `}` closing a format spec when `spec_level` > 0.
  void fstring_parts(FStringScanner& s, int spec_level, std::vector<Expr*>& values,
                     std::string& pending, const Loc& loc) {
    while (!s.done()) {
      char c = s.at();
      if (c == '{') {
        if (s.at(1) == '{') {
          pending += '{';
          s.step();
          s.step();
          continue;
        }
        fstring_field(s, spec_level, values, pending, loc);
        continue;
      }
      if (c == '}') {
        if (spec_level > 0) return;
        if (s.at(1) == '}') {
          pending += '}';
          s.step();
          s.step();
          continue;
        }
        fail_after(s.tok, "f-string: single '}' is not allowed");
      }
      // Literal run up to the next brace, decoded like a plain string.
      size_t start = s.i;
      while (!s.done() && s.at() != '{' && s.at() != '}') {
        if (s.at() == '\\' && !s.prefix.raw && s.i + 1 < s.body.size()) {
          s.step();
          // \N{NAME}: the braces belong to the escape, not to a field.
          if (s.at() == 'N' && s.at(1) == '{') {
            while (!s.done() && s.at() != '}') s.step();
          }
        }
        s.step();
      }
      std::string out, err;
      if (!decode_string_body(s.body.substr(start, s.i - start), s.prefix.raw, false, out, err))
        fail_after(s.tok, err);
      pending += out;
    }
    if (spec_level > 0) fail_after(s.tok, "f-string: expecting '}'");
  }

  // One `{expr=!conv:spec}` field; `pending` is the literal text before it.
  void fstring_field(FStringScanner& s, int spec_level, std::vector<Expr*>& values,
                     std::string& pending, const Loc& loc) {
    if (spec_level >= 2) fail_after(s.tok, "f-string: expressions nested too deeply");
    s.step();  // '{'
    size_t expr_start = s.i;
    int line = s.line, col = s.col;
    int depth = 0;
    char quote = 0;
    bool self_doc = false;
    for (;; s.step()) {
      if (s.done()) fail_after(s.tok, "f-string: expecting '}'");
      char c = s.at();
      if (c == '\\') fail_after(s.tok, "f-string expression part cannot include a backslash");
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        fail_after(s.tok, "f-string expression part cannot include '#'");
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
        if (depth == 0) fail_after(s.tok, std::string("f-string: unmatched '") + c + "'");
        --depth;
      } else if (depth == 0 && (c == '}' || c == ':' || (c == '!' && s.at(1) != '='))) {
        break;
      } else if (depth == 0 && c == '=' && s.at(1) != '=' && s.i > expr_start &&
                 !std::strchr("=!<>", s.body[s.i - 1])) {
        self_doc = true;
        break;
      }
    }
    std::string_view expr_text = s.body.substr(expr_start, s.i - expr_start);
    if (expr_text.find_first_not_of(" \t\n\r\f") == std::string_view::npos)
      fail_after(s.tok, "f-string: empty expression not allowed");

    auto* fv = node<FormattedValue>(loc);
    Parser sub(expr_text, full_src_, filename_, arena_, line, col, depth_ + 1);
    sub.set_fragment_mode();
    sub.function_depth_ = function_depth_;
    sub.in_async_ = in_async_;
    try {
      fv->value = sub.parse_fstring_field();
    } catch (const ParseFailure&) {
      error_ = sub.error_;
      if (error_.message.rfind("f-string", 0) != 0) error_.message = "f-string: " + error_.message;
      throw;
    }
    std::string doc_text;
    if (self_doc) {
      s.step();  // '='
      while (!s.done() && std::strchr(" \t\n\r\f", s.at()) && s.at() != '\0') s.step();
      doc_text = std::string(s.body.substr(expr_start, s.i - expr_start));
    }
    if (s.at() == '!') {
      s.step();
      char conv = s.at();
      if (s.i + 1 >= s.body.size() && conv != '}') fail_after(s.tok, "f-string: expecting '}'");
      if ((conv != 's' && conv != 'r' && conv != 'a') || (s.at(1) != ':' && s.at(1) != '}'))
        fail_after(s.tok, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      fv->conversion = conv;
      s.step();
    }
    if (s.at() == ':') {
      s.step();
      auto* spec = node<JoinedStr>(loc);
      std::string pending;
      fstring_parts(s, spec_level + 1, spec->values, pending, loc);
      flush_literal(spec->values, pending, loc);
      fv->format_spec = spec;
    }
    if (s.done() || s.at() != '}') fail_after(s.tok, "f-string: expecting '}'");
    s.step();
    if (self_doc) {
      // f"{x=}" is the text "x=" followed by repr(x) unless told otherwise.
      pending += doc_text;
      if (fv->conversion == -1 && !fv->format_spec) fv->conversion = 'r';
    }
    flush_literal(values, pending, loc);
    values.push_back(fv);
  }

 private:
  Lexer lexer_;
  std::string_view full_src_;
  std::string filename_;
  AstArena& arena_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  Token prev_;
  int bracket_level_ = 0;
  int depth_ = 0;
  int function_depth_ = 0;
  bool in_async_ = false;  // inside an `async def` body (not a nested def, class or lambda)
  bool lexer_failed_ = false;
  SyntaxErrorInfo lexer_error_;  // the tokenizer error, once one was met
  std::unordered_set<const Expr*> parenthesized_;
  SyntaxErrorInfo error_;
};

}  // namespace

ParseResult parse(std::string_view source, const std::string& filename, AstArena& arena,
                  std::string_view mode) {
  ParseResult result;
  if (size_t nul = source.find('\0'); nul != std::string_view::npos) {
    SyntaxErrorInfo e;
    e.message = "source code cannot contain null bytes";
    e.filename = filename;
    e.line = 1 + static_cast<int>(std::count(source.begin(), source.begin() + nul, '\n'));
    e.col = 0;
    result.error = e;
    return result;
  }
  Parser p(source, source, filename, arena, 1, 0, 0);
  try {
    result.module = mode == "eval" ? p.parse_eval() : p.parse_module();
  } catch (const ParseFailure&) {
    result.module = nullptr;
    p.prefer_tokenizer_error();
    result.error = p.error();
  }
  return result;
}

}  // namespace gilvm
