package io.emms.dlt645.client;

/**
 * Counters of a {@link Dlt645Client} since it was created.
 *
 * @param requests request frames sent, retries and follow-up requests included
 * @param retries requests repeated after a timeout
 * @param timeouts response timers that expired (whether or not a retry followed)
 * @param ignoredFrames well-formed frames that were not the awaited reply: from another address, another
 *     function, a request echo, or a reply that arrived after its timeout
 * @param droppedBytes bytes the frame decoder skipped while resynchronising (garbage, line noise)
 * @param badFrames frames with a plausible header whose checksum or end byte was wrong
 */
public record Dlt645ClientStats(
    long requests, long retries, long timeouts, long ignoredFrames, long droppedBytes, long badFrames) {}
