// Generic operations: the slow path behind every operator, attribute access
// and call that the eval loop cannot resolve by itself.
//
// Each operation first tests the cases that dominate real programs (small
// ints, exact str/list/tuple/dict tags, which never carry a user override
// because subclass instances have kSubclassBit in their tag), then falls
// back to the type slots with CPython's rules: reflected operands, subclass
// priority, identity fallback for == and !=. The fast paths duplicate a
// little of what the slots do; that is the price of not paying an indirect
// call for `i + 1` or `x == y` on ints and strings.
#include "runtime/ops.h"

#include <fmt/core.h>

#include <vector>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

inline bool is_not_implemented(ThreadState& ts, Value v) { return v.is(ts.interp->not_implemented); }

inline Tag exact_tag(Object* o) { return static_cast<Tag>(o->tag); }

const char* compare_symbol(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "?";
}

CompareOp reflected(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

bool small_compare(int64_t x, int64_t y, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return x < y;
    case CompareOp::Le: return x <= y;
    case CompareOp::Eq: return x == y;
    case CompareOp::Ne: return x != y;
    case CompareOp::Gt: return x > y;
    case CompareOp::Ge: return x >= y;
  }
  return false;
}

// Arguments with `self` in front, on the stack for the usual arities.
class PrependedArgs {
 public:
  PrependedArgs(Value self, const Value* args, size_t total) {
    if (total + 1 > kInline) {
      heap_.resize(total + 1);
      data_ = heap_.data();
    }
    data_[0] = self;
    for (size_t i = 0; i < total; i++) data_[i + 1] = args[i];
  }
  const Value* data() const { return data_; }

 private:
  static constexpr size_t kInline = 8;
  Value inline_[kInline];
  std::vector<Value> heap_;
  Value* data_ = inline_;
};

inline size_t kw_count(Tuple* kwnames) { return kwnames ? static_cast<size_t>(kwnames->size) : 0; }

// Small-int arithmetic that cannot overflow the small range, or null.
inline Value small_binary(BinaryOp op, int64_t x, int64_t y) {
  int64_t r;
  switch (op) {
    case BinaryOp::Add:
      r = x + y;  // two 63-bit values cannot overflow int64
      break;
    case BinaryOp::Sub:
      r = x - y;
      break;
    case BinaryOp::Mul:
      if (__builtin_mul_overflow(x, y, &r)) return Value::null();
      break;
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod: {
      if (y == 0) return Value::null();  // int_binary raises ZeroDivisionError
      int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        q -= 1;
        m += y;
      }
      r = op == BinaryOp::FloorDiv ? q : m;
      break;
    }
    case BinaryOp::And:
      return Value::from_small(x & y);
    case BinaryOp::Or:
      return Value::from_small(x | y);
    case BinaryOp::Xor:
      return Value::from_small(x ^ y);
    case BinaryOp::RShift:
      if (y < 0) return Value::null();
      return Value::from_small(x >> (y > 63 ? 63 : y));
    default:
      return Value::null();
  }
  return Value::fits_small(r) ? Value::from_small(r) : Value::null();
}

// Tries both operands' binary slots in CPython's order. Returns a new
// reference to NotImplemented when neither handles the pair.
Value binary_dispatch(ThreadState& ts, BinaryOp op, Value a, Value b) {
  Type* ta = type_of(ts, a);
  Type* tb = type_of(ts, b);
  auto fa = ta->slots.binary;
  auto fb = tb->slots.binary;
  if (fb == fa) fb = nullptr;  // one function handles both operands' types
  if (fa) {
    if (fb && ta != tb && is_subtype(tb, ta)) {
      Value r = fb(ts, op, a, b);
      if (!r || !is_not_implemented(ts, r)) return r;
      decref(r);
      fb = nullptr;
    }
    Value r = fa(ts, op, a, b);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
  }
  if (fb) {
    Value r = fb(ts, op, a, b);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
  }
  return newref(ts.interp->not_implemented);
}

