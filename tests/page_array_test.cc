#include "page_array.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>

namespace tickerdedup::internal {
namespace {

TEST(PageArrayTest, GrowsKeepingContentsAndZeroFills) {
  PageArray<std::uint32_t> a;
  EXPECT_EQ(a.size(), 0u);
  for (std::uint32_t n = 1; n <= 300000; n = n * 3 + 1) {
    const std::size_t old = a.size();
    a.resize(n);
    ASSERT_EQ(a.size(), n);
    ASSERT_GE(a.capacity(), n);
    for (std::size_t i = old; i < n; ++i) ASSERT_EQ(a[i], 0u) << i;
    for (std::size_t i = old; i < n; ++i) a[i] = static_cast<std::uint32_t>(i);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(a[i], i) << i;
  }
}

TEST(PageArrayTest, ShrinkReleaseAndRegrowReadsZero) {
  PageArray<std::uint32_t> a;
  a.resize(100000);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = 0xABCD0000u | (i & 0xFFFF);
  const std::size_t capacity = a.capacity();
  a.resize(1000);  // capacity kept
  EXPECT_EQ(a.capacity(), capacity);
  a.ReleaseTail();
  for (std::size_t i = 0; i < 1000; ++i) {
    ASSERT_EQ(a[i], 0xABCD0000u | i) << i;  // the live part is untouched
  }
  a.resize(100000);  // back over released and kept pages: all zero
  for (std::size_t i = 1000; i < a.size(); ++i) ASSERT_EQ(a[i], 0u) << i;
}

TEST(PageArrayTest, LargeArraysGrowOnHugePageBoundaries) {
  // From 2 MiB on, each growth moves the pages to a mapping on a 2 MiB
  // boundary, whole huge pages long; the contents move with them.
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  PageArray<std::uint32_t> a;
  for (std::size_t n = 0; n < (std::size_t{12} << 20) / 4; n += 4093) {
    const std::size_t old = a.size();
    a.resize(n + 4093);
    for (std::size_t i = old; i < a.size(); ++i) {
      a[i] = static_cast<std::uint32_t>(i * 2654435761u);
    }
    if (a.capacity() * sizeof(std::uint32_t) >= kHuge) {
      ASSERT_EQ(reinterpret_cast<std::uintptr_t>(a.data()) % kHuge, 0u) << n;
      ASSERT_EQ(a.capacity() * sizeof(std::uint32_t) % kHuge, 0u) << n;
    }
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i], static_cast<std::uint32_t>(i * 2654435761u)) << i;
  }
  a.resize(1000);
  a.ReleaseTail();
  a.resize(3u << 20);  // over released pages: zero
  EXPECT_EQ(a[999], static_cast<std::uint32_t>(999 * 2654435761u));
  for (std::size_t i = 1000; i < a.size(); i += 1021) ASSERT_EQ(a[i], 0u) << i;
}

TEST(PageArrayTest, MovesOwnership) {
  PageArray<std::uint64_t> a;
  a.resize(10);
  a[9] = 42;
  PageArray<std::uint64_t> b = std::move(a);
  EXPECT_EQ(a.size(), 0u);
  EXPECT_EQ(a.data(), nullptr);
  ASSERT_EQ(b.size(), 10u);
  EXPECT_EQ(b[9], 42u);
  PageArray<std::uint64_t> c;
  c = std::move(b);
  EXPECT_EQ(c[9], 42u);
}

}  // namespace
}  // namespace tickerdedup::internal
