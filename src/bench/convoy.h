// `gilvm bench convoy`: the convoy effect (CPython bpo-7946) measured: an
// echo server thread beside 0, 1, 2 and 4 CPU-bound threads in one server
// process, a client in another sending one message at a time, for every
// GIL policy and for python3 side by side (the same server script).
// The trade-off: a fresh server process per row costs a start-up and a
// baseline measurement each time, but no row inherits another's threads,
// sockets or GIL state.
#pragma once

namespace gilvm::bench {

// Runs `gilvm bench convoy ARGS...`; argv holds ARGS only. Returns the exit
// status: 0 ok, 1 when a row failed (the rest are still reported), 2 on a
// usage error.
int convoy_main(int argc, char** argv);

}  // namespace gilvm::bench
