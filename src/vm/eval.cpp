// The eval loop: one function runs Python frames until its entry frame
// returns.
//
// Hot state (ip, stack pointer, frame, locals) lives in C++ locals and is
// written back to the frame (SAVE_STATE) at every point where something
// else may look at it: before calls out, before raising, at yields. Python
// -to-Python calls do not recurse in C++: the callee's frame is pushed and
// the loop continues, so deep Python recursion costs no native stack and
// RecursionError is a counter check. Dispatch is computed goto (GCC/Clang)
// with a portable switch fallback (GILVM_SWITCH_DISPATCH), the loop body
// written once behind the TARGET/DISPATCH macros.
//
// Errors never throw: a failing operation leaves the exception in
// ts.exc and jumps to `error`, which records the traceback entry, searches
// the code's exception table, and either resumes at a handler or pops the
// frame and repeats in the caller.
#include "vm/eval.h"

#include <cmath>
#include <cstring>

#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "runtime/alloc.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/call.h"
#include "vm/coroutine.h"
#include "vm/eval_breaker.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/import.h"
#include "vm/match.h"
#include "vm/thread_state.h"

#if !defined(GILVM_SWITCH_DISPATCH) && (defined(__GNUC__) || defined(__clang__))
#define GILVM_COMPUTED_GOTO 1
#else
#define GILVM_COMPUTED_GOTO 0
#endif