Value binary_type_error(ThreadState& ts, BinaryOp op, Value a, Value b, bool inplace) {
  std::string ta(type_name(ts, a)), tb(type_name(ts, b));
  return raisef(ts, ts.exc_types().TypeError, "unsupported operand type(s) for {}{}{}: '{}' and '{}'",
                binary_op_symbol(op), inplace ? "=" : "", op == BinaryOp::Pow && !inplace ? " or pow()" : "",
                ta, tb);
}

// The old sequence protocol: iterate by indexing 0, 1, 2, ... until
// IndexError (or StopIteration), for classes with only __getitem__.
Value sequence_iter_next(ThreadState& ts, NativeIter* it) {
  if (!it->source) return Value::null();
  Value item = get_item(ts, it->source, Value::from_small(it->index));
  if (item) {
    it->index++;
    return item;
  }
  const ExceptionTypes& e = ts.exc_types();
  Type* et = type_of(ts, ts.exc);
  if (is_subtype(et, e.IndexError) || is_subtype(et, e.StopIteration)) {
    ts.clear_error();
    Value src = it->source;
    it->source = Value::null();
    decref(src);
  }
  return Value::null();
}

bool has_sequence_getitem(Type* t) {
  // dicts and sets have getitem/contains of their own and are not sequences.
  return t->slots.getitem && t->instance_tag != Tag::Dict;
}

}  // namespace

// ----------------------------------------------------------------- types

Type* type_of(ThreadState& ts, Value v) {
  return v.is_small() ? ts.interp->types.int_ : v.as_object()->type;
}

std::string_view type_name(ThreadState& ts, Value v) { return type_of(ts, v)->name->view(); }

Value type_lookup(Type* type, Str* name) {
  Tuple* mro = type->mro;
  if (!mro) return type->dict ? dict_get_str(type->dict, name) : Value::null();
  for (int64_t i = 0; i < mro->size; i++) {
    Type* t = static_cast<Type*>(mro->items[i].as_object());
    if (!t->dict) continue;
    if (Value v = dict_get_str(t->dict, name)) return v;
  }
  return Value::null();
}

bool is_subtype(Type* a, Type* b) {
  if (a == b) return true;
  if (Tuple* mro = a->mro) {
    for (int64_t i = 1; i < mro->size; i++)
      if (mro->items[i].as_object() == b) return true;
    return false;
  }
  for (Type* t = a->base; t; t = t->base)
    if (t == b) return true;
  return false;
}

bool is_instance(ThreadState& ts, Value v, Type* t) { return is_subtype(type_of(ts, v), t); }

// ------------------------------------------------------------ repr & str

Value repr(ThreadState& ts, Value v) {
  if (ts.c_stack_exhausted())
    return raise(ts, ts.exc_types().RecursionError,
                 "maximum recursion depth exceeded while getting the repr of an object");
  Type* t = type_of(ts, v);
  if (t->slots.repr) {
    Value r = t->slots.repr(ts, v);
    if (r && !is_str_like(r)) {
      std::string tn(type_name(ts, r));
      decref(r);
      return raisef(ts, ts.exc_types().TypeError, "__repr__ returned non-string (type {})", tn);
    }
    return r;
  }
  return str_new(ts, fmt::format("<{} object at {}>", t->name->view(),
                                 static_cast<const void*>(v.as_object())));
}

Value to_str(ThreadState& ts, Value v) {
  if (is_str(v)) return newref(v);
  Type* t = type_of(ts, v);
  if (!t->slots.str) return repr(ts, v);
  Value r = t->slots.str(ts, v);
  if (r && !is_str_like(r)) {
    std::string tn(type_name(ts, r));
    decref(r);
    return raisef(ts, ts.exc_types().TypeError, "__str__ returned non-string (type {})", tn);
  }
  return r;
}

bool repr_utf8(ThreadState& ts, Value v, std::string* out) {
  Value r = repr(ts, v);
  if (!r) return false;
  out->assign(as_str(r)->view());
  decref(r);
  return true;
}

bool str_utf8(ThreadState& ts, Value v, std::string* out) {
  if (is_str(v)) {
    out->assign(as_str(v)->view());
    return true;
  }
  Value r = to_str(ts, v);
  if (!r) return false;
  out->assign(as_str(r)->view());
  decref(r);
  return true;
}

// ------------------------------------------------------ hash, truth, ==

