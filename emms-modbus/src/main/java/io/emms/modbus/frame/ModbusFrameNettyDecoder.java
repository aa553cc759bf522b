package io.emms.modbus.frame;

import io.emms.core.link.FrameDecoder;
import io.emms.modbus.pdu.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Objects;

/**
 * Runs one of the Modbus frame decoders in a Netty pipeline. Emits {@link ModbusFrame}s whose {@code pdu()} is a
 * retained slice of the cumulation (no copy): the handler that consumes a frame releases {@code frame.pdu()}.
 *
 * <p>With close-on-garbage (the default for Modbus TCP) the channel is closed as soon as the decoder has to skip
 * a byte: over TCP that means the peer is not speaking MBAP, and resynchronising would only guess.
 */
public final class ModbusFrameNettyDecoder extends ByteToMessageDecoder {

  private final FrameDecoder<? extends ModbusFrame> decoder;
  private final FramingStats stats;
  private final boolean closeOnGarbage;

  /**
   * @param decoder a fresh decoder, used by this handler only
   * @param closeOnGarbage whether to close the channel when the decoder skips bytes instead of resynchronising
   */
  public <D extends FrameDecoder<? extends ModbusFrame> & FramingStats> ModbusFrameNettyDecoder(
      D decoder, boolean closeOnGarbage) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.stats = decoder;
    this.closeOnGarbage = closeOnGarbage;
  }

  /** Modbus TCP: MBAP frames, closing the connection on a malformed header. */
  public static ModbusFrameNettyDecoder tcp() {
    return new ModbusFrameNettyDecoder(new MbapFrameDecoder(), true);
  }

  /** RTU over TCP: RTU frames travelling in {@code direction}, resynchronising on garbage. */
  public static ModbusFrameNettyDecoder rtuOverTcp(Direction direction) {
    return new ModbusFrameNettyDecoder(new RtuFrameDecoder(direction), false);
  }

  /** What the decoder has seen on this channel. */
  public FramingStats stats() {
    return stats;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      int before = in.readerIndex();
      long discardedBefore = stats.discardedBytes();
      ModbusFrame frame = decoder.decode(in);
      if (closeOnGarbage && stats.discardedBytes() != discardedBefore) {
        in.skipBytes(in.readableBytes());
        ctx.close();
        return;
      }
      if (frame != null) {
        out.add(frame.withPdu(frame.pdu().retainedSlice()));
      } else if (in.readerIndex() == before) {
        return;
      }
    }
  }
}
