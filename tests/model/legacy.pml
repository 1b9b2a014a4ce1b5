/* legacy.pml: a model of the `legacy` GIL (src/gil/legacy.cpp), Python 2's
 * lock: a mutex, a condition variable `released` and a flag `locked`.
 * Checked by Spin in tests/model/check.sh (CTest `model`).
 *
 * Threads: two CPU-bound threads that yield every check interval (the
 * interval is abstract: any time) and one that does tiny I/O in a loop.
 * Properties:
 *  - mutual exclusion (assert in `running`);
 *  - no lost wake-up (LTL no_lost_wakeup, weak fairness): the GIL never
 *    stays free: every release signals, and a woken waiter re-checks
 *    `locked` under the mutex;
 *  - no_starvation is expected to FAIL (check.sh checks that it does): the
 *    releaser takes the lock straight back before the thread it woke runs
 *    (the failed wake-ups Beazley measured), for ever.
 */
#define NCPU 2
#define N 3
#define NONE 255

byte m = NONE;     /* mutex_: the thread holding it */
bool locked;       /* locked_ (guarded by mutex_) */
bool asleep[N];    /* waiting on released_ */
bool waiting[N];   /* checking only: in acquire_since */
byte owners;       /* checking only: threads running bytecode */

inline lock(me) { atomic { m == NONE -> m = me } }
inline unlock(me) { assert(m == me); m = NONE }

/* released_.notify_one(): wakes one sleeper, if any. */
inline notify_one() {
  if
  :: asleep[0] -> asleep[0] = false
  :: asleep[1] -> asleep[1] = false
  :: asleep[2] -> asleep[2] = false
  :: else -> skip
  fi
}

inline running(me) { atomic { owners++; assert(owners == 1) } }

/* LegacyGil::acquire_since */
inline acquire_since(me) {
  waiting[me] = true;
  lock(me);
  do
  :: !locked -> break
  :: else ->
     atomic { asleep[me] = true; unlock(me) }  /* released_.wait(lock) */
     !asleep[me];                              /* signalled */
     lock(me)
  od;
  locked = true;
  unlock(me);
  waiting[me] = false;
  running(me)
}

/* LegacyGil::release_as: clear locked and signal, waiter or not. */
inline release_as(me) {
  owners--;
  lock(me);
  locked = false;
  notify_one();
  unlock(me)
}

/* LegacyGil::yield: release, then take it back (the check interval). */
inline yield(me) {
  release_as(me);
  acquire_since(me)
}

proctype Cpu(byte me) {
  acquire_since(me);
  do
  :: yield(me)
  od
}

proctype Io(byte me) {
  acquire_since(me);
  do
  :: release_as(me);
     skip;  /* the blocking call */
     acquire_since(me)
  od
}

init {
  atomic { run Cpu(0); run Cpu(1); run Io(2) }
}

/* The GIL never stays free: someone always wants it here. */
ltl no_lost_wakeup { [] (!locked -> <> locked) }

/* Every waiter eventually gets the GIL (legacy does not guarantee it). */
ltl no_starvation {
  [] (waiting[0] -> <> !waiting[0]) &&
  [] (waiting[1] -> <> !waiting[1]) &&
  [] (waiting[2] -> <> !waiting[2])
}