int64_t hash(ThreadState& ts, Value v) {
  if (v.is_small()) return int_hash(v);
  Object* o = v.as_object();
  if (exact_tag(o) == Tag::Str) return str_hash(static_cast<Str*>(o));
  Type* t = o->type;
  if (t->unhashable || !t->slots.hash) {
    raisef(ts, ts.exc_types().TypeError, "unhashable type: '{}'", t->name->view());
    return -1;
  }
  return t->slots.hash(ts, v);
}

int truthy(ThreadState& ts, Value v) {
  if (v.is_small()) return v.as_small() != 0;
  Object* o = v.as_object();
  switch (exact_tag(o)) {
    case Tag::Bool: return v.is(ts.interp->true_);
    case Tag::NoneType: return 0;
    case Tag::Str: return static_cast<Str*>(o)->length != 0;
    case Tag::List: return static_cast<List*>(o)->size != 0;
    case Tag::Tuple: return static_cast<Tuple*>(o)->size != 0;
    case Tag::Dict: return static_cast<Dict*>(o)->used != 0;
    case Tag::Float: return static_cast<Float*>(o)->value != 0.0;
    default: break;
  }
  Type* t = o->type;
  if (t->slots.truthy) return t->slots.truthy(ts, v);
  if (t->slots.len) {
    int64_t n = t->slots.len(ts, v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int equal(ThreadState& ts, Value a, Value b) {
  // Identity implies equality for containers, as CPython's
  // PyObject_RichCompareBool assumes (so [nan] == [nan] holds).
  if (a.is(b)) return 1;
  if (a.is_small() && b.is_small()) return 0;
  if (a.is_object() && b.is_object() && exact_tag(a.as_object()) == Tag::Str &&
      exact_tag(b.as_object()) == Tag::Str)
    return str_equal(as_str(a), as_str(b));
  Value r = compare(ts, a, b, CompareOp::Eq);
  if (!r) return -1;
  if (r.is(ts.interp->true_)) return 1;
  if (r.is(ts.interp->false_)) return 0;
  int t = truthy(ts, r);
  decref(r);
  return t;
}

Value compare(ThreadState& ts, Value a, Value b, CompareOp op) {
  if (a.is_small() && b.is_small())
    return newref(ts.bool_value(small_compare(a.as_small(), b.as_small(), op)));
  if (ts.c_stack_exhausted())
    return raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded in comparison");
  Type* ta = type_of(ts, a);
  Type* tb = type_of(ts, b);
  bool reversed_done = false;
  if (ta != tb && tb->slots.compare && is_subtype(tb, ta)) {
    Value r = tb->slots.compare(ts, b, a, reflected(op));
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
    reversed_done = true;
  }
  if (ta->slots.compare) {
    Value r = ta->slots.compare(ts, a, b, op);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
  }
  if (!reversed_done && tb->slots.compare) {
    Value r = tb->slots.compare(ts, b, a, reflected(op));
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
  }
  if (op == CompareOp::Eq) return newref(ts.bool_value(a.is(b)));
  if (op == CompareOp::Ne) return newref(ts.bool_value(!a.is(b)));
  return raisef(ts, ts.exc_types().TypeError, "'{}' not supported between instances of '{}' and '{}'",
                compare_symbol(op), ta->name->view(), tb->name->view());
}

int compare_bool(ThreadState& ts, Value a, Value b, CompareOp op) {
  if (a.is_small() && b.is_small()) return small_compare(a.as_small(), b.as_small(), op);
  if (op == CompareOp::Eq && a.is_object() && b.is_object() && exact_tag(a.as_object()) == Tag::Str &&
      exact_tag(b.as_object()) == Tag::Str)
    return str_equal(as_str(a), as_str(b));
  Value r = compare(ts, a, b, op);
  if (!r) return -1;
  if (r.is(ts.interp->true_)) return 1;
  if (r.is(ts.interp->false_)) return 0;
  int t = truthy(ts, r);
  decref(r);
  return t;
}

// ------------------------------------------------------------- operators

const char* binary_op_symbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::MatMul: return "@";
    case BinaryOp::TrueDiv: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "**";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    case BinaryOp::And: return "&";
    case BinaryOp::Or: return "|";
    case BinaryOp::Xor: return "^";
    case BinaryOp::Count: break;
  }
  return "?";
}

// Typing forms on classes — list[int], int | None — are types.GenericAlias
// and types.UnionType, written in Python (lib/types.py): the interpreter
// only routes the operations there.
static Value call_types(ThreadState& ts, const char* name, Value a, Value b) {
  Value module = import_module(ts, "types");
  if (!module) return module;
  Value fn = get_attr(ts, module, str_intern(ts, name));
  decref(module);
  if (!fn) return fn;
  Value args[2] = {a, b};
  Value r = call(ts, fn, args, 2);
  decref(fn);
  return r;
}

Value binary_op(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    if (Value r = small_binary(op, a.as_small(), b.as_small())) return r;
    Value r = int_binary(ts, op, a, b);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
    return binary_type_error(ts, op, a, b, false);
  }
  Value r = binary_dispatch(ts, op, a, b);
  if (!r || !is_not_implemented(ts, r)) return r;
  decref(r);
  // int | None, int | str: a union of classes (PEP 604).
  if (op == BinaryOp::Or) {
    bool ta = has_layout(a, Tag::Type), tb = has_layout(b, Tag::Type);
    if ((ta || tb) && (ta || a.is(ts.none())) && (tb || b.is(ts.none()))) return call_types(ts, "_union", a, b);
  }
  return binary_type_error(ts, op, a, b, false);
}

