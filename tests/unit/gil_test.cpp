// Drives each GIL policy directly, with real threads and no interpreter:
// mutual exclusion, handoff, drop requests, forced switching, counters.
// Nothing here asserts a duration; waits have generous bounds only so that
// a broken policy fails instead of hanging.
#include "gil/gil.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "gil/blocking.h"
#include "gil/policies.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {
namespace {

using namespace std::chrono_literals;

struct Fixture {
  explicit Fixture(const char* policy) : interp(make_config(policy)) {
    interp.gil = make_gil(interp.config);
  }
  static InterpreterConfig make_config(const char* policy) {
    InterpreterConfig c;
    c.gil_policy = policy;
    c.switch_interval = 0.001;
    return c;
  }
  Interpreter interp;
};

// Several threads take turns; a non-atomic counter stays exact only if the
// GIL really excludes.
void check_mutual_exclusion(const char* policy) {
  Fixture fx(policy);
  constexpr int kThreads = 8;
  constexpr int kRounds = 2000;
  int64_t shared = 0;
  std::atomic<int> inside{0};
  std::atomic<bool> overlap{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      ThreadState ts(&fx.interp);
      for (int i = 0; i < kRounds; ++i) {
        fx.interp.gil->acquire(ts);
        if (inside.fetch_add(1) != 0) overlap = true;
        ++shared;
        inside.fetch_sub(1);
        if (i % 3 == 0) {
          fx.interp.gil->yield(ts);
        }
        fx.interp.gil->release(ts, ReleaseReason::Blocking);
      }
      EXPECT_EQ(ts.gil_counters.acquisitions, static_cast<uint64_t>(kRounds + (kRounds + 2) / 3));
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_FALSE(overlap.load());
  EXPECT_EQ(shared, kThreads * kRounds);
}

TEST(GilTest, LegacyExcludesAndHandsOver) { check_mutual_exclusion("legacy"); }
TEST(GilTest, IntervalExcludesAndHandsOver) { check_mutual_exclusion("interval"); }

TEST(GilTest, LegacySignalsOnEveryReleaseAndCountsTicks) {
  Fixture fx("legacy");
  EXPECT_TRUE(fx.interp.gil->counts_ticks());
  ThreadState ts(&fx.interp);
  fx.interp.gil->acquire(ts);
  fx.interp.gil->yield(ts);  // a check-interval release with nobody waiting
  fx.interp.gil->release(ts, ReleaseReason::Blocking);
  EXPECT_EQ(ts.gil_counters.acquisitions, 2u);
  EXPECT_EQ(ts.gil_counters.signals, 2u);
  EXPECT_EQ(ts.gil_counters.check_releases, 1u);
  EXPECT_EQ(ts.gil_counters.contended, 0u);
}

TEST(GilTest, IntervalWaiterSetsDropRequestAndHolderIsForcedToSwitch) {
  Fixture fx("interval");
  EXPECT_FALSE(fx.interp.gil->counts_ticks());
  ThreadState holder(&fx.interp);
  fx.interp.gil->acquire(holder);
  std::atomic<bool> waiter_got_it{false};
  std::thread waiter([&] {
    ThreadState ts(&fx.interp);
    fx.interp.gil->acquire(ts);  // times out, then asks the holder to drop
    waiter_got_it = true;
    EXPECT_GE(ts.gil_counters.drop_requests, 1u);
    EXPECT_EQ(ts.gil_counters.contended, 1u);
    fx.interp.gil->release(ts, ReleaseReason::Blocking);
  });
  // The holder "runs bytecode" until its eval breaker says to drop.
  auto give_up = std::chrono::steady_clock::now() + 10s;
  while (!(holder.eval_breaker.load() & kDropGilRequest) &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(100us);
  }
  ASSERT_TRUE(holder.eval_breaker.load() & kDropGilRequest);
  fx.interp.gil->yield(holder);  // returns only after the waiter took the GIL
  EXPECT_TRUE(waiter_got_it.load());
  // The holder counts a forced switch when it had to wait for the waiter;
  // a waiter that is quick enough has taken the GIL before it looks.
  EXPECT_LE(holder.gil_counters.forced_switches, 1u);
  EXPECT_EQ(holder.gil_counters.check_releases, 0u);
  EXPECT_FALSE(holder.eval_breaker.load() & kDropGilRequest);
  fx.interp.gil->release(holder, ReleaseReason::Blocking);
  waiter.join();
}

TEST(GilTest, ReleaseWithoutRequestDoesNotWaitForASwitch) {
  Fixture fx("interval");
  ThreadState ts(&fx.interp);
  fx.interp.gil->acquire(ts);
  fx.interp.gil->release(ts, ReleaseReason::Blocking);  // nobody else exists: must not block
  fx.interp.gil->acquire(ts);
  fx.interp.gil->release(ts, ReleaseReason::Blocking);
  EXPECT_EQ(ts.gil_counters.forced_switches, 0u);
  EXPECT_EQ(ts.gil_counters.acquisitions, 2u);
}

TEST(GilTest, IntervalsAreAdjustable) {
  Fixture fx("interval");
  fx.interp.gil->set_switch_interval_us(250);
  fx.interp.gil->set_check_interval(7);
  EXPECT_EQ(fx.interp.gil->switch_interval_us(), 250);
  EXPECT_EQ(fx.interp.gil->check_interval(), 7);
}

// A policy whose acquire overwrites errno, as a real one may (a condition
// variable wait, a trace allocation): the blocking guard must hand the
// blocked call's errno back to its caller untouched.
class ErrnoClobberingGil final : public Gil {
 public:
  void acquire_since(ThreadState&, uint64_t) override {
    errno = 0;
    ++acquired;
  }
  void release(ThreadState&, ReleaseReason) override { errno = EBADF; }
  void yield(ThreadState&) override {}
  const char* name() const override { return "errno-clobbering"; }
  std::string parameters() const override { return ""; }
  int acquired = 0;
};

TEST(GilTest, BlockingGuardPreservesTheCallsErrno) {
  Fixture fx("interval");
  auto clobbering = std::make_unique<ErrnoClobberingGil>();
  ErrnoClobberingGil* gil = clobbering.get();
  fx.interp.gil = std::move(clobbering);
  ThreadState ts(&fx.interp);
  {
    BlockingRegion guard(ts, BlockCause::Socket);
    errno = ECONNREFUSED;  // what the blocked system call left
  }
  EXPECT_EQ(errno, ECONNREFUSED);
  EXPECT_EQ(gil->acquired, 1);
}

// The table of policies: every row makes a GIL that answers to its name,
// and unknown names are refused in main.cpp's words.
TEST(GilPolicies, TableMakesEachPolicy) {
  ASSERT_GE(gil_policies().size(), 2u);
  for (const GilPolicy& p : gil_policies()) {
    EXPECT_EQ(find_gil_policy(p.name), &p);
    Fixture f(p.name);
    EXPECT_STREQ(f.interp.gil->name(), p.name);
    EXPECT_NE(p.knobs, 0u) << p.name;
  }
  EXPECT_EQ(find_gil_policy("nope"), nullptr);
  EXPECT_EQ(unknown_gil_policy("x").rfind("unknown GIL policy 'x' (expected legacy", 0), 0u);
  EXPECT_EQ(gil_policies_with(kKnobCheckInterval), "legacy");
}

// Totals combine each counter by its rule: sums, and the larger of a maximum.
TEST(GilCounters, CombineSumsAndMaxes) {
  GilCounters a, b;
  a.acquisitions += 3;
  b.acquisitions += 4;
  a.worst_wait_ns.raise_to(70);
  b.worst_wait_ns.raise_to(50);
  b.worst_wait_ns.raise_to(20);  // not lower
  a += b;
  EXPECT_EQ(a.acquisitions, 7u);
  EXPECT_EQ(a.worst_wait_ns, 70u);
  EXPECT_EQ(b.worst_wait_ns, 50u);
}

}  // namespace
}  // namespace gilvm
