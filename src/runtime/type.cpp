// Type objects: `type` and `object`, creation of built-in types, and the
// generic attribute protocol (type MRO + instance dict).
//
// Slots are copied from the base when a type is created rather than looked
// up along the MRO at each operation: dispatch is then one indirect call,
// at the price that a slot set on a base later does not reach subclasses
// (built-in types are complete before anything subclasses them; user
// classes are the class builder's concern).
#include "runtime/type.h"

#include <fmt/core.h>

#include <cstring>
#include <vector>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/args.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// True when `name` spells the interned `interned`. Names from user code
// (getattr(obj, s)) need not be interned, so pointer equality alone is not
// enough; interned ones never need the byte comparison.
inline bool name_is(Str* name, Str* interned) {
  return name == interned || (!name->interned && str_equal(name, interned));
}

Type* raw_type(ThreadState& ts, Type* metatype, Tag instance_tag, size_t basic_size) {
  Type* t = alloc<Type>(ts, metatype, Tag::Type);
  make_immortal(t);
  t->instance_tag = instance_tag;
  t->basic_size = static_cast<uint32_t>(basic_size);
  t->is_builtin = true;
  return t;
}

// Fills name, dict, bases and mro once str, dict and tuple can be created.
void finish_type(ThreadState& ts, Type* t, const char* name) {
  t->name = str_intern(ts, name);
  t->dict = as_dict(dict_new(ts));
  if (!t->base) {
    t->bases = as_tuple(tuple_new(ts, 0));
    t->mro = as_tuple(tuple_pack(ts, {Value::from_object(t)}));
    return;
  }
  t->bases = as_tuple(tuple_pack(ts, {Value::from_object(t->base)}));
  Tuple* base_mro = t->base->mro;
  Tuple* mro = as_tuple(tuple_new(ts, base_mro->size + 1));
  mro->items[0] = newref(Value::from_object(t));
  for (int64_t i = 0; i < base_mro->size; i++) mro->items[i + 1] = newref(base_mro->items[i]);
  t->mro = mro;
}

Value new_str(ThreadState& ts, const std::string& s) { return str_new(ts, s); }

// ---------------------------------------------------------------- object

void object_dealloc(Object* self) {
  Instance* inst = static_cast<Instance*>(self);
  if (inst->dict) {
    Dict* d = inst->dict;
    inst->dict = nullptr;
    decref(d);
  }
}

Value object_repr(ThreadState& ts, Value self) {
  Type* t = type_of(ts, self);
  return new_str(ts, fmt::format("<{} object at {}>", type_qualified_name(ts, t),
                                 static_cast<const void*>(self.as_object())));
}

int64_t object_hash(ThreadState&, Value self) {
  // CPython's default hash: the address rotated by 4, since the low bits of
  // an aligned pointer are always zero.
  uint64_t p = self.raw();
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

Value object_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (op == CompareOp::Eq && self.is(other)) return newref(ts.bool_value(true));
  if (op == CompareOp::Ne && self.is(other)) return newref(ts.bool_value(false));
  return newref(ts.interp->not_implemented);
}

Value object_init(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs > 1 || (kwnames && kwnames->size > 0))
    return raise(ts, ts.exc_types().TypeError,
                 "object.__init__() takes exactly one argument (the instance to initialize)");
  return newref(ts.none());
}

bool is_object_init(Value init) {
  return has_tag(init, Tag::Builtin) && static_cast<Builtin*>(init.as_object())->fn == object_init;
}

Value object_new_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1) return raise(ts, ts.exc_types().TypeError, "object.__new__(): not enough arguments");
  if (!has_layout(args[0], Tag::Type)) {
    std::string tn(type_name(ts, args[0]));
    return raisef(ts, ts.exc_types().TypeError, "object.__new__(X): X is not a type object ({})", tn);
  }
  return object_new_instance(ts, static_cast<Type*>(args[0].as_object()));
}

Value object_repr_method(ThreadState& ts, const Value* args, size_t, Tuple*) {
  return object_repr(ts, args[0]);
}
Value object_str_method(ThreadState& ts, const Value* args, size_t, Tuple*) {
  return repr(ts, args[0]);
}
Value object_hash_method(ThreadState& ts, const Value* args, size_t, Tuple*) {
  return int_from_i64(ts, object_hash(ts, args[0]));
}
Value object_eq_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(ts, ts.exc_types().TypeError, "expected 1 argument");
  return object_compare(ts, args[0], args[1], CompareOp::Eq);
}
// object.__lt__ and friends: ordering is left to the other operand.
Value object_order_method(ThreadState& ts, const Value*, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(ts, ts.exc_types().TypeError, "expected 1 argument");
  return newref(ts.interp->not_implemented);
}
Value object_ne_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(ts, ts.exc_types().TypeError, "expected 1 argument");
  // Like CPython: the inverse of __eq__ unless that is NotImplemented.
  Value eq = compare(ts, args[0], args[1], CompareOp::Eq);
  if (!eq || eq.is(ts.interp->not_implemented)) return eq;
  int t = truthy(ts, eq);
  decref(eq);
  if (t < 0) return Value::null();
  return newref(ts.bool_value(!t));
}
Value object_setattr_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 3 || !is_str_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "expected 2 arguments: name, value");
  if (generic_setattr(ts, args[0], as_str(args[1]), args[2]) < 0) return Value::null();
  return newref(ts.none());
}
Value object_delattr_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2 || !is_str_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "expected 1 argument: name");
  if (generic_setattr(ts, args[0], as_str(args[1]), Value::null()) < 0) return Value::null();
  return newref(ts.none());
}
Value object_getattribute_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2 || !is_str_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "expected 1 argument: name");
  return generic_getattr(ts, args[0], as_str(args[1]));
}
Value object_format_method(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2 || !is_str_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "format spec must be a str");
  if (as_str(args[1])->nbytes != 0) {
    std::string tn(type_name(ts, args[0]));
    return raisef(ts, ts.exc_types().TypeError, "unsupported format string passed to {}.__format__",
                  tn);
  }
  return to_str(ts, args[0]);
}

// ------------------------------------------------------------------ type

Value type_repr(ThreadState& ts, Value self) {
  Type* t = static_cast<Type*>(self.as_object());
  return new_str(ts, fmt::format("<class '{}'>", type_qualified_name(ts, t)));
}

Value type_dict_copy(ThreadState& ts, Type* t) {
  Value copy = dict_new(ts);
  if (!copy) return copy;
  Value k, v;
  for (int64_t pos = 0; dict_next(t->dict, &pos, &k, &v);) {
    if (!dict_set(ts, as_dict(copy), k, v)) {
      decref(copy);
      return Value::null();
    }
  }
  return copy;
}

// Bind an attribute found on a type's MRO as the descriptor protocol says.
Value bind_attr(ThreadState& ts, Value attr, Value obj, Type* owner) {
  Type* at = type_of(ts, attr);
  if (at->slots.descr_get) return at->slots.descr_get(ts, attr, obj, owner);
  return newref(attr);
}

