// builtins.__build_class__: what a `class` statement calls. It runs the
// class body (compiled as a function whose names live in a dict) with a
// fresh namespace, then asks the metaclass to make the class, and finally
// fills the implicit __class__ cell that zero-argument super() reads.
#include "vm/class_builder.h"

#include "compiler/code.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/call.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace gilvm {

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing);

namespace {

Value run_class_body(ThreadState& ts, Function* body, Dict* ns) {
  Frame* f = frame_new(ts, body->code, body, body->globals, ns, false);
  if (body->code->ncells()) init_cells(ts, f);
  return eval_frame(ts, f, false);
}

// The most derived metaclass among `explicit_meta` and the bases' types.
Type* calculate_metaclass(ThreadState& ts, Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* base_meta = type_of(ts, bases->items[i]);
    if (is_subtype(winner, base_meta)) continue;
    if (is_subtype(base_meta, winner)) {
      winner = base_meta;
      continue;
    }
    raise(ts, ts.exc_types().TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
          "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Value build_class(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2 || !is_function(args[0]) || !is_str_like(args[1])) {
    return raise(ts, ts.exc_types().TypeError, "__build_class__: func and name are required");
  }
  Function* body = as_function(args[0]);
  Str* name = as_str(args[1]);
  Ref bases = Ref::steal(tuple_from_array(ts, args + 2, static_cast<int64_t>(nargs - 2)));
  if (!bases) return Value::null();

  Value explicit_meta = Value::null();
  std::vector<Value> kw_values;
  std::vector<Value> kw_names;
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; ++i) {
    if (as_str(kwnames->items[i])->view() == "metaclass") {
      explicit_meta = args[nargs + i];
    } else {
      kw_names.push_back(kwnames->items[i]);
      kw_values.push_back(args[nargs + i]);
    }
  }
  Type* meta = ts.types().type;
  bool meta_is_type = true;
  if (explicit_meta) {
    if (has_layout(explicit_meta, Tag::Type)) {
      meta = static_cast<Type*>(explicit_meta.as_object());
    } else {
      meta_is_type = false;  // any callable may serve as a metaclass
    }
  }
  if (meta_is_type) {
    meta = calculate_metaclass(ts, meta, as_tuple(bases.get()));
    if (!meta) return Value::null();
  }

  Ref ns = Ref::steal(dict_new(ts));
  if (!ns) return Value::null();
  Ref cell = Ref::steal(run_class_body(ts, body, as_dict(ns.get())));
  if (!cell) return Value::null();

  Ref cls;
  if (meta_is_type && meta == ts.types().type && kw_names.empty()) {
    cls = Ref::steal(type_new_class(ts, meta, name, as_tuple(bases.get()), as_dict(ns.get())));
  } else {
    std::vector<Value> call_args = {args[1], bases.get(), ns.get()};
    call_args.insert(call_args.end(), kw_values.begin(), kw_values.end());
    Ref names;
    if (!kw_names.empty()) {
      names = Ref::steal(tuple_from_array(ts, kw_names.data(), static_cast<int64_t>(kw_names.size())));
    }
    Value callee = explicit_meta && !meta_is_type ? explicit_meta : Value::from_object(meta);
    cls = Ref::steal(call(ts, callee, call_args.data(), 3, names ? as_tuple(names.get()) : nullptr));
  }
  if (!cls) return Value::null();
  if (has_tag(cell.get(), Tag::Cell)) {
    auto* c = static_cast<Cell*>(cell.get().as_object());
    decref(c->value);
    c->value = newref(cls.get());
  }
  return cls.release();
}

}  // namespace

void install_build_class(ThreadState& ts) {
  add_function(ts, ts.interp->builtins, "__build_class__", build_class);
}

}  // namespace gilvm
