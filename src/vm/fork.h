// Forking a process that runs Python threads (os.fork, multiprocessing).
//
// fork() copies only the calling thread. Every mutex another thread held at
// that instant stays held forever in the child, and every buffer it was
// half-way through writing stays half-written. fork_interpreter therefore
// brings the process to a quiet point first — stdio flushed and its locks
// held, the interpreter's own mutexes held — forks, and then, in the child,
// rebuilds what no longer makes sense: a fresh GIL (the old one may be
// locked by a thread that no longer exists), a thread table with one
// thread, and the threading module's view of which threads exist.
#pragma once

#include <sys/types.h>

namespace gilvm {

struct Interpreter;
struct ThreadState;

// fork() for Python code; the caller holds the GIL. Returns the child's pid
// in the parent, 0 in the child, -1 (errno set, no Python exception) when
// fork failed. In the child, after_fork_child has run; a Python exception
// it left (from threading._after_fork) is pending on `ts`.
pid_t fork_interpreter(ThreadState& ts);

// Everything the child must reset before it runs bytecode: the GIL, the
// thread table, per-thread flags, the threading module. `ts` is the one
// thread that survived the fork. Other subsystems that own per-process
// state (the trace recorder, say) reset it here too.
void after_fork_child(Interpreter& interp, ThreadState& ts);

}  // namespace gilvm
