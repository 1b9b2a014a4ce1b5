// Code objects: the compiler's output and the eval loop's input.
//
// Instructions are 32-bit words (see opcodes.h). Exceptions are handled
// through a table of protected ranges rather than a runtime block stack, so
// entering a `try` costs nothing: when an exception is raised the eval loop
// searches the table for the innermost range covering the faulting
// instruction (entries are sorted innermost first).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/object.h"

namespace gilvm {

struct ExceptionHandler {
  uint32_t start;    // first protected word
  uint32_t end;      // one past the last protected word
  uint32_t target;   // handler entry
  uint32_t depth;    // stack depth (above the frame's base) to unwind to
};

// What one LOAD_GLOBAL instruction found last time, valid while neither
// dict has changed since (dicts bump `version` on every mutation). The value
// is borrowed: any change that could free it also changes a version.
struct GlobalCache {
  const Dict* globals = nullptr;
  uint64_t globals_version = 0;
  const Dict* builtins = nullptr;  // null: found in globals, builtins irrelevant
  uint64_t builtins_version = 0;
  Value value;
  // Entry number of the name in `globals` when found there: module code
  // that assigns any global bumps the version, and this lets a miss on
  // version alone re-read the value without hashing.
  uint32_t globals_index = 0;
};

// What one attribute instruction (LOAD_ATTR, LOAD_METHOD, STORE_ATTR)
// learnt about the receiver's type: the result of looking the name up on
// the type, valid while `type` is the receiver's type and no type dict has
// changed (Interpreter::type_epoch).
struct AttrCache {
  enum Kind : uint8_t {
    kNone,     // the type has no such attribute: only the instance dict can
    kPlain,    // a plain class attribute (no descriptor behaviour)
    kMethod,   // a function: binds to the instance
    kComplex,  // a descriptor or anything else: take the generic path
  };
  const Type* type = nullptr;
  uint64_t epoch = 0;
  Value type_attr;  // borrowed from the type dict
  Kind kind = kComplex;
  // Where the name was last found in an instance dict. Instances of a class
  // usually insert their attributes in the same order (in __init__), so the
  // entry number is a good guess for the next receiver; a guess is checked
  // against the entry's key, so a wrong one only costs a real lookup.
  uint32_t dict_hint = 0;
};

enum CodeFlags : uint32_t {
  kCodeVarargs = 1 << 0,    // has *args
  kCodeVarkw = 1 << 1,      // has **kwargs
  kCodeGenerator = 1 << 2,  // contains yield
  kCodeModule = 1 << 3,     // module or class body: names live in a dict
  kCodeClassBody = 1 << 4,
  // With kCodeGenerator (a heap frame, resumed like a generator's):
  kCodeCoroutine = 1 << 5,          // `async def` without yield: calling it makes a coroutine
  kCodeAsyncGenerator = 1 << 6,     // `async def` with yield: an async generator
};

struct Code : Object {
  std::vector<uint32_t> words;
  std::vector<int32_t> lines;  // source line of each word
  std::vector<Value> consts;   // owned
  std::vector<Str*> names;     // interned, for globals/attributes/names
  std::vector<Str*> varnames;  // locals; parameters first
  std::vector<Str*> cellvars;  // locals captured by inner functions
  std::vector<Str*> freevars;  // variables captured from outer functions
  // For each cellvar that is also a parameter: its index in varnames, else -1.
  std::vector<int32_t> cell_param;
  std::vector<ExceptionHandler> handlers;
  std::vector<GlobalCache> global_caches;  // one per LOAD_GLOBAL instruction
  std::vector<AttrCache> attr_caches;      // one per attribute instruction

  uint32_t flags = 0;
  int argcount = 0;         // positional parameters, posonly included
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int nlocals = 0;
  int stacksize = 0;
  int firstlineno = 1;
  int doc_const = -1;       // index of the docstring in consts, or -1
  Str* name = nullptr;      // interned
  Str* qualname = nullptr;  // interned
  Str* filename = nullptr;  // interned
  // The whole source text, shared by every code object of one compilation,
  // so tracebacks can show lines of code that did not come from a file.
  std::shared_ptr<const std::string> source;

  int ncells() const { return static_cast<int>(cellvars.size() + freevars.size()); }
  int line_at(size_t word_index) const {
    return word_index < lines.size() ? lines[word_index] : firstlineno;
  }
};

inline bool is_code(Value v) { return has_tag(v, Tag::Code); }
inline Code* as_code(Value v) { return static_cast<Code*>(v.as_object()); }

Code* code_new(ThreadState& ts);
// The text of `line` (1-based) of the code's source, stripped of leading
// and trailing whitespace, or "" when unknown.
std::string code_source_line(const Code* code, int line);
std::string disassemble(ThreadState& ts, const Code* code);

void init_code_type(ThreadState& ts);

}  // namespace gilvm
