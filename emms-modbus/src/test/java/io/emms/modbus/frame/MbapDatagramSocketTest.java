package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.modbus.pdu.Hex;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Modbus UDP: one MBAP frame per datagram, through a real socket on 127.0.0.1. */
class MbapDatagramSocketTest {

  @Test
  void eachDatagramIsOneFrameAndBadOnesAreDropped() throws Exception {
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(5000);
      ByteBuf frame = Unpooled.buffer();
      MbapFrameEncoder.encode(0x0102, 0xFF, new ReadHoldingRegistersRequest(0x6B, 3), frame);
      byte[] good = ByteBufUtil.getBytes(frame);
      assertThat(Hex.of(Unpooled.wrappedBuffer(good))).isEqualTo("01 02 00 00 00 06 FF 03 00 6B 00 03");
      byte[] truncated = Hex.bytes("01 03 00 00 00 06 FF 03 00 6B");
      for (byte[] datagram : new byte[][] {truncated, good}) {
        sender.send(new DatagramPacket(datagram, datagram.length, receiver.getLocalSocketAddress()));
      }

      MbapFrameDecoder decoder = new MbapFrameDecoder();
      byte[] buffer = new byte[MbapFrameDecoder.MAX_FRAME_LENGTH + 1];
      MbapFrame decoded = null;
      for (int i = 0; i < 2; i++) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        receiver.receive(packet);
        MbapFrame f = decoder.decodeDatagram(Unpooled.wrappedBuffer(buffer, 0, packet.getLength()));
        if (f != null) {
          decoded = f;
          assertThat(ModbusPduDecoder.decodeRequest(f.pdu())).isEqualTo(new ReadHoldingRegistersRequest(0x6B, 3));
        }
      }
      assertThat(decoded).isNotNull();
      assertThat(decoded.transactionId()).isEqualTo(0x0102);
      assertThat(decoded.unitId()).isEqualTo(0xFF);
      assertThat(decoder.frames()).isEqualTo(1);
      assertThat(decoder.checksumErrors()).isEqualTo(1);
      assertThat(decoder.discardedBytes()).isEqualTo(truncated.length);
    }
  }
}
