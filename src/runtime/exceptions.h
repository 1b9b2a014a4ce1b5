// The built-in exception hierarchy and the helpers that raise exceptions.
//
// Raising never throws a C++ exception: it stores the exception object in
// the ThreadState and the caller returns null (or -1), all the way up to the
// eval loop, which unwinds Python frames through each code object's
// exception table.
#pragma once

#include <fmt/core.h>

#include <string>
#include <vector>

#include "runtime/object.h"

namespace gilvm {

struct Code;

struct TracebackEntry {
  Code* code;  // owned reference
  int line;
};

struct ExceptionObject : Object {
  Tuple* args;
  Value cause;     // __cause__, null = None
  Value context;   // __context__, null = None
  bool suppress_context;
  // Set once this exception has been some exception's __context__: only
  // then can raising it find it in the handled exception's chain, so the
  // chain is walked for those alone (recursion through `except` raises
  // 100,000 fresh exceptions, each of which would walk 10,000 links).
  bool ever_context;
  Dict* dict;      // attributes (e.g. StopIteration.value lives in args)
  std::vector<TracebackEntry>* traceback;  // in unwinding order: innermost first; may be null
};

inline bool is_exception(Value v) { return has_layout(v, Tag::Exception); }
inline ExceptionObject* as_exception(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

// The built-in exception types, owned by the Interpreter.
#define GILVM_EXCEPTION_TYPES(X)                 \
  X(BaseException, nullptr)                      \
  X(SystemExit, BaseException)                   \
  X(KeyboardInterrupt, BaseException)            \
  X(GeneratorExit, BaseException)                \
  X(Exception, BaseException)                    \
  X(StopIteration, Exception)                    \
  X(StopAsyncIteration, Exception)               \
  X(ArithmeticError, Exception)                  \
  X(FloatingPointError, ArithmeticError)         \
  X(OverflowError, ArithmeticError)              \
  X(ZeroDivisionError, ArithmeticError)          \
  X(AssertionError, Exception)                   \
  X(AttributeError, Exception)                   \
  X(BufferError, Exception)                      \
  X(EOFError, Exception)                         \
  X(ImportError, Exception)                      \
  X(ModuleNotFoundError, ImportError)            \
  X(LookupError, Exception)                      \
  X(IndexError, LookupError)                     \
  X(KeyError, LookupError)                       \
  X(MemoryError, Exception)                      \
  X(NameError, Exception)                        \
  X(UnboundLocalError, NameError)                \
  X(OSError, Exception)                          \
  X(FileNotFoundError, OSError)                  \
  X(FileExistsError, OSError)                    \
  X(PermissionError, OSError)                    \
  X(IsADirectoryError, OSError)                  \
  X(NotADirectoryError, OSError)                 \
  X(TimeoutError, OSError)                       \
  X(BlockingIOError, OSError)                    \
  X(InterruptedError, OSError)                   \
  X(ChildProcessError, OSError)                  \
  X(ConnectionError, OSError)                    \
  X(BrokenPipeError, ConnectionError)            \
  X(ConnectionResetError, ConnectionError)       \
  X(ConnectionRefusedError, ConnectionError)     \
  X(ConnectionAbortedError, ConnectionError)     \
  X(ReferenceError, Exception)                   \
  X(RuntimeError, Exception)                     \
  X(NotImplementedError, RuntimeError)           \
  X(RecursionError, RuntimeError)                \
  X(SyntaxError, Exception)                      \
  X(IndentationError, SyntaxError)               \
  X(TabError, IndentationError)                  \
  X(SystemError, Exception)                      \
  X(TypeError, Exception)                        \
  X(ValueError, Exception)                       \
  X(UnicodeError, ValueError)                    \
  X(UnicodeDecodeError, UnicodeError)            \
  X(UnicodeEncodeError, UnicodeError)            \
  X(UnicodeTranslateError, UnicodeError)         \
  X(Warning, Exception)                          \
  X(DeprecationWarning, Warning)                 \
  X(RuntimeWarning, Warning)                     \
  X(UserWarning, Warning)

struct ExceptionTypes {
#define GILVM_DECLARE_EXC(name, base) Type* name = nullptr;
  GILVM_EXCEPTION_TYPES(GILVM_DECLARE_EXC)
#undef GILVM_DECLARE_EXC
};

// Sets the pending exception to type(message) and returns null, so native
// code can write `return raise(ts, ts.exc_types().TypeError, "...")`.
Value raise(ThreadState& ts, Type* type, std::string message);
template <typename... A>
Value raisef(ThreadState& ts, Type* type, fmt::format_string<A...> f, A&&... a) {
  return raise(ts, type, fmt::format(f, std::forward<A>(a)...));
}
// A new UnicodeDecodeError/EncodeError(encoding, object, start, end,
// reason), not raised: what a codec hands to a registered error handler.
Value unicode_error_new(ThreadState& ts, Type* type, std::string_view encoding, Value object,
                        int64_t start, int64_t end, std::string_view reason);
// Raise UnicodeDecodeError(encoding, data, start, end, reason) and
// UnicodeEncodeError(encoding, text, start, end, reason) with CPython's five
// arguments, so handlers and callers can read .start, .end and .object.
Value raise_unicode_decode_error(ThreadState& ts, std::string_view encoding, std::string_view data,
                                 int64_t start, int64_t end, std::string_view reason);
Value raise_unicode_encode_error(ThreadState& ts, std::string_view encoding, Value text, int64_t start,
                                 int64_t end, std::string_view reason);
// Raises an existing exception instance (or class, which is instantiated).
Value raise_value(ThreadState& ts, Value exc);
// Creates an exception instance type(*args) without raising it.
Value exception_new(ThreadState& ts, Type* type, const Value* args, size_t nargs);

// The exception's message as str() shows it.
std::string exception_message(ThreadState& ts, Value exc);

// Is `exc` (an instance) an instance of `match` (a type or a tuple of types)?
// Returns -1 with TypeError when `match` is not an exception class.
int exception_matches(ThreadState& ts, Value exc, Value match);

// Appends a traceback entry (the eval loop calls this as the exception
// passes through each frame).
void exception_add_traceback(ThreadState& ts, Value exc, Code* code, int line);
// Prints `exc` as CPython does for an uncaught exception: the chain of
// __cause__/__context__ first, then "Traceback (most recent call last):",
// one `  File "f.py", line N, in name` line plus the stripped source line per
// entry (outermost first), and "Type: message" (just "Type" when the
// message is empty). Writes to stderr.
void print_exception(ThreadState& ts, Value exc);
// The text print_exception writes, as a string (a process pool's worker
// sends it to the parent as the remote traceback).
std::string format_exception(ThreadState& ts, Value exc);

void init_exception_types(ThreadState& ts);

}  // namespace gilvm
