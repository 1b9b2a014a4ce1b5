// The match statement's run-time half (see match.h).
#include "vm/match.h"

#include <fmt/core.h>

#include <string>
#include <vector>

#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// isinstance(subject, sys.modules[module].name) when that module has been
// imported, else 0: a class can only have been registered with an ABC (or
// derive from deque) after its module was imported, so a program that never
// imported it needs no check.
int instance_of_loaded(ThreadState& ts, Value subject, const char* module, const char* name) {
  Value mod = dict_get_str(ts.interp->modules, str_intern(ts, module));
  if (!mod) return 0;
  Ref cls = Ref::steal(get_attr_optional(ts, mod, str_intern(ts, name)));
  if (!cls) return ts.has_error() ? -1 : 0;
  return isinstance_value(ts, subject, cls.get());
}

// The built-in types whose class pattern takes one positional sub-pattern
// that matches the subject itself: `case int(x)`, `case str(s)`.
bool matches_self(ThreadState& ts, Type* cls) {
  const BuiltinTypes& t = ts.types();
  for (Type* self : {t.bool_, t.bytearray, t.bytes, t.dict, t.float_, t.frozenset, t.int_, t.list,
                     t.set, t.str, t.tuple}) {
    if (is_subtype(cls, self)) return true;
  }
  return false;
}

}  // namespace

int match_is_sequence(ThreadState& ts, Value subject) {
  // CPython's Py_TPFLAGS_SEQUENCE: the built-in sequences and their
  // subclasses, never text or bytes, and whatever collections.abc.Sequence
  // admits (registered or derived classes; deque is registered there).
  for (Tag t : {Tag::List, Tag::Tuple, Tag::Range}) {
    if (has_layout(subject, t)) return 1;
  }
  if (is_memoryview(subject)) return 1;
  for (Tag t : {Tag::Str, Tag::Bytes, Tag::ByteArray, Tag::Dict, Tag::Set, Tag::FrozenSet}) {
    if (has_layout(subject, t)) return 0;
  }
  // Other built-in objects (ints, functions, iterators) are not sequences;
  // instances of classes written in Python, or native ones, may be.
  if (!subject.is_object()) return 0;
  uint8_t tag = subject.as_object()->tag & ~kSubclassBit;
  if (tag != static_cast<uint8_t>(Tag::Object) && tag != static_cast<uint8_t>(Tag::Other)) return 0;
  int r = instance_of_loaded(ts, subject, "collections.abc", "Sequence");
  if (r != 0) return r;
  return instance_of_loaded(ts, subject, "collections", "deque");
}

int match_is_mapping(ThreadState& ts, Value subject) {
  if (has_layout(subject, Tag::Dict)) return 1;
  if (!subject.is_object()) return 0;
  uint8_t tag = subject.as_object()->tag & ~kSubclassBit;
  if (tag != static_cast<uint8_t>(Tag::Object) && tag != static_cast<uint8_t>(Tag::Other)) return 0;
  return instance_of_loaded(ts, subject, "collections.abc", "Mapping");
}

namespace {

// Owned references collected before the result tuple is built.
class ValueList {
 public:
  ~ValueList() {
    for (Value v : items_) decref(v);
  }
  void push(Value v) { items_.push_back(v); }  // steals
  Value to_tuple(ThreadState& ts) const {
    return tuple_from_array(ts, items_.data(), static_cast<int64_t>(items_.size()));
  }

 private:
  std::vector<Value> items_;
};

std::string type_display(Type* t) { return std::string(t->name->view()); }

}  // namespace

