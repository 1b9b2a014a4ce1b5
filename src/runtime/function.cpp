// Callable objects: Python functions, native functions and methods, bound
// methods, and closure cells.
//
// Calls themselves are dispatched in ops.cpp by tag (no slot indirection for
// the common callables); this file owns the objects' lifetimes, reprs and
// attributes. A native method bound to an instance is a copy of the Builtin
// with `self` set rather than a BoundMethod, so calling it costs one
// indirect call plus the argument prepend.
#include "runtime/function.h"

#include <cstring>

#include <fmt/core.h>

#include "compiler/code.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

inline bool name_is(Str* name, Str* interned) {
  return name == interned || (!name->interned && str_equal(name, interned));
}

inline const void* addr(Value v) { return static_cast<const void*>(v.as_object()); }

inline Value obj_or_none(ThreadState& ts, Object* o) {
  return newref(o ? Value::from_object(o) : ts.none());
}
inline Value value_or_none(ThreadState& ts, Value v) { return newref(v ? v : ts.none()); }

// ------------------------------------------------------------------ cell

void cell_dealloc(Object* self) { decref(static_cast<Cell*>(self)->value); }

Value cell_repr(ThreadState& ts, Value self) {
  Value v = static_cast<Cell*>(self.as_object())->value;
  if (!v) return str_new(ts, fmt::format("<cell at {}: empty>", addr(self)));
  const void* p = v.is_object() ? addr(v) : reinterpret_cast<const void*>(v.raw());
  return str_new(ts, fmt::format("<cell at {}: {} object at {}>", addr(self), type_name(ts, v), p));
}

// -------------------------------------------------------------- function

void function_dealloc(Object* self) {
  Function* f = static_cast<Function*>(self);
  if (f->code) decref(f->code);
  if (f->globals) decref(f->globals);
  if (f->defaults) decref(f->defaults);
  if (f->kwdefaults) decref(f->kwdefaults);
  if (f->closure) decref(f->closure);
  if (f->name) decref(f->name);
  if (f->qualname) decref(f->qualname);
  if (f->dict) decref(f->dict);
  decref(f->module);
  decref(f->doc);
}

Value function_repr(ThreadState& ts, Value self) {
  Function* f = as_function(self);
  return str_new(ts, fmt::format("<function {} at {}>", f->qualname->view(), addr(self)));
}

Value function_call(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call_function(ts, as_function(self), args, nargs, kwnames);
}

Value function_descr_get(ThreadState& ts, Value self, Value obj, Type*) {
  if (!obj) return newref(self);
  return bound_method_new(ts, self, obj);
}

Value function_getattr(ThreadState& ts, Value self, Str* name) {
  Function* f = as_function(self);
  const Names& n = ts.names();
  if (name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_') {
    if (name_is(name, n.__name__)) return newref(Value::from_object(f->name));
    if (name_is(name, n.__qualname__)) return newref(Value::from_object(f->qualname));
    if (name_is(name, n.__module__)) return value_or_none(ts, f->module);
    if (name_is(name, n.__doc__)) return value_or_none(ts, f->doc);
    std::string_view s = name->view();
    if (s == "__defaults__") return obj_or_none(ts, f->defaults);
    if (s == "__kwdefaults__") return obj_or_none(ts, f->kwdefaults);
    if (s == "__closure__") return obj_or_none(ts, f->closure);
    if (s == "__globals__") return obj_or_none(ts, f->globals);
    if (s == "__code__") return obj_or_none(ts, f->code);
  }
  return generic_getattr(ts, self, name);
}

int function_setattr(ThreadState& ts, Value self, Str* name, Value value) {
  Function* f = as_function(self);
  const Names& n = ts.names();
  std::string_view s = name->view();
  auto need = [&](bool ok, const char* what) {
    if (!ok) raisef(ts, ts.exc_types().TypeError, "{} must be set to {}", s, what);
    return ok;
  };
  if (name_is(name, n.__name__) || name_is(name, n.__qualname__)) {
    if (!need(value && is_str(value), "a string object")) return -1;
    Str** field = name_is(name, n.__name__) ? &f->name : &f->qualname;
    incref(value);
    decref(*field);
    *field = as_str(value);
    return 0;
  }
  if (name_is(name, n.__module__) || name_is(name, n.__doc__)) {
    Value& field = name_is(name, n.__module__) ? f->module : f->doc;
    Value old = field;
    field = value ? newref(value) : Value::null();
    decref(old);
    return 0;
  }
  if (s == "__defaults__") {
    bool none = !value || value.is(ts.none());
    if (!need(none || is_tuple(value), "a tuple object")) return -1;
    if (f->defaults) decref(f->defaults);
    f->defaults = none ? nullptr : as_tuple(newref(value));
    return 0;
  }
  if (s == "__kwdefaults__") {
    bool none = !value || value.is(ts.none());
    if (!need(none || is_dict(value), "a dict object")) return -1;
    if (f->kwdefaults) decref(f->kwdefaults);
    f->kwdefaults = none ? nullptr : as_dict(newref(value));
    return 0;
  }
  return generic_setattr(ts, self, name, value);
}