Value type_getattr(ThreadState& ts, Value self, Str* name) {
  Type* t = static_cast<Type*>(self.as_object());
  const Names& n = ts.names();
  // The metatype's data descriptors win over the type's own dict.
  if (name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_') {
    if (name_is(name, n.__name__)) return newref(Value::from_object(t->name));
    if (name_is(name, n.__qualname__)) {
      Value q = t->dict ? dict_get_str(t->dict, n.__qualname__) : Value::null();
      return newref(q ? q : Value::from_object(t->name));
    }
    if (name_is(name, n.__module__)) {
      Value m = t->is_builtin ? Value::null() : dict_get_str(t->dict, n.__module__);
      return m ? newref(m) : newref(Value::from_object(str_intern(ts, "builtins")));
    }
    if (name_is(name, n.__doc__)) {
      Value d = dict_get_str(t->dict, n.__doc__);
      return newref(d ? d : ts.none());
    }
    if (name_is(name, n.__dict__)) return type_dict_copy(ts, t);
    if (name_is(name, n.__mro__)) return newref(Value::from_object(t->mro));
    if (name_is(name, n.__bases__)) return newref(Value::from_object(t->bases));
    if (name_is(name, n.__base__))
      return newref(t->base ? Value::from_object(t->base) : ts.none());
    if (name_is(name, n.__class__)) return newref(Value::from_object(type_of(ts, self)));
  }
  if (Value attr = type_lookup(t, name)) return bind_attr(ts, attr, Value::null(), t);
  Type* meta = type_of(ts, self);
  if (Value attr = type_lookup(meta, name)) return bind_attr(ts, attr, self, meta);
  return raisef(ts, ts.exc_types().AttributeError, "type object '{}' has no attribute '{}'",
                t->name->view(), name->view());
}

int type_setattr(ThreadState& ts, Value self, Str* name, Value value) {
  Type* t = static_cast<Type*>(self.as_object());
  ++ts.interp->type_epoch;
  if (t->is_builtin) {
    raisef(ts, ts.exc_types().TypeError, "cannot set '{}' attribute of immutable type '{}'",
           name->view(), t->name->view());
    return -1;
  }
  if (!value) {
    int r = dict_del(ts, t->dict, Value::from_object(name));
    if (r == 0)
      raisef(ts, ts.exc_types().AttributeError, "type object '{}' has no attribute '{}'",
             t->name->view(), name->view());
    if (r > 0) type_update_slots(ts, t);
    return r > 0 ? 0 : -1;
  }
  if (name_is(name, ts.names().__name__)) {
    if (!is_str(value)) {
      std::string tn(type_name(ts, value));
      raisef(ts, ts.exc_types().TypeError, "can only assign string to {}.__name__, not '{}'",
             t->name->view(), tn);
      return -1;
    }
    t->name = str_intern(ts, as_str(value)->view());
    return 0;
  }
  if (!dict_set(ts, t->dict, Value::from_object(name), value)) return -1;
  std::string_view s = name->view();
  if (s.size() > 4 && s.starts_with("__") && s.ends_with("__")) type_update_slots(ts, t);
  return 0;
}

Value type_construct(ThreadState& ts, Type* meta, const Value* args, size_t nargs,
                     Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nargs == 1 && nkw == 0 && meta == ts.types().type)
    return newref(Value::from_object(type_of(ts, args[0])));
  if (nargs != 3) return raise(ts, ts.exc_types().TypeError, "type() takes 1 or 3 arguments");
  if (!is_str(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "type.__new__() argument 1 must be str, not {}",
                  type_name(ts, args[0]));
  if (!is_tuple(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "type.__new__() argument 2 must be tuple, not {}",
                  type_name(ts, args[1]));
  if (!is_dict(args[2]))
    return raisef(ts, ts.exc_types().TypeError, "type.__new__() argument 3 must be dict, not {}",
                  type_name(ts, args[2]));
  return type_new_class(ts, meta, as_str(args[0]), as_tuple(args[1]), as_dict(args[2]), args + 3,
                        kwnames);
}

// function.__call__ and friends: call the object itself.
static Value callable_call_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(ts, ts.exc_types().TypeError, "descriptor '__call__' needs an argument");
  return call(ts, args[0], args + 1, nargs - 1, kwnames);
}

// The classes created with this one as a direct base, oldest first.
static Value type_subclasses_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__subclasses__", nargs - 1, kwnames, 0, 0)) return Value::null();
  if (!has_layout(args[0], Tag::Type))
    return raise(ts, ts.exc_types().TypeError, "descriptor '__subclasses__' requires a 'type' object");
  auto it = ts.interp->subclasses.find(static_cast<Type*>(args[0].as_object()));
  if (it == ts.interp->subclasses.end()) return list_new(ts);
  Value l = list_new(ts, static_cast<int64_t>(it->second.size()));
  if (!l) return l;
  for (size_t i = 0; i < it->second.size(); ++i) as_list(l)->items[i] = newref(Value::from_object(it->second[i]));
  return l;
}

Value type_mro_method(ThreadState& ts, const Value* args, size_t, Tuple*) {
  Type* t = static_cast<Type*>(args[0].as_object());
  return list_from_iterable(ts, Value::from_object(t->mro));
}


// ----------------------------------------------------------- user classes
//
// A user class gets slot functions that look the dunder method up on the
// instance's type at each call, so one wrapper serves every user class and
// a method reassigned later is still found. When the dunder is missing (a
// subclass of a built-in that overrides only some operators) the wrapper
// falls back to the slot of the nearest built-in base.

// The nearest base that fixes the layout of instances. A built-in type
// whose instances are laid out as its base's (LookupError, SystemError and
// most exceptions) is not solid, so `class E(LookupError, SystemError)`
// works, as in CPython.
Type* solid_base(Type* t) {
  while (t && !t->is_builtin) t = t->base;
  while (t && t->base && t->base->is_builtin && t->base->instance_tag == t->instance_tag &&
         t->base->basic_size == t->basic_size)
    t = t->base;
  return t;
}

// The attribute `name` along the MRO, and whether a user class defines it.
Value lookup_dunder(Type* t, Str* name, bool* user) {
  *user = false;
  Tuple* mro = t->mro;
  for (int64_t i = 0; i < mro->size; i++) {
    Type* c = static_cast<Type*>(mro->items[i].as_object());
    if (Value v = dict_get_str(c->dict, name)) {
      *user = !c->is_builtin;
      return v;
    }
  }
  return Value::null();
}

bool user_defines(Type* t, Str* name) {
  bool user;
  return lookup_dunder(t, name, &user) && user;
}

// Calls type(self).<name>(self, *args); `found` tells a missing method
// apart from one that raised.
Value call_dunder(ThreadState& ts, Value self, Str* name, const Value* args, size_t n,
                  bool* found = nullptr) {
  Type* t = type_of(ts, self);
  Value m = type_lookup(t, name);
  if (found) *found = !m.is_null();
  if (!m) return Value::null();
  if (is_function(m) || has_tag(m, Tag::Builtin)) {
    Value argv[4] = {self};
    for (size_t i = 0; i < n && i < 3; i++) argv[i + 1] = args[i];
    return call(ts, m, argv, n + 1);
  }
  Value bound = bind_attr(ts, m, self, t);
  if (!bound) return bound;
  Value r = call(ts, bound, args, n);
  decref(bound);
  return r;
}

Str* intern(ThreadState& ts, std::string_view s) { return str_intern(ts, s); }

constexpr const char* kBinaryNames[] = {"add", "sub",    "mul",    "matmul", "truediv",
                                        "floordiv", "mod", "pow", "lshift", "rshift",
                                        "and", "or",     "xor"};
static_assert(std::size(kBinaryNames) == static_cast<size_t>(BinaryOp::Count));
constexpr const char* kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
constexpr const char* kUnaryNames[] = {"__neg__", "__pos__", "__invert__"};

Value not_implemented(ThreadState& ts) { return newref(ts.interp->not_implemented); }

Value slot_repr(ThreadState& ts, Value self) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__repr__, nullptr, 0, &found);
  return found ? r : object_repr(ts, self);
}

Value slot_str(ThreadState& ts, Value self) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__str__, nullptr, 0, &found);
  return found ? r : repr(ts, self);
}

