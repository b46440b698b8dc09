// PageArray: a growable array of trivially copyable values in its own
// anonymous mapping. It grows with mremap(2), which moves page tables, not
// bytes, so growth neither copies nor holds the old and new buffers at once
// (a std::vector's reallocation does both: for a 40 MB pool, 40 MB copied
// and up to 80 MB resident for a moment). ReleaseTail hands the pages past
// size() back to the system. Linux only, like the rest of the project.
//
//   PageArray<std::uint32_t> a;
//   a.resize(1000);   // zero-filled
//   a[7] = 1;
//   a.resize(10);     // capacity kept
//   a.ReleaseTail();  // pages past a[9] returned
#ifndef TICKERDEDUP_SRC_PAGE_ARRAY_H_
#define TICKERDEDUP_SRC_PAGE_ARRAY_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

#include "mapped_memory.h"

namespace tickerdedup::internal {

template <typename T>
class PageArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  PageArray() = default;
  PageArray(const PageArray&) = delete;
  PageArray& operator=(const PageArray&) = delete;
  PageArray(PageArray&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  PageArray& operator=(PageArray&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
    return *this;
  }
  ~PageArray() {
    if (data_ != nullptr) munmap(data_, Bytes(capacity_));
  }

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }

  // Elements past the old size are zero.
  void resize(std::size_t n) {
    if (n > capacity_) Grow(n);
    if (n > size_) std::memset(data_ + size_, 0, (n - size_) * sizeof(T));
    size_ = n;
  }
  // Returns the whole pages past size() to the system; they read as zero
  // if the array grows into them again.
  void ReleaseTail() {
    const std::size_t from = Bytes(size_);
    const std::size_t to = Bytes(capacity_);
    if (to > from) {
      madvise(reinterpret_cast<char*>(data_) + from, to - from, MADV_DONTNEED);
    }
  }

 private:
  static constexpr std::size_t kPage = 4096;
  // Bytes of `n` elements, rounded up to whole pages.
  static std::size_t Bytes(std::size_t n) {
    return (n * sizeof(T) + kPage - 1) & ~(kPage - 1);
  }
  void Grow(std::size_t n) {
    // A quarter more than asked, at least one page: growth is amortized
    // O(1) per element, and never moves bytes.
    std::size_t want = n + n / 4;
    std::size_t bytes = Bytes(want == 0 ? 1 : want);
    void* p;
    if (bytes >= kHugePageBytes) {
      // Large: whole huge pages, and the pages move to a new mapping on a
      // 2 MiB boundary, where the old huge pages stay whole and the next
      // part of the array faults in as huge pages too. (Where mremap chose
      // the address, and the size was not whole huge pages, the part being
      // filled was always a partial huge page: 2,748 faults to fill 12 MB
      // in steps, against 517 now, 512 of them before it reached 2 MiB.)
      bytes = (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
      p = MapZeroed(bytes, /*prefault=*/false, /*advise_huge=*/false);
      if (data_ != nullptr &&
          mremap(data_, Bytes(capacity_), bytes, MREMAP_MAYMOVE | MREMAP_FIXED,
                 p) == MAP_FAILED) {
        munmap(p, bytes);
        throw std::bad_alloc();
      }
      // The moved pages take the old mapping's flags: advise them again.
      AdviseHugePages(p, bytes);
    } else if (data_ == nullptr) {
      p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    } else {
      p = mremap(data_, Bytes(capacity_), bytes, MREMAP_MAYMOVE);
    }
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<T*>(p);
    capacity_ = bytes / sizeof(T);
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_PAGE_ARRAY_H_
