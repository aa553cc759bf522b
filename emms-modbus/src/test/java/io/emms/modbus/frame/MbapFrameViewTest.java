package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.GoldenFrame;
import io.emms.modbus.pdu.Hex;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPdu;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ModbusPduView;
import io.emms.modbus.pdu.PduArbitraries;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.WriteSingleRegisterRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free MBAP path: {@link MbapFrameEncoder#encodeReadRequest}, {@link
 * MbapFrameEncoder#encodeRegistersResponse} and {@link MbapFrameDecoder#decode(ByteBuf, MbapFrameView)}. Vectors
 * are the read-holding-registers example of the Modbus Application Protocol v1.1b3 (section 6.3: registers 108–110
 * of unit 0x11 hold 0x022B, 0x0000, 0x0064) in the MBAP header of the Messaging Implementation Guide v1.0b
 * (length = unit id + PDU bytes).
 */
class MbapFrameViewTest {

  private static final String REQUEST = GoldenFrame.named("mbap-read-holding-108-110").wire();
  private static final String RESPONSE = GoldenFrame.named("mbap-read-holding-108-110-reply").wire();

  private final MbapFrameDecoder decoder = new MbapFrameDecoder();
  private final MbapFrameView frame = new MbapFrameView();

  @Test
  void encodesTheSpecReadRequestWithoutARecord() {
    ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
    try {
      assertThat(MbapFrameEncoder.encodeReadRequest(1, 0x11, 0x03, 0x6B, 3, out)).isEqualTo(12);
      assertThat(Hex.of(out)).isEqualTo(REQUEST);
    } finally {
      out.release();
    }
  }

  @Test
  void encodesTheSpecRegistersResponseWithoutARecord() {
    ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
    try {
      ByteBuf registers = Hex.buf("02 2B 00 00 00 64");
      assertThat(MbapFrameEncoder.encodeRegistersResponse(1, 0x11, 0x03, registers, out)).isEqualTo(15);
      assertThat(Hex.of(out)).isEqualTo(RESPONSE);
      assertThat(registers.readerIndex()).isZero();
    } finally {
      out.release();
    }
  }

  @Test
  void viewsTheSpecReadRequest() throws ModbusDecodeException {
    ByteBuf in = Hex.buf(REQUEST);
    assertThat(decoder.decode(in, frame)).isTrue();
    ModbusPduView pdu = frame.pdu();
    assertThat(frame.transactionId()).isEqualTo(1);
    assertThat(frame.unitId()).isEqualTo(0x11);
    assertThat(pdu.functionCode()).isEqualTo(0x03);
    assertThat(pdu.isReadRegistersRequest()).isTrue();
    assertThat(pdu.isRegistersResponse()).isFalse();
    assertThat(pdu.address()).isEqualTo(0x6B);
    assertThat(pdu.quantity()).isEqualTo(3);
    assertThat(pdu.rangeError()).isNull();
    assertThat(pdu.toRequest()).isEqualTo(new ReadHoldingRegistersRequest(0x6B, 3));
    assertThat(in.isReadable()).isFalse();
  }

  @Test
  void viewsTheSpecRegistersResponse() {
    ByteBuf in = Hex.buf(RESPONSE);
    assertThat(decoder.decode(in, frame)).isTrue();
    ModbusPduView pdu = frame.pdu();
    assertThat(pdu.isRegistersResponse()).isTrue();
    assertThat(pdu.isReadRegistersRequest()).isFalse();
    assertThat(pdu.registerCount()).isEqualTo(3);
    assertThat(pdu.register(0)).isEqualTo(0x022B);
    assertThat(pdu.register(1)).isZero();
    assertThat(pdu.register(2)).isEqualTo(100);
    assertThatThrownBy(() -> pdu.register(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(pdu::address).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void viewsAnExceptionResponse() {
    // Section 7: exception 02 to function 03 is 83 02.
    assertThat(decoder.decode(Hex.buf("00 07 00 00 00 03 11 83 02"), frame)).isTrue();
    assertThat(frame.transactionId()).isEqualTo(7);
    assertThat(frame.pdu().isException()).isTrue();
    assertThat(frame.pdu().exceptionCode()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
    assertThat(frame.pdu().rawExceptionCode()).isEqualTo(2);
    assertThat(frame.pdu().isRegistersResponse()).isFalse();
  }

  @Test
  void viewsAnExceptionWithACodeOutsideTheList() {
    // A vendor code 0C: no standard name, but the raw code is there for the caller.
    assertThat(decoder.decode(Hex.buf("00 08 00 00 00 03 11 83 0C"), frame)).isTrue();
    assertThat(frame.pdu().isException()).isTrue();
    assertThat(frame.pdu().exceptionCode()).isNull();
    assertThat(frame.pdu().rawExceptionCode()).isEqualTo(0x0C);
  }

  @Test
  void rangeErrorsNameTheSpecExceptionCodes() {
    // Quantity 0 and 126 are illegal values (exception 03); 65535 + 2 runs past the address space (exception 02).
    assertThat(viewRequest("03 00 00 00 00").rangeError()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE);
    assertThat(viewRequest("03 00 00 00 7E").rangeError()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE);
    assertThat(viewRequest("04 FF FF 00 02").rangeError()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
    assertThat(viewRequest("04 FF FF 00 01").rangeError()).isNull();
  }

  private ModbusPduView viewRequest(String pdu) {
    assertThat(decoder.decode(Hex.buf("00 01 00 00 00 06 01 " + pdu), frame)).isTrue();
    assertThat(frame.pdu().isReadRegistersRequest()).isTrue();
    return frame.pdu();
  }

  @Test
  void skipsGarbageAndCountsItBeforeTheNextGoodFrame() {
    ByteBuf in = Unpooled.wrappedBuffer(Hex.bytes("00 01 00 05 00 06 11 03"), Hex.bytes(REQUEST));
    assertThat(decoder.decode(in, frame)).isTrue();
    assertThat(frame.pdu().address()).isEqualTo(0x6B);
    assertThat(decoder.checksumErrors()).isPositive();
    assertThat(decoder.discardedBytes()).isEqualTo(8);
    assertThat(decoder.frames()).isEqualTo(1);
  }

  @Test
  void waitsForTheRestOfASplitFrame() {
    ByteBuf in = Unpooled.buffer().writeBytes(Hex.bytes(RESPONSE), 0, 10);
    assertThat(decoder.decode(in, frame)).isFalse();
    assertThat(in.readerIndex()).isZero();
    in.writeBytes(Hex.bytes(RESPONSE), 10, 5);
    assertThat(decoder.decode(in, frame)).isTrue();
    assertThat(frame.pdu().register(2)).isEqualTo(100);
  }

  @Test
  void viewsADatagramWithoutMovingItsIndices() {
    ByteBuf datagram = Hex.buf(RESPONSE);
    assertThat(decoder.decodeDatagram(datagram, frame)).isTrue();
    assertThat(frame.pdu().register(0)).isEqualTo(0x022B);
    assertThat(datagram.readerIndex()).isZero();
    assertThat(decoder.decodeDatagram(Hex.buf(RESPONSE + " 00"), frame)).isFalse();
  }

  @Test
  void refusesInvalidFastPathArgumentsWritingNothing() {
    ByteBuf out = Unpooled.buffer();
    assertThatThrownBy(() -> MbapFrameEncoder.encodeReadRequest(1, 1, 0x03, 0, 126, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MbapFrameEncoder.encodeReadRequest(1, 1, 0x05, 0, 1, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MbapFrameEncoder.encodeReadRequest(1, 1, 0x01, 0xFFFF, 2, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MbapFrameEncoder.encodeRegistersResponse(1, 1, 0x03, Hex.buf("00 01 02"), out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MbapFrameEncoder.encodeRegistersResponse(1, 1, 0x06, Hex.buf("00 01"), out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(out.writerIndex()).isZero();
  }

  @Test
  void aNonHotPathPduGoesThroughItsRecord() throws ModbusDecodeException {
    // Section 6.6: write register 2 with 0x0003 is 06 00 01 00 03.
    assertThat(decoder.decode(Hex.buf("00 02 00 00 00 06 11 06 00 01 00 03"), frame)).isTrue();
    assertThat(frame.pdu().isReadRegistersRequest()).isFalse();
    assertThat(frame.pdu().toRequest()).isEqualTo(new WriteSingleRegisterRequest(1, 3));
  }

  @Provide
  Arbitrary<ModbusPdu> responses() {
    return PduArbitraries.pdus(Direction.RESPONSE);
  }

  /** The view and the record path agree on every response the record codec can produce. */
  @Property(tries = 500, seed = "645")
  void viewAgreesWithTheRecordDecoder(@ForAll("responses") ModbusPdu pdu) throws ModbusDecodeException {
    ByteBuf wire = Unpooled.buffer();
    MbapFrameEncoder.encode(0x1234, 9, pdu, wire);
    assertThat(decoder.decode(wire, frame)).isTrue();
    assertThat(frame.transactionId()).isEqualTo(0x1234);
    assertThat(frame.unitId()).isEqualTo(9);
    ModbusPduView view = frame.pdu();
    assertThat(view.toResponse()).isEqualTo(ModbusPduDecoder.decodeResponse(view.slice()));
    if (view.isRegistersResponse()) {
      ByteBuf registers = view.slice().skipBytes(2);
      for (int i = 0; i < view.registerCount(); i++) {
        assertThat(view.register(i)).isEqualTo(registers.getUnsignedShort(registers.readerIndex() + 2 * i));
      }
    }
  }

  /** Whatever the bytes, the view path never throws and every accessor its checks allow stays in bounds. */
  @Property(tries = 1000, seed = "645")
  void arbitraryBytesNeverBreakTheViewPath(@ForAll @Size(max = 300) byte[] bytes) {
    MbapFrameDecoder decoder = new MbapFrameDecoder();
    ByteBuf in = Unpooled.wrappedBuffer(bytes);
    while (decoder.decode(in, frame)) {
      ModbusPduView pdu = frame.pdu();
      if (pdu.isReadRegistersRequest()) {
        pdu.rangeError();
      } else if (pdu.isRegistersResponse()) {
        pdu.register(pdu.registerCount() - 1);
      } else if (pdu.isException()) {
        pdu.exceptionCode();
      }
    }
    assertThat(decoder.discardedBytes() + in.readableBytes()).isLessThanOrEqualTo(bytes.length);
  }
}
