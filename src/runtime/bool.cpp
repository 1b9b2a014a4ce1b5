// bool: a subclass of int with exactly two immortal instances.
//
// True and False get their own small layout (BoolObject) rather than a
// BigInt, so the int code reads their value without touching GMP; every int
// helper accepts Tag::Bool. Arithmetic returns plain ints except & | ^
// between two bools, as in Python.
#include <string_view>

#include "runtime/args.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

inline int64_t bool_int(Value v) { return static_cast<BoolObject*>(v.as_object())->value; }

Value bool_repr(ThreadState& ts, Value self) {
  return str_new(ts, bool_int(self) ? "True" : "False");
}

int64_t bool_hash(ThreadState&, Value self) { return bool_int(self); }

Value bool_binary(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (is_bool(a) && is_bool(b) &&
      (op == BinaryOp::And || op == BinaryOp::Or || op == BinaryOp::Xor)) {
    int64_t x = bool_int(a), y = bool_int(b);
    int64_t r = op == BinaryOp::And ? (x & y) : op == BinaryOp::Or ? (x | y) : (x ^ y);
    return ts.bool_value(r != 0);
  }
  if (!is_int_like(a) || !is_int_like(b)) return newref(ts.interp->not_implemented);
  return int_binary(ts, op, a, b);
}

Value bool_unary(ThreadState&, UnaryOp op, Value self) {
  int64_t x = bool_int(self);
  switch (op) {
    case UnaryOp::Neg:
      return Value::from_small(-x);
    case UnaryOp::Pos:
      return Value::from_small(x);
    case UnaryOp::Invert:
      return Value::from_small(~x);
  }
  return Value::null();
}

int bool_truthy(ThreadState&, Value self) { return static_cast<int>(bool_int(self)); }

Value bool_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames) return raise(ts, ts.exc_types().TypeError, "bool() takes no keyword arguments");
  if (nargs > 1)
    return raisef(ts, ts.exc_types().TypeError, "bool expected at most 1 argument, got {}", nargs);
  if (nargs == 0) return ts.bool_value(false);
  int t = truthy(ts, args[0]);
  if (t < 0) return Value::null();
  return ts.bool_value(t != 0);
}

Value make_bool(ThreadState& ts, Type* type, int64_t v) {
  BoolObject* b = alloc<BoolObject>(ts, type, Tag::Bool);
  b->value = v;
  make_immortal(b);
  return Value::from_object(b);
}

Value bool_repr_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__repr__", nargs, kwnames, 1, 1)) return Value::null();
  return bool_repr(ts, args[0]);
}

template <BinaryOp Op>
Value bool_binary_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "bool method", nargs, kwnames, 2, 2)) return Value::null();
  return bool_binary(ts, Op, args[0], args[1]);
}

}  // namespace

void init_bool_type(ThreadState& ts) {
  Type* int_type = ts.interp->types.int_;
  Type* t = new_builtin_type(ts, "bool", int_type, Tag::Bool, sizeof(BoolObject));
  ts.interp->types.bool_ = t;
  // Inherit int's behaviour, then override what differs.
  t->slots = int_type->slots;
  t->slots.dealloc = nullptr;
  t->slots.repr = bool_repr;
  t->slots.str = nullptr;
  t->slots.hash = bool_hash;
  t->slots.binary = bool_binary;
  t->slots.unary = bool_unary;
  t->slots.truthy = bool_truthy;
  t->slots.construct = bool_construct;
  add_method(ts, t, "__repr__", bool_repr_method);
  for (const char* n : {"__and__", "__rand__"})
    add_method(ts, t, n, bool_binary_method<BinaryOp::And>);
  for (const char* n : {"__or__", "__ror__"})
    add_method(ts, t, n, bool_binary_method<BinaryOp::Or>);
  for (const char* n : {"__xor__", "__rxor__"})
    add_method(ts, t, n, bool_binary_method<BinaryOp::Xor>);

  ts.interp->true_ = make_bool(ts, t, 1);
  ts.interp->false_ = make_bool(ts, t, 0);
}

}  // namespace gilvm
