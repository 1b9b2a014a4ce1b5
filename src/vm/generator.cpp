// Generator objects. A generator owns a heap frame; resuming it runs the
// eval loop on that frame until the next YIELD_VALUE (the loop returns the
// yielded value and leaves ip/sp saved) or until it returns.
#include "vm/generator.h"

#include <cstdio>

#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace gilvm {

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing);

namespace {

Generator* as_gen(Value v) { return static_cast<Generator*>(v.as_object()); }

void finish(ThreadState& ts, Generator* gen) {
  if (gen->frame) {
    frame_free(ts, gen->frame);
    gen->frame = nullptr;
  }
}

bool started(const Generator* gen) {
  return gen->frame && gen->frame->ip != gen->frame->code->words.data();
}

Value gen_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);
const char* kind_name(GenKind k);

// A suspended generator that dies is closed first, as in CPython, so that
// its `finally` blocks and `with` exits run (`for x in gen(): break`).
void finalize_suspended(Generator* gen) {
  ThreadState* ts = ThreadState::current();
  if (!ts || !started(gen) || gen->running) return;
  revive_for_finalizer(gen);  // alive again while close() runs
  Value saved = ts->fetch_error();
  Value self = Value::from_object(gen);
  Value r = gen_close(*ts, &self, 1, nullptr);
  if (r) {
    decref(r);
  } else {
    Value e = ts->fetch_error();
    std::fprintf(stderr, "Exception ignored in: <%s object %.*s at %p>\n", kind_name(gen->kind),
                 static_cast<int>(gen->qualname->nbytes), gen->qualname->data,
                 static_cast<void*>(gen));
    print_exception(*ts, e);
    decref(e);
  }
  ts->set_error(saved);
  end_finalizer(gen);
}

void generator_dealloc(Object* o) {
  auto* gen = static_cast<Generator*>(o);
  if (gen->frame) finalize_suspended(gen);
  if (gen->frame) {
    // No ThreadState here: release the frame's references directly.
    Frame* f = gen->frame;
    for (Value* v = f->localsplus; v < f->sp; ++v) decref(*v);
    if (f->locals) decref(f->locals);
    Function* func = f->func;
    Code* code = f->code;
    Dict* globals = f->globals;
    std::free(f);
    if (func) {
      decref(func);
    } else {
      decref(globals);
      decref(code);
    }
  }
  if (gen->saved_handled) {
    for (Value v : *gen->saved_handled) decref(v);
    delete gen->saved_handled;
  }
}

const char* kind_name(GenKind k) {
  switch (k) {
    case GenKind::Coroutine: return "coroutine";
    case GenKind::AsyncGenerator: return "async_generator";
    case GenKind::Generator: break;
  }
  return "generator";
}

Value generator_repr(ThreadState& ts, Value self) {
  return str_new(ts, fmt::format("<{} object {} at {}>", kind_name(as_gen(self)->kind), as_gen(self)->qualname->view(),
                                 static_cast<const void*>(self.as_object())));
}

Value generator_iter(ThreadState& ts, Value self) { return newref(self); }

Value generator_iternext(ThreadState& ts, Value self) {
  bool returned = false;
  Value r = generator_resume(ts, as_gen(self), ts.none(), false, &returned);
  if (r && returned) {
    // Exhausted: for-loops and next() see "no more items".
    decref(r);
    return Value::null();
  }
  return r;
}

// send()/next(): a generator's return value becomes StopIteration(value).
Value send_impl(ThreadState& ts, Generator* gen, Value value, bool throwing) {
  bool returned = false;
  Value r = generator_resume(ts, gen, value, throwing, &returned);
  if (r && returned) {
    raise_stop_iteration(ts, r);
    decref(r);
    return Value::null();
  }
  return r;
}

Value gen_send(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "send", nargs, kwnames, 2, 2)) return Value::null();
  return send_impl(ts, as_gen(args[0]), args[1], false);
}

Value gen_next(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__next__", nargs, kwnames, 1, 1)) return Value::null();
  return send_impl(ts, as_gen(args[0]), ts.none(), false);
}

