// tickerdedup: streaming deduplication of news headlines.
//
// The one header to include. See splitter.h (cutting tickers into headlines)
// and engine.h (the dedupe stage).
#ifndef TICKERDEDUP_TICKERDEDUP_H_
#define TICKERDEDUP_TICKERDEDUP_H_

#include "tickerdedup/engine.h"
#include "tickerdedup/splitter.h"
#include "tickerdedup/version.h"

#endif  // TICKERDEDUP_TICKERDEDUP_H_
