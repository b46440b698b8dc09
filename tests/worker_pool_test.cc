// WorkerPool: ParallelFor covers every index once; RunConcurrently runs the
// workers' part on every worker while the caller runs its own.
#include "worker_pool.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tickerdedup::internal
