package io.emms.modbus.internal;

import io.emms.core.link.FrameDecoder;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.frame.MbapFrame;
import io.emms.modbus.frame.MbapFrameDecoder;
import io.emms.modbus.frame.MbapFrameView;
import io.netty.buffer.ByteBuf;
import java.util.function.Predicate;

/**
 * MBAP framing that offers every frame, as a reused view, to an in-place handler first and builds a record only for
 * the frames it declines: a server answers its polling requests without a per-frame object.
 */
final class InPlaceMbapDecoder implements FrameDecoder<MbapFrame>, FramingStats {

  private final MbapFrameDecoder decoder = new MbapFrameDecoder();
  private final MbapFrameView view = new MbapFrameView();
  private final Predicate<MbapFrameView> handledInPlace;

  InPlaceMbapDecoder(Predicate<MbapFrameView> handledInPlace) {
    this.handledInPlace = handledInPlace;
  }

  @Override
  public MbapFrame decode(ByteBuf in) {
    while (decoder.decode(in, view)) {
      if (!handledInPlace.test(view)) {
        return new MbapFrame(view.transactionId(), view.unitId(), view.pdu().slice());
      }
    }
    return null;
  }

  @Override
  public long frames() {
    return decoder.frames();
  }

  @Override
  public long discardedBytes() {
    return decoder.discardedBytes();
  }

  @Override
  public long checksumErrors() {
    return decoder.checksumErrors();
  }
}