// --------------------------------------------------------------- builtin

void builtin_dealloc(Object* self) { decref(static_cast<Builtin*>(self)->self); }

Value builtin_repr(ThreadState& ts, Value self) {
  Builtin* b = static_cast<Builtin*>(self.as_object());
  if (b->self) {
    if (is_module(b->self)) return str_new(ts, fmt::format("<built-in function {}>", b->name));
    return str_new(ts, fmt::format("<built-in method {} of {} object at {}>", b->name,
                                   type_name(ts, b->self),
                                   b->self.is_object() ? addr(b->self) : nullptr));
  }
  if (b->is_method && b->owner)
    return str_new(ts, fmt::format("<method '{}' of '{}' objects>", b->name, b->owner->name->view()));
  return str_new(ts, fmt::format("<built-in function {}>", b->name));
}

Value builtin_call(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(ts, self, args, nargs, kwnames);
}

Value builtin_descr_get(ThreadState& ts, Value self, Value obj, Type*) {
  Builtin* b = static_cast<Builtin*>(self.as_object());
  if (!obj || !b->is_method || b->self) return newref(self);
  if (!builtin_self_check(ts, b, &obj, 1)) return Value::null();
  Value bound = builtin_new(ts, b->name, b->fn, obj);
  if (bound) {
    // Bound, it is no longer a method: stored in a class (`_next =
    // itertools.count().__next__`) it must not bind a second time.
    static_cast<Builtin*>(bound.as_object())->owner = b->owner;
  }
  return bound;
}

Value builtin_getattr(ThreadState& ts, Value self, Str* name) {
  Builtin* b = static_cast<Builtin*>(self.as_object());
  const Names& n = ts.names();
  if (name_is(name, n.__name__)) return str_new(ts, b->name);
  if (name_is(name, n.__qualname__)) {
    if (b->owner) return str_new(ts, fmt::format("{}.{}", b->owner->name->view(), b->name));
    return str_new(ts, b->name);
  }
  if (name_is(name, n.__doc__)) return newref(ts.none());
  if (name->view() == "__self__") return value_or_none(ts, b->self);
  if (name_is(name, n.__module__)) {
    if (b->self && is_module(b->self)) return newref(Value::from_object(as_module(b->self)->name));
    return b->owner ? newref(ts.none()) : newref(Value::from_object(str_intern(ts, "builtins")));
  }
  return generic_getattr(ts, self, name);
}

Value builtin_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !has_tag(other, Tag::Builtin))
    return newref(ts.interp->not_implemented);
  Builtin* a = static_cast<Builtin*>(self.as_object());
  Builtin* b = static_cast<Builtin*>(other.as_object());
  bool eq = a->fn == b->fn && a->self.is(b->self);
  return newref(ts.bool_value(op == CompareOp::Eq ? eq : !eq));
}

int64_t builtin_hash(ThreadState&, Value self) {
  Builtin* b = static_cast<Builtin*>(self.as_object());
  int64_t h = static_cast<int64_t>(reinterpret_cast<uintptr_t>(b->fn) >> 4) ^
              static_cast<int64_t>(b->self.raw() >> 4);
  return h == -1 ? -2 : h;
}

// ---------------------------------------------------------- bound method

void bound_method_dealloc(Object* self) {
  BoundMethod* m = static_cast<BoundMethod*>(self);
  decref(m->func);
  decref(m->self);
}

Value bound_method_repr(ThreadState& ts, Value self) {
  BoundMethod* m = static_cast<BoundMethod*>(self.as_object());
  Value qual = get_attr_optional(ts, m->func, ts.names().__qualname__);
  if (!qual && ts.has_error()) return Value::null();
  std::string name = qual && is_str(qual) ? std::string(as_str(qual)->view()) : "?";
  decref(qual);
  std::string self_repr;
  if (!repr_utf8(ts, m->self, &self_repr)) return Value::null();
  return str_new(ts, fmt::format("<bound method {} of {}>", name, self_repr));
}

Value bound_method_call(ThreadState& ts, Value self, const Value* args, size_t nargs,
                        Tuple* kwnames) {
  return call(ts, self, args, nargs, kwnames);
}

Value bound_method_getattr(ThreadState& ts, Value self, Str* name) {
  BoundMethod* m = static_cast<BoundMethod*>(self.as_object());
  std::string_view s = name->view();
  if (s == "__self__") return newref(m->self);
  if (s == "__func__") return newref(m->func);
  if (name_is(name, ts.names().__class__)) return newref(Value::from_object(type_of(ts, self)));
  // Everything else (__name__, __doc__, __dict__ entries) comes from the function.
  return get_attr(ts, m->func, name);
}

Value bound_method_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !has_tag(other, Tag::BoundMethod))
    return newref(ts.interp->not_implemented);
  BoundMethod* a = static_cast<BoundMethod*>(self.as_object());
  BoundMethod* b = static_cast<BoundMethod*>(other.as_object());
  int eq = a->self.is(b->self) ? equal(ts, a->func, b->func) : 0;
  if (eq < 0) return Value::null();
  return newref(ts.bool_value(op == CompareOp::Eq ? eq : !eq));
}

