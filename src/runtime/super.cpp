// super: attribute lookup that starts after a given class in an object's
// MRO, so a method can reach the definition it overrides.
//
// Zero-argument super() reads what the compiler left in the calling frame:
// the implicit __class__ cell (a free variable of every method that mentions
// super or __class__) and the first parameter. Reading the frame is what
// CPython does too; the trade-off is that super() only works in a function
// defined in a class body, exactly as in CPython.
#include <string>

#include <fmt/core.h>

#include "compiler/code.h"
#include "runtime/exceptions.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/list.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

struct Super : Object {
  Type* start;     // the class given (or __class__): lookup begins after it
  Value obj;       // the instance or class methods bind to; null when unbound
  Type* obj_type;  // whose MRO is walked: type(obj), or obj itself for a class
};

void super_dealloc(Object* self) { decref(static_cast<Super*>(self)->obj); }

// The type whose MRO super(start, obj) walks, or null with TypeError.
Type* super_check(ThreadState& ts, Type* start, Value obj) {
  if (has_layout(obj, Tag::Type) && is_subtype(static_cast<Type*>(obj.as_object()), start))
    return static_cast<Type*>(obj.as_object());
  Type* t = type_of(ts, obj);
  if (is_subtype(t, start)) return t;
  raise(ts, ts.exc_types().TypeError,
        "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

// super() with no arguments: __class__ and the first argument of the caller.
bool super_from_frame(ThreadState& ts, Type** start, Value* obj) {
  Frame* f = ts.frame;
  Type* rt = ts.exc_types().RuntimeError;
  if (!f || !f->func) {
    raise(ts, rt, "super(): no arguments");
    return false;
  }
  Code* code = f->code;
  if (code->argcount == 0 && !(code->flags & kCodeVarargs)) {
    raise(ts, rt, "super(): no arguments");
    return false;
  }
  Value first = f->localsplus[0];
  if (!first) {
    // The first parameter was moved into a cell (a closure captures it).
    for (size_t i = 0; i < code->cellvars.size(); ++i) {
      if (code->cell_param[i] == 0) {
        Value cell = f->cells()[i];
        if (cell) first = static_cast<Cell*>(cell.as_object())->value;
        break;
      }
    }
  }
  if (!first) {
    raise(ts, rt, "super(): arg[0] deleted");
    return false;
  }
  for (size_t i = 0; i < code->freevars.size(); ++i) {
    if (code->freevars[i]->view() != "__class__") continue;
    Value cell = f->cells()[code->cellvars.size() + i];
    Value cls = cell ? static_cast<Cell*>(cell.as_object())->value : Value::null();
    if (!cls) {
      raise(ts, rt, "super(): empty __class__ cell");
      return false;
    }
    if (!has_layout(cls, Tag::Type)) {
      raise(ts, rt, "super(): __class__ is not a type");
      return false;
    }
    *start = static_cast<Type*>(cls.as_object());
    *obj = first;
    return true;
  }
  raise(ts, rt, "super(): __class__ cell not found");
  return false;
}

Value super_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                      Tuple* kwnames) {
  if (kwnames && kwnames->size)
    return raise(ts, ts.exc_types().TypeError, "super() takes no keyword arguments");
  if (nargs > 2)
    return raisef(ts, ts.exc_types().TypeError, "super() takes at most 2 arguments ({} given)", nargs);
  Type* start = nullptr;
  Value obj = Value::null();
  if (nargs == 0) {
    if (!super_from_frame(ts, &start, &obj)) return Value::null();
  } else {
    if (!has_layout(args[0], Tag::Type))
      return raisef(ts, ts.exc_types().TypeError, "super() argument 1 must be a type, not {}",
                    type_name(ts, args[0]));
    start = static_cast<Type*>(args[0].as_object());
    if (nargs == 2 && !args[1].is(ts.none())) obj = args[1];
  }
  Type* obj_type = nullptr;
  if (obj) {
    obj_type = super_check(ts, start, obj);
    if (!obj_type) return Value::null();
  }
  Super* s = alloc<Super>(ts, type, Tag::Other);
  s->start = start;
  s->obj = newref(obj);
  s->obj_type = obj_type;
  return Value::from_object(s);
}

Value super_getattr(ThreadState& ts, Value self, Str* name) {
  Super* s = static_cast<Super*>(self.as_object());
  std::string_view n = name->view();
  if (s->obj_type && n != "__class__") {
    Tuple* mro = s->obj_type->mro;
    int64_t i = 0;
    while (i < mro->size && mro->items[i].as_object() != s->start) ++i;
    for (++i; i < mro->size; ++i) {
      Type* t = static_cast<Type*>(mro->items[i].as_object());
      if (!t->dict) continue;
      Value attr = dict_get_str(t->dict, name);
      if (!attr) continue;
      Type* at = type_of(ts, attr);
      if (!at->slots.descr_get) return newref(attr);
      // As in CPython: a class bound through super(C, cls) gets no instance.
      Value inst = s->obj.is(Value::from_object(s->obj_type)) ? Value::null() : s->obj;
      return at->slots.descr_get(ts, attr, inst, s->obj_type);
    }
  }
  if (n == "__thisclass__") return newref(Value::from_object(s->start));
  if (n == "__self__") return newref(s->obj ? s->obj : ts.none());
  if (n == "__self_class__")
    return newref(s->obj_type ? Value::from_object(s->obj_type) : ts.none());
  if (n == "__class__") return newref(Value::from_object(type_of(ts, self)));
  return raisef(ts, ts.exc_types().AttributeError, "'super' object has no attribute '{}'", n);
}

Value super_repr(ThreadState& ts, Value self) {
  Super* s = static_cast<Super*>(self.as_object());
  std::string start = type_qualified_name(ts, s->start, true);
  if (!s->obj_type) return str_new(ts, fmt::format("<super: <class '{}'>, NULL>", start));
  return str_new(ts, fmt::format("<super: <class '{}'>, <{} object>>", start,
                                 type_qualified_name(ts, s->obj_type, true)));
}

}  // namespace

void init_super_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "super", nullptr, Tag::Other, sizeof(Super));
  t->slots.dealloc = super_dealloc;
  t->slots.construct = super_construct;
  t->slots.getattr = super_getattr;
  t->slots.repr = super_repr;
  ts.interp->types.super_ = t;
}

}  // namespace gilvm
