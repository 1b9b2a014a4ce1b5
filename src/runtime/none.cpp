// None, NotImplemented and Ellipsis: three immortal singletons and their
// types. Immortality means code may return them with newref() without
// caring about counts, and the types never need a dealloc.
#include <string_view>

#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

Value none_repr(ThreadState& ts, Value) { return newref(Value::from_object(str_intern(ts, "None"))); }
Value not_implemented_repr(ThreadState& ts, Value) {
  return newref(Value::from_object(str_intern(ts, "NotImplemented")));
}
Value ellipsis_repr(ThreadState& ts, Value) {
  return newref(Value::from_object(str_intern(ts, "Ellipsis")));
}

int none_truthy(ThreadState&, Value) { return 0; }

// NoneType() and friends return the singleton, as in CPython.
Value singleton_construct(ThreadState& ts, Type* type, const Value*, size_t nargs,
                          Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size))
    return raisef(ts, ts.exc_types().TypeError, "{} takes no arguments", type->name->view());
  const Interpreter& in = *ts.interp;
  if (type == in.types.none) return newref(in.none);
  if (type == in.types.not_implemented) return newref(in.not_implemented);
  return newref(in.ellipsis);
}

Value make_singleton(ThreadState& ts, Type* type, Tag tag) {
  Object* o = alloc_object(ts, type, tag, sizeof(Object));
  make_immortal(o);
  return Value::from_object(o);
}

}  // namespace

void init_singleton_types(ThreadState& ts) {
  Interpreter& in = *ts.interp;
  Type* none = new_builtin_type(ts, "NoneType", nullptr, Tag::NoneType, sizeof(Object));
  none->slots.repr = none_repr;
  none->slots.truthy = none_truthy;
  none->slots.construct = singleton_construct;
  in.types.none = none;
  in.none = make_singleton(ts, none, Tag::NoneType);

  Type* ni = new_builtin_type(ts, "NotImplementedType", nullptr, Tag::Other, sizeof(Object));
  ni->slots.repr = not_implemented_repr;
  ni->slots.construct = singleton_construct;
  in.types.not_implemented = ni;
  in.not_implemented = make_singleton(ts, ni, Tag::Other);

  Type* ellipsis = new_builtin_type(ts, "ellipsis", nullptr, Tag::Other, sizeof(Object));
  ellipsis->slots.repr = ellipsis_repr;
  ellipsis->slots.construct = singleton_construct;
  in.types.ellipsis = ellipsis;
  in.ellipsis = make_singleton(ts, ellipsis, Tag::Other);
}

}  // namespace gilvm
