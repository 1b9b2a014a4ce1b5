// Generators: a heap frame suspended at a `yield`, resumed by next()/send().
#pragma once

#include <vector>

#include "runtime/object.h"

namespace gilvm {

struct Frame;

struct Generator : Object {
  Frame* frame;     // owned; null once finished
  Str* name;
  Str* qualname;
  bool running;
  // Exceptions being handled inside the generator when it yielded (see
  // ThreadState::handled): moved out on yield and back on resume.
  std::vector<Value>* saved_handled;
};

inline bool is_generator(Value v) { return has_tag(v, Tag::Generator); }

Value generator_new(ThreadState& ts, Frame* frame);

// Resumes the generator sending `value` (or raising the pending exception
// inside it when `throwing`). Returns the yielded value with *returned =
// false, or the return value with *returned = true, or null on an exception.
Value generator_resume(ThreadState& ts, Generator* gen, Value value, bool throwing, bool* returned);

void init_generator_type(ThreadState& ts);

}  // namespace gilvm
