// Callables: Python functions, native (built-in) functions and methods,
// bound methods, and the cells closures share variables through.
#pragma once

#include "runtime/object.h"

namespace gilvm {

struct Code;

struct Cell : Object {
  Value value;  // null when unbound
};

struct Function : Object {
  Code* code;
  Dict* globals;
  Tuple* defaults;    // may be null
  Dict* kwdefaults;   // may be null
  Tuple* closure;     // cells, may be null
  Str* name;
  Str* qualname;
  Dict* dict;         // __dict__, created on demand
  Value module;       // __module__ (a str), may be null
  Value doc;          // may be null
};

// A native function. When `self` is set it is a bound method of a built-in
// type and is passed as args[0].
struct Builtin : Object {
  const char* name;
  NativeFn fn;
  Value self;       // null for a plain function or an unbound method
  Type* owner;      // the type defining this method, or null
  bool is_method;   // stored in a type dict: binds on attribute access
};

struct BoundMethod : Object {
  Value func;
  Value self;
};

inline bool is_function(Value v) { return has_tag(v, Tag::Function); }
inline Function* as_function(Value v) { return static_cast<Function*>(v.as_object()); }

// A built-in type's method reached without binding (list.append(1, 2), or
// stored in an unrelated class) must get an instance of its type first, as
// its C++ code assumes: true if args[0] is one, else CPython's TypeError
// ("descriptor 'append' for 'list' objects doesn't apply to a 'int' object").
// __new__ takes the class first and is exempt.
bool builtin_self_check(ThreadState& ts, const Builtin* b, const Value* args, size_t nargs);

Value cell_new(ThreadState& ts, Value value);
Value builtin_new(ThreadState& ts, const char* name, NativeFn fn, Value self = Value::null());
Value bound_method_new(ThreadState& ts, Value func, Value self);
Value function_new(ThreadState& ts, Code* code, Dict* globals);

// Helpers to populate built-in types and modules.
void add_method(ThreadState& ts, Type* type, const char* name, NativeFn fn);
void add_function(ThreadState& ts, Dict* dict, const char* name, NativeFn fn);

void init_function_types(ThreadState& ts);
// property, staticmethod, classmethod (descriptors.cpp).
void init_descriptor_types(ThreadState& ts);
// super (super.cpp).
void init_super_type(ThreadState& ts);

}  // namespace gilvm
