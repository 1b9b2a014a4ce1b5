// Coroutines and async generators (see coroutine.h).
#include "vm/coroutine.h"

#include <fmt/core.h>

#include "runtime/args.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/generator.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

bool pending_is(ThreadState& ts, Type* t) {
  return ts.has_error() && exception_matches(ts, ts.exc, Value::from_object(t)) == 1;
}

// ------------------------------------------------------------ wrapped values
struct WrappedValue : Object {
  Value value;
};

void wrapped_dealloc(Object* o) { decref(static_cast<WrappedValue*>(o)->value); }

Type* wrapped_type(ThreadState& ts) { return ts.interp->native_types.at("async_generator_wrapped_value"); }

bool is_wrapped(ThreadState& ts, Value v) { return v.is_object() && v.as_object()->type == wrapped_type(ts); }

// ------------------------------------------------------------ coroutine.__await__
// coroutine.__await__() returns an iterator over the coroutine
// (CPython's coroutine_wrapper): next/send/throw/close pass through.
struct CoroWrapper : Object {
  Value coro;
};

void wrapper_dealloc(Object* o) { decref(static_cast<CoroWrapper*>(o)->coro); }

Generator* wrapped_coro(Value self) { return static_cast<Generator*>(static_cast<CoroWrapper*>(self.as_object())->coro.as_object()); }

// The coroutine's return value ends the iteration as StopIteration(value),
// which YIELD_FROM (and a Python caller of next()) reads the result from.
Value wrapper_iternext(ThreadState& ts, Value self) { return generator_send(ts, wrapped_coro(self), ts.none(), false); }

Value wrapper_send(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "send", nargs, kwnames, 2, 2)) return Value::null();
  return generator_send(ts, wrapped_coro(args[0]), args[1], false);
}

Value wrapper_throw(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "throw", nargs, kwnames, 2, 4)) return Value::null();
  Value argv[4] = {static_cast<CoroWrapper*>(args[0].as_object())->coro, args[1],
                   nargs > 2 ? args[2] : Value::null(), nargs > 3 ? args[3] : Value::null()};
  return generator_throw(ts, argv, nargs);
}

Value wrapper_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "close", nargs, kwnames, 1, 1)) return Value::null();
  Value coro = static_cast<CoroWrapper*>(args[0].as_object())->coro;
  return call_method(ts, coro, "close", nullptr, 0);
}

Value self_iter(ThreadState& ts, Value self) { return newref(self); }

Value self_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs, kwnames, 1, 1)) return Value::null();
  return newref(args[0]);
}

Value coro_await(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__await__", nargs, kwnames, 1, 1)) return Value::null();
  if (!is_coroutine(args[0])) return raise(ts, ts.exc_types().TypeError, "__await__ expects a coroutine");
  auto* w = alloc<CoroWrapper>(ts, ts.interp->native_types.at("coroutine_wrapper"), Tag::Other);
  w->coro = newref(args[0]);
  return Value::from_object(w);
}

// ------------------------------------------------------------ async generators
// asend(v), __anext__() and athrow()/aclose() return one of these: an
// awaitable whose iterator resumes the async generator. An inner await's
// yields pass through to the event loop; the generator's own yield
// (wrapped) ends the awaitable with StopIteration(value); the generator's
// end is StopAsyncIteration.
enum class AwaitState : uint8_t { Init, Iter, Closed };

struct AsyncGenAwaitable : Object {
  Value gen;       // the async generator
  Value sendval;   // asend: the first value sent; athrow: the exception (null for aclose)
  bool is_throw;   // athrow / aclose
  bool is_close;   // aclose
  AwaitState state;
};

void awaitable_dealloc(Object* o) {
  auto* a = static_cast<AsyncGenAwaitable*>(o);
  decref(a->gen);
  if (a->sendval) decref(a->sendval);
}

AsyncGenAwaitable* as_awaitable(Value v) { return static_cast<AsyncGenAwaitable*>(v.as_object()); }

Value awaitable_new(ThreadState& ts, const char* type, Value gen, Value sendval, bool is_throw, bool is_close) {
  auto* a = alloc<AsyncGenAwaitable>(ts, ts.interp->native_types.at(type), Tag::Other);
  a->gen = newref(gen);
  a->sendval = sendval ? newref(sendval) : Value::null();
  a->is_throw = is_throw;
  a->is_close = is_close;
  a->state = AwaitState::Init;
  return Value::from_object(a);
}