int64_t slot_hash(ThreadState& ts, Value self) {
  Value r = call_dunder(ts, self, ts.names().__hash__, nullptr, 0);
  if (!r) {
    if (!ts.has_error())
      raisef(ts, ts.exc_types().TypeError, "unhashable type: '{}'", type_name(ts, self));
    return -1;
  }
  if (!is_int_like(r)) {
    decref(r);
    raise(ts, ts.exc_types().TypeError, "__hash__ method should return an integer");
    return -1;
  }
  int64_t h = hash(ts, r);
  decref(r);
  return h;
}

Value slot_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  bool found;
  Value r = call_dunder(ts, self, intern(ts, kCompareNames[static_cast<int>(op)]), &other, 1, &found);
  if (found) return r;
  if (op == CompareOp::Ne) {
    // No __ne__: the inverse of __eq__, as object.__ne__ does.
    Value eq = call_dunder(ts, self, ts.names().__eq__, &other, 1, &found);
    if (!found) return not_implemented(ts);
    if (!eq || eq.is(ts.interp->not_implemented)) return eq;
    int t = truthy(ts, eq);
    decref(eq);
    if (t < 0) return Value::null();
    return newref(ts.bool_value(!t));
  }
  return object_compare(ts, self, other, op);
}

bool has_binary_wrapper(Type* t);

Value slot_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  Type* ta = type_of(ts, a);
  Type* tb = type_of(ts, b);
  const char* base = kBinaryNames[static_cast<int>(op)];
  bool try_reflected = tb != ta && has_binary_wrapper(tb);
  if (try_reflected && is_subtype(tb, ta)) {
    // A subclass that overrides the reflected method goes first.
    Str* rname = intern(ts, fmt::format("__r{}__", base));
    Value rb = type_lookup(tb, rname);
    if (rb && !rb.is(type_lookup(ta, rname))) {
      try_reflected = false;
      Value r = call_dunder(ts, b, rname, &a, 1);
      if (!r || !r.is(ts.interp->not_implemented)) return r;
      decref(r);
    }
  }
  if (has_binary_wrapper(ta)) {
    bool found;
    Value r = call_dunder(ts, a, intern(ts, fmt::format("__{}__", base)), &b, 1, &found);
    if (found && (!r || !r.is(ts.interp->not_implemented))) return r;
    decref(r);
  }
  if (try_reflected) {
    bool found;
    Value r = call_dunder(ts, b, intern(ts, fmt::format("__r{}__", base)), &a, 1, &found);
    if (found && (!r || !r.is(ts.interp->not_implemented))) return r;
    decref(r);
  }
  // A subclass of a built-in keeps the built-in's arithmetic.
  for (Type* t : {ta, tb}) {
    Type* sb = solid_base(t);
    if (sb && sb->slots.binary && sb->slots.binary != slot_binary) {
      Value r = sb->slots.binary(ts, op, a, b);
      if (!r || !r.is(ts.interp->not_implemented)) return r;
      decref(r);
    }
  }
  return not_implemented(ts);
}

bool has_binary_wrapper(Type* t) { return t->slots.binary == slot_binary; }

Value slot_inplace(ThreadState& ts, BinaryOp op, Value a, Value b) {
  bool found;
  Value r = call_dunder(ts, a, intern(ts, fmt::format("__i{}__", kBinaryNames[static_cast<int>(op)])),
                        &b, 1, &found);
  if (found) return r;
  Type* sb = solid_base(type_of(ts, a));
  if (sb && sb->slots.inplace) return sb->slots.inplace(ts, op, a, b);
  return not_implemented(ts);
}

Value slot_unary(ThreadState& ts, UnaryOp op, Value self) {
  bool found;
  Value r = call_dunder(ts, self, intern(ts, kUnaryNames[static_cast<int>(op)]), nullptr, 0, &found);
  if (found) return r;
  Type* sb = solid_base(type_of(ts, self));
  if (sb && sb->slots.unary) return sb->slots.unary(ts, op, self);
  return not_implemented(ts);
}

int64_t slot_len(ThreadState& ts, Value self) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__len__, nullptr, 0, &found);
  if (!found) {
    Type* sb = solid_base(type_of(ts, self));
    if (sb && sb->slots.len) return sb->slots.len(ts, self);
    raisef(ts, ts.exc_types().TypeError, "object of type '{}' has no len()", type_name(ts, self));
    return -1;
  }
  if (!r) return -1;
  if (!is_int_like(r)) {
    raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
           type_name(ts, r));
    decref(r);
    return -1;
  }
  int64_t n;
  bool ok = to_index(ts, r, &n);
  decref(r);
  if (!ok) return -1;
  if (n < 0) {
    raise(ts, ts.exc_types().ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

int slot_truthy(ThreadState& ts, Value self) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__bool__, nullptr, 0, &found);
  if (!found) {
    Type* t = type_of(ts, self);
    if (t->slots.len) {
      int64_t n = t->slots.len(ts, self);
      return n < 0 ? -1 : n > 0;
    }
    Type* sb = solid_base(t);
    if (sb && sb->slots.truthy) return sb->slots.truthy(ts, self);
    return 1;
  }
  if (!r) return -1;
  if (!has_tag(r, Tag::Bool)) {
    raisef(ts, ts.exc_types().TypeError, "__bool__ should return bool, returned {}", type_name(ts, r));
    decref(r);
    return -1;
  }
  return r.is(ts.interp->true_);
}

Value slot_getitem(ThreadState& ts, Value self, Value key) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__getitem__, &key, 1, &found);
  if (found) return r;
  Type* sb = solid_base(type_of(ts, self));
  if (sb && sb->slots.getitem) return sb->slots.getitem(ts, self, key);
  return raisef(ts, ts.exc_types().TypeError, "'{}' object is not subscriptable", type_name(ts, self));
}

int slot_setitem(ThreadState& ts, Value self, Value key, Value value) {
  bool found;
  Value argv[2] = {key, value};
  Value r = value ? call_dunder(ts, self, ts.names().__setitem__, argv, 2, &found)
                  : call_dunder(ts, self, ts.names().__delitem__, argv, 1, &found);
  if (!found) {
    Type* sb = solid_base(type_of(ts, self));
    if (sb && sb->slots.setitem) return sb->slots.setitem(ts, self, key, value);
    raisef(ts, ts.exc_types().TypeError, "'{}' object does not support item {}",
           type_name(ts, self), value ? "assignment" : "deletion");
    return -1;
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

int slot_contains(ThreadState& ts, Value self, Value item) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__contains__, &item, 1, &found);
  if (!found) {
    Type* sb = solid_base(type_of(ts, self));
    if (sb && sb->slots.contains) return sb->slots.contains(ts, self, item);
    raisef(ts, ts.exc_types().TypeError, "argument of type '{}' is not iterable", type_name(ts, self));
    return -1;
  }
  if (!r) return -1;
  int t = truthy(ts, r);
  decref(r);
  return t;
}

Value slot_iter(ThreadState& ts, Value self) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__iter__, nullptr, 0, &found);
  if (found) return r;
  Type* sb = solid_base(type_of(ts, self));
  if (sb && sb->slots.iter) return sb->slots.iter(ts, self);
  return raisef(ts, ts.exc_types().TypeError, "'{}' object is not iterable", type_name(ts, self));
}

Value slot_iternext(ThreadState& ts, Value self) {
  bool found;
  Value r = call_dunder(ts, self, ts.names().__next__, nullptr, 0, &found);
  if (!found) {
    Type* sb = solid_base(type_of(ts, self));
    if (sb && sb->slots.iternext) return sb->slots.iternext(ts, self);
    return raisef(ts, ts.exc_types().TypeError, "'{}' object is not an iterator", type_name(ts, self));
  }
  // StopIteration from __next__ means "exhausted": null without an error.
  if (!r && is_subtype(type_of(ts, ts.exc), ts.exc_types().StopIteration)) ts.clear_error();
  return r;
}

