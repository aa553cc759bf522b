package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Feeds chunks to a decoder the way FrameAssembler does and records each frame as text. */
public final class FrameCollector {

  private final Dlt645FrameDecoder decoder;
  private final ByteBuf cumulation = Hex.buf(new byte[0]);
  private final List<String> frames = new ArrayList<>();

  public FrameCollector(Dlt645FrameDecoder decoder) {
    this.decoder = decoder;
  }

  /** Appends a chunk and decodes every frame it completes. */
  public FrameCollector feed(byte[] chunk) {
    cumulation.writeBytes(chunk);
    while (cumulation.isReadable()) {
      int before = cumulation.readerIndex();
      Dlt645Frame frame = decoder.decode(cumulation);
      if (frame != null) {
        frames.add(describe(frame));
      } else if (cumulation.readerIndex() == before) {
        break;
      }
    }
    cumulation.discardReadBytes();
    return this;
  }

  public static String describe(Dlt645Frame frame) {
    return frame.address() + " " + String.format("%02X", frame.control()) + " [" + Hex.dump(frame.data()) + "]";
  }

  public List<String> frames() {
    return frames;
  }

  public int pending() {
    return cumulation.readableBytes();
  }

  /** Releases the cumulation; returns whether it was freed (false would mean a leaked reference). */
  public boolean release() {
    return cumulation.release();
  }
}