Value inplace_op(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    if (Value r = small_binary(op, a.as_small(), b.as_small())) return r;
    Value r = int_binary(ts, op, a, b);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
    return binary_type_error(ts, op, a, b, true);
  }
  Type* ta = type_of(ts, a);
  if (ta->slots.inplace) {
    Value r = ta->slots.inplace(ts, op, a, b);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
  }
  Value r = binary_dispatch(ts, op, a, b);
  if (!r || !is_not_implemented(ts, r)) return r;
  decref(r);
  return binary_type_error(ts, op, a, b, true);
}

Value unary_op(ThreadState& ts, UnaryOp op, Value v) {
  if (v.is_small()) {
    int64_t x = v.as_small();
    switch (op) {
      case UnaryOp::Neg:
        if (x != Value::kMinSmall) return Value::from_small(-x);
        break;  // -(-2**62) needs a BigInt: int's slot
      case UnaryOp::Pos: return v;
      case UnaryOp::Invert: return Value::from_small(~x);
    }
  }
  Type* t = type_of(ts, v);
  if (t->slots.unary) {
    Value r = t->slots.unary(ts, op, v);
    if (!r || !is_not_implemented(ts, r)) return r;
    decref(r);
  }
  const char* sym = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
  return raisef(ts, ts.exc_types().TypeError, "bad operand type for unary {}: '{}'", sym,
                t->name->view());
}

// ------------------------------------------------------------ containers

int64_t length(ThreadState& ts, Value v) {
  if (v.is_object()) {
    Object* o = v.as_object();
    switch (exact_tag(o)) {
      case Tag::Str: return static_cast<Str*>(o)->length;
      case Tag::List: return static_cast<List*>(o)->size;
      case Tag::Tuple: return static_cast<Tuple*>(o)->size;
      case Tag::Dict: return static_cast<Dict*>(o)->used;
      default: break;
    }
  }
  Type* t = type_of(ts, v);
  if (t->slots.len) return t->slots.len(ts, v);
  raisef(ts, ts.exc_types().TypeError, "object of type '{}' has no len()", t->name->view());
  return -1;
}

Value get_item(ThreadState& ts, Value container, Value key) {
  Type* t = type_of(ts, container);
  if (t->slots.getitem) return t->slots.getitem(ts, container, key);
  if (has_layout(container, Tag::Type)) {
    Type* ct = static_cast<Type*>(container.as_object());
    // Generic aliases (list[int]) are not modelled; Foo[...] on a user class
    // goes through __class_getitem__.
    if (type_lookup(ct, str_intern(ts, "__class_getitem__"))) {
      Value bound = get_attr(ts, container, str_intern(ts, "__class_getitem__"));
      if (!bound) return bound;
      Value r = call(ts, bound, &key, 1);
      decref(bound);
      return r;
    }
    const BuiltinTypes& bt = ts.types();
    for (Type* generic : {bt.list, bt.dict, bt.tuple, bt.set, bt.frozenset, bt.type}) {
      if (ct == generic) return call_types(ts, "GenericAlias", container, key);
    }
    return raisef(ts, ts.exc_types().TypeError, "type '{}' is not subscriptable", ct->name->view());
  }
  return raisef(ts, ts.exc_types().TypeError, "'{}' object is not subscriptable", t->name->view());
}

