#include "worker_pool.h"

namespace tickerdedup::internal {

namespace {

// Claims chunks of `grain` of [0, n) from *next, each in one step, and runs
// body(begin, end) on each, until none is left: the loop of every thread in
// WorkerPool::ParallelFor and HelpBoard. True when it ran a chunk.
template <typename Body>
bool RunClaimedChunks(std::atomic<std::size_t>* next, std::size_t n,
                      std::size_t grain, const Body& body) {
  bool ran = false;
  for (;;) {
    const std::size_t begin = next->fetch_add(grain);
    if (begin >= n) return ran;
    body(begin, begin + grain < n ? begin + grain : n);
    ran = true;
  }
}

}  // namespace

WorkerPool::WorkerPool(int threads) {
  for (int i = 1; i < threads; ++i)
    workers_.emplace_back([this] { WorkerLoop(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  start_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void WorkerPool::WorkerLoop() {
  std::uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      start_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    (*task_)();
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (--active_ == 0) done_cv_.notify_one();
    }
  }
}

void WorkerPool::Start(const std::function<void()>* task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    task_ = task;
    active_ = static_cast<int>(workers_.size());
    ++generation_;
  }
  start_cv_.notify_all();
}

void WorkerPool::Join() {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return active_ == 0; });
  task_ = nullptr;
}

void WorkerPool::RunConcurrently(const std::function<void()>& worker,
                                 const std::function<void()>& caller) {
  if (workers_.empty()) {
    caller();
    return;
  }
  Start(&worker);
  // The workers hold references into the caller's frame: they must be done
  // before an exception (bad_alloc) leaves it.
  try {
    caller();
  } catch (...) {
    Join();
    throw;
  }
  Join();
}

void WorkerPool::ParallelFor(
    std::size_t n, std::size_t grain,
    const std::function<void(std::size_t, std::size_t)>& body) {
  if (workers_.empty() || n <= grain) {
    if (n > 0) body(0, n);
    return;
  }
  body_ = &body;
  n_ = n;
  grain_ = grain == 0 ? 1 : grain;
  next_.store(0, std::memory_order_relaxed);
  const std::function<void()> run = [this] {
    RunClaimedChunks(&next_, n_, grain_, *body_);
  };
  RunConcurrently(run, run);
  body_ = nullptr;
}

void HelpBoard::ParallelFor(std::size_t n, std::size_t grain,
                            const Body& body) {
  if (n == 0) return;
  n_ = n;
  grain_ = grain == 0 ? 1 : grain;
  next_.store(0);
  body_.store(&body);
  // Withdrawn however the loop ends (an exception from a chunk included):
  // no helper claims a chunk after this, and a chunk a helper runs ends
  // before it leaves Help, so none is left running when this returns.
  struct Withdraw {
    HelpBoard* board;
    ~Withdraw() {
      board->next_.store(board->n_);
      board->body_.store(nullptr);
      while (board->helpers_.load() != 0) std::this_thread::yield();
    }
  } withdraw{this};
  RunClaimedChunks(&next_, n_, grain_, body);
}

bool HelpBoard::Help() {
  helpers_.fetch_add(1);
  const Body* body = body_.load();
  const bool ran =
      body != nullptr && RunClaimedChunks(&next_, n_, grain_, *body);
  helpers_.fetch_sub(1);
  return ran;
}

}  // namespace tickerdedup::internal