namespace gilvm {

namespace {

// ------------------------------------------------------------------ helpers

// `with` and `async with`: ctx.__enter__() (or __aenter__(), an awaitable)
// with the bound __exit__ (__aexit__) in *bound_exit; null on an error.
Value enter_context(ThreadState& ts, Value ctx, bool async, Value* bound_exit) {
  Type* type = type_of(ts, ctx);
  Str* enter_name = async ? str_intern(ts, "__aenter__") : ts.names().__enter__;
  Str* exit_name = async ? str_intern(ts, "__aexit__") : ts.names().__exit__;
  Value enter = type_lookup(type, enter_name);
  if (!enter || !type_lookup(type, exit_name)) {
    return raisef(ts, ts.exc_types().TypeError, "'{}' object does not support the {}context manager protocol{}",
                  type_name(ts, ctx), async ? "asynchronous " : "",
                  !enter ? "" : async ? " (missed __aexit__ method)" : " (missed __exit__ method)");
  }
  *bound_exit = get_attr(ts, ctx, exit_name);
  if (!*bound_exit) return Value::null();
  Value entered = call_method(ts, ctx, async ? "__aenter__" : "__enter__", nullptr, 0);
  if (!entered) decref(*bound_exit);
  return entered;
}

inline bool both_small(Value a, Value b) { return (a.raw() & b.raw() & 1) != 0; }

// Small-int fast paths; return null when the generic path must run.
GILVM_INLINE Value small_binary(BinaryOp op, Value a, Value b) {
  int64_t x = a.as_small(), y = b.as_small(), r;
  switch (op) {
    case BinaryOp::Add:
      r = x + y;  // cannot overflow int64: both are 63-bit
      break;
    case BinaryOp::Sub:
      r = x - y;
      break;
    case BinaryOp::Mul:
      if (__builtin_mul_overflow(x, y, &r)) return Value::null();
      break;
    case BinaryOp::FloorDiv:
      if (y == 0) return Value::null();
      r = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
      break;
    case BinaryOp::Mod:
      if (y == 0) return Value::null();
      r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      break;
    case BinaryOp::And: r = x & y; break;
    case BinaryOp::Or: r = x | y; break;
    case BinaryOp::Xor: r = x ^ y; break;
    default: return Value::null();
  }
  return Value::fits_small(r) ? Value::from_small(r) : Value::null();
}

inline bool small_compare(CompareOp op, int64_t x, int64_t y) {
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

inline bool float_compare(CompareOp op, double x, double y) {
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

GILVM_INLINE bool float_arith(BinaryOp op, double x, double y, double* r) {
  switch (op) {
    case BinaryOp::Add: *r = x + y; return true;
    case BinaryOp::Sub: *r = x - y; return true;
    case BinaryOp::Mul: *r = x * y; return true;
    case BinaryOp::TrueDiv:
      if (y == 0) return false;  // ZeroDivisionError comes from the generic path
      *r = x / y;
      return true;
    case BinaryOp::Pow:
      // The common case (`d2 ** 0.5`) of float_pow: a positive finite base
      // and a finite exponent is plain pow(). Special values, negative bases
      // and overflow (an OverflowError) take the generic path.
      if (!(x > 0 && std::isfinite(x) && std::isfinite(y))) return false;
      *r = std::pow(x, y);
      return std::isfinite(*r);
    default: return false;
  }
}

// A new float, allocated inline from the small-object cache (the generic
// float_new is a call away, and arithmetic makes a float per operation).
GILVM_INLINE Value box_float(ThreadState& ts, double d) {
  uint8_t size_class;
  // Not zeroed: every byte the float uses is set below.
  auto* f = static_cast<Float*>(small_alloc(sizeof(Float), &size_class, false));
  init_header(f, ts.interp->types.float_, static_cast<uint8_t>(Tag::Float), size_class, ts.slot);
  f->value = d;
  return Value::from_object(f);
}

// decref for the slots float arithmetic keeps overwriting (operands, a
// local's old value, a list item): an exact float's box goes straight back
// to the small-object cache instead of through the out-of-line
// dealloc_object. Floats have no dealloc slot and no children.
GILVM_INLINE void decref_float_fast(Value v) {
  if (!v.is_object()) return;
  Object* o = v.as_object();
  if (!decref_is_last(o)) return;
  if (o->tag == static_cast<uint8_t>(Tag::Float)) {
    small_free_inline(o, size_class_of(o));
  } else {
    dealloc_object(o);
  }
}

// Boxes a float result, reusing an operand's box when the stack held the
// only reference to it (a temporary such as `dx * dx` in `dx*dx + dy*dy`):
// that saves an allocation and a free per operation. Consumes a and b.
GILVM_INLINE Value float_result(ThreadState& ts, Value a, Value b, double r) {
  if (has_tag(a, Tag::Float) && can_reuse_in_place(a.as_object())) {
    static_cast<Float*>(a.as_object())->value = r;
    decref_float_fast(b);
    return a;
  }
  if (has_tag(b, Tag::Float) && can_reuse_in_place(b.as_object())) {
    static_cast<Float*>(b.as_object())->value = r;
    decref_float_fast(a);
    return b;
  }
  decref(a);  // neither is a temporary: both outlive this operation
  decref(b);
  return box_float(ts, r);
}

// The generic protocol, for everything the fast paths below do not take.
__attribute__((noinline)) Value binary_generic(ThreadState& ts, BinaryOp op, Value a, Value b,
                                               bool inplace) {
  Value r = inplace ? inplace_op(ts, op, a, b) : binary_op(ts, op, a, b);
  decref(a);
  decref(b);
  return r;
}

// Arithmetic with int and float fast paths, then the generic protocol.
// Consumes the references to a and b.
GILVM_INLINE Value binary_consume(ThreadState& ts, BinaryOp op, Value a, Value b, bool inplace) {
  if (both_small(a, b)) {
    Value r = small_binary(op, a, b);
    if (r) return r;
  } else if (op == BinaryOp::Add && is_str(a) && is_str(b)) {
    Value r = str_concat(ts, as_str(a), as_str(b));
    decref(a);
    decref(b);
    return r;
  } else {
    double x, y, r;
    bool fa = has_tag(a, Tag::Float), fb = has_tag(b, Tag::Float);
    if ((fa || a.is_small()) && (fb || b.is_small()) && (fa || fb)) {
      x = fa ? float_value(a) : static_cast<double>(a.as_small());
      y = fb ? float_value(b) : static_cast<double>(b.as_small());
      if (float_arith(op, x, y, &r)) return float_result(ts, a, b, r);
    }
  }
  return binary_generic(ts, op, a, b, inplace);
}

// Returns 1/0, or -1 on error.
inline int fast_compare(ThreadState& ts, CompareOp op, Value a, Value b) {
  if (both_small(a, b)) return small_compare(op, a.as_small(), b.as_small());
  if (is_float(a) && is_float(b)) return float_compare(op, float_value(a), float_value(b));
  return compare_bool(ts, a, b, op);
}

inline int fast_truthy(ThreadState& ts, Value v) {
  if (v.is_small()) return v.as_small() != 0;
  const Interpreter& in = *ts.interp;
  if (v.is(in.true_)) return 1;
  if (v.is(in.false_) || v.is(in.none)) return 0;
  return truthy(ts, v);
}

Value unbound_local(ThreadState& ts, Code* code, uint32_t idx) {
  return raisef(ts, ts.exc_types().UnboundLocalError,
                "cannot access local variable '{}' where it is not associated with a value",
                code->varnames[idx]->view());
}

Value unbound_deref(ThreadState& ts, Code* code, uint32_t idx) {
  size_t ncell = code->cellvars.size();
  if (idx < ncell) {
    return raisef(ts, ts.exc_types().UnboundLocalError,
                  "cannot access local variable '{}' where it is not associated with a value",
                  code->cellvars[idx]->view());
  }
  return raisef(ts, ts.exc_types().NameError,
                "cannot access free variable '{}' where it is not associated with a value in "
                "enclosing scope",
                code->freevars[idx - ncell]->view());
}

Value name_error(ThreadState& ts, Str* name) {
  return raisef(ts, ts.exc_types().NameError, "name '{}' is not defined", name->view());
}

// Looks a name up in a namespace that may be a dict subclass or mapping.
Value namespace_get(ThreadState& ts, Dict* d, Str* name) {
  Value v = dict_get_str(d, name);
  return v;
}

// Builds the string for an f-string field.
Value format_field(ThreadState& ts, Value v, uint32_t flags, Value spec) {
  Ref converted;
  switch (flags & 3) {
    case 1: converted = Ref::steal(to_str(ts, v)); break;
    case 2: converted = Ref::steal(repr(ts, v)); break;
    case 3:  // ascii()
      converted = Ref::steal(repr(ts, v));
      if (converted && !as_str(converted.get())->ascii)
        converted = Ref::steal(str_new(ts, ascii_escape(as_str(converted.get())->view())));
      break;
    default: converted = Ref::borrow(v); break;
  }
  if (!converted) return Value::null();
  if (!spec && is_str(converted.get())) return converted.release();
  std::string_view spec_text = spec ? as_str(spec)->view() : std::string_view();
  return format_value(ts, converted.get(), spec_text);
}

Value build_string(ThreadState& ts, Value* items, size_t n) {
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) total += static_cast<size_t>(as_str(items[i])->nbytes);
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < n; ++i) out.append(as_str(items[i])->view());
  return str_new(ts, out);
}

// Unpacks `seq` into exactly n values written to out[0..n) (new refs).
bool unpack_sequence(ThreadState& ts, Value seq, Value* out, size_t n) {
  const Value* items = nullptr;
  int64_t size = -1;
  if (is_tuple(seq)) {
    items = as_tuple(seq)->items;
    size = as_tuple(seq)->size;
  } else if (is_list(seq)) {
    items = as_list(seq)->items;
    size = as_list(seq)->size;
  }
  if (items) {
    if (size != static_cast<int64_t>(n)) {
      if (size < static_cast<int64_t>(n)) {
        raisef(ts, ts.exc_types().ValueError, "not enough values to unpack (expected {}, got {})", n, size);
      } else {
        raisef(ts, ts.exc_types().ValueError, "too many values to unpack (expected {})", n);
      }
      return false;
    }
    for (size_t i = 0; i < n; ++i) out[i] = newref(items[i]);
    return true;
  }
  Ref it = Ref::steal(get_iter(ts, seq));
  if (!it) {
    if (ts.has_error()) {
      ts.clear_error();
      raisef(ts, ts.exc_types().TypeError, "cannot unpack non-iterable {} object", type_name(ts, seq));
    }
    return false;
  }
  size_t got = 0;
  for (; got < n; ++got) {
    Value v = iter_next(ts, it.get());
    if (!v) {
      for (size_t j = 0; j < got; ++j) decref(out[j]);
      if (!ts.has_error()) {
        raisef(ts, ts.exc_types().ValueError, "not enough values to unpack (expected {}, got {})", n, got);
      }
      return false;
    }
    out[got] = v;
  }
  Value extra = iter_next(ts, it.get());
  if (extra || ts.has_error()) {
    decref(extra);
    for (size_t j = 0; j < n; ++j) decref(out[j]);
    if (!ts.has_error()) raisef(ts, ts.exc_types().ValueError, "too many values to unpack (expected {})", n);
    return false;
  }
  return true;
}

// a, *b, c = seq: out gets before + 1 + after values in order.
bool unpack_ex(ThreadState& ts, Value seq, Value* out, size_t before, size_t after) {
  Ref list = Ref::steal(list_from_iterable(ts, seq));
  if (!list) {
    if (ts.has_error() && !is_list(seq)) {
      // Keep CPython's wording for non-iterables.
      Value e = ts.fetch_error();
      if (exception_matches(ts, e, Value::from_object(ts.exc_types().TypeError)) == 1) {
        decref(e);
        raisef(ts, ts.exc_types().TypeError, "cannot unpack non-iterable {} object", type_name(ts, seq));
      } else {
        ts.set_error(e);
      }
    }
    return false;
  }
  List* l = as_list(list.get());
  if (static_cast<size_t>(l->size) < before + after) {
    raisef(ts, ts.exc_types().ValueError, "not enough values to unpack (expected at least {}, got {})",
           before + after, l->size);
    return false;
  }
  for (size_t i = 0; i < before; ++i) out[i] = newref(l->items[i]);
  int64_t mid_len = l->size - static_cast<int64_t>(before + after);
  Value mid = list_new(ts, mid_len);
  for (int64_t i = 0; i < mid_len; ++i) as_list(mid)->items[i] = newref(l->items[before + i]);
  out[before] = mid;
  for (size_t i = 0; i < after; ++i) out[before + 1 + i] = newref(l->items[before + mid_len + i]);
  return true;
}

Value make_function(ThreadState& ts, Frame* f, Code* code, uint32_t flags, Value* popped) {
  // popped: [defaults?, kwdefaults?, closure?] in push order.
  Value fv = function_new(ts, code, f->globals);
  if (!fv) return fv;
  Function* fn = as_function(fv);
  size_t i = 0;
  if (flags & 1) fn->defaults = as_tuple(popped[i++]);
  if (flags & 2) fn->kwdefaults = as_dict(popped[i++]);
  if (flags & 8) fn->closure = as_tuple(popped[i++]);
  if (fn->defaults) incref(fn->defaults);
  if (fn->kwdefaults) incref(fn->kwdefaults);
  if (fn->closure) incref(fn->closure);
  if (code->doc_const >= 0) fn->doc = newref(code->consts[static_cast<size_t>(code->doc_const)]);
  Value modname = dict_get_str(f->globals, ts.names().__name__);
  if (modname) fn->module = newref(modname);
  return fv;
}

// Calls with a tuple of positional arguments and an optional dict of
// keyword arguments (f(*a, **k)).
Value call_with_tuple(ThreadState& ts, Value callable, Value args, Value kwargs) {
  Tuple* t = as_tuple(args);
  if (!kwargs) return call(ts, callable, t->items, static_cast<size_t>(t->size));
  Dict* d = as_dict(kwargs);
  std::vector<Value> all(t->items, t->items + t->size);
  Ref names = Ref::steal(tuple_new(ts, d->used));
  int64_t pos = 0, i = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    if (!is_str_like(k)) {
      return raisef(ts, ts.exc_types().TypeError, "keywords must be strings");
    }
    as_tuple(names.get())->items[i++] = newref(k);
    all.push_back(v);
  }
  return call(ts, callable, all.data(), static_cast<size_t>(t->size), d->used ? as_tuple(names.get()) : nullptr);
}

bool dict_merge_kwargs(ThreadState& ts, Dict* target, Value source, Value func) {
  if (!is_dict(source)) {
    // A mapping: use keys() and [].
    Ref keys = Ref::steal(call_method(ts, source, "keys", nullptr, 0));
    if (!keys) {
      ts.clear_error();
      return raisef(ts, ts.exc_types().TypeError, "argument after ** must be a mapping, not {}",
                    type_name(ts, source)),
             false;
    }
    Ref it = Ref::steal(get_iter(ts, keys.get()));
    if (!it) return false;
    while (Value k = iter_next(ts, it.get())) {
      Ref key = Ref::steal(k);
      Ref val = Ref::steal(get_item(ts, source, k));
      if (!val || !dict_set(ts, target, k, val.get())) return false;
    }
    return !ts.has_error();
  }
  int64_t pos = 0;
  Value k, v;
  while (dict_next(as_dict(source), &pos, &k, &v)) {
    if (dict_get(ts, target, k)) {
      std::string fname = "function";
      if (is_function(func)) fname = std::string(as_function(func)->qualname->view()) + "()";
      std::string key;
      str_utf8(ts, k, &key);
      raisef(ts, ts.exc_types().TypeError, "{} got multiple values for keyword argument '{}'", fname, key);
      return false;
    }
    if (!dict_set(ts, target, k, v)) return false;
  }
  return true;
}

Value do_raise(ThreadState& ts, Value exc, Value cause) {
  if (cause) {
    Ref inst;
    if (has_tag(exc, Tag::Type) && static_cast<Type*>(exc.as_object())->is_exception) {
      inst = Ref::steal(call(ts, exc, nullptr, 0));
      if (!inst) return Value::null();
    } else {
      inst = Ref::borrow(exc);
    }
    if (!is_exception(inst.get())) return raise_value(ts, inst.get());
    Ref cause_inst;
    if (cause.is(ts.none())) {
      cause_inst = Ref();
    } else if (has_tag(cause, Tag::Type) && static_cast<Type*>(cause.as_object())->is_exception) {
      cause_inst = Ref::steal(call(ts, cause, nullptr, 0));
      if (!cause_inst) return Value::null();
    } else if (is_exception(cause)) {
      cause_inst = Ref::borrow(cause);
    } else {
      return raise(ts, ts.exc_types().TypeError, "exception causes must derive from BaseException");
    }
    ExceptionObject* e = as_exception(inst.get());
    decref(e->cause);
    e->cause = cause_inst.release();
    e->suppress_context = true;
    return raise_value(ts, inst.get());
  }
  return raise_value(ts, exc);
}

// Fills an attribute inline cache for receivers of type `t`.
void fill_attr_cache(ThreadState& ts, AttrCache& cache, Type* t, Str* name) {
  cache.type = t;
  cache.epoch = ts.interp->type_epoch;
  Value attr = type_lookup(t, name);
  cache.type_attr = attr;
  if (name == ts.names().__dict__ || name == ts.names().__class__) {
    cache.kind = AttrCache::kComplex;  // assigning them is not a dict store
  } else if (!attr) {
    cache.kind = AttrCache::kNone;
  } else if (has_tag(attr, Tag::Function) ||
             (has_tag(attr, Tag::Builtin) && static_cast<Builtin*>(attr.as_object())->is_method)) {
    cache.kind = AttrCache::kMethod;
  } else if (!attr.is_object()) {
    cache.kind = AttrCache::kPlain;
  } else if (!attr.as_object()->type->slots.descr_get) {
    // __set__ or __delete__ without __get__ still makes a data descriptor,
    // which a store must call rather than bypass into the instance dict.
    Type* at = attr.as_object()->type;
    bool data_descr = type_lookup(at, ts.names().__set__) || type_lookup(at, ts.names().__delete__);
    cache.kind = data_descr ? AttrCache::kComplex : AttrCache::kPlain;
  } else {
    cache.kind = AttrCache::kComplex;
  }
}

// The instance dict of a plain user-class instance, the common receiver.
GILVM_INLINE Dict* fast_instance_dict(Object* o) {
  if (o->tag == (static_cast<uint8_t>(Tag::Object) | kSubclassBit)) return static_cast<Instance*>(o)->dict;
  // Exact built-in objects (a list, a str: the receivers of lines.append,
  // s.split) have no dict unless instance_dict_slot names their layout.
  auto tag = static_cast<Tag>(o->tag);  // exact: no kSubclassBit
  if (!(o->tag & kSubclassBit) && tag != Tag::Object && tag != Tag::Exception &&
      tag != Tag::Function)
    return nullptr;
  Dict** slot = instance_dict_slot(Value::from_object(o));
  return slot ? *slot : nullptr;
}

// The entry number of `name` in `d`, or -1: the cache's remembered entry
// number when its key is still `name`, else a real lookup, which updates
// the hint. Deleted entries have a null key, so they never match.
GILVM_INLINE int64_t cached_dict_find(AttrCache& cache, Dict* d, Str* name) {
  uint32_t hint = cache.dict_hint;
  if (hint < d->nentries && d->entries[hint].key.is(Value::from_object(name))) return hint;
  int64_t ix = dict_find_str(d, name);
  if (ix >= 0) cache.dict_hint = static_cast<uint32_t>(ix);
  return ix;
}

}  // namespace

