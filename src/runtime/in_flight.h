// Calls in flight: how an object whose resource (a descriptor, a FILE*, an
// epoll set) a call uses with the GIL released stays alive and consistent
// while another thread closes it. The one mechanism for every such object:
// file objects (fileio.cpp), sockets (socket.cpp), epoll objects
// (select.cpp).
//
// The hazard. A call takes what it needs from the object, releases the GIL
// (BlockingRegion) and makes the system call. Meanwhile another thread runs
// Python code and may call close() or drop the last reference. Were the
// descriptor closed, its number could be reused at once by another open(),
// and the call would read or write someone else's file; were the FILE*
// fclose()d or the object freed, the call would use freed memory (the
// crash of issue 17).
//
// The mechanism.
//  - The object embeds an InFlightCalls.
//  - A call takes an InFlight guard before it releases the GIL and keeps it
//    until it has the GIL back: declare the guard before the BlockingRegion,
//    so it is destroyed after it. The guard counts the call and holds a
//    reference, so the object outlives the call.
//  - The call uses the resource through the copy it took with the guard
//    (a local FILE* or fd), never through the object's field, which close()
//    clears.
//  - close() marks the object closed at once, in what Python sees (closed
//    is True, fileno() is -1, the next call raises), then asks
//    release_now_or_defer(): with no call in flight it releases the
//    resource itself; otherwise the release (fclose, close(2)) is left to
//    the last call in flight, which runs it as its guard ends. So the
//    descriptor number stays allocated, and cannot be reused, while any call
//    uses it. close() may also wake the calls (a socket shuts down).
// A call that close() overtakes finishes with what it had — a read returns
// its data, a write is written (and flushed by the deferred fclose) — and
// the object's next call raises ValueError: I/O operation on closed file.
// Those are the two outcomes CPython gives, whose buffered close() waits
// for the buffer lock the call holds.
//
// Buffers. The guard keeps the object, not the call's arguments: a call
// hands the kernel only memory nobody else can free or resize while the GIL
// is released — its own stack or std::string, or an immutable bytes/str the
// caller holds a reference to. A bytearray or memoryview is copied first.
//
// Synchronisation. The count and the deferred release are read and written
// only with the GIL held (the guard's constructor and destructor and close()
// run with it), which is what makes them safe without a lock. A
// free-threaded policy (issue 12) would need a per-object lock here.
#pragma once

#include "runtime/object.h"
#include "vm/thread_state.h"

namespace gilvm {

// Releases the resource close() took away from Python (the object keeps it
// in a field of its own until then). Runs with the GIL held.
using DeferredRelease = void (*)(ThreadState& ts, Object* owner);

// Embedded in the object. Zero (what alloc gives) is "no call, nothing
// deferred".
struct InFlightCalls {
  int count;                // calls holding an InFlight now; guarded by the GIL
  DeferredRelease release;  // set by a close() that found calls in flight; guarded by the GIL
};

// One call's use of `owner`'s resource, from before its GIL release until
// after it has the GIL back.
class InFlight {
 public:
  InFlight(ThreadState& ts, Object* owner, InFlightCalls& calls) : ts_(ts), owner_(owner), calls_(calls) {
    incref(owner_);
    ++calls_.count;
  }
  ~InFlight() {
    if (--calls_.count == 0 && calls_.release) {
      DeferredRelease release = calls_.release;
      calls_.release = nullptr;
      release(ts_, owner_);
    }
    decref(owner_);
  }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  ThreadState& ts_;
  Object* owner_;
  InFlightCalls& calls_;  // inside *owner_, which the reference keeps alive
};

// close()'s half, called once the object is marked closed: true when no
// call is in flight and the caller releases the resource now; false when
// `release` was left to the last call in flight.
inline bool release_now_or_defer(InFlightCalls& calls, DeferredRelease release) {
  if (calls.count == 0) return true;
  calls.release = release;
  return false;
}

}  // namespace gilvm
