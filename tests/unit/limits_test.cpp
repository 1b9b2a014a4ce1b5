// Execution limits (vm/limits.h): the instruction budget and the deadline
// end loops that never end, a caught limit cannot let a loop go on, the
// memory cap turns a huge request into MemoryError, threads are stopped,
// and reset_limits lets the same interpreter run again.
#include "vm/limits.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace gilvm {
namespace {

struct Limited {
  explicit Limited(ExecutionLimits limits) : interp(config(limits)), ts(&interp) {
    interp.main_thread = &ts;
    interp.bootstrap(ts);
  }
  static InterpreterConfig config(ExecutionLimits limits) {
    InterpreterConfig c;
    c.limits = limits;
    return c;
  }
  // Runs `source` as __main__; returns the name of the exception type it
  // ended with, or "" when it finished.
  std::string run(const std::string& source) {
    if (run_main(ts, source, "<test>")) return "";
    Value exc = ts.fetch_error();
    std::string name(type_name(ts, exc));
    message = format_exception(ts, exc);
    decref(exc);
    return name;
  }
  Interpreter interp;
  ThreadState ts;
  std::string message;
};

TEST(LimitsTest, InstructionBudgetEndsAnInfiniteLoop) {
  Limited l({.max_instructions = 100'000});
  EXPECT_EQ(l.run("while True: pass\n"), "RuntimeError");
  EXPECT_NE(l.message.find("execution limit reached (100000 instructions)"), std::string::npos)
      << l.message;
}

TEST(LimitsTest, ACaughtLimitCannotLetALoopGoOn) {
  Limited l({.max_instructions = 100'000});
  EXPECT_EQ(l.run("n = 0\n"
                  "while True:\n"
                  "    try:\n"
                  "        while True: n += 1\n"
                  "    except RuntimeError:\n"
                  "        pass\n"),
            "RuntimeError");
}

TEST(LimitsTest, ProgramsWithinTheBudgetRunToTheEnd) {
  Limited l({.max_instructions = 1'000'000});
  EXPECT_EQ(l.run("s = 0\nfor i in range(1000): s += i\nassert s == 499500\n"), "");
}

TEST(LimitsTest, ResetGivesAFreshBudget) {
  Limited l({.max_instructions = 100'000});
  EXPECT_EQ(l.run("while True: pass\n"), "RuntimeError");
  reset_limits(l.interp);
  EXPECT_EQ(l.run("for i in range(100): pass\n"), "");
}

TEST(LimitsTest, DeadlineEndsASleepAndALoop) {
  Limited l({.max_seconds = 0.2});
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(l.run("import time\ntime.sleep(1000)\n"), "RuntimeError");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  reset_limits(l.interp);
  EXPECT_EQ(l.run("while True: pass\n"), "RuntimeError");
}

TEST(LimitsTest, MemoryCapRaisesMemoryError) {
  Limited l({.max_memory_bytes = size_t{256} << 20});
  EXPECT_EQ(l.run("x = [0] * (10 ** 9)\n"), "MemoryError");
  EXPECT_EQ(l.run("x = 'ab' * (10 ** 9)\n"), "MemoryError");
  EXPECT_EQ(l.run("x = [0] * 1000\n"), "");
}

TEST(LimitsTest, StopOtherThreadsEndsLoopingAndBlockedThreads) {
  Limited l({.max_instructions = 1'000'000'000});
  ASSERT_EQ(l.run("import _thread\n"
                  "def spin():\n"
                  "    while True: pass\n"
                  "def block():\n"
                  "    lock = _thread.allocate_lock()\n"
                  "    lock.acquire()\n"
                  "    lock.acquire()\n"
                  "_thread.start_new_thread(spin, ())\n"
                  "_thread.start_new_thread(block, ())\n"),
            "");
  EXPECT_TRUE(stop_other_threads(l.ts, 10.0));
  EXPECT_EQ(l.interp.running_threads.load(), 0);
}

}  // namespace
}  // namespace gilvm