int64_t bound_method_hash(ThreadState& ts, Value self) {
  BoundMethod* m = static_cast<BoundMethod*>(self.as_object());
  int64_t hf = hash(ts, m->func);
  if (hf == -1) return -1;
  int64_t h = hf ^ static_cast<int64_t>(m->self.raw() >> 4);
  return h == -1 ? -2 : h;
}

}  // namespace

Value cell_new(ThreadState& ts, Value value) {
  Cell* c = alloc<Cell>(ts, ts.types().cell, Tag::Cell);
  c->value = newref(value);
  return Value::from_object(c);
}

Value builtin_new(ThreadState& ts, const char* name, NativeFn fn, Value self) {
  Builtin* b = alloc<Builtin>(ts, ts.types().builtin_function, Tag::Builtin);
  b->name = name;
  b->fn = fn;
  b->self = newref(self);
  return Value::from_object(b);
}

Value bound_method_new(ThreadState& ts, Value func, Value self) {
  BoundMethod* m = alloc<BoundMethod>(ts, ts.types().method, Tag::BoundMethod);
  m->func = newref(func);
  m->self = newref(self);
  return Value::from_object(m);
}

Value function_new(ThreadState& ts, Code* code, Dict* globals) {
  Function* f = alloc<Function>(ts, ts.types().function, Tag::Function);
  incref(code);
  f->code = code;
  incref(globals);
  f->globals = globals;
  f->name = code->name;
  if (f->name) incref(f->name);
  f->qualname = code->qualname ? code->qualname : code->name;
  if (f->qualname) incref(f->qualname);
  if (Value mod = dict_get_str(globals, ts.names().__name__)) f->module = newref(mod);
  return Value::from_object(f);
}

void add_method(ThreadState& ts, Type* type, const char* name, NativeFn fn) {
  Value b = builtin_new(ts, name, fn);
  Builtin* bo = static_cast<Builtin*>(b.as_object());
  bo->owner = type;
  bo->is_method = true;
  dict_set(ts, type->dict, Value::from_object(str_intern(ts, name)), b);
  decref(b);
}

void add_function(ThreadState& ts, Dict* dict, const char* name, NativeFn fn) {
  Value b = builtin_new(ts, name, fn);
  dict_set(ts, dict, Value::from_object(str_intern(ts, name)), b);
  decref(b);
}

void init_function_types(ThreadState& ts) {
  BuiltinTypes& types = ts.interp->types;

  Type* cell = new_builtin_type(ts, "cell", nullptr, Tag::Cell, sizeof(Cell));
  cell->slots.dealloc = cell_dealloc;
  cell->slots.repr = cell_repr;
  types.cell = cell;

  Type* function = new_builtin_type(ts, "function", nullptr, Tag::Function, sizeof(Function));
  function->slots.dealloc = function_dealloc;
  function->slots.repr = function_repr;
  function->slots.call = function_call;
  function->slots.descr_get = function_descr_get;
  function->slots.getattr = function_getattr;
  function->slots.setattr = function_setattr;
  types.function = function;

  Type* builtin = new_builtin_type(ts, "builtin_function_or_method", nullptr, Tag::Builtin,
                                   sizeof(Builtin));
  builtin->slots.dealloc = builtin_dealloc;
  builtin->slots.repr = builtin_repr;
  builtin->slots.call = builtin_call;
  builtin->slots.descr_get = builtin_descr_get;
  builtin->slots.getattr = builtin_getattr;
  builtin->slots.compare = builtin_compare;
  builtin->slots.hash = builtin_hash;
  types.builtin_function = builtin;

  Type* method = new_builtin_type(ts, "method", nullptr, Tag::BoundMethod, sizeof(BoundMethod));
  method->slots.dealloc = bound_method_dealloc;
  method->slots.repr = bound_method_repr;
  method->slots.call = bound_method_call;
  method->slots.getattr = bound_method_getattr;
  method->slots.compare = bound_method_compare;
  method->slots.hash = bound_method_hash;
  types.method = method;
}

bool builtin_self_check(ThreadState& ts, const Builtin* b, const Value* args, size_t nargs) {
  if (!b->is_method || !b->owner || std::strcmp(b->name, "__new__") == 0) return true;
  std::string_view owner = b->owner->name->view();
  bool dunder = std::strncmp(b->name, "__", 2) == 0;
  if (nargs == 0) {
    if (dunder) {
      raisef(ts, ts.exc_types().TypeError, "descriptor '{}' of '{}' object needs an argument", b->name, owner);
    } else {
      raisef(ts, ts.exc_types().TypeError, "unbound method {}.{}() needs an argument", owner, b->name);
    }
    return false;
  }
  Type* t = type_of(ts, args[0]);
  if (t == b->owner || is_subtype(t, b->owner)) return true;
  if (dunder) {
    raisef(ts, ts.exc_types().TypeError, "descriptor '{}' requires a '{}' object but received a '{}'", b->name,
           owner, t->name->view());
  } else {
    raisef(ts, ts.exc_types().TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", b->name,
           owner, t->name->view());
  }
  return false;
}

}  // namespace gilvm
