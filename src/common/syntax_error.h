// A compile-time error (SyntaxError, IndentationError, TabError) as data.
//
// The lexer, parser and compiler report errors by returning one of these
// instead of throwing, so that a malformed program can never unwind through
// the interpreter. main() (or compile()/exec()) turns it into a Python
// exception or prints it the way CPython does:
//
//     File "x.py", line 3
//       if x
//           ^
//   SyntaxError: expected ':'
#pragma once

#include <string>

namespace gilvm {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // or "IndentationError", "TabError"
  std::string message;               // e.g. "invalid syntax"
  std::string filename;
  int line = 0;        // 1-based
  int col = 0;         // 1-based column of the caret, in code points (CPython's offset)
  int end_col = 0;     // 1-based, exclusive; 0 or <= col means a single caret
  std::string text;    // the offending source line, without its newline
};

}  // namespace gilvm
