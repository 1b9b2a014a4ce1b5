// The --trace buffers without an interpreter: chunks, the memory limit,
// and a reader that counts events while their thread is still recording
// (as the writer does at exit with daemon threads; run under TSan too).
#include "trace/trace.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace gilvm {
namespace {

constexpr uint64_t kLots = uint64_t{1} << 30;

TEST(TraceTest, RecordsAcrossChunks) {
  TraceRecorder recorder("/dev/null", kLots, "test");
  ThreadTrace* t = recorder.add_thread(1);
  EXPECT_EQ(t->recorded(), 0u);
  for (uint64_t i = 0; i < 40000; ++i) t->span(TraceKind::Running, i, i + 1);
  EXPECT_EQ(t->recorded(), 40000u);
  EXPECT_EQ(t->dropped(), 0u);
  EXPECT_FALSE(t->stopped());
}

TEST(TraceTest, LimitStopsRecordingAndCountsWhatItDrops) {
  // A thread records nothing under a limit smaller than one chunk.
  TraceRecorder tiny("/dev/null", 1, "test");
  ThreadTrace* none = tiny.add_thread(1);
  none->instant(TraceKind::Signal, 0);
  none->instant(TraceKind::Signal, 1);
  EXPECT_EQ(none->recorded(), 0u);
  EXPECT_EQ(none->dropped(), 2u);
  EXPECT_TRUE(none->stopped());

  // 8 MiB: some whole chunks, shared by two threads.
  TraceRecorder limited("/dev/null", 8u << 20, "test");
  ThreadTrace* a = limited.add_thread(1);
  ThreadTrace* b = limited.add_thread(2);
  uint64_t n = 0;
  while (!a->stopped()) a->instant(TraceKind::Signal, n++);
  EXPECT_GT(a->recorded(), 0u);
  EXPECT_EQ(a->recorded() % ThreadTrace::kChunkEvents, 0u);  // whole chunks only
  EXPECT_LE(a->recorded() * sizeof(TraceEvent), uint64_t{8} << 20);
  EXPECT_EQ(a->recorded() + a->dropped(), n);
  EXPECT_EQ(a->dropped(), 1u);
  // The budget is shared: the other thread has none left.
  b->instant(TraceKind::Signal, 0);
  EXPECT_TRUE(b->stopped());
  EXPECT_EQ(b->recorded(), 0u);
}

TEST(TraceTest, ReaderSeesOnlyPublishedEvents) {
  TraceRecorder recorder("/dev/null", kLots, "test");
  ThreadTrace* t = recorder.add_thread(1);
  constexpr uint64_t kEvents = 200000;
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (uint64_t i = 0; i < kEvents; ++i) t->span(TraceKind::Waiting, i, i + 2, 1);
    done = true;
  });
  uint64_t last = 0;
  while (!done.load()) {
    uint64_t now = t->recorded();
    EXPECT_GE(now, last);  // never goes back
    last = now;
  }
  writer.join();
  EXPECT_EQ(t->recorded(), kEvents);
}

TEST(TraceTest, ParsesLimits) {
  uint64_t v = 0;
  EXPECT_TRUE(parse_trace_limit("512M", &v));
  EXPECT_EQ(v, uint64_t{512} << 20);
  EXPECT_TRUE(parse_trace_limit("3g", &v));
  EXPECT_EQ(v, uint64_t{3} << 30);
  EXPECT_TRUE(parse_trace_limit("4096", &v));
  EXPECT_EQ(v, 4096u);
  for (const char* bad : {"", "0", "-1", "12Q", "M", "1.5G", "99999999999999999999G"}) {
    EXPECT_FALSE(parse_trace_limit(bad, &v)) << bad;
  }
}

}  // namespace
}  // namespace gilvm
