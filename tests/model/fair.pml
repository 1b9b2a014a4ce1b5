/* fair.pml: a model of the `fair` GIL policy's hand-over protocol, the
 * section of src/gil/fair.cpp between its "protocol" markers. Checked by
 * Spin in tests/model/check.sh (CTest `model`).
 *
 * Each inline below is named after the C++ function it models and does the
 * same steps in the same order; the variables are fair.cpp's members
 * without the trailing underscore. What is modelled: the state behind m_
 * (holder, the two FIFO queues, pending_, each Waiter's granted/parked
 * flags), the fast path (rule 1), the I/O preemption at once or paced by
 * the I/O budget (rules 3, 9), the slice drop request of a queue head that
 * timed out (rule 4), choose's starvation rule (5), yield's
 * grant-then-queue with no barging and a cut-short turn resumed from the
 * front of cpu_ (6), wait_for_grant's spin, timed park and confirm under
 * m_, and an io thread taking over a grant not yet confirmed (7).
 *
 * What is abstracted:
 *  - Time. fair.cpp compares `now - head_since` and `now - slice_start`
 *    with the switch interval S, and the I/O credit with zero. Here each
 *    comparison is a flag that a Clock process sets at any moment and the
 *    code resets where fair.cpp stores `now` into head_since / slice_start
 *    (or charges the budget): `cpu_head_aged` is "now -
 *    cpu_head_kept_since(*cpu_.head) >= the limit", `slice_aged` is "now -
 *    slice_start >= S", `credit`
 *    counts the preemptions the I/O budget still allows (each costs a
 *    positive time; a cpu turn that runs earns them back, up to the cap),
 *    so `credit > 0` is "io_preempt_at(now) <= now". Under weak fairness the clocks eventually tick, as real time
 *    passes. A parked waiter's wait_for may time out at any moment (a
 *    spurious wake-up is the same step).
 *  - The budget of a turn. Whether a yield is "cut short" (ran less than
 *    its budget) depends on time; here it is a choice, but a turn may be
 *    cut short and resumed at most R times (default 2): each resumption
 *    runs the thread for a positive time (at least until its next poll,
 *    and rule 9 makes it earn the next preemption), so a finite budget
 *    runs out after finitely many.
 *  - The interpreter. A holder runs until its eval-breaker poll sees
 *    kDropGilRequest (Cpu), or does tiny I/O in a loop: release for a
 *    blocking call, come back through acquire as io class (Io).
 *
 * Properties (check.sh runs each):
 *  - mutual exclusion: at most one thread runs bytecode, and it is holder
 *    (assert in `running`);
 *  - the GIL is never free while someone is queued, whenever m is free
 *    (the Invariant process): a release with waiters always grants;
 *  - a Waiter node is alive whenever another thread touches it (grant's
 *    notify, the assert in `grant`): it lives on its thread's stack and dies when
 *    wait_for_grant returns;
 *  - no lost wake-up (LTL no_lost_wakeup, weak fairness): a thread that
 *    was granted the GIL eventually runs;
 *  - bounded wait: while a thread waits, at most K hand-overs go to other
 *    threads (assert in `grant` and the take-over): with one CPU-bound
 *    thread and one doing I/O, K = 2 holds and K = 1 fails (check.sh runs
 *    both, exhaustively); and no starvation (LTL no_starvation2 /
 *    no_starvation, weak fairness): every waiter eventually gets the GIL.
 *    With two CPU-bound threads the state space (the budget and the
 *    resumed turns multiply it) is too large to search in full in make
 *    test; `check.sh --all` runs a partial (bitstate) search of it.
 *
 * Modelled version: fair.cpp with rule 9 (the I/O budget), 2026-12-03.
 * History: an earlier choose counted the cpu head's wait from head_since
 * alone, and Spin found the I/O thread starved for ever by two CPU-bound
 * threads (each cpu turn lasts a slice, so the other cpu thread, head since
 * that turn began, is always starving when it ends, and goes before the io
 * head); cpu_head_kept_since fixed it.
 */

#ifndef NCPU
#define NCPU 2
#endif
#ifndef NIO
#define NIO 1
#endif
#define N (NCPU + NIO)  /* at most 3: the LTL formulas name threads 0..2 */
#ifndef R
#define R 2             /* times one cpu turn may be cut short and resumed */
#endif
#ifndef B
#define B 2             /* preemptions the I/O budget allows before it is spent */
#endif
#ifndef K
#define K 6             /* hand-overs to others a waiter may see go by */
#endif

#define NONE 255

