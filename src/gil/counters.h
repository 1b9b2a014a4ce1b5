// The GIL counters, defined once as an X-macro.
//
// Everything that shows or moves a counter expands this list: the
// per-thread GilCounters struct and its combining (gil.h, gil.cpp), the
// --gil-stats table and --gil-stats-json (gil.cpp), the trace's instant
// events (trace/trace.h, trace/json_writer.cpp), `gilvm report`'s instant
// kinds, colours, legend and summary columns (report/), and the counters
// `gilvm bench` reads back from its children (bench/harness.*). Adding a
// counter is one line here (plus the code that counts it). The trade-off:
// a wide row and a little preprocessor indirection, against eight
// hand-kept lists that drifted apart.
//
// A row: X(A, field, header, label, unit, combine, show, bench, instant),
// where A is a pass-through for the expansions below (ignore it), and
//   field    the GilCounters member and the JSON key (the order of the rows
//            is the order of the keys in --gil-stats-json and bench JSON)
//   header   the --gil-stats column header (short)
//   label    the plural name the report's tables use
//   unit     Count, or Ns (shown in milliseconds by --gil-stats)
//   combine  Sum or Max: how the totals row and operator+= combine threads
//   show     Always, or IfNonzero: --gil-stats shows the column only when a
//            row is not zero (a policy-specific counter stays out of the
//            other policies' tables)
//   bench    true when `gilvm bench` writes it in each row's "gil" object
//            (tests/bench_*_test.py check that key list exactly)
//   instant  () when the trace does not record it; otherwise
//            (Enumerator, "event name", "#colour"): each count is also a trace
//            instant of that TraceKind / InstantKind, named as in
//            docs/trace-format.md, drawn in that colour by `gilvm report`.
//            At most 11 counters may have one (TraceEvent keeps 4 bits of
//            kind; the static_assert in trace.h says so).
//
// io_preemptions, io_paced, handoffs and worst_wait_ns belong to the `fair` policy
// (fair.cpp); the other policies leave them at zero.
#pragma once

#define GILVM_GIL_COUNTER_LIST_(X, A)                                                          \
  X(A, acquisitions, "acquisitions", "acquisitions", Count, Sum, Always, true, ())             \
  X(A, contended, "contended", "contended", Count, Sum, Always, true, ())                      \
  X(A, failed_wakeups, "failed wake", "failed wake-ups", Count, Sum, Always, true,             \
    (FailedWakeup, "failed wake-up", "#ff7f0e"))                                               \
  X(A, signals, "signals", "signals", Count, Sum, Always, true, (Signal, "signal", "#9467bd")) \
  X(A, drop_requests, "drop req", "drop requests", Count, Sum, Always, true,                   \
    (DropRequest, "drop request", "#e377c2"))                                                  \
  X(A, forced_switches, "forced", "forced switches", Count, Sum, Always, true,                 \
    (ForcedSwitch, "forced switch", "#111111"))                                                \
  X(A, check_releases, "check rel", "check releases", Count, Sum, IfNonzero, false,            \
    (CheckRelease, "check release", "#8c564b"))                                                \
  X(A, wait_ns, "wait ms", "time waiting", Ns, Sum, Always, false, ())                         \
  X(A, hold_ns, "hold ms", "time holding", Ns, Sum, Always, false, ())                         \
  X(A, io_preemptions, "io preempt", "I/O preemptions", Count, Sum, IfNonzero, false,         \
    (IoPreemption, "io preemption", "#f5c400"))                                                \
  X(A, io_paced, "io paced", "paced I/O preemptions", Count, Sum, IfNonzero, false,            \
    (IoPaced, "io paced", "#00b894"))                                                          \
  X(A, handoffs, "handoffs", "handoffs", Count, Sum, IfNonzero, false, ())                     \
  X(A, worst_wait_ns, "worst wait ms", "worst wait", Ns, Max, IfNonzero, false, ())

// GILVM_GIL_COUNTERS(X): X(field, header, label, unit, combine, show,
// bench, instant) for every counter, in order.
#define GILVM_GIL_COUNTERS(X) GILVM_GIL_COUNTER_LIST_(GILVM_GIL_ROW_, X)
#define GILVM_GIL_ROW_(X, ...) X(__VA_ARGS__)

// GILVM_GIL_INSTANTS(Y): Y(field, Enumerator, "event name", "#colour") for
// every counter that the trace records as an instant, in order.
#define GILVM_GIL_INSTANTS(Y) GILVM_GIL_COUNTER_LIST_(GILVM_GIL_INSTANT_ROW_, Y)
#define GILVM_GIL_INSTANT_ROW_(Y, field, header, label, unit, combine, show, bench, instant) \
  GILVM_IF_INSTANT(instant, Y, field)
// GILVM_IF_INSTANT(instant, Y, arg), inside an X of GILVM_GIL_COUNTERS:
// Y(arg, Enumerator, "event name", "#colour") when the row's instant column
// is not (), nothing otherwise.
#define GILVM_IF_INSTANT(instant, Y, arg) \
  GILVM_CALL_(GILVM_IF_INSTANT_, (Y, arg, GILVM_UNPAREN_ instant))
#define GILVM_UNPAREN_(...) __VA_ARGS__
#define GILVM_CALL_(M, args) M args
#define GILVM_IF_INSTANT_(Y, field, ...) __VA_OPT__(Y(field, __VA_ARGS__))
