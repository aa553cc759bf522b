package io.emms.bus.internal;

import io.emms.bus.Counters;

/** The running counters of a line or of one meter; guarded by the line's lock. */
final class Tally {

  long requests;
  long retries;
  long timeouts;
  long garbageBytes;
  long badChecksums;
  long unmatchedFrames;
  final LatencyHistogram latency = new LatencyHistogram();

  Counters snapshot(int queueDepth) {
    return new Counters(requests, retries, timeouts, garbageBytes, badChecksums, unmatchedFrames, queueDepth,
        latency.percentile(0.50), latency.percentile(0.99));
  }
}