/* ---- fair.cpp's state (all guarded by m_) ---- */
byte m = NONE;              /* std::mutex m_: the thread holding it */
byte holder = NONE;         /* holder_ */
byte pending = NONE;        /* pending_: granted, not yet taken up (confirm) */
byte io[N];                 /* io_: a FIFO, [0] is the head */
byte io_len = 0;
byte cpu[N];                /* cpu_ */
byte cpu_len = 0;
bool preemptible = false;   /* preemptible_ */
bool cpu_turn = false;      /* cpu_turn_ */
bool dropped_for_io = false; /* dropped_for_io_ */
bool cpu_head_aged = false; /* now - cpu_head_kept_since(*cpu_.head) >= the limit
                               (cpu_wait_limit() for slice_over, S in choose) */
bool slice_aged = false;    /* now - slice_start_ >= S */
byte credit = B;            /* rule 9: io_credit_ in preemptions' worth; > 0 is
                               io_preempt_at(now) <= now */
bool io_cut = false;        /* io_cut_since_ != 0 */
/* Waiter fields, one Waiter per thread at a time (its node on its stack) */
bool granted[N];            /* Waiter::granted (atomic; spun on without m_) */
bool parked[N];             /* Waiter::parked: sleeping on Waiter::cv */
bool is_cpu[N];             /* Waiter::cpu: queued by yield, not acquire */
byte resumes[N];            /* Waiter::resume_budget != 0, counted: the
                               abstraction of its turn's remaining budget */
byte holder_resumes = 0;    /* the holder's turn: times it was resumed */
/* ThreadState::eval_breaker's kDropGilRequest bit (atomic) */
bool drop_request[N];

/* ---- checking only ---- */
bool alive[N];              /* the thread's Waiter node exists */
bool waiting[N];            /* from queueing until wait_for_grant returns */
byte passed[N];             /* hand-overs to others while it waits */
byte owners = 0;            /* threads running bytecode */

inline lock(me) { atomic { m == NONE -> m = me } }
inline unlock(me) { assert(m == me); m = NONE }

/* Queue::push / Queue::pop. A new head gets head_since = now. */
inline push_io(w) {
  io[io_len] = w; io_len++
}
inline push_cpu(w) {
  cpu[cpu_len] = w; cpu_len++;
  if
  :: cpu_len == 1 -> cpu_head_aged = false
  :: else -> skip
  fi
}
/* Queue::push_front: the new head, head_since = now. */
inline push_front_cpu(w) {
  for (j : 1 .. N - 1) { cpu[N - j] = cpu[N - j - 1] }
  cpu[0] = w; cpu_len++;
  cpu_head_aged = false
}
inline pop_io() {
  w = io[0];
  for (j : 1 .. N - 1) { io[j - 1] = io[j] }
  io_len--; io[io_len] = 0
}
inline pop_cpu() {
  w = cpu[0];
  for (j : 1 .. N - 1) { cpu[j - 1] = cpu[j] }
  cpu_len--; cpu[cpu_len] = 0;
  cpu_head_aged = false
}

/* A thread becomes a waiter: `Waiter me(&ts, cpu_class)`. */
inline new_waiter(me, cpu_class) {
  granted[me] = false; parked[me] = false; is_cpu[me] = cpu_class;
  alive[me] = true; waiting[me] = true; passed[me] = 0
}

/* A hand-over to `to`: every other waiter sees one more go by. */
inline count_passed(to, by) {
#if !defined(LIVENESS) && !defined(NO_COUNT)  /* checked by the safety run only */
  for (j : 0 .. N - 1) {
    if
    :: waiting[j] && j != to && j != by -> passed[j]++; assert(passed[j] <= K)
    :: else -> skip
    fi
  }
#else
  skip
#endif
}

/* request_drop: set the holder's kDropGilRequest. */
inline request_drop() {
  assert(holder != NONE);
  drop_request[holder] = true;
  printf("MSC: %d asks %d to drop\n", me, holder)
}

/* choose (rule 5), as a turn ends: the io head unless the cpu head has
 * been kept from running for S (or nobody is in io); else the cpu head;
 * else nobody. Sets w. Kept since: the later of when it became head and
 * the end of the last cpu turn, so a cpu turn that ends now restarts the
 * count (last_cpu_turn_end_ = now). When the GIL goes back to a cpu
 * thread after a preemption, the I/O turns' time is charged (rule 9). */
inline choose() {
  if :: cpu_turn -> cpu_head_aged = false :: else -> skip fi;
  cpu_turn = false;
  if
  :: io_len > 0 && !(cpu_len > 0 && cpu_head_aged) -> pop_io()
  :: else ->
     if
     :: io_cut -> io_cut = false; if :: credit > 0 -> credit-- :: else -> skip fi
     :: else -> skip
     fi;
     if
     :: cpu_len > 0 -> pop_cpu()
     :: else -> w = NONE
     fi
  fi
}

