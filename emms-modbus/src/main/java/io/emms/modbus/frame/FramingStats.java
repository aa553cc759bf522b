package io.emms.modbus.frame;

import io.emms.core.link.DecoderCounters;

/** What a frame decoder has seen, for link diagnostics (the serial-line counters of function 08 map onto it). */
public interface FramingStats extends DecoderCounters {

  /** Frames decoded. */
  long frames();

  /** Bytes skipped as garbage, including the bytes of frames that failed their checks. */
  long discardedBytes();

  /** Candidate frames whose CRC or LRC did not match, or MBAP headers that were malformed. */
  long checksumErrors();
}
