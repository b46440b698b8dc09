// PrefetchLine: a read hint for one cache line that the compiler keeps.
//
// GCC treats __builtin_prefetch as free of side effects, so dead-code
// elimination may delete a loop that does nothing else. GCC 12.2 at -O2
// drops such a loop whole; at -O3 it dropped the band-bucket loop that
// SketchIndex::ScoreAll inlines (PrefetchBands) and the commit thread's
// band prefetch, so for sessions those buckets were read cold, one
// dependent walk after another, while the source said otherwise (found by
// counting prefetcht0 per function in `objdump -d`; docs/near.md, "Prefetch
// that the compiler kept"). An asm volatile statement is never deleted.
#ifndef TICKERDEDUP_SRC_PREFETCH_H_
#define TICKERDEDUP_SRC_PREFETCH_H_

namespace tickerdedup::internal {

// Requests the line holding `p` into every cache level (prefetcht0). `p`
// need not be valid: a prefetch never faults.
inline void PrefetchLine(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
  // The address in a register, not an "m" operand: a memory operand would
  // form an lvalue from `p`, which may be null or past an array's end.
  asm volatile("prefetcht0 (%0)" : : "r"(p));
#else
  __builtin_prefetch(p);
#endif
}

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_PREFETCH_H_