/* grant: `w` holds the GIL from here on. The notify is a step of its own:
 * it is the only touch of w's node after the hand-over, and fair.cpp makes
 * it only when `parked` was read true (holding m_, before the store). */
inline grant(me) {
  atomic {
    holder = w;
    pending = w;
    slice_aged = false;              /* slice_start_ = now */
    preemptible = is_cpu[w] && io_len == 0;
    cpu_turn = is_cpu[w];
    holder_resumes = resumes[w];
    dropped_for_io = false;
    /* a cpu turn: the cpu head's kept_since becomes slice_start_ = now */
    if :: cpu_turn -> cpu_head_aged = false :: else -> skip fi;
    drop_request[w] = false;
    was_parked = parked[w];
    granted[w] = true;
    printf("MSC: %d grants to %d (io %d, cpu %d)\n", me, w, io_len, cpu_len);
    count_passed(w, me)
  }
  if
  :: was_parked -> assert(alive[w]); parked[w] = false  /* w->cv.notify_one() */
  :: else -> skip
  fi
}

/* Rule 3: ask the holder of a cpu turn to drop for an io waiter. */
inline preempt_for_io() {
  dropped_for_io = true;
  request_drop()
}

/* take_if_free (rule 1), take_over_pending_grant (rule 7) and enqueue_io
 * (rules 3, 9), in acquire_since. */
inline acquire_since(me) {
  lock(me);
  atomic {
    if
    :: holder == NONE ->
       holder = me; slice_aged = false; preemptible = false; cpu_turn = false; fast = true
    /* take_over_pending_grant: an io thread takes a grant to a cpu waiter
     * that has not confirmed it yet, if the budget allows; that waiter
     * goes back to the front, keeping what it had of its turn. Either this
     * or queueing (a race for m_ in fair.cpp). */
    :: holder != NONE && pending != NONE && is_cpu[pending] && preemptible && credit > 0 ->
       w = pending;
       io_cut = true;
       granted[w] = false;
       pending = NONE;
       push_front_cpu(w);
       printf("MSC: %d takes over the grant to %d\n", me, w);
       count_passed(me, me);
       holder = me; slice_aged = false; preemptible = false; cpu_turn = false;
       dropped_for_io = false; fast = true
    :: holder != NONE ->
       fast = false;
       new_waiter(me, false);
       push_io(me);
       printf("MSC: %d queues as io (preemptible %d)\n", me, preemptible);
       if
       :: preemptible && credit > 0 -> preempt_for_io()
       :: else -> skip   /* not preemptible, or paced (rule 9) */
       fi
    fi
  }
  unlock(me);
  if :: !fast -> wait_for_grant(me) :: else -> skip fi;
  running(me)
}

/* release -> let_go. */
inline release(me) {
  lock(me);
  atomic { owners--; drop_request[me] = false; choose() }
  if
  :: w != NONE -> grant(me)
  :: else -> holder = NONE
  fi;
  unlock(me)
}

/* yield: keep_if_alone, else (m_ let go and re-taken) hand_over_and_queue. */
inline yield(me) {
  lock(me);
  atomic {
    if
    :: io_len == 0 && cpu_len == 0 ->   /* keep_if_alone */
       drop_request[me] = false; slice_aged = false; preemptible = true; cpu_turn = true; kept = true;
       dropped_for_io = false; holder_resumes = 0
    :: else -> kept = false
    fi
  }
  unlock(me);
  if
  :: !kept ->
     lock(me);
     atomic {
       owners--;
       new_waiter(me, true);
       drop_request[me] = false;
       /* cut_short: a cpu turn an io waiter cut before its budget ran out
        * (the budget is abstract: either, at most R times a turn) */
       if
       :: cpu_turn && dropped_for_io && holder_resumes < R -> cut_short = true
       :: true -> cut_short = false
       fi;
       my_resumes = holder_resumes;
       choose();
       assert(w != NONE)  /* "the queues stay non-empty until the hand-over" */
     }
     grant(me);
     if
     :: cut_short && !is_cpu[w] -> resumes[me] = my_resumes + 1; io_cut = true; push_front_cpu(me)
     :: else -> resumes[me] = 0; push_cpu(me)
     fi;
     unlock(me);
     wait_for_grant(me);
     running(me)
  :: else -> skip
  fi
}

/* slice_over (rule 4, and rule 9 for a paced io head): me is its queue's
 * head and has waited its limit (cpu head: cpu_wait_limit() since
 * cpu_head_kept_since; io head: S since slice_start_, or the budget paid
 * back during a cpu turn). */
#define slice_over(me) \
  (is_cpu[me] && cpu_len > 0 && cpu[0] == me && cpu_head_aged || \
   !is_cpu[me] && io_len > 0 && io[0] == me && (slice_aged || preemptible && credit > 0))

