// Frames: the activation record of one running code object.
//
// A frame is a header followed by `localsplus`: the fast locals, then the
// cells (cellvars, then freevars), then the value stack. Ordinary frames
// are carved from a per-thread LIFO arena (FrameArena), so a Python call
// costs a pointer bump instead of a malloc; generator frames outlive their
// call and are allocated on the heap, owned by their generator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "compiler/code.h"
#include "runtime/object.h"

namespace gilvm {

struct Function;
struct Generator;

struct Frame {
  Code* code;          // borrowed from func, else owned
  Function* func;      // owned; null for module and exec() code
  Dict* globals;       // borrowed from func, else owned
  Dict* builtins;      // borrowed from the interpreter
  Dict* locals;        // owned; the namespace of module/class bodies, else null
  Frame* prev;         // the caller (while executing)
  const uint32_t* ip;  // next instruction, saved whenever the frame is not running
  Value* sp;           // stack pointer, saved likewise
  Generator* gen;      // the owning generator, or null
  Value construct_self;  // owned: running __init__ for `Class(...)`; its result is this
  bool is_entry;       // returning from it leaves the current eval_frame() call
  bool on_heap;        // allocated with malloc (generators) rather than the arena
  Value localsplus[];

  Value* cells() { return localsplus + code->nlocals; }
  Value* stack_base() { return localsplus + code->nlocals + code->ncells(); }
  int current_line() const {
    size_t at = ip ? static_cast<size_t>(ip - code->words.data()) : 0;
    return code->line_at(at > 0 ? at - 1 : 0);
  }
};

// A LIFO allocator for frames, in chunks so that it never moves a frame.
class FrameArena {
 public:
  FrameArena() = default;
  ~FrameArena();
  FrameArena(const FrameArena&) = delete;
  FrameArena& operator=(const FrameArena&) = delete;

  // The common case (room in the current chunk) is inlined into calls.
  void* push(size_t bytes) {
    bytes = (bytes + 15) & ~size_t{15};
    // Compared as a size: before the first chunk top_ is null, and null
    // plus an offset is undefined (clang's UBSan, found by the fuzz build).
    if (bytes <= static_cast<size_t>(limit_ - top_)) {
      void* p = top_;
      top_ += bytes;
      return p;
    }
    return push_slow(bytes);
  }
  void pop(void* frame) {
    char* p = static_cast<char*>(frame);
    if (p >= base_ && p < limit_) {
      top_ = p;
      return;
    }
    pop_slow(frame);
  }

 private:
  struct Chunk {
    char* base;
    size_t size;
  };
  void* push_slow(size_t bytes);
  void pop_slow(void* frame);
  void enter_chunk(size_t index, char* top);

  std::vector<Chunk> chunks_;
  size_t current_ = 0;     // index of the chunk in use
  char* base_ = nullptr;   // current chunk's bounds and bump pointer
  char* top_ = nullptr;
  char* limit_ = nullptr;
};

// Creates a frame for `code` (arena or heap), with every local and cell
// slot empty. The frame owns a reference to `func` when given (and borrows
// its code and globals), else to `code` and `globals`; and to `locals`.
Frame* frame_new(ThreadState& ts, Code* code, Function* func, Dict* globals, Dict* locals,
                 bool on_heap);
// Releases everything the frame owns and frees it.
void frame_free(ThreadState& ts, Frame* f);

}  // namespace gilvm