Value slot_call(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(ts, self);
  Value m = type_lookup(t, ts.names().__call__);
  if (!m) return raisef(ts, ts.exc_types().TypeError, "'{}' object is not callable", t->name->view());
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  std::vector<Value> argv(total + 1);
  argv[0] = self;
  for (size_t i = 0; i < total; i++) argv[i + 1] = args[i];
  return call(ts, m, argv.data(), nargs + 1, kwnames);
}

Value slot_getattr(ThreadState& ts, Value self, Str* name) {
  Value arg = Value::from_object(name);
  Value r = call_dunder(ts, self, intern(ts, "__getattribute__"), &arg, 1);
  if (r || !is_subtype(type_of(ts, ts.exc), ts.exc_types().AttributeError)) return r;
  Value hook = type_lookup(type_of(ts, self), ts.names().__getattr__);
  if (!hook) return r;
  ts.clear_error();
  return call_dunder(ts, self, ts.names().__getattr__, &arg, 1);
}

int slot_setattr(ThreadState& ts, Value self, Str* name, Value value) {
  Value argv[2] = {Value::from_object(name), value};
  Value r = value ? call_dunder(ts, self, ts.names().__setattr__, argv, 2)
                  : call_dunder(ts, self, ts.names().__delattr__, argv, 1);
  if (!r) return -1;
  decref(r);
  return 0;
}

Value slot_descr_get(ThreadState& ts, Value self, Value obj, Type* owner) {
  Value argv[2] = {obj ? obj : ts.none(), Value::from_object(owner)};
  return call_dunder(ts, self, ts.names().__get__, argv, 2);
}

Value call_with_first(ThreadState& ts, Value fn, Value first, const Value* args, size_t nargs,
                      Tuple* kwnames) {
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  std::vector<Value> argv(total + 1);
  argv[0] = first;
  for (size_t i = 0; i < total; i++) argv[i + 1] = args[i];
  return call(ts, fn, argv.data(), nargs + 1, kwnames);
}

// type(...) for a user class whose instances are not plain objects, or
// that defines __new__: __new__ (or the built-in base's constructor), then
// __init__ when the result is an instance of the class.
Value slot_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool user_new;
  Value new_fn = lookup_dunder(type, ts.names().__new__, &user_new);
  Value inst;
  Type* sb = solid_base(type);
  if (user_new) {
    inst = call_with_first(ts, new_fn, Value::from_object(type), args, nargs, kwnames);
  } else {
    if (!sb || !sb->slots.construct)
      return raisef(ts, ts.exc_types().TypeError, "cannot create '{}' instances", type->name->view());
    inst = sb->slots.construct(ts, type, args, nargs, kwnames);
    // These built-in constructors run __init__ themselves (list, dict, set
    // and tuple through run_subclass_init): calling it again here would
    // run a subclass's __init__ twice.
    switch (sb->instance_tag) {
      case Tag::Object: case Tag::Exception: case Tag::List: case Tag::Dict: case Tag::Set:
      case Tag::FrozenSet: case Tag::Tuple:
        return inst;
      default:
        break;
    }
  }
  if (!inst || !is_instance(ts, inst, type)) return inst;
  bool user_init;
  Value init = lookup_dunder(type, ts.names().__init__, &user_init);
  // After a user __new__, a mutable built-in base's __init__ fills the
  // instance (list.__init__(self, iterable)), as type.__call__ does.
  bool builtin_fill = false;
  if (user_new && !user_init && sb) {
    switch (sb->instance_tag) {
      case Tag::List: case Tag::Dict: case Tag::Set: case Tag::ByteArray:
        builtin_fill = init && !is_object_init(init);
        break;
      default:
        break;
    }
  }
  if (!user_init && !builtin_fill) return inst;
  Value r = call_with_first(ts, init, inst, args, nargs, kwnames);
  if (!r) {
    decref(inst);
    return r;
  }
  if (!r.is(ts.none())) {
    std::string tn(type_name(ts, r));
    decref(r);
    decref(inst);
    return raisef(ts, ts.exc_types().TypeError, "__init__() should return None, not '{}'", tn);
  }
  return inst;
}

bool acceptable_base(Type* b) {
  if (!b->is_builtin) return true;
  switch (b->instance_tag) {
    case Tag::Object: case Tag::Type: case Tag::BigInt: case Tag::Float: case Tag::Str:
    case Tag::Bytes: case Tag::ByteArray: case Tag::List: case Tag::Tuple: case Tag::Dict:
    case Tag::Set: case Tag::FrozenSet: case Tag::Exception:
      return true;
    default:
      return false;
  }
}

// C3 linearisation of `t` over its bases.
bool compute_mro(ThreadState& ts, Type* t, Tuple* bases, std::vector<Type*>* out) {
  std::vector<std::vector<Type*>> seqs;
  for (int64_t i = 0; i < bases->size; i++) {
    Tuple* m = static_cast<Type*>(bases->items[i].as_object())->mro;
    std::vector<Type*> s;
    for (int64_t j = 0; j < m->size; j++) s.push_back(static_cast<Type*>(m->items[j].as_object()));
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> direct;
  for (int64_t i = 0; i < bases->size; i++)
    direct.push_back(static_cast<Type*>(bases->items[i].as_object()));
  seqs.push_back(direct);
  out->push_back(t);
  for (;;) {
    bool any = false;
    for (auto& s : seqs) any |= !s.empty();
    if (!any) return true;
    Type* pick = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Type* head = s.front();
      bool in_tail = false;
      for (auto& o : seqs)
        for (size_t k = 1; k < o.size() && !in_tail; k++) in_tail = o[k] == head;
      if (!in_tail) {
        pick = head;
        break;
      }
    }
    if (!pick) {
      std::string names;
      for (Type* b : direct) names += (names.empty() ? "" : ", ") + std::string(b->name->view());
      raisef(ts, ts.exc_types().TypeError,
             "Cannot create a consistent method resolution\norder (MRO) for bases {}", names);
      return false;
    }
    out->push_back(pick);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
  }
}

Value type_new_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 4 || !has_layout(args[0], Tag::Type) || !is_str(args[1]) || !is_tuple(args[2]) ||
      !is_dict(args[3]))
    return raise(ts, ts.exc_types().TypeError, "type.__new__() takes exactly 3 arguments");
  return type_new_class(ts, static_cast<Type*>(args[0].as_object()), as_str(args[1]),
                        as_tuple(args[2]), as_dict(args[3]), args + 4, kwnames);
}

// int.__new__(cls, ...), str.__new__, ...: the built-in base's constructor
// applied to a subclass. Mutable containers start empty (their __init__
// fills them), as in CPython.
Value builtin_layout_new_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1 || !has_layout(args[0], Tag::Type))
    return raise(ts, ts.exc_types().TypeError, "__new__(): not enough arguments");
  Type* cls = static_cast<Type*>(args[0].as_object());
  Type* sb = solid_base(cls);
  if (!sb || !sb->slots.construct)
    return raisef(ts, ts.exc_types().TypeError, "cannot create '{}' instances", cls->name->view());
  switch (sb->instance_tag) {
    case Tag::List: case Tag::Dict: case Tag::Set: case Tag::ByteArray:
      return sb->slots.construct(ts, cls, nullptr, 0, nullptr);
    default:
      return sb->slots.construct(ts, cls, args + 1, nargs - 1, kwnames);
  }
}

