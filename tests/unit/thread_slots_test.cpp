// ThreadSlots: slots are reused, so objects' 16-bit owner_slot never wraps
// however many threads a program starts (issue 12).
#include "vm/thread_slots.h"

#include <gtest/gtest.h>

namespace gilvm {
namespace {

TEST(ThreadSlots, HandsOutTheLowestFreeSlot) {
  ThreadSlots slots;
  EXPECT_EQ(slots.take(), 0);
  EXPECT_EQ(slots.take(), 1);
  EXPECT_EQ(slots.take(), 2);
  slots.give_back(1);
  slots.give_back(0);
  EXPECT_EQ(slots.take(), 0);
  EXPECT_EQ(slots.take(), 1);
  EXPECT_EQ(slots.take(), 3);
}

TEST(ThreadSlots, DoesNotWrapAfter65535Threads) {
  // The main thread lives throughout; 100,000 threads start and end one
  // after another, each getting the slot the previous one gave back.
  ThreadSlots slots;
  EXPECT_EQ(slots.take(), 0);
  for (int i = 0; i < 100000; ++i) {
    uint16_t s = slots.take();
    ASSERT_EQ(s, 1) << "thread " << i;
    slots.give_back(s);
  }
}

TEST(ThreadSlots, AllLiveSlotsTakenMeansNoOwner) {
  ThreadSlots slots;
  for (uint32_t i = 0; i < kNoOwnerSlot; ++i) ASSERT_EQ(slots.take(), i);
  EXPECT_EQ(slots.take(), kNoOwnerSlot);  // the 65,536th live thread
  EXPECT_EQ(slots.take(), kNoOwnerSlot);
  slots.give_back(kNoOwnerSlot);  // ignored
  slots.give_back(40000);
  EXPECT_EQ(slots.take(), 40000);
  EXPECT_EQ(slots.take(), kNoOwnerSlot);
}

TEST(ThreadSlots, ForkKeepsOnlyTheForkingThread) {
  ThreadSlots slots;
  for (int i = 0; i < 6; ++i) slots.take();
  slots.keep_only(3);
  EXPECT_EQ(slots.take(), 0);
  EXPECT_EQ(slots.take(), 1);
  EXPECT_EQ(slots.take(), 2);
  EXPECT_EQ(slots.take(), 4);  // 3 is the forking thread's
  EXPECT_EQ(slots.take(), 5);
}

}  // namespace
}  // namespace gilvm
