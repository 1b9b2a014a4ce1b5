// Argument binding for Python functions (used by the eval loop's CALL
// instructions and by call_function for native callers).
#pragma once

#include "runtime/object.h"

namespace gilvm {

struct Function;
struct Frame;

// Fills locals[0 .. argcount+kwonly(+varargs)(+varkw)) from a vectorcall
// argument array; raises TypeError as CPython does. Slots must start empty.
bool bind_arguments(ThreadState& ts, Function* fn, Value* locals, const Value* args, size_t nargs,
                    Tuple* kwnames);
// Creates the frame's cells and copies the closure's cells in.
void init_cells(ThreadState& ts, Frame* f);

}  // namespace gilvm
