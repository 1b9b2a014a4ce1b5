// Frame allocation; see frame.h.
#include "vm/frame.h"

#include <cstdlib>
#include <cstring>
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

void* FrameArena::push(size_t bytes) {
  bytes = (bytes + 15) & ~size_t{15};
  while (true) {
    if (current_ < chunks_.size()) {
      Chunk& c = chunks_[current_];
      if (c.used + bytes <= c.size) {
        void* p = c.base + c.used;
        c.used += bytes;
        return p;
      }
      if (c.used == 0) {
        // An empty chunk too small for this frame: replace it.
        std::free(c.base);
        c.size = std::max(kChunkSize, bytes);
        c.base = static_cast<char*>(std::malloc(c.size));
        if (!c.base) throw std::bad_alloc();
        continue;
      }
      ++current_;
      continue;
    }
    size_t size = std::max(kChunkSize, bytes);
    char* base = static_cast<char*>(std::malloc(size));
    if (!base) throw std::bad_alloc();
    chunks_.push_back(Chunk{base, size, 0});
    current_ = chunks_.size() - 1;
  }
}

void FrameArena::pop(void* frame) {
  // Frames are released in LIFO order, so the frame lies in the current
  // chunk (or, when that chunk is empty, in an earlier one).
  while (true) {
    Chunk& c = chunks_[current_];
    char* p = static_cast<char*>(frame);
    if (p >= c.base && p < c.base + c.size) {
      c.used = static_cast<size_t>(p - c.base);
      return;
    }
    c.used = 0;
    --current_;
  }
}

Frame* frame_new(ThreadState& ts, Code* code, Function* func, Dict* globals, Dict* locals,
                 bool on_heap) {
  size_t slots = static_cast<size_t>(code->nlocals + code->ncells() + code->stacksize);
  size_t bytes = sizeof(Frame) + slots * sizeof(Value);
  void* mem = on_heap ? std::malloc(bytes) : ts.frames.push(bytes);
  if (!mem) throw std::bad_alloc();
  Frame* f = static_cast<Frame*>(mem);
  f->code = code;
  incref(code);
  f->func = func;
  if (func) incref(func);
  f->globals = globals;
  incref(globals);
  f->builtins = ts.interp->builtins;
  f->locals = locals;
  if (locals) incref(locals);
  f->prev = nullptr;
  f->ip = code->words.data();
  f->gen = nullptr;
  f->is_entry = false;
  f->on_heap = on_heap;
  std::memset(static_cast<void*>(f->localsplus), 0, slots * sizeof(Value));
  f->sp = f->stack_base();
  return f;
}

void frame_free(ThreadState& ts, Frame* f) {
  Value* end = f->sp;
  for (Value* v = f->localsplus; v < end; ++v) decref(*v);
  Code* code = f->code;
  if (f->func) decref(f->func);
  decref(f->globals);
  if (f->locals) decref(f->locals);
  if (f->on_heap) {
    std::free(f);
  } else {
    ts.frames.pop(f);
  }
  decref(code);
}

}  // namespace gilvm
