package io.emms.core.link;

/**
 * What a {@link FrameDecoder} skipped, for line diagnostics: a line reads these counters before and after feeding
 * a decoder to count garbage per line and per meter.
 */
public interface DecoderCounters {

  /** Bytes skipped so far as garbage, including the bytes of frames that failed their checks. */
  long discardedBytes();

  /** Candidate frames so far whose checksum (or end byte) was wrong. */
  long checksumErrors();
}
