// Native standard-library modules. Each factory builds a fresh module object;
// the import system calls it once and caches the result in sys.modules.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

Value make_sys_module(ThreadState& ts);
Value make_time_module(ThreadState& ts);
Value make_math_module(ThreadState& ts);
// The native halves of lib/os.py, lib/random.py and lib/struct.py.
Value make_os_native_module(ThreadState& ts);
Value make_random_native_module(ThreadState& ts);
Value make_struct_native_module(ThreadState& ts);
Value make_thread_module(ThreadState& ts);  // _thread
Value make_signal_module(ThreadState& ts);
// Processes and what they share (lib/multiprocessing, os.fork):
Value make_posix_module(ThreadState& ts);                   // _posix: fork, waitpid, pipe, poll
Value make_shared_memory_module(ThreadState& ts);           // _shared_memory: Value/Array storage
Value make_multiprocessing_native_module(ThreadState& ts);  // _multiprocessing: SemLock
Value make_subprocess_native_module(ThreadState& ts);       // _subprocess: fork_exec
Value make_select_module(ThreadState& ts);                  // select: select, poll, epoll
Value make_socket_native_module(ThreadState& ts);           // _socket, under lib/socket.py
Value make_codecs_module(ThreadState& ts);                  // _codecs, under CPython's codecs.py

// Registers every factory above in interp->builtin_modules.
void register_builtin_modules(ThreadState& ts);

// sys.stdin/stdout/stderr are TextIO objects (sys.cpp) wrapping a C FILE*.
// print() and input() use the FILE* directly when their target is one, so
// print and sys.stdout.write share one stdio buffer and stay in order.
// Returns null when `v` is not a TextIO open in that direction.
FILE* textio_file(Value v, bool for_writing = true);
// Reads one line, '\n' included, from `f` into `out`. Returns false with an
// exception pending when the bytes are not UTF-8; at EOF `out` is empty.
bool textio_read_line(ThreadState& ts, FILE* f, std::string* out);
// sys.<name>, looked up at call time so reassigning sys.stdout works.
// Borrowed; null (no exception) when sys or the attribute is missing.
Value sys_attr(ThreadState& ts, std::string_view name);

}  // namespace gilvm
