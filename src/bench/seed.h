// `gilvm bench seed`: the seed's experiment (Beazley 2010, countdown split
// over 1, 2 and 4 threads, on all CPUs and then on one), run for every GIL
// policy and for python3 side by side, each case in a fresh child process.
// The trade-off: fresh processes cost a start-up per run but keep one case's
// heap, caches and GIL state from leaking into the next, and let the
// one-CPU runs pin a whole process (sched_setaffinity before exec).
#pragma once

namespace gilvm::bench {

// Runs `gilvm bench seed ARGS...`; argv holds ARGS only (not "bench seed").
// Returns the exit status: 0 ok, 1 when a child run failed (the rest are
// still reported), 2 on a usage error.
int seed_main(int argc, char** argv);

}  // namespace gilvm::bench
