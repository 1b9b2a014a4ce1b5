// The parser: tokens in, an ast::Module out, or a SyntaxErrorInfo.
//
// Hand-written recursive descent over the Python 3.11 grammar (without
// `match` and `async`/`await`). Assignment targets are parsed as expressions
// and then checked and given a Store/Del context, which is how CPython's PEG
// grammar ends up behaving too. Error messages and positions follow CPython
// 3.11 for the common mistakes; rarer ones fall back to "invalid syntax" at
// the offending token.
//
// Trade-off: errors unwind with a private exception inside parse(), which
// keeps every grammar function free of error plumbing. Parsing is never on the
// interpreter's hot path, and no exception escapes parse().
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/syntax_error.h"
#include "parser/ast.h"

namespace gilvm {

struct ParseResult {
  ast::Module* module = nullptr;  // owned by the arena; null on error
  std::optional<SyntaxErrorInfo> error;
};

// mode: "exec" parses a module; "eval" one expression (returned as a Module
// holding one ExprStmt); "single" is treated like "exec".
ParseResult parse(std::string_view source, const std::string& filename, ast::AstArena& arena,
                  std::string_view mode = "exec");

// Bounds the parser's recursion so hostile input (`-----x`, `not not ...`)
// yields a SyntaxError rather than a stack overflow. Bracket nesting is
// bounded separately by kMaxBracketDepth in the lexer.
inline constexpr int kMaxParseDepth = 1000;
// Operator and postfix chains (`1+1+...`, `a.b.b...`, `f()()...`) are parsed
// by loops, not recursion, into trees of any depth, which the symbol table
// and the compiler then walk recursively. The symbol table refuses a tree
// deeper than this (CPython allows about 3000 too), so that no later pass can
// overflow the native stack.
inline constexpr int kMaxExprDepth = 3000;

}  // namespace gilvm