// __get__ of the built-in descriptors (functions, staticmethod, classmethod):
// their descr_get slot called from Python.
Value descr_get_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2 || nargs > 3 || (kwnames && kwnames->size))
    return raisef(ts, ts.exc_types().TypeError, "expected 1 or 2 arguments, got {}", nargs ? nargs - 1 : 0);
  Value obj = args[1].is(ts.none()) ? Value::null() : args[1];
  Type* owner = nargs == 3 && has_layout(args[2], Tag::Type) ? static_cast<Type*>(args[2].as_object())
                                                               : nullptr;
  if (!obj && !owner) return raise(ts, ts.exc_types().TypeError, "__get__(None, None) is invalid");
  Type* t = type_of(ts, args[0]);
  return t->slots.descr_get(ts, args[0], obj, owner);
}

// object.__init_subclass__: accepts no keywords.
Value object_init_subclass(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((kwnames && kwnames->size) || nargs > 1) {
    std::string n = nargs && has_layout(args[0], Tag::Type)
                        ? std::string(static_cast<Type*>(args[0].as_object())->name->view())
                        : "object";
    return raisef(ts, ts.exc_types().TypeError, "{}.__init_subclass__() takes no keyword arguments", n);
  }
  return newref(ts.none());
}

Value type_init_method(ThreadState& ts, const Value*, size_t, Tuple*) { return newref(ts.none()); }

Value type_call_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1 || !has_layout(args[0], Tag::Type))
    return raise(ts, ts.exc_types().TypeError, "descriptor '__call__' requires a 'type' object");
  Type* t = static_cast<Type*>(args[0].as_object());
  if (!t->slots.construct)
    return raisef(ts, ts.exc_types().TypeError, "cannot create '{}' instances", t->name->view());
  return t->slots.construct(ts, t, args + 1, nargs - 1, kwnames);
}

}  // namespace

Value object_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                       Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  Value init = type_lookup(type, ts.names().__init__);
  bool custom_init = init && !is_object_init(init);
  if ((nargs || nkw) && !custom_init)
    return raisef(ts, ts.exc_types().TypeError, "{}() takes no arguments", type->name->view());
  Value self = object_new_instance(ts, type);
  if (!self || !custom_init) return self;

  // __init__(self, *args): prepend self without allocating for common arities.
  Value small[8];
  std::vector<Value> big;
  Value* argv = small;
  if (nargs + nkw + 1 > 8) {
    big.resize(nargs + nkw + 1);
    argv = big.data();
  }
  argv[0] = self;
  for (size_t i = 0; i < nargs + nkw; i++) argv[i + 1] = args[i];
  Value r = call(ts, init, argv, nargs + 1, kwnames);
  if (!r) {
    decref(self);
    return r;
  }
  if (!r.is(ts.none())) {
    std::string tn(type_name(ts, r));
    decref(r);
    decref(self);
    return raisef(ts, ts.exc_types().TypeError, "__init__() should return None, not '{}'", tn);
  }
  return self;
}


// ----------------------------------------------------------------- public

Dict** instance_dict_trailing_slot(Object* o) {
  switch (static_cast<Tag>(o->tag & ~kSubclassBit)) {
    case Tag::Object:
    case Tag::Exception:
    case Tag::Function:
    case Tag::Module:
    case Tag::Type:
    case Tag::Str:
    case Tag::Bytes:
      return nullptr;
    case Tag::Tuple: {
      auto* t = static_cast<Tuple*>(o);
      return reinterpret_cast<Dict**>(t->items + t->size);
    }
    default:
      break;
  }
  Type* solid = o->type;
  while (solid && !solid->is_builtin) solid = solid->base;
  if (!solid) return nullptr;
  return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + solid->basic_size);
}

Dict** instance_dict_slot(Value obj) {
  if (!obj.is_object()) return nullptr;
  Object* o = obj.as_object();
  switch (static_cast<Tag>(o->tag & ~kSubclassBit)) {
    case Tag::Object:
      return o->type->instances_have_dict ? &static_cast<Instance*>(o)->dict : nullptr;
    case Tag::Exception:
      return &static_cast<ExceptionObject*>(o)->dict;
    case Tag::Function:
      return &static_cast<Function*>(o)->dict;
    default:
      if ((o->tag & kSubclassBit) && o->type->instances_have_dict)
        return instance_dict_trailing_slot(o);
      return nullptr;
  }
}

void type_inherit_slots(Type* type, Type* base) {
  TypeSlots& s = type->slots;
  const TypeSlots& b = base->slots;
  if (type->instance_tag == base->instance_tag) {
    if (!s.dealloc) s.dealloc = b.dealloc;
    if (!s.construct) s.construct = b.construct;
  }
#define GILVM_INHERIT(slot) \
  if (!s.slot) s.slot = b.slot;
  GILVM_INHERIT(repr)
  GILVM_INHERIT(str)
  GILVM_INHERIT(hash)
  GILVM_INHERIT(compare)
  GILVM_INHERIT(binary)
  GILVM_INHERIT(inplace)
  GILVM_INHERIT(unary)
  GILVM_INHERIT(truthy)
  GILVM_INHERIT(len)
  GILVM_INHERIT(getitem)
  GILVM_INHERIT(setitem)
  GILVM_INHERIT(contains)
  GILVM_INHERIT(iter)
  GILVM_INHERIT(iternext)
  GILVM_INHERIT(call)
  GILVM_INHERIT(getattr)
  GILVM_INHERIT(setattr)
  GILVM_INHERIT(descr_get)
#undef GILVM_INHERIT
  if (base->unhashable && !s.hash) type->unhashable = true;
  if (base->is_exception) type->is_exception = true;
}

std::string type_qualified_name(ThreadState& ts, Type* type, bool hide_main) {
  if (type->is_builtin || !type->dict) return std::string(type->name->view());
  const Names& n = ts.names();
  Value q = dict_get_str(type->dict, n.__qualname__);
  std::string qual(q && is_str(q) ? as_str(q)->view() : type->name->view());
  Value m = dict_get_str(type->dict, n.__module__);
  if (!m || !is_str(m)) return qual;
  std::string_view mod = as_str(m)->view();
  if (mod == "builtins" || (hide_main && mod == "__main__")) return qual;
  return fmt::format("{}.{}", mod, qual);
}

Value object_new_instance(ThreadState& ts, Type* type) {
  if (type->instance_tag != Tag::Object) {
    return raisef(ts, ts.exc_types().TypeError, "object.__new__({}) is not safe, use {}.__new__()",
                  type->name->view(), type->name->view());
  }
  size_t size = type->basic_size < sizeof(Instance) ? sizeof(Instance) : type->basic_size;
  return Value::from_object(alloc<Instance>(ts, type, Tag::Object, size));
}

Type* new_builtin_type(ThreadState& ts, const char* name, Type* base, Tag instance_tag,
                       size_t basic_size) {
  BuiltinTypes& types = ts.interp->types;
  if (!base) base = types.object;
  // Adopt a shell made by init_type_type (basic_size 0 marks it unclaimed).
  for (Type* shell : {types.str, types.dict, types.tuple}) {
    if (shell && shell->basic_size == 0 && shell->name->view() == name) {
      shell->instance_tag = instance_tag;
      shell->basic_size = static_cast<uint32_t>(basic_size);
      type_inherit_slots(shell, base);
      return shell;
    }
  }
  Type* t = raw_type(ts, types.type, instance_tag, basic_size);
  t->base = base;
  finish_type(ts, t, name);
  type_inherit_slots(t, base);
  return t;
}

void type_set_attr(ThreadState& ts, Type* type, const char* name, Value value) {
  ++ts.interp->type_epoch;
  dict_set(ts, type->dict, Value::from_object(str_intern(ts, name)), value);
}

