package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class NettyCodecTest {

  @Test
  void decoderEmitsOwnedFramesAcrossSplitReads() {
    EmbeddedChannel channel = new EmbeddedChannel(new Dlt645NettyDecoder());
    byte[] stream = Hex.bytes("FE FE " + FrameDecoderTest.READ_REPLY + " " + FrameDecoderTest.READ_REQUEST_1997);
    channel.writeInbound(Hex.buf(java.util.Arrays.copyOfRange(stream, 0, 9)));
    assertThat((Object) channel.readInbound()).isNull();
    channel.writeInbound(Hex.buf(java.util.Arrays.copyOfRange(stream, 9, stream.length)));

    Dlt645Frame first = channel.readInbound();
    Dlt645Frame second = channel.readInbound();
    try {
      assertThat(FrameCollector.describe(first)).isEqualTo(FrameDecoderTest.READ_REPLY_TEXT);
      assertThat(FrameCollector.describe(second)).isEqualTo(FrameDecoderTest.READ_REQUEST_1997_TEXT);
    } finally {
      first.release();
      second.release();
    }
    assertThat(first.refCnt()).isZero();
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void encoderWritesAndReleasesOutboundFrames() {
    EmbeddedChannel channel = new EmbeddedChannel(
        new Dlt645NettyEncoder(Dlt645CodecConfig.builder().wakeUpBytes(2).build()));
    Dlt645Frame frame = Dlt645Frame.of(Dlt645Address.of("000102030425"), 0x11, Hex.buf("00 00 01 00"));
    channel.writeOutbound(frame);
    ByteBuf wire = channel.readOutbound();
    try {
      assertThat(Hex.dump(wire)).isEqualTo("FE FE 68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16");
    } finally {
      wire.release();
    }
    assertThat(frame.refCnt()).isZero();
    assertThat(channel.finish()).isFalse();
  }
}
