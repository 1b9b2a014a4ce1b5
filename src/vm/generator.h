// Generators: a heap frame suspended at a `yield`, resumed by next()/send().
#pragma once

#include <vector>

#include "runtime/object.h"

namespace gilvm {

struct Frame;

// What the frame's code made: the same layout and resumption serve all three.
enum class GenKind : uint8_t { Generator, Coroutine, AsyncGenerator };

struct Generator : Object {
  Frame* frame;     // owned; null once finished
  Str* name;
  Str* qualname;
  bool running;
  GenKind kind;
  // Exceptions being handled inside the generator when it yielded (see
  // ThreadState::handled): moved out on yield and back on resume.
  std::vector<Value>* saved_handled;
};

inline bool is_generator(Value v) { return has_tag(v, Tag::Generator); }

// A generator, coroutine or async generator, as the frame's code flags say.
Value generator_new(ThreadState& ts, Frame* frame);
inline bool is_coroutine(Value v) { return is_generator(v) && static_cast<Generator*>(v.as_object())->kind == GenKind::Coroutine; }
inline bool is_async_generator(Value v) {
  return is_generator(v) && static_cast<Generator*>(v.as_object())->kind == GenKind::AsyncGenerator;
}

// Resumes the generator sending `value` (or raising the pending exception
// inside it when `throwing`). Returns the yielded value with *returned =
// false, or the return value with *returned = true, or null on an exception.
Value generator_resume(ThreadState& ts, Generator* gen, Value value, bool throwing, bool* returned);

// Raises StopIteration(value) (bare for None): how a generator's or an
// awaitable's iterator hands its result to the caller. Returns null.
Value raise_stop_iteration(ThreadState& ts, Value value);
// send(): the value yielded, or on return StopIteration(value) raised.
Value generator_send(ThreadState& ts, Generator* gen, Value value, bool throwing);
// throw(typ[, val[, tb]]) with args[0] the generator (CPython's argument forms).
Value generator_throw(ThreadState& ts, const Value* args, size_t nargs);
// The exception throw() would raise into the generator, from its arguments.
Value generator_throw_exception(ThreadState& ts, const Value* args, size_t nargs);

void init_generator_type(ThreadState& ts);

}  // namespace gilvm
