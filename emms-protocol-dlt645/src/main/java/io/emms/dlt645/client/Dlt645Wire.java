package io.emms.dlt645.client;

import io.emms.bus.RetryPolicy;
import io.emms.dlt645.codec.Dlt645CodecConfig;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.emms.dlt645.codec.Dlt645FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;

/**
 * What the exchanges of one client share on its line: the codec, two scratch buffers, the default timeout and
 * retry policy. The line calls one exchange at a time, so the scratch buffers need no lock.
 */
final class Dlt645Wire {

  /** Heap scratch without leak tracking: it lives as long as the client and the garbage collector frees it. */
  private static final ByteBufAllocator SCRATCH = new UnpooledByteBufAllocator(false, true);

  final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  final Dlt645FrameEncoder encoder;
  /** The plain DATA of the request being encoded. */
  final ByteBuf plain = SCRATCH.heapBuffer(64);
  /** The DATA of a reply joined from its follow-up frames. */
  final ByteBuf assembly = SCRATCH.heapBuffer(256);
  final Duration timeout;
  final RetryPolicy retry;

  Dlt645Wire(Dlt645ClientConfig config) {
    this.encoder = new Dlt645FrameEncoder(Dlt645CodecConfig.builder().wakeUpBytes(config.feCount()).build());
    this.timeout = config.responseTimeout();
    this.retry = config.retry().asRetryPolicy();
  }
}
