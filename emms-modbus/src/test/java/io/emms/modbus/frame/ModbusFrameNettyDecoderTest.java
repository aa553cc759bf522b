package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.GoldenFrame;
import io.emms.modbus.pdu.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The Netty adapter: retained slices out, close on garbage for TCP, resync for RTU over TCP. */
class ModbusFrameNettyDecoderTest {

  private static ByteBuf pooled(String hex) {
    byte[] bytes = Hex.bytes(hex);
    return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
  }

  @Test
  void tcpFramesArriveWholeFromPieces() {
    EmbeddedChannel channel = new EmbeddedChannel(ModbusFrameNettyDecoder.tcp());
    // two requests, cut in the middle of the second header
    channel.writeInbound(pooled(GoldenFrame.named("mbap-read-holding-108-110").wire() + " 00 02 00"));
    channel.writeInbound(pooled("00 00 06 11 04 00 08 00 01"));

    MbapFrame first = channel.readInbound();
    MbapFrame second = channel.readInbound();
    try {
      assertThat(first.transactionId()).isEqualTo(1);
      assertThat(Hex.of(first.pdu())).isEqualTo("03 00 6B 00 03");
      assertThat(second.transactionId()).isEqualTo(2);
      assertThat(Hex.of(second.pdu())).isEqualTo("04 00 08 00 01");
      assertThat(first.pdu().refCnt()).as("retained for the consumer").isPositive();
    } finally {
      first.pdu().release();
      second.pdu().release();
    }
    assertThat(channel.finish()).isFalse();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void tcpClosesTheConnectionOnAMalformedHeader() {
    EmbeddedChannel channel = new EmbeddedChannel(ModbusFrameNettyDecoder.tcp());
    ByteBuf bad = pooled("00 01 00 05 00 06 11 03 00 6B 00 03"); // protocol id 5
    channel.writeInbound(bad);
    assertThat(bad.refCnt()).isZero();
    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void rtuOverTcpResynchronises() {
    ModbusFrameNettyDecoder handler = ModbusFrameNettyDecoder.rtuOverTcp(Direction.REQUEST);
    EmbeddedChannel channel = new EmbeddedChannel(handler);
    channel.writeInbound(pooled("FF 00 11 03 00 6B"));
    channel.writeInbound(pooled("00 03 76 87"));
    SerialFrame frame = channel.readInbound();
    try {
      assertThat(frame.unitId()).isEqualTo(0x11);
      assertThat(Hex.of(frame.pdu())).isEqualTo("03 00 6B 00 03");
    } finally {
      frame.pdu().release();
    }
    assertThat(channel.isOpen()).isTrue();
    assertThat(handler.stats().discardedBytes()).isEqualTo(2);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
