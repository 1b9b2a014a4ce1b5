// The per-thread event buffers and their memory limit (see trace.h).
#include <sys/mman.h>

#include <cerrno>
#include <cstdlib>
#include <new>

#include "gil/blocking.h"
#include "gil/gil.h"
#include "trace/trace.h"
#include "vm/thread_state.h"

namespace gilvm {

ThreadTrace::ThreadTrace(TraceRecorder& recorder, uint64_t native_id, uint32_t sort_index)
    : recorder_(recorder), native_id_(native_id), sort_index_(sort_index) {}

ThreadTrace::~ThreadTrace() {
  Chunk* c = head_.load(std::memory_order_relaxed);
  while (c) {
    Chunk* next = c->next.load(std::memory_order_relaxed);
    c->~Chunk();
    munmap(c, sizeof(Chunk));
    c = next;
  }
}

bool ThreadTrace::grow() {
  if (stopped_at_.load(std::memory_order_relaxed) != 0) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  constexpr uint64_t size = sizeof(Chunk);
  // Reserve the bytes first so that two threads growing at once cannot
  // both squeeze under the limit.
  uint64_t before = recorder_.bytes_.fetch_add(size, std::memory_order_relaxed);
  if (before + size > recorder_.limit_bytes_) {
    recorder_.bytes_.fetch_sub(size, std::memory_order_relaxed);
    stopped_at_.store(gil_now_ns(), std::memory_order_relaxed);
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  // Mapped with its pages populated in one system call: touching a fresh
  // 256 KiB block page by page costs 64 page faults, taken in the middle of
  // the traced program's GIL hand-overs.
  void* mem = mmap(nullptr, sizeof(Chunk), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (mem == MAP_FAILED) {
    recorder_.bytes_.fetch_sub(size, std::memory_order_relaxed);
    stopped_at_.store(gil_now_ns(), std::memory_order_relaxed);
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  auto* c = new (mem) Chunk;
  if (tail_) {
    tail_->next.store(c, std::memory_order_release);
  } else {
    head_.store(c, std::memory_order_release);
  }
  tail_ = c;
  used_ = 0;
  return true;
}

uint64_t ThreadTrace::recorded() const {
  uint64_t n = 0;
  for (Chunk* c = head_.load(std::memory_order_acquire); c;
       c = c->next.load(std::memory_order_acquire)) {
    n += c->count.load(std::memory_order_acquire);
  }
  return n;
}

void ThreadTrace::set_final_name(const std::string& name) {
  std::lock_guard<std::mutex> lock(name_mutex_);
  final_name_ = name;
}

TraceRecorder::TraceRecorder(std::string path, uint64_t limit_bytes, std::string command_line)
    : path_(std::move(path)),
      limit_bytes_(limit_bytes),
      command_line_(std::move(command_line)),
      start_ns_(gil_now_ns()) {}

ThreadTrace* TraceRecorder::add_thread(uint64_t native_id) {
  std::lock_guard<std::mutex> lock(threads_mutex_);
  auto index = static_cast<uint32_t>(threads_.size());
  threads_.push_back(std::make_unique<ThreadTrace>(*this, native_id, index));
  return threads_.back().get();
}

void record_blocked(ThreadState& ts, uint64_t start, BlockCause cause) {
  ts.trace->span(TraceKind::Blocked, start, gil_now_ns(), 0, static_cast<uint8_t>(cause));
}

const char* block_cause_name(BlockCause cause) {
  switch (cause) {
    case BlockCause::Sleep:
      return "sleep";
    case BlockCause::Lock:
      return "lock";
    case BlockCause::Join:
      return "join";
    case BlockCause::Queue:
      return "queue";
    case BlockCause::File:
      return "file";
    case BlockCause::Stdout:
      return "stdout";
    case BlockCause::Socket:
      return "socket";
    case BlockCause::Input:
      return "input";
    case BlockCause::Other:
      return "other";
  }
  return "other";
}

bool parse_block_cause(std::string_view name, BlockCause* cause) {
  for (auto c :
       {BlockCause::Sleep, BlockCause::Lock, BlockCause::Join, BlockCause::Queue, BlockCause::File,
        BlockCause::Stdout, BlockCause::Socket, BlockCause::Input, BlockCause::Other}) {
    if (name == block_cause_name(c)) {
      *cause = c;
      return true;
    }
  }
  return false;
}

bool parse_trace_limit(const std::string& text, uint64_t* bytes) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;
  errno = 0;
  char* end = nullptr;
  unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  if (errno != 0) return false;
  std::string suffix(end);
  uint64_t scale = 1;
  if (suffix == "K" || suffix == "k") {
    scale = uint64_t{1} << 10;
  } else if (suffix == "M" || suffix == "m") {
    scale = uint64_t{1} << 20;
  } else if (suffix == "G" || suffix == "g") {
    scale = uint64_t{1} << 30;
  } else if (!suffix.empty()) {
    return false;
  }
  if (n == 0 || n > UINT64_MAX / scale) return false;
  *bytes = n * scale;
  return true;
}

}  // namespace gilvm
