// ZeroedArray: a fixed-size array of zeroed trivially constructible values in
// its own anonymous mapping. The pages are the kernel's zero pages until
// first written, so a large array costs nothing until used; from 2 MiB up it
// starts on a huge-page boundary and asks for transparent huge pages.
// Linux only, like the rest of the project (see page_array.h for a growable
// one).
//
//   ZeroedArray<std::uint32_t> a(1 << 20);  // 4 MiB, nothing touched yet
//   a[7] = 1;                               // faults in one (huge) page
#ifndef TICKERDEDUP_SRC_ZEROED_ARRAY_H_
#define TICKERDEDUP_SRC_ZEROED_ARRAY_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace tickerdedup::internal {

// A zero-filled array straight from mmap, on transparent huge pages when it
// is large. PERF NOTES: at 1M stored items the tables are 12-24 MB probed
// at random; with 4 KiB pages nearly every probe (and every software
// prefetch, which then waits for the page walk) missed the TLB too: perf
// put 10% of an exact-mode run on the prefetch instructions alone.
// A large array starts on a 2 MiB boundary: mmap only promises 4 KiB, and
// the unaligned ends of the tables and slot arenas then took ~6,000 small
// page faults on the 1M feed (half of them once the slots had huge pages).
template <typename T>
class ZeroedArray {
 public:
  ZeroedArray() = default;
  // `prefault`: map every page now, in one call, rather than at one fault
  // per page when first touched (for arrays that will be touched all over
  // anyway). `advise_huge` false: no huge pages until AdviseHuge (for an
  // array reserved large but used from its start, a little at first).
  explicit ZeroedArray(std::size_t n, bool prefault = false,
                       bool advise_huge = true)
      : bytes_(n * sizeof(T)) {
    const bool huge = bytes_ >= kHugePageBytes;
    // Large: map a huge page more and unmap the ends around the aligned
    // part.
    const std::size_t span = huge ? bytes_ + kHugePageBytes : bytes_;
    void* p = mmap(
        nullptr, span, PROT_READ | PROT_WRITE,
        MAP_PRIVATE | MAP_ANONYMOUS | (prefault && !huge ? MAP_POPULATE : 0),
        -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    if (huge) {
      const auto raw = reinterpret_cast<std::uintptr_t>(p);
      const std::uintptr_t start =
          (raw + kHugePageBytes - 1) & ~std::uintptr_t{kHugePageBytes - 1};
      const std::uintptr_t end =
          (start + bytes_ + kPageBytes - 1) & ~std::uintptr_t{kPageBytes - 1};
      if (start > raw) munmap(p, start - raw);
      if (raw + span > end)
        munmap(reinterpret_cast<void*>(end), raw + span - end);
      p = reinterpret_cast<void*>(start);
      data_ = static_cast<T*>(p);
      if (advise_huge) AdviseHuge();
#ifdef MADV_POPULATE_WRITE
      // After MADV_HUGEPAGE, so that it maps huge pages (Linux 5.14+; an
      // older kernel refuses it and the pages fault in as touched).
      if (prefault) madvise(p, bytes_, MADV_POPULATE_WRITE);
#endif
    }
    data_ = static_cast<T*>(p);
  }
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

  void AdviseHuge() {
#ifdef MADV_HUGEPAGE
    if (bytes_ >= kHugePageBytes) madvise(data_, bytes_, MADV_HUGEPAGE);
#endif
  }

  // Maps the pages holding elements [from, to) now (see `prefault`).
  void Prefault(std::size_t from, std::size_t to) {
#ifdef MADV_POPULATE_WRITE
    const auto base = reinterpret_cast<std::uintptr_t>(data_);
    const std::uintptr_t a =
        (base + from * sizeof(T)) & ~std::uintptr_t{kPageBytes - 1};
    const std::uintptr_t b = base + to * sizeof(T);
    if (b > a) madvise(reinterpret_cast<void*>(a), b - a, MADV_POPULATE_WRITE);
#else
    (void)from;
    (void)to;
#endif
  }

 private:
  static constexpr std::size_t kHugePageBytes = 2 << 20;
  static constexpr std::size_t kPageBytes = 4096;
  T* data_ = nullptr;
  std::size_t bytes_ = 0;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_ZEROED_ARRAY_H_
