// ThreadSlots: the small ids that live threads stamp on the objects they
// create (Object::owner_slot), for biased reference counting.
//
// A slot names a live thread, not a thread that ever lived: it is given back
// when the thread ends and handed to the next one, so 16 bits never wrap
// however many threads a program starts over its life (issue 12: not after
// 65,535). Objects still stamped with a dead thread's slot pass to the
// thread that takes the slot next. That is safe because the slot moves
// through threads_mutex: everything the old thread wrote to those objects'
// headers happens before the new owner's first write (its release of the
// mutex, the new thread's acquire). Only when 65,535 threads are alive at
// once does take() return kNoOwnerSlot, and the objects of that thread are
// then counted as shared by everyone (slower, never wrong).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "runtime/object.h"

namespace gilvm {

class ThreadSlots {
 public:
  // The lowest slot no live thread holds, or kNoOwnerSlot when all are taken.
  uint16_t take() {
    if (!free_.empty()) {
      std::pop_heap(free_.begin(), free_.end(), std::greater<>());
      uint16_t slot = free_.back();
      free_.pop_back();
      return slot;
    }
    if (next_ == kNoOwnerSlot) return kNoOwnerSlot;
    return next_++;
  }

  // `slot` (from take()) is free again; kNoOwnerSlot is ignored.
  void give_back(uint16_t slot) {
    if (slot == kNoOwnerSlot) return;
    free_.push_back(slot);
    std::push_heap(free_.begin(), free_.end(), std::greater<>());
  }

  // In a forked child only the forking thread lives on: every other slot is
  // free (the dead threads' objects pass to whichever thread takes them).
  void keep_only(uint16_t kept) {
    free_.clear();
    next_ = 0;
    if (kept == kNoOwnerSlot) return;
    for (uint16_t s = 0; s < kept; ++s) free_.push_back(s);
    std::make_heap(free_.begin(), free_.end(), std::greater<>());
    next_ = static_cast<uint16_t>(kept + 1);
  }

 private:
  std::vector<uint16_t> free_;  // given-back slots, a min-heap
  uint16_t next_ = 0;           // slots next_ .. kNoOwnerSlot - 1 were never handed out
};

}  // namespace gilvm
