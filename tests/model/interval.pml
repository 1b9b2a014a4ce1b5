/* interval.pml: a model of the `interval` GIL (src/gil/interval.cpp),
 * CPython 3.2's lock with drop requests and FORCE_SWITCHING. Checked by
 * Spin in tests/model/check.sh (CTest `model`).
 *
 * Threads: two CPU-bound threads (yield when asked to drop) and one that
 * does tiny I/O in a loop. Time is abstract: a wait_for may time out at
 * any moment while the holder is not yet asked to drop (a timeout after
 * that only loops, and done for ever would keep the mutex from the others,
 * which weak fairness cannot rule out). switch_number_ counts modulo 4 (a
 * wrap can only cost a drop request, which a later timeout makes).
 * Properties:
 *  - mutual exclusion (assert in `running`);
 *  - no lost wake-up (LTL no_lost_wakeup, weak fairness): the GIL never
 *    stays free, and a holder waiting in FORCE_SWITCHING for another
 *    thread to take the GIL is never left there (no_stuck_switch);
 *  - no invalid end state (the safety run): nobody deadlocks.
 * interval bounds no wait either; check.sh does not check no_starvation.
 */
#define N 3
#define NONE 255

bool locked;                /* locked_ */
byte holder = NONE;         /* holder_ */
byte switch_number;         /* switch_number_ (mod 4) */
bool asleep[N];             /* waiting on released_ */
bool drop_request[N];       /* kDropGilRequest in ts.eval_breaker */
byte last_holder = NONE;    /* last_holder_ (guarded by switch_mutex_) */
bool switch_asleep[N];      /* waiting on switched_ */
bool forcing[N];            /* checking only: in drop()'s FORCE_SWITCHING wait */
byte owners;                /* checking only */

/* Both mutexes are modelled as atomic sections: everything they guard is
 * read and written only under them (the holder's poll of its own eval
 * breaker aside), so no other interleaving exists. A condition-variable
 * wait ends one section and its wake-up starts the next. */

inline notify_one() {
  if
  :: asleep[0] -> asleep[0] = false
  :: asleep[1] -> asleep[1] = false
  :: asleep[2] -> asleep[2] = false
  :: else -> skip
  fi
}

inline running(me) { atomic { owners++; assert(owners == 1 && holder == me) } }

/* IntervalGil::acquire_since */
inline acquire_since(me) {
  atomic {
    do
    :: !locked -> break
    :: else ->
       saved = switch_number;
       asleep[me] = true;                      /* released_.wait_for(interval) */
       if
       :: !asleep[me] -> timed_out = false     /* signalled */
       :: asleep[me] && holder != NONE && !drop_request[holder] ->
          timed_out = true                     /* timed out */
       fi;
       asleep[me] = false;
       if
       :: !locked -> break
       :: else ->
          if
          :: timed_out && switch_number == saved -> drop_request[holder] = true
          :: else -> skip
          fi
       fi
    od;
    locked = true;
    holder = me;
    drop_request[me] = false;
    /* FORCE_SWITCHING, under switch_mutex_ too */
    if
    :: last_holder != me -> last_holder = me; switch_number = (switch_number + 1) % 4
    :: else -> skip
    fi;
    switch_asleep[0] = false; switch_asleep[1] = false; switch_asleep[2] = false  /* notify_all */
  }
  running(me)
}

/* IntervalGil::drop */
inline drop(me, requested) {
  atomic {
    owners--;
    locked = false;
    holder = NONE;
    notify_one()
  }
  if
  :: requested ->
     atomic {
       drop_request[me] = false;
       forcing[me] = true;
       do
       :: last_holder != me -> break
       :: else ->
          switch_asleep[me] = true;  /* switched_.wait */
          !switch_asleep[me]
       od;
       forcing[me] = false
     }
  :: else -> skip
  fi
}

proctype Cpu(byte me) {
  byte saved; bool timed_out, requested;
  acquire_since(me);
  do
  :: drop_request[me] ->
     requested = drop_request[me];  /* IntervalGil::yield */
     drop(me, requested);
     acquire_since(me)
  od
}

proctype Io(byte me) {
  byte saved; bool timed_out;
  acquire_since(me);
  do
  :: drop(me, false);
     skip;  /* the blocking call */
     acquire_since(me)
  od
}

init {
  atomic { run Cpu(0); run Cpu(1); run Io(2) }
}

/* The GIL never stays free: someone always wants it here. */
ltl no_lost_wakeup { [] (!locked -> <> locked) }

/* A forced switch always ends: another thread takes the GIL. */
ltl no_stuck_switch {
  [] (forcing[0] -> <> !forcing[0]) &&
  [] (forcing[1] -> <> !forcing[1]) &&
  [] (forcing[2] -> <> !forcing[2])
}
