#include "mapped_memory.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace tickerdedup::internal {
namespace {

TEST(ZeroedArrayTest, StartsZeroedAndKeepsWrites) {
  // Below and above the huge-page size (2 MiB): the large one is mapped
  // with a spare huge page whose ends are unmapped again.
  for (std::size_t n : {std::size_t{1}, std::size_t{1000}, std::size_t{1} << 20,
                        (std::size_t{3} << 19) + 7}) {
    ZeroedArray<std::uint32_t> a(n);
    for (std::size_t i = 0; i < n; i += 97)
      ASSERT_EQ(a[i], 0u) << n << " " << i;
    ASSERT_EQ(a[n - 1], 0u) << n;
    for (std::size_t i = 0; i < n; ++i)
      a[i] = static_cast<std::uint32_t>(i ^ n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(a[i], i ^ n) << n << " " << i;
  }
}

TEST(ZeroedArrayTest, LargeArraysStartOnAHugePageBoundary) {
  ZeroedArray<std::uint64_t> a(std::size_t{1} << 19);  // 4 MiB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(&a[0]) % (std::size_t{2} << 20),
            0u);
  ZeroedArray<std::uint64_t> prefaulted(std::size_t{1} << 19,
                                        /*prefault=*/true);
  EXPECT_EQ(
      reinterpret_cast<std::uintptr_t>(&prefaulted[0]) % (std::size_t{2} << 20),
      0u);
  EXPECT_EQ(prefaulted[(std::size_t{1} << 19) - 1], 0u);
}

TEST(ZeroedArrayTest, PrefaultKeepsContents) {
  ZeroedArray<std::uint32_t> a(100000, /*prefault=*/false,
                               /*advise_huge=*/false);
  a[5] = 5;
  a[70000] = 7;
  a.Prefault(0, 100000);
  a.AdviseHuge();
  EXPECT_EQ(a[5], 5u);
  EXPECT_EQ(a[70000], 7u);
  EXPECT_EQ(a[99999], 0u);
}

TEST(ZeroedArrayTest, MovesOwnership) {
  EXPECT_TRUE(ZeroedArray<std::uint32_t>().empty());
  ZeroedArray<std::uint32_t> a(64);
  EXPECT_FALSE(a.empty());
  a[63] = 42;
  const std::uint32_t* where = &a[0];
  ZeroedArray<std::uint32_t> b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): it says so
  EXPECT_EQ(&b[0], where);
  EXPECT_EQ(b[63], 42u);
  ZeroedArray<std::uint32_t> c(8);
  c = std::move(b);  // swaps: b now owns c's old array, freed with b
  EXPECT_EQ(&c[0], where);
  EXPECT_EQ(c[63], 42u);
  EXPECT_EQ(b[7], 0u);
}

TEST(HugePageAllocatorTest, VectorsGrowAcrossTheMappingThreshold) {
  // Small buffers come from operator new, from 2 MiB on from mappings that
  // start on a huge-page boundary; growth copies from one kind to the other.
  std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> v;
  bool mapped = false;
  for (std::uint32_t i = 0; i < (3u << 20); ++i) {
    v.push_back(i * 2654435761u);
    if (v.capacity() * sizeof(std::uint32_t) >= kHugePageBytes) {
      mapped = true;
      ASSERT_EQ(reinterpret_cast<std::uintptr_t>(v.data()) % kHugePageBytes, 0u)
          << v.capacity();
    }
  }
  EXPECT_TRUE(mapped);
  for (std::uint32_t i = 0; i < v.size(); ++i) {
    ASSERT_EQ(v[i], i * 2654435761u) << i;
  }
  v.resize(10);
  v.shrink_to_fit();  // back to operator new
  EXPECT_LT(v.capacity() * sizeof(std::uint32_t), kHugePageBytes);
  EXPECT_EQ(v[9], 9u * 2654435761u);
  // assign() of a large fill, as BandTable::Allocate does.
  v.assign(std::size_t{1} << 20, 0xFFFFFFFFu);
  for (std::size_t i = 0; i < v.size(); i += 4099) {
    ASSERT_EQ(v[i], 0xFFFFFFFFu) << i;
  }
}

TEST(HugePageAllocatorTest, OverAlignedTypes) {
  struct alignas(64) Line {
    std::uint64_t word[8];
  };
  for (std::size_t n :
       {std::size_t{3}, std::size_t{40000}}) {  // 192 B, 2.4 MiB
    std::vector<Line, HugePageAllocator<Line>> v(n);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(v.data()) % 64, 0u) << n;
    EXPECT_EQ(v[n - 1].word[7], 0u);
  }
}

}  // namespace
}  // namespace tickerdedup::internal
