// property, staticmethod and classmethod: the descriptors a class body
// builds with decorators.
//
// Each is a small object holding callables; what it does happens in its
// descr_get slot, which generic_getattr calls when the attribute is found on
// the type. property is a data descriptor (it also defines __set__ and
// __delete__), so it wins over the instance dict; the other two are not.
#include <string>

#include <fmt/core.h>

#include "runtime/args.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

struct Property : Object {
  Value fget, fset, fdel, doc;  // each may be null
  Value name;                   // from __set_name__, for error messages; may be null
};

// staticmethod and classmethod share a layout: the wrapped callable.
struct MethodWrapper : Object {
  Value func;
};

Value or_none(ThreadState& ts, Value v) { return newref(v ? v : ts.none()); }
Value none_to_null(ThreadState& ts, Value v) { return v && !v.is(ts.none()) ? v : Value::null(); }

Property* as_property(Value v) { return static_cast<Property*>(v.as_object()); }

void property_dealloc(Object* self) {
  Property* p = static_cast<Property*>(self);
  decref(p->fget);
  decref(p->fset);
  decref(p->fdel);
  decref(p->doc);
  decref(p->name);
}

Value property_make(ThreadState& ts, Type* type, Value fget, Value fset, Value fdel, Value doc,
                    Value name) {
  Property* p = alloc<Property>(ts, type, Tag::Property);
  p->fget = newref(none_to_null(ts, fget));
  p->fset = newref(none_to_null(ts, fset));
  p->fdel = newref(none_to_null(ts, fdel));
  Value d = none_to_null(ts, doc);
  if (!d && p->fget) {
    d = get_attr_optional(ts, p->fget, ts.names().__doc__);
    if (!d && ts.has_error()) ts.clear_error();
    p->doc = d && !d.is(ts.none()) ? d : Value::null();
    if (d && d.is(ts.none())) decref(d);
  } else {
    p->doc = newref(d);
  }
  p->name = newref(name);
  return Value::from_object(p);
}

Value property_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                         Tuple* kwnames) {
  Value out[4] = {};
  if (!parse_args(ts, "property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, -1, out))
    return Value::null();
  return property_make(ts, type, out[0], out[1], out[2], out[3], Value::null());
}

std::string property_name(ThreadState& ts, Property* p) {
  if (p->name && is_str(p->name)) return std::string(as_str(p->name)->view());
  if (p->fget) {
    Value n = get_attr_optional(ts, p->fget, ts.names().__name__);
    if (!n) ts.clear_error();
    std::string s = n && is_str(n) ? std::string(as_str(n)->view()) : "";
    decref(n);
    return s;
  }
  return "";
}

Value property_missing(ThreadState& ts, Property* p, Value obj, const char* what) {
  std::string name = property_name(ts, p);
  return raisef(ts, ts.exc_types().AttributeError, "property '{}' of '{}' object has no {}", name,
                type_name(ts, obj), what);
}

Value property_descr_get(ThreadState& ts, Value self, Value obj, Type*) {
  Property* p = as_property(self);
  if (!obj) return newref(self);
  if (!p->fget) return property_missing(ts, p, obj, "getter");
  return call(ts, p->fget, &obj, 1);
}

Value m_property_get(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__get__", nargs, kwnames, 2, 3)) return Value::null();
  Value obj = args[1].is(ts.none()) ? Value::null() : args[1];
  return property_descr_get(ts, args[0], obj, nullptr);
}

Value m_property_set(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__set__", nargs, kwnames, 3, 3)) return Value::null();
  Property* p = as_property(args[0]);
  if (!p->fset) return property_missing(ts, p, args[1], "setter");
  Value argv[2] = {args[1], args[2]};
  return call(ts, p->fset, argv, 2);
}

Value m_property_delete(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__delete__", nargs, kwnames, 2, 2)) return Value::null();
  Property* p = as_property(args[0]);
  if (!p->fdel) return property_missing(ts, p, args[1], "deleter");
  return call(ts, p->fdel, &args[1], 1);
}

Value m_property_set_name(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__set_name__", nargs, kwnames, 3, 3)) return Value::null();
  Property* p = as_property(args[0]);
  decref(p->name);
  p->name = newref(args[2]);
  return newref(ts.none());
}

// getter/setter/deleter: a copy with one accessor replaced.
Value property_copy(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, int which) {
  if (!check_positional(ts, which == 0 ? "getter" : which == 1 ? "setter" : "deleter", nargs, kwnames,
                        2, 2))
    return Value::null();
  Property* p = as_property(args[0]);
  Value accessors[3] = {p->fget, p->fset, p->fdel};
  accessors[which] = args[1];
  // A doc taken from the old getter follows the new getter.
  return property_make(ts, type_of(ts, args[0]), accessors[0], accessors[1], accessors[2],
                       which == 0 ? Value::null() : p->doc, p->name);
}
Value m_getter(ThreadState& ts, const Value* a, size_t n, Tuple* k) { return property_copy(ts, a, n, k, 0); }
Value m_setter(ThreadState& ts, const Value* a, size_t n, Tuple* k) { return property_copy(ts, a, n, k, 1); }
Value m_deleter(ThreadState& ts, const Value* a, size_t n, Tuple* k) { return property_copy(ts, a, n, k, 2); }

Value property_getattr(ThreadState& ts, Value self, Str* name) {
  Property* p = as_property(self);
  std::string_view n = name->view();
  if (n == "fget") return or_none(ts, p->fget);
  if (n == "fset") return or_none(ts, p->fset);
  if (n == "fdel") return or_none(ts, p->fdel);
  if (n == "__doc__") return or_none(ts, p->doc);
  return generic_getattr(ts, self, name);
}

// ------------------------------------------------- staticmethod/classmethod

void wrapper_dealloc(Object* self) {
  MethodWrapper* w = static_cast<MethodWrapper*>(self);
  decref(w->func);
}

Value wrapper_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                        Tuple* kwnames) {
  const char* tn = type == ts.types().staticmethod ? "staticmethod" : "classmethod";
  if (kwnames && kwnames->size)
    return raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", tn);
  if (nargs != 1)
    return raisef(ts, ts.exc_types().TypeError, "{} expected 1 argument, got {}", tn, nargs);
  MethodWrapper* w = alloc<MethodWrapper>(ts, type, type->instance_tag);
  w->func = newref(args[0]);
  return Value::from_object(w);
}

Value wrapper_repr(ThreadState& ts, Value self) {
  MethodWrapper* w = static_cast<MethodWrapper*>(self.as_object());
  std::string inner;
  if (!repr_utf8(ts, w->func, &inner)) return Value::null();
  return str_new(ts, fmt::format("<{}({})>", type_name(ts, self), inner));
}

Value wrapper_getattr(ThreadState& ts, Value self, Str* name) {
  MethodWrapper* w = static_cast<MethodWrapper*>(self.as_object());
  std::string_view n = name->view();
  if (n == "__func__" || n == "__wrapped__") return newref(w->func);
  if (n == "__name__" || n == "__qualname__" || n == "__doc__" || n == "__module__")
    return get_attr(ts, w->func, name);
  return generic_getattr(ts, self, name);
}

Value staticmethod_descr_get(ThreadState&, Value self, Value, Type*) {
  return newref(static_cast<MethodWrapper*>(self.as_object())->func);
}

Value staticmethod_call(ThreadState& ts, Value self, const Value* args, size_t nargs,
                        Tuple* kwnames) {
  return call(ts, static_cast<MethodWrapper*>(self.as_object())->func, args, nargs, kwnames);
}

Value classmethod_descr_get(ThreadState& ts, Value self, Value obj, Type* owner) {
  Value cls = owner ? Value::from_object(owner) : Value::from_object(type_of(ts, obj));
  if (obj && !owner) cls = Value::from_object(type_of(ts, obj));
  return bound_method_new(ts, static_cast<MethodWrapper*>(self.as_object())->func, cls);
}

// Read-only attributes of numbers (x.real, x.numerator, ...), as properties
// whose getter is a native function.
Value num_self(ThreadState& ts, const Value* args, size_t, Tuple*) {
  Value v = args[0];
  if (has_layout(v, Tag::Bool)) return Value::from_small(v.is(ts.interp->true_) ? 1 : 0);
  if (has_layout(v, Tag::Float) && !is_float(v)) return float_new(ts, float_value(v));
  return newref(v);
}
Value num_zero(ThreadState& ts, const Value* args, size_t, Tuple*) {
  return has_layout(args[0], Tag::Float) ? float_new(ts, 0.0) : Value::from_small(0);
}
Value num_one(ThreadState&, const Value*, size_t, Tuple*) { return Value::from_small(1); }

void add_getter(ThreadState& ts, Type* type, const char* name, NativeFn fn) {
  Value getter = builtin_new(ts, name, fn);
  Value p = property_make(ts, ts.types().property, getter, Value::null(), Value::null(),
                          Value::null(), Value::from_object(str_intern(ts, name)));
  type_set_attr(ts, type, name, p);
  decref(p);
  decref(getter);
}

}  // namespace

