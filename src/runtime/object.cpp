// Object allocation and deallocation: the two ends of every object's life.
//
// Memory is always zeroed: every pointer field starts null, so a dealloc
// that runs on a half-built object (an error during construction) releases
// exactly what was set. Small objects come from a per-thread cache
// (alloc.h); the size class is kept in the header's flags for the free.
#include "runtime/object.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/dict.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

Object* alloc_object(ThreadState& ts, Type* type, Tag tag, size_t size) {
  // Instances of user classes may need more room than the built-in layout
  // (the trailing attribute dict, see instance_dict_slot), and their tag
  // carries kSubclassBit so that exact-tag fast paths skip them.
  uint8_t tag_bits = static_cast<uint8_t>(tag);
  if (type && !type->is_builtin) {
    size = std::max<size_t>(size, type->basic_size);
    tag_bits |= kSubclassBit;
  }
  uint8_t size_class = 0;
  void* mem = small_alloc(size, &size_class);
  Object* o = static_cast<Object*>(mem);
  init_header(o, type, tag_bits, size_class, ts.slot);
  return o;
}

namespace {

// The "trashcan" (CPython's name): freeing a long chain of containers,
// e.g. x = [x] a million times, would recurse once per link through
// dealloc -> decref -> dealloc and overflow the native stack. Below a fixed
// depth objects are freed at once; deeper ones are queued and freed by the
// outermost dealloc_object call once it has unwound. Per OS thread, like
// the small-object cache, because dealloc has no ThreadState at hand.
// 50, not more: the chain runs below whatever depth the native stack check
// allowed, so it must fit in the margin of vm/stack_limit.cpp, and a
// dealloc level is several KiB of frames under ASan and TSan.
constexpr int kMaxDeallocDepth = 50;
constinit thread_local int t_dealloc_depth = 0;
// Created on first use and freed once drained: a plain pointer keeps the
// common path free of thread-local initialisation checks.
constinit thread_local std::vector<Object*>* t_dealloc_later = nullptr;

void dealloc_now(Object* o);

}  // namespace

void dealloc_object(Object* o) {
  // Leaf objects (floats, strings, ints: no dealloc slot, no children)
  // cannot recurse: free them without the depth bookkeeping.
  if (!o->type->slots.dealloc && !(o->tag & kSubclassBit)) {
    small_free(o, size_class_of(o));
    return;
  }
  if (t_dealloc_depth >= kMaxDeallocDepth) {
    if (!t_dealloc_later) t_dealloc_later = new std::vector<Object*>();
    t_dealloc_later->push_back(o);
    return;
  }
  ++t_dealloc_depth;
  dealloc_now(o);
  if (t_dealloc_depth == 1 && t_dealloc_later) {
    while (!t_dealloc_later->empty()) {
      Object* next = t_dealloc_later->back();
      t_dealloc_later->pop_back();
      dealloc_now(next);
    }
    delete t_dealloc_later;
    t_dealloc_later = nullptr;
  }
  --t_dealloc_depth;
}

namespace {

void dealloc_now(Object* o) {
  Type* type = o->type;
  if (type && type->slots.dealloc) type->slots.dealloc(o);
  // A user subclass of a built-in layout keeps its attribute dict after the
  // built-in fields, which the built-in dealloc does not know about.
  if ((o->tag & kSubclassBit) && type && type->instances_have_dict) {
    if (Dict** slot = instance_dict_trailing_slot(o); slot && *slot) {
      Dict* d = *slot;
      *slot = nullptr;
      decref(d);
    }
  }
  small_free(o, size_class_of(o));
}

}  // namespace

}  // namespace gilvm
