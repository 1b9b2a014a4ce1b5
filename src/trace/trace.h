// --trace: a record of what every thread did with the GIL, in time.
//
// Each thread appends fixed-size events to its own ThreadTrace, a chain of
// chunks that only that thread writes, so recording takes no lock: writing
// an event is a few stores and one release-store of the chunk's count. The
// TraceRecorder owns every ThreadTrace (they outlive their threads) and, at
// exit, merges them into Chrome Trace Event JSON (docs/trace-format.md). It
// may do so while daemon threads still record: it reads each chunk's count
// with acquire ordering and never looks past it.
//
// Memory is bounded by --trace-limit, counted in whole chunks across all
// threads. A thread whose next chunk would exceed the limit stops
// recording, notes when, and counts what it drops; the file and stderr say
// so. When tracing is off ThreadState::trace is null and every recording
// site is one predictable branch on it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "gil/counters.h"

namespace gilvm {

struct Interpreter;
struct ThreadState;
enum class BlockCause : uint8_t;

enum class TraceKind : uint8_t {
  // spans
  Running,  // holds the GIL
  Waiting,  // wants the GIL; arg: failed wake-ups during the wait
  Blocked,  // in a BlockingRegion; cause: BlockCause
// instants: one per counter of gil/counters.h that has an instant
// (FailedWakeup, Signal, DropRequest, ForcedSwitch, CheckRelease,
// IoPreemption, IoPaced), then
// the thread's start and end
#define GILVM_TRACE_KIND_(field, Enumerator, ...) Enumerator,
  GILVM_GIL_INSTANTS(GILVM_TRACE_KIND_)
#undef GILVM_TRACE_KIND_
      ThreadStart,
  ThreadEnd,
};
// TraceEvent packs the kind in 4 bits.
static_assert(static_cast<int>(TraceKind::ThreadEnd) < 16,
              "too many trace instants for 4 bits of kind");

// 16 bytes, the start and one packed word: a hand-over records two events,
// so their size is most of what tracing costs the traced program (memory
// written). Durations up to 2^40 ns (18 minutes) and args up to 65,535 are
// kept exactly; larger ones are clamped.
struct TraceEvent {
  uint64_t start;   // gil_now_ns()
  uint64_t packed;  // duration:40 | arg:16 | kind:4 | cause:4

  static constexpr uint64_t kMaxDuration = (uint64_t{1} << 40) - 1;
  static TraceEvent make(TraceKind kind, uint64_t start, uint64_t end, uint32_t arg,
                         uint8_t cause) {
    uint64_t dur = end > start ? end - start : 0;
    if (dur > kMaxDuration) dur = kMaxDuration;
    uint64_t a = arg > 0xffff ? 0xffff : arg;
    return TraceEvent{start, dur | a << 40 | uint64_t{static_cast<uint8_t>(kind)} << 56 |
                                 uint64_t{static_cast<uint8_t>(cause & 15)} << 60};
  }
  uint64_t end() const { return start + (packed & kMaxDuration); }
  uint32_t arg() const { return static_cast<uint32_t>(packed >> 40 & 0xffff); }
  TraceKind kind() const { return static_cast<TraceKind>(packed >> 56 & 15); }
  uint8_t cause() const { return static_cast<uint8_t>(packed >> 60); }
};
static_assert(sizeof(TraceEvent) == 16);

class TraceRecorder;

class ThreadTrace {
 public:
  ThreadTrace(TraceRecorder& recorder, uint64_t native_id, uint32_t sort_index);
  ~ThreadTrace();
  ThreadTrace(const ThreadTrace&) = delete;
  ThreadTrace& operator=(const ThreadTrace&) = delete;

  void span(TraceKind kind, uint64_t start, uint64_t end, uint32_t arg = 0, uint8_t cause = 0) {
    if (used_ == kChunkEvents) [[unlikely]] {
      if (!grow()) return;
    }
    tail_->events[used_] = TraceEvent::make(kind, start, end, arg, cause);
    ++used_;
    tail_->count.store(used_, std::memory_order_release);  // publish to the writer
  }
  void instant(TraceKind kind, uint64_t at, uint32_t arg = 0) { span(kind, at, at, arg); }

  // The thread's name as it ends (live threads are named at write time).
  void set_final_name(const std::string& name);

  // Events published so far (any thread may ask), and those refused by
  // the limit.
  uint64_t recorded() const;
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
  bool stopped() const { return stopped_at_.load(std::memory_order_relaxed) != 0; }

  // 16 Ki events (256 KiB): chunk allocation is rare enough to be off the
  // hot path, and small enough that the limit is honoured closely.
  static constexpr uint32_t kChunkEvents = 1u << 14;

 private:
  friend class TraceRecorder;
  struct Chunk {
    TraceEvent events[kChunkEvents];
    std::atomic<uint32_t> count{0};
    std::atomic<Chunk*> next{nullptr};
  };

  // Links a new chunk, or stops recording (returns false) at the limit.
  bool grow();

  TraceRecorder& recorder_;
  std::atomic<Chunk*> head_{nullptr};  // read by the writer
  Chunk* tail_ = nullptr;
  // Events in tail_ (kChunkEvents when there is no chunk yet, so the first
  // event allocates one).
  uint32_t used_ = kChunkEvents;
  uint64_t native_id_;
  uint32_t sort_index_;
  std::atomic<uint64_t> stopped_at_{0};  // when the limit was reached; 0 while recording
  std::atomic<uint64_t> dropped_{0};
  std::mutex name_mutex_;  // set_final_name vs the writer
  std::string final_name_;
};

class TraceRecorder {
 public:
  TraceRecorder(std::string path, uint64_t limit_bytes, std::string command_line);

  // Called by each thread before it first asks for the GIL.
  ThreadTrace* add_thread(uint64_t native_id);

  // Writes the JSON file; false (and a message on stderr) on failure.
  // Called once, at exit (the main thread's, or os._exit's), by `caller`,
  // which holds the GIL.
  bool write(Interpreter& interp, ThreadState& caller);

  uint64_t limit_bytes() const { return limit_bytes_; }

 private:
  friend class ThreadTrace;
  std::string path_;
  uint64_t limit_bytes_;
  std::string command_line_;
  uint64_t start_ns_;
  std::atomic<uint64_t> bytes_{0};  // chunks allocated so far

  std::mutex threads_mutex_;  // guards threads_
  std::vector<std::unique_ptr<ThreadTrace>> threads_;
};

// The default --trace-limit.
constexpr uint64_t kDefaultTraceLimitBytes = uint64_t{256} << 20;

const char* block_cause_name(BlockCause cause);
// The inverse, for Python code that labels its locks (_thread._set_block_cause).
bool parse_block_cause(std::string_view name, BlockCause* cause);

// Parses a --trace-limit value: bytes, or a number with K, M or G.
bool parse_trace_limit(const std::string& text, uint64_t* bytes);

}  // namespace gilvm