void init_descriptor_types(ThreadState& ts) {
  BuiltinTypes& types = ts.interp->types;

  Type* prop = new_builtin_type(ts, "property", nullptr, Tag::Property, sizeof(Property));
  prop->slots.dealloc = property_dealloc;
  prop->slots.construct = property_construct;
  prop->slots.descr_get = property_descr_get;
  prop->slots.getattr = property_getattr;
  add_method(ts, prop, "__get__", m_property_get);
  add_method(ts, prop, "__set__", m_property_set);
  add_method(ts, prop, "__delete__", m_property_delete);
  add_method(ts, prop, "__set_name__", m_property_set_name);
  add_method(ts, prop, "getter", m_getter);
  add_method(ts, prop, "setter", m_setter);
  add_method(ts, prop, "deleter", m_deleter);
  types.property = prop;

  Type* sm = new_builtin_type(ts, "staticmethod", nullptr, Tag::StaticMethod, sizeof(MethodWrapper));
  sm->slots.dealloc = wrapper_dealloc;
  sm->slots.construct = wrapper_construct;
  sm->slots.repr = wrapper_repr;
  sm->slots.getattr = wrapper_getattr;
  sm->slots.descr_get = staticmethod_descr_get;
  sm->slots.call = staticmethod_call;
  types.staticmethod = sm;

  Type* cm = new_builtin_type(ts, "classmethod", nullptr, Tag::ClassMethod, sizeof(MethodWrapper));
  cm->slots.dealloc = wrapper_dealloc;
  cm->slots.construct = wrapper_construct;
  cm->slots.repr = wrapper_repr;
  cm->slots.getattr = wrapper_getattr;
  cm->slots.descr_get = classmethod_descr_get;
  types.classmethod = cm;

  add_getter(ts, types.int_, "real", num_self);
  add_getter(ts, types.int_, "imag", num_zero);
  add_getter(ts, types.int_, "numerator", num_self);
  add_getter(ts, types.int_, "denominator", num_one);
  add_getter(ts, types.float_, "real", num_self);
  add_getter(ts, types.float_, "imag", num_zero);
}

}  // namespace gilvm