Value generic_getattr(ThreadState& ts, Value obj, Str* name) {
  Type* tp = type_of(ts, obj);
  Value attr = type_lookup(tp, name);
  Type* at = nullptr;
  if (attr) {
    at = type_of(ts, attr);
    // Data descriptors (property & co.) override the instance dict.
    // Functions are the common case and never are one.
    if (at->slots.descr_get && !has_tag(attr, Tag::Function) && !has_tag(attr, Tag::Builtin) &&
        (has_layout(attr, Tag::Property) || type_lookup(at, ts.names().__set__) ||
         type_lookup(at, ts.names().__delete__)))
      return at->slots.descr_get(ts, attr, obj, tp);
  }
  Dict** slot = instance_dict_slot(obj);
  if (slot && *slot) {
    if (Value v = dict_get_str(*slot, name)) return newref(v);
  }
  if (attr) {
    if (at->slots.descr_get) return at->slots.descr_get(ts, attr, obj, tp);
    return newref(attr);
  }
  const Names& n = ts.names();
  if (name_is(name, n.__class__)) return newref(Value::from_object(tp));
  if (slot && name_is(name, n.__dict__)) {
    if (!*slot) {
      Value d = dict_new(ts);
      if (!d) return d;
      *slot = as_dict(d);
    }
    return newref(Value::from_object(*slot));
  }
  // A user class's __getattr__ is the last resort, as in CPython.
  if (!tp->is_builtin) {
    if (Value hook = type_lookup(tp, n.__getattr__)) {
      Value argv[2] = {obj, Value::from_object(name)};
      return call(ts, hook, argv, 2);
    }
  }
  return raisef(ts, ts.exc_types().AttributeError, "'{}' object has no attribute '{}'",
                tp->name->view(), name->view());
}

namespace {

// Calls `fn` with each name of a class's __slots__ (a string or an iterable
// of strings); false when iterating raised.
template <typename Fn>
bool for_each_slot_name(ThreadState& ts, Value slots, Fn fn) {
  if (is_str(slots)) {
    fn(as_str(slots));
    return true;
  }
  Ref it = Ref::steal(get_iter(ts, slots));
  if (!it) return false;
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) return !ts.has_error();
    if (is_str(item.get())) fn(as_str(item.get()));
  }
}

// Whether instances of a class with __slots__ may hold attribute `name`.
bool slots_allow(ThreadState& ts, Type* tp, Str* name) {
  Str* slots_name = str_intern(ts, "__slots__");
  for (int64_t i = 0; i < tp->mro->size; i++) {
    Type* c = static_cast<Type*>(tp->mro->items[i].as_object());
    if (c->is_builtin) continue;
    Value slots = dict_get_str(c->dict, slots_name);
    if (!slots) return true;
    bool found = false;
    if (!for_each_slot_name(ts, slots, [&](Str* s) { found = found || s->view() == name->view(); }))
      ts.clear_error();
    if (found) return true;
  }
  return false;
}

// A class restricts its instances' attributes when it and every user class
// it derives from define __slots__ and none of them lists __dict__.
bool compute_restricts_attrs(ThreadState& ts, Type* t) {
  if (solid_base(t)->instance_tag == Tag::Exception) return false;  // BaseException has a __dict__
  Str* slots_name = str_intern(ts, "__slots__");
  for (int64_t i = 0; i < t->mro->size; i++) {
    Type* c = static_cast<Type*>(t->mro->items[i].as_object());
    if (c->is_builtin) continue;
    Value slots = dict_get_str(c->dict, slots_name);
    if (!slots) return false;
    bool has_dict = false;
    if (!for_each_slot_name(ts, slots, [&](Str* s) { has_dict = has_dict || s->view() == "__dict__"; })) {
      ts.clear_error();
      return false;
    }
    if (has_dict) return false;
  }
  return true;
}

}  // namespace

int generic_setattr(ThreadState& ts, Value obj, Str* name, Value value) {
  Type* tp = type_of(ts, obj);
  const Names& n = ts.names();
  Value attr = type_lookup(tp, name);
  if (attr && !has_tag(attr, Tag::Function) && !has_tag(attr, Tag::Builtin)) {
    Type* at = type_of(ts, attr);
    Value setter = type_lookup(at, value ? n.__set__ : n.__delete__);
    if (setter) {
      Value argv[3] = {attr, obj, value};
      Value r = call(ts, setter, argv, value ? 3 : 2);
      if (!r) return -1;
      decref(r);
      return 0;
    }
    if (has_layout(attr, Tag::Property)) {
      raisef(ts, ts.exc_types().AttributeError, "property '{}' of '{}' object has no {}",
             name->view(), tp->name->view(), value ? "setter" : "deleter");
      return -1;
    }
  }
  Dict** slot = instance_dict_slot(obj);
  if (!slot) {
    if (attr && value) {
      raisef(ts, ts.exc_types().AttributeError, "'{}' object attribute '{}' is read-only",
             tp->name->view(), name->view());
    } else {
      raisef(ts, ts.exc_types().AttributeError, "'{}' object has no attribute '{}'",
             tp->name->view(), name->view());
    }
    return -1;
  }
  if (name_is(name, n.__dict__) && value) {
    if (!is_dict(value)) {
      raisef(ts, ts.exc_types().TypeError, "__dict__ must be set to a dictionary, not a '{}'",
             type_name(ts, value));
      return -1;
    }
    Dict* old = *slot;
    *slot = as_dict(newref(value));
    if (old) decref(Value::from_object(old));
    return 0;
  }
  if (tp->restricts_attrs && !name_is(name, n.__class__) && !slots_allow(ts, tp, name)) {
    raisef(ts, ts.exc_types().AttributeError, "'{}' object has no attribute '{}'", tp->name->view(),
           name->view());
    return -1;
  }
  if (!value) {
    int r = *slot ? dict_del(ts, *slot, Value::from_object(name)) : 0;
    if (r == 0)
      raisef(ts, ts.exc_types().AttributeError, "'{}' object has no attribute '{}'",
             tp->name->view(), name->view());
    return r > 0 ? 0 : -1;
  }
  if (name_is(name, n.__class__)) {
    if (!has_layout(value, Tag::Type) ||
        static_cast<Type*>(value.as_object())->instance_tag != tp->instance_tag ||
        tp->is_builtin || static_cast<Type*>(value.as_object())->is_builtin) {
      raise(ts, ts.exc_types().TypeError, "__class__ assignment only supported for user classes");
      return -1;
    }
    set_object_type(obj.as_object(), static_cast<Type*>(value.as_object()));
    return 0;
  }
  if (!*slot) {
    Value d = dict_new(ts);
    if (!d) return -1;
    *slot = as_dict(d);
  }
  return dict_set(ts, *slot, Value::from_object(name), value) ? 0 : -1;
}

