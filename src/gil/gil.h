// The GIL as a pluggable policy.
//
// Only the thread holding the GIL runs bytecode. A policy decides how the
// lock is taken and handed over: Python 2's tick-counting lock (`legacy`),
// Python 3.2's switch-interval lock with drop requests (`interval`), and
// the designs gilvm adds later. Every policy implements this interface, so
// the eval loop and the blocking guard never know which one is running.
#pragma once

namespace gilvm {

struct ThreadState;

class Gil {
 public:
  virtual ~Gil() = default;
  // Blocks until the calling thread holds the GIL.
  virtual void acquire(ThreadState& ts) = 0;
  // Gives the GIL up (the caller must hold it).
  virtual void release(ThreadState& ts) = 0;
  // Called from the eval breaker when a drop was requested (or a check
  // interval elapsed): release, let another thread run, re-acquire.
  virtual void yield(ThreadState& ts) = 0;
  virtual const char* name() const = 0;
};

}  // namespace gilvm
