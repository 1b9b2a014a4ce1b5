// Module objects: a name and the dict that is the module's global scope.
//
// Attribute access reads and writes the globals dict directly, so
// `math.pi` and a global lookup inside math see the same entry; the few
// attributes every object has (__class__, __dict__) are answered first.
#include "runtime/module.h"

#include <fmt/core.h>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

inline bool name_is(Str* name, Str* interned) {
  return name == interned || (!name->interned && str_equal(name, interned));
}

// The module's name as its dict says (a script may rebind __name__).
std::string_view module_name(ThreadState& ts, Module* m) {
  Value n = dict_get_str(m->dict, ts.names().__name__);
  if (n && is_str(n)) return as_str(n)->view();
  return m->name ? m->name->view() : std::string_view("?");
}

void module_dealloc(Object* self) {
  Module* m = static_cast<Module*>(self);
  if (m->name) decref(m->name);
  if (m->dict) decref(m->dict);
}

Value module_repr(ThreadState& ts, Value self) {
  Module* m = as_module(self);
  std::string_view name = module_name(ts, m);
  Value file = dict_get_str(m->dict, ts.names().__file__);
  if (file && is_str(file))
    return str_new(ts, fmt::format("<module '{}' from '{}'>", name, as_str(file)->view()));
  return str_new(ts, fmt::format("<module '{}' (built-in)>", name));
}

Value module_getattr(ThreadState& ts, Value self, Str* name) {
  Module* m = as_module(self);
  if (Value v = dict_get_str(m->dict, name)) return newref(v);
  const Names& n = ts.names();
  if (name_is(name, n.__dict__)) return newref(Value::from_object(m->dict));
  if (name_is(name, n.__class__)) return newref(Value::from_object(type_of(ts, self)));
  // Methods of the module type itself (none yet, but __repr__ & co. via object).
  if (Value attr = type_lookup(type_of(ts, self), name)) {
    Type* at = type_of(ts, attr);
    if (at->slots.descr_get) return at->slots.descr_get(ts, attr, self, type_of(ts, self));
    return newref(attr);
  }
  // PEP 562: a module-level __getattr__ handles the rest.
  if (Value hook = dict_get_str(m->dict, n.__getattr__)) {
    Value arg = Value::from_object(name);
    return call(ts, hook, &arg, 1);
  }
  return raisef(ts, ts.exc_types().AttributeError, "module '{}' has no attribute '{}'",
                module_name(ts, m), name->view());
}

int module_setattr(ThreadState& ts, Value self, Str* name, Value value) {
  Module* m = as_module(self);
  if (value) return dict_set(ts, m->dict, Value::from_object(name), value) ? 0 : -1;
  int r = dict_del(ts, m->dict, Value::from_object(name));
  if (r == 0)
    raisef(ts, ts.exc_types().AttributeError, "'module' object has no attribute '{}'",
           name->view());
  return r > 0 ? 0 : -1;
}

}  // namespace

Value module_new(ThreadState& ts, std::string_view name) {
  Value d = dict_new(ts);
  if (!d) return d;
  Value n = str_new(ts, name);
  if (!n) {
    decref(d);
    return n;
  }
  Module* m = alloc<Module>(ts, ts.types().module, Tag::Module);
  m->name = as_str(n);
  m->dict = as_dict(d);
  m->initializing = false;
  const Names& names = ts.names();
  Value none = ts.none();
  bool ok = dict_set(ts, m->dict, Value::from_object(names.__name__), n) &&
            dict_set(ts, m->dict, Value::from_object(names.__doc__), none) &&
            dict_set(ts, m->dict, Value::from_object(names.__package__), none) &&
            dict_set(ts, m->dict, Value::from_object(names.__spec__), none);
  if (!ok) {
    decref(Value::from_object(m));
    return Value::null();
  }
  return Value::from_object(m);
}

void init_module_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "module", nullptr, Tag::Module, sizeof(Module));
  t->slots.dealloc = module_dealloc;
  t->slots.repr = module_repr;
  t->slots.getattr = module_getattr;
  t->slots.setattr = module_setattr;
  ts.interp->types.module = t;
}

}  // namespace gilvm