void type_update_slots(ThreadState& ts, Type* t) {
  if (t->is_builtin) return;
  const Names& n = ts.names();
  t->slots = TypeSlots{};
  t->unhashable = false;
  for (int64_t i = 1; i < t->mro->size; i++)
    type_inherit_slots(t, static_cast<Type*>(t->mro->items[i].as_object()));
  TypeSlots& s = t->slots;
  auto any = [&](std::initializer_list<const char*> names) {
    for (const char* name : names)
      if (user_defines(t, str_intern(ts, name))) return true;
    return false;
  };
  if (user_defines(t, n.__repr__)) s.repr = slot_repr;
  if (user_defines(t, n.__str__)) s.str = slot_str;
  if (any({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"})) s.compare = slot_compare;
  // __hash__: an own __eq__ without an own __hash__ makes the class
  // unhashable, as in CPython (which stores __hash__ = None).
  Value own_hash = dict_get_str(t->dict, n.__hash__);
  if (own_hash && own_hash.is(ts.none())) {
    t->unhashable = true;
    s.hash = nullptr;
  } else if (own_hash) {
    t->unhashable = false;
    s.hash = slot_hash;
  } else if (dict_get_str(t->dict, n.__eq__)) {
    t->unhashable = true;
    s.hash = nullptr;
    dict_set(ts, t->dict, Value::from_object(n.__hash__), ts.none());
  } else if (user_defines(t, n.__hash__)) {
    t->unhashable = false;
    s.hash = slot_hash;
  }
  bool binary = false, inplace = false;
  for (const char* b : kBinaryNames) {
    binary = binary || any({fmt::format("__{}__", b).c_str()}) ||
             any({fmt::format("__r{}__", b).c_str()});
    inplace = inplace || any({fmt::format("__i{}__", b).c_str()});
  }
  if (binary) s.binary = slot_binary;
  if (inplace) s.inplace = slot_inplace;
  if (any({"__neg__", "__pos__", "__invert__"})) s.unary = slot_unary;
  if (user_defines(t, n.__bool__)) s.truthy = slot_truthy;
  if (user_defines(t, n.__len__)) {
    s.len = slot_len;
    if (!user_defines(t, n.__bool__) && s.truthy) s.truthy = slot_truthy;
  }
  if (user_defines(t, n.__getitem__)) s.getitem = slot_getitem;
  if (user_defines(t, n.__setitem__) || user_defines(t, n.__delitem__)) s.setitem = slot_setitem;
  if (user_defines(t, n.__contains__)) s.contains = slot_contains;
  if (user_defines(t, n.__iter__)) s.iter = slot_iter;
  if (user_defines(t, n.__next__)) s.iternext = slot_iternext;
  if (user_defines(t, n.__call__)) s.call = slot_call;
  if (any({"__getattribute__"})) s.getattr = slot_getattr;
  if (user_defines(t, n.__setattr__) || user_defines(t, n.__delattr__)) s.setattr = slot_setattr;
  // The eval loop's store fast path skips generic_setattr, which checks __slots__.
  if (t->restricts_attrs && !s.setattr) s.setattr = generic_setattr;
  if (user_defines(t, n.__get__)) s.descr_get = slot_descr_get;
  Tag layout = solid_base(t)->instance_tag;
  if (user_defines(t, n.__new__) ||
      (layout != Tag::Object && layout != Tag::Exception && user_defines(t, n.__init__)))
    s.construct = slot_construct;
}

Value type_new_class(ThreadState& ts, Type* metatype, Str* name, Tuple* bases, Dict* ns,
                     const Value* kwvalues, Tuple* kwnames) {
  BuiltinTypes& types = ts.interp->types;
  Ref owned_bases;
  if (bases->size == 0) {
    owned_bases = Ref::steal(tuple_pack(ts, {Value::from_object(types.object)}));
    if (!owned_bases) return Value::null();
    bases = as_tuple(owned_bases.get());
  }
  // Validate the bases and pick the one whose layout instances take.
  Type* best = nullptr;
  for (int64_t i = 0; i < bases->size; i++) {
    Value bv = bases->items[i];
    if (!has_layout(bv, Tag::Type))
      return raise(ts, ts.exc_types().TypeError, "bases must be types");
    Type* b = static_cast<Type*>(bv.as_object());
    if (!acceptable_base(b))
      return raisef(ts, ts.exc_types().TypeError, "type '{}' is not an acceptable base type",
                    b->name->view());
    for (int64_t j = 0; j < i; j++)
      if (bases->items[j].is(bv))
        return raisef(ts, ts.exc_types().TypeError, "duplicate base class {}", b->name->view());
    if (!best) {
      best = b;
      continue;
    }
    Type* sb = solid_base(b);
    Type* sbest = solid_base(best);
    if (is_subtype(sbest, sb)) continue;
    if (is_subtype(sb, sbest)) {
      best = b;
      continue;
    }
    if (sb->instance_tag == Tag::Object) continue;
    if (sbest->instance_tag == Tag::Object) {
      best = b;
      continue;
    }
    return raise(ts, ts.exc_types().TypeError, "multiple bases have instance lay-out conflict");
  }
  // The most derived metaclass among the bases' wins.
  for (int64_t i = 0; i < bases->size; i++) {
    Type* m = type_of(ts, bases->items[i]);
    if (is_subtype(m, metatype)) metatype = m;
  }

  size_t meta_size = metatype->basic_size > sizeof(Type) ? metatype->basic_size : sizeof(Type);
  Type* t = alloc<Type>(ts, metatype, Tag::Type, meta_size);
  make_immortal(t);
  t->name = str_intern(ts, name->view());
  t->base = best;
  t->bases = as_tuple(newref(Value::from_object(bases)));
  std::vector<Type*> mro;
  if (!compute_mro(ts, t, bases, &mro)) return Value::null();  // t leaks: immortal anyway
  t->mro = as_tuple(tuple_new(ts, static_cast<int64_t>(mro.size())));
  for (size_t i = 0; i < mro.size(); i++) t->mro->items[i] = newref(Value::from_object(mro[i]));
  Value d = dict_new(ts);
  if (!d) return d;
  t->dict = as_dict(d);
  Value k, v;
  for (int64_t pos = 0; dict_next(ns, &pos, &k, &v);)
    if (!dict_set(ts, t->dict, k, v)) return Value::null();
  // __init_subclass__ and __class_getitem__ are implicit classmethods.
  for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
    Value key = Value::from_object(str_intern(ts, implicit));
    Value fn = dict_get_str(t->dict, as_str(key));
    if (!fn || !is_function(fn)) continue;
    Value cm = call(ts, Value::from_object(types.classmethod), &fn, 1);
    if (!cm) return cm;
    bool ok = dict_set(ts, t->dict, key, cm);
    decref(cm);
    if (!ok) return Value::null();
  }
  // type(name, bases, ns) called from code: __module__ is the caller's module.
  if (!dict_get_str(t->dict, ts.names().__module__) && ts.frame && ts.frame->globals) {
    if (Value mod = dict_get_str(ts.frame->globals, ts.names().__name__))
      if (!dict_set(ts, t->dict, Value::from_object(ts.names().__module__), mod)) return Value::null();
  }

  Type* solid = solid_base(best);
  t->instance_tag = solid->instance_tag;
  t->is_builtin = false;
  for (Type* m : mro) t->is_exception = t->is_exception || m->is_exception;
  switch (solid->instance_tag) {
    case Tag::Object:
      t->basic_size = sizeof(Instance);
      t->instances_have_dict = true;
      break;
    case Tag::Exception:
      t->basic_size = solid->basic_size;
      t->instances_have_dict = true;
      break;
    case Tag::Str:
    case Tag::Bytes:
    case Tag::Type:
      // Variable-size layouts have no room for a trailing dict.
      t->basic_size = solid->basic_size;
      break;
    case Tag::Tuple:
      // The dict follows the items (tuple_alloc adds the room; a tuple's
      // size never changes, so the slot does not move): CodecInfo and
      // namedtuple subclasses without __slots__ set attributes.
      t->basic_size = static_cast<uint32_t>(solid->basic_size + sizeof(Dict*));
      t->instances_have_dict = true;
      break;
    default:
      t->basic_size = static_cast<uint32_t>(solid->basic_size + sizeof(Dict*));
      t->instances_have_dict = true;
      break;
  }
  t->restricts_attrs = compute_restricts_attrs(ts, t);
  type_update_slots(ts, t);

  // Descriptors learn their attribute name (PEP 487).
  Str* set_name = str_intern(ts, "__set_name__");
  for (int64_t pos = 0; dict_next(t->dict, &pos, &k, &v);) {
    if (!v.is_object() || is_function(v)) continue;
    Value hook = type_lookup(type_of(ts, v), set_name);
    if (!hook) continue;
    Value argv[3] = {v, Value::from_object(t), k};
    Value r = call(ts, hook, argv, 3);
    if (!r) {
      if (is_subtype(type_of(ts, ts.exc), ts.exc_types().Exception)) {
        // CPython 3.11 wraps the error (PEP 487).
        Value cause = ts.fetch_error();
        raisef(ts, ts.exc_types().RuntimeError, "Error calling __set_name__ on '{}' instance '{}' in '{}'",
               type_name(ts, v), is_str(k) ? as_str(k)->view() : "?", t->name->view());
        if (is_exception(ts.exc)) {
          ExceptionObject* e = as_exception(ts.exc);
          decref(e->cause);
          decref(e->context);
          e->cause = cause;
          e->context = newref(cause);
          if (is_exception(cause)) as_exception(cause)->ever_context = true;
          e->suppress_context = true;
        } else {
          decref(cause);
        }
      }
      return r;
    }
    decref(r);
  }
  // type.__subclasses__() of each base (classes are immortal, so the
  // pointers stay valid).
  for (int64_t i = 0; i < t->bases->size; i++)
    ts.interp->subclasses[static_cast<Type*>(t->bases->items[i].as_object())].push_back(t);
  // The parent's __init_subclass__, as super(t, t).__init_subclass__(**kw).
  Str* init_subclass = str_intern(ts, "__init_subclass__");
  for (int64_t i = 1; i < t->mro->size; i++) {
    Type* c = static_cast<Type*>(t->mro->items[i].as_object());
    Value hook = dict_get_str(c->dict, init_subclass);
    if (!hook) continue;
    Ref bound = Ref::steal(bind_attr(ts, hook, Value::null(), t));
    if (!bound) return Value::null();
    size_t nkw = kwnames ? kwnames->size : 0;
    Value r = call(ts, bound.get(), kwvalues, 0, nkw ? kwnames : nullptr);
    if (!r) return r;
    decref(r);
    break;
  }
  return Value::from_object(t);
}

void init_type_type(ThreadState& ts) {
  BuiltinTypes& types = ts.interp->types;
  Type* object = raw_type(ts, nullptr, Tag::Object, sizeof(Instance));
  Type* type = raw_type(ts, nullptr, Tag::Type, sizeof(Type));
  set_object_type(object, type);
  set_object_type(type, type);
  type->base = object;
  types.object = object;
  types.type = type;
  // Shells, adopted later by new_builtin_type (basic_size 0 = unclaimed).
  Type* shells[3];
  for (Type*& s : shells) {
    s = raw_type(ts, type, Tag::Other, 0);
    s->base = object;
  }
  types.str = shells[0];
  types.str->instance_tag = Tag::Str;
  types.dict = shells[1];
  types.dict->instance_tag = Tag::Dict;
  types.tuple = shells[2];
  types.tuple->instance_tag = Tag::Tuple;

  finish_type(ts, object, "object");
  finish_type(ts, type, "type");
  finish_type(ts, types.str, "str");
  finish_type(ts, types.dict, "dict");
  finish_type(ts, types.tuple, "tuple");

  object->slots.dealloc = object_dealloc;
  object->slots.repr = object_repr;
  object->slots.hash = object_hash;
  object->slots.compare = object_compare;
  object->slots.construct = object_construct;

  type->slots.repr = type_repr;
  type->slots.getattr = type_getattr;
  type->slots.setattr = type_setattr;
  type->slots.construct = type_construct;
  type_inherit_slots(type, object);
}

void finish_type_bootstrap(ThreadState& ts) {
  // Methods need the builtin_function_or_method type, which exists only
  // after init_function_types: add them here rather than in init_type_type.
  BuiltinTypes& types = ts.interp->types;
  Type* object = types.object;
  add_method(ts, object, "__init__", object_init);
  add_method(ts, object, "__new__", object_new_method);
  add_method(ts, object, "__repr__", object_repr_method);
  add_method(ts, object, "__str__", object_str_method);
  add_method(ts, object, "__hash__", object_hash_method);
  add_method(ts, object, "__eq__", object_eq_method);
  add_method(ts, object, "__ne__", object_ne_method);
  for (const char* name : {"__lt__", "__le__", "__gt__", "__ge__"})
    add_method(ts, object, name, object_order_method);
  add_method(ts, object, "__setattr__", object_setattr_method);
  add_method(ts, object, "__delattr__", object_delattr_method);
  add_method(ts, object, "__getattribute__", object_getattribute_method);
  add_method(ts, object, "__format__", object_format_method);
  add_method(ts, types.type, "mro", type_mro_method);
  add_method(ts, types.type, "__subclasses__", type_subclasses_method);
  {
    Value fn = builtin_new(ts, "__init_subclass__", object_init_subclass);
    Value cm = call(ts, Value::from_object(types.classmethod), &fn, 1);
    type_set_attr(ts, object, "__init_subclass__", cm);
    decref(cm);
    decref(fn);
  }
  // Methods registered as plain methods that are classmethods in CPython:
  // they now receive the class first (MyInt.from_bytes(...) makes a MyInt).
  for (auto [t, name] : {std::pair{types.int_, "from_bytes"}, std::pair{types.dict, "fromkeys"}}) {
    Value m = t ? dict_get_str(t->dict, str_intern(ts, name)) : Value::null();
    if (!m || !has_tag(m, Tag::Builtin)) continue;
    static_cast<Builtin*>(m.as_object())->is_method = false;  // the classmethod passes the class, not an instance
    Value cm = call(ts, Value::from_object(types.classmethod), &m, 1);
    type_set_attr(ts, t, name, cm);
    decref(cm);
  }
  for (Type* t : {types.function, types.staticmethod, types.classmethod}) {
    if (t && t->slots.descr_get && !dict_get_str(t->dict, ts.names().__get__))
      add_method(ts, t, "__get__", descr_get_method);
  }
  for (Type* t : {types.int_, types.float_, types.str, types.bytes, types.tuple, types.frozenset,
                  types.list, types.dict, types.set, types.bytearray}) {
    if (t && !dict_get_str(t->dict, ts.names().__new__)) add_method(ts, t, "__new__", builtin_layout_new_method);
  }
  add_method(ts, types.type, "__new__", type_new_method);
  add_method(ts, types.type, "__init__", type_init_method);
  add_method(ts, types.type, "__call__", type_call_method);
  // What collections.abc's __subclasshook__s look for in a class's dict:
  // callables have __call__, unhashable containers __hash__ = None.
  for (Type* t : {types.function, types.builtin_function, types.method}) {
    if (t && !dict_get_str(t->dict, ts.names().__call__)) add_method(ts, t, "__call__", callable_call_method);
  }
  for (Type* t : {types.list, types.dict, types.set, types.bytearray, types.slice, types.dict_keys,
                  types.dict_values, types.dict_items}) {
    if (t && t->unhashable && !dict_get_str(t->dict, ts.names().__hash__)) type_set_attr(ts, t, "__hash__", ts.none());
  }
  for (Type* shell : {types.str, types.dict, types.tuple}) {
    if (shell->basic_size == 0) {
      std::fprintf(stderr, "gilvm: bootstrap error: type '%s' was never initialised\n",
                   shell->name->data);
      std::abort();
    }
  }
}

}  // namespace gilvm
