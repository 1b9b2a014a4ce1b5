// The `class` statement's runtime half (builtins.__build_class__).
#pragma once

namespace gilvm {

struct ThreadState;

// Adds __build_class__ to the builtins module.
void install_build_class(ThreadState& ts);

}  // namespace gilvm