Value gen_iter_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs, kwnames, 1, 1)) return Value::null();
  return newref(args[0]);
}

Value gen_throw(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "throw", nargs, kwnames, 2, 4)) return Value::null();
  return generator_throw(ts, args, nargs);
}

}  // namespace

Value generator_throw_exception(ThreadState& ts, const Value* args, size_t nargs) {
  Value typ = args[1];
  Ref exc;
  if (has_tag(typ, Tag::Type) && static_cast<Type*>(typ.as_object())->is_exception) {
    Value val = nargs > 2 ? args[2] : Value::null();
    if (val && is_exception(val)) {
      exc = Ref::borrow(val);
    } else {
      exc = Ref::steal(val && !val.is(ts.none()) ? call(ts, typ, &val, 1) : call(ts, typ, nullptr, 0));
      if (!exc) return Value::null();
    }
  } else if (is_exception(typ)) {
    exc = Ref::borrow(typ);
  } else {
    return raise(ts, ts.exc_types().TypeError, "exceptions must be classes or instances deriving from BaseException, not " +
                                                    std::string(type_name(ts, typ)));
  }
  return exc.release();
}

Value generator_throw(ThreadState& ts, const Value* args, size_t nargs) {
  Value exc = generator_throw_exception(ts, args, nargs);
  if (!exc) return exc;
  Generator* gen = as_gen(args[0]);
  if (!gen->frame) {
    raise_value(ts, exc);
    decref(exc);
    return Value::null();
  }
  ts.set_error(exc);
  return send_impl(ts, gen, ts.none(), true);
}

Value raise_stop_iteration(ThreadState& ts, Value value) {
  if (value.is(ts.none())) return raise_value(ts, Value::from_object(ts.exc_types().StopIteration));
  Ref exc = Ref::steal(exception_new(ts, ts.exc_types().StopIteration, &value, 1));
  if (!exc) return Value::null();
  return raise_value(ts, exc.get());
}

Value generator_send(ThreadState& ts, Generator* gen, Value value, bool throwing) {
  return send_impl(ts, gen, value, throwing);
}

namespace {

Value gen_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "close", nargs, kwnames, 1, 1)) return Value::null();
  Generator* gen = as_gen(args[0]);
  if (!gen->frame) return newref(ts.none());
  if (!started(gen)) {
    finish(ts, gen);
    return newref(ts.none());
  }
  Value exc = exception_new(ts, ts.exc_types().GeneratorExit, nullptr, 0);
  if (!exc) return exc;
  ts.set_error(exc);
  bool returned = false;
  Value r = generator_resume(ts, gen, ts.none(), true, &returned);
  if (r) {
    decref(r);
    if (!returned) return raise(ts, ts.exc_types().RuntimeError, "generator ignored GeneratorExit");
    return newref(ts.none());
  }
  Value e = ts.fetch_error();
  if (exception_matches(ts, e, Value::from_object(ts.exc_types().GeneratorExit)) == 1 ||
      exception_matches(ts, e, Value::from_object(ts.exc_types().StopIteration)) == 1) {
    decref(e);
    return newref(ts.none());
  }
  ts.set_error(e);
  return Value::null();
}

Value gen_getattr(ThreadState& ts, Value self, Str* name) {
  Generator* gen = as_gen(self);
  std::string_view n = name->view();
  if (n == "__name__") return newref(Value::from_object(gen->name));
  if (n == "__qualname__") return newref(Value::from_object(gen->qualname));
  if (n == "gi_running" || n == "cr_running" || n == "ag_running") return newref(ts.bool_value(gen->running));
  return generic_getattr(ts, self, name);
}

}  // namespace

Value generator_new(ThreadState& ts, Frame* frame) {
  uint32_t flags = frame->code->flags;
  GenKind kind = (flags & kCodeCoroutine)        ? GenKind::Coroutine
                 : (flags & kCodeAsyncGenerator) ? GenKind::AsyncGenerator
                                                 : GenKind::Generator;
  Type* type = kind == GenKind::Coroutine        ? ts.types().coroutine
               : kind == GenKind::AsyncGenerator ? ts.types().async_generator
                                                 : ts.types().generator;
  Generator* gen = alloc<Generator>(ts, type, Tag::Generator);
  gen->kind = kind;
  gen->frame = frame;
  frame->gen = gen;
  gen->name = frame->code->name;
  gen->qualname = frame->func ? frame->func->qualname : frame->code->qualname;
  gen->running = false;
  gen->saved_handled = nullptr;
  return Value::from_object(gen);
}

