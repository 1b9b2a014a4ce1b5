// Frame allocation; see frame.h.
#include "vm/frame.h"

#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <new>

#include "runtime/dict.h"
#include "runtime/function.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {
constexpr size_t kChunkSize = size_t{1} << 20;  // frames for ~1000 calls of a typical function
}

FrameArena::~FrameArena() {
  for (Chunk& c : chunks_) std::free(c.base);
}

void FrameArena::enter_chunk(size_t index, char* top) {
  current_ = index;
  base_ = chunks_[index].base;
  limit_ = base_ + chunks_[index].size;
  top_ = top;
}

void* FrameArena::push_slow(size_t bytes) {
  // Move to the next chunk (reusing it when it is large enough).
  size_t next = chunks_.empty() ? 0 : current_ + 1;
  if (next < chunks_.size() && chunks_[next].size < bytes) {
    std::free(chunks_[next].base);
    chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(next));
  }
  if (next >= chunks_.size()) {
    size_t size = std::max(kChunkSize, bytes);
    char* base = static_cast<char*>(std::malloc(size));
    if (!base) throw std::bad_alloc();
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(next), Chunk{base, size});
  }
  enter_chunk(next, chunks_[next].base);
  void* p = top_;
  top_ += bytes;
  return p;
}

void FrameArena::pop_slow(void* frame) {
  // LIFO order: the frame lies in an earlier chunk, which becomes current
  // again (later chunks are kept for reuse).
  char* p = static_cast<char*>(frame);
  for (size_t i = current_; i-- > 0;) {
    if (p >= chunks_[i].base && p < chunks_[i].base + chunks_[i].size) {
      enter_chunk(i, p);
      return;
    }
  }
}

Frame* frame_new(ThreadState& ts, Code* code, Function* func, Dict* globals, Dict* locals,
                 bool on_heap) {
  size_t live = static_cast<size_t>(code->nlocals + code->ncells());
  size_t slots = live + static_cast<size_t>(code->stacksize);
  size_t bytes = sizeof(Frame) + slots * sizeof(Value);
  void* mem = on_heap ? std::malloc(bytes) : ts.frames.push(bytes);
  if (!mem) throw std::bad_alloc();
  Frame* f = static_cast<Frame*>(mem);
  f->code = code;
  f->func = func;
  f->globals = globals;
  if (func) {
    incref(func);
  } else {
    incref(code);
    incref(globals);
  }
  f->builtins = ts.interp->builtins;
  f->locals = locals;
  if (locals) incref(locals);
  f->prev = nullptr;
  f->ip = code->words.data();
  f->gen = nullptr;
  f->construct_self = Value::null();
  f->is_entry = false;
  f->on_heap = on_heap;
  // Stack slots are always written before they are read: only locals and
  // cells need clearing.
  std::memset(static_cast<void*>(f->localsplus), 0, live * sizeof(Value));
  f->sp = f->stack_base();
  return f;
}

void frame_free(ThreadState& ts, Frame* f) {
  Value* end = f->sp;
  for (Value* v = f->localsplus; v < end; ++v) decref(*v);
  if (f->locals) decref(f->locals);
  decref(f->construct_self);
  Function* func = f->func;
  Code* code = f->code;
  Dict* globals = f->globals;
  if (f->on_heap) {
    std::free(f);
  } else {
    ts.frames.pop(f);
  }
  if (func) {
    decref(func);
  } else {
    decref(globals);
    decref(code);
  }
}

}  // namespace gilvm