// What the generator's resumption `r` (null: it raised) means to the awaitable.
Value unwrap_result(ThreadState& ts, AsyncGenAwaitable* a, Value r, bool returned) {
  if (!r) {
    a->state = AwaitState::Closed;
    if (a->is_close && (pending_is(ts, ts.exc_types().GeneratorExit) ||
                        pending_is(ts, ts.exc_types().StopAsyncIteration))) {
      ts.clear_error();
      return raise_stop_iteration(ts, ts.none());  // aclose() completes
    }
    return r;
  }
  if (returned) {
    decref(r);
    a->state = AwaitState::Closed;
    if (a->is_close) return raise_stop_iteration(ts, ts.none());
    return raise_value(ts, Value::from_object(ts.exc_types().StopAsyncIteration));
  }
  if (is_wrapped(ts, r)) {
    a->state = AwaitState::Closed;
    if (a->is_close) {
      decref(r);
      return raise(ts, ts.exc_types().RuntimeError, "async generator ignored GeneratorExit");
    }
    Value v = newref(static_cast<WrappedValue*>(r.as_object())->value);
    decref(r);
    Value out = raise_stop_iteration(ts, v);
    decref(v);
    return out;
  }
  return r;  // an inner await's yield, on its way to the event loop
}

Value resume(ThreadState& ts, AsyncGenAwaitable* a, Value value, bool throwing) {
  bool returned = false;
  Generator* gen = static_cast<Generator*>(a->gen.as_object());
  Value r = generator_resume(ts, gen, value, throwing, &returned);
  return unwrap_result(ts, a, r, returned);
}

Value awaitable_send_value(ThreadState& ts, Value self, Value value) {
  AsyncGenAwaitable* a = as_awaitable(self);
  if (a->state == AwaitState::Closed) {
    return raise(ts, ts.exc_types().RuntimeError,
                 a->is_throw ? "cannot reuse already awaited aclose()/athrow()"
                             : "cannot reuse already awaited __anext__()/asend()");
  }
  Generator* gen = static_cast<Generator*>(a->gen.as_object());
  if (a->state == AwaitState::Init) {
    a->state = AwaitState::Iter;
    if (a->is_throw) {
      if (!gen->frame) {
        a->state = AwaitState::Closed;
        if (a->is_close) return raise_stop_iteration(ts, ts.none());
        return raise_value(ts, Value::from_object(ts.exc_types().StopAsyncIteration));
      }
      Value exc = a->sendval ? newref(a->sendval) : exception_new(ts, ts.exc_types().GeneratorExit, nullptr, 0);
      if (!exc) return exc;
      ts.set_error(exc);
      return resume(ts, a, ts.none(), true);
    }
    if (value.is(ts.none()) && a->sendval) value = a->sendval;
  }
  return resume(ts, a, value, false);
}

Value awaitable_iternext(ThreadState& ts, Value self) { return awaitable_send_value(ts, self, ts.none()); }

Value awaitable_send(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "send", nargs, kwnames, 2, 2)) return Value::null();
  return awaitable_send_value(ts, args[0], args[1]);
}

Value awaitable_throw(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "throw", nargs, kwnames, 2, 4)) return Value::null();
  AsyncGenAwaitable* a = as_awaitable(args[0]);
  if (a->state == AwaitState::Closed) {
    return raise(ts, ts.exc_types().RuntimeError,
                 a->is_throw ? "cannot reuse already awaited aclose()/athrow()"
                             : "cannot reuse already awaited __anext__()/asend()");
  }
  Value exc = generator_throw_exception(ts, args, nargs);
  if (!exc) return exc;
  a->state = AwaitState::Iter;
  ts.set_error(exc);
  return resume(ts, a, ts.none(), true);
}

Value awaitable_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "close", nargs, kwnames, 1, 1)) return Value::null();
  as_awaitable(args[0])->state = AwaitState::Closed;
  return newref(ts.none());
}

Value agen_anext(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__anext__", nargs, kwnames, 1, 1)) return Value::null();
  return awaitable_new(ts, "async_generator_asend", args[0], Value::null(), false, false);
}

Value agen_asend(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "asend", nargs, kwnames, 2, 2)) return Value::null();
  return awaitable_new(ts, "async_generator_asend", args[0], args[1], false, false);
}

Value agen_athrow(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "athrow", nargs, kwnames, 2, 4)) return Value::null();
  Ref exc = Ref::steal(generator_throw_exception(ts, args, nargs));
  if (!exc) return Value::null();
  return awaitable_new(ts, "async_generator_athrow", args[0], exc.get(), true, false);
}

Value agen_aclose(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "aclose", nargs, kwnames, 1, 1)) return Value::null();
  return awaitable_new(ts, "async_generator_athrow", args[0], Value::null(), true, true);
}

Type* awaitable_type(ThreadState& ts, const char* name, size_t size, void (*dealloc)(Object*)) {
  Type* t = new_builtin_type(ts, name, nullptr, Tag::Other, size);
  t->slots.dealloc = dealloc;
  ts.interp->native_types[name] = t;
  return t;
}

}  // namespace

