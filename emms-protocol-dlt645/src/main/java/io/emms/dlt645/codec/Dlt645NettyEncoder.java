package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** A Netty handler that writes owned {@link Dlt645Frame}s (see {@link Dlt645Frame#of}) and releases them. */
public final class Dlt645NettyEncoder extends MessageToByteEncoder<Dlt645Frame> {

  private final Dlt645FrameEncoder encoder;

  public Dlt645NettyEncoder() {
    this(Dlt645CodecConfig.DEFAULT);
  }

  public Dlt645NettyEncoder(Dlt645CodecConfig config) {
    super(Dlt645Frame.class);
    this.encoder = new Dlt645FrameEncoder(config);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Dlt645Frame frame, ByteBuf out) {
    encoder.encode(frame.address(), frame.control(), frame.data(), out);
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Dlt645Frame frame, boolean preferDirect) {
    int size = encoder.encodedLength(frame.dataLength());
    return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
  }
}