Value match_keys(ThreadState& ts, Value subject, Value keys) {
  Tuple* k = as_tuple(keys);
  Ref seen = Ref::steal(set_new(ts));
  if (!seen) return Value::null();
  // A dict is read directly; any other mapping through its own get(), with
  // a marker default, so that a __missing__ or a default never invents a key.
  Ref marker = Ref::steal(object_new_instance(ts, ts.types().object));
  if (!marker) return Value::null();
  ValueList values;
  for (int64_t i = 0; i < k->size; ++i) {
    Value key = k->items[i];
    int dup = set_contains(ts, as_set(seen.get()), key);
    if (dup < 0) return Value::null();
    if (dup) {
      std::string text;
      if (!repr_utf8(ts, key, &text)) return Value::null();
      return raisef(ts, ts.exc_types().ValueError, "mapping pattern checks duplicate key ({})", text);
    }
    if (!set_add(ts, as_set(seen.get()), key)) return Value::null();
    Value v;
    if (type_of(ts, subject) == ts.types().dict) {
      v = dict_get(ts, as_dict(subject), key);
      if (!v) return ts.has_error() ? Value::null() : newref(ts.none());
      incref(v);
    } else {
      Value args[2] = {key, marker.get()};
      v = call_method(ts, subject, "get", args, 2);
      if (!v) return Value::null();
      if (v.is(marker.get())) {
        decref(v);
        return newref(ts.none());
      }
    }
    values.push(v);
  }
  return values.to_tuple(ts);
}

Value match_class(ThreadState& ts, Value subject, Value cls, Value kwd_names, int64_t npositional) {
  if (!has_layout(cls, Tag::Type)) {
    return raise(ts, ts.exc_types().TypeError, "called match pattern must be a type");
  }
  int inst = isinstance_value(ts, subject, cls);
  if (inst < 0) return Value::null();
  if (!inst) return newref(ts.none());
  Type* type = static_cast<Type*>(cls.as_object());
  std::string tname = type_display(type);
  Tuple* kw = as_tuple(kwd_names);
  ValueList attrs;
  std::vector<Value> names;  // borrowed: the attribute each slot reads, for the repeat check
  // 1 found, 0 missing (no match), -1 error.
  auto fill = [&](Value name) -> int {
    for (Value n : names) {
      int eq = equal(ts, n, name);
      if (eq < 0) return -1;
      if (eq) {
        std::string text;
        if (!repr_utf8(ts, name, &text)) return -1;
        raisef(ts, ts.exc_types().TypeError, "{}() got multiple sub-patterns for attribute {}", tname, text);
        return -1;
      }
    }
    names.push_back(name);
    Value v = get_attr_optional(ts, subject, as_str(name));
    if (!v) return ts.has_error() ? -1 : 0;
    attrs.push(v);
    return 1;
  };
  Ref match_args;
  if (npositional > 0) {
    match_args = Ref::steal(get_attr_optional(ts, cls, str_intern(ts, "__match_args__")));
    if (!match_args && ts.has_error()) return Value::null();
    if (!match_args) {
      bool self = matches_self(ts, type);
      if (!self || npositional > 1) {
        return raisef(ts, ts.exc_types().TypeError, "{}() accepts {} positional sub-pattern{} ({} given)", tname,
                      self ? 1 : 0, self ? "" : "s", npositional);
      }
      attrs.push(newref(subject));
    } else {
      if (!is_tuple(match_args.get())) {
        return raisef(ts, ts.exc_types().TypeError, "{}.__match_args__ must be a tuple (got {})", tname,
                      type_name(ts, match_args.get()));
      }
      Tuple* ma = as_tuple(match_args.get());
      if (npositional > ma->size) {
        return raisef(ts, ts.exc_types().TypeError, "{}() accepts {} positional sub-pattern{} ({} given)", tname,
                      ma->size, ma->size == 1 ? "" : "s", npositional);
      }
      for (int64_t i = 0; i < npositional; ++i) {
        Value name = ma->items[i];
        if (!has_layout(name, Tag::Str)) {
          return raisef(ts, ts.exc_types().TypeError, "__match_args__ elements must be strings (got {})",
                        type_name(ts, name));
        }
        int r = fill(name);
        if (r <= 0) return r < 0 ? Value::null() : newref(ts.none());
      }
    }
  }
  for (int64_t i = 0; i < kw->size; ++i) {
    int r = fill(kw->items[i]);
    if (r <= 0) return r < 0 ? Value::null() : newref(ts.none());
  }
  return attrs.to_tuple(ts);
}

}  // namespace gilvm