Value async_gen_wrap(ThreadState& ts, Value v) {
  auto* w = alloc<WrappedValue>(ts, wrapped_type(ts), Tag::Other);
  w->value = v;
  return Value::from_object(w);
}

Value get_awaitable(ThreadState& ts, Value v, AwaitSource source) {
  if (is_coroutine(v)) return newref(v);
  Value fn = type_lookup(type_of(ts, v), str_intern(ts, "__await__"));
  if (!fn) {
    switch (source) {
      case AwaitSource::Aenter:
        return raisef(ts, ts.exc_types().TypeError,
                      "'async with' received an object from __aenter__ that does not implement __await__: {}",
                      type_name(ts, v));
      case AwaitSource::Aexit:
        return raisef(ts, ts.exc_types().TypeError,
                      "'async with' received an object from __aexit__ that does not implement __await__: {}",
                      type_name(ts, v));
      case AwaitSource::Await:
        break;
    }
    return raisef(ts, ts.exc_types().TypeError, "object {} can't be used in 'await' expression", type_name(ts, v));
  }
  Ref it = Ref::steal(call(ts, fn, &v, 1));
  if (!it) return Value::null();
  if (is_coroutine(it.get())) return raise(ts, ts.exc_types().TypeError, "__await__() returned a coroutine");
  Type* t = type_of(ts, it.get());
  if (!t->slots.iternext && !type_lookup(t, str_intern(ts, "__next__"))) {
    return raisef(ts, ts.exc_types().TypeError, "__await__() returned non-iterator of type '{}'", type_name(ts, it.get()));
  }
  return it.release();
}

Value get_aiter(ThreadState& ts, Value v) {
  Value fn = type_lookup(type_of(ts, v), str_intern(ts, "__aiter__"));
  if (!fn) {
    return raisef(ts, ts.exc_types().TypeError, "'async for' requires an object with __aiter__ method, got {}",
                  type_name(ts, v));
  }
  Ref it = Ref::steal(call(ts, fn, &v, 1));
  if (!it) return Value::null();
  if (!type_lookup(type_of(ts, it.get()), str_intern(ts, "__anext__"))) {
    return raisef(ts, ts.exc_types().TypeError,
                  "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                  type_name(ts, it.get()));
  }
  return it.release();
}

Value get_anext(ThreadState& ts, Value aiter) {
  if (is_async_generator(aiter)) return awaitable_new(ts, "async_generator_asend", aiter, Value::null(), false, false);
  Value fn = type_lookup(type_of(ts, aiter), str_intern(ts, "__anext__"));
  if (!fn) {
    return raisef(ts, ts.exc_types().TypeError, "'async for' requires an iterator with __anext__ method, got {}",
                  type_name(ts, aiter));
  }
  Ref next = Ref::steal(call(ts, fn, &aiter, 1));
  if (!next) return Value::null();
  Value it = get_awaitable(ts, next.get(), AwaitSource::Await);
  if (!it && pending_is(ts, ts.exc_types().TypeError)) {
    ts.clear_error();
    return raisef(ts, ts.exc_types().TypeError, "'async for' received an invalid object from __anext__: {}",
                  type_name(ts, next.get()));
  }
  return it;
}

void init_coroutine_types(ThreadState& ts) {
  add_method(ts, ts.types().coroutine, "__await__", coro_await);

  Type* agen = ts.types().async_generator;
  add_method(ts, agen, "__aiter__", self_method);
  add_method(ts, agen, "__anext__", agen_anext);
  add_method(ts, agen, "asend", agen_asend);
  add_method(ts, agen, "athrow", agen_athrow);
  add_method(ts, agen, "aclose", agen_aclose);

  awaitable_type(ts, "async_generator_wrapped_value", sizeof(WrappedValue), wrapped_dealloc);

  Type* w = awaitable_type(ts, "coroutine_wrapper", sizeof(CoroWrapper), wrapper_dealloc);
  w->slots.iter = self_iter;
  w->slots.iternext = wrapper_iternext;
  add_method(ts, w, "__iter__", self_method);
  add_method(ts, w, "send", wrapper_send);
  add_method(ts, w, "throw", wrapper_throw);
  add_method(ts, w, "close", wrapper_close);

  for (const char* name : {"async_generator_asend", "async_generator_athrow"}) {
    Type* t = awaitable_type(ts, name, sizeof(AsyncGenAwaitable), awaitable_dealloc);
    t->slots.iter = self_iter;
    t->slots.iternext = awaitable_iternext;
    add_method(ts, t, "__await__", self_method);
    add_method(ts, t, "__iter__", self_method);
    add_method(ts, t, "send", awaitable_send);
    add_method(ts, t, "throw", awaitable_throw);
    add_method(ts, t, "close", awaitable_close);
  }
}

}  // namespace gilvm
