// Turning compile-time errors into SyntaxError exceptions and printing them
// the way CPython does.
#pragma once

#include <string>

#include "common/syntax_error.h"
#include "runtime/object.h"

namespace gilvm {

// Raises SyntaxError (or IndentationError/TabError) carrying `info`.
void raise_syntax_error(ThreadState& ts, const SyntaxErrorInfo& info);
// The CPython-style block:  File "x.py", line 3 / source line / caret /
// "SyntaxError: message".
std::string format_syntax_error(const SyntaxErrorInfo& info);
// Recovers the info from a SyntaxError instance raised by
// raise_syntax_error; false for other exceptions.
bool syntax_error_info(ThreadState& ts, Value exc, SyntaxErrorInfo* out);

}  // namespace gilvm
