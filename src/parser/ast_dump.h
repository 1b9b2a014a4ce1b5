// A debugging view of the AST in the format of CPython's ast.dump(), so a
// gilvm parse can be diffed against `python3 -c 'import ast; print(ast.dump(...))'`.
#pragma once

#include <string>

#include "parser/ast.h"

namespace gilvm {

// With include_attributes, positions are added as ast.dump(include_attributes=True)
// does (columns here are code points where CPython counts UTF-8 bytes).
std::string dump(const ast::Module& module, bool include_attributes = false);

// Python's repr() of a float, e.g. "1.0", "1e+16", "inf".
std::string dump_float_repr(double value);

}  // namespace gilvm