int set_item(ThreadState& ts, Value container, Value key, Value value) {
  Type* t = type_of(ts, container);
  if (t->slots.setitem) return t->slots.setitem(ts, container, key, value);
  raisef(ts, ts.exc_types().TypeError, "'{}' object does not support item assignment",
         t->name->view());
  return -1;
}

int del_item(ThreadState& ts, Value container, Value key) {
  Type* t = type_of(ts, container);
  if (t->slots.setitem) return t->slots.setitem(ts, container, key, Value::null());
  // CPython words it differently for sequences that are merely read-only.
  raisef(ts, ts.exc_types().TypeError, "'{}' object {} support item deletion", t->name->view(),
         t->slots.getitem ? "doesn't" : "does not");
  return -1;
}

int contains(ThreadState& ts, Value container, Value item) {
  Type* t = type_of(ts, container);
  if (t->slots.contains) return t->slots.contains(ts, container, item);
  if (!t->slots.iter && !has_sequence_getitem(t)) {
    raisef(ts, ts.exc_types().TypeError, "argument of type '{}' is not iterable", t->name->view());
    return -1;
  }
  Value it = get_iter(ts, container);
  if (!it) return -1;
  int found = 0;
  while (Value x = iter_next(ts, it)) {
    int eq = equal(ts, x, item);
    decref(x);
    if (eq != 0) {
      found = eq;
      break;
    }
  }
  decref(it);
  if (found == 0 && ts.has_error()) return -1;
  return found;
}

Value get_iter(ThreadState& ts, Value v) {
  Type* t = type_of(ts, v);
  if (t->slots.iter) {
    Value it = t->slots.iter(ts, v);
    if (it && !type_of(ts, it)->slots.iternext) {
      std::string tn(type_name(ts, it));
      decref(it);
      return raisef(ts, ts.exc_types().TypeError, "iter() returned non-iterator of type '{}'", tn);
    }
    return it;
  }
  if (has_sequence_getitem(t)) return native_iter_new(ts, "iterator", sequence_iter_next, v);
  return raisef(ts, ts.exc_types().TypeError, "'{}' object is not iterable", t->name->view());
}

Value iter_next(ThreadState& ts, Value iterator) {
  Type* t = type_of(ts, iterator);
  if (t->slots.iternext) return t->slots.iternext(ts, iterator);
  return raisef(ts, ts.exc_types().TypeError, "'{}' object is not an iterator", t->name->view());
}

// ------------------------------------------------------------- attributes

Value get_attr(ThreadState& ts, Value obj, Str* name) {
  Type* t = type_of(ts, obj);
  if (t->slots.getattr) return t->slots.getattr(ts, obj, name);
  return generic_getattr(ts, obj, name);
}

Value get_attr(ThreadState& ts, Value obj, std::string_view name) {
  return get_attr(ts, obj, str_intern(ts, name));
}

Value get_attr_optional(ThreadState& ts, Value obj, Str* name) {
  Value r = get_attr(ts, obj, name);
  if (!r && is_subtype(type_of(ts, ts.exc), ts.exc_types().AttributeError)) ts.clear_error();
  return r;
}

int set_attr(ThreadState& ts, Value obj, Str* name, Value value) {
  Type* t = type_of(ts, obj);
  if (t->slots.setattr) return t->slots.setattr(ts, obj, name, value);
  return generic_setattr(ts, obj, name, value);
}

int del_attr(ThreadState& ts, Value obj, Str* name) { return set_attr(ts, obj, name, Value::null()); }

// ------------------------------------------------------------------ calls

