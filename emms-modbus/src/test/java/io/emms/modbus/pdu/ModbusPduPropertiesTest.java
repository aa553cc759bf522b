package io.emms.modbus.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The PDU codec on random input: valid PDUs round-trip, match digitalpetri's encoding where it has one, and any
 * byte string either decodes to a record that re-encodes to exactly those bytes or fails with the typed exception.
 * Inputs are pooled direct buffers, released and checked for a zero reference count, so a decoder that retained
 * anything would fail here (and the PARANOID leak detector would report it).
 */
class ModbusPduPropertiesTest {

  @Provide
  Arbitrary<ModbusRequest> requests() {
    return PduArbitraries.requests();
  }

  @Provide
  Arbitrary<ModbusResponse> responses() {
    return PduArbitraries.responses();
  }

  @Property(tries = 500, seed = "645")
  void requestsRoundTrip(@ForAll("requests") ModbusRequest request) throws Exception {
    ByteBuf wire = PooledByteBufAllocator.DEFAULT.directBuffer();
    try {
      ModbusPduEncoder.encode(request, wire);
      assertThat(wire.readableBytes()).isLessThanOrEqualTo(ModbusPduEncoder.MAX_PDU_LENGTH);
      assertThat(ModbusPduDecoder.decodeRequest(wire)).isEqualTo(request);
    } finally {
      wire.release();
    }
    assertThat(wire.refCnt()).isZero();
  }

  @Property(tries = 500, seed = "645")
  void responsesRoundTrip(@ForAll("responses") ModbusResponse response) throws Exception {
    ByteBuf wire = PooledByteBufAllocator.DEFAULT.directBuffer();
    try {
      ModbusPduEncoder.encode(response, wire);
      assertThat(wire.readableBytes()).isLessThanOrEqualTo(ModbusPduEncoder.MAX_PDU_LENGTH);
      assertThat(ModbusPduDecoder.decodeResponse(wire)).isEqualTo(response);
    } finally {
      wire.release();
    }
    assertThat(wire.refCnt()).isZero();
  }

  /** digitalpetri/modbus 2.1.3 is an independent implementation of the same layouts: the bytes must agree. */
  @Property(tries = 300, seed = "645")
  void requestBytesAgreeWithDigitalpetri(@ForAll("requests") ModbusRequest request) throws Exception {
    ByteBuffer theirs = ByteBuffer.allocate(260);
    com.digitalpetri.modbus.pdu.ModbusRequestPdu their = DigitalpetriPdus.request(request);
    if (their == null) {
      return; // a function digitalpetri does not model
    }
    com.digitalpetri.modbus.ModbusPduSerializer.DefaultRequestSerializer.INSTANCE.encode(their, theirs);
    theirs.flip();
    ByteBuf ours = Unpooled.buffer();
    ModbusPduEncoder.encode(request, ours);
    assertThat(Hex.of(ours)).isEqualTo(Hex.of(Unpooled.wrappedBuffer(theirs)));
    // and digitalpetri decodes our bytes into a record that it encodes to the same bytes again
    var serializer = com.digitalpetri.modbus.ModbusPduSerializer.DefaultRequestSerializer.INSTANCE;
    ByteBuffer back = ours.nioBuffer(); // its decode reads the function code again from the buffer
    ByteBuffer again = ByteBuffer.allocate(260);
    serializer.encode(serializer.decode(request.functionCode(), back), again);
    again.flip();
    assertThat(Hex.of(Unpooled.wrappedBuffer(again))).isEqualTo(Hex.of(ours));
  }

  @Property(tries = 2000, seed = "645")
  void randomBytesDecodeCanonicallyOrFailTyped(
      @ForAll @Size(max = 260) byte[] bytes, @ForAll Direction direction) {
    ByteBuf wire = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    try {
      ModbusPdu pdu = ModbusPduDecoder.decode(wire, direction);
      ByteBuf again = Unpooled.buffer();
      ModbusPduEncoder.encode(pdu, again);
      assertThat(Hex.of(again)).isEqualTo(Hex.of(Unpooled.wrappedBuffer(bytes)));
    } catch (ModbusDecodeException expected) {
      assertThat(expected.exceptionCode()).isNotNull();
    } finally {
      wire.release();
    }
    assertThat(wire.refCnt()).isZero();
  }

  @Property(tries = 1000, seed = "645")
  void corruptedPdusDecodeOrFailTyped(
      @ForAll("requests") ModbusRequest request,
      @ForAll("responses") ModbusResponse response,
      @ForAll int position,
      @ForAll byte value,
      @ForAll boolean truncate) {
    for (ModbusPdu pdu : new ModbusPdu[] {request, response}) {
      ByteBuf wire = PooledByteBufAllocator.DEFAULT.heapBuffer();
      try {
        ModbusPduEncoder.encode(pdu, wire);
        int at = Math.floorMod(position, wire.readableBytes());
        if (truncate) {
          wire.writerIndex(at);
        } else {
          wire.setByte(at, value);
        }
        ModbusPduDecoder.decode(wire, pdu instanceof ModbusRequest ? Direction.REQUEST : Direction.RESPONSE);
      } catch (ModbusDecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } finally {
        wire.release();
      }
    }
  }

  @Property(tries = 200, seed = "645")
  void decodedViewsAreSlicesNotCopies(@ForAll("responses") ModbusResponse response) throws Exception {
    ByteBuf wire = Unpooled.buffer();
    ModbusPduEncoder.encode(response, wire);
    ModbusResponse decoded = ModbusPduDecoder.decodeResponse(wire);
    if (decoded instanceof RegisterView view) {
      wire.setByte(2, wire.getByte(2) ^ 0xFF); // first register byte
      assertThat(view.registers().getByte(view.registers().readerIndex())).isEqualTo(wire.getByte(2));
    }
  }

  @Property(tries = 100, seed = "645")
  void exceptionCodesRoundTrip(@ForAll("exceptionCodes") int code) {
    ExceptionCode c = ExceptionCode.of(code);
    assertThat(c == null ? -1 : c.code()).isIn(code, -1);
    assertThat(c != null).isEqualTo(code >= 1 && code <= 0x0B && code != 9);
  }

  @Provide
  Arbitrary<Integer> exceptionCodes() {
    return Arbitraries.integers().between(0, 255);
  }
}
