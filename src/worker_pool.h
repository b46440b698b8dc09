// WorkerPool: a fixed set of threads that run one data-parallel loop at a
// time. The calling thread takes part, so a pool of N threads has N-1
// workers.
//
//   WorkerPool pool(4);
//   pool.ParallelFor(items.size(), 64, [&](std::size_t begin, std::size_t end)
//   {
//     for (std::size_t i = begin; i < end; ++i) Prepare(items[i]);
//   });
#ifndef TICKERDEDUP_SRC_WORKER_POOL_H_
#define TICKERDEDUP_SRC_WORKER_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tickerdedup::internal {

class WorkerPool {
 public:
  // `threads` counts the caller; 1 means no extra threads.
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls body(begin, end) over [0, n) in chunks of `grain`, on all threads,
  // and returns when every chunk is done. Not reentrant.
  void ParallelFor(std::size_t n, std::size_t grain,
                   const std::function<void(std::size_t, std::size_t)>& body);

  // Runs worker() once on every worker thread while the caller runs
  // caller(), and returns when all of them are done: for pipelines where
  // the caller's part differs (the engine commits in order while the
  // workers prepare ahead). Not reentrant.
  void RunConcurrently(const std::function<void()>& worker,
                       const std::function<void()>& caller);

 private:
  void WorkerLoop();
  // Starts task() on every worker; Join waits for them.
  void Start(const std::function<void()>* task);
  void Join();

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  std::uint64_t generation_ = 0;  // bumped per ParallelFor
  int active_ = 0;                // workers still in the current loop
  bool stop_ = false;
  const std::function<void()>* task_ = nullptr;  // what workers run
  // The current ParallelFor loop.
  const std::function<void(std::size_t, std::size_t)>* body_ = nullptr;
  std::size_t n_ = 0;
  std::size_t grain_ = 1;
  std::atomic<std::size_t> next_{0};
};

// A loop that one thread posts while the others are busy with a task of
// their own (a WorkerPool::RunConcurrently part), for them to join between
// steps of it: the engine's committing thread posts a band-table rebuild,
// and the preparing threads take its chunks between their own chunks, or
// once their own work is done.
//
//   board.ParallelFor(n, 512, body);  // the poster: runs chunks, waits
//   while (!done) board.Help();       // the others, now and then
class HelpBoard {
 public:
  using Body = std::function<void(std::size_t, std::size_t)>;
  // Calls body(begin, end) over [0, n) in chunks of `grain`, on this thread
  // and on those that call Help meanwhile, and returns when every chunk is
  // done. One poster at a time.
  void ParallelFor(std::size_t n, std::size_t grain, const Body& body);
  // Runs chunks of the posted loop, if one is posted; false when it ran
  // none.
  bool Help();

 private:
  std::atomic<const Body*> body_{nullptr};  // published after n_, grain_
  std::size_t n_ = 0;
  std::size_t grain_ = 1;
  std::atomic<std::size_t> next_{0};
  // Threads inside Help. The poster returns once none is (after it has
  // withdrawn the body): their chunks are done, and no helper holds the
  // body when the next loop reuses the board.
  std::atomic<int> helpers_{0};
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_WORKER_POOL_H_
