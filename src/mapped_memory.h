// Memory straight from anonymous mappings, on transparent huge pages when it
// is large:
// - ZeroedArray: a fixed-size array of zeroed values. The pages are the
//   kernel's zero pages until first written, so a large array costs
//   nothing until used.
// - HugePageAllocator: an allocator for std::vector whose large buffers
//   (2 MiB or more) are such mappings, and whose small ones come from
//   operator new.
// Linux only, like the rest of the project (see page_array.h for a growable
// array that moves its pages instead of copying them).
//
//   ZeroedArray<std::uint32_t> a(1 << 20);  // 4 MiB, nothing touched yet
//   a[7] = 1;                               // faults in one (huge) page
//   HugePageVector<std::uint32_t> v;  // a std::vector with that allocator
//
// PERF NOTES: on this project's VMs a page fault costs microseconds (the
// hypervisor takes part), and one huge page takes one fault per 2 MiB
// instead of 512. With the near index's records and facts and its band
// tables on huge pages (200k feed, near mode, 2 threads), the faults went
// 9,530 -> 7,930 and the run 0.700 -> 0.666 s (5 interleaved rounds; one
// thread 1.159 -> 1.137 s). Mapping the mid-size tables (64 KiB-2 MiB) with
// all their pages at once (MAP_POPULATE) took the faults to 3,780 and the
// time nowhere (0.672 s): not kept.
#ifndef TICKERDEDUP_SRC_MAPPED_MEMORY_H_
#define TICKERDEDUP_SRC_MAPPED_MEMORY_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace tickerdedup::internal {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;
inline constexpr std::size_t kSmallPageBytes = 4096;

// Asks for transparent huge pages on [p, p + bytes) (a no-op where the
// kernel lacks them).
inline void AdviseHugePages(void* p, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  if (bytes >= kHugePageBytes) madvise(p, bytes, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

// Maps `bytes` of zeroed memory (throws std::bad_alloc). From kHugePageBytes
// up the mapping starts on a 2 MiB boundary (mmap only promises 4 KiB, and
// the unaligned ends of a large array took small pages: ~6,000 small page
// faults for the exact store's tables and slot arenas on the 1M feed) and,
// with `advise_huge`, asks for huge pages. `prefault`: every page mapped
// now, in one call, rather than at one fault per page when first touched.
// Unmap with munmap(p, bytes).
inline void* MapZeroed(std::size_t bytes, bool prefault, bool advise_huge) {
  const bool huge = bytes >= kHugePageBytes;
  // Large: map a huge page more and unmap the ends around the aligned part.
  const std::size_t span = huge ? bytes + kHugePageBytes : bytes;
  void* p =
      mmap(nullptr, span, PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS | (prefault && !huge ? MAP_POPULATE : 0),
           -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  if (!huge) return p;
  const auto raw = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t start =
      (raw + kHugePageBytes - 1) & ~std::uintptr_t{kHugePageBytes - 1};
  const std::uintptr_t end = (start + bytes + kSmallPageBytes - 1) &
                             ~std::uintptr_t{kSmallPageBytes - 1};
  if (start > raw) munmap(p, start - raw);
  if (raw + span > end) munmap(reinterpret_cast<void*>(end), raw + span - end);
  p = reinterpret_cast<void*>(start);
  if (advise_huge) AdviseHugePages(p, bytes);
#ifdef MADV_POPULATE_WRITE
  // After MADV_HUGEPAGE, so that it maps huge pages (Linux 5.14+; an older
  // kernel refuses it and the pages fault in as touched).
  if (prefault) madvise(p, bytes, MADV_POPULATE_WRITE);
#endif
  return p;
}

// At 1M stored items the exact store's tables are 12-24 MB probed at
// random; with 4 KiB pages nearly every probe (and every software prefetch,
// which then waits for the page walk) missed the TLB too: perf put 10% of
// an exact-mode run on the prefetch instructions alone.
template <typename T>
class ZeroedArray {
 public:
  ZeroedArray() = default;
  // `prefault`: as MapZeroed's (for arrays that will be touched all over
  // anyway). `advise_huge` false: no huge pages until AdviseHuge (for an
  // array reserved large but used from its start, a little at first).
  explicit ZeroedArray(std::size_t n, bool prefault = false,
                       bool advise_huge = true)
      : data_(static_cast<T*>(MapZeroed(n * sizeof(T), prefault, advise_huge))),
        bytes_(n * sizeof(T)) {}
  ~ZeroedArray() {
    if (data_ != nullptr) munmap(data_, bytes_);
  }
  ZeroedArray(ZeroedArray&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        bytes_(std::exchange(other.bytes_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(bytes_, other.bytes_);
    return *this;
  }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  // Default-constructed (or moved from): no memory.
  bool empty() const { return data_ == nullptr; }

  void AdviseHuge() { AdviseHugePages(data_, bytes_); }

  // Maps the pages holding elements [from, to) now (see `prefault`).
  void Prefault(std::size_t from, std::size_t to) {
#ifdef MADV_POPULATE_WRITE
    const auto base = reinterpret_cast<std::uintptr_t>(data_);
    const std::uintptr_t a =
        (base + from * sizeof(T)) & ~std::uintptr_t{kSmallPageBytes - 1};
    const std::uintptr_t b = base + to * sizeof(T);
    if (b > a) madvise(reinterpret_cast<void*>(a), b - a, MADV_POPULATE_WRITE);
#else
    (void)from;
    (void)to;
#endif
  }

 private:
  T* data_ = nullptr;
  std::size_t bytes_ = 0;
};

// Stateless: any two compare equal.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT

  T* allocate(std::size_t n) {
    if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) {
      throw std::bad_array_new_length();
    }
    if (!Mapped(n)) return std::allocator<T>().allocate(n);
    return static_cast<T*>(MapZeroed(n * sizeof(T), /*prefault=*/false,
                                     /*advise_huge=*/true));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (!Mapped(n)) {
      std::allocator<T>().deallocate(p, n);
    } else {
      munmap(p, n * sizeof(T));
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }

 private:
  static bool Mapped(std::size_t n) { return n * sizeof(T) >= kHugePageBytes; }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_MAPPED_MEMORY_H_
