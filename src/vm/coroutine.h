// `await`, `async for` and `async with` (PEP 492) and async generators
// (PEP 525) on top of the generator machinery: a coroutine is a generator
// frame that `await` drives with YIELD_FROM, exactly as `yield from` drives
// a sub-generator, so the event loop that sends into the outermost
// coroutine reaches the innermost yield.
#pragma once

#include "runtime/object.h"

namespace gilvm {

// What GET_AWAITABLE's operand says produced the awaitable.
enum class AwaitSource : uint32_t { Await = 0, Aenter = 1, Aexit = 2 };

// The iterator `await v` drives: v itself for a coroutine, else
// v.__await__(), which must be an iterator. Null with a TypeError otherwise.
Value get_awaitable(ThreadState& ts, Value v, AwaitSource source);
// `async for`: aiter = type(v).__aiter__(v), checked to have __anext__.
Value get_aiter(ThreadState& ts, Value v);
// The awaitable of one `async for` step: aiter.__anext__().
Value get_anext(ThreadState& ts, Value aiter);

// An async generator's own `yield v` (ASYNC_GEN_WRAP) is marked so that
// its asend()/athrow() awaitables tell it from an inner await's yield.
Value async_gen_wrap(ThreadState& ts, Value v);  // steals v

// Adds __await__ to coroutines, the async generator's methods and the
// awaitable types behind them.
void init_coroutine_types(ThreadState& ts);

}  // namespace gilvm