Value generator_resume(ThreadState& ts, Generator* gen, Value value, bool throwing, bool* returned) {
  *returned = false;
  if (gen->running) {
    if (throwing) ts.clear_error();
    return raise(ts, ts.exc_types().ValueError, "generator already executing");
  }
  Frame* f = gen->frame;
  if (!f) {
    if (throwing) return Value::null();  // the pending exception propagates
    if (gen->kind == GenKind::Coroutine)
      return raise(ts, ts.exc_types().RuntimeError, "cannot reuse already awaited coroutine");
    *returned = true;
    return newref(ts.none());
  }
  if (!started(gen)) {
    if (!throwing && !value.is(ts.none())) {
      return raise(ts, ts.exc_types().TypeError, "can't send non-None value to a just-started generator");
    }
  } else if (!throwing) {
    *f->sp++ = newref(value);
  }
  // The generator's own except-block state comes back with it.
  size_t handled_base = ts.handled.size();
  if (gen->saved_handled) {
    for (Value v : *gen->saved_handled) ts.handled.push_back(v);
    gen->saved_handled->clear();
  }
  gen->running = true;
  Value r = eval_frame(ts, f, throwing);
  gen->running = false;
  if (ts.handled.size() > handled_base) {
    if (!gen->saved_handled) gen->saved_handled = new std::vector<Value>();
    gen->saved_handled->assign(ts.handled.begin() + static_cast<std::ptrdiff_t>(handled_base), ts.handled.end());
    ts.handled.resize(handled_base);
  }
  // Finished when the frame returned (ip left on RETURN_VALUE) or raised.
  bool done = !r || decode_op(f->ip[-1]) == Op::RETURN_VALUE;
  if (done) {
    finish(ts, gen);
    if (r) {
      *returned = true;
    } else if (ts.has_error() &&
               exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().StopIteration)) == 1) {
      // PEP 479: StopIteration escaping a generator becomes RuntimeError.
      Value cause = ts.fetch_error();
      raisef(ts, ts.exc_types().RuntimeError, "{} raised StopIteration",
             gen->kind == GenKind::AsyncGenerator ? "async generator" : kind_name(gen->kind));
      ExceptionObject* e = as_exception(ts.exc);
      e->cause = cause;
      e->context = newref(cause);
      if (is_exception(cause)) as_exception(cause)->ever_context = true;
      e->suppress_context = true;
    }
  }
  return r;
}

void init_generator_type(ThreadState& ts) {
  // The three share a layout; a coroutine is not an iterator (it is
  // awaited: coroutine.cpp adds __await__) and an async generator is
  // driven through awaitables (its methods are in coroutine.cpp too).
  for (GenKind kind : {GenKind::Generator, GenKind::Coroutine, GenKind::AsyncGenerator}) {
    Type* t = new_builtin_type(ts, kind_name(kind), nullptr, Tag::Generator, sizeof(Generator));
    t->slots.dealloc = generator_dealloc;
    t->slots.repr = generator_repr;
    t->slots.getattr = gen_getattr;
    if (kind == GenKind::AsyncGenerator) {
      ts.interp->types.async_generator = t;
      continue;
    }
    add_method(ts, t, "send", gen_send);
    add_method(ts, t, "throw", gen_throw);
    add_method(ts, t, "close", gen_close);
    if (kind == GenKind::Coroutine) {
      ts.interp->types.coroutine = t;
      continue;
    }
    ts.interp->types.generator = t;
    t->slots.iter = generator_iter;
    t->slots.iternext = generator_iternext;
    add_method(ts, t, "__next__", gen_next);
    add_method(ts, t, "__iter__", gen_iter_method);
  }
}

}  // namespace gilvm
