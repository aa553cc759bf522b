package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * A Netty handler that emits each frame of the stream as an owned {@link Dlt645Frame}; whoever consumes a frame
 * releases it (Netty's tail handler does so for unhandled ones). Uses {@link Dlt645FrameDecoder}, so garbage and
 * corrupt frames are skipped, never raised as exceptions.
 */
public final class Dlt645NettyDecoder extends ByteToMessageDecoder {

  private final Dlt645FrameDecoder decoder;

  public Dlt645NettyDecoder() {
    this(Dlt645CodecConfig.DEFAULT);
  }

  public Dlt645NettyDecoder(Dlt645CodecConfig config) {
    this.decoder = new Dlt645FrameDecoder(config);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    Dlt645Frame frame = decoder.decode(in);
    if (frame != null) {
      out.add(frame.retainedDuplicate());
    }
  }

  /** See {@link Dlt645FrameDecoder#droppedBytes()}. */
  public long droppedBytes() {
    return decoder.droppedBytes();
  }

  /** See {@link Dlt645FrameDecoder#badFrames()}. */
  public long badFrames() {
    return decoder.badFrames();
  }
}