// ------------------------------------------------------------------ the loop

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing);

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing) {
#if GILVM_COMPUTED_GOTO
  static void* const kDispatch[] = {
#define GILVM_OP_LABEL(name, words, stack, doc) &&L_##name,
      GILVM_OPCODES(GILVM_OP_LABEL)
#undef GILVM_OP_LABEL
  };
  // The legacy GIL counts a tick per instruction: while it is active every
  // opcode first goes through `tick`, which then jumps to the real handler.
  // The default policy pays nothing for this: only the table differs.
  static void* const kTickDispatch[] = {
#define GILVM_OP_TICK(name, words, stack, doc) &&tick,
      GILVM_OPCODES(GILVM_OP_TICK)
#undef GILVM_OP_TICK
  };
  void* const* dispatch_table = kDispatch;
#define TARGET(name) L_##name:
#define DISPATCH()                         \
  do {                                     \
    word = *ip++;                          \
    goto* dispatch_table[word & 0xff];     \
  } while (0)
#define RELOAD_TICKING() (dispatch_table = ts.counting_ticks ? kTickDispatch : kDispatch)
#else
  bool counting_ticks = false;
#define TARGET(name) case Op::name:
#define DISPATCH() goto dispatch
#define RELOAD_TICKING() (counting_ticks = ts.counting_ticks)
#endif

  const Interpreter& interp = *ts.interp;
  Frame* f = entry;
  f->prev = ts.frame;
  f->is_entry = true;
  ts.frame = f;

  const uint32_t* ip;
  Value* sp;
  Value* locals;
  Code* code;
  Value* consts;
  uint32_t word = 0;
  bool reraise = false;  // the pending exception already has this frame's traceback entry
  // Operands of the shared push_python_frame block (see there).
  Function* call_fn = nullptr;
  Value* call_argv = nullptr;
  uint32_t call_argc = 0;
  Value call_self;
  Value call_callable;
  Value* call_base = nullptr;

#define LOAD_STATE()                \
  do {                              \
    code = f->code;                 \
    ip = f->ip;                     \
    sp = f->sp;                     \
    locals = f->localsplus;         \
    consts = code->consts.data();   \
  } while (0)
#define SAVE_STATE() \
  do {               \
    f->ip = ip;      \
    f->sp = sp;      \
  } while (0)
#define ARG() (word >> 8)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
// Every operation that can fail, call out, or release the GIL runs with
// the frame state saved, so tracebacks and other threads see it.
#define CHECK(v)          \
  do {                    \
    if (!(v)) goto error; \
  } while (0)

  LOAD_STATE();
  RELOAD_TICKING();
  if (++ts.depth > interp.recursion_limit || ts.c_stack_exhausted()) {
    --ts.depth;
    ts.frame = f->prev;
    raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded");
    return Value::null();
  }
  if (throwing) goto error;

#if GILVM_COMPUTED_GOTO
  DISPATCH();

tick:
  if (--ts.ticks <= 0) {
    SAVE_STATE();
    ticks_elapsed(ts);
  }
  goto* kDispatch[word & 0xff];
#else
dispatch:
  word = *ip++;
  if (__builtin_expect(counting_ticks, 0) && --ts.ticks <= 0) {
    SAVE_STATE();
    ticks_elapsed(ts);
  }
  switch (decode_op(word)) {
#endif

  TARGET(NOP) { DISPATCH(); }

  TARGET(POP_TOP) {
    Value v = POP();
    decref(v);
    DISPATCH();
  }

  TARGET(COPY) {
    Value v = PEEK(ARG());
    PUSH(newref(v));
    DISPATCH();
  }

  TARGET(SWAP) {
    Value tmp = TOP();
    TOP() = PEEK(ARG());
    PEEK(ARG()) = tmp;
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    Value v = consts[ARG()];
    PUSH(newref(v));
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Value v = locals[ARG()];
    if (__builtin_expect(v.is_null(), 0)) {
      SAVE_STATE();
      unbound_local(ts, code, ARG());
      goto error;
    }
    PUSH(newref(v));
    DISPATCH();
  }

  TARGET(LOAD_FAST_LOAD_FAST) {
    uint32_t a = ARG() & 0xfff, b = ARG() >> 12;
    Value x = locals[a], y = locals[b];
    if (__builtin_expect(x.is_null() || y.is_null(), 0)) {
      SAVE_STATE();
      unbound_local(ts, code, x.is_null() ? a : b);
      goto error;
    }
    PUSH(newref(x));
    PUSH(newref(y));
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    Value old = locals[ARG()];
    locals[ARG()] = POP();
    decref_float_fast(old);
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    Value old = locals[ARG()];
    if (old.is_null()) {
      SAVE_STATE();
      unbound_local(ts, code, ARG());
      goto error;
    }
    locals[ARG()] = Value::null();
    decref(old);
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    auto* cell = static_cast<Cell*>(f->cells()[ARG()].as_object());
    if (cell->value.is_null()) {
      SAVE_STATE();
      unbound_deref(ts, code, ARG());
      goto error;
    }
    PUSH(newref(cell->value));
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    auto* cell = static_cast<Cell*>(f->cells()[ARG()].as_object());
    Value old = cell->value;
    cell->value = POP();
    decref(old);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    auto* cell = static_cast<Cell*>(f->cells()[ARG()].as_object());
    if (cell->value.is_null()) {
      SAVE_STATE();
      unbound_deref(ts, code, ARG());
      goto error;
    }
    Value old = cell->value;
    cell->value = Value::null();
    decref(old);
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    PUSH(newref(f->cells()[ARG()]));
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    GlobalCache& cache = code->global_caches[*ip++];
    Dict* globals = f->globals;
    if (__builtin_expect(cache.globals == globals && cache.globals_version == globals->version &&
                             (!cache.builtins || (cache.builtins == f->builtins &&
                                                  cache.builtins_version == f->builtins->version)),
                         1)) {
      PUSH(newref(cache.value));
      DISPATCH();
    }
    Str* name = code->names[ARG()];
    Value v = Value::null();
    if (cache.globals == globals && !cache.builtins && cache.globals_index < globals->nentries &&
        globals->entries[cache.globals_index].key.is(Value::from_object(name))) {
      v = globals->entries[cache.globals_index].value;  // still there, maybe rebound
    } else if (int64_t ix = dict_find_str(globals, name); ix >= 0) {
      v = globals->entries[ix].value;
      cache.globals_index = static_cast<uint32_t>(ix);
    }
    cache.globals = globals;
    cache.globals_version = globals->version;
    cache.builtins = nullptr;
    if (v.is_null()) {
      v = dict_get_str(f->builtins, name);
      if (v.is_null()) {
        cache.globals = nullptr;
        SAVE_STATE();
        name_error(ts, name);
        goto error;
      }
      cache.builtins = f->builtins;
      cache.builtins_version = f->builtins->version;
    }
    cache.value = v;
    PUSH(newref(v));
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    SAVE_STATE();
    Value v = POP();
    bool ok = dict_set(ts, f->globals, Value::from_object(code->names[ARG()]), v);
    decref(v);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    SAVE_STATE();
    int r = dict_del(ts, f->globals, Value::from_object(code->names[ARG()]));
    if (r == 0) name_error(ts, code->names[ARG()]);
    if (r != 1) goto error;
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Str* name = code->names[ARG()];
    Value v = Value::null();
    if (f->locals) {
      v = namespace_get(ts, f->locals, name);
    }
    if (v.is_null()) v = dict_get_str(f->globals, name);
    if (v.is_null()) v = dict_get_str(f->builtins, name);
    if (v.is_null()) {
      SAVE_STATE();
      name_error(ts, name);
      goto error;
    }
    PUSH(newref(v));
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    SAVE_STATE();
    Value v = POP();
    Dict* ns = f->locals ? f->locals : f->globals;
    bool ok = dict_set(ts, ns, Value::from_object(code->names[ARG()]), v);
    decref(v);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    SAVE_STATE();
    Dict* ns = f->locals ? f->locals : f->globals;
    int r = dict_del(ts, ns, Value::from_object(code->names[ARG()]));
    if (r == 0) name_error(ts, code->names[ARG()]);
    if (r != 1) goto error;
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    AttrCache& cache = code->attr_caches[*ip++];
    Value obj = TOP();
    Str* name = code->names[ARG()];
    if (obj.is_object()) {
      Type* t = obj.as_object()->type;
      if (!t->slots.getattr) {
        if (__builtin_expect(cache.type != t || cache.epoch != interp.type_epoch, 0)) {
          fill_attr_cache(ts, cache, t, name);
        }
        if (cache.kind != AttrCache::kComplex) {
          Dict* d = fast_instance_dict(obj.as_object());
          Value v = Value::null();
          if (d) {
            int64_t ix = cached_dict_find(cache, d, name);
            if (ix >= 0) v = d->entries[ix].value;
          }
          if (!v && cache.kind == AttrCache::kPlain) v = cache.type_attr;
          if (v) {
            TOP() = newref(v);
            decref(obj);
            DISPATCH();
          }
        }
      }
    }
    SAVE_STATE();
    Value v = get_attr(ts, obj, name);
    CHECK(v);
    TOP() = v;
    decref(obj);
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    AttrCache& cache = code->attr_caches[*ip++];
    Value obj = POP();
    Value v = POP();
    Str* name = code->names[ARG()];
    SAVE_STATE();
    if (obj.is_object()) {
      Type* t = obj.as_object()->type;
      if (!t->slots.setattr) {
        if (__builtin_expect(cache.type != t || cache.epoch != interp.type_epoch, 0)) {
          fill_attr_cache(ts, cache, t, name);
        }
        // No data descriptor on the type: the value goes to the instance dict.
        if (cache.kind != AttrCache::kComplex) {
          Dict* d = fast_instance_dict(obj.as_object());
          if (!d && obj.as_object()->tag == (static_cast<uint8_t>(Tag::Object) | kSubclassBit) &&
              t->instances_have_dict && !t->restricts_attrs) {
            // A fresh instance's first attribute (in __init__): create its
            // dict here rather than through the generic set_attr.
            d = as_dict(dict_new(ts));
            static_cast<Instance*>(obj.as_object())->dict = d;
          }
          if (d) {
            int64_t ix = cached_dict_find(cache, d, name);
            bool ok = true;
            if (ix >= 0) {
              // Replace in place, as dict_set would after its lookup.
              Value old = d->entries[ix].value;
              d->entries[ix].value = v;  // takes the popped reference
              ++d->version;
              decref(old);
            } else {
              ok = dict_set(ts, d, Value::from_object(name), v);
              // A new key is appended: remember where, for the next instance.
              if (ok) cache.dict_hint = static_cast<uint32_t>(d->nentries - 1);
              decref(v);
            }
            decref(obj);
            CHECK(ok);
            DISPATCH();
          }
        }
      }
    }
    int r = set_attr(ts, obj, name, v);
    decref(obj);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    SAVE_STATE();
    Value obj = POP();
    int r = del_attr(ts, obj, code->names[ARG()]);
    decref(obj);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    AttrCache& cache = code->attr_caches[*ip++];
    Value obj = TOP();
    Str* name = code->names[ARG()];
    // Avoid allocating a bound method for obj.method(...): when the type
    // provides a plain function and no instance attribute shadows it, push
    // the function and obj as its first argument.
    if (obj.is_object()) {
      Type* type = obj.as_object()->type;
      if (!type->slots.getattr) {
        if (__builtin_expect(cache.type != type || cache.epoch != interp.type_epoch, 0)) {
          fill_attr_cache(ts, cache, type, name);
        }
        if (cache.kind == AttrCache::kMethod) {
          Dict* d = fast_instance_dict(obj.as_object());
          if (!d || dict_find_str(d, name) < 0) {
            TOP() = newref(cache.type_attr);
            PUSH(obj);
            DISPATCH();
          }
        }
      }
    }
    SAVE_STATE();
    Value v = get_attr(ts, obj, name);
    CHECK(v);
    TOP() = v;
    PUSH(Value::null());
    decref(obj);
    DISPATCH();
  }

// The arithmetic instructions share one shape: pop b, combine with TOP,
// replace TOP. Add and subtract of two small ints (loop counters, indices)
// are done here before anything is called.
#define SMALL_INT_FAST_PATH(sign)                                               \
  if (both_small(a, b)) {                                                       \
    int64_t r = a.as_small() sign b.as_small();                                 \
    TOP() = Value::fits_small(r) ? Value::from_small(r) : int_from_i64(ts, r);  \
    DISPATCH();                                                                 \
  }
#define ARITHMETIC(op, inplace)                               \
  {                                                           \
    SAVE_STATE();                                             \
    Value r = binary_consume(ts, (op), a, b, (inplace));      \
    TOP() = r;                                                \
    if (!r) {                                                 \
      --sp;                                                   \
      goto error;                                             \
    }                                                         \
    DISPATCH();                                               \
  }

  TARGET(BINARY_ADD) {
    Value b = POP(), a = TOP();
    SMALL_INT_FAST_PATH(+)
    ARITHMETIC(BinaryOp::Add, false)
  }

  TARGET(BINARY_SUB) {
    Value b = POP(), a = TOP();
    SMALL_INT_FAST_PATH(-)
    ARITHMETIC(BinaryOp::Sub, false)
  }

  TARGET(BINARY_MUL) {
    Value b = POP(), a = TOP();
    ARITHMETIC(BinaryOp::Mul, false)
  }

  TARGET(BINARY_OP) {
    Value b = POP(), a = TOP();
    ARITHMETIC(static_cast<BinaryOp>(ARG()), false)
  }

  TARGET(INPLACE_ADD) {
    Value b = POP(), a = TOP();
    SMALL_INT_FAST_PATH(+)
    ARITHMETIC(BinaryOp::Add, true)
  }

  TARGET(INPLACE_SUB) {
    Value b = POP(), a = TOP();
    SMALL_INT_FAST_PATH(-)
    ARITHMETIC(BinaryOp::Sub, true)
  }

  TARGET(INPLACE_OP) {
    Value b = POP(), a = TOP();
    ARITHMETIC(static_cast<BinaryOp>(ARG()), true)
  }

#undef SMALL_INT_FAST_PATH
#undef ARITHMETIC

  TARGET(FAST_INPLACE_CONST) {
    uint32_t slot = ARG();
    uint32_t extra = *ip++;
    Value a = locals[slot];
    Value b = consts[extra & 0xffffff];
    auto op = static_cast<BinaryOp>(extra >> 24);
    if (__builtin_expect(a.is_null(), 0)) {
      SAVE_STATE();
      unbound_local(ts, code, slot);
      goto error;
    }
    if (both_small(a, b) && (op == BinaryOp::Add || op == BinaryOp::Sub)) {
      int64_t r = op == BinaryOp::Add ? a.as_small() + b.as_small() : a.as_small() - b.as_small();
      if (__builtin_expect(Value::fits_small(r), 1)) {
        locals[slot] = Value::from_small(r);
        DISPATCH();
      }
    }
    if (has_tag(a, Tag::Float) && can_reuse_in_place(a.as_object())) {
      // Only this local holds the float: update it in place.
      double r, y = has_tag(b, Tag::Float) ? float_value(b) : static_cast<double>(b.as_small());
      if ((b.is_small() || has_tag(b, Tag::Float)) && float_arith(op, float_value(a), y, &r)) {
        static_cast<Float*>(a.as_object())->value = r;
        DISPATCH();
      }
    }
    SAVE_STATE();
    Value r = binary_consume(ts, op, newref(a), newref(b), true);
    CHECK(r);
    locals[slot] = r;
    decref(a);
    DISPATCH();
  }

  TARGET(FAST_BINARY_CONST) {
    uint32_t slot = ARG();
    uint32_t extra = *ip++;
    Value a = locals[slot];
    Value b = consts[extra & 0xffffff];
    auto op = static_cast<BinaryOp>(extra >> 24);
    if (__builtin_expect(a.is_null(), 0)) {
      SAVE_STATE();
      unbound_local(ts, code, slot);
      goto error;
    }
    if (both_small(a, b) && (op == BinaryOp::Add || op == BinaryOp::Sub)) {
      int64_t r = op == BinaryOp::Add ? a.as_small() + b.as_small() : a.as_small() - b.as_small();
      if (__builtin_expect(Value::fits_small(r), 1)) {
        PUSH(Value::from_small(r));
        DISPATCH();
      }
    }
    SAVE_STATE();
    Value r = binary_consume(ts, op, newref(a), newref(b), false);
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(UNARY_OP) {
    Value v = TOP();
    SAVE_STATE();
    Value r;
    if (v.is_small() && static_cast<UnaryOp>(ARG()) == UnaryOp::Neg && v.as_small() != Value::kMinSmall) {
      r = Value::from_small(-v.as_small());
    } else {
      r = unary_op(ts, static_cast<UnaryOp>(ARG()), v);
    }
    CHECK(r);
    TOP() = r;
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Value v = TOP();
    SAVE_STATE();
    int t = fast_truthy(ts, v);
    if (t < 0) goto error;
    TOP() = interp.bool_value(!t);
    decref(v);
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Value b = POP(), a = TOP();
    auto op = static_cast<CompareOp>(ARG());
    if (both_small(a, b)) {
      TOP() = interp.bool_value(small_compare(op, a.as_small(), b.as_small()));
      DISPATCH();
    }
    SAVE_STATE();
    Value r = compare(ts, a, b, op);
    decref(a);
    decref(b);
    TOP() = r;
    if (!r) {
      --sp;
      goto error;
    }
    DISPATCH();
  }

  TARGET(COMPARE_JUMP) {
    uint32_t target = *ip++;
    Value b = POP(), a = POP();
    SAVE_STATE();
    int t = fast_compare(ts, static_cast<CompareOp>(ARG()), a, b);
    decref(a);
    decref(b);
    if (t < 0) goto error;
    if (!t) ip = code->words.data() + target;
    DISPATCH();
  }

  TARGET(FAST_CONST_COMPARE_JUMP) {
    uint32_t extra = ip[0];
    uint32_t target = ip[1];
    ip += 2;
    Value a = locals[ARG()];
    Value b = consts[extra & 0xffffff];
    auto op = static_cast<CompareOp>(extra >> 24);
    int t;
    if (__builtin_expect(both_small(a, b), 1)) {
      t = small_compare(op, a.as_small(), b.as_small());
    } else {
      SAVE_STATE();
      if (a.is_null()) {
        unbound_local(ts, code, ARG());
        goto error;
      }
      t = fast_compare(ts, op, a, b);
      if (t < 0) goto error;
    }
    if (!t) ip = code->words.data() + target;
    DISPATCH();
  }

  TARGET(FAST_FAST_COMPARE_JUMP) {
    uint32_t extra = ip[0];
    uint32_t target = ip[1];
    ip += 2;
    Value a = locals[ARG()];
    Value b = locals[extra & 0xffffff];
    auto op = static_cast<CompareOp>(extra >> 24);
    int t;
    if (__builtin_expect(both_small(a, b), 1)) {
      t = small_compare(op, a.as_small(), b.as_small());
    } else {
      SAVE_STATE();
      if (a.is_null() || b.is_null()) {
        unbound_local(ts, code, a.is_null() ? ARG() : (extra & 0xffffff));
        goto error;
      }
      t = fast_compare(ts, op, a, b);
      if (t < 0) goto error;
    }
    if (!t) ip = code->words.data() + target;
    DISPATCH();
  }

  TARGET(IS_OP) {
    Value b = POP(), a = TOP();
    bool r = a.is(b) != (ARG() != 0);
    TOP() = interp.bool_value(r);
    decref(a);
    decref(b);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Value container = POP(), item = TOP();
    SAVE_STATE();
    int r = contains(ts, container, item);
    decref(container);
    if (r < 0) {
      TOP() = Value::null();
      decref(item);
      --sp;
      goto error;
    }
    TOP() = interp.bool_value((r == 1) != (ARG() != 0));
    decref(item);
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Value key = POP(), container = TOP();
    SAVE_STATE();
    Value r;
    if (is_list(container) && key.is_small()) {
      List* l = as_list(container);
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        r = newref(l->items[i]);
        TOP() = r;
        decref(container);
        DISPATCH();
      }
    }
    r = get_item(ts, container, key);
    decref(key);
    decref(container);
    TOP() = r;
    if (!r) {
      --sp;
      goto error;
    }
    DISPATCH();
  }

  TARGET(FAST_SUBSCR_CONST) {
    uint32_t slot = ARG();
    Value key = consts[*ip++];
    Value container = locals[slot];
    if (__builtin_expect(container.is_null(), 0)) {
      SAVE_STATE();
      unbound_local(ts, code, slot);
      goto error;
    }
    if (is_list(container) && key.is_small()) {
      List* l = as_list(container);
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        PUSH(newref(l->items[i]));
        DISPATCH();
      }
    }
    SAVE_STATE();
    Value r = get_item(ts, container, key);
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(SUBSCR_KEEP) {
    Value key = TOP(), container = PEEK(2);
    if (is_list(container) && key.is_small()) {
      List* l = as_list(container);
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        PUSH(newref(l->items[i]));
        DISPATCH();
      }
    }
    SAVE_STATE();
    Value r = get_item(ts, container, key);
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  // The list fast path is written out in each subscript instruction on
  // purpose: a shared inline helper measured 1.5% more instructions on
  // nbody (callgrind), through register allocation in this large function.
  TARGET(STORE_SUBSCR_TOP) {
    Value v = POP(), key = POP(), container = POP();
    SAVE_STATE();
    int r;
    if (is_list(container) && key.is_small()) {
      List* l = as_list(container);
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        Value old = l->items[i];
        l->items[i] = v;
        decref_float_fast(old);
        decref(container);
        DISPATCH();
      }
    }
    r = set_item(ts, container, key, v);
    decref(key);
    decref(container);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(STORE_FAST_SUBSCR_CONST) {
    uint32_t slot = ARG();
    Value key = consts[*ip++];
    Value container = locals[slot];
    Value v = POP();
    if (__builtin_expect(container.is_null(), 0)) {
      SAVE_STATE();
      decref(v);
      unbound_local(ts, code, slot);
      goto error;
    }
    if (is_list(container) && key.is_small()) {
      List* l = as_list(container);
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        Value old = l->items[i];
        l->items[i] = v;
        decref_float_fast(old);
        DISPATCH();
      }
    }
    SAVE_STATE();
    // The local keeps the container alive through a __setitem__ call.
    int r = is_dict(container) ? (dict_set(ts, as_dict(container), key, v) ? 0 : -1)
                               : set_item(ts, container, key, v);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Value key = POP(), container = POP(), v = POP();
    SAVE_STATE();
    int r;
    if (is_list(container) && key.is_small()) {
      List* l = as_list(container);
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        Value old = l->items[i];
        l->items[i] = v;
        decref_float_fast(old);
        decref(container);
        DISPATCH();
      }
    }
    if (is_dict(container)) {
      r = dict_set(ts, as_dict(container), key, v) ? 0 : -1;
    } else {
      r = set_item(ts, container, key, v);
    }
    decref(key);
    decref(container);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Value key = POP(), container = POP();
    SAVE_STATE();
    int r = del_item(ts, container, key);
    decref(key);
    decref(container);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Value step = ARG() == 3 ? POP() : Value::null();
    Value stop = POP(), start = TOP();
    SAVE_STATE();
    Value s = slice_new(ts, start, stop, step);
    decref(start);
    decref(stop);
    decref(step);
    TOP() = s;
    if (!s) {
      --sp;
      goto error;
    }
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    uint32_t n = ARG();
    SAVE_STATE();
    Value t = n == 0 ? newref(interp.empty_tuple) : tuple_new(ts, n);
    CHECK(t);
    for (uint32_t i = 0; i < n; ++i) as_tuple(t)->items[i] = sp[-static_cast<int>(n) + static_cast<int>(i)];
    sp -= n;
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    uint32_t n = ARG();
    SAVE_STATE();
    Value l = list_new(ts, n);
    CHECK(l);
    for (uint32_t i = 0; i < n; ++i) as_list(l)->items[i] = sp[-static_cast<int>(n) + static_cast<int>(i)];
    sp -= n;
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    uint32_t n = ARG();
    SAVE_STATE();
    Value s = set_new(ts);
    CHECK(s);
    bool ok = true;
    for (uint32_t i = 0; i < n; ++i) {
      Value item = sp[-static_cast<int>(n) + static_cast<int>(i)];
      if (ok) ok = set_add(ts, as_set(s), item);
      decref(item);
    }
    sp -= n;
    if (!ok) {
      decref(s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    uint32_t n = ARG();
    SAVE_STATE();
    Value d = dict_new(ts);
    CHECK(d);
    bool ok = true;
    Value* base = sp - 2 * n;
    for (uint32_t i = 0; i < n; ++i) {
      if (ok) ok = dict_set(ts, as_dict(d), base[2 * i], base[2 * i + 1]);
      decref(base[2 * i]);
      decref(base[2 * i + 1]);
    }
    sp = base;
    if (!ok) {
      decref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    uint32_t n = ARG();
    SAVE_STATE();
    Value s = build_string(ts, sp - n, n);
    for (uint32_t i = 0; i < n; ++i) decref(sp[-1 - static_cast<int>(i)]);
    sp -= n;
    CHECK(s);
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Value v = POP();
    list_append_steal(ts, as_list(PEEK(ARG())), v);
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Value v = POP();
    SAVE_STATE();
    bool ok = set_add(ts, as_set(PEEK(ARG())), v);
    decref(v);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Value v = POP(), k = POP();
    SAVE_STATE();
    bool ok = dict_set(ts, as_dict(PEEK(ARG())), k, v);
    decref(k);
    decref(v);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Value iterable = POP();
    SAVE_STATE();
    Value target = PEEK(ARG());
    Ref extra = Ref::steal(list_from_iterable(ts, iterable));
    if (!extra) {
      if (ts.has_error() && !is_list(iterable)) {
        Value e = ts.fetch_error();
        if (exception_matches(ts, e, Value::from_object(ts.exc_types().TypeError)) == 1) {
          decref(e);
          raisef(ts, ts.exc_types().TypeError, "Value after * must be an iterable, not {}",
                 type_name(ts, iterable));
        } else {
          ts.set_error(e);
        }
      }
      decref(iterable);
      goto error;
    }
    decref(iterable);
    List* src = as_list(extra.get());
    for (int64_t i = 0; i < src->size; ++i) list_append(ts, as_list(target), src->items[i]);
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    Value iterable = POP();
    SAVE_STATE();
    Set* target = as_set(PEEK(ARG()));
    Ref it = Ref::steal(get_iter(ts, iterable));
    decref(iterable);
    CHECK(it);
    while (Value item = iter_next(ts, it.get())) {
      bool ok = set_add(ts, target, item);
      decref(item);
      CHECK(ok);
    }
    if (ts.has_error()) goto error;
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Value source = POP();
    SAVE_STATE();
    Dict* target = as_dict(PEEK(ARG()));
    bool ok;
    if (is_dict(source)) {
      ok = true;
      int64_t pos = 0;
      Value k, v;
      while (ok && dict_next(as_dict(source), &pos, &k, &v)) ok = dict_set(ts, target, k, v);
    } else {
      Ref r = Ref::steal(call_method(ts, PEEK(ARG()), "update", &source, 1));
      ok = static_cast<bool>(r);
      if (!ok) {
        Value e = ts.fetch_error();
        decref(e);
        raisef(ts, ts.exc_types().TypeError, "'{}' object is not a mapping", type_name(ts, source));
      }
    }
    decref(source);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Value source = POP();
    SAVE_STATE();
    // The callable sits below the argument tuple and the dict.
    Value func = PEEK(ARG() + 2);
    bool ok = dict_merge_kwargs(ts, as_dict(PEEK(ARG())), source, func);
    decref(source);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    Value l = TOP();
    SAVE_STATE();
    Value t = tuple_from_array(ts, as_list(l)->items, as_list(l)->size);
    CHECK(t);
    TOP() = t;
    decref(l);
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    SAVE_STATE();
    Value spec = (ARG() & 4) ? POP() : Value::null();
    Value v = TOP();
    Value r = format_field(ts, v, ARG(), spec);
    decref(spec);
    CHECK(r);
    TOP() = r;
    decref(v);
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    uint32_t n = ARG();
    Value seq = POP();
    if (has_tag(seq, Tag::Tuple) && as_tuple(seq)->size == n) {
      // `for a, b in pairs`: an exact tuple of the right size.
      Tuple* t = as_tuple(seq);
      for (uint32_t i = n; i-- > 0;) PUSH(newref(t->items[i]));
      decref(seq);
      DISPATCH();
    }
    SAVE_STATE();
    Value tmp[16];
    std::vector<Value> big;
    Value* out = tmp;
    if (n > 16) {
      big.resize(n);
      out = big.data();
    }
    bool ok = unpack_sequence(ts, seq, out, n);
    decref(seq);
    CHECK(ok);
    for (uint32_t i = 0; i < n; ++i) PUSH(out[n - 1 - i]);
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    size_t before = ARG() & 0xff, after = ARG() >> 8;
    Value seq = POP();
    SAVE_STATE();
    std::vector<Value> out(before + after + 1);
    bool ok = unpack_ex(ts, seq, out.data(), before, after);
    decref(seq);
    CHECK(ok);
    for (size_t i = out.size(); i > 0; --i) PUSH(out[i - 1]);
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    ip = code->words.data() + ARG();
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    // Poll before jumping, so that an exception raised here (Ctrl-C) is
    // attributed to this instruction and caught by the handlers around it.
    if (__builtin_expect(ts.eval_breaker.load(std::memory_order_relaxed) != 0, 0)) {
      SAVE_STATE();
      CHECK(handle_eval_breaker(ts));
      RELOAD_TICKING();
    }
    ip = code->words.data() + ARG();
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    int t;
    if (v.is(interp.false_)) {
      t = 0;
    } else if (v.is(interp.true_)) {
      t = 1;
    } else {
      SAVE_STATE();
      t = fast_truthy(ts, v);
      decref(v);
      if (t < 0) goto error;
    }
    if (!t) ip = code->words.data() + ARG();
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    int t;
    if (v.is(interp.false_)) {
      t = 0;
    } else if (v.is(interp.true_)) {
      t = 1;
    } else {
      SAVE_STATE();
      t = fast_truthy(ts, v);
      decref(v);
      if (t < 0) goto error;
    }
    if (t) ip = code->words.data() + ARG();
    DISPATCH();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    SAVE_STATE();
    int t = fast_truthy(ts, TOP());
    if (t < 0) goto error;
    if (!t) {
      ip = code->words.data() + ARG();
    } else {
      decref(POP());
    }
    DISPATCH();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    SAVE_STATE();
    int t = fast_truthy(ts, TOP());
    if (t < 0) goto error;
    if (t) {
      ip = code->words.data() + ARG();
    } else {
      decref(POP());
    }
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Value v = TOP();
    SAVE_STATE();
    Value it = get_iter(ts, v);
    CHECK(it);
    TOP() = it;
    decref(v);
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Value it = TOP();
    SAVE_STATE();
    Value next;
    if (has_tag(it, Tag::Iterator)) {
      NativeIter* ni = static_cast<NativeIter*>(it.as_object());
      next = ni->next(ts, ni);
    } else {
      next = iter_next(ts, it);
    }
    if (next) {
      PUSH(next);
      DISPATCH();
    }
    if (ts.has_error()) goto error;
    decref(POP());
    ip = code->words.data() + ARG();
    DISPATCH();
  }

  TARGET(CALL) {
    uint32_t nargs = ARG();
    Value* args = sp - nargs;
    Value callable = args[-1];
    SAVE_STATE();
    call_self = Value::null();
    if (has_tag(callable, Tag::Function)) {
      call_fn = as_function(callable);
      if (!(call_fn->code->flags & kCodeGenerator)) {
        call_argv = args;
        call_argc = nargs;
        call_callable = callable;
        call_base = args - 1;
        goto push_python_frame;
      }
    } else if (has_tag(callable, Tag::Type)) {
      // Class(...) of a plain class with a Python __init__: create the
      // instance here and run __init__ as an ordinary frame of this loop.
      Type* t = static_cast<Type*>(callable.as_object());
      if (t->slots.construct == object_construct && t->instance_tag == Tag::Object && !t->is_builtin) {
        if (t->init_cache_epoch != interp.type_epoch) {
          t->init_cache = type_lookup(t, ts.names().__init__);
          t->init_cache_epoch = interp.type_epoch;
        }
        if (has_tag(t->init_cache, Tag::Function) &&
            !(as_function(t->init_cache)->code->flags & kCodeGenerator)) {
          call_self = object_new_instance(ts, t);
          CHECK(call_self);
          call_fn = as_function(t->init_cache);
          call_argv = args;
          call_argc = nargs;
          call_callable = callable;
          call_base = args - 1;
          goto push_python_frame;
        }
      }
    }
    Value r = call(ts, callable, args, nargs, nullptr);
    for (uint32_t i = 0; i <= nargs; ++i) decref(args[static_cast<int>(i) - 1]);
    sp = args - 1;
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_METHOD) {
    uint32_t nargs = ARG();
    Value* args = sp - nargs;
    Value self = args[-1];
    Value callable = args[-2];
    SAVE_STATE();
    if (has_tag(callable, Tag::Function) && !(as_function(callable)->code->flags & kCodeGenerator)) {
      call_fn = as_function(callable);
      call_self = Value::null();
      call_argv = self ? args - 1 : args;
      call_argc = self ? nargs + 1 : nargs;
      call_callable = callable;
      call_base = args - 2;
      goto push_python_frame;
    }
    Value r;
    if (self && has_tag(callable, Tag::Builtin) && !static_cast<Builtin*>(callable.as_object())->self) {
      // A built-in type's method (list.append, dict.get): self is already
      // in place before the arguments.
      // (LOAD_METHOD found it in self's class, but a class may hold another
      // type's method: `class A: append = list.append`.)
      Builtin* b = static_cast<Builtin*>(callable.as_object());
      if (b->owner && type_of(ts, self) != b->owner && !builtin_self_check(ts, b, args - 1, nargs + 1)) {
        r = Value::null();
      } else {
        r = b->fn(ts, args - 1, nargs + 1, nullptr);
      }
    } else if (self) {
      r = call(ts, callable, args - 1, nargs + 1, nullptr);
    } else {
      r = call(ts, callable, args, nargs, nullptr);
    }
    for (int i = -2; i < static_cast<int>(nargs); ++i) decref(args[i]);
    sp = args - 2;
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_KW) {
    uint32_t nargs = ARG();  // positional and keyword values
    Value kwnames = POP();
    Value* args = sp - nargs;
    Value callable = args[-1];
    SAVE_STATE();
    size_t npos = nargs - static_cast<size_t>(as_tuple(kwnames)->size);
    Value r = call(ts, callable, args, npos, as_tuple(kwnames));
    for (int i = -1; i < static_cast<int>(nargs); ++i) decref(args[i]);
    decref(kwnames);
    sp = args - 1;
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_EX) {
    Value kwargs = (ARG() & 1) ? POP() : Value::null();
    Value args = POP();
    Value callable = POP();
    SAVE_STATE();
    Value r = call_with_tuple(ts, callable, args, kwargs);
    decref(kwargs);
    decref(args);
    decref(callable);
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    Value result = POP();
    f->sp = sp;
    if (f->is_entry) {
      ts.frame = f->prev;
      --ts.depth;
      f->ip = ip;
      if (f->gen) {
        // A finished generator: the caller (generator_resume) frees it.
        return result;
      }
      frame_free(ts, f);
      return result;
    }
    if (f->construct_self) {
      // The frame ran __init__ for Class(...): the call's value is the instance.
      if (!result.is(interp.none)) {
        SAVE_STATE();
        raisef(ts, ts.exc_types().TypeError, "__init__() should return None, not '{}'", type_name(ts, result));
        decref(result);
        goto error;
      }
      result = f->construct_self;
      f->construct_self = Value::null();
    }
    Frame* caller = f->prev;
    frame_free(ts, f);
    --ts.depth;
    f = caller;
    ts.frame = f;
    LOAD_STATE();
    PUSH(result);
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    uint32_t flags = ARG();
    Value codev = POP();
    int n = ((flags & 1) != 0) + ((flags & 2) != 0) + ((flags & 8) != 0);
    Value* popped = sp - n;
    SAVE_STATE();
    Value fn = make_function(ts, f, as_code(codev), flags, popped);
    for (int i = 0; i < n; ++i) decref(popped[i]);
    sp = popped;
    decref(codev);
    CHECK(fn);
    PUSH(fn);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Value bc = dict_get_str(f->builtins, ts.names().__build_class__);
    if (!bc) {
      SAVE_STATE();
      raise(ts, ts.exc_types().NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(newref(bc));
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = POP();
    SAVE_STATE();
    Value m = import_name(ts, code->names[ARG()], f->globals, fromlist, level.is_small() ? level.as_small() : 0);
    decref(fromlist);
    decref(level);
    CHECK(m);
    PUSH(m);
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    SAVE_STATE();
    Value v = import_from(ts, TOP(), code->names[ARG()]);
    CHECK(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    Value module = POP();
    SAVE_STATE();
    bool ok = import_star(ts, module, f->locals ? f->locals : f->globals);
    decref(module);
    CHECK(ok);
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    SAVE_STATE();
    uint32_t n = ARG();
    if (n == 0) {
      if (ts.handled.empty()) {
        raise(ts, ts.exc_types().RuntimeError, "No active exception to reraise");
      } else {
        ts.set_error(newref(ts.handled.back()));
        reraise = true;
      }
      goto error;
    }
    Value cause = n == 2 ? POP() : Value::null();
    Value exc = POP();
    do_raise(ts, exc, cause);
    decref(exc);
    decref(cause);
    goto error;
  }

  TARGET(PUSH_EXC_INFO) {
    ts.handled.push_back(newref(TOP()));
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Value v = ts.handled.back();
    ts.handled.pop_back();
    decref(v);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Value match = TOP();
    SAVE_STATE();
    int r = exception_matches(ts, PEEK(2), match);
    if (r < 0) goto error;
    TOP() = interp.bool_value(r == 1);
    decref(match);
    DISPATCH();
  }

  TARGET(RERAISE) {
    Value exc = POP();
    SAVE_STATE();
    ts.set_error(exc);
    reraise = true;
    goto error;
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::from_object(ts.exc_types().AssertionError));
    DISPATCH();
  }

  TARGET(BEFORE_WITH) {
    SAVE_STATE();
    Value bound_exit;
    Value entered = enter_context(ts, TOP(), false, &bound_exit);
    CHECK(entered);
    decref(TOP());
    TOP() = bound_exit;
    PUSH(entered);
    DISPATCH();
  }

  TARGET(BEFORE_ASYNC_WITH) {
    SAVE_STATE();
    Value bound_exit;
    Value entered = enter_context(ts, TOP(), true, &bound_exit);
    CHECK(entered);
    decref(TOP());
    TOP() = bound_exit;
    PUSH(entered);
    DISPATCH();
  }

  TARGET(GET_AWAITABLE) {
    Value v = TOP();
    SAVE_STATE();
    Value it = get_awaitable(ts, v, static_cast<AwaitSource>(ARG()));
    CHECK(it);
    TOP() = it;
    decref(v);
    DISPATCH();
  }

  TARGET(GET_AITER) {
    Value v = TOP();
    SAVE_STATE();
    Value it = get_aiter(ts, v);
    CHECK(it);
    TOP() = it;
    decref(v);
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    SAVE_STATE();
    Value next = get_anext(ts, TOP());
    CHECK(next);
    PUSH(next);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    SAVE_STATE();
    if (exception_matches(ts, exc, Value::from_object(ts.exc_types().StopAsyncIteration)) == 1) {
      decref(exc);
      decref(POP());  // the async iterator
      DISPATCH();
    }
    ts.set_error(exc);
    reraise = true;
    goto error;
  }

  TARGET(ASYNC_GEN_WRAP) {
    SAVE_STATE();
    Value w = async_gen_wrap(ts, TOP());
    CHECK(w);
    TOP() = w;
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    Value exc = TOP();
    Value exit = PEEK(2);
    SAVE_STATE();
    Value args[3] = {Value::from_object(type_of(ts, exc)), exc, interp.none};
    Value r = call(ts, exit, args, 3, nullptr);
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    Value v = POP();
    SAVE_STATE();
    ts.frame = f->prev;
    --ts.depth;
    return v;
  }

  TARGET(YIELD_FROM) {
    Value sent = POP();
    Value sub = TOP();
    SAVE_STATE();
    Value r;
    bool finished = false;
    if (is_generator(sub)) {
      r = generator_resume(ts, static_cast<Generator*>(sub.as_object()), sent, false, &finished);
    } else {
      // next() for None (an iterator need not have send), else send();
      // either ends with StopIteration, whose value is the result. (A
      // native iterator may also end with no exception pending.)
      r = sent.is(interp.none) ? iter_next(ts, sub) : call_method(ts, sub, "send", &sent, 1);
      if (!r && !ts.has_error()) {
        r = newref(interp.none);
        finished = true;
      } else if (!r) {
        Value e = ts.fetch_error();
        if (exception_matches(ts, e, Value::from_object(ts.exc_types().StopIteration)) == 1) {
          ExceptionObject* eo = as_exception(e);
          r = eo->args && eo->args->size > 0 ? newref(eo->args->items[0]) : newref(interp.none);
          finished = true;
          decref(e);
        } else {
          ts.set_error(e);
        }
      }
    }
    decref(sent);
    CHECK(r);
    if (finished) {
      decref(POP());
      PUSH(r);
      DISPATCH();
    }
    // Suspend; on resume the sent value is pushed and YIELD_FROM runs again.
    f->ip = ip - 1;
    f->sp = sp;
    ts.frame = f->prev;
    --ts.depth;
    return r;
  }

  TARGET(GEN_START) { DISPATCH(); }

  TARGET(SETUP_ANNOTATIONS) { DISPATCH(); }

  TARGET(MATCH_SEQUENCE) {
    SAVE_STATE();
    int r = match_is_sequence(ts, TOP());
    if (r < 0) goto error;
    PUSH(interp.bool_value(r == 1));
    DISPATCH();
  }

  TARGET(MATCH_MAPPING) {
    SAVE_STATE();
    int r = match_is_mapping(ts, TOP());
    if (r < 0) goto error;
    PUSH(interp.bool_value(r == 1));
    DISPATCH();
  }

  TARGET(GET_LEN) {
    SAVE_STATE();
    int64_t n = length(ts, TOP());
    if (n < 0) goto error;
    Value len = int_from_i64(ts, n);
    CHECK(len);
    PUSH(len);
    DISPATCH();
  }

  TARGET(MATCH_KEYS) {
    SAVE_STATE();
    Value values = match_keys(ts, PEEK(2), TOP());
    CHECK(values);
    PUSH(values);
    DISPATCH();
  }

  TARGET(MATCH_CLASS) {
    Value names = POP();
    Value cls = POP();
    Value subject = TOP();
    SAVE_STATE();
    Value attrs = match_class(ts, subject, cls, names, static_cast<int64_t>(ARG()));
    decref(names);
    decref(cls);
    CHECK(attrs);
    TOP() = attrs;
    decref(subject);
    DISPATCH();
  }

#if !GILVM_COMPUTED_GOTO
    default:
      SAVE_STATE();
      raise(ts, ts.exc_types().SystemError, "unknown opcode");
      goto error;
  }
#endif

push_python_frame:
  // CALL and CALL_METHOD of a Python function: push its frame and keep
  // running in this loop. In: call_fn, call_argv/call_argc (the arguments,
  // whose references move into the frame), call_self (for Class(...): the
  // new instance, parameter 0), call_callable and call_base (the stack slot
  // where the call's items start; the result goes there on return).
  {
    Code* callee = call_fn->code;
    Frame* nf = frame_new(ts, callee, call_fn, call_fn->globals, nullptr, false);
    bool ok;
    uint32_t first = call_self ? 1 : 0;  // the instance takes parameter 0
    if (call_argc + first == static_cast<uint32_t>(callee->argcount) &&
        !(callee->flags & (kCodeVarargs | kCodeVarkw)) && callee->kwonlyargcount == 0) {
      if (first) nf->localsplus[0] = newref(call_self);
      for (uint32_t i = 0; i < call_argc; ++i) nf->localsplus[first + i] = call_argv[i];
      ok = true;
    } else {
      if (first) {
        std::vector<Value> with_self(call_argc + 1);
        with_self[0] = call_self;
        std::copy(call_argv, call_argv + call_argc, with_self.begin() + 1);
        ok = bind_arguments(ts, call_fn, nf->localsplus, with_self.data(), call_argc + 1, nullptr);
      } else {
        ok = bind_arguments(ts, call_fn, nf->localsplus, call_argv, call_argc, nullptr);
      }
      for (uint32_t i = 0; i < call_argc; ++i) decref(call_argv[i]);
    }
    sp = call_base;
    decref(call_callable);
    f->sp = sp;
    nf->construct_self = call_self;
    if (!ok) {
      frame_free(ts, nf);
      goto error;
    }
    if (callee->ncells()) init_cells(ts, nf);
    if (__builtin_expect(ts.depth >= interp.recursion_limit, 0)) {
      frame_free(ts, nf);
      raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded");
      goto error;
    }
    ++ts.depth;
    nf->prev = f;
    f = nf;
    ts.frame = f;
    LOAD_STATE();
    if (__builtin_expect(ts.eval_breaker.load(std::memory_order_relaxed) != 0, 0)) {
      SAVE_STATE();
      CHECK(handle_eval_breaker(ts));
      RELOAD_TICKING();
    }
    DISPATCH();
  }


error:
  // The pending exception passes through frame f.
  if (!reraise) {
    size_t at = static_cast<size_t>(f->ip - code->words.data());
    exception_add_traceback(ts, ts.exc, code, code->line_at(at > 0 ? at - 1 : 0));
  }
  reraise = false;
  {
    size_t offset = static_cast<size_t>(f->ip - code->words.data());
    offset = offset > 0 ? offset - 1 : 0;
    for (const ExceptionHandler& h : code->handlers) {
      if (offset >= h.start && offset < h.end) {
        Value* base = f->stack_base() + h.depth;
        while (sp > base) decref(POP());
        PUSH(ts.fetch_error());
        ip = code->words.data() + h.target;
        DISPATCH();
      }
    }
  }
  // No handler: leave this frame.
  f->sp = sp;
  if (f->is_entry) {
    ts.frame = f->prev;
    --ts.depth;
    if (!f->gen) frame_free(ts, f);
    return Value::null();
  }
  {
    Frame* caller = f->prev;
    frame_free(ts, f);
    --ts.depth;
    f = caller;
    ts.frame = f;
    LOAD_STATE();
  }
  goto error;

#undef TARGET
#undef DISPATCH
#undef LOAD_STATE
#undef SAVE_STATE
#undef ARG
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef CHECK
#undef RELOAD_TICKING
}

// ------------------------------------------------------------------ entries

Value call_function(ThreadState& ts, Function* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* code = fn->code;
  bool generator = code->flags & kCodeGenerator;
  Frame* f = frame_new(ts, code, fn, fn->globals, nullptr, generator);
  if (!bind_arguments(ts, fn, f->localsplus, args, nargs, kwnames)) {
    frame_free(ts, f);
    return Value::null();
  }
  if (code->ncells()) init_cells(ts, f);
  if (generator) return generator_new(ts, f);
  return eval_frame(ts, f, false);
}

Value run_code(ThreadState& ts, Code* code, Dict* globals, Dict* locals) {
  Frame* f = frame_new(ts, code, nullptr, globals, locals && locals != globals ? locals : nullptr, false);
  if (code->ncells()) init_cells(ts, f);
  return eval_frame(ts, f, false);
}

}  // namespace gilvm
