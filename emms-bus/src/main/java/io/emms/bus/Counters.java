package io.emms.bus;

import java.time.Duration;

/**
 * What a line counted since it was created, for the whole line or for one meter.
 *
 * @param requests request frames written, retries and follow-up steps included
 * @param retries requests repeated after a timeout
 * @param timeouts response timers that expired (whether or not a retry followed)
 * @param garbageBytes bytes the decoders skipped while resynchronising (line noise, frames that failed checks)
 * @param badChecksums candidate frames whose checksum was wrong
 * @param unmatchedFrames well-formed frames that answered no transaction (late, foreign, or on a silent line)
 * @param queueDepth transactions waiting now, the one on the wire not included
 * @param latencyP50 the median time from first write to completion of answered transactions; zero before any
 * @param latencyP99 the 99th percentile of that time; zero before any
 */
public record Counters(
    long requests, long retries, long timeouts, long garbageBytes, long badChecksums, long unmatchedFrames,
    int queueDepth, Duration latencyP50, Duration latencyP99) {}
