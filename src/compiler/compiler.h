// The compiler: AST -> code objects.
//
// A single pass over the AST per scope emits stack-machine instructions,
// using the symbol table for name resolution. Control flow that leaves a
// block early (break, continue, return) unwinds explicitly: finally bodies
// are emitted inline on every exit path, as CPython does, which keeps the
// eval loop free of a runtime block stack. A few common shapes in hot loops
// (`i < n`, `n -= 1`) compile to fused instructions (see opcodes.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "common/syntax_error.h"
#include "runtime/object.h"

namespace gilvm {

struct Code;

struct CompileResult {
  Code* code = nullptr;  // new reference, or null on error
  std::optional<SyntaxErrorInfo> error;
};

// mode: "exec" (module), "eval" (a single expression whose value is
// returned), "single" (treated as exec).
CompileResult compile_source(ThreadState& ts, std::string_view source, const std::string& filename,
                             std::string_view mode = "exec");

}  // namespace gilvm
