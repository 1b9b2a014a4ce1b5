// File objects returned by open(), and OSError construction from errno.
//
// A file object wraps a C FILE* opened from an open(2) descriptor, so the
// errno of a failed open picks CPython's exception class and message
// ("[Errno 2] No such file or directory: 'x'"), and stdio does the
// buffering. Text mode decodes UTF-8 only and does no newline translation;
// tell()/seek() are byte offsets (CPython's opaque cookies are the same
// numbers for such files). Every read, write, flush and close runs inside a
// BlockingRegion, releasing the GIL while the thread waits on the kernel,
// and holds the stream in flight (runtime/in_flight.h): a close() by
// another thread meanwhile marks the file closed and leaves the fclose to
// the last call using the stream.
#pragma once

#include <cstdio>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

// Raises the OSError subclass CPython picks for `err` (FileNotFoundError
// for ENOENT, ...), with args (errno, strerror[, filename]); `filename` may
// be null. Always returns null.
Value raise_os_error(ThreadState& ts, int err, Value filename = Value::null());
Value raise_os_error_path(ThreadState& ts, int err, std::string_view filename);

// Writes to a C stream (sys.stdout/stderr, print) through blocking_fwrite;
// false with OSError raised (BrokenPipeError for a closed pipe) when the
// write fails, as CPython's print does.
bool stream_write(ThreadState& ts, FILE* f, const char* data, size_t n);

// Adds open() to the builtins dict `d`.
void init_open_builtin(ThreadState& ts, Dict* d);

}  // namespace gilvm