/* When a parked waiter's wait_for may return without a notify. Safety runs:
 * at any moment (a spurious wake-up is the same step). Liveness runs
 * (-DLIVENESS): only when it has something to do, its deadline has passed
 * and the holder is not yet asked to drop. A waiter that wakes for nothing
 * only re-takes m_ and parks again, but done forever it would keep m_ from
 * the others: weak fairness cannot stand in for the real deadlines, which
 * come once per switch interval. */
#ifdef LIVENESS
#define TIMES_OUT(me) (parked[me] && slice_over(me) && holder != NONE && !drop_request[holder])
#else
#define TIMES_OUT(me) true
#endif

/* wait_for_grant (rule 7): the spin only hints; the grant counts once
 * confirmed under m_ (confirm: pending_ = null), since an io thread may
 * take it back before. Signalled but not granted: spin again. A paced io
 * waiter's spin up to its deadline is the same step as the spin. */
inline wait_for_grant(me) {
  do
  :: if :: granted[me] -> skip :: true -> skip fi;  /* the spin */
     lock(me);
     do
     :: granted[me] -> break
     :: else ->
        if
        :: slice_over(me) ->
           if
           :: !is_cpu[me] && preemptible -> preempt_for_io()
           :: else -> request_drop()
           fi
        :: else -> skip
        fi;
        atomic { parked[me] = true; unlock(me) }
        if
        :: !parked[me] -> timed_out = false
        :: TIMES_OUT(me) -> timed_out = true
        fi;
        lock(me);
        parked[me] = false;
        if
        :: granted[me] -> break
        :: !timed_out -> unlock(me); goto spin_again
        :: else -> skip
        fi
     od;
     /* confirm */
     atomic {
       pending = NONE;
       slice_aged = false;
       if :: cpu_turn -> cpu_head_aged = false :: else -> skip fi;
       alive[me] = false; waiting[me] = false
     }
     unlock(me);
     break;
spin_again:
     skip
  od
}

/* Back from acquire or yield: this thread runs bytecode. */
inline running(me) {
  atomic { owners++; assert(owners == 1 && holder == me) }
}

/* A CPU-bound thread: runs until its eval-breaker poll sees a drop request. */
proctype Cpu(byte me) {
  byte w, j, my_resumes;
  bool fast, kept, was_parked, cut_short, timed_out;
  acquire_since(me);
  do
  :: drop_request[me] -> yield(me)
  od
}

/* A thread doing tiny I/O in a loop (a BlockingRegion each time). */
proctype Io(byte me) {
  byte w, j, my_resumes;
  bool fast, kept, was_parked, cut_short, timed_out;
  acquire_since(me);
  do
  :: if
     :: drop_request[me] -> yield(me)
     :: else -> skip
     fi;
     release(me);
     skip;  /* the blocking call */
     acquire_since(me)
  od
}

/* Time passes: the comparisons with the switch interval and the I/O
 * budget become true. */
active proctype ClockHead() {
  do
  :: atomic { cpu_len > 0 && !cpu_head_aged -> cpu_head_aged = true; printf("MSC: cpu head %d aged\n", cpu[0]) }
  od
}
active proctype ClockSlice() {
  do
  :: atomic { holder != NONE && !slice_aged -> slice_aged = true; printf("MSC: slice of %d aged\n", holder) }
  od
}
/* A cpu turn that runs (confirmed: pending_ is null) earns credit. */
active proctype ClockBudget() {
  do
  :: atomic { cpu_turn && pending == NONE && holder != NONE && credit < B -> credit++; printf("MSC: credit %d\n", credit) }
  od
}

/* Whenever nobody holds m_, the GIL is not free while a thread is queued. */
active proctype Invariant() {
  atomic { m == NONE && holder == NONE && (io_len > 0 || cpu_len > 0) -> assert(false) }
}

init {
  byte t;
  atomic {
    for (t : 0 .. NCPU - 1) { run Cpu(t) }
    for (t : NCPU .. N - 1) { run Io(t) }
  }
}

/* A thread that was granted the GIL eventually runs. */
ltl no_lost_wakeup {
  [] ((granted[0] && waiting[0]) -> <> !waiting[0]) &&
  [] ((granted[1] && waiting[1]) -> <> !waiting[1]) &&
  [] ((granted[2] && waiting[2]) -> <> !waiting[2])
}

/* Every waiter eventually gets the GIL. */
ltl no_starvation {
  [] (waiting[0] -> <> !waiting[0]) &&
  [] (waiting[1] -> <> !waiting[1]) &&
  [] (waiting[2] -> <> !waiting[2])
}

/* The same for a model of two threads (-DNCPU=1). */
ltl no_starvation2 {
  [] (waiting[0] -> <> !waiting[0]) &&
  [] (waiting[1] -> <> !waiting[1])
}
