// globals(), locals(), eval(), exec(), compile() and __import__(): the
// builtins that need the caller's frame, the compiler or the import system.
#pragma once

namespace gilvm {

struct ThreadState;

// Adds them to the builtins module.
void install_exec_builtins(ThreadState& ts);

}  // namespace gilvm
