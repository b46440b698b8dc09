// WorkerPool: ParallelFor covers every index once; RunConcurrently runs the
// workers' part on every worker while the caller runs its own.
#include "worker_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tickerdedup::internal {
namespace {

TEST(WorkerPool, ParallelForVisitsEveryIndexOnce) {
  for (int threads : {1, 2, 4}) {
    WorkerPool pool(threads);
    for (std::size_t n : {0u, 1u, 63u, 64u, 1000u}) {
      std::vector<std::atomic<int>> hits(n);
      pool.ParallelFor(n, 64, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) hits[i].fetch_add(1);
      });
      for (std::size_t i = 0; i < n; ++i) {
        ASSERT_EQ(hits[i].load(), 1) << i << " n=" << n << " t=" << threads;
      }
    }
  }
}

TEST(WorkerPool, RunConcurrentlyRunsEachPartWhereItBelongs) {
  for (int threads : {1, 2, 4}) {
    WorkerPool pool(threads);
    for (int round = 0; round < 3; ++round) {  // the pool is reusable
      std::atomic<int> worker_runs{0};
      int caller_runs = 0;
      const std::thread::id caller_id = std::this_thread::get_id();
      std::atomic<bool> worker_on_caller{false};
      pool.RunConcurrently(
          [&] {
            if (std::this_thread::get_id() == caller_id) {
              worker_on_caller = true;
            }
            worker_runs.fetch_add(1);
          },
          [&] {
            EXPECT_EQ(std::this_thread::get_id(), caller_id);
            ++caller_runs;
          });
      // Returned only after every part finished.
      EXPECT_EQ(worker_runs.load(), threads - 1);
      EXPECT_EQ(caller_runs, 1);
      EXPECT_FALSE(worker_on_caller.load());
    }
  }
}

// An exception in the caller's part leaves only after the workers are done
// (they may hold references into the caller's frame).
TEST(WorkerPool, CallerExceptionWaitsForTheWorkers) {
  WorkerPool pool(3);
  std::atomic<int> finished{0};
  EXPECT_THROW(pool.RunConcurrently(
                   [&] {
                     std::this_thread::sleep_for(std::chrono::milliseconds(20));
                     finished.fetch_add(1);
                   },
                   [] { throw std::runtime_error("caller failed"); }),
               std::runtime_error);
  EXPECT_EQ(finished.load(), 2);
  // The pool still works.
  std::atomic<int> runs{0};
  pool.RunConcurrently([&] { runs.fetch_add(1); }, [] {});
  EXPECT_EQ(runs.load(), 2);
}

// The engine's pattern: the caller consumes chunks in order as the workers
// publish them, and claims unclaimed chunks itself when it would wait.
TEST(WorkerPool, OrderedHandOffSeesEveryChunkPrepared) {
  constexpr std::size_t kChunks = 500;
  WorkerPool pool(3);
  std::vector<int> data(kChunks, 0);
  std::vector<std::atomic<bool>> ready(kChunks);
  std::atomic<std::size_t> next{0};
  auto prepare_next = [&] {
    std::size_t c = next.fetch_add(1);
    if (c >= kChunks) return false;
    data[c] = static_cast<int>(c) * 2 + 1;
    ready[c].store(true, std::memory_order_release);
    return true;
  };
  long sum = 0;
  pool.RunConcurrently(
      [&] {
        while (prepare_next()) {
        }
      },
      [&] {
        for (std::size_t c = 0; c < kChunks; ++c) {
          while (!ready[c].load(std::memory_order_acquire)) {
            if (!prepare_next()) std::this_thread::yield();
          }
          sum += data[c];
        }
      });
  EXPECT_EQ(sum, static_cast<long>(kChunks * kChunks));
}

// A poster's loops, one after another, joined by a helper thread that
// does work of its own between its calls to Help: every index of every
// loop runs once, and a helper never runs a chunk of a loop that has
// returned (each loop's body counts into its own array).
TEST(HelpBoard, PostedLoopsRunEachIndexOnce) {
  HelpBoard board;
  std::atomic<bool> stop{false};
  std::atomic<int> helped_chunks{0};
  std::thread helper([&] {
    while (!stop.load()) {
      std::this_thread::yield();  // its own work
      if (board.Help()) helped_chunks.fetch_add(1);
    }
  });
  const std::thread::id poster = std::this_thread::get_id();
  for (int loop = 0; loop < 300; ++loop) {
    const std::size_t n = 1 + static_cast<std::size_t>(loop % 17) * 97;
    std::vector<std::atomic<int>> hits(n);
    std::atomic<bool> helper_ran{false};
    board.ParallelFor(n, 8, [&](std::size_t b, std::size_t e) {
      if (std::this_thread::get_id() != poster) {
        helper_ran = true;
        // A slow helper: its chunk ends well after the poster runs out of
        // chunks to claim.
        for (int k = 0; k < 20; ++k) std::this_thread::yield();
      } else if (loop == 1 && b == 0) {
        // The poster's first chunk of loop 1 waits for the helper to take
        // one (up to 10 s): the helper's path runs at least once.
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!helper_ran && std::chrono::steady_clock::now() < until) {
          std::this_thread::yield();
        }
      }
      for (std::size_t i = b; i < e; ++i) hits[i].fetch_add(1);
    });
    // Counted, not asserted: the helper must be joined either way.
    const auto wrong = std::count_if(hits.begin(), hits.end(),
                                     [](const auto& h) { return h != 1; });
    EXPECT_EQ(wrong, 0) << "loop " << loop;
    if (wrong != 0) break;
    if (loop == 1) {
      EXPECT_TRUE(helper_ran.load());
    }
  }
  stop = true;
  helper.join();
  EXPECT_GT(helped_chunks.load(), 0);
}

// A chunk that throws on the poster withdraws the loop: ParallelFor
// rethrows only once no helper runs a chunk of it, and none starts one
// after (the body's captures may be gone by then).
TEST(HelpBoard, AThrowingChunkWithdrawsTheLoop) {
  HelpBoard board;
  std::atomic<bool> stop{false};
  std::thread helper([&] {
    while (!stop.load()) {
      if (!board.Help()) std::this_thread::yield();
    }
  });
  const std::thread::id poster = std::this_thread::get_id();
  std::atomic<bool> returned{false};
  std::atomic<int> late_chunks{0};
  for (int loop = 0; loop < 50; ++loop) {
    returned = false;
    const auto body = [&](std::size_t, std::size_t) {
      if (returned) late_chunks.fetch_add(1);
      if (std::this_thread::get_id() == poster) {
        throw std::runtime_error("chunk failed");
      }
      for (int k = 0; k < 20; ++k) std::this_thread::yield();
    };
    EXPECT_THROW(board.ParallelFor(1000, 4, body), std::runtime_error);
    returned = true;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  stop = true;
  helper.join();
  EXPECT_EQ(late_chunks.load(), 0);
}

}  // namespace
}  // namespace tickerdedup::internal