Value call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  if (callable.is_object()) {
    Object* o = callable.as_object();
    switch (exact_tag(o)) {
      case Tag::Function:
        // call_function guards the Python-level depth itself.
        return call_function(ts, static_cast<Function*>(o), args, nargs, kwnames);
      case Tag::Builtin: {
        Builtin* b = static_cast<Builtin*>(o);
        if (!b->self) {
          if (b->is_method && !builtin_self_check(ts, b, args, nargs)) return Value::null();
          return b->fn(ts, args, nargs, kwnames);
        }
        if (ts.c_stack_exhausted()) break;
        PrependedArgs argv(b->self, args, nargs + kw_count(kwnames));
        return b->fn(ts, argv.data(), nargs + 1, kwnames);
      }
      case Tag::BoundMethod: {
        BoundMethod* m = static_cast<BoundMethod*>(o);
        if (ts.c_stack_exhausted()) break;
        PrependedArgs argv(m->self, args, nargs + kw_count(kwnames));
        return call(ts, m->func, argv.data(), nargs + 1, kwnames);
      }
      default:
        break;
    }
    if (ts.c_stack_exhausted())
      return raise(ts, ts.exc_types().RecursionError,
                   "maximum recursion depth exceeded while calling a Python object");
    if ((o->tag & ~kSubclassBit) == static_cast<uint8_t>(Tag::Type)) {
      // A metaclass's __call__ comes first (classes of user metaclasses).
      if ((o->tag & kSubclassBit) && o->type->slots.call)
        return o->type->slots.call(ts, callable, args, nargs, kwnames);
      Type* t = static_cast<Type*>(o);
      if (t->slots.construct) return t->slots.construct(ts, t, args, nargs, kwnames);
      return raisef(ts, ts.exc_types().TypeError, "cannot create '{}' instances", t->name->view());
    }
    if (o->type->slots.call) return o->type->slots.call(ts, callable, args, nargs, kwnames);
  }
  return raisef(ts, ts.exc_types().TypeError, "'{}' object is not callable", type_name(ts, callable));
}

Value call_method(ThreadState& ts, Value obj, std::string_view name, const Value* args, size_t nargs) {
  Str* n = str_intern(ts, name);
  Type* t = type_of(ts, obj);
  // Skip creating a bound method when the attribute is a plain method not
  // shadowed by the instance dict (the common case).
  if (!t->slots.getattr) {
    Value attr = type_lookup(t, n);
    if (attr && (is_function(attr) ||
                 (has_tag(attr, Tag::Builtin) && static_cast<Builtin*>(attr.as_object())->is_method))) {
      Dict** slot = instance_dict_slot(obj);
      if (!slot || !*slot || !dict_get_str(*slot, n)) {
        PrependedArgs argv(obj, args, nargs);
        return call(ts, attr, argv.data(), nargs + 1);
      }
    }
  }
  Value m = get_attr(ts, obj, n);
  if (!m) return m;
  Value r = call(ts, m, args, nargs);
  decref(m);
  return r;
}

bool is_callable(ThreadState& ts, Value v) {
  if (!v.is_object()) return false;
  switch (static_cast<Tag>(v.as_object()->tag & ~kSubclassBit)) {
    case Tag::Function:
    case Tag::Builtin:
    case Tag::BoundMethod:
    case Tag::Type:
      return true;
    default:
      return type_of(ts, v)->slots.call != nullptr;
  }
}

bool to_index(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  if (has_tag(v, Tag::Bool)) {
    *out = v.is(ts.interp->true_) ? 1 : 0;
    return true;
  }
  if (has_layout(v, Tag::BigInt) || has_layout(v, Tag::Bool)) {
    if (int_to_i64(v, out)) return true;
    raise(ts, ts.exc_types().OverflowError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  Type* t = type_of(ts, v);
  if (!t->is_builtin) {
    if (Value hook = type_lookup(t, ts.names().__index__)) {
      Value r = call(ts, hook, &v, 1);
      if (!r) return false;
      if (!is_int_like(r)) {
        std::string tn(type_name(ts, r));
        decref(r);
        raisef(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})", tn);
        return false;
      }
      bool ok = to_index(ts, r, out);
      decref(r);
      return ok;
    }
  }
  raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
         t->name->view());
  return false;
}

}  // namespace gilvm
